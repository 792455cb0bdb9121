/*
 * i18n.h: the gettext shorthands every module that prints for people uses.
 * _() translates at run time, N_() only marks a string for xgettext.
 */
#ifndef LUOT_I18N_H
#define LUOT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
