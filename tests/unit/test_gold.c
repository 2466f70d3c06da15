/*
 * test_gold.c - the gold layer (annotate/gold*.c): the differences between
 * two editors' layers, settling them (take one, both, none, edit, from an
 * editor, add, remove), undo and redo of each change, the claims' verdicts,
 * the refusals' rules, and the layer export takes by default; on :memory:.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export/export_load.h"

/* Ông An: 4-6; Bà Bình: 11-18 (Bình 14-18); Hà Nội: 21-27; the claim's sentence 29-68. */
static const char body[] = "Ông An gặp Bà Bình ở Hà Nội. Tỷ lệ hộ nghèo giảm còn 38,5% năm 2024.";

static void
as(desk *d, const char *editor)
{
	free(d->editor);
	d->editor = strdup(editor);
}

static void
sql(desk *d, const char *s)
{
	assert_int_equal(sqlite3_exec(d->db, s, NULL, NULL, NULL), SQLITE_OK);
}

static int64_t
add_article(desk *d, const char *text)
{
	int64_t id;
	desk_article_in in = {.body = text, .body_len = strlen(text), .lang = "vi", .title = "T"};

	assert_int_equal(desk_article_add(d, &in, 1, &id, NULL), DESK_OK);
	return id;
}

/*
 * Two layers: both tag An PER (agreed); alice Bình PER, bob Bà Bình PER
 * (overlap); alice Hà Nội LOC, bob Hà Nội ORG (same range, labels differ).
 */
static desk *
fx_open(int64_t *art, int64_t s[6])
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	/* alice made the database, so she is its first chief; "chief" adjudicates. */
	assert_int_equal(desk_user_add(d, "bob", DESK_ROLE_EDITOR), DESK_OK);
	assert_int_equal(desk_user_add(d, "chief", DESK_ROLE_CHIEF), DESK_OK);
	*art = add_article(d, body);
	assert_int_equal(desk_span_add(&s[0], d, *art, 4, 6, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s[1], d, *art, 14, 18, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s[2], d, *art, 21, 27, "LOC", 0), DESK_OK);
	as(d, "bob");
	/* The same range and label as alice's: as an import of bob's layer stores it. */
	sql(d, "INSERT INTO span (article_id, start, \"end\", label, text, author, created_at, "
	       "updated_by, updated_at) VALUES (1, 4, 6, 'PER', 'An', 'bob', 'now', 'bob', 'now')");
	s[3] = sqlite3_last_insert_rowid(d->db);
	assert_int_equal(desk_span_add(&s[4], d, *art, 11, 18, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s[5], d, *art, 21, 27, "ORG", 0), DESK_OK);
	as(d, "chief");
	return d;
}

static size_t
gold_n(desk *d, int64_t art, int *exists)
{
	desk_gold *g = NULL;
	size_t n;

	assert_int_equal(desk_gold_get(&g, d, art), DESK_OK);
	n = desk_gold_count(g);
	if (exists)
		*exists = desk_gold_exists(g);
	desk_gold_free(g);
	return n;
}

static void
test_diff_units(void **state)
{
	int64_t art, s[6];
	desk *d = fx_open(&art, s);
	desk_gold_diff *g = NULL;
	const desk_gold_unit *u;

	(void)state;
	assert_int_equal(desk_gold_diff_get(&g, d, art), DESK_OK);
	assert_int_equal(desk_gold_diff_editors(g), 2);
	assert_string_equal(desk_gold_diff_editor(g, 0), "alice");
	assert_string_equal(desk_gold_diff_editor(g, 1), "bob");
	assert_int_equal(desk_gold_diff_units(g), 3);
	u = desk_gold_diff_unit(g, 0);
	assert_true(u->agreed);
	assert_int_equal(u->start, 4);
	assert_int_equal(u->n, 2);
	u = desk_gold_diff_unit(g, 1);
	assert_false(u->agreed);
	assert_int_equal(u->start, 11);
	assert_int_equal(u->end, 18);
	assert_int_equal(u->n, 2);
	assert_int_equal(desk_gold_diff_span(g, u->first)->id, s[4]); /* by start: bob's first */
	assert_int_equal(desk_gold_diff_span(g, u->first)->editor, 1);
	u = desk_gold_diff_unit(g, 2);
	assert_false(u->agreed);
	assert_int_equal(u->start, 21);
	assert_int_equal(u->n, 2);
	assert_false(u->settled);
	desk_gold_diff_free(g);
	desk_close(d);
}

