/*
 * test_identity.c - who made an edit and who may touch the files: the real
 * uid beside the editor's name in the edit log, and the mode a new database
 * is created with (0666 less the umask; 0660 in a setgid, shared directory).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

static const char body[] = "Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024.";

/* Every event of a claim's history carries the real uid, whatever the name. */
static void
test_uid_in_history(void **state)
{
	desk_claim_event *ev = NULL;
	desk_article_in in = {.body = body, .body_len = strlen(body), .lang = "vi"};
	int64_t art = 0, claim = 0;
	size_t n = 0;
	desk *d = NULL;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "someone-else"), DESK_OK);
	assert_int_equal(desk_article_add(d, &in, 1, &art, NULL), DESK_OK);
	assert_int_equal(desk_claim_add(&claim, d, art, 0, 10), DESK_OK);
	assert_int_equal(desk_claim_history(&ev, &n, d, claim), DESK_OK);
	assert_true(n >= 1);
	assert_string_equal(ev[0].editor, "someone-else");
	assert_int_equal(ev[0].uid, (int64_t)getuid());
	desk_claim_history_free(ev, n);
	desk_close(d);
}

/* A new database at path: its mode, after the file is removed again. */
static mode_t
identity_new_mode(const char *path, mode_t mask)
{
	char p[256];
	struct stat st;
	mode_t old = umask(mask);
	desk *d = NULL;

	assert_int_equal(desk_open(&d, path, "tester"), DESK_OK);
	umask(old);
	assert_int_equal(stat(path, &st), 0);
	desk_close(d);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return st.st_mode & 07777;
}

/*
 * SQLite makes a new database 0644 whatever the umask: under umask 002 (a
 * group that shares its files) the group could not write it.  Now 0666 less
 * the umask, as any file a program makes.
 */
static void
test_umask(void **state)
{
	char dir[] = "/tmp/copydesk-identity-XXXXXX", path[64];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.db", dir);
	assert_int_equal(identity_new_mode(path, 002), 0664);
	assert_int_equal(identity_new_mode(path, 022), 0644);
	assert_int_equal(identity_new_mode(path, 077), 0600);
	rmdir(dir);
}

/* In a setgid directory (a group's, as init-shared makes) the group may write it. */
static void
test_shared_dir(void **state)
{
	char dir[] = "/tmp/copydesk-identity-XXXXXX", path[64];

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chmod(dir, 02770), 0);
	snprintf(path, sizeof path, "%s/a.db", dir);
	assert_int_equal(identity_new_mode(path, 022), 0660);
	assert_int_equal(identity_new_mode(path, 077), 0660);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_uid_in_history),
	    cmocka_unit_test(test_umask),
	    cmocka_unit_test(test_shared_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
