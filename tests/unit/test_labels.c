/* test_labels.c - the label set: the defaults, label files, bad files, used labels kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>
#include <sqlite3.h>

#include "copydesk/copydesk.h"
#include "internal.h"

static desk *
labels_open(void)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	return d;
}

static int64_t
labels_int(desk *d, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n;

	assert_int_equal(sqlite3_prepare_v2(d->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
labels_import(desk *d, const char *json, int replace)
{
	return desk_labels_import(d, "test.json", json, strlen(json), replace);
}

/* The set as JSON, to compare before and after a refused import (caller frees). */
static char *
labels_snapshot(desk *d)
{
	char *s = NULL;

	assert_int_equal(desk_labels_json(&s, d), DESK_OK);
	return s;
}

static void
test_defaults(void **state)
{
	static const char *const names[] = {"PER",  "ORG", "LOC",   "EVENT",
	                                    "DATE", "NUM", "TITLE", "MISC"};
	static const char *const keys[] = {"P", "O", "L", "E", "D", "#", "T", "M"};
	static const desk_color colors[] = {DESK_COLOR_RED,     DESK_COLOR_BLUE,   DESK_COLOR_GREEN,
	                                    DESK_COLOR_MAGENTA, DESK_COLOR_YELLOW, DESK_COLOR_CYAN,
	                                    DESK_COLOR_YELLOW,  DESK_COLOR_WHITE};
	static const int c256[] = {203, 75, 114, 177, 221, 80, 215, 250};
	desk *d = labels_open();
	desk_labels *l = NULL;
	char *json = NULL;
	json_t *arr;

	(void)state;
	assert_int_equal(desk_labels_get(&l, d), DESK_OK);
	assert_int_equal(desk_labels_count(l), 8);
	for (size_t i = 0; i < 8; i++) {
		const desk_label *x = desk_labels_at(l, i);

		assert_string_equal(x->name, names[i]);
		assert_string_equal(x->key, keys[i]);
		assert_int_equal(x->color, colors[i]);
		assert_int_equal(x->color256, c256[i]);
		assert_true(strlen(x->description) > 10);
		assert_ptr_equal(desk_labels_find(l, names[i]), x);
	}
	assert_null(desk_labels_at(l, 8));
	assert_ptr_equal(desk_labels_find(l, "per"), desk_labels_find(l, "PER")); /* case ignored */
	assert_non_null(strstr(desk_labels_find(l, "PER")->description, "Lương Cường"));
	desk_labels_free(l);

	assert_int_equal(desk_labels_json(&json, d), DESK_OK);
	assert_non_null(arr = json_loads(json, 0, NULL));
	assert_int_equal(json_array_size(arr), 8);
	assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 5), "key")), "#");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(arr, 0), "color256")),
	                 203);
	json_decref(arr);
	/* The defaults were logged as loaded from news.json when the database was made. */
	assert_int_equal(labels_int(d, "SELECT count(*) FROM edit_log WHERE action = "
	                               "'labels-import' AND data ->> '$.file' = 'news.json' AND "
	                               "json_array_length(data, '$.added') = 8"),
	                 1);
	/* The set's own JSON loads back as a label file, changing and logging nothing. */
	assert_int_equal(labels_import(d, json, 1), DESK_OK);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM edit_log WHERE action = "
	                               "'labels-import'"),
	                 1);
	free(json);
	desk_close(d);
}

