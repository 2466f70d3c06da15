/*
 * test_article_page.c - the article list a page at a time
 * (core/src/articles/article_page.c): keyset pages in id order both ways,
 * their ends, filters by status, language and dates, ranks, the article at
 * an index, and an article another editor adds between two pages.
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

#define PAGE_N 30

/* n articles: article k (from 1) in "vi" when k is odd, dated 2026-01-k (none for k % 10 == 0). */
static void
page_fill(desk *d, int from, int n, int64_t *ids)
{
	for (int k = from; k < from + n; k++) {
		char body[64], title[32], date[32];
		desk_article_in in = {0};

		snprintf(body, sizeof body, "Article number %d of the paging test.", k);
		snprintf(title, sizeof title, "Title %d", k);
		snprintf(date, sizeof date, "2026-01-%02d", k);
		in.title = title;
		in.date = k % 10 == 0 ? NULL : date;
		in.lang = k % 2 ? "vi" : "en";
		in.body = body;
		in.body_len = strlen(body);
		assert_int_equal(desk_article_add(d, &in, 1, ids ? &ids[k - from] : NULL, NULL),
		                 DESK_OK);
	}
}

static desk *
page_open(int64_t *ids)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	page_fill(d, 1, PAGE_N, ids);
	return d;
}

/* The ids of a page, checked ascending. */
static size_t
page_ids(desk *d, const desk_article_filter *f, int64_t key, int backward, size_t max, int64_t *out)
{
	desk_article **a = NULL;
	size_t n = 0;

	assert_int_equal(desk_article_page(&a, &n, d, f, key, backward, max), DESK_OK);
	for (size_t i = 0; i < n; i++) {
		out[i] = desk_article_id(a[i]);
		assert_null(desk_article_body(a[i]));
		if (i > 0)
			assert_true(out[i] > out[i - 1]);
	}
	desk_article_list_free(a, n);
	return n;
}

/* Forward pages from the start walk every article once, in order; backward pages from the end the
 * same. */
static void
test_page_order(void **state)
{
	int64_t ids[PAGE_N], got[PAGE_N], key = 0;
	size_t n, seen = 0;
	desk *d = page_open(ids);

	(void)state;
	while ((n = page_ids(d, NULL, key, 0, 7, got)) > 0) {
		for (size_t i = 0; i < n; i++)
			assert_int_equal(got[i], ids[seen + i]);
		seen += n;
		key = got[n - 1];
	}
	assert_int_equal(seen, PAGE_N);
	key = INT64_MAX;
	while ((n = page_ids(d, NULL, key, 1, 7, got)) > 0) {
		seen -= n;
		for (size_t i = 0; i < n; i++)
			assert_int_equal(got[i], ids[seen + i]);
		key = got[0];
	}
	assert_int_equal(seen, 0);
	desk_close(d);
}

/* The ends: a page past the last or before the first is empty; a short page at an end. */
static void
test_page_bounds(void **state)
{
	int64_t ids[PAGE_N], got[PAGE_N];
	desk *d = page_open(ids);

	(void)state;
	assert_int_equal(page_ids(d, NULL, ids[PAGE_N - 1], 0, 10, got), 0);
	assert_int_equal(page_ids(d, NULL, ids[0], 1, 10, got), 0);
	assert_int_equal(page_ids(d, NULL, ids[PAGE_N - 3], 0, 10, got), 2);
	assert_int_equal(got[1], ids[PAGE_N - 1]);
	assert_int_equal(page_ids(d, NULL, ids[2], 1, 10, got), 2);
	assert_int_equal(got[0], ids[0]);
	assert_int_equal(page_ids(d, NULL, 0, 0, 0, got), 0);
	desk_close(d);
}

/* Filters: status, language and dates, alone and together; an undated article is outside a range.
 */
