/*
 * keymap.h: the interface's actions (keys.def) and the keys bound to them.
 *
 * A key is an int: a character's code point, or KEYMAP_CODE + a curses
 * KEY_ code (arrows, pages, function keys). Lookups look in the pane's
 * own bindings first, then in those for every pane.
 */
#ifndef LUOT_KEYMAP_H
#define LUOT_KEYMAP_H

#include <stddef.h>
#include <stdio.h>

enum action {
#define KEY(id, name, where, help, keys) id,
#include "keys.def"
#undef KEY
	ACT_COUNT
};

#define ACT_NONE (-1)
/* keymap_lookup: the keys so far begin a longer binding. */
#define KEYMAP_PENDING (-2)
/* Longest key sequence bound ("g g" is two). */
#define KEYMAP_MAX_SEQ 4

enum keys_where {
	KEYS_ANY, KEYS_LIST, KEYS_READER, KEYS_SEARCH, KEYS_MARKS, KEYS_LINKS, KEYS_SIDE,
	KEYS_QUEUE, KEYS_LAST = KEYS_QUEUE
};

#define KEYMAP_CODE 0x1000000

/* Bind the default keys (again: forgetting any other binding). */
void keymap_init(void);

/*
 * The action the n keys typed in order do in pane where: an action,
 * ACT_NONE, or KEYMAP_PENDING when they begin a longer binding (a key
 * that begins one does nothing on its own).
 */
int keymap_lookup(enum keys_where where, const int *keys, int n);

/*
 * Bind n keys, typed in order, to action in the panes where the action
 * works, instead of what they did there; ACT_NONE unbinds them in every
 * pane. Returns 0, or -1 when there are too many bindings or keys.
 */
int keymap_bind(const int *keys, int n, int action);

/* Forget every binding. */
void keymap_clear(void);

/* The action named name ("page-down"), or ACT_NONE. */
int keymap_action_of(const char *name);

/* Every binding, as configuration lines ("bind g g top"). */
void keymap_dump(FILE *f);

/* Parse a key name ("j", "C-d", "PgDn", "F1"); -1 when it is none. */
int keymap_parse_key(const char *name);

/* A key's name, as keymap_parse_key reads it, in buf. */
void keymap_key_name(int key, char *buf, size_t size);

/* n keys' names, as a sequence is written ("g g"), in buf. */
void keymap_keys_name(const int *keys, int n, char *buf, size_t size);

const char *keymap_action_help(int action);	/* translated */
enum keys_where keymap_action_where(int action);

/* The first key (or sequence) that does action where the focus is, as
 * keymap_lookup() reads keys there, in buf ("" when none). */
void keymap_first_key(int action, enum keys_where where, char *buf, size_t size);

/* The keys bound to action, as "j, Down, C-n", in buf ("" when none). */
void keymap_keys_of(int action, char *buf, size_t size);

#endif
