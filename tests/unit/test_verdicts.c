/* test_verdicts.c - the verdict scale: the defaults, finding a verdict, verdict files. */
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
verdicts_open(void)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	return d;
}

static char *
verdicts_snapshot(desk *d)
{
	char *s = NULL;

	assert_int_equal(desk_verdicts_json(&s, d), DESK_OK);
	return s;
}

static void
test_defaults(void **state)
{
	static const char *const names[] = {"true", "mostly-true", "misleading", "false",
	                                    "unverifiable"};
	static const char *const keys[] = {"t", "m", "l", "f", "u"};
	static const int ratings[] = {5, 4, 2, 1, 3};
	static const char *const fever[] = {"SUPPORTS", "SUPPORTS", "REFUTES", "REFUTES",
	                                    "NOT ENOUGH INFO"};
	static const desk_color colors[] = {DESK_COLOR_GREEN, DESK_COLOR_CYAN, DESK_COLOR_YELLOW,
	                                    DESK_COLOR_RED, DESK_COLOR_WHITE};
	desk *d = verdicts_open();
	desk_verdicts *v = NULL;

	(void)state;
	assert_int_equal(desk_verdicts_get(&v, d), DESK_OK);
	assert_int_equal(desk_verdicts_count(v), 5);
	for (size_t i = 0; i < 5; i++) {
		const desk_verdict *x = desk_verdicts_at(v, i);

		assert_non_null(x);
		assert_string_equal(x->name, names[i]);
		assert_string_equal(x->key, keys[i]);
		assert_int_equal(x->rating, ratings[i]);
		assert_string_equal(x->fever, fever[i]);
		assert_int_equal(x->color, colors[i]);
		assert_true(x->color256 >= 0 && x->color256 <= 255);
		assert_true(strlen(x->label) > 0);
		assert_true(strlen(x->rating_name) > 0);
		assert_true(strlen(x->description) > 0);
	}
	assert_string_equal(desk_verdicts_at(v, 1)->label, "Mostly true");
	assert_string_equal(desk_verdicts_at(v, 1)->rating_name, "Mostly true");
	assert_null(desk_verdicts_at(v, 5));
	desk_verdicts_free(v);
	desk_close(d);
}

static void
test_find(void **state)
{
	desk *d = verdicts_open();
	desk_verdicts *v = NULL;
	const desk_verdict *x;

	(void)state;
	assert_int_equal(desk_verdicts_get(&v, d), DESK_OK);
	/* By name. */
	assert_non_null(x = desk_verdicts_find(v, "mostly-true"));
	assert_string_equal(x->key, "m");
	/* By label, case folded. */
	assert_non_null(x = desk_verdicts_find(v, "MOSTLY TRUE"));
	assert_string_equal(x->name, "mostly-true");
	assert_non_null(x = desk_verdicts_find(v, "misleading"));
	assert_string_equal(x->name, "misleading");
	assert_non_null(x = desk_verdicts_find(v, "Unverifiable"));
	assert_string_equal(x->name, "unverifiable");
	/* By key. */
	assert_non_null(x = desk_verdicts_find(v, "f"));
	assert_string_equal(x->name, "false");
	assert_non_null(x = desk_verdicts_find(v, "l"));
	assert_string_equal(x->name, "misleading");
	/* None. */
	assert_null(desk_verdicts_find(v, "half-true"));
	assert_null(desk_verdicts_find(v, "x"));
	assert_null(desk_verdicts_find(v, ""));
	assert_null(desk_verdicts_find(v, NULL));
	desk_verdicts_free(v);
	desk_close(d);
}

static void
test_json(void **state)
{
	desk *d = verdicts_open();
	json_error_t err;
	json_t *root;
	char *s = verdicts_snapshot(d);

	(void)state;
	assert_non_null(root = json_loads(s, 0, &err));
	assert_int_equal(json_array_size(root), 5);
	assert_string_equal(json_string_value(json_object_get(json_array_get(root, 4), "fever")),
	                    "NOT ENOUGH INFO");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(root, 0), "rating")), 5);
	assert_string_equal(json_string_value(json_object_get(json_array_get(root, 2), "key")),
	                    "l");
	json_decref(root);
	free(s);
	desk_close(d);
}

