/*
 * test_claim_page.c - the claims a page at a time (core/src/annotate/
 * claim_read.c desk_claims_page, claim_page.c): keyset pages by article,
 * start and id both ways, their ends, filters (article, verdict, status),
 * ranks and the claim at an index, and a claim another editor adds between
 * two pages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

#define CP_ARTICLES 10
#define CP_CLAIMS   (2 * CP_ARTICLES)

/* n articles, each with two claims (the second sentence first); every claim of an even article
 * gets the verdict "false". */
static void
cp_fill(desk *d, int n, int64_t *arts)
{
	for (int k = 0; k < n; k++) {
		desk_article_in in = {0};
		char body[64];
		int64_t c1, c2;

		snprintf(body, sizeof body,
		         "Revenue grew 15%% in 2024. Exports fell %02d%% in May.", k);
		in.title = "t";
		in.body = body;
		in.body_len = strlen(body);
		assert_int_equal(desk_article_add(d, &in, 1, &arts[k], NULL), DESK_OK);
		assert_int_equal(desk_claim_add(&c2, d, arts[k], 26, (int64_t)strlen(body)),
		                 DESK_OK);
		assert_int_equal(desk_claim_add(&c1, d, arts[k], 0, 25), DESK_OK);
		if (k % 2 == 1) {
			assert_int_equal(desk_claim_set_verdict(d, c1, "false"), DESK_OK);
			assert_int_equal(desk_claim_set_verdict(d, c2, "false"), DESK_OK);
		}
	}
}

/* A page's places, checked in the list's order. */
static size_t
cp_page(desk *d, const desk_claim_filter *f, const desk_claim_place *key, int backward, size_t max,
        desk_claim_place *out)
{
	desk_claims *cs = NULL;
	size_t n;

	assert_int_equal(desk_claims_page(&cs, d, f, key, backward, max), DESK_OK);
	n = desk_claims_count(cs);
	for (size_t i = 0; i < n; i++) {
		const desk_claim *c = desk_claims_at(cs, i);

		out[i] = (desk_claim_place){c->article_id, c->start, c->id};
		assert_non_null(c->text);
		if (i > 0)
			assert_true(out[i].article_id > out[i - 1].article_id ||
			            (out[i].article_id == out[i - 1].article_id &&
			             out[i].start > out[i - 1].start));
	}
	desk_claims_free(cs);
	return n;
}

static int
cp_same(desk_claim_place a, desk_claim_place b)
{
	return a.article_id == b.article_id && a.start == b.start && a.id == b.id;
}

/* Forward pages of 3 walk every claim once; backward pages from the end walk them back; the
 * rank of each is its index and nth gives it back. */
static void
test_claim_page_order(void **state)
{
	desk_claim_place all[CP_CLAIMS + 3], got[CP_CLAIMS], key;
	int64_t arts[CP_ARTICLES], r;
	size_t n, seen = 0, left = CP_CLAIMS;
	desk *d = NULL;
	int found;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "anna"), DESK_OK);
	cp_fill(d, CP_ARTICLES, arts);
	n = cp_page(d, NULL, NULL, 0, 3, got);
	while (n > 0) {
		memcpy(&all[seen], got, n * sizeof *got);
		seen += n;
		key = got[n - 1];
		n = cp_page(d, NULL, &key, 0, 3, got);
	}
	assert_int_equal(seen, CP_CLAIMS);
	assert_int_equal(all[0].article_id, arts[0]);
	assert_int_equal(all[0].start, 0); /* by place, not by id */
	assert_int_equal(all[1].start, 26);
	assert_int_equal(all[CP_CLAIMS - 1].article_id, arts[CP_ARTICLES - 1]);
	/* Backward from the end: the same claims, the last page first. */
	n = cp_page(d, NULL, NULL, 1, 3, got);
	while (n > 0) {
		assert_true(left >= n);
		left -= n;
		for (size_t i = 0; i < n; i++)
			assert_true(cp_same(got[i], all[left + i]));
		key = got[0];
		n = cp_page(d, NULL, &key, 1, 3, got);
	}
	assert_int_equal(left, 0);
	/* Ranks and nth. */
	assert_int_equal(desk_claims_rank(&r, d, NULL, NULL), DESK_OK);
	assert_int_equal(r, CP_CLAIMS);
	for (size_t i = 0; i < CP_CLAIMS; i++) {
		assert_int_equal(desk_claims_rank(&r, d, NULL, &all[i]), DESK_OK);
		assert_int_equal(r, (int64_t)i);
		assert_int_equal(desk_claims_nth(&key, &found, d, NULL, (int64_t)i), DESK_OK);
		assert_int_equal(found, 1);
		assert_true(cp_same(key, all[i]));
	}
	assert_int_equal(desk_claims_nth(&key, &found, d, NULL, CP_CLAIMS), DESK_OK);
	assert_int_equal(found, 0);
	/* A page past the end is empty, and one of more than the list is all of it. */
	assert_int_equal(cp_page(d, NULL, &all[CP_CLAIMS - 1], 0, 5, got), 0);
	assert_int_equal(cp_page(d, NULL, &all[0], 1, 5, got), 0);
	assert_int_equal(cp_page(d, NULL, NULL, 0, 1000, got), CP_CLAIMS);
	desk_close(d);
}

