/*
 * colwidth.c: a test helper, not a test. For each line of stdin, prints
 * the columns it takes as glibc's wcwidth() measures them (what the
 * terminal does), or -1 when the line is not valid UTF-8 or holds a
 * character without a width. The UI tests use it on tmux's screen captures.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int
main(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 2;
	while ((n = getline(&line, &cap, stdin)) > 0) {
		mbstate_t st;
		const char *p = line;
		long cols = 0;

		if (line[n - 1] == '\n')
			line[--n] = '\0';
		memset(&st, 0, sizeof st);
		while (*p) {
			wchar_t wc;
			size_t k = mbrtowc(&wc, p, strlen(p), &st);
			int w;

			if (k == (size_t)-1 || k == (size_t)-2 || (w = wcwidth(wc)) < 0) {
				cols = -1;
				break;
			}
			cols += w;
			p += k;
		}
		printf("%ld\n", cols);
	}
	free(line);
	return 0;
}
