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

enum action {
#define KEY(id, name, where, help, keys) id,
#include "keys.def"
#undef KEY
	ACT_COUNT
};

#define ACT_NONE (-1)

enum keys_where { KEYS_ANY, KEYS_LIST, KEYS_READER, KEYS_SEARCH, KEYS_MARKS };

#define KEYMAP_CODE 0x1000000

/* Bind the default keys (again: forgetting any other binding). */
void keymap_init(void);

/* The action key does in pane where, or ACT_NONE. */
int keymap_lookup(enum keys_where where, int key);

/* Parse a key name ("j", "C-d", "PgDn", "F1"); -1 when it is none. */
int keymap_parse_key(const char *name);

/* A key's name, as keymap_parse_key reads it, in buf. */
void keymap_key_name(int key, char *buf, size_t size);

const char *keymap_action_name(int action);
const char *keymap_action_help(int action);	/* translated */
enum keys_where keymap_action_where(int action);

/* The keys bound to action, as "j, Down, C-n", in buf ("" when none). */
void keymap_keys_of(int action, char *buf, size_t size);

#endif