static void
test_take_undo(void **state)
{
	int64_t art, s[6];
	desk *d = fx_open(&art, s);
	desk_gold_diff *g = NULL;
	desk_gold *gl = NULL;
	int exists;

	(void)state;
	assert_int_equal(gold_n(d, art, &exists), 0);
	assert_false(exists);
	assert_int_equal(desk_gold_diff_get(&g, d, art), DESK_OK);
	assert_int_equal(desk_gold_take(d, g, 1, 1), DESK_OK); /* bob's Bà Bình */
	assert_int_equal(gold_n(d, art, &exists), 1);
	assert_true(exists);
	assert_int_equal(desk_gold_take(d, g, 2, 0), DESK_OK); /* alice's LOC */
	assert_int_equal(desk_gold_get(&gl, d, art), DESK_OK);
	assert_int_equal(desk_gold_count(gl), 2);
	assert_int_equal(desk_gold_at(gl, 0)->span_id, s[4]);
	assert_string_equal(desk_gold_at(gl, 0)->author, "bob");
	assert_string_equal(desk_gold_at(gl, 0)->settled_by, "chief");
	assert_string_equal(desk_gold_at(gl, 1)->label, "LOC");
	desk_gold_free(gl);
	/* Taking the other editor's replaces the unit's gold span, not another unit's. */
	assert_int_equal(desk_gold_take(d, g, 2, 1), DESK_OK);
	assert_int_equal(desk_gold_get(&gl, d, art), DESK_OK);
	assert_int_equal(desk_gold_count(gl), 2);
	assert_string_equal(desk_gold_at(gl, 1)->label, "ORG");
	desk_gold_free(gl);
	/* Each change is one undo step, logged as 'gold'. */
	assert_int_equal(desk_undo(NULL, d), DESK_OK);
	assert_int_equal(desk_gold_get(&gl, d, art), DESK_OK);
	assert_string_equal(desk_gold_at(gl, 1)->label, "LOC");
	desk_gold_free(gl);
	assert_int_equal(desk_undo(NULL, d), DESK_OK);
	assert_int_equal(gold_n(d, art, NULL), 1);
	assert_int_equal(desk_undo(NULL, d), DESK_OK);
	assert_int_equal(gold_n(d, art, &exists), 0);
	assert_false(exists); /* the first change made the layer: undone, there is none */
	assert_int_equal(desk_redo(NULL, d), DESK_OK);
	assert_int_equal(gold_n(d, art, &exists), 1);
	assert_true(exists);
	/* Take none: the unit keeps no span; the article keeps its (now empty) layer. */
	assert_int_equal(desk_gold_take(d, g, 1, DESK_GOLD_NONE), DESK_OK);
	assert_int_equal(gold_n(d, art, &exists), 0);
	assert_true(exists);
	desk_gold_diff_free(g);
	desk_close(d);
}

static void
test_both_edit_from(void **state)
{
	int64_t art, s[6], id;
	desk *d = fx_open(&art, s);
	desk_gold_diff *g = NULL;
	desk_gold *gl = NULL;

	(void)state;
	assert_int_equal(desk_gold_diff_get(&g, d, art), DESK_OK);
	assert_int_equal(desk_gold_take(d, g, 0, DESK_GOLD_BOTH), DESK_OK);
	assert_int_equal(gold_n(d, art, NULL), 1); /* the same range and label once */
	assert_int_equal(desk_gold_take(d, g, 1, DESK_GOLD_BOTH), DESK_OK);
	assert_int_equal(gold_n(d, art, NULL), 3);
	/* Edit: one gold span of a new range and label in place of the unit's two. */
	assert_int_equal(desk_gold_edit(d, g, 1, 14, 18, "org"), DESK_OK);
	assert_int_equal(desk_gold_get(&gl, d, art), DESK_OK);
	assert_int_equal(desk_gold_count(gl), 2);
	assert_int_equal(desk_gold_at(gl, 1)->start, 14);
	assert_string_equal(desk_gold_at(gl, 1)->label, "ORG");
	assert_string_equal(desk_gold_at(gl, 1)->author, "chief");
	desk_gold_free(gl);
	assert_int_equal(desk_gold_edit(d, g, 1, 14, 18, "NOPE"), DESK_NOTFOUND);
	assert_int_equal(desk_gold_edit(d, g, 1, 14, 99, "PER"), DESK_RANGE);
	assert_int_equal(gold_n(d, art, NULL), 2); /* nothing half-done */
	desk_gold_diff_free(g);
	/* From an editor: the layer is that editor's spans. */
	assert_int_equal(desk_gold_from(d, art, "bob"), DESK_OK);
	assert_int_equal(desk_gold_get(&gl, d, art), DESK_OK);
	assert_int_equal(desk_gold_count(gl), 3);
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(desk_gold_at(gl, i)->author, "bob");
	id = desk_gold_at(gl, 0)->id;
	desk_gold_free(gl);
	assert_int_equal(desk_gold_remove(d, art, id), DESK_OK);
	assert_int_equal(gold_n(d, art, NULL), 2);
	assert_int_equal(desk_gold_remove(d, art, id), DESK_NOTFOUND);
	assert_int_equal(desk_errrule(d), DESK_RULE_UNKNOWN);
	assert_int_equal(desk_gold_add(&id, d, art, s[1]), DESK_OK);
	assert_int_equal(gold_n(d, art, NULL), 3);
	/* The refusals name their rule. */
	assert_int_equal(desk_gold_add(&id, d, art, s[1]), DESK_DUPLICATE);
	assert_int_equal(desk_errrule(d), DESK_RULE_GOLD_SAME);
	assert_int_equal(desk_gold_from(d, art, "nobody"), DESK_NOTFOUND);
	assert_int_equal(desk_errrule(d), DESK_RULE_NO_LAYER);
	assert_int_equal(desk_gold_add(&id, d, art + 1, s[1]), DESK_NOTFOUND);
	assert_int_equal(gold_n(d, art, NULL), 3);
	assert_int_equal(desk_gold_none(d, art), DESK_OK);
	assert_int_equal(gold_n(d, art, NULL), 0);
	assert_int_equal(desk_undo(NULL, d), DESK_OK);
	assert_int_equal(gold_n(d, art, NULL), 3);
	desk_close(d);
}

