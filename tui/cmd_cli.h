/* cmd_cli.h - the subcommands (cmd_*.c) and what they share (cmd_util.c). */
#ifndef COPYDESK_CMD_CLI_H
#define COPYDESK_CMD_CLI_H

#include "cmd.h"

int cmd_import(struct cli *c, int argc, char **argv);
int cmd_list(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_status(struct cli *c, int argc, char **argv);
int cmd_labels(struct cli *c, int argc, char **argv);
int cmd_tag(struct cli *c, int argc, char **argv);
int cmd_untag(struct cli *c, int argc, char **argv);
int cmd_spans(struct cli *c, int argc, char **argv);
int cmd_entities(struct cli *c, int argc, char **argv);
int cmd_entity(struct cli *c, int argc, char **argv);
int cmd_undo(struct cli *c, int argc, char **argv);
int cmd_redo(struct cli *c, int argc, char **argv);
int cmd_demo(struct cli *c, int argc, char **argv);
int cmd_help(struct cli *c, int argc, char **argv);

/* Print a usage error for command name and return EXIT_USAGE. */
int cmd_usage(struct cli *c, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Parse an article id; prints the error and returns nonzero when bad. */
int cmd_parse_id(struct cli *c, const char *name, const char *s, int64_t *id);

/*
 * Write text for a reader: to a terminal, characters that must not reach it
 * (ESC and other controls) are written as their escapes; to a pipe or file,
 * as stored.
 */
void cmd_write_text(FILE *f, const char *s, size_t len);

/* Nonzero when both standard input and output are terminals. */
int cmd_have_terminal(void);

/* The database path: --db, $COPYDESK_DB, else $XDG_DATA_HOME/copydesk/copydesk.db. */
char *cmd_default_db(void);

#endif
