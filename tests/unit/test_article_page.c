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

/* Remove a database file with its -wal and -shm. */
static void
page_unlink(const char *path)
{
	char side[256];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
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
	page_unlink(path);
}

/*
 * The sorts: SORT_N articles with ties (the same date, titles that fold to
 * the same key), undated and untitled ones, statuses, languages, an ORG span
 * on every third and a claim on every fourth.  A model of each list, sorted
 * here by the documented order, is what the pages, ranks and indexes must
 * give, every page size, both ways, under filters.
 */
#define SORT_N 26

static const char *const sort_dates[] = {"2024-05-01", "2024-05-01", "2024-04-30", "",
                                         "2024-06-02"};
static const char *const sort_titles[] = {"Đà Nẵng", "Da Nang", "banana", "",
                                          "Ái",      "apple",   "DA NANG"};
/* The titles folded: what the title order compares ("\x7f" stands for untitled: last). */
static const char *const sort_keys[] = {"da nang", "da nang", "banana", "\x7f",
                                        "ai",      "apple",   "da nang"};

struct sort_model {
	int64_t id;
	const char *date, *key, *lang;
	desk_status status;
	int label, claim;
};

static desk_article_sort sort_cmp_by;

static int
sort_cmp(const void *pa, const void *pb)
{
	const struct sort_model *a = pa, *b = pb;
	int c;

	if (sort_cmp_by == DESK_SORT_DATE) {
		if ((c = strcmp(b->date, a->date)) != 0) /* newest first, '' last */
			return c;
		return a->id < b->id ? 1 : -1;
	}
	if (sort_cmp_by == DESK_SORT_TITLE && (c = strcmp(a->key, b->key)) != 0)
		return c;
	return a->id < b->id ? -1 : 1;
}

static desk *
sort_open(const char *path, struct sort_model *m)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, path, "tester"), DESK_OK);
	for (int k = 0; k < SORT_N; k++) {
		const char *body = "Hanoi and Saigon grew by 7 percent last year.";
		desk_article_in in = {0};
		int64_t span, claim;

		in.title = sort_titles[k % 7];
		in.date = *sort_dates[k % 5] ? sort_dates[k % 5] : NULL;
		in.lang = k % 2 ? "vi" : "en";
		in.body = body;
		in.body_len = strlen(body);
		m[k] = (struct sort_model){0,         sort_dates[k % 5],    sort_keys[k % 7],
		                           in.lang,   (desk_status)(k % 3), k % 3 == 0,
		                           k % 4 == 1};
		/* Bodies differ, or the store takes them for the same article. */
		{
			char b[96];

			snprintf(b, sizeof b, "%s (%d)", body, k);
			in.body = b;
			in.body_len = strlen(b);
			assert_int_equal(desk_article_add(d, &in, 1, &m[k].id, NULL), DESK_OK);
		}
		if (m[k].status != DESK_STATUS_NEW)
			assert_int_equal(desk_article_set_status(d, m[k].id, m[k].status), DESK_OK);
		if (m[k].label)
			assert_int_equal(desk_span_add(&span, d, m[k].id, 0, 5, "ORG", 0), DESK_OK);
		if (m[k].claim)
			assert_int_equal(desk_claim_add(&claim, d, m[k].id, 10, 16), DESK_OK);
	}
	return d;
}

static int
sort_keep(const struct sort_model *m, const desk_article_filter *f)
{
	if (f->status != DESK_STATUS_ANY && m->status != f->status)
		return 0;
	if (f->lang && strcmp(m->lang, f->lang))
		return 0;
	if (f->date_from && (!*m->date || strcmp(m->date, f->date_from) < 0))
		return 0;
	if (f->date_to && (!*m->date || strcmp(m->date, f->date_to) > 0))
		return 0;
	if (f->label && (!m->label || strcmp(f->label, "ORG")))
		return 0;
	if (f->claim_status && (!m->claim || strcmp(f->claim_status, "check")))
		return 0;
	return 1;
}