static int
load1(desk *d, int64_t id, const char *layer, format_article *out)
{
	desk_filter f = {.layer = layer};
	export_loader *l = NULL;
	int rc;

	if ((rc = export_loader_new(&l, d, &f)) != DESK_OK)
		return rc;
	rc = export_load(l, id, out);
	export_loader_free(l);
	return rc;
}

/* The articles a jsonl export of the layer takes. */
static int
exported(desk *d, const char *layer)
{
	desk_export_opts o = {.format = DESK_FORMAT_JSONL, .filter = {.layer = layer}};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int n = 0;

	assert_non_null(f);
	assert_int_equal(desk_export(d, &o, f, NULL, NULL), DESK_OK);
	fclose(f);
	for (size_t i = 0; i < len; i++)
		n += buf[i] == '\n';
	free(buf);
	return n;
}

/* The default: the gold layer where an article has one, else every editor's spans. */
/* Only chiefs adjudicate, and only a chief undoes a change of the gold layer. */
static void
test_editor_refused(void **state)
{
	int64_t art, s[6];
	desk *d = fx_open(&art, s);
	desk_gold_diff *g = NULL;
	int exists;

	(void)state;
	assert_int_equal(desk_gold_diff_get(&g, d, art), DESK_OK);
	as(d, "bob");
	assert_int_equal(desk_gold_take(d, g, 1, 1), DESK_DENIED);
	assert_int_equal(desk_errrule(d), DESK_RULE_CHIEF_ONLY);
	assert_int_equal(gold_n(d, art, &exists), 0);
	assert_false(exists);
	as(d, "chief");
	assert_int_equal(desk_gold_take(d, g, 1, 1), DESK_OK);
	/* The chief who settled it is made an editor: the undo of the settling is refused. */
	as(d, "alice");
	assert_int_equal(desk_user_add(d, "chief", DESK_ROLE_EDITOR), DESK_OK);
	as(d, "chief");
	assert_int_equal(desk_undo(NULL, d), DESK_DENIED);
	assert_int_equal(desk_errrule(d), DESK_RULE_CHIEF_ONLY);
	assert_int_equal(gold_n(d, art, &exists), 1);
	desk_gold_diff_free(g);
	desk_close(d);
}

