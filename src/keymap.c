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
	int keys[KEYMAP_MAX_SEQ];
	int nkeys;
	enum keys_where where;
	int action;
};

#define MAX_BINDINGS 512

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
	else if (key == 29)	/* read as C-]: a dump must read back */
		snprintf(buf, size, "C-]");
	else if (key > ' ' && key < 0x7F)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "#%d", key);
}

static int
same_keys(const struct binding *b, const int *keys, int n)
{
	return b->nkeys == n && memcmp(b->keys, keys, (size_t)n * sizeof *keys) == 0;
}

/* Does b begin with keys, and go on? */
static int
begins_with(const struct binding *b, const int *keys, int n)
{
	return b->nkeys > n && memcmp(b->keys, keys, (size_t)n * sizeof *keys) == 0;
}

/* Forget what keys did in where. */
static void
unbind(const int *keys, int n, enum keys_where where)
{
	size_t j = 0;

	for (size_t i = 0; i < nbindings; i++) {
		if (!(bindings[i].where == where && same_keys(&bindings[i], keys, n)))
			bindings[j++] = bindings[i];
	}
	nbindings = j;
}

/* Bind keys to action; with user, as the user binds them (keymap_bind). */
static int
bind_keys(const int *keys, int n, int action, int user)
{
	if (n < 1 || n > KEYMAP_MAX_SEQ)
		return -1;
	if (action == ACT_NONE) {
		for (int w = KEYS_ANY; w <= KEYS_LAST; w++)
			unbind(keys, n, (enum keys_where)w);
		return 0;
	}
	/* Bound by the user to an action of every pane, the keys do it in
	 * every pane: a pane's own default for them would come first (bind
	 * Q quit, where the list has Q for the queue). The defaults are
	 * meant to: q goes back in the article, quits elsewhere. */
	for (int w = KEYS_ANY; w <= KEYS_LAST; w++) {
		if (w == (int)actions[action].where || (user && actions[action].where == KEYS_ANY))
			unbind(keys, n, (enum keys_where)w);
	}
	if (nbindings == MAX_BINDINGS)
		return -1;
	bindings[nbindings].nkeys = n;
	memcpy(bindings[nbindings].keys, keys, (size_t)n * sizeof *keys);
	bindings[nbindings].where = actions[action].where;
	bindings[nbindings].action = action;
	nbindings++;
	return 0;
}

int
keymap_bind(const int *keys, int n, int action)
{
	return bind_keys(keys, n, action, 1);
}

void
keymap_clear(void)
{
	nbindings = 0;
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
			bind_keys(&key, 1, a, 0);
		}
		free(keys);
	}
}

/* The action keys do among the bindings for where, or ACT_NONE; *longer
 * is set when they begin a longer binding there. */
static int
lookup_in(enum keys_where where, const int *keys, int n, int *longer)
{
	int action = ACT_NONE;

	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].where != where)
			continue;
		if (same_keys(&bindings[i], keys, n))
			action = bindings[i].action;
		else if (begins_with(&bindings[i], keys, n))
			*longer = 1;
	}
	return action;
}

/* The search types every other key into the query: of the keys of
 * KEYS_ANY, only these work there, whatever the bindings. */
static const struct {
	int key, action;
} search_also[] = {
	{ KEYMAP_CODE + KEY_NPAGE, ACT_PAGE_DOWN },
	{ KEYMAP_CODE + KEY_PPAGE, ACT_PAGE_UP },
	{ KEYMAP_CODE + KEY_F(1), ACT_HELP },
};

int
keymap_lookup(enum keys_where where, const int *keys, int n)
{
	int longer = 0, action = lookup_in(where, keys, n, &longer);

	if (where == KEYS_SEARCH) {	/* typing: only its own keys and pages */
		if (action != ACT_NONE || longer)
			return longer ? KEYMAP_PENDING : action;
		for (size_t i = 0; n == 1 && i < sizeof search_also / sizeof *search_also; i++) {
			if (keys[0] == search_also[i].key)
				return search_also[i].action;
		}
		return ACT_NONE;
	}
	if (action == ACT_NONE)
		action = lookup_in(KEYS_ANY, keys, n, &longer);
	else
		lookup_in(KEYS_ANY, keys, n, &longer);
	/* A key that begins a longer binding waits for the next one. */
	return longer ? KEYMAP_PENDING : action;
}

void
keymap_keys_name(const int *keys, int n, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int k = 0; k < n && len + 1 < size; k++) {
		char name[32];

		keymap_key_name(keys[k], name, sizeof name);
		len += (size_t)snprintf(buf + len, size - len, "%s%s", k ? " " : "", name);
	}
}

int
keymap_action_of(const char *name)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		if (strcmp(actions[a].name, name) == 0)
			return a;
	}
	return ACT_NONE;
}

void
keymap_dump(FILE *f)
{
	for (size_t i = 0; i < nbindings; i++) {
		char keys[160];

		keymap_keys_name(bindings[i].keys, bindings[i].nkeys, keys, sizeof keys);
		fprintf(f, "bind %s %s\n", keys, actions[bindings[i].action].name);
	}
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
keymap_first_key(int action, enum keys_where where, char *buf, size_t size)
{
	buf[0] = '\0';
	/* Where's own bindings first, then those it takes from KEYS_ANY. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < nbindings; i++) {
			if (bindings[i].action == action &&
			    bindings[i].where == (pass == 0 ? where : KEYS_ANY)) {
				keymap_keys_name(bindings[i].keys, bindings[i].nkeys, buf, size);
				return;
			}
		}
		if (where == KEYS_SEARCH)
			break;
	}
	for (size_t i = 0; where == KEYS_SEARCH && i < sizeof search_also / sizeof *search_also;
	    i++) {
		if (search_also[i].action == action) {
			keymap_key_name(search_also[i].key, buf, size);
			return;
		}
	}
}

void
keymap_keys_of(int action, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < nbindings && len + 1 < size; i++) {
		char name[160];

		if (bindings[i].action != action)
			continue;
		keymap_keys_name(bindings[i].keys, bindings[i].nkeys, name, sizeof name);
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
		if (len >= size)
			len = size - 1;
	}
}
