/*
 * test_export_cut.c - the text an export writes without its boilerplate
 * (export/export_cut.c): marked lines cut without leaving blank lines,
 * annotations moved to the text left or left out with a warning, and the
 * split of a release stable for an article's text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export/export_cut.h"

static int warned;

static void
on_warn(void *ctx, const desk_export_warning *w)
{
	(void)ctx;
	(void)w;
	warned++;
}

/* A document of body with boilerplate marks at the given code-point ranges. */
static void
doc(format_article *a, const char *body, const int64_t (*marks)[2], size_t n)
{
	memset(a, 0, sizeof *a);
	a->mem = strdup(body);
	a->in.body = a->mem;
	a->in.body_len = strlen(body);
	a->chars = desk_utf8_count(body, strlen(body));
	for (size_t i = 0; i < n; i++)
		assert_int_equal(
		    format_article_mark(a, DESK_MARK_BOILERPLATE, marks[i][0], marks[i][1]),
		    DESK_OK);
	a->in.marks = a->marks;
	a->in.nmarks = a->nmarks;
}

static void
add_span(format_article *a, int64_t s, int64_t e)
{
	format_span *v = format_pool_alloc(&a->pool, (a->nspans + 1) * sizeof *v);

	if (a->nspans)
		memcpy(v, a->spans, a->nspans * sizeof *v);
	v[a->nspans].start = s;
	v[a->nspans].end = e;
	v[a->nspans].label = "LOC";
	a->spans = v;
	a->nspans++;
}

static void
test_caption_paragraph(void **state)
{
	/* "Đà Nẵng mưa.\n\nẢnh: TTXVN\n\nHuế nắng." with the caption marked. */
	const char *body = "Đà Nẵng mưa.\n\nẢnh: TTXVN\n\nHuế nắng.";
	const int64_t m[][2] = {{14, 24}};
	desk_export_opts o = {.warn = on_warn};
	export_cuts c = {0};
	format_article a;

	(void)state;
	doc(&a, body, m, 1);
	add_span(&a, 0, 7);   /* Đà Nẵng */
	add_span(&a, 26, 29); /* Huế */
	add_span(&a, 19, 24); /* TTXVN, inside the caption: left out quietly */
	warned = 0;
	assert_int_equal(export_cut_boilerplate(&c, &a, &o), DESK_OK);
	assert_string_equal(a.in.body, "Đà Nẵng mưa.\n\nHuế nắng.");
	assert_int_equal(a.in.body_len, strlen(a.in.body));
	assert_int_equal(a.chars, 23);
	assert_int_equal(a.nspans, 2);
	assert_int_equal(a.spans[0].start, 0);
	assert_int_equal(a.spans[1].start, 14);
	assert_int_equal(a.spans[1].end, 17);
	assert_int_equal(warned, 0);
	assert_int_equal(a.nmarks, 0);
	format_article_clear(&a);
	free(c.v);
}

static void
test_line_and_tail(void **state)
{
	/* A follow line inside a paragraph, and a related-links tail to the end. */
	const char *body = "Một.\nTheo dõi X trên\nHai.\n\nĐọc thêm\nTin A\nTin B";
	const int64_t m[][2] = {{5, 20}, {27, 47}};
	desk_export_opts o = {.warn = on_warn};
	export_cuts c = {0};
	format_article a;

	(void)state;
	doc(&a, body, m, 2);
	add_span(&a, 21, 25); /* Hai. */
	add_span(&a, 0, 25);  /* Một ... Hai.: straddles the follow line: left out, warned */
	warned = 0;
	assert_int_equal(export_cut_boilerplate(&c, &a, &o), DESK_OK);
	assert_string_equal(a.in.body, "Một.\nHai.");
	assert_int_equal(a.chars, 9);
	assert_int_equal(a.nspans, 1);
	assert_int_equal(a.spans[0].start, 5);
	assert_int_equal(a.spans[0].end, 9);
	assert_int_equal(warned, 1);
	format_article_clear(&a);
	free(c.v);
}

static void
test_no_boilerplate(void **state)
{
	desk_export_opts o = {0};
	export_cuts c = {0};
	format_article a;

	(void)state;
	doc(&a, "Không có gì.", NULL, 0);
	assert_int_equal(format_article_mark(&a, DESK_MARK_BYLINE, 0, 5), DESK_OK);
	add_span(&a, 0, 5);
	assert_int_equal(export_cut_boilerplate(&c, &a, &o), DESK_OK);
	assert_string_equal(a.in.body, "Không có gì.");
	assert_int_equal(a.nspans, 1);
	assert_int_equal(a.nmarks, 1);
	format_article_clear(&a);
	free(c.v);
}

static void
test_split(void **state)
{
	const unsigned pct[3] = {80, 10, 10};
	int count[4] = {0};
	char hash[17];

	(void)state;
	for (int i = 0; i < 10000; i++) {
		snprintf(hash, sizeof hash, "%016llx", (unsigned long long)i * 2654435761u);
		count[export_split(hash, 1, pct)]++;
		/* The same text and seed: the same split, always. */
		assert_int_equal(export_split(hash, 1, pct), export_split(hash, 1, pct));
	}
	assert_in_range(count[1], 7700, 8300);
	assert_in_range(count[2], 850, 1150);
	assert_in_range(count[3], 850, 1150);
	/* Another seed gives another split of the same articles. */
	assert_true(
	    export_split("00000000000000ff", 1, pct) != export_split("00000000000000ff", 2, pct) ||
	    export_split("0000000000000f0f", 1, pct) != export_split("0000000000000f0f", 2, pct) ||
	    export_split("000000000000abcd", 1, pct) != export_split("000000000000abcd", 2, pct));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_caption_paragraph),
	    cmocka_unit_test(test_line_and_tail),
	    cmocka_unit_test(test_no_boilerplate),
	    cmocka_unit_test(test_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
