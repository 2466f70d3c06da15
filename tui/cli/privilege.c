/*
 * privilege.c - a setgid copydesk: the desk's group is held only while the
 * database opens, never while a file an editor names is opened.
 *
 * The shared set-up (init-shared, copydesk(1) "A SHARED DATABASE"): the
 * database lives in a directory root:G mode 2770, copydesk is installed
 * root:G mode 2755, and editors are not in G.  They can open the database
 * only through copydesk, as mail spools and game score files are kept, so
 * none of them can write another's name into it with the sqlite3 shell.
 *
 * The group is dropped (setegid(getgid())) first thing in main(), before
 * the locale, the terminal or any file is read, and raised only around
 * desk_open_ext(): SQLite's open and its first reads (PRAGMA user_version,
 * the migrations, PRAGMA data_version) open the database file, its -wal
 * and its -shm.  In WAL mode a live connection opens no more files of the
 * database after that: the pager opens the -wal once, at its first read
 * (pagerOpenWal, kept in Pager.pWal until the connection closes or leaves
 * WAL mode, which copydesk never asks), and the -shm once per process and
 * file (unixOpenSharedMemory, kept while a connection maps it); "The WAL
 * file exists for as long as any database connection has the database
 * open" (sqlite.org/wal.html).  There is no rollback journal in WAL mode
 * and no ATTACH in copydesk; temporary files for sorts go to the temporary
 * directory, made afterwards with the editor's own rights.  Every path an
 * editor gives (import files, export outputs, label and verdict files,
 * release directories) is opened after the drop, with the real uid and gid
 * alone: the file system refuses what the editor could not open without
 * copydesk (tests/e2e/test_shared.sh).
 *
 * What the kernel and libraries do for a setgid program (AT_SECURE): the
 * dynamic loader ignores LD_PRELOAD and LD_LIBRARY_PATH, glibc clears the
 * unsafe variables (TMPDIR, LOCPATH, GCONV_PATH, NLSPATH, MALLOC_*...) and
 * secure_getenv() returns NULL; the process is not dumpable.  ncurses
 * ignores TERMINFO and ~/.terminfo only while real and effective ids
 * differ: after the drop it reads them, with the editor's own rights,
 * which is harmless.  SQLite reads no environment but the temporary
 * directory's.  Under AddressSanitizer the runtime is linked as a library
 * from the system's directories, which the loader still loads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "privilege.h"

/*
 * Under AddressSanitizer (the CI's sanitizer build): LeakSanitizer cannot
 * run in a setgid process.  The kernel makes such a process not dumpable,
 * and LSan's ptrace of its own threads at exit is refused ("LeakSanitizer
 * has encountered a fatal error", status 1); ASAN_OPTIONS cannot turn it
 * off either, since /proc/self/environ is then unreadable.  So a setgid
 * run leaves leak checking out (ASan's other checks and UBSan stay on);
 * the same commands run without setgid keep it.  Called by the runtime
 * before main(); not in a build without ASan.
 */
#if defined(__SANITIZE_ADDRESS__)
#define PRIVILEGE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PRIVILEGE_ASAN 1
#endif
#endif
#ifdef PRIVILEGE_ASAN
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return getegid() != getgid() ? "detect_leaks=0" : "";
}
#endif

static gid_t privilege_real, privilege_desk;
static int privilege_on;

int
privilege_init(void)
{
	privilege_real = getgid();
	privilege_desk = getegid();
	if (geteuid() != getuid()) {
		fputs("copydesk: installed setuid: refused; copydesk is installed setgid to the "
		      "desk's group (see copydesk init-shared), never setuid\n",
		      stderr);
		return -1;
	}
	if (privilege_desk == privilege_real)
		return 0;
	privilege_on = 1;
	if (setegid(privilege_real) != 0 || getegid() != privilege_real) {
		fputs("copydesk: cannot drop the desk's group\n", stderr);
		return -1;
	}
	return 0;
}

int
privilege_setgid(void)
{
	return privilege_on;
}

unsigned
privilege_group(void)
{
	return (unsigned)privilege_desk;
}

int
privilege_raise(void)
{
	if (!privilege_on)
		return 0;
	return setegid(privilege_desk) == 0 && getegid() == privilege_desk ? 0 : -1;
}

void
privilege_drop(void)
{
	if (!privilege_on)
		return;
	if (setegid(privilege_real) != 0 || getegid() != privilege_real) {
		fputs("copydesk: cannot drop the desk's group\n", stderr);
		abort();
	}
}
