/* cmd_cli.h - the subcommands (cmd_*.c) and what they share (cmd_util.c). */
#ifndef COPYDESK_CMD_CLI_H
#define COPYDESK_CMD_CLI_H

#include <stdio.h>

#include "cmd.h"

/* What a subcommand gets from main(). */
struct cli {
	const char *db_path; /* resolved: --db, $COPYDESK_DB or the XDG default */
	const char *editor;  /* $COPYDESK_EDITOR or NULL for the login name */
	FILE *out, *err;
	const char *argv0;
	/* The interface on an open database, for demo: main() gives ui_main (cli/ calls no ui/). */
	int (*interface)(desk *d);
};

/* Map a libcopydesk result code to an exit status. */
int cmd_exit_status(int rc);

/*
 * Open the database for a subcommand, printing the reason on failure.
 * cmd_open opens only an existing database (a mistyped --db creates
 * nothing); cmd_open_create makes it and its directories (import, the
 * interface).  Both refuse $COPYDESK_EDITOR naming someone else on a
 * database others may write.
 */
int cmd_open(desk **out, struct cli *c);
int cmd_open_create(desk **out, struct cli *c);
/* As cmd_open_create, leaving what an older database owes to the interface's idle time. */
int cmd_open_interface(desk **out, struct cli *c);

int cmd_import(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
int cmd_list(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_status(struct cli *c, int argc, char **argv);
int cmd_labels(struct cli *c, int argc, char **argv);
int cmd_tag(struct cli *c, int argc, char **argv);
int cmd_untag(struct cli *c, int argc, char **argv);
int cmd_span(struct cli *c, int argc, char **argv);
int cmd_spans(struct cli *c, int argc, char **argv);
int cmd_entities(struct cli *c, int argc, char **argv);
int cmd_entity(struct cli *c, int argc, char **argv);
int cmd_undo(struct cli *c, int argc, char **argv);
int cmd_redo(struct cli *c, int argc, char **argv);
int cmd_claim(struct cli *c, int argc, char **argv);
int cmd_claims(struct cli *c, int argc, char **argv);
int cmd_claim_show(struct cli *c, int argc, char **argv);
int cmd_evidence(struct cli *c, int argc, char **argv);
int cmd_verdict(struct cli *c, int argc, char **argv);
int cmd_note(struct cli *c, int argc, char **argv);
int cmd_approve(struct cli *c, int argc, char **argv);
int cmd_dispute(struct cli *c, int argc, char **argv);
int cmd_candidates(struct cli *c, int argc, char **argv);
int cmd_dismiss(struct cli *c, int argc, char **argv);
int cmd_repeats(struct cli *c, int argc, char **argv);
int cmd_apply(struct cli *c, int argc, char **argv);
int cmd_verdicts(struct cli *c, int argc, char **argv);
int cmd_config(struct cli *c, int argc, char **argv);
int cmd_stats(struct cli *c, int argc, char **argv);
int cmd_agreement(struct cli *c, int argc, char **argv);
int cmd_search(struct cli *c, int argc, char **argv);
int cmd_release(struct cli *c, int argc, char **argv);
int cmd_demo(struct cli *c, int argc, char **argv);
int cmd_help(struct cli *c, int argc, char **argv);
int cmd_gold(struct cli *c, int argc, char **argv);
int cmd_init_shared(struct cli *c, int argc, char **argv);
int cmd_users(struct cli *c, int argc, char **argv);

/* Print a usage error for command name and return EXIT_USAGE. */
int cmd_usage(struct cli *c, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Parse the id of what ("an article", "a claim", "an entity") for command
 * name (desk_parse_id); prints the error and returns nonzero when bad.
 */
int cmd_parse_id(struct cli *c, const char *name, const char *what, const char *s, int64_t *id);

/*
 * The one way the subcommands write: text with every character that must
 * not reach a terminal written as its escape (desk_escape), whether the
 * output is a terminal or a pipe (a pipe often ends at one: grep, less -R,
 * ssh).  cmd_printf formats first, so every argument (an editor's name, a
 * file name, a note) is escaped; the format's own LF and TAB are kept.
 * JSON is the lossless form: cmd_write_json writes it with C1 and bidi
 * controls as \uXXXX (desk_json_escape), and a newline.
 */
void cmd_write_text(FILE *f, const char *s, size_t len);
int cmd_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_write_json(FILE *f, const char *json);

/* The whole of path ("-": standard input) into *out; EXIT_NOINPUT with the reason. */
int cmd_read_file(char **out, size_t *len, struct cli *c, const char *name, const char *path);

/* Claims (cmd_claim.c): what the other claims' commands use. */
/* id, article, start, end, status, verdict (- if none), text; tab-separated. */
void cmd_claim_print(FILE *f, const desk_claim *cl);
/* cmd_check.c: the verdict's name (by name, label or key) into *out, else the scale in a message.
 */
int cmd_check_verdict(char **out, struct cli *c, const char *name, desk *d, const char *v);
/* Evidence research.c would refuse: DESK_INVALID with the reason; nothing written. */
int cmd_check_evidence(struct cli *c, const char *name, desk *d, const char *source,
                       const char *quote, const char *consulted);

/* Nonzero when both standard input and output are terminals. */
int cmd_have_terminal(void);

/* The database path: $COPYDESK_DB, else copydesk.db in the data directory (datadir.h). */
char *cmd_default_db(void);

#endif
