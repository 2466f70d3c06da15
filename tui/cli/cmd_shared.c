/*
 * cmd_shared.c - `copydesk init-shared DIR --group G [--install PATH]`: the
 * shared set-up, as root.  The group G (made with groupadd if missing), the
 * directory DIR root:G mode 2770, the database DIR/copydesk.db root:G mode
 * 0660 in WAL mode, migrated; with --install the running binary copied to
 * PATH root:G mode 2755 (chown first: chown clears the setgid bit), else the
 * commands that do it.  Run again on the same set-up it changes nothing; a
 * DIR or database with other owners or modes is refused, never changed.
 * Editors are not made members of G: they reach the database only through
 * the setgid copydesk (privilege.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd_cli.h"

/* The database's name in DIR. */
#define SHARED_DB "copydesk.db"

/* A group name groupadd takes: [a-z_][a-z0-9_-]*, at most 32 bytes. */
static int
shared_group_name_ok(const char *g)
{
	size_t n = strlen(g);

	if (n == 0 || n > 32 || !((*g >= 'a' && *g <= 'z') || *g == '_'))
		return 0;
	for (const char *p = g; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
		      *p == '-'))
			return 0;
	return 1;
}

/* The group G, made with groupadd --system if missing; -1 on failure (said). */
static int
shared_group(struct cli *c, const char *name, gid_t *gid)
{
	struct group *gr;
	pid_t pid;
	int status = 0;

	if ((gr = getgrnam(name)) != NULL) {
		*gid = gr->gr_gid;
		return 0;
	}
	if (!shared_group_name_ok(name)) {
		cmd_printf(c->err,
		           "copydesk init-shared: %s: not a group name groupadd takes "
		           "(a-z, 0-9, _ and -, at most 32)\n",
		           name);
		return -1;
	}
	if ((pid = fork()) == 0) {
		execl("/usr/sbin/groupadd", "groupadd", "--system", name, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || (gr = getgrnam(name)) == NULL) {
		cmd_printf(c->err,
		           "copydesk init-shared: could not make the group %s with "
		           "/usr/sbin/groupadd\n",
		           name);
		return -1;
	}
	*gid = gr->gr_gid;
	cmd_printf(c->out, "group %s made (gid %lu)\n", name, (unsigned long)*gid);
	return 0;
}

/* path exists as want (a directory or a file) root:gid with mode exactly mode, or is refused. */
static int
shared_check(struct cli *c, const char *path, int dir, gid_t gid, mode_t mode)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return 1; /* missing: to be made */
	if ((dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) || st.st_uid != 0 ||
	    st.st_gid != gid || (st.st_mode & 07777) != mode) {
		cmd_printf(c->err,
		           "copydesk init-shared: %s exists with other settings (%s, uid %lu, gid "
		           "%lu, mode %04o); wanted: a %s owned by root, group gid %lu, mode %04o; "
		           "nothing was changed: fix it or choose another directory\n",
		           path, S_ISDIR(st.st_mode) ? "a directory" : "not a directory",
		           (unsigned long)st.st_uid, (unsigned long)st.st_gid,
		           (unsigned)(st.st_mode & 07777), dir ? "directory" : "file",
		           (unsigned long)gid, (unsigned)mode);
		return -1;
	}
	return 0;
}

