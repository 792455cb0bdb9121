/*
 * fuzz-conf.c: any bytes as lines of the configuration file. Bad lines
 * are said on stderr (run.sh keeps it in the log) and must never crash; the
 * dump of whatever was accepted must read back without an error.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int quiet;
	char *text = malloc(size + 1), *line, *save = NULL;
	FILE *f;

	if (!quiet) {
		quiet = 1;
		setenv("HOME", "/nonexistent", 1);
		unsetenv("XDG_CONFIG_HOME");
	}
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	conf_reset();
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		conf_line(line, "fuzz", 1);
	/* What was accepted dumps to a file that reads back clean. */
	{
		char *dump = NULL, *save2 = NULL;
		size_t n = 0;
		int bad = 0;

		if ((f = open_memstream(&dump, &n)) == NULL)
			abort();
		conf_dump(f);
		fclose(f);
		conf_reset();
		for (line = strtok_r(dump, "\n", &save2); line; line = strtok_r(NULL, "\n", &save2))
			bad += conf_line(line, "dump", 1) < 0;
		free(dump);
		if (bad)
			abort();
	}
	free(text);
	return 0;
}