/* f's list walked every way against the model of its nall articles. */
static void
sort_check_n(desk *d, const struct sort_model *all, int nall, const desk_article_filter *f)
{
	struct sort_model want[SORT_N + 1];
	size_t nw = 0;
	int64_t r;

	for (int k = 0; k < nall; k++)
		if (sort_keep(&all[k], f))
			want[nw++] = all[k];
	sort_cmp_by = f->sort;
	qsort(want, nw, sizeof *want, sort_cmp);
	assert_int_equal(desk_article_rank(&r, d, f, INT64_MAX), DESK_OK);
	if (r != (int64_t)nw)
		fprintf(stderr, "sort %d status %d lang %s label %s claim %s: %lld, not %zu\n",
		        f->sort, f->status, f->lang ? f->lang : "-", f->label ? f->label : "-",
		        f->claim_status ? f->claim_status : "-", (long long)r, nw);
	assert_int_equal(r, (int64_t)nw);
	for (size_t i = 0; i < nw; i++) {
		assert_int_equal(desk_article_nth(&r, d, f, (int64_t)i), DESK_OK);
		assert_int_equal(r, want[i].id);
		assert_int_equal(desk_article_rank(&r, d, f, want[i].id), DESK_OK);
		assert_int_equal(r, (int64_t)i);
	}
	assert_int_equal(desk_article_nth(&r, d, f, (int64_t)nw), DESK_OK);
	assert_int_equal(r, 0);
	for (size_t max = 1; max <= 5; max++) {
		desk_article **a = NULL;
		size_t n, seen = 0;
		int64_t key = 0;

		do { /* forward from the start */
			assert_int_equal(desk_article_page(&a, &n, d, f, key, 0, max), DESK_OK);
			for (size_t i = 0; i < n; i++)
				assert_int_equal(desk_article_id(a[i]), want[seen + i].id);
			seen += n;
			if (n > 0)
				key = desk_article_id(a[n - 1]);
			desk_article_list_free(a, n);
		} while (n > 0);
		assert_int_equal(seen, nw);
		key = INT64_MAX;
		do { /* backward from the end, each page in the list's order */
			assert_int_equal(desk_article_page(&a, &n, d, f, key, 1, max), DESK_OK);
			assert_true(n <= seen);
			for (size_t i = 0; i < n; i++)
				assert_int_equal(desk_article_id(a[i]), want[seen - n + i].id);
			seen -= n;
			if (n > 0)
				key = desk_article_id(a[0]);
			desk_article_list_free(a, n);
		} while (n > 0);
		assert_int_equal(seen, 0);
	}
}

static void
sort_check(desk *d, const struct sort_model *all, const desk_article_filter *f)
{
	sort_check_n(d, all, SORT_N, f);
}

