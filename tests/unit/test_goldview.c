/*
 * test_goldview.c - tui/model/goldview.c: an article's differences between
 * two editors' layers as the adjudication view's lines (compared as
 * strings), the agreed unit dim, what the gold layer holds of each unit,
 * and n/N's next difference (agreed units skipped, wrapping around); the
 * claims whose editors' verdicts differ after the units, numbered in their
 * group, with the verdict settled.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "goldview.h"
#include "internal.h"

static const char body[] = "Ông An gặp Bà Bình ở Hà Nội. Tỷ lệ hộ nghèo giảm.";

static desk *
fx(int64_t *art)
{
	desk *d = NULL;
	desk_article_in in = {.body = body, .body_len = strlen(body), .lang = "vi", .title = "T"};

	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	assert_int_equal(desk_article_add(d, &in, 1, art, NULL), DESK_OK);
	assert_int_equal(sqlite3_exec(d->db,
	                              "INSERT INTO span (article_id, start, \"end\", label, text, "
	                              "author, created_at, updated_by, updated_at) VALUES "
	                              "(1, 4, 6, 'PER', 'An', 'alice', 'x', 'alice', 'x'), "
	                              "(1, 4, 6, 'PER', 'An', 'bob', 'x', 'bob', 'x'), "
	                              "(1, 14, 18, 'PER', 'Bình', 'alice', 'x', 'alice', 'x'), "
	                              "(1, 11, 18, 'PER', 'Bà Bình', 'bob', 'x', 'bob', 'x'), "
	                              "(1, 21, 27, 'LOC', 'Hà Nội', 'bob', 'x', 'bob', 'x')",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	return d;
}

static void
test_lines(void **state)
{
	int64_t art;
	desk *d = fx(&art);
	desk_gold_diff *g = NULL;
	struct goldview gv;
	static const char *const want[] = {
	    "4-6 agreed  not settled",    "  1 alice  PER An 4-6",      "  2 bob  PER An 4-6",
	    "11-18 differs  not settled", "  2 bob  PER Bà Bình 11-18", "  1 alice  PER Bình 14-18",
	    "21-27 differs  not settled", "  2 bob  LOC Hà Nội 21-27",
	};

	(void)state;
	assert_int_equal(desk_gold_diff_get(&g, d, art), DESK_OK);
	assert_int_equal(goldview_lines(&gv, g), DESK_OK);
	assert_int_equal(gv.n, sizeof want / sizeof *want);
	for (size_t i = 0; i < gv.n; i++)
		assert_string_equal(gv.v[i].text, want[i]);
	assert_true(gv.v[0].dim && gv.v[0].head && gv.v[1].dim);
	assert_false(gv.v[3].dim);
	assert_int_equal(gv.v[4].unit, 1);
	assert_int_equal(goldview_line_of(&gv, 2), 6);
	/* n, N: the differences only, wrapping around. */
	assert_int_equal(goldview_next_diff(g, 0, 1), 1);
	assert_int_equal(goldview_next_diff(g, 1, 1), 2);
	assert_int_equal(goldview_next_diff(g, 2, 1), 1);
	assert_int_equal(goldview_next_diff(g, 1, -1), 2);
	goldview_free(&gv);
	/* Settled: bob's for the first difference, none for the second. */
	assert_int_equal(desk_gold_take(d, g, 1, 1), DESK_OK);
	assert_int_equal(desk_gold_take(d, g, 2, DESK_GOLD_NONE), DESK_OK);
	desk_gold_diff_free(g);
	assert_int_equal(desk_gold_diff_get(&g, d, art), DESK_OK);
	assert_int_equal(goldview_lines(&gv, g), DESK_OK);
	assert_string_equal(gv.v[3].text, "11-18 differs  gold: PER Bà Bình 11-18");
	assert_string_equal(gv.v[6].text, "21-27 differs  gold: none");
	{
		size_t differ, settled;

		goldview_count(g, &differ, &settled);
		assert_int_equal(differ, 2);
		assert_int_equal(settled, 2);
	}
	goldview_free(&gv);
	desk_gold_diff_free(g);
	desk_close(d);
}

static void
editor_is(desk *d, const char *editor)
{
	free(d->editor);
	d->editor = strdup(editor);
	assert_non_null(d->editor);
}

static void
test_verdicts(void **state)
{
	int64_t art, c1, c2;
	desk *d = fx(&art);
	desk_gold_diff *g = NULL;
	desk_gold_vdiff *v = NULL;
	struct goldview gv;

	(void)state;
	editor_is(d, "alice");
	assert_int_equal(desk_claim_add(&c1, d, art, 29, 49), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(d, c1, "true"), DESK_OK);
	editor_is(d, "bob");
	assert_int_equal(desk_claim_add(&c2, d, art, 29, 48), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(d, c2, "false"), DESK_OK);
	editor_is(d, "alice"); /* the database's first chief */
	assert_int_equal(desk_gold_diff_get(&g, d, art), DESK_OK);
	assert_int_equal(desk_gold_vdiff_get(&v, d, art), DESK_OK);
	assert_int_equal(goldview_lines(&gv, g), DESK_OK);
	assert_int_equal(goldview_vlines(&gv, desk_gold_diff_units(g), v), DESK_OK);
	assert_int_equal(gv.n, 11);
	assert_string_equal(gv.v[8].text, "29-49 claims' verdicts differ  not settled");
	assert_string_equal(gv.v[9].text, "  1 alice  true claim 1 29-49 Tỷ lệ hộ nghèo giảm.");
	assert_string_equal(gv.v[10].text, "  2 bob  false claim 2 29-48 Tỷ lệ hộ nghèo giảm");
	assert_true(gv.v[8].head && !gv.v[8].dim && !gv.v[9].dim);
	assert_int_equal(gv.v[10].unit, 3);
	assert_int_equal(goldview_line_of(&gv, 3), 8);
	/* n, N: the claims' group is a difference after the units. */
	assert_int_equal(goldview_next_any(g, v, 2, 1), 3);
	assert_int_equal(goldview_next_any(g, v, 3, 1), 1);
	assert_int_equal(goldview_next_any(g, v, 1, -1), 3);
	assert_int_equal(goldview_next_any(g, NULL, 2, 1), 1);
	goldview_free(&gv);
	desk_gold_vdiff_free(v);
	/* Settled: bob's claim with a verdict of the chief's choosing. */
	assert_int_equal(desk_gold_verdict(d, c2, "misleading"), DESK_OK);
	assert_int_equal(desk_gold_vdiff_get(&v, d, art), DESK_OK);
	memset(&gv, 0, sizeof gv);
	assert_int_equal(goldview_vlines(&gv, 5, v), DESK_OK);
	assert_int_equal(gv.n, 3);
	assert_int_equal(gv.v[0].unit, 5);
	assert_string_equal(gv.v[0].text,
	                    "29-49 claims' verdicts differ  gold: misleading (claim 2)");
	goldview_free(&gv);
	desk_gold_vdiff_free(v);
	desk_gold_diff_free(g);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lines),
	    cmocka_unit_test(test_verdicts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