static void
test_import_add_and_replace(void **state)
{
	desk *d = labels_open();
	desk_labels *l = NULL;
	desk_article_in in = {.lang = "vi", .body = "Chủ tịch nước Lương Cường", .body_len = 0};
	int64_t a, s;

	(void)state;
	/* Without replace: QUOTE is added at the end, PER updated, the rest kept. */
	assert_int_equal(
	    labels_import(d,
	                  "{\"labels\": [{\"name\": \"QUOTE\", \"key\": \"Q\", \"color\": "
	                  "\"cyan\"}, {\"name\": \"PER\", \"key\": \"P\", \"color\": "
	                  "\"red\", \"description\": \"people\"}]}",
	                  0),
	    DESK_OK);
	assert_int_equal(desk_labels_get(&l, d), DESK_OK);
	assert_int_equal(desk_labels_count(l), 9);
	assert_string_equal(desk_labels_at(l, 0)->name, "PER");
	assert_string_equal(desk_labels_at(l, 0)->description, "people");
	assert_int_equal(desk_labels_at(l, 0)->color256, -1);
	assert_string_equal(desk_labels_at(l, 8)->name, "QUOTE");
	assert_int_equal(desk_labels_at(l, 8)->color, DESK_COLOR_CYAN);
	assert_int_equal(desk_labels_find(l, "LOC")->color256, 114);
	desk_labels_free(l);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM edit_log WHERE action = "
	                               "'labels-import' AND editor = 'tester' AND data = "
	                               "'{\"file\":\"test.json\",\"replace\":false,\"added\":"
	                               "[\"QUOTE\"],\"updated\":[\"PER\"],\"removed\":[]}'"),
	                 1);
	/* Labels are not undoable. */
	assert_int_equal(labels_int(d, "SELECT count(*) FROM history"), 0);

	/* A span on PER; then replace with a set where PER and ORG swap keys. */
	in.body_len = strlen(in.body);
	assert_int_equal(desk_article_add(d, &in, 1, &a, NULL), DESK_OK);
	assert_int_equal(desk_span_add(&s, d, a, 14, 25, "PER", 0), DESK_OK);
	assert_int_equal(labels_import(d,
	                               "[{\"name\": \"ORG\", \"key\": \"P\", \"color\": \"blue\"},"
	                               " {\"name\": \"PER\", \"key\": \"O\", \"color\": \"red\", "
	                               "\"color256\": 9}]",
	                               1),
	                 DESK_OK);
	assert_int_equal(desk_labels_get(&l, d), DESK_OK);
	assert_int_equal(desk_labels_count(l), 2);
	assert_string_equal(desk_labels_at(l, 0)->name, "ORG");
	assert_string_equal(desk_labels_at(l, 0)->key, "P");
	assert_string_equal(desk_labels_at(l, 1)->key, "O");
	assert_int_equal(desk_labels_at(l, 1)->color256, 9);
	assert_null(desk_labels_find(l, "LOC"));
	desk_labels_free(l);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM span WHERE label = 'PER'"), 1);
	/* A single-character key outside ASCII is fine. */
	assert_int_equal(
	    labels_import(d,
	                  "{\"labels\": [{\"name\": \"VN\", \"key\": \"Đ\", \"color\": "
	                  "\"green\"}]}",
	                  0),
	    DESK_OK);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM label"), 3);
	desk_close(d);
}

static void
test_bad_files(void **state)
{
	static const struct {
		const char *json, *msg;
	} bad[] = {
	    {"{\"labels\": [\n  {\"name\": \"PER\",\n   \"key\": \"P\" \"color\": \"red\"}\n]}",
	     "test.json:3:"},
	    {"", "test.json:1:"},
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \"X\", \"color\": \"red\"}, {\"name\": "
	     "\"B\", \"key\": \"X\", \"color\": \"blue\"}]}",
	     "label 2 (B): \"key\""},
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \"X\", \"color\": \"pink\"}]}",
	     "label 1 (A): \"color\""},
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \"XY\", \"color\": \"red\"}]}",
	     "label 1 (A): \"key\""},
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \" \", \"color\": \"red\"}]}",
	     "label 1 (A): \"key\""},
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \"\\u001b\", \"color\": \"red\"}]}",
	     "label 1 (A): \"key\""},
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \"\\u0301\", \"color\": \"red\"}]}",
	     "label 1 (A): \"key\""},
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \"a\\u0301\", \"color\": \"red\"}]}",
	     "label 1 (A): \"key\""},
	    {"{\"labels\": [{\"name\": \"A B\", \"key\": \"X\", \"color\": \"red\"}]}",
	     "label 1: \"name\""},
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \"X\", \"color\": \"red\", \"color256\": "
	     "256}]}",
	     "label 1 (A): \"color256\""},
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \"X\", \"color\": \"red\"}, {\"name\": "
	     "\"A\", \"key\": \"Y\", \"color\": \"red\"}]}",
	     "label 2 (A): \"name\" repeats label 1"},
	    {"{\"name\": \"x\"}", "no \"labels\" array"},
	    /* Names are told apart ignoring case, as editors name them. */
	    {"{\"labels\": [{\"name\": \"Per\", \"key\": \"X\", \"color\": \"red\"}, {\"name\": "
	     "\"PER\", \"key\": \"Y\", \"color\": \"red\"}]}",
	     "label 2 (PER): \"name\" repeats label 1 (Per)"},
	    /* The one key check verdicts have too: no space of any width. */
	    {"{\"labels\": [{\"name\": \"A\", \"key\": \"\\u2003\", \"color\": \"red\"}]}",
	     "label 1 (A): \"key\""},
	    /* Without replace, a key another label of the set already has. */
	    {"{\"labels\": [{\"name\": \"PERSON\", \"key\": \"P\", \"color\": \"red\"}]}",
	     "label PERSON: key \"P\" is already label PER's"},
	};
	desk *d = labels_open();
	char *before = labels_snapshot(d), *after;
	int64_t logs = labels_int(d, "SELECT count(*) FROM edit_log");

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(labels_import(d, bad[i].json, 0), DESK_INVALID);
		if (strstr(desk_errmsg(d), bad[i].msg) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, desk_errmsg(d), bad[i].msg);
		assert_int_equal(strncmp(desk_errmsg(d), "test.json", 9), 0);
		after = labels_snapshot(d);
		assert_string_equal(after, before);
		free(after);
	}
	/* The broken JSON's message has its line and column. */
	assert_int_equal(labels_import(d, bad[0].json, 1), DESK_INVALID);
	assert_non_null(strstr(desk_errmsg(d), "test.json:3:21:"));
	assert_int_equal(labels_int(d, "SELECT count(*) FROM edit_log"), logs);
	free(before);
	desk_close(d);
}

