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
	if (desk_parse_id(id, s) != DESK_OK)
		return cmd_usage(c, name, "not an article id: %s", s);
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

/* The whole of path ("-": standard input) into *out; EXIT_NOINPUT with the reason. */
int
cmd_read_file(char **out, size_t *len, struct cli *c, const char *name, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = NULL, *grown;
	size_t cap = 0, n = 0, got;
	int ret = EXIT_OK_;

	*out = NULL;
	if (f == NULL) {
		fprintf(c->err, "copydesk %s: %s: %s\n", name, path, strerror(errno));
		return EXIT_NOINPUT;
	}
	do {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 65536;
			if ((grown = realloc(buf, cap + 1)) == NULL) {
				fprintf(c->err, "copydesk %s: out of memory\n", name);
				ret = EXIT_SOFTWARE;
				goto done;
			}
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		fprintf(c->err, "copydesk %s: %s: %s\n", name, path, strerror(errno));
		ret = EXIT_NOINPUT;
		goto done;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	buf = NULL;
done:
	free(buf);
	if (f != stdin)
		fclose(f);
	return ret;
}
