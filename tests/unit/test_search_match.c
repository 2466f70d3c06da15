/*
 * test_search_match.c - desk_search_ranges(): where a query matches in a
 * text, in code points, as the search matches (accentless and exact), and
 * that every range it gives for a query is in an article desk_search finds
 * with that query on ":memory:".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

/* The ranges of query in text as "start-end start-end". */
static void
ranges_of(const char *text, const char *query, int exact, const char *want)
{
	desk_search_range *r = NULL;
	char got[512] = "";
	size_t n = 0;

	assert_int_equal(desk_search_ranges(&r, &n, text, strlen(text), query, exact), DESK_OK);
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(got);

		snprintf(got + k, sizeof got - k, "%s%lld-%lld", k ? " " : "",
		         (long long)r[i].start, (long long)r[i].end);
	}
	assert_string_equal(got, want);
	free(r);
}

static void
test_accentless(void **state)
{
	(void)state;
	/* "Ông Lương Cường": code points, not bytes */
	ranges_of("Ông Lương Cường nói", "luong cuong", 0, "4-9 10-15");
	ranges_of("Đảng và Đặng, đang", "dang", 0, "0-4 8-12 14-18");
	ranges_of("DANG dang", "Dang", 0, "0-4 5-9");
	ranges_of("nothing here", "dang", 0, "");
}

static void
test_exact(void **state)
{
	(void)state;
	ranges_of("Đảng và Đặng, đang, ĐẢNG", "Đảng", 1, "0-4 20-24");
	/* a plain word in the exact mode is the word without accents only */
	ranges_of("Đảng dang", "dang", 1, "5-9");
}

static void
test_phrase_prefix(void **state)
{
	(void)state;
	/* a phrase: consecutive words, punctuation between them allowed */
	ranges_of("kinh tế, kinh doanh; tế kinh", "\"kinh te\"", 0, "0-7");
	ranges_of("kinh tế, kinh doanh", "kinh t*", 0, "0-4 5-7 9-13");
	ranges_of("kinh tế, kinh doanh", "\"kinh t\"*", 0, "0-7");
	/* the longest match at a place wins, ranges never overlap */
	ranges_of("Hà Nội mới", "Hà \"ha noi\"", 0, "0-6");
	/* COVID-19 is a phrase of two words */
	ranges_of("COVID-19 và COVID", "COVID-19", 0, "0-8");
}

static void
test_operators(void **state)
{
	(void)state;
	ranges_of("a than da nang b", "than OR nang", 0, "2-6 10-14");
	ranges_of("a than da nang b", "than AND nang", 0, "2-6 10-14");
	/* NOT's operand is what the article lacks: not highlighted */
	ranges_of("a than da nang b", "than NOT nang", 0, "2-6");
	ranges_of("a than da nang b", "than NOT (nang OR da) b", 0, "2-6 15-16");
	ranges_of("a than da nang b", "(than OR da) nang", 0, "2-6 7-9 10-14");
	/* malformed: what can be read is */
	ranges_of("a than da nang b", "\"than", 0, "2-6");
	ranges_of("a than da nang b", "OR", 0, "");
	ranges_of("a than", "...", 0, "");
}

static void
test_nfd_and_bad(void **state)
{
	desk_search_range *r = (void *)1;
	size_t n = 9;

	(void)state;
	/* NFD text: the marks are code points of the word */
	ranges_of("x Lu\xcc\x9bo\xcc\x9b\xcc\x80ng y", "luong", 0, "2-10");
	assert_int_equal(desk_search_ranges(&r, &n, "a\xff", 2, "a", 0), DESK_INVALID);
	assert_null(r);
	assert_int_equal(n, 0);
	assert_int_equal(desk_search_ranges(&r, &n, "a", 1, "\xff", 0), DESK_INVALID);
	assert_int_equal(desk_search_ranges(NULL, &n, "a", 1, "a", 0), DESK_MISUSE);
}

/* What desk_search finds, desk_search_ranges marks, in the same mode. */
static void
test_agrees_with_search(void **state)
{
	static const char *const queries[] = {"dang", "Đảng", "luong cuong", "\"kinh te\"",
	                                      "kinh t*"};
	static const char body[] = "Đảng họp\n\nÔng Lương Cường nói về kinh tế.\n";
	desk_article_in in = {.title = "", .body = body, .body_len = sizeof body - 1};
	desk *d = NULL;
	int64_t first = 1;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	assert_int_equal(desk_article_add(d, &in, 1, NULL, NULL), DESK_OK);
	for (size_t k = 0; k < sizeof queries / sizeof *queries; k++)
		for (int exact = 0; exact < 2; exact++) {
			desk_search_opts o = {.exact = exact};
			desk_search_results *res = NULL;
			desk_article *a = NULL;
			desk_search_range *r = NULL;
			size_t n = 0;

			assert_int_equal(desk_search(&res, d, queries[k], &o), DESK_OK);
			assert_int_equal(desk_article_get(&a, d, first), DESK_OK);
			assert_int_equal(desk_search_ranges(&r, &n, desk_article_body(a),
			                                    desk_article_body_len(a), queries[k],
			                                    exact),
			                 DESK_OK);
			/* found by the search if and only if marked in its text */
			assert_int_equal(desk_search_count(res) > 0, n > 0);
			free(r);
			desk_article_free(a);
			desk_search_free(res);
		}
	desk_close(d);
}

/* A search over its budget stops (and says so); without one it runs to the end. */
static void
test_budget(void **state)
{
	enum { N = 4000 };
	static desk_article_in in[N];
	static char body[N][96];
	desk_search_results *r = NULL;
	desk *d = NULL;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	for (size_t i = 0; i < N; i++) {
		snprintf(body[i], sizeof body[i], "Đảng dang đang bài %zu về kinh tế %zu", i,
		         i * 7);
		in[i] =
		    (desk_article_in){.title = "", .body = body[i], .body_len = strlen(body[i])};
	}
	assert_int_equal(desk_article_add(d, in, N, NULL, NULL), DESK_OK);
	assert_int_equal(desk_search_budget(d, 1), DESK_OK);
	/* 4,000 matches to rank, each prefix's terms merged: well over a millisecond */
	assert_int_not_equal(desk_search(&r, d, "d* k* t*", NULL), DESK_OK);
	assert_null(r);
	assert_true(desk_search_budget_spent(d));
	assert_true(desk_search_budget(d, 0) == DESK_OK);
	assert_false(desk_search_budget_spent(d));
	assert_int_equal(desk_search(&r, d, "d* k* t*", NULL), DESK_OK);
	assert_int_equal(desk_search_count(r), 20);
	desk_search_free(r);
	assert_int_equal(desk_search_budget(d, -1), DESK_MISUSE);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_accentless),    cmocka_unit_test(test_exact),
	    cmocka_unit_test(test_phrase_prefix), cmocka_unit_test(test_operators),
	    cmocka_unit_test(test_nfd_and_bad),   cmocka_unit_test(test_agrees_with_search),
	    cmocka_unit_test(test_budget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