static void
test_page_sorts(void **state)
{
	struct sort_model m[SORT_N];
	desk *d = sort_open(":memory:", m);
	desk_article_filter f[] = {
	    {.status = DESK_STATUS_ANY},
	    {.status = DESK_STATUS_DONE},
	    {.status = DESK_STATUS_ANY, .lang = "vi"},
	    {.status = DESK_STATUS_ANY, .date_from = "2024-05-01"},
	    {.status = DESK_STATUS_ANY, .date_from = "2024-04-30", .date_to = "2024-05-01"},
	    {.status = DESK_STATUS_ANY, .label = "ORG"},
	    {.status = DESK_STATUS_ANY, .label = "PER"},
	    {.status = DESK_STATUS_ANY, .claim_status = "check"},
	    {.status = DESK_STATUS_ANY, .claim_status = "verified"},
	    {.status = DESK_STATUS_PROGRESS, .lang = "en", .label = "ORG", .claim_status = "check"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		for (int s = DESK_SORT_ID; s <= DESK_SORT_TITLE; s++) {
			f[i].sort = (desk_article_sort)s;
			sort_check(d, m, &f[i]);
		}
	desk_close(d);
}

/* Jump to a date: the first article of that date in the list's order, or the next in time. */
static void
test_page_date_index(void **state)
{
	struct sort_model m[SORT_N];
	desk *d = sort_open(":memory:", m);
	desk_article_filter f = {.status = DESK_STATUS_ANY, .sort = DESK_SORT_DATE};
	int64_t i, id;

	(void)state;
	/* By date, newest first: 2024-06-02 (5 of them) then 2024-05-01. */
	assert_int_equal(desk_article_date_index(&i, d, &f, "2024-06-02"), DESK_OK);
	assert_int_equal(i, 0);
	assert_int_equal(desk_article_date_index(&i, d, &f, "2024-05-01"), DESK_OK);
	assert_int_equal(i, 5);
	assert_int_equal(desk_article_nth(&id, d, &f, i), DESK_OK);
	assert_int_equal(id, m[25].id); /* the highest id of that date */
	/* A date without articles: the next older one's first. */
	assert_int_equal(desk_article_date_index(&i, d, &f, "2024-05-15"), DESK_OK);
	assert_int_equal(i, 5);
	assert_int_equal(desk_article_date_index(&i, d, &f, "2030-01-01"), DESK_OK);
	assert_int_equal(i, 0);
	/* By id: the lowest id of the first date on or after it. */
	f.sort = DESK_SORT_ID;
	assert_int_equal(desk_article_date_index(&i, d, &f, "2024-05-01"), DESK_OK);
	assert_int_equal(i, 0);
	assert_int_equal(desk_article_date_index(&i, d, &f, "2024-06-01"), DESK_OK);
	assert_int_equal(i, 4);
	assert_int_equal(desk_article_date_index(&i, d, &f, "2030-01-01"), DESK_OK);
	assert_int_equal(i, SORT_N);
	/* By title, under a filter: the first title of that date. */
	f.sort = DESK_SORT_TITLE;
	f.lang = "vi";
	assert_int_equal(desk_article_date_index(&i, d, &f, "2024-04-30"), DESK_OK);
	assert_int_equal(desk_article_nth(&id, d, &f, i), DESK_OK);
	for (int k = 0; k < SORT_N; k++)
		if (m[k].id == id) {
			assert_string_equal(m[k].date, "2024-04-30");
			assert_string_equal(m[k].lang, "vi");
		}
	desk_close(d);
}

/* Another editor imports between two pages of a sorted list: the pages and ranks take it in. */
static void
test_page_sorts_concurrent(void **state)
{
	char path[] = "/tmp/test_article_sort.XXXXXX";
	struct sort_model m[SORT_N + 1];
	desk_article_filter f = {.status = DESK_STATUS_ANY, .sort = DESK_SORT_TITLE};
	desk_article_in in = {.title = "Ba Đình", .date = "2024-07-01", .lang = "vi"};
	desk_article **a = NULL;
	desk *b = NULL, *d;
	int fd = mkstemp(path);
	size_t n;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	d = sort_open(path, m);
	assert_int_equal(desk_open(&b, path, "binh"), DESK_OK);
	assert_int_equal(desk_article_page(&a, &n, d, &f, 0, 0, 3), DESK_OK);
	assert_int_equal(n, 3); /* ai, ai, ai, apple...: "ba dinh" comes after */
	in.body = "Ba Đình, một bài mới.";
	in.body_len = strlen(in.body);
	assert_int_equal(desk_article_add(b, &in, 1, &m[SORT_N].id, NULL), DESK_OK);
	m[SORT_N] =
	    (struct sort_model){m[SORT_N].id, "2024-07-01", "ba dinh", "vi", DESK_STATUS_NEW, 0, 0};
	desk_article_list_free(a, n);
	for (int s = DESK_SORT_ID; s <= DESK_SORT_TITLE; s++) {
		desk_article_filter g = {.status = DESK_STATUS_ANY, .sort = (desk_article_sort)s};
		struct sort_model all[SORT_N + 1];

		memcpy(all, m, sizeof all);
		sort_check_n(d, all, SORT_N + 1, &g);
	}
	desk_close(b);
	desk_close(d);
	page_unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_page_order),
	    cmocka_unit_test(test_page_bounds),
	    cmocka_unit_test(test_page_filters),
	    cmocka_unit_test(test_page_rank_nth),
	    cmocka_unit_test(test_page_concurrent_add),
	    cmocka_unit_test(test_page_sorts),
	    cmocka_unit_test(test_page_date_index),
	    cmocka_unit_test(test_page_sorts_concurrent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
