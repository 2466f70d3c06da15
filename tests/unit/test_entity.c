/* test_entity.c - entities: ensure, find by alias, rename, merge, lists, against ":memory:". */
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

/* "Tập Cận Bình" 30-42, "Xi Jinping" 44-54, "Lương Cường" 14-25, "Hà Nội" 60-66. */
static const char vi_body[] = "Chủ tịch nước Lương Cường đón Tập Cận Bình (Xi Jinping) tại Hà Nội.";
/* "Xi Jinping" 0-10, "Xi" 20-22. */
static const char en_body[] = "Xi Jinping arrived. Xi met the press.";

static desk *
entity_open(void)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	return d;
}

static int64_t
entity_article(desk *d, const char *body, const char *lang)
{
	desk_article_in in = {.lang = lang, .body = body, .body_len = strlen(body)};
	int64_t id = 0;

	assert_int_equal(desk_article_add(d, &in, 1, &id, NULL), DESK_OK);
	return id;
}

static int64_t
entity_span(desk *d, int64_t a, int64_t start, int64_t end, int64_t e)
{
	int64_t id = 0;

	assert_int_equal(desk_span_add(&id, d, a, start, end, "PER", e), DESK_OK);
	return id;
}

static char *
entity_str(desk *d, const char *sql)
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
	char *s = entity_str(d, sql);

	assert_string_equal(s, want);
	free(s);
}

static void
test_ensure(void **state)
{
	desk *d = entity_open();
	int64_t a = 0, b = 0, c = 0;

	(void)state;
	assert_int_equal(desk_entity_ensure(&a, d, "Tập Cận Bình", "Q15031"), DESK_OK);
	assert_true(a > 0);
	assert_int_equal(desk_entity_ensure(&b, d, "Tập Cận Bình", NULL), DESK_OK);
	assert_int_equal(b, a);
	/* The same name decomposed (NFD) is the same entity. */
	assert_int_equal(
	    desk_entity_ensure(&c, d, "Ta\xcc\xa3\xcc\x82p Ca\xcc\xa3\xcc\x82n Bi\xcc\x80nh", NULL),
	    DESK_OK);
	assert_int_equal(c, a);
	assert_int_equal(desk_entity_ensure(&c, d, "Lương Cường", NULL), DESK_OK);
	assert_int_not_equal(c, a);
	assert_int_equal(desk_entity_ensure(&c, d, "", NULL), DESK_INVALID);
	assert_int_equal(desk_entity_ensure(&c, d, "  ", NULL), DESK_INVALID);
	assert_int_equal(desk_entity_ensure(&c, d, "\xff", NULL), DESK_INVALID);
	assert_sql_str(d, "SELECT count(*) || ' ' || group_concat(external_id, ',') FROM entity",
	               "2 Q15031,");
	assert_sql_str(d, "SELECT created_by FROM entity WHERE id = 1", "tester");
	assert_sql_str(d, "SELECT count(*) FROM edit_log WHERE action = 'entity-add'", "2");
	desk_close(d);
}

static void
test_find_by_alias(void **state)
{
	desk *d = entity_open();
	int64_t a = entity_article(d, vi_body, "vi"), xi, id = 0;
	desk_entities *l = NULL;
	char *json = NULL;
	json_t *arr, *aliases;

	(void)state;
	assert_int_equal(desk_entity_ensure(&xi, d, "Tập Cận Bình", NULL), DESK_OK);
	assert_int_equal(desk_entity_find(&id, d, "Xi Jinping"), DESK_NOTFOUND);
	entity_span(d, a, 30, 42, xi);
	entity_span(d, a, 44, 54, xi);
	assert_int_equal(desk_entity_find(&id, d, "Tập Cận Bình"), DESK_OK);
	assert_int_equal(id, xi);
	assert_int_equal(desk_entity_find(&id, d, "Xi Jinping"), DESK_OK);
	assert_int_equal(id, xi);
	id = -1;
	assert_int_equal(desk_entity_find(&id, d, "Lương Cường"), DESK_NOTFOUND);
	assert_int_equal(id, 0);

	assert_int_equal(desk_entities_get(&l, d), DESK_OK);
	assert_int_equal(desk_entities_count(l), 1);
	assert_int_equal(desk_entities_at(l, 0)->id, xi);
	assert_int_equal(desk_entities_at(l, 0)->mentions, 2);
	assert_string_equal(desk_entities_at(l, 0)->name, "Tập Cận Bình");
	assert_string_equal(desk_entities_at(l, 0)->aliases, "Tập Cận Bình\nXi Jinping");
	assert_null(desk_entities_at(l, 1));
	desk_entities_free(l);

	assert_int_equal(desk_entities_json(&json, d), DESK_OK);
	assert_non_null(arr = json_loads(json, 0, NULL));
	assert_int_equal(json_array_size(arr), 1);
	aliases = json_object_get(json_array_get(arr, 0), "aliases");
	assert_int_equal(json_array_size(aliases), 2);
	assert_string_equal(json_string_value(json_array_get(aliases, 1)), "Xi Jinping");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(arr, 0), "mentions")),
	                 2);
	json_decref(arr);
	free(json);
	desk_close(d);
}

