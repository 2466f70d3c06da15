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

/* fmt formatted into a new string (NULL if no memory). */
static char *
cmd_format(const char *fmt, va_list ap)
{
	va_list aq;
	char *s;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

int
cmd_usage(struct cli *c, const char *name, const char *fmt, ...)
{
	const struct cmd *cmd = cmd_find(name);
	char *msg = NULL;
	va_list ap;

	va_start(ap, fmt);
	msg = cmd_format(fmt, ap);
	va_end(ap);
	cmd_printf(c->err, "copydesk %s: %s\nusage: copydesk [--db FILE] %s %s\n", name,
	           msg ? msg : "out of memory", name, cmd ? cmd->args : "");
	free(msg);
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

int
cmd_open(desk **out, struct cli *c)
{
	char *dir = strdup(c->db_path);
	int rc;

	*out = NULL;
	if (dir == NULL || cmd_mkdirs(dir) != 0) {
		cmd_printf(c->err, "copydesk: %s: cannot create its directory: %s\n", c->db_path,
		           strerror(errno));
		free(dir);
		return EXIT_IOERR;
	}
	free(dir);
	if ((rc = desk_open(out, c->db_path, c->editor)) != DESK_OK) {
		cmd_printf(c->err, "copydesk: %s\n", desk_errmsg(*out));
		desk_close(*out);
		*out = NULL;
		return rc == DESK_SCHEMA ? EXIT_DATAERR
		                         : cmd_exit_status(rc == DESK_ERROR ? DESK_IO : rc);
	}
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
	char *e = NULL;
	size_t n = 0;

	if (desk_escape(&e, &n, s, len, 0) == DESK_OK)
		fwrite(e, 1, n, f);
	free(e);
}

int
cmd_printf(FILE *f, const char *fmt, ...)
{
	char *s;
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	s = cmd_format(fmt, ap);
	va_end(ap);
	if (s == NULL)
		return -1;
	cmd_write_text(f, s, n = strlen(s));
	free(s);
	return (int)n;
}

void
cmd_write_json(FILE *f, const char *json)
{
	char *e = NULL;
	size_t n = 0;

	if (desk_json_escape(&e, &n, json, strlen(json)) == DESK_OK) {
		fwrite(e, 1, n, f);
		fputc('\n', f);
	}
	free(e);
}
