/*
 * fuzz.h: what the harnesses share: the boilerplate patterns luot ships,
 * loaded once (when the data folder is at hand; none otherwise).
 */
#ifndef LUOT_FUZZ_H
#define LUOT_FUZZ_H

#include <stdlib.h>

#include "../../src/boiler.h"
#include "../../src/text.h"

static inline struct boiler *
fuzz_patterns(void)
{
	static struct boiler *patterns;

	if (patterns == NULL) {
		char *err = NULL;

		text_init();
		patterns = boiler_new();
		if (boiler_load(patterns, FUZZ_DATADIR "/boilerplate", &err) < 0)
			free(err);
	}
	return patterns;
}

#endif