static void
test_rename(void **state)
{
	desk *d = entity_open();
	int64_t a = entity_article(d, vi_body, "vi"), e, other, id;
	desk_span *s = NULL;

	(void)state;
	assert_int_equal(desk_entity_ensure(&e, d, "Xi", NULL), DESK_OK);
	assert_int_equal(desk_entity_ensure(&other, d, "Lương Cường", NULL), DESK_OK);
	id = entity_span(d, a, 30, 42, e);
	assert_int_equal(desk_entity_rename(d, e, "Tập Cận Bình", "Q15031"), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_string_equal(s->entity, "Tập Cận Bình");
	desk_span_free(s);
	assert_int_equal(desk_entity_find(&id, d, "Tập Cận Bình"), DESK_OK);
	assert_int_equal(id, e);
	assert_sql_str(
	    d,
	    "SELECT editor || ' ' || target_id || ' ' || data FROM edit_log WHERE action "
	    "= 'entity-rename'",
	    "tester 1 {\"before\":{\"name\":\"Xi\",\"external_id\":\"\"},"
	    "\"after\":{\"name\":\"Tập Cận Bình\",\"external_id\":\"Q15031\"}}");
	assert_sql_str(d,
	               "SELECT state FROM history WHERE log_id = (SELECT id FROM edit_log WHERE "
	               "action = 'entity-rename')",
	               "done");
	/* external_id NULL keeps it. */
	assert_int_equal(desk_entity_rename(d, e, "Xi Jinping", NULL), DESK_OK);
	assert_sql_str(d, "SELECT name || ' ' || external_id FROM entity WHERE id = 1",
	               "Xi Jinping Q15031");
	/* Another entity's name, or no entity: refused, nothing changes. */
	assert_int_equal(desk_entity_rename(d, e, "Lương Cường", NULL), DESK_DUPLICATE);
	assert_int_equal(desk_entity_rename(d, 99, "Ai đó", NULL), DESK_NOTFOUND);
	assert_int_equal(desk_entity_rename(d, e, "", NULL), DESK_INVALID);
	assert_sql_str(d, "SELECT name FROM entity WHERE id = 1", "Xi Jinping");
	assert_sql_str(d, "SELECT count(*) FROM edit_log WHERE action = 'entity-rename'", "2");
	desk_close(d);
}

static void
test_merge(void **state)
{
	desk *d = entity_open();
	int64_t vi = entity_article(d, vi_body, "vi"), en = entity_article(d, en_body, "en");
	int64_t tap, xi, luong, s1, s2, s3, s4, id;
	desk_entities *l = NULL;
	desk_span *s = NULL;

	(void)state;
	assert_int_equal(desk_entity_ensure(&tap, d, "Tập Cận Bình", NULL), DESK_OK);
	assert_int_equal(desk_entity_ensure(&xi, d, "Xi Jinping", NULL), DESK_OK);
	assert_int_equal(desk_entity_ensure(&luong, d, "Lương Cường", NULL), DESK_OK);
	s1 = entity_span(d, vi, 30, 42, tap);
	s2 = entity_span(d, vi, 44, 54, xi);
	s3 = entity_span(d, en, 0, 10, xi);
	s4 = entity_span(d, en, 20, 22, xi);
	entity_span(d, vi, 14, 25, luong);
	/* A deleted span stays with its entity. */
	assert_int_equal(desk_span_delete(d, s4), DESK_OK);

	/* Before: Xi Jinping 2, then Lương Cường and Tập Cận Bình with 1 each, by name. */
	assert_int_equal(desk_entities_get(&l, d), DESK_OK);
	assert_int_equal(desk_entities_count(l), 3);
	assert_int_equal(desk_entities_at(l, 0)->id, xi);
	assert_int_equal(desk_entities_at(l, 0)->mentions, 2);
	assert_int_equal(desk_entities_at(l, 1)->id, luong);
	assert_int_equal(desk_entities_at(l, 2)->id, tap);
	desk_entities_free(l);

	assert_int_equal(desk_entity_merge(d, tap, tap), DESK_MISUSE);
	assert_int_equal(desk_entity_merge(d, tap, 99), DESK_NOTFOUND);
	assert_int_equal(desk_entity_merge(d, tap, xi), DESK_OK);
	for (int64_t sp = s2; sp <= s3; sp++) {
		assert_int_equal(desk_span_get(&s, d, sp), DESK_OK);
		assert_int_equal(s->entity_id, tap);
		assert_string_equal(s->entity, "Tập Cận Bình");
		desk_span_free(s);
	}
	assert_sql_str(d, "SELECT entity_id FROM span WHERE id = 4", "2");
	assert_sql_str(d, "SELECT merged_into FROM entity WHERE id = 2", "1");
	assert_sql_str(d, "SELECT data FROM edit_log WHERE action = 'entity-merge'",
	               "{\"into\":1,\"from\":2,\"spans\":[2,3]}");
	assert_sql_str(d,
	               "SELECT state FROM history WHERE log_id = (SELECT id FROM edit_log WHERE "
	               "action = 'entity-merge')",
	               "done");

	assert_int_equal(desk_entities_get(&l, d), DESK_OK);
	assert_int_equal(desk_entities_count(l), 2);
	assert_int_equal(desk_entities_at(l, 0)->id, tap);
	assert_int_equal(desk_entities_at(l, 0)->mentions, 3);
	assert_string_equal(desk_entities_at(l, 0)->aliases, "Xi Jinping\nTập Cận Bình");
	assert_int_equal(desk_entities_at(l, 1)->id, luong);
	desk_entities_free(l);

	/* The merged entity's name and links lead to the survivor. */
	assert_int_equal(desk_entity_find(&id, d, "Xi Jinping"), DESK_OK);
	assert_int_equal(id, tap);
	assert_int_equal(desk_span_link(d, s1, xi), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, s1), DESK_OK);
	assert_int_equal(s->entity_id, tap);
	desk_span_free(s);
	id = 0;
	assert_int_equal(desk_span_add(&id, d, en, 20, 22, "PER", xi), DESK_OK);
	assert_int_equal(desk_span_get(&s, d, id), DESK_OK);
	assert_int_equal(s->entity_id, tap);
	desk_span_free(s);
	/* A new entity of the merged one's name is a new row. */
	assert_int_equal(desk_entity_ensure(&id, d, "Xi Jinping", NULL), DESK_OK);
	assert_true(id != xi && id != tap);

	/* Into or from a merged entity: refused, nothing changes. */
	assert_int_equal(desk_entity_merge(d, xi, luong), DESK_CONFLICT);
	assert_int_equal(desk_entity_merge(d, luong, xi), DESK_CONFLICT);
	assert_int_equal(desk_entity_rename(d, xi, "Tập", NULL), DESK_CONFLICT);
	assert_sql_str(d, "SELECT count(*) FROM edit_log WHERE action = 'entity-merge'", "1");
	assert_sql_str(d, "SELECT coalesce(merged_into, 0) FROM entity WHERE id = 3", "0");
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ensure),
	    cmocka_unit_test(test_find_by_alias),
	    cmocka_unit_test(test_rename),
	    cmocka_unit_test(test_merge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