/* A bad file is refused with a message saying where, and changes nothing. */
static void
verdicts_refused(desk *d, const char *json, const char *want)
{
	char *before = verdicts_snapshot(d), *after;

	assert_int_equal(desk_verdicts_import(d, "bad.json", json, strlen(json)), DESK_INVALID);
	if (strstr(desk_errmsg(d), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", desk_errmsg(d), want);
	after = verdicts_snapshot(d);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

#define VERDICT_OK(name, key, rating, fever)                                                       \
	"{\"name\": \"" name "\", \"label\": \"L\", \"key\": \"" key                               \
	"\", \"color\": \"red\", \"rating\": " rating                                              \
	", \"rating_name\": \"R\", \"fever\": \"" fever "\"}"

static void
test_bad_files(void **state)
{
	desk *d = verdicts_open();

	(void)state;
	verdicts_refused(d, "{\"verdicts\": [\n  {\"name\": \"x\",, }]}", "bad.json:2:");
	verdicts_refused(d, "{\"verdicts\": []}", "no \"verdicts\" array");
	verdicts_refused(
	    d,
	    "[" VERDICT_OK("a", "a", "1", "REFUTES") ", " VERDICT_OK("a", "b", "2", "REFUTES") "]",
	    "verdict 2 (a): \"name\" repeats verdict 1");
	verdicts_refused(
	    d,
	    "[" VERDICT_OK("a", "a", "1", "REFUTES") ", " VERDICT_OK("b", "a", "2", "REFUTES") "]",
	    "\"key\" \"a\" is already verdict 1's (a)");
	verdicts_refused(d, "[" VERDICT_OK("a", "a", "0", "REFUTES") "]", "\"rating\"");
	verdicts_refused(d, "[" VERDICT_OK("a", "a", "6", "REFUTES") "]", "\"rating\"");
	verdicts_refused(d, "[" VERDICT_OK("a", "a", "2.5", "REFUTES") "]", "\"rating\"");
	verdicts_refused(d, "[" VERDICT_OK("a", "a", "3", "MAYBE") "]", "\"fever\"");
	verdicts_refused(d, "[" VERDICT_OK("Big", "a", "3", "REFUTES") "]", "\"name\"");
	verdicts_refused(d, "[" VERDICT_OK("a", "ab", "3", "REFUTES") "]", "\"key\"");
	/* The one key check labels have too: no space of any width (EM SPACE, NBSP). */
	verdicts_refused(d, "[" VERDICT_OK("a", "\u2003", "3", "REFUTES") "]", "\"key\"");
	verdicts_refused(d, "[" VERDICT_OK("a", "\u00a0", "3", "REFUTES") "]", "\"key\"");
	verdicts_refused(d, "[" VERDICT_OK("a", "\u0301", "3", "REFUTES") "]", "\"key\"");
	/* A key the scale gives another verdict already. */
	verdicts_refused(d, "[" VERDICT_OK("half-true", "f", "3", "NOT ENOUGH INFO") "]",
	                 "bad.json: verdict half-true: key \"f\" is already verdict false's");
	desk_close(d);
}

static void
test_good_file(void **state)
{
	static const char json[] =
	    "{\"verdicts\": [" VERDICT_OK("half-true", "h", "3", "NOT ENOUGH INFO") "]}";
	desk *d = verdicts_open();
	desk_verdicts *v = NULL;
	const desk_verdict *x;

	(void)state;
	assert_int_equal(desk_verdicts_import(d, "more.json", json, strlen(json)), DESK_OK);
	assert_int_equal(desk_verdicts_get(&v, d), DESK_OK);
	assert_int_equal(desk_verdicts_count(v), 6);
	assert_non_null(x = desk_verdicts_find(v, "h"));
	assert_string_equal(x->name, "half-true");
	assert_int_equal(x->rating, 3);
	assert_int_equal(x->color256, -1);
	desk_verdicts_free(v);
	desk_close(d);
}

/*
 * Through the API: one transaction, logged; verdicts updated by name keep the
 * research that uses them, and keys may move between verdicts.
 */
static void
test_import_updates(void **state)
{
	static const char json[] = "[" VERDICT_OK("false", "t", "1", "REFUTES") ", " VERDICT_OK(
	    "true", "f", "5", "SUPPORTS") "]";
	desk *d = verdicts_open();
	desk_verdicts *v = NULL;
	sqlite3 *db = d->db;
	sqlite3_stmt *st = NULL;

	(void)state;
	assert_int_equal(
	    sqlite3_exec(db,
	                 "INSERT INTO research (verdict, created_by, created_at, updated_by, "
	                 "updated_at) VALUES ('false', 'a', 'b', 'a', 'b')",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(desk_verdicts_import(d, "swap.json", json, strlen(json)), DESK_OK);
	assert_int_equal(desk_verdicts_get(&v, d), DESK_OK);
	assert_int_equal(desk_verdicts_count(v), 5);
	assert_string_equal(desk_verdicts_find(v, "t")->name, "false");
	assert_string_equal(desk_verdicts_find(v, "f")->name, "true");
	assert_string_equal(desk_verdicts_at(v, 0)->name, "true"); /* the order kept */
	desk_verdicts_free(v);
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT (SELECT count(*) FROM research WHERE verdict = "
	                                    "'false'), (SELECT data FROM edit_log WHERE action = "
	                                    "'verdicts-import' AND editor = 'tester')",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	assert_string_equal(
	    (const char *)sqlite3_column_text(st, 1),
	    "{\"file\":\"swap.json\",\"added\":[],\"updated\":[\"true\",\"false\"]}");
	sqlite3_finalize(st);
	assert_int_equal(desk_verdicts_import(NULL, "x", "[]", 2), DESK_MISUSE);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_defaults),  cmocka_unit_test(test_find),
	    cmocka_unit_test(test_json),      cmocka_unit_test(test_bad_files),
	    cmocka_unit_test(test_good_file), cmocka_unit_test(test_import_updates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
