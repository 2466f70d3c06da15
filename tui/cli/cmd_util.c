/* cmd_util.c - what the subcommands share: opening the store, errors, output. */
#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd_cli.h"
#include "datadir.h"
#include "privilege.h"
#include "upgrade.h"

/* Not a desk_open_ext() flag: leave the upgrades to the caller (the interface). */
#define CMD_OPEN_NO_UPGRADE (1u << 30)

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
	case DESK_DENIED:
		return EXIT_NOPERM;
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
cmd_parse_id(struct cli *c, const char *name, const char *what, const char *s, int64_t *id)
{
	if (desk_parse_id(id, s) != DESK_OK)
		return cmd_usage(c, name, "not %s id: %s", what, s);
	return 0;
}

char *
cmd_default_db(void)
{
	const char *env = getenv("COPYDESK_DB");

	return env && *env ? strdup(env) : datadir_path("copydesk.db");
}

/* Articles an upgrade indexes or counts in one short transaction. */
#define CMD_INDEX_STEP 100

/*
 * A database made before the sentence index or the kept counts: index or
 * count its articles once, in short steps (another editor writes between
 * them), saying how far it is (what: "indexing sentences for repeats").
 */
static int
cmd_upgrade(desk *d, struct cli *c, int (*step)(int64_t *, desk *, size_t), const char *what)
{
	int64_t left = 0, total;
	int tty = isatty(fileno(c->err)), rc;

	if ((rc = step(&left, d, 0)) != DESK_OK || left == 0)
		return rc;
	total = left;
	fprintf(c->err, "copydesk: %s: 0 of %lld%s", what, (long long)total, tty ? "" : "\n");
	while (left > 0 && (rc = step(&left, d, CMD_INDEX_STEP)) == DESK_OK)
		if (tty || left == 0)
			fprintf(c->err, "%scopydesk: %s: %lld of %lld%s", tty ? "\r" : "", what,
			        (long long)(total - left), (long long)total,
			        left == 0 || !tty ? "\n" : "");
	if (rc != DESK_OK)
		cmd_printf(c->err, "%scopydesk: %s (left for the next time): %s\n", tty ? "\n" : "",
		           what, desk_errmsg(d));
	return rc;
}

/* path + suffix, owned by the user and writable by no one else (missing passes unless must_exist).
 */
static int
cmd_owned(const char *path, size_t len, const char *suffix, int must_exist)
{
	size_t n = strlen(suffix);
	char *p = malloc(len + n + 1);
	struct stat st;
	int ok;

	if (p == NULL)
		return 0;
	memcpy(p, path, len);
	memcpy(p + len, suffix, n + 1);
	if (stat(p, &st) != 0)
		ok = !must_exist && errno == ENOENT;
	else
		ok = st.st_uid == getuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
	free(p);
	return ok;
}

/*
 * Whether no one but the user can write the database at path: the file, its
 * -wal and -shm and its directory.  Only then may COPYDESK_EDITOR name
 * another editor; on a shared database the name is who runs copydesk.
 */
static int
cmd_db_private(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t len = strlen(path);

	if (strcmp(path, ":memory:") == 0)
		return 1;
	if (!(slash ? cmd_owned(path, slash == path ? 1 : (size_t)(slash - path), "", 1)
	            : cmd_owned(".", 1, "", 1)))
		return 0;
	return cmd_owned(path, len, "", 0) && cmd_owned(path, len, "-wal", 0) &&
	       cmd_owned(path, len, "-shm", 0);
}

/*
 * desk_open_ext, with the desk's group on a setgid run (privilege.c) while
 * SQLite opens the database, its -wal and its -shm, and only for the desk's
 * own file: a database whose group is not the desk's is opened with the
 * editor's rights alone, and no editor makes a new file with the group's
 * (DESK_OPEN_EXISTING: init-shared made the database).
 */
