/*
 * dbfile.c - the database's files as the file system sees them: who may
 * open them (with the effective ids of a setgid copydesk), the mode a new
 * database is made with, and the group of the -wal and -shm files.  No
 * editor's sequence of commands may leave a file another cannot use.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* The directory holding path ("." for a bare name); caller frees. */
char *
dbfile_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/*
 * Whether this process may access path with its effective ids, not the
 * real ones access() checks: a setgid copydesk holds the desk's group only
 * in its effective gid while it opens the database.
 */
int
dbfile_may(const char *path, int mode)
{
	return faccessat(AT_FDCWD, path, mode, AT_EACCESS);
}

/*
 * A new database at path made by copydesk, not by SQLite, which makes it
 * 0644 whatever the umask (SQLITE_DEFAULT_FILE_PERMISSIONS), so that a
 * group sharing its files under umask 002 could not write it: 0666 less
 * the umask, as any file a program makes, and 0660 in a setgid directory
 * (a group's, as init-shared makes it), whatever the umask, so that the
 * group may write it.  An empty file is an empty SQLite database; SQLite
 * makes the -wal and -shm with the database's mode.  Another process
 * making it first is no failure.
 */
void
dbfile_create(const char *path)
{
	struct stat ds;
	char *dir;
	int fd;

	if (*path == '\0' || strcmp(path, ":memory:") == 0 || strncmp(path, "file:", 5) == 0)
		return;
	if ((fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666)) < 0)
		return;
	if ((dir = dbfile_dirname(path)) != NULL && stat(dir, &ds) == 0 && (ds.st_mode & S_ISGID))
		(void)fchmod(fd, 0660);
	free(dir);
	close(fd);
}

/*
 * The -wal and -shm files this process made take the database file's
 * group: SQLite gives them its mode, but the maker's own group, and a
 * group-writable database then had a -shm the group could not write (the
 * owner locked out, exit 74).  Only a file this user owns, to a group it
 * is in (chown allows no more); nothing else is touched.
 */
void
dbfile_share(const char *path)
{
	static const char *const suffix[] = {"-wal", "-shm"};
	struct stat db, st;
	size_t len = strlen(path);
	char *p;

	if (*path == '\0' || strcmp(path, ":memory:") == 0 || strncmp(path, "file:", 5) == 0 ||
	    stat(path, &db) != 0 || (p = malloc(len + 5)) == NULL)
		return;
	for (size_t i = 0; i < 2; i++) {
		memcpy(p, path, len);
		memcpy(p + len, suffix[i], 5);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		    st.st_gid != db.st_gid)
			(void)lchown(p, (uid_t)-1, db.st_gid);
	}
	free(p);
}
