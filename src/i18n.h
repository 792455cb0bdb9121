/*
 * i18n.h: the gettext shorthands every module that prints for people uses.
 * _() translates at run time, N_() only marks a string for xgettext, and
 * P_() picks the form for a count: English needs two, Vietnamese one, and
 * other languages more, which only the catalogue knows.
 */
#ifndef LUOT_I18N_H
#define LUOT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(one, many, n) ngettext(one, many, n)

#endif