/* Filters: an article, a verdict, a status; their counts agree with their pages. */
static void
test_claim_page_filters(void **state)
{
	desk_claim_place got[CP_CLAIMS], key;
	int64_t arts[CP_ARTICLES], r;
	desk_claim_filter art = {0, DESK_CLAIM_ANY, NULL}, fals = {0, DESK_CLAIM_ANY, "false"},
	                  prop = {0, DESK_CLAIM_PROPOSED, NULL},
	                  check = {0, DESK_CLAIM_CHECK, NULL};
	desk *d = NULL;
	int found;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "anna"), DESK_OK);
	cp_fill(d, CP_ARTICLES, arts);
	art.article_id = arts[3];
	assert_int_equal(cp_page(d, &art, NULL, 0, 10, got), 2);
	assert_int_equal(got[0].article_id, arts[3]);
	assert_int_equal(got[1].article_id, arts[3]);
	assert_int_equal(desk_claims_rank(&r, d, &art, NULL), DESK_OK);
	assert_int_equal(r, 2);
	assert_int_equal(desk_claims_rank(&r, d, &art, &got[1]), DESK_OK);
	assert_int_equal(r, 1);
	assert_int_equal(cp_page(d, &art, NULL, 1, 1, got), 1);
	assert_int_equal(got[0].start, 26);
	assert_int_equal(cp_page(d, &fals, NULL, 0, 100, got), CP_CLAIMS / 2);
	for (size_t i = 0; i < CP_CLAIMS / 2; i++)
		assert_int_equal(got[i].article_id, arts[2 * (i / 2) + 1]);
	assert_int_equal(desk_claims_rank(&r, d, &fals, NULL), DESK_OK);
	assert_int_equal(r, CP_CLAIMS / 2);
	assert_int_equal(desk_claims_nth(&key, &found, d, &fals, 2), DESK_OK);
	assert_true(found && key.article_id == arts[3] && key.start == 0);
	assert_int_equal(cp_page(d, &prop, NULL, 0, 100, got), 0);
	assert_int_equal(desk_claims_rank(&r, d, &prop, NULL), DESK_OK);
	assert_int_equal(r, 0);
	assert_int_equal(desk_claims_rank(&r, d, &check, NULL), DESK_OK);
	assert_int_equal(r, CP_CLAIMS);
	/* A verdict that does not exist is refused, not an empty list. */
	fals.verdict = "no-such-verdict";
	assert_int_not_equal(desk_claims_rank(&r, d, &fals, NULL), DESK_OK);
	desk_close(d);
}

/* Another editor adds a claim between two pages: the next page goes on after the key and holds
 * it in its place; the count has it. */
static void
test_claim_page_concurrent_add(void **state)
{
	char path[] = "/tmp/test_claim_page.XXXXXX", side[64];
	desk_claim_place got[CP_CLAIMS];
	int64_t arts[4], added, r;
	desk *a = NULL, *b = NULL;
	int fd = mkstemp(path);
	size_t n;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(desk_open(&a, path, "anna"), DESK_OK);
	assert_int_equal(desk_open(&b, path, "binh"), DESK_OK);
	cp_fill(a, 4, arts);
	assert_int_equal(cp_page(a, NULL, NULL, 0, 3, got),
	                 3); /* article 1's two, article 2's first */
	assert_int_equal(desk_claim_add(&added, b, arts[2], 10, 20), DESK_OK);
	n = cp_page(a, NULL, &got[2], 0, 3, got);
	assert_int_equal(n, 3);
	assert_int_equal(got[0].article_id, arts[1]);
	assert_int_equal(got[1].article_id, arts[2]);
	assert_int_equal(got[2].id, added);
	assert_int_equal(desk_claims_rank(&r, a, NULL, NULL), DESK_OK);
	assert_int_equal(r, 9);
	assert_int_equal(desk_claims_rank(&r, a, NULL, &got[2]), DESK_OK);
	assert_int_equal(r, 5);
	desk_close(b);
	desk_close(a);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_claim_page_order),
	    cmocka_unit_test(test_claim_page_filters),
	    cmocka_unit_test(test_claim_page_concurrent_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
