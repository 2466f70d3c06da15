/* test_store.c - the handle, the schema and articles, against ":memory:" and temp files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "copydesk/copydesk.h"

static desk *
store_open(void)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	return d;
}

static int64_t
store_count(const char *path_or_null, desk *d, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n;

	(void)d;
	assert_int_equal(sqlite3_open(path_or_null, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void
test_open_memory(void **state)
{
	desk *d = store_open();

	(void)state;
	assert_string_equal(desk_editor(d), "tester");
	assert_true(desk_schema_version(d) >= 1);
	assert_string_equal(desk_strerror(DESK_NOTFOUND), "not found");
	assert_string_equal(desk_strerror(12345), "unknown error");
	desk_close(d);
}

static void
test_editor_defaults_to_login(void **state)
{
	desk *d = NULL;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", NULL), DESK_OK);
	assert_true(strlen(desk_editor(d)) > 0);
	assert_string_not_equal(desk_editor(d), "tester");
	desk_close(d);
}

static void
test_add_get_roundtrip(void **state)
{
	static const char body[] = "Chủ tịch nước Lương Cường.\n\nĐà Nẵng, 38%.";
	desk_mark marks[] = {{0, 4, DESK_MARK_BYLINE}, {28, 41, DESK_MARK_BOILERPLATE}};
	desk_article_in in = {.title = "Tiêu đề",
	                      .date = "2025-11-02",
	                      .lang = "vi",
	                      .source = "a.txt",
	                      .body = body,
	                      .body_len = strlen(body),
	                      .marks = marks,
	                      .nmarks = 2};
	desk *d = store_open();
	desk_article *a = NULL;
	const desk_mark *m;
	int64_t id = 0;
	int dup = -1;
	size_t n;

	(void)state;
	assert_int_equal(desk_article_add(d, &in, 1, &id, &dup), DESK_OK);
	assert_true(id > 0);
	assert_int_equal(dup, 0);
	assert_int_equal(desk_article_get(&a, d, id), DESK_OK);
	assert_string_equal(desk_article_title(a), "Tiêu đề");
	assert_string_equal(desk_article_date(a), "2025-11-02");
	assert_string_equal(desk_article_lang(a), "vi");
	assert_string_equal(desk_article_source(a), "a.txt");
	assert_string_equal(desk_article_body(a), body);
	assert_int_equal(desk_article_body_len(a), strlen(body));
	assert_int_equal(desk_article_body_chars(a), 41);
	assert_int_equal(desk_article_status(a), DESK_STATUS_NEW);
	assert_string_equal(desk_article_imported_by(a), "tester");
	assert_int_equal(strlen(desk_article_hash(a)), 16);
	m = desk_article_marks(a, &n);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].kind, DESK_MARK_BYLINE);
	assert_int_equal(m[1].start, 28);
	assert_int_equal(m[1].end, 41);
	desk_article_free(a);
	assert_int_equal(desk_article_get(&a, d, id + 1), DESK_NOTFOUND);
	assert_non_null(strstr(desk_errmsg(d), "no article"));
	desk_close(d);
}

static void
test_duplicate_not_stored_twice(void **state)
{
	desk_article_in in[2] = {{.body = "Same text.", .body_len = 10, .lang = "en"},
	                         {.body = "Same text.", .body_len = 10, .lang = "en"}};
	desk *d = store_open();
	int64_t ids[2], n;
	int dup[2];

	(void)state;
	assert_int_equal(desk_article_add(d, in, 2, ids, dup), DESK_OK);
	assert_int_equal(dup[0], 0);
	assert_int_equal(dup[1], 1);
	assert_int_equal(ids[0], ids[1]);
	assert_int_equal(desk_article_add(d, in, 1, ids, dup), DESK_OK);
	assert_int_equal(dup[0], 1);
	assert_int_equal(desk_article_count(&n, d), DESK_OK);
	assert_int_equal(n, 1);
	desk_close(d);
}

/*
 * A caller's marks and lengths are checked before use: a kind out of range
 * indexed an array, a mark past the body was stored, and a body over the
 * limit was hashed and bound with its length cast to int.
 */
