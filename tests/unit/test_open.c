/*
 * test_open.c - desk_open's failures in words, and DESK_OPEN_EXISTING
 * creating nothing.  The messages are whole: desk_errmsg() used to be
 * written from itself ("not a copydesk database (adonly database)").
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
#include <sqlite3.h>

#include "copydesk/copydesk.h"

struct dir {
	char path[64], db[128];
};

static int
setup(void **state)
{
	struct dir *t = calloc(1, sizeof *t);

	if (t == NULL)
		return -1;
	snprintf(t->path, sizeof t->path, "/tmp/copydesk-open-XXXXXX");
	if (mkdtemp(t->path) == NULL)
		return -1;
	snprintf(t->db, sizeof t->db, "%s/cd.db", t->path);
	*state = t;
	return 0;
}

static int
teardown(void **state)
{
	struct dir *t = *state;
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->path);
	if (system(cmd) != 0)
		return -1;
	free(t);
	return 0;
}

static void
expect_open(const char *path, unsigned flags, int rc, const char *msg)
{
	desk *d = NULL;
	char want[512];

	assert_int_equal(desk_open_ext(&d, path, "t", flags), rc);
	snprintf(want, sizeof want, "%s: %s", path, msg);
	assert_string_equal(desk_errmsg(d), want);
	desk_close(d);
}

static void
test_not_a_database(void **state)
{
	struct dir *t = *state;
	FILE *f = fopen(t->db, "w");

	assert_non_null(f);
	fputs("this is not a database, just text that is long enough to be read\n", f);
	fclose(f);
	expect_open(t->db, 0, DESK_IO, "not a copydesk database");
	expect_open(t->db, DESK_OPEN_EXISTING, DESK_IO, "not a copydesk database");
}

/* The page size of the database at path, read with SQLite itself. */
static int
page_size(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int n = 0;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/*
 * A new database has 16 KB pages (articles of a few KB fit a page); one whose
 * file SQLite already made with another page size keeps it.
 */
static void
test_page_size(void **state)
{
	struct dir *t = *state;
	char old[160];
	sqlite3 *db = NULL;
	desk *d = NULL;

	assert_int_equal(desk_open(&d, t->db, "t"), DESK_OK);
	desk_close(d);
	assert_int_equal(page_size(t->db), 16384);
	snprintf(old, sizeof old, "%s/old.db", t->path);
	assert_int_equal(sqlite3_open(old, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(page_size(old), 4096);
	assert_int_equal(desk_open(&d, old, "t"), DESK_OK);
	desk_close(d);
	assert_int_equal(page_size(old), 4096);
}

static void
test_missing_creates_nothing(void **state)
{
	struct dir *t = *state;
	char sub[160], msg[200];
	struct stat st;

	expect_open(t->db, DESK_OPEN_EXISTING, DESK_NOTFOUND, "no such database");
	assert_int_not_equal(stat(t->db, &st), 0);
	snprintf(sub, sizeof sub, "%s/no/x.db", t->path);
	snprintf(msg, sizeof msg, "no such directory: %s/no", t->path);
	expect_open(sub, DESK_OPEN_EXISTING, DESK_NOTFOUND, msg);
	expect_open(sub, 0, DESK_IO, msg);
}

static void
test_empty_file(void **state)
{
	struct dir *t = *state;
	struct stat st;
	desk *d = NULL;
	FILE *f = fopen(t->db, "w");

	assert_non_null(f);
	fclose(f);
	expect_open(t->db, DESK_OPEN_EXISTING, DESK_NOTFOUND,
	            "not a copydesk database (an empty file)");
	assert_int_equal(stat(t->db, &st), 0);
	assert_int_equal(st.st_size, 0);
	/* Without the flag an empty file is made a database (as import does). */
	assert_int_equal(desk_open(&d, t->db, "t"), DESK_OK);
	desk_close(d);
	assert_int_equal(desk_open_ext(&d, t->db, "t", DESK_OPEN_EXISTING), DESK_OK);
	desk_close(d);
}

static void
test_other_sqlite(void **state)
{
	struct dir *t = *state;
	sqlite3 *db;

	assert_int_equal(sqlite3_open(t->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE notes (t TEXT)", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	expect_open(t->db, 0, DESK_IO,
	            "not a copydesk database (a SQLite database of something else)");
}

static void
test_newer(void **state)
{
	struct dir *t = *state;
	sqlite3 *db;
	desk *d = NULL;

	assert_int_equal(desk_open(&d, t->db, "t"), DESK_OK);
	desk_close(d);
	assert_int_equal(sqlite3_open(t->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(desk_open(&d, t->db, "t"), DESK_SCHEMA);
	assert_non_null(strstr(desk_errmsg(d),
	                       ": made by a newer copydesk (database schema version "
	                       "999 is newer than this copydesk's"));
	desk_close(d);
}

static void
test_directory(void **state)
{
	struct dir *t = *state;

	expect_open(t->path, 0, DESK_IO, "a directory, not a database");
}

/* Every failed call says why itself: no message left over from the call before. */
static void
test_errmsg_each_call(void **state)
{
	desk *d = NULL;
	desk_candidate *c = NULL;
	desk_claim *cl = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "anna"), DESK_OK);
	assert_int_equal(desk_claim_get(&cl, d, 99), DESK_NOTFOUND);
	assert_int_equal(desk_claim_candidates_text(&c, &n, d, 1, NULL), DESK_MISUSE);
	assert_non_null(strstr(desk_errmsg(d), "no text given"));
	assert_int_equal(desk_claim_candidates_filter(NULL, &(size_t){1}, d, 1), DESK_MISUSE);
	assert_non_null(strstr(desk_errmsg(d), "no list given"));
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_not_a_database, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_missing_creates_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_page_size, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_empty_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_other_sqlite, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_newer, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
	    cmocka_unit_test(test_errmsg_each_call),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