/* The database in DIR: made (0660 in the setgid DIR), migrated, WAL; root:G 0660. */
static int
shared_database(struct cli *c, const char *path, gid_t gid)
{
	desk *d = NULL;
	mode_t old = umask(007);
	int rc;

	rc = desk_open(&d, path, NULL);
	umask(old);
	if (rc != DESK_OK) {
		cmd_printf(c->err, "copydesk init-shared: %s\n", desk_errmsg(d));
		desk_close(d);
		return -1;
	}
	desk_close(d);
	if (chown(path, 0, gid) != 0 || chmod(path, 0660) != 0) {
		cmd_printf(c->err, "copydesk init-shared: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* A copy of the running binary at path, root:gid 2755 (chown before chmod), put in place whole. */
static int
shared_install(struct cli *c, const char *path, gid_t gid)
{
	char tmp[PATH_MAX], buf[65536];
	int in = -1, out = -1, ret = -1;
	ssize_t n = 0;

	if (snprintf(tmp, sizeof tmp, "%s.init-shared", path) >= (int)sizeof tmp) {
		cmd_printf(c->err, "copydesk init-shared: %s: name too long\n", path);
		return -1;
	}
	unlink(tmp);
	if ((in = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)) < 0 ||
	    (out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0700)) < 0)
		goto done;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	if (n < 0 || fchown(out, 0, gid) != 0 || fchmod(out, 02755) != 0 || fsync(out) != 0)
		goto done;
	if (close(out) != 0) {
		out = -1;
		goto done;
	}
	out = -1;
	if (rename(tmp, path) != 0)
		goto done;
	ret = 0;
done:
	if (ret != 0) {
		cmd_printf(c->err, "copydesk init-shared: %s: %s\n", path, strerror(errno));
		unlink(tmp);
	}
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return ret;
}

/* s quoted for sh ('...', a ' as '\''), printed through cmd_printf (controls escaped). */
static void
shared_quote(FILE *f, const char *s)
{
	char *q = malloc(strlen(s) * 4 + 3), *p = q;

	if (q == NULL)
		return;
	*p++ = '\'';
	for (; *s; s++)
		if (*s == '\'') {
			memcpy(p, "'\\''", 4);
			p += 4;
		} else {
			*p++ = *s;
		}
	*p++ = '\'';
	*p = '\0';
	cmd_printf(f, "%s", q);
	free(q);
}

static void
shared_print_install(struct cli *c, const char *group)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

	if (n <= 0)
		snprintf(self, sizeof self, "copydesk");
	else
		self[n] = '\0';
	cmd_printf(c->out,
	           "to install copydesk setgid %s, run (or use --install PATH):\n  install "
	           "-o root -g ",
	           group);
	shared_quote(c->out, group);
	fputs(" -m 2755 ", c->out);
	shared_quote(c->out, self);
	fputs(" /usr/local/bin/copydesk\n", c->out);
}

/* init-shared DIR --group G [--install PATH] */
int
cmd_init_shared(struct cli *c, int argc, char **argv)
{
	const char *dir = NULL, *group = NULL, *install = NULL;
	char db[PATH_MAX];
	gid_t gid = 0;
	int r;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--group") == 0 && i + 1 < argc)
			group = argv[++i];
		else if (strcmp(argv[i], "--install") == 0 && i + 1 < argc)
			install = argv[++i];
		else if (argv[i][0] == '-' || dir != NULL)
			return cmd_usage(c, "init-shared", "unknown argument %s", argv[i]);
		else
			dir = argv[i];
	}
	if (dir == NULL || *dir == '\0' || group == NULL || *group == '\0')
		return cmd_usage(c, "init-shared", "needs DIR and --group G");
	if (geteuid() != 0 || getuid() != 0) {
		cmd_printf(c->err,
		           "copydesk init-shared: must be run as root: it makes a group, a "
		           "directory owned by root and a setgid copydesk; run it with sudo\n");
		return EXIT_USAGE;
	}
	if (snprintf(db, sizeof db, "%s/%s", dir, SHARED_DB) >= (int)sizeof db)
		return cmd_usage(c, "init-shared", "DIR too long");
	if (shared_group(c, group, &gid) != 0)
		return EXIT_FAIL;
	if ((r = shared_check(c, dir, 1, gid, 02770)) < 0)
		return EXIT_FAIL;
	if (r > 0 && (mkdir(dir, 0700) != 0 || chown(dir, 0, gid) != 0 || chmod(dir, 02770) != 0)) {
		cmd_printf(c->err, "copydesk init-shared: %s: %s\n", dir, strerror(errno));
		return EXIT_IOERR;
	}
	if (shared_check(c, db, 0, gid, 0660) < 0)
		return EXIT_FAIL;
	if (shared_database(c, db, gid) != 0)
		return EXIT_IOERR;
	cmd_printf(c->out, "%s: directory root:%s mode 2770\n%s: database root:%s mode 0660, WAL\n",
	           dir, group, db, group);
	if (install != NULL) {
		if (shared_install(c, install, gid) != 0)
			return EXIT_IOERR;
		cmd_printf(c->out, "%s: copydesk root:%s mode 2755\n", install, group);
	} else {
		shared_print_install(c, group);
	}
	cmd_printf(c->out, "editors (not members of %s) run: copydesk --db %s ...\n", group, db);
	return EXIT_OK_;
}
