/*
 * cmd.h: the command table. A command is an entry (tmux's cmd_entry): its
 * name, synopsis, summary and options, each option with its argument's
 * name and its help, and flags for what it shares with others. cmd.c
 * builds getopt_long's tables from the entry, parses the options every
 * command takes (--db, --help, --json) in one place, prints the help and
 * opens the store; the entries stand beside the commands' bodies in
 * cli-*.c. "luot help CMD", "luot CMD --help", the usage text and the
 * tests that hold the man page and the bash completion to them all read
 * the same entries.
 */
#ifndef LUOT_CMD_H
#define LUOT_CMD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store.h"
#include "util.h"

/* One option of a command. */
struct cmd_opt {
	int key;		/* its short letter, or CMD_LONG_ONLY + n */
	const char *name;	/* its long name */
	const char *arg;	/* its argument's name (N_), or NULL: a switch */
	const char *help;	/* N_: lines after the first start with '\n' */
};

/* Keys of options with no short form. */
#define CMD_LONG_ONLY 256

enum {
	CMD_IDS = 1 << 0,	/* every operand is an article id */
	CMD_NO_DB = 1 << 1,	/* takes no --db (help) */
};

struct cmd_ctx;

struct command {
	const char *name;
	const char *synopsis;	/* N_: what follows the name */
	const char *summary;	/* N_: one line */
	const struct cmd_opt *opts;	/* its own options, up to a key of 0; or NULL */
	const char *db_help;	/* N_: --db's help, NULL for "the database at PATH" */
	const char *more;	/* N_: help after the options, or NULL */
	int flags;
	int min_args, max_args;	/* operands; max -1: any number */
	const char *args_wrong;	/* N_: the usage error for a count outside them */
	int (*run)(struct cmd_ctx *c);
};

/* An option as given. */
struct cmd_val {
	int key;
	const char *value;	/* NULL for a switch */
};

/* What a command's run gets: its options and operands, parsed. */
struct cmd_ctx {
	const struct command *cmd;
	const char *db;		/* --db before or after the command, or NULL */
	int json;		/* -j, --json (an option of its entry) */
	int dashdash;		/* they came after "--" */
	int argc;		/* the operands */
	char **argv;
	struct cmd_val *vals;	/* its own options, in the order given */
	size_t nvals;
	struct store *s;	/* opened by cmd_store(), closed after run */
};

/* Every command, in the order of the usage text. */
extern const struct command *const cmd_table[];

const struct command *cmd_find(const char *name);

/* luot's usage text: the program's options and every command's summary. */
void cmd_usage_program(FILE *f);

/* A command's help: usage line, summary, options. */
void cmd_usage(const struct command *cmd, FILE *f);

/*
 * Run the command named argv[0] with its arguments; db is the --db given
 * before it, or NULL. Returns the exit status: a usage error says itself
 * on one line with a hint and returns 2.
 */
int cmd_run(const char *db, int argc, char **argv);

/* The value of the option key given last, or NULL; and whether given. */
const char *cmd_get(const struct cmd_ctx *c, int key);
int cmd_has(const struct cmd_ctx *c, int key);

/* The operands joined by spaces (a query): new string. */
char *cmd_operands_text(const struct cmd_ctx *c);

/* A usage error of c's command: msg (if not NULL) and a hint; 2. */
int cmd_bad_usage(const struct cmd_ctx *c, const char *msg);

/* The store at c's --db (or the default one called name, such as
 * "luot.db"), opened once; NULL with the error said. */
struct store *cmd_store(struct cmd_ctx *c, const char *name);

/* Open the store at db, or the default called name; NULL with the error
 * said. */
struct store *cmd_open_store(const char *db, const char *name);

/* Parsers of option values: 0, or -1 when arg is not one. */
int64_t cmd_parse_id(const char *arg);	/* a positive article id; 0 if not */
int cmd_all_ids(char **argv, int argc);	/* 1 when every one is an id */
int cmd_parse_limit(const char *arg, long *out);	/* a number >= 0 */
int cmd_parse_size(const char *arg, size_t *out);	/* 800K, 16M, 2G ... */

#endif