static void
test_page_filters(void **state)
{
	int64_t ids[PAGE_N], got[PAGE_N], r;
	desk_article **a = NULL;
	size_t n;
	desk *d = page_open(ids);
	desk_article_filter f = {.status = DESK_STATUS_ANY, .lang = "vi"};

	(void)state;
	n = page_ids(d, &f, 0, 0, PAGE_N, got);
	assert_int_equal(n, PAGE_N / 2);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(got[i], ids[2 * i]); /* articles 1, 3, 5, ... */
	assert_int_equal(desk_article_rank(&r, d, &f, INT64_MAX), DESK_OK);
	assert_int_equal(r, PAGE_N / 2);

	f = (desk_article_filter){
	    .status = DESK_STATUS_ANY, .date_from = "2026-01-05", .date_to = "2026-01-12"};
	n = page_ids(d, &f, 0, 0, PAGE_N, got); /* 5..12 less 10 */
	assert_int_equal(n, 7);
	assert_int_equal(got[0], ids[4]);
	assert_int_equal(got[6], ids[11]);
	assert_int_equal(desk_article_rank(&r, d, &f, ids[8]), DESK_OK); /* 5, 6, 7, 8 */
	assert_int_equal(r, 4);

	assert_int_equal(desk_article_set_status(d, ids[3], DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(desk_article_set_status(d, ids[20], DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(desk_article_set_status(d, ids[21], DESK_STATUS_PROGRESS), DESK_OK);
	f = (desk_article_filter){.status = DESK_STATUS_DONE};
	n = page_ids(d, &f, 0, 0, PAGE_N, got);
	assert_int_equal(n, 2);
	assert_int_equal(got[0], ids[3]);
	assert_int_equal(got[1], ids[20]);
	assert_int_equal(desk_article_rank(&r, d, &f, INT64_MAX), DESK_OK);
	assert_int_equal(r, 2);
	f.lang = "en"; /* article 4 is "en", article 21 "vi" */
	n = page_ids(d, &f, INT64_MAX, 1, PAGE_N, got);
	assert_int_equal(n, 1);
	assert_int_equal(got[0], ids[3]);
	/* The rows carry their status. */
	assert_int_equal(desk_article_page(&a, &n, d, NULL, ids[20], 0, 1), DESK_OK);
	assert_int_equal(n, 1);
	assert_int_equal(desk_article_status(a[0]), DESK_STATUS_PROGRESS);
	desk_article_list_free(a, n);
	desk_close(d);
}

/* Ranks and the article at an index agree with the order, under every status. */
static void
test_page_rank_nth(void **state)
{
	int64_t ids[PAGE_N], r, id;
	desk *d = page_open(ids);
	desk_article_filter en = {.status = DESK_STATUS_ANY, .lang = "en"};

	(void)state;
	assert_int_equal(desk_article_set_status(d, ids[5], DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(desk_article_set_status(d, ids[9], DESK_STATUS_PROGRESS), DESK_OK);
	assert_int_equal(desk_article_rank(&r, d, NULL, INT64_MAX), DESK_OK);
	assert_int_equal(r, PAGE_N);
	for (int i = 0; i < PAGE_N; i++) {
		assert_int_equal(desk_article_rank(&r, d, NULL, ids[i]), DESK_OK);
		assert_int_equal(r, i);
		assert_int_equal(desk_article_nth(&id, d, NULL, i), DESK_OK);
		assert_int_equal(id, ids[i]);
	}
	assert_int_equal(desk_article_nth(&id, d, NULL, PAGE_N), DESK_OK);
	assert_int_equal(id, 0);
	assert_int_equal(desk_article_nth(&id, d, NULL, -1), DESK_OK);
	assert_int_equal(id, 0);
	assert_int_equal(desk_article_nth(&id, d, &en, 2), DESK_OK); /* 2, 4, 6 */
	assert_int_equal(id, ids[5]);
	assert_int_equal(desk_article_rank(&r, d, &en, ids[5]), DESK_OK);
	assert_int_equal(r, 2);
	desk_close(d);
}

/* Another editor imports between two pages: the next page goes on after the key and ends with the
 * new article. */
static void
test_page_concurrent_add(void **state)
{
	char path[] = "/tmp/test_article_page.XXXXXX";
	int64_t ids[PAGE_N], got[PAGE_N], added, r;
	desk *a = NULL, *b = NULL;
	int fd = mkstemp(path);
	size_t n;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(desk_open(&a, path, "anna"), DESK_OK);
	assert_int_equal(desk_open(&b, path, "binh"), DESK_OK);
	page_fill(a, 1, 10, ids);
	assert_int_equal(page_ids(a, NULL, 0, 0, 6, got), 6);
	page_fill(b, 11, 1, &added);
	n = page_ids(a, NULL, got[5], 0, 6, got);
	assert_int_equal(n, 5);
	assert_int_equal(got[0], ids[6]);
	assert_int_equal(got[4], added);
	assert_int_equal(desk_article_rank(&r, a, NULL, INT64_MAX), DESK_OK);
	assert_int_equal(r, 11);
	assert_int_equal(desk_article_rank(&r, a, NULL, added), DESK_OK);
	assert_int_equal(r, 10);
	desk_close(b);
	desk_close(a);
	unlink(path);
	{
		char side[sizeof path + 8];

		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_page_order),          cmocka_unit_test(test_page_bounds),
	    cmocka_unit_test(test_page_filters),        cmocka_unit_test(test_page_rank_nth),
	    cmocka_unit_test(test_page_concurrent_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