static int
cmd_open_desk(desk **out, struct cli *c, unsigned flags)
{
	struct stat st;
	int rc;

	if (!privilege_setgid())
		return desk_open_ext(out, c->db_path, c->editor, flags);
	if (privilege_raise() != 0) {
		privilege_drop();
		return desk_open_ext(out, c->db_path, c->editor, flags | DESK_OPEN_EXISTING);
	}
	if (stat(c->db_path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_gid != (gid_t)privilege_group())
		privilege_drop();
	rc = desk_open_ext(out, c->db_path, c->editor, flags | DESK_OPEN_EXISTING);
	privilege_drop();
	return rc;
}

/* desk_open_ext with the CLI's rules: who the editor is, and what is said on failure. */
static int
cmd_open_flags(desk **out, struct cli *c, unsigned flags)
{
	char login[256];
	int rc;

	*out = NULL;
	desk_login(login, sizeof login);
	if (c->editor && strcmp(c->editor, login) != 0 && privilege_setgid()) {
		cmd_printf(c->err,
		           "copydesk: COPYDESK_EDITOR=%s is refused: this copydesk is installed "
		           "setgid for a shared database, so changes are recorded as the Unix user "
		           "running it (%s); unset COPYDESK_EDITOR\n",
		           c->editor, login);
		return EXIT_USAGE;
	}
	if (c->editor && strcmp(c->editor, login) != 0 && !cmd_db_private(c->db_path)) {
		cmd_printf(
		    c->err,
		    "copydesk: COPYDESK_EDITOR=%s is refused: %s is shared (others may write "
		    "it, its -wal or -shm, or its directory), so changes to it are recorded as "
		    "the Unix user running copydesk (%s); unset COPYDESK_EDITOR\n",
		    c->editor, c->db_path, login);
		return EXIT_USAGE;
	}
	rc = cmd_open_desk(out, c, flags & ~CMD_OPEN_NO_UPGRADE);
	if (rc != DESK_OK) {
		if (rc == DESK_NOTFOUND)
			cmd_printf(c->err,
			           "copydesk: %s; make one with: copydesk --db %s import FILE...\n",
			           desk_errmsg(*out), c->db_path);
		else
			cmd_printf(c->err, "copydesk: %s\n", desk_errmsg(*out));
		desk_close(*out);
		*out = NULL;
		if (rc == DESK_NOTFOUND)
			return EXIT_NOINPUT;
		if (rc == DESK_INVALID) /* the editor's name */
			return EXIT_USAGE;
		return rc == DESK_SCHEMA ? EXIT_DATAERR
		                         : cmd_exit_status(rc == DESK_ERROR ? DESK_IO : rc);
	}
	/*
	 * Not fatal: what is left is done on the next open (repeats, searches...
	 * miss it until then).  The interface does it while the editor is idle.
	 */
	for (size_t i = 0; i < upgrade_count && !(flags & CMD_OPEN_NO_UPGRADE); i++)
		cmd_upgrade(*out, c, upgrade_table[i].step, upgrade_table[i].what);
	return EXIT_OK_;
}

int
cmd_open(desk **out, struct cli *c)
{
	return cmd_open_flags(out, c, DESK_OPEN_EXISTING);
}

static int
cmd_open_create_flags(desk **out, struct cli *c, unsigned flags)
{
	char *dir = strdup(c->db_path);

	*out = NULL;
	if (dir == NULL || datadir_mkdirs(dir) != 0) {
		cmd_printf(c->err, "copydesk: %s: cannot create its directory: %s\n", c->db_path,
		           strerror(errno));
		free(dir);
		return EXIT_IOERR;
	}
	free(dir);
	return cmd_open_flags(out, c, flags);
}

int
cmd_open_create(desk **out, struct cli *c)
{
	return cmd_open_create_flags(out, c, 0);
}

int
cmd_open_interface(desk **out, struct cli *c)
{
	return cmd_open_create_flags(out, c, CMD_OPEN_NO_UPGRADE);
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
		cmd_printf(c->err, "copydesk %s: %s: %s\n", name, path, strerror(errno));
		return EXIT_NOINPUT;
	}
	do {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 65536;
			if ((grown = realloc(buf, cap + 1)) == NULL) {
				cmd_printf(c->err, "copydesk %s: out of memory\n", name);
				ret = EXIT_SOFTWARE;
				goto done;
			}
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		cmd_printf(c->err, "copydesk %s: %s: %s\n", name, path, strerror(errno));
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