static void
test_used_label_kept(void **state)
{
	static const char only_per[] =
	    "{\"labels\": [{\"name\": \"PER\", \"key\": \"P\", \"color\": \"red\"}]}";
	desk *d = labels_open();
	desk_article_in in = {.lang = "vi", .body = "Hà Nội và Huế, Đà Nẵng."};
	char *before, *after;
	int64_t a, s1, s2, s3, logs;

	(void)state;
	in.body_len = strlen(in.body);
	assert_int_equal(desk_article_add(d, &in, 1, &a, NULL), DESK_OK);
	assert_int_equal(desk_span_add(&s1, d, a, 0, 6, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s2, d, a, 10, 13, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s3, d, a, 15, 22, "ORG", 0), DESK_OK);
	before = labels_snapshot(d);
	logs = labels_int(d, "SELECT count(*) FROM edit_log");
	assert_int_equal(labels_import(d, only_per, 1), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(d), "LOC (2 spans)"));
	assert_non_null(strstr(desk_errmsg(d), "ORG (1 span)"));
	assert_null(strstr(desk_errmsg(d), "DATE"));
	after = labels_snapshot(d);
	assert_string_equal(after, before);
	free(after);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 3);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM edit_log"), logs);

	/* Spans deleted but kept for undo still hold their label. */
	assert_int_equal(desk_span_delete(d, s1), DESK_OK);
	assert_int_equal(desk_span_delete(d, s2), DESK_OK);
	assert_int_equal(desk_span_relabel(d, s3, "PER"), DESK_OK);
	assert_int_equal(labels_import(d, only_per, 1), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(d), "LOC (2 deleted spans kept for undo)"));
	assert_null(strstr(desk_errmsg(d), "ORG"));
	assert_int_equal(labels_int(d, "SELECT count(*) FROM label"), 8);

	/* Without LOC in the file but its spans' rows gone, the set is the file's. */
	assert_int_equal(
	    sqlite3_exec(d->db, "DELETE FROM span WHERE label = 'LOC'", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(labels_import(d, only_per, 1), DESK_OK);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM label"), 1);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM edit_log WHERE action = "
	                               "'labels-import' AND json_array_length(data, '$.removed') "
	                               "= 7"),
	                 1);
	free(before);
	desk_close(d);
}

/* Labels are named ignoring case everywhere: "per" is PER (it was refused). */
static void
test_case_insensitive(void **state)
{
	static const char lower[] =
	    "{\"labels\": [{\"name\": \"per\", \"key\": \"P\", \"color\": \"blue\"}]}";
	desk *d = labels_open();
	desk_article_in in = {.lang = "vi", .body = "Ông Lương Cường ở Hà Nội."};
	desk_labels *l = NULL;
	desk_span *sp = NULL;
	int64_t a, s;

	(void)state;
	in.body_len = strlen(in.body);
	assert_int_equal(desk_article_add(d, &in, 1, &a, NULL), DESK_OK);
	assert_int_equal(desk_labels_get(&l, d), DESK_OK);
	assert_string_equal(desk_labels_find(l, "per")->name, "PER");
	assert_string_equal(desk_labels_find(l, "Loc")->name, "LOC");
	assert_null(desk_labels_find(l, "PERSON"));
	desk_labels_free(l);
	/* Stored as the set spells it. */
	assert_int_equal(desk_span_add(&s, d, a, 4, 15, "per", 0), DESK_OK);
	assert_int_equal(desk_span_get(&sp, d, s), DESK_OK);
	assert_string_equal(sp->label, "PER");
	desk_span_free(sp);
	assert_int_equal(desk_span_add(NULL, d, a, 4, 15, "Per", 0), DESK_DUPLICATE);
	assert_int_equal(desk_span_relabel(d, s, "org"), DESK_OK);
	assert_int_equal(desk_span_get(&sp, d, s), DESK_OK);
	assert_string_equal(sp->label, "ORG");
	desk_span_free(sp);
	assert_int_equal(desk_span_add(NULL, d, a, 4, 15, "nope", 0), DESK_NOTFOUND);
	/* A file naming "per" updates PER and keeps its spelling. */
	assert_int_equal(desk_span_add(&s, d, a, 4, 15, "PER", 0), DESK_OK);
	assert_int_equal(labels_import(d, lower, 0), DESK_OK);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM label WHERE name = 'PER' AND color = "
	                               "'blue'"),
	                 1);
	assert_int_equal(labels_int(d, "SELECT count(*) FROM label WHERE name = 'per'"), 0);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_defaults),         cmocka_unit_test(test_import_add_and_replace),
	    cmocka_unit_test(test_bad_files),        cmocka_unit_test(test_used_label_kept),
	    cmocka_unit_test(test_case_insensitive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