static void
test_add_checks_marks_and_length(void **state)
{
	static const char body[] = "Năm ngón tay.";
	desk_mark bad_kind[] = {{.start = 0, .end = 3, .kind = (desk_mark_kind)7}};
	desk_mark neg_kind[] = {{.start = 0, .end = 3, .kind = (desk_mark_kind)-1}};
	desk_mark past[] = {{.start = 5, .end = 14, .kind = DESK_MARK_BYLINE}};
	desk_mark empty[] = {{.start = 4, .end = 4, .kind = DESK_MARK_BOILERPLATE}};
	desk_mark good[] = {{.start = 4, .end = 13, .kind = DESK_MARK_BOILERPLATE}};
	desk_article_in in[2] = {{.body = "First.", .body_len = 6, .lang = "en"},
	                         {.body = body, .body_len = sizeof body - 1, .lang = "vi"}};
	desk_mark *const bad[] = {bad_kind, neg_kind, past, empty};
	desk *d = store_open();
	int64_t n;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		in[1].marks = bad[i];
		in[1].nmarks = 1;
		assert_int_equal(desk_article_add(d, in, 2, NULL, NULL), DESK_INVALID);
		assert_non_null(strstr(desk_errmsg(d), "article 2: mark 1"));
		assert_int_equal(desk_article_count(&n, d), DESK_OK);
		assert_int_equal(n, 0);
	}
	/* Longer than any article may be: refused before a byte of it is read. */
	in[1].marks = NULL;
	in[1].nmarks = 0;
	in[1].body_len = (size_t)INT32_MAX + 2;
	assert_int_equal(desk_article_add(d, in, 2, NULL, NULL), DESK_INVALID);
	assert_non_null(strstr(desk_errmsg(d), "article 2: body too long"));
	assert_int_equal(desk_article_count(&n, d), DESK_OK);
	assert_int_equal(n, 0);
	in[1].body_len = sizeof body - 1;
	in[1].marks = good;
	in[1].nmarks = 1;
	assert_int_equal(desk_article_add(d, in, 2, NULL, NULL), DESK_OK);
	assert_int_equal(desk_article_count(&n, d), DESK_OK);
	assert_int_equal(n, 2);
	desk_close(d);
}

static void
test_batch_is_all_or_nothing(void **state)
{
	desk_article_in in[2] = {
	    {.body = "Good.", .body_len = 5, .lang = "en"},
	    {.body = "Bad date.", .body_len = 9, .lang = "en", .date = "2/11"}};
	desk *d = store_open();
	int64_t n;

	(void)state;
	assert_int_not_equal(desk_article_add(d, in, 2, NULL, NULL), DESK_OK);
	assert_int_equal(desk_article_count(&n, d), DESK_OK);
	assert_int_equal(n, 0);
	desk_close(d);
}

