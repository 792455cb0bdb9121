/*
 * keymap.c: see keymap.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "keymap.h"
#include "util.h"

static const struct {
	const char *name;
	enum keys_where where;
	const char *help;
	const char *keys;
} actions[ACT_COUNT] = {
#define KEY(id, name, where, help, keys) { name, where, help, keys },
#include "keys.def"
#undef KEY
};

/* Key names that are not a single character. */
static const struct {
	const char *name;
	int key;
} named[] = {
	{ "Up", KEYMAP_CODE + KEY_UP }, { "Down", KEYMAP_CODE + KEY_DOWN },
	{ "Left", KEYMAP_CODE + KEY_LEFT }, { "Right", KEYMAP_CODE + KEY_RIGHT },
	{ "PgUp", KEYMAP_CODE + KEY_PPAGE }, { "PgDn", KEYMAP_CODE + KEY_NPAGE },
	{ "Home", KEYMAP_CODE + KEY_HOME }, { "End", KEYMAP_CODE + KEY_END },
	{ "BTab", KEYMAP_CODE + KEY_BTAB }, { "Backspace", KEYMAP_CODE + KEY_BACKSPACE },
	{ "Enter", '\n' }, { "Tab", '\t' }, { "Esc", 27 }, { "Space", ' ' },
};

struct binding {
	int key;
	enum keys_where where;
	int action;
};

#define MAX_BINDINGS 256

static struct binding bindings[MAX_BINDINGS];
static size_t nbindings;

int
keymap_parse_key(const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
		if (strcmp(name, named[i].name) == 0)
			return named[i].key;
	}
	if (n == 3 && name[0] == 'C' && name[1] == '-' &&
	    ((name[2] >= 'a' && name[2] <= 'z') || name[2] == '[' || name[2] == ']'))
		return name[2] == '[' ? 27 : name[2] == ']' ? 29 : name[2] - 'a' + 1;
	if (name[0] == 'F' && n >= 2 && n <= 3 && atoi(name + 1) >= 1 && atoi(name + 1) <= 12)
		return KEYMAP_CODE + KEY_F(atoi(name + 1));
	if (n == 1 && (unsigned char)name[0] > ' ' && (unsigned char)name[0] < 0x7F)
		return (unsigned char)name[0];
	return -1;
}

void
keymap_key_name(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
		if (named[i].key == key) {
			snprintf(buf, size, "%s", named[i].name);
			return;
		}
	}
	if (key >= KEYMAP_CODE + KEY_F(1) && key <= KEYMAP_CODE + KEY_F(12))
		snprintf(buf, size, "F%d", key - KEYMAP_CODE - KEY_F(0));
	else if (key >= 1 && key <= 26)
		snprintf(buf, size, "C-%c", 'a' + key - 1);
	else if (key > ' ' && key < 0x7F)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "#%d", key);
}

static void
bind(int key, enum keys_where where, int action)
{
	if (nbindings < MAX_BINDINGS)
		bindings[nbindings++] = (struct binding){ key, where, action };
}

void
keymap_init(void)
{
	nbindings = 0;
	for (int a = 0; a < ACT_COUNT; a++) {
		char *keys = xstrdup(actions[a].keys), *save = NULL;

		for (char *k = strtok_r(keys, " ", &save); k; k = strtok_r(NULL, " ", &save)) {
			int key = keymap_parse_key(k);

			if (key < 0)
				die("keys.def: %s: bad key %s", actions[a].name, k);
			bind(key, actions[a].where, a);
		}
		free(keys);
	}
}

int
keymap_lookup(enum keys_where where, int key)
{
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].key == key && bindings[i].where == where)
			return bindings[i].action;
	}
	if (where == KEYS_SEARCH)	/* typing: only its own keys and pages */
		return key == KEYMAP_CODE + KEY_NPAGE ? ACT_PAGE_DOWN :
		    key == KEYMAP_CODE + KEY_PPAGE ? ACT_PAGE_UP :
		    key == KEYMAP_CODE + KEY_F(1) ? ACT_HELP : ACT_NONE;
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].key == key && bindings[i].where == KEYS_ANY)
			return bindings[i].action;
	}
	return ACT_NONE;
}

const char *
keymap_action_name(int action)
{
	return action >= 0 && action < ACT_COUNT ? actions[action].name : "";
}

const char *
keymap_action_help(int action)
{
	return action >= 0 && action < ACT_COUNT ? _(actions[action].help) : "";
}

enum keys_where
keymap_action_where(int action)
{
	return action >= 0 && action < ACT_COUNT ? actions[action].where : KEYS_ANY;
}

void
keymap_keys_of(int action, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < nbindings && len + 1 < size; i++) {
		char name[32];

		if (bindings[i].action != action)
			continue;
		keymap_key_name(bindings[i].key, name, sizeof name);
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
		if (len >= size)
			len = size - 1;
	}
}
