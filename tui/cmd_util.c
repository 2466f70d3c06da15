/* cmd_util.c - what the subcommands share: opening the store, errors, output. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd_cli.h"

int
cmd_exit_status(int rc)
{
	switch (rc) {
	case DESK_OK:
		return EXIT_OK_;
	case DESK_MISUSE:
		return EXIT_USAGE;
	case DESK_INVALID:
	case DESK_SCHEMA:
	case DESK_RANGE:
		return EXIT_DATAERR;
	case DESK_IO:
		return EXIT_IOERR;
	case DESK_BUSY:
		return EXIT_TEMPFAIL;
	case DESK_NOTFOUND:
	case DESK_DUPLICATE:
	case DESK_CONFLICT:
		return EXIT_FAIL;
	default:
		return EXIT_SOFTWARE;
	}
}

int
cmd_usage(struct cli *c, const char *name, const char *fmt, ...)
{
	const struct cmd *cmd = cmd_find(name);
	va_list ap;

	fprintf(c->err, "copydesk %s: ", name);
	va_start(ap, fmt);
	vfprintf(c->err, fmt, ap);
	va_end(ap);
	fprintf(c->err, "\nusage: copydesk [--db FILE] %s %s\n", name, cmd ? cmd->args : "");
	return EXIT_USAGE;
}

int
cmd_parse_id(struct cli *c, const char *name, const char *s, int64_t *id)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v <= 0)
		return cmd_usage(c, name, "not an article id: %s", s);
	*id = v;
	return 0;
}

/* mkdir -p of the directories above path. */
static int
cmd_mkdirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

char *
cmd_default_db(void)
{
	const char *env = getenv("COPYDESK_DB"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME"), *base, *sub;
	char *path;
	size_t len;

	if (env && *env)
		return strdup(env);
	if (xdg && *xdg == '/') {
		base = xdg;
		sub = "/copydesk/copydesk.db";
	} else {
		base = home && *home ? home : ".";
		sub = "/.local/share/copydesk/copydesk.db";
	}
	len = strlen(base) + strlen(sub) + 1;
	if ((path = malloc(len)) != NULL)
		snprintf(path, len, "%s%s", base, sub);
	return path;
}

/* Articles an upgrade indexes in one short transaction. */
#define CMD_INDEX_STEP 100

/*
 * A database made before the sentence index: index its articles once, in
 * short steps (another editor writes between them), saying how far it is.
 */
static int
cmd_index_upgrade(desk *d, struct cli *c)
{
	int64_t left = 0, total;
	int tty = isatty(fileno(c->err)), rc;

	if ((rc = desk_claim_index(&left, d, 0)) != DESK_OK || left == 0)
		return rc;
	total = left;
	fprintf(c->err, "copydesk: indexing sentences for repeats: 0 of %lld%s", (long long)total,
	        tty ? "" : "\n");
	while (left > 0 && (rc = desk_claim_index(&left, d, CMD_INDEX_STEP)) == DESK_OK)
		if (tty || left == 0)
			fprintf(c->err,
			        "%scopydesk: indexing sentences for repeats: %lld of %lld%s",
			        tty ? "\r" : "", (long long)(total - left), (long long)total,
			        left == 0 || !tty ? "\n" : "");
	if (rc != DESK_OK)
		fprintf(c->err, "%scopydesk: indexing sentences (left for the next time): %s\n",
		        tty ? "\n" : "", desk_errmsg(d));
	return rc;
}

int
cmd_open(desk **out, struct cli *c)
{
	char *dir = strdup(c->db_path);
	int rc;

	*out = NULL;
	if (dir == NULL || cmd_mkdirs(dir) != 0) {
		fprintf(c->err, "copydesk: %s: cannot create its directory: %s\n", c->db_path,
		        strerror(errno));
		free(dir);
		return EXIT_IOERR;
	}
	free(dir);
	if ((rc = desk_open(out, c->db_path, c->editor)) != DESK_OK) {
		fprintf(c->err, "copydesk: %s\n", desk_errmsg(*out));
		desk_close(*out);
		*out = NULL;
		return rc == DESK_SCHEMA ? EXIT_DATAERR
		                         : cmd_exit_status(rc == DESK_ERROR ? DESK_IO : rc);
	}
	/* Not fatal: what is left is indexed on the next open (repeats miss it until then). */
	cmd_index_upgrade(*out, c);
	return EXIT_OK_;
}

int
cmd_have_terminal(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

void
cmd_write_text(FILE *f, const char *s, size_t len)
{
	desk_text *t = NULL;
	char esc[16];
	size_t from = 0;

	if (!isatty(fileno(f)) || desk_text_new(&t, s, len) != DESK_OK) {
		fwrite(s, 1, len, f);
		return;
	}
	for (int64_t cp = 0; cp < desk_text_len(t); cp++) {
		uint32_t c = desk_text_char(t, cp);

		if (c == '\n' || desk_char_escape(c, esc) == 0)
			continue;
		fwrite(s + from, 1, desk_text_byte(t, cp) - from, f);
		fputs(esc, f);
		from = desk_text_byte(t, cp + 1);
	}
	fwrite(s + from, 1, len - from, f);
	desk_text_free(t);
}