static void
test_status_and_edit_log(void **state)
{
	char path[] = "/tmp/copydesk-test-XXXXXX";
	desk_article_in in = {.body = "Text.", .body_len = 5, .lang = "en"};
	desk_article **list;
	desk *d = NULL;
	int64_t id;
	size_t n;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(desk_open(&d, path, "anna"), DESK_OK);
	assert_int_equal(desk_article_add(d, &in, 1, &id, NULL), DESK_OK);
	assert_int_equal(desk_article_set_status(d, id, DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(desk_article_set_status(d, id + 7, DESK_STATUS_DONE), DESK_NOTFOUND);
	assert_int_equal(desk_article_list(&list, &n, d, DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(n, 1);
	assert_int_equal(desk_article_status(list[0]), DESK_STATUS_DONE);
	assert_null(desk_article_body(list[0]));
	desk_article_list_free(list, n);
	assert_int_equal(desk_article_list(&list, &n, d, DESK_STATUS_NEW), DESK_OK);
	assert_int_equal(n, 0);
	desk_article_list_free(list, n);
	/* Who and when, for the import and the status change. */
	assert_int_equal(store_count(path, d,
	                             "SELECT count(*) FROM edit_log WHERE editor = 'anna' AND "
	                             "at LIKE '____-__-__T__:__:__.___Z' AND action IN "
	                             "('import', 'status')"),
	                 2);
	assert_int_equal(store_count(path, d,
	                             "SELECT count(*) FROM edit_log WHERE action = 'status' AND "
	                             "data ->> '$.before' = 'new' AND data ->> '$.after' = 'done'"),
	                 1);
	/* The import's entry names its article; a batch has one entry for all of it. */
	assert_int_equal(store_count(path, d,
	                             "SELECT count(*) FROM edit_log WHERE action = 'import' AND "
	                             "article_id = 1 AND data ->> '$.count' = 1"),
	                 1);
	{
		desk_article_in three[3] = {
		    {.body = "One.", .body_len = 4, .lang = "en", .source = "a"},
		    {.body = "Text.", .body_len = 5, .lang = "en"}, /* dup */
		    {.body = "Two.", .body_len = 4, .lang = "en", .source = "b"}};

		assert_int_equal(desk_article_add(d, three, 3, NULL, NULL), DESK_OK);
	}
	assert_int_equal(
	    store_count(path, d,
	                "SELECT count(*) FROM edit_log WHERE action = 'import' AND "
	                "article_id IS NULL AND data ->> '$.count' = 2 AND "
	                "data ->> '$.articles[0]' = 2 AND data ->> '$.articles[1]' = 3 "
	                "AND data ->> '$.sources' = '[\"a\",\"b\"]' AND editor = 'anna'"),
	    1);
	assert_int_equal(
	    store_count(path, d, "SELECT count(*) FROM edit_log WHERE action = 'import'"), 2);
	/* The file is in WAL mode, so editors can read while another writes. */
	assert_int_equal(
	    store_count(path, d,
	                "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"),
	    1);
	desk_close(d);
	unlink(path);
}

static void
test_positions_per_editor(void **state)
{
	char path[] = "/tmp/copydesk-test-XXXXXX";
	desk_article_in in = {.body = "Some text here.", .body_len = 15, .lang = "en"};
	desk *a = NULL, *b = NULL;
	int64_t id, pos;
	int fd = mkstemp(path);

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(desk_open(&a, path, "anna"), DESK_OK);
	assert_int_equal(desk_open(&b, path, "binh"), DESK_OK);
	assert_int_equal(desk_article_add(a, &in, 1, &id, NULL), DESK_OK);
	assert_int_equal(desk_position_get(&pos, a, id), DESK_OK);
	assert_int_equal(pos, 0);
	assert_int_equal(desk_position_set(a, id, 7), DESK_OK);
	assert_int_equal(desk_position_set(b, id, 3), DESK_OK);
	assert_int_equal(desk_position_set(a, id, 9), DESK_OK);
	assert_int_equal(desk_position_get(&pos, a, id), DESK_OK);
	assert_int_equal(pos, 9);
	assert_int_equal(desk_position_get(&pos, b, id), DESK_OK);
	assert_int_equal(pos, 3);
	assert_int_equal(desk_position_set(a, id + 1, 1), DESK_NOTFOUND);
	/* b sees a's write as a change. */
	desk_changed(b);
	assert_int_equal(desk_article_set_status(a, id, DESK_STATUS_PROGRESS), DESK_OK);
	assert_true(desk_changed(b));
	assert_false(desk_changed(b));
	desk_close(a);
	desk_close(b);
	unlink(path);
}

static void
test_json(void **state)
{
	static const char body[] = "Quote \"x\" and \x1b[2J.";
	desk_mark m = {0, 5, DESK_MARK_BOILERPLATE};
	desk_article_in in = {.title = "T",
	                      .body = body,
	                      .body_len = strlen(body),
	                      .lang = "en",
	                      .marks = &m,
	                      .nmarks = 1};
	desk *d = store_open();
	char *json = NULL;
	int64_t id;

	(void)state;
	assert_int_equal(desk_article_add(d, &in, 1, &id, NULL), DESK_OK);
	assert_int_equal(desk_article_json(&json, d, id), DESK_OK);
	assert_non_null(strstr(json, "\"body\":\"Quote \\\"x\\\" and \\u001b[2J.\""));
	assert_non_null(
	    strstr(json, "\"marks\":[{\"kind\":\"boilerplate\",\"start\":0,\"end\":5}]"));
	assert_non_null(strstr(json, "\"status\":\"new\""));
	free(json);
	assert_int_equal(desk_article_list_json(&json, d, DESK_STATUS_ANY), DESK_OK);
	assert_int_equal(json[0], '[');
	assert_null(strstr(json, "\"body\""));
	free(json);
	assert_int_equal(desk_article_list_json(&json, d, DESK_STATUS_DONE), DESK_OK);
	assert_string_equal(json, "[]");
	free(json);
	assert_int_equal(desk_article_json(&json, d, 99), DESK_NOTFOUND);
	desk_close(d);
}

static void
test_schema_newer_refused_older_migrated(void **state)
{
	char path[] = "/tmp/copydesk-test-XXXXXX";
	desk *d = NULL;
	sqlite3 *db;
	int fd = mkstemp(path);

	(void)state;
	close(fd);
	/* An empty file is a database at version 0: it is migrated. */
	assert_int_equal(desk_open(&d, path, "t"), DESK_OK);
	assert_true(desk_schema_version(d) >= 1);
	desk_close(d);
	/* A database from a newer copydesk is refused, not damaged. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(desk_open(&d, path, "t"), DESK_SCHEMA);
	assert_non_null(strstr(desk_errmsg(d), "newer"));
	desk_close(d);
	assert_int_equal(store_count(path, NULL, "PRAGMA user_version"), 999);
	unlink(path);
}

static void
test_not_a_database(void **state)
{
	char path[] = "/tmp/copydesk-test-XXXXXX";
	desk *d = NULL;
	int fd = mkstemp(path);

	(void)state;
	assert_int_equal(write(fd, "this is not a database, just text that is long enough\n", 54),
	                 54);
	close(fd);
	assert_int_not_equal(desk_open(&d, path, "t"), DESK_OK);
	assert_true(strlen(desk_errmsg(d)) > 0);
	desk_close(d);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_open_memory),
	    cmocka_unit_test(test_editor_defaults_to_login),
	    cmocka_unit_test(test_add_get_roundtrip),
	    cmocka_unit_test(test_duplicate_not_stored_twice),
	    cmocka_unit_test(test_batch_is_all_or_nothing),
	    cmocka_unit_test(test_status_and_edit_log),
	    cmocka_unit_test(test_positions_per_editor),
	    cmocka_unit_test(test_json),
	    cmocka_unit_test(test_schema_newer_refused_older_migrated),
	    cmocka_unit_test(test_not_a_database),
	    cmocka_unit_test(test_add_checks_marks_and_length),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
