/* test_span.c - spans: add, snap to graphemes, list, edit, log, against ":memory:" and a file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>
#include <sqlite3.h>

#include "copydesk/copydesk.h"
#include "internal.h"

/* Offsets in code points: "Chủ tịch nước" 0-13, "Lương Cường" 14-25, "Tập Cận Bình" 30-42,
 * "Xi Jinping" 44-54, "Hà Nội" 60-66; 67 in all. */
static const char vi_body[] = "Chủ tịch nước Lương Cường đón Tập Cận Bình (Xi Jinping) tại Hà Nội.";

/* a, q + dot below + circumflex (no precomposed form), b, space, woman + ZWJ + laptop, space,
 * the flag of Viet Nam (two regional indicators), "!": 13 code points. */
static const char marks_body[] = "aq\xcc\xa3\xcc\x82"
                                 "b \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb "
                                 "\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3!";

static desk *
span_open(void)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	return d;
}

static int64_t
span_article(desk *d, const char *body)
{
	desk_article_in in = {.lang = "vi", .body = body, .body_len = strlen(body)};
	int64_t id = 0;

	assert_int_equal(desk_article_add(d, &in, 1, &id, NULL), DESK_OK);
	assert_true(id > 0);
	return id;
}

/* One integer from a query on the handle's own connection. */
static int64_t
span_int(desk *d, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n;

	assert_int_equal(sqlite3_prepare_v2(d->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* One text from a query on the handle's own connection (caller frees). */
static char *
span_str(desk *d, const char *sql)
{
	sqlite3_stmt *st;
	char *s;

	assert_int_equal(sqlite3_prepare_v2(d->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = strdup(sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	return s;
}

static void
assert_sql_str(desk *d, const char *sql, const char *want)
{
	char *s = span_str(d, sql);

	assert_string_equal(s, want);
	free(s);
}

static void
assert_iso_time(const char *s)
{
	/* 2026-11-23T16:20:01.123Z */
	assert_int_equal(strlen(s), 24);
	assert_true(s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[19] == '.' && s[23] == 'Z');
}

static void
test_add_get_vietnamese(void **state)
{
	desk *d = span_open();
	int64_t a = span_article(d, vi_body), id = 0;
	desk_span *s = NULL;

	(void)state;
	assert_int_equal(desk_span_add(&id, d, a, 14, 25, "PER", 0), DESK_OK);
	assert_true(id > 0);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_int_equal(s->id, id);
	assert_int_equal(s->article_id, a);
	assert_int_equal(s->start, 14);
	assert_int_equal(s->end, 25);
	assert_string_equal(s->label, "PER");
	assert_string_equal(s->text, "Lương Cường");
	assert_int_equal(s->entity_id, 0);
	assert_string_equal(s->entity, "");
	assert_string_equal(s->author, "tester");
	assert_string_equal(s->updated_by, "tester");
	assert_iso_time(s->created_at);
	assert_iso_time(s->updated_at);
	desk_span_free(s);

	assert_int_equal(desk_span_add(&id, d, a, 30, 42, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_string_equal(s->text, "Tập Cận Bình");
	desk_span_free(s);
	assert_int_equal(desk_span_add(&id, d, a, 60, 66, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_string_equal(s->text, "Hà Nội");
	desk_span_free(s);
	assert_int_equal(desk_span_get(&s, d, 999), DESK_NOTFOUND);
	assert_null(s);
	desk_close(d);
}

static void
test_list_order_nesting_overlap(void **state)
{
	desk *d = span_open();
	int64_t a = span_article(d, vi_body), per, title, loc, over, xi;
	desk_spans *l = NULL;
	char *json = NULL;
	json_t *arr;

	(void)state;
	assert_int_equal(desk_span_add(&loc, d, a, 60, 66, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_add(&title, d, a, 0, 13, "TITLE", 0), DESK_OK);
	assert_int_equal(desk_span_add(&per, d, a, 0, 25, "PER", 0), DESK_OK);
	/* Overlapping but not nested: "tịch nước Lương". */
	assert_int_equal(desk_span_add(&over, d, a, 4, 19, "MISC", 0), DESK_OK);
	/* The same range with another label is another span. */
	assert_int_equal(desk_span_add(&xi, d, a, 60, 66, "MISC", 0), DESK_OK);
	assert_int_equal(desk_spans_get(&l, d, a), DESK_OK);
	assert_int_equal(desk_spans_count(l), 5);
	/* By start, longest first, then id. */
	assert_int_equal(desk_spans_at(l, 0)->id, per);
	assert_string_equal(desk_spans_at(l, 0)->text, "Chủ tịch nước Lương Cường");
	assert_int_equal(desk_spans_at(l, 1)->id, title);
	assert_string_equal(desk_spans_at(l, 1)->text, "Chủ tịch nước");
	assert_string_equal(desk_spans_at(l, 1)->label, "TITLE");
	assert_int_equal(desk_spans_at(l, 2)->id, over);
	assert_string_equal(desk_spans_at(l, 2)->text, "tịch nước Lương");
	assert_int_equal(desk_spans_at(l, 3)->id, loc);
	assert_int_equal(desk_spans_at(l, 4)->id, xi);
	assert_null(desk_spans_at(l, 5));
	desk_spans_free(l);

	assert_int_equal(desk_spans_json(&json, d, a), DESK_OK);
	assert_non_null(arr = json_loads(json, 0, NULL));
	assert_int_equal(json_array_size(arr), 5);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(arr, 0), "id")), per);
	assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 1), "text")),
	                    "Chủ tịch nước");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(arr, 1), "end")), 13);
	assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 0), "author")),
	                    "tester");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(arr, 0), "entity_id")),
	                 0);
	assert_int_equal(json_object_size(json_array_get(arr, 0)), 12);
	json_decref(arr);
	free(json);
	assert_int_equal(desk_spans_json(&json, d, 999), DESK_NOTFOUND);
	assert_null(json);

	/* An article without spans lists none. */
	assert_int_equal(desk_spans_get(&l, d, span_article(d, "Hà Nội.")), DESK_OK);
	assert_int_equal(desk_spans_count(l), 0);
	desk_spans_free(l);
	desk_close(d);
}