static void
test_export_default(void **state)
{
	int64_t art, art2, s[6];
	desk *d = fx_open(&art, s);
	format_article a;

	(void)state;
	art2 = add_article(d, "Another article."); /* no gold layer ever */
	assert_int_equal(load1(d, art, NULL, &a), DESK_OK);
	assert_int_equal(a.nspans, 6);
	format_article_clear(&a);
	assert_int_equal(exported(d, "gold"), 0);
	assert_int_equal(exported(d, NULL), 2);
	assert_int_equal(desk_gold_from(d, art, "alice"), DESK_OK);
	assert_int_equal(load1(d, art, NULL, &a), DESK_OK);
	assert_int_equal(a.nspans, 3);
	assert_string_equal(a.spans[1].label, "PER");
	assert_int_equal(a.spans[1].start, 14);
	assert_string_equal(a.spans[2].label, "LOC");
	format_article_clear(&a);
	assert_int_equal(load1(d, art, "editors", &a), DESK_OK);
	assert_int_equal(a.nspans, 6);
	format_article_clear(&a);
	assert_int_equal(load1(d, art2, NULL, &a), DESK_OK);
	assert_int_equal(a.nspans, 0);
	format_article_clear(&a);
	assert_int_equal(exported(d, "gold"), 1); /* only the article with a gold layer */
	assert_int_equal(exported(d, "editors"), 2);
	/* Take none everywhere: a gold layer with no spans, exported empty. */
	assert_int_equal(desk_gold_none(d, art), DESK_OK);
	assert_int_equal(load1(d, art, NULL, &a), DESK_OK);
	assert_int_equal(a.nspans, 0);
	format_article_clear(&a);
	assert_int_equal(exported(d, "gold"), 1);
	/* Undo both: no gold layer, the editors' spans again. */
	assert_int_equal(desk_undo(NULL, d), DESK_OK);
	assert_int_equal(desk_undo(NULL, d), DESK_OK);
	assert_int_equal(load1(d, art, NULL, &a), DESK_OK);
	assert_int_equal(a.nspans, 6);
	format_article_clear(&a);
	{
		desk_export_opts o = {.format = DESK_FORMAT_JSONL, .filter = {.layer = "mine"}};
		FILE *f = fopen("/dev/null", "w");

		assert_int_equal(desk_export(d, &o, f, NULL, NULL), DESK_INVALID);
		fclose(f);
	}
	desk_close(d);
}

static void
test_verdicts(void **state)
{
	int64_t art, s[6], c1, c2, c3;
	desk *d = fx_open(&art, s);
	desk_gold_vdiff *v = NULL;
	format_article a;

	(void)state;
	as(d, "alice");
	assert_int_equal(desk_claim_add(&c1, d, art, 29, 68), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(d, c1, "true"), DESK_OK);
	as(d, "bob");
	assert_int_equal(desk_claim_add(&c2, d, art, 29, 67), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(d, c2, "false"), DESK_OK);
	as(d, "chief");
	assert_int_equal(desk_gold_vdiff_get(&v, d, art), DESK_OK);
	assert_int_equal(desk_gold_vdiff_groups(v), 1);
	assert_int_equal(desk_gold_vdiff_group(v, 0)->n, 2);
	assert_int_equal(desk_gold_vdiff_group(v, 0)->settled_id, 0);
	desk_gold_vdiff_free(v);
	assert_int_equal(desk_gold_verdict(d, c2, "nope"), DESK_NOTFOUND);
	assert_int_equal(desk_gold_verdict(d, c2, "misleading"), DESK_OK);
	assert_int_equal(desk_gold_vdiff_get(&v, d, art), DESK_OK);
	assert_int_equal(desk_gold_vdiff_group(v, 0)->kept_claim, c2);
	assert_string_equal(desk_gold_vdiff_group(v, 0)->verdict, "misleading");
	desk_gold_vdiff_free(v);
	/* Export keeps the settled claim with its verdict; the editors' research stands. */
	assert_int_equal(load1(d, art, NULL, &a), DESK_OK);
	assert_int_equal(a.nclaims, 1);
	assert_int_equal(a.claims[0].end, 67);
	assert_string_equal(a.claims[0].verdict, "misleading");
	assert_int_equal(a.nspans, 6); /* a settled verdict alone makes no gold layer of spans */
	format_article_clear(&a);
	assert_int_equal(load1(d, art, "editors", &a), DESK_OK);
	assert_int_equal(a.nclaims, 2);
	assert_string_equal(a.claims[0].verdict, "false"); /* bob's, the shorter */
	assert_string_equal(a.claims[1].verdict, "true");
	format_article_clear(&a);
	assert_int_equal(desk_undo(NULL, d), DESK_OK);
	assert_int_equal(load1(d, art, NULL, &a), DESK_OK);
	assert_int_equal(a.nclaims, 2);
	format_article_clear(&a);
	/* A claim that overlaps none has nothing to settle. */
	as(d, "alice");
	assert_int_equal(desk_claim_add(&c3, d, art, 0, 10), DESK_OK);
	as(d, "chief");
	assert_int_equal(desk_gold_verdict(d, c3, "true"), DESK_INVALID);
	assert_int_equal(desk_errrule(d), DESK_RULE_NO_DIFFER);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_diff_units),     cmocka_unit_test(test_take_undo),
	    cmocka_unit_test(test_both_edit_from), cmocka_unit_test(test_export_default),
	    cmocka_unit_test(test_editor_refused), cmocka_unit_test(test_verdicts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