static void
test_grapheme_snapping(void **state)
{
	desk *d = span_open();
	int64_t a = span_article(d, marks_body), id;
	desk_span *s = NULL;

	(void)state;
	/* Inside the combining sequence: the whole q with both marks. */
	assert_int_equal(desk_span_add(&id, d, a, 2, 3, "MISC", 0), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_int_equal(s->start, 1);
	assert_int_equal(s->end, 4);
	assert_string_equal(s->text, "q\xcc\xa3\xcc\x82");
	desk_span_free(s);
	/* An end between the letter and its marks widens too, and then it is the same span. */
	assert_int_equal(desk_span_add(&id, d, a, 1, 2, "MISC", 0), DESK_DUPLICATE);
	assert_int_equal(desk_span_add(&id, d, a, 0, 2, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_int_equal(s->start, 0);
	assert_int_equal(s->end, 4);
	desk_span_free(s);
	/* Inside the ZWJ sequence. */
	assert_int_equal(desk_span_add(&id, d, a, 7, 8, "MISC", 0), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_int_equal(s->start, 6);
	assert_int_equal(s->end, 9);
	assert_string_equal(s->text, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
	desk_span_free(s);
	/* Half a flag is the whole flag, from either side. */
	assert_int_equal(desk_span_add(&id, d, a, 11, 13, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_int_equal(s->start, 10);
	assert_int_equal(s->end, 13);
	assert_string_equal(s->text, "\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3!");
	desk_span_free(s);
	assert_int_equal(desk_span_add(&id, d, a, 10, 11, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_int_equal(s->start, 10);
	assert_int_equal(s->end, 12);
	desk_span_free(s);
	desk_close(d);
}

static void
test_refusals_change_nothing(void **state)
{
	desk *d = span_open();
	int64_t a = span_article(d, vi_body), id = 0, spans, logs, hist;

	(void)state;
	assert_int_equal(desk_span_add(&id, d, a, 14, 25, "PER", 0), DESK_OK);
	spans = span_int(d, "SELECT count(*) FROM span");
	logs = span_int(d, "SELECT count(*) FROM edit_log");
	hist = span_int(d, "SELECT count(*) FROM history");
	id = -1;
	assert_int_equal(desk_span_add(&id, d, a, -1, 3, "PER", 0), DESK_RANGE);
	assert_int_equal(id, 0);
	assert_int_equal(desk_span_add(&id, d, a, 5, 5, "PER", 0), DESK_RANGE);
	assert_int_equal(desk_span_add(&id, d, a, 9, 5, "PER", 0), DESK_RANGE);
	assert_int_equal(desk_span_add(&id, d, a, 60, 68, "PER", 0), DESK_RANGE);
	assert_non_null(strstr(desk_errmsg(d), "67"));
	assert_int_equal(desk_span_add(&id, d, 999, 0, 3, "PER", 0), DESK_NOTFOUND);
	assert_int_equal(desk_span_add(&id, d, a, 0, 3, "NOPE", 0), DESK_NOTFOUND);
	assert_non_null(strstr(desk_errmsg(d), "NOPE"));
	assert_int_equal(desk_span_add(&id, d, a, 0, 3, "PER", 4242), DESK_NOTFOUND);
	assert_int_equal(desk_span_add(&id, d, a, 14, 25, "PER", 0), DESK_DUPLICATE);
	assert_int_equal(desk_span_relabel(d, 999, "ORG"), DESK_NOTFOUND);
	assert_int_equal(desk_span_relabel(d, 1, "NOPE"), DESK_NOTFOUND);
	assert_int_equal(desk_span_delete(d, 999), DESK_NOTFOUND);
	assert_int_equal(desk_span_link(d, 1, 4242), DESK_NOTFOUND);
	assert_int_equal(span_int(d, "SELECT count(*) FROM span"), spans);
	assert_int_equal(span_int(d, "SELECT count(*) FROM edit_log"), logs);
	assert_int_equal(span_int(d, "SELECT count(*) FROM history"), hist);
	assert_sql_str(d, "SELECT label FROM span WHERE id = 1", "PER");
	assert_int_equal(span_int(d, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 1);
	desk_close(d);
}

static void
test_edits_logged(void **state)
{
	desk *d = span_open();
	int64_t a = span_article(d, vi_body), id, other, e;
	desk_spans *l = NULL;
	desk_span *s = NULL;
	char *at;

	(void)state;
	assert_int_equal(desk_span_add(&id, d, a, 14, 25, "PER", 0), DESK_OK);
	assert_sql_str(d,
	               "SELECT editor || '|' || action || '|' || article_id || '|' || target_id || "
	               "'|' || data FROM edit_log WHERE action = 'span-add'",
	               "tester|span-add|1|1|{\"span\":1,\"label\":\"PER\",\"entity_id\":0}");
	at = span_str(d, "SELECT at FROM edit_log ORDER BY id DESC LIMIT 1");
	assert_iso_time(at);
	free(at);
	assert_sql_str(d,
	               "SELECT editor || '|' || state FROM history WHERE log_id = (SELECT max(id) "
	               "FROM edit_log)",
	               "tester|done");

	/* A relabel to the same label changes and logs nothing. */
	assert_int_equal(desk_span_relabel(d, id, "PER"), DESK_OK);
	assert_int_equal(span_int(d, "SELECT count(*) FROM edit_log WHERE action = 'span-relabel'"),
	                 0);
	assert_int_equal(desk_span_relabel(d, id, "ORG"), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_string_equal(s->label, "ORG");
	desk_span_free(s);
	assert_sql_str(d,
	               "SELECT data FROM edit_log WHERE action = 'span-relabel' AND target_id = 1",
	               "{\"before\":{\"label\":\"PER\"},\"after\":{\"label\":\"ORG\"}}");
	/* Relabelling onto a span already there is a duplicate. */
	assert_int_equal(desk_span_add(&other, d, a, 14, 25, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_relabel(d, other, "ORG"), DESK_DUPLICATE);

	assert_int_equal(desk_entity_ensure(&e, d, "Lương Cường", NULL), DESK_OK);
	assert_int_equal(desk_span_link(d, id, e), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_int_equal(s->entity_id, e);
	assert_string_equal(s->entity, "Lương Cường");
	desk_span_free(s);
	assert_int_equal(desk_span_link(d, id, 0), DESK_OK);
	assert_sql_str(
	    d,
	    "SELECT group_concat(data, ' ') FROM (SELECT data FROM edit_log WHERE action "
	    "= 'span-link' ORDER BY id)",
	    "{\"before\":{\"entity_id\":0},\"after\":{\"entity_id\":1}} "
	    "{\"before\":{\"entity_id\":1},\"after\":{\"entity_id\":0}}");

	/* Delete: gone from lists, the row kept with who and when. */
	assert_int_equal(desk_span_delete(d, id), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_NOTFOUND);
	assert_int_equal(desk_span_delete(d, id), DESK_NOTFOUND);
	assert_int_equal(desk_spans_get(&l, d, a), DESK_OK);
	assert_int_equal(desk_spans_count(l), 1);
	assert_int_equal(desk_spans_at(l, 0)->id, other);
	desk_spans_free(l);
	assert_sql_str(d, "SELECT deleted_by || '|' || text FROM span WHERE id = 1",
	               "tester|Lương Cường");
	at = span_str(d, "SELECT deleted_at FROM span WHERE id = 1");
	assert_iso_time(at);
	free(at);
	assert_sql_str(d, "SELECT data FROM edit_log WHERE action = 'span-delete'",
	               "{\"span\":1,\"label\":\"ORG\",\"entity_id\":0}");
	/* Each edit is one undoable history row of this editor. */
	assert_int_equal(span_int(d, "SELECT count(*) FROM history WHERE editor = 'tester' AND "
	                             "state = 'done'"),
	                 span_int(d, "SELECT count(*) FROM edit_log WHERE action LIKE 'span-%'"));
	assert_int_equal(span_int(d, "SELECT count(*) FROM history"), 6);
	/* The same range may be tagged again once its span is deleted. */
	assert_int_equal(desk_span_add(&other, d, a, 14, 25, "ORG", 0), DESK_OK);
	assert_true(other > id);
	desk_close(d);
}

static void
test_two_connections(void **state)
{
	char path[] = "/tmp/copydesk_spanXXXXXX", wal[64], shm[64];
	desk *d1 = NULL, *d2 = NULL;
	desk_spans *l = NULL;
	int64_t a, s1, s2;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	assert_int_equal(desk_open(&d1, path, "lan"), DESK_OK);
	assert_int_equal(desk_open(&d2, path, "minh"), DESK_OK);
	a = span_article(d1, vi_body);
	assert_int_equal(desk_span_add(&s1, d1, a, 14, 25, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s2, d2, a, 30, 42, "PER", 0), DESK_OK);
	assert_int_not_equal(s1, s2);
	/* The same range and label from the other editor is a duplicate. */
	assert_int_equal(desk_span_add(NULL, d2, a, 14, 25, "PER", 0), DESK_DUPLICATE);
	assert_int_equal(desk_spans_get(&l, d1, a), DESK_OK);
	assert_int_equal(desk_spans_count(l), 2);
	assert_string_equal(desk_spans_at(l, 0)->author, "lan");
	assert_string_equal(desk_spans_at(l, 1)->author, "minh");
	assert_string_equal(desk_spans_at(l, 1)->text, "Tập Cận Bình");
	desk_spans_free(l);
	assert_int_equal(desk_span_delete(d1, s2), DESK_OK);
	assert_int_equal(desk_spans_get(&l, d2, a), DESK_OK);
	assert_int_equal(desk_spans_count(l), 1);
	desk_spans_free(l);
	assert_int_equal(span_int(d2, "SELECT count(*) FROM history WHERE editor = 'lan'"), 2);
	assert_int_equal(span_int(d2, "SELECT count(*) FROM history WHERE editor = 'minh'"), 1);
	desk_close(d1);
	desk_close(d2);
	unlink(path);
	unlink(wal);
	unlink(shm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_add_get_vietnamese),
	    cmocka_unit_test(test_list_order_nesting_overlap),
	    cmocka_unit_test(test_grapheme_snapping),
	    cmocka_unit_test(test_refusals_change_nothing),
	    cmocka_unit_test(test_edits_logged),
	    cmocka_unit_test(test_two_connections),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
