/* test_tagging.c - tui/model/tagging.c: words, selections, spans under the cursor, and how spans
 * are drawn. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"
#include "tagging.h"

static const char *const keys[] = {"P", "O", "L", "E", "D", "#", "T", "M"};
enum { PER, ORG, LOC, EVENT, DATE, NUM, TITLE, MISC };

static desk_text *
text(const char *s)
{
	desk_text *t = NULL;

	assert_int_equal(desk_text_new(&t, s, strlen(s)), DESK_OK);
	return t;
}

/* The code point offset of the first occurrence of needle in s. */
static int64_t
at(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);

	assert_non_null(p);
	return desk_utf8_count(s, (size_t)(p - s));
}

/* s[start:end] in code points, as a new string. */
static char *
slice(const desk_text *t, int64_t start, int64_t end)
{
	size_t a = desk_text_byte(t, start), b = desk_text_byte(t, end);
	char *r = malloc(b - a + 1);

	assert_non_null(r);
	memcpy(r, desk_text_utf8(t) + a, b - a);
	r[b - a] = '\0';
	return r;
}

static void
expect_word(const desk_text *t, int64_t cp, const char *want)
{
	int64_t s, e;

	if (want == NULL) {
		assert_int_equal(tagging_word_at(&s, &e, t, cp), DESK_NOTFOUND);
		return;
	}
	assert_int_equal(tagging_word_at(&s, &e, t, cp), DESK_OK);
	char *got = slice(t, s, e);
	assert_string_equal(got, want);
	free(got);
}

static void
test_word_at(void **state)
{
	const char *s = "Chủ tịch nước Lương Cường, ngày 29/10 (APEC).";
	desk_text *t = text(s);

	(void)state;
	expect_word(t, at(s, "Lương"), "Lương");
	expect_word(t, at(s, "ương"), "Lương"); /* inside the syllable */
	expect_word(t, at(s, "ờng"), "Cường");  /* on the mark-bearing letter */
	expect_word(t, at(s, "g,"), "Cường");   /* its last letter: the comma is left out */
	expect_word(t, at(s, ", ngày"), NULL);  /* the comma is no word */
	expect_word(t, at(s, " Lương"), NULL);  /* nor the space */
	expect_word(t, at(s, "APEC"), "APEC");
	expect_word(t, at(s, "Chủ"), "Chủ");
	expect_word(t, desk_text_len(t) - 1, NULL); /* the final stop */
	expect_word(t, desk_text_len(t), NULL);
	desk_text_free(t);

	/* Decomposed marks stay with their letter: ơ + combining grave is one grapheme. */
	s = "ông Lu\xcc\x9bo\xcc\x9bng x";
	t = text(s);
	expect_word(t, at(s, "o\xcc\x9bng"), "Lu\xcc\x9bo\xcc\x9bng");
	expect_word(t, at(s, "\xcc\x9bo"), "Lu\xcc\x9bo\xcc\x9bng"); /* a mark: its grapheme */
	desk_text_free(t);
}

static void
expect_sel(const desk_text *t, int64_t anchor, int64_t cursor, const char *want)
{
	int64_t s, e;
	char *got;

	tagging_selection(&s, &e, t, anchor, cursor);
	assert_true(desk_text_is_grapheme(t, s));
	assert_true(desk_text_is_grapheme(t, e));
	got = slice(t, s, e);
	assert_string_equal(got, want);
	free(got);
}

static void
test_selection(void **state)
{
	const char *s = "Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương (APEC) họp";
	desk_text *t = text(s);
	int64_t a = at(s, "Diễn"), c = a;

	(void)state;
	expect_sel(t, a, a, "Diễn");   /* v alone on a word's start: the word */
	expect_sel(t, a, a + 1, "Di"); /* l: by grapheme */
	expect_sel(t, a + 1, a, "Di"); /* either way round */
	/* v then w ten times: the whole name, its last word whole. */
	for (int i = 0; i < 10; i++)
		c = desk_text_next_word(t, c);
	assert_int_equal(c, at(s, "Dương"));
	expect_sel(t, a, c, "Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương");
	/* Spaces at the ends are trimmed. */
	expect_sel(t, at(s, " đàn"), at(s, " Hợp"), "đàn");
	expect_sel(t, at(s, " - "), at(s, " - ") + 1, "-");
	expect_sel(t, at(s, " - "), at(s, " - "), "");
	desk_text_free(t);

	/* Over combining marks: each l moves a whole grapheme, never between letter and mark. */
	s = "Lu\xcc\x9bo\xcc\x9bng Cu\xcc\x9bo\xcc\x80ng";
	t = text(s);
	expect_sel(t, 0, 1, "Lu\xcc\x9b");
	expect_sel(t, 0, 2, "Lu\xcc\x9b"); /* 2 is the mark: its grapheme */
	expect_sel(t, 0, desk_text_next_grapheme(t, 1), "Lu\xcc\x9bo\xcc\x9b");
	expect_sel(t, 0, desk_text_next_word(t, 0), "Lu\xcc\x9bo\xcc\x9bng Cu\xcc\x9bo\xcc\x80ng");
	desk_text_free(t);
}

static void
test_innermost_next_prev(void **state)
{
	/* 0         1         2
	 * 0123456789012345678901234 */
	struct tagging_span sp[] = {
	    {1, 0, 20, ORG, 0},  /* outer */
	    {2, 0, 5, LOC, 0},   /* nested at the same start */
	    {3, 10, 15, PER, 0}, /* nested inside */
	    {4, 12, 25, DATE, 0} /* overlapping the outer's end */
	};
	size_t n = sizeof sp / sizeof *sp;
	int depth;

	(void)state;
	tagging_prepare(sp, n);
	assert_int_equal(tagging_innermost(sp, n, 0, &depth), 1);
	assert_int_equal(depth, 2);
	assert_int_equal(tagging_innermost(sp, n, 7, &depth), 0);
	assert_int_equal(depth, 1);
	assert_int_equal(tagging_innermost(sp, n, 13, &depth), 2);
	assert_int_equal(depth, 3);
	assert_int_equal(tagging_innermost(sp, n, 17, &depth), 3); /* 13 long against 20 */
	assert_int_equal(depth, 2);
	assert_int_equal(tagging_innermost(sp, n, 22, &depth), 3);
	assert_int_equal(tagging_innermost(sp, n, 25, &depth), -1);
	assert_int_equal(depth, 0);

	/* All that hold a place, innermost first. */
	{
		long at[8];

		assert_int_equal(tagging_holding(at, 8, sp, n, 13), 3);
		assert_int_equal(at[0], 2); /* PER 10-15 */
		assert_int_equal(at[1], 3); /* DATE 12-25 */
		assert_int_equal(at[2], 0); /* ORG 0-20 */
		assert_int_equal(tagging_holding(at, 8, sp, n, 3), 2);
		assert_int_equal(at[0], 1);
		assert_int_equal(at[1], 0);
		assert_int_equal(tagging_holding(at, 1, sp, n, 13), 1);
		assert_int_equal(tagging_holding(at, 8, sp, n, 25), 0);
	}
	assert_int_equal(tagging_next(sp, n, 0), 2);
	assert_int_equal(tagging_next(sp, n, 10), 3);
	assert_int_equal(tagging_next(sp, n, 12), -1);
	assert_int_equal(tagging_prev(sp, n, 12), 2);
	assert_int_equal(tagging_prev(sp, n, 10), 0);
	assert_int_equal(tagging_prev(sp, n, 0), -1);
	assert_int_equal(tagging_next(NULL, 0, 0), -1);
}

/* Many spans, nested and overlapping at random: the same answers as a scan of all. */
static int
span_order(const void *pa, const void *pb)
{
	const struct tagging_span *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static void
test_innermost_many(void **state)
{
	enum { N = 3000, LEN = 20000 };
	struct tagging_span *sp = calloc(N, sizeof *sp);
	unsigned seed = 7;

	(void)state;
	assert_non_null(sp);
	for (int i = 0; i < N; i++) {
		int64_t a, len;

		seed = seed * 1103515245u + 12345u;
		a = (int64_t)(seed >> 8) % LEN;
		seed = seed * 1103515245u + 12345u;
		len = 1 + (int64_t)(seed >> 8) % ((seed >> 4) % 16 == 0 ? 2000 : 12);
		sp[i] = (struct tagging_span){i + 1, a, a + len, i % 8, 0};
	}
	qsort(sp, N, sizeof *sp, span_order);
	tagging_prepare(sp, N);
	for (int64_t cp = 0; cp < LEN + 2100; cp += 7) {
		long best = -1;
		int depth = 0, got_depth;

		for (size_t i = 0; i < N; i++) {
			if (sp[i].start > cp || cp >= sp[i].end)
				continue;
			depth++;
			if (best < 0 || sp[i].end - sp[i].start <= sp[best].end - sp[best].start)
				best = (long)i;
		}
		assert_int_equal(tagging_innermost(sp, N, cp, &got_depth), best);
		assert_int_equal(got_depth, depth);
		{
			long at[64];
			size_t k = tagging_holding(at, 64, sp, N, cp);

			assert_int_equal(k, depth < 64 ? depth : 64);
			if (k > 0)
				assert_int_equal(at[0], best);
			for (size_t j = 1; j < k; j++)
				assert_true(sp[at[j - 1]].end - sp[at[j - 1]].start <=
				            sp[at[j]].end - sp[at[j]].start);
		}
	}
	free(sp);
}

/* The rendering of line row of s at width, with brackets or not. */
static char *
render(const char *s, int width, const struct tagging_span *sp, size_t n, int brackets, size_t row,
       size_t *nlines)
{
	struct layout_insert *ins = NULL;
	struct layout *l = NULL;
	desk_text *t = text(s);
	size_t nins = 0;
	struct tagging_span *prep = malloc((n ? n : 1) * sizeof *prep);
	char *r;

	assert_non_null(prep);
	if (n)
		memcpy(prep, sp, n * sizeof *prep);
	tagging_prepare(prep, n);
	sp = prep;
	if (brackets)
		assert_int_equal(tagging_inserts(&ins, &nins, sp, n, keys, 8), DESK_OK);
	assert_int_equal(layout_new_insert(&l, t, width, NULL, 0, LAYOUT_WORDS, ins, nins),
	                 DESK_OK);
	*nlines = l->nlines;
	r = tagging_render(l, row, sp, n, keys, 8);
	assert_non_null(r);
	layout_free(l);
	desk_text_free(t);
	free(ins);
	free(prep);
	return r;
}

static void
expect_render(const char *s, int width, const struct tagging_span *sp, size_t n, int brackets,
              size_t row, const char *want)
{
	size_t nlines;
	char *got = render(s, width, sp, n, brackets, row, &nlines);

	assert_string_equal(got, want);
	free(got);
}

static const char name[] = "Chủ tịch nước Lương Cường dự APEC";

static void
test_overlay_colour(void **state)
{
	/* TITLE "Chủ tịch nước", PER "Lương Cường", and MISC over both (nesting). */
	struct tagging_span sp[] = {
	    {3, at(name, "Chủ"), at(name, " dự"), MISC, 0},
	    {1, at(name, "Chủ"), at(name, " Lương"), TITLE, 0},
	    {2, at(name, "Lương"), at(name, " dự"), PER, 0},
	};

	(void)state;
	expect_render(name, 80, sp, 3, 0, 0,
	              "Chủ tịch nước Lương Cường dự APEC\n"
	              "TTTTTTTTTTTTTMPPPPPPPPPPP........\n"
	              "_____________ ___________        ");
	/* At 20 columns the name wraps; the looks go with the text. */
	expect_render(name, 20, sp, 3, 0, 0,
	              "Chủ tịch nước Lương \n"
	              "TTTTTTTTTTTTTMPPPPPP\n"
	              "_____________ ______");
	expect_render(name, 20, sp, 3, 0, 1,
	              "Cường dự APEC\n"
	              "PPPPP........\n"
	              "_____        ");
}

static void
test_overlay_brackets(void **state)
{
	struct tagging_span one[] = {{2, at(name, "Lương"), at(name, " dự"), PER, 0}};
	struct tagging_span nest[] = {
	    {3, at(name, "Chủ"), at(name, " dự"), MISC, 0},
	    {1, at(name, "Chủ"), at(name, " Lương"), TITLE, 0},
	    {2, at(name, "Lương"), at(name, " dự"), PER, 0},
	};
	/* Overlapping: ORG "Lương Cường dự", PER "Cường dự APEC". */
	struct tagging_span over[] = {
	    {4, at(name, "Lương"), at(name, " APEC"), ORG, 0},
	    {5, at(name, "Cường"), desk_utf8_count(name, strlen(name)), PER, 0},
	};
	size_t nlines;
	char *r;

	(void)state;
	expect_render(name, 80, one, 1, 1, 0,
	              "Chủ tịch nước [P Lương Cường] dự APEC\n"
	              "..............   PPPPPPPPPPP ........\n"
	              "                                     ");
	expect_render(name, 80, nest, 3, 1, 0,
	              "[M [T Chủ tịch nước] [P Lương Cường]] dự APEC\n"
	              "      TTTTTTTTTTTTT M   PPPPPPPPPPP  ........\n"
	              "      _____________     ___________          ");
	/* Overlap: the bracket that closes out of order names its label. */
	expect_render(name, 80, over, 2, 1, 0,
	              "Chủ tịch nước [O Lương [P Cường dựO] APEC]\n"
	              "..............   OOOOOO   PPPPPPPP  PPPPP \n"
	              "                          ________        ");
	/* At 20 columns: brackets take room, wrap with their text and hold no offset. */
	expect_render(name, 20, nest, 3, 1, 0,
	              "[M [T Chủ tịch nước]\n"
	              "      TTTTTTTTTTTTT \n"
	              "      _____________ ");
	expect_render(name, 20, nest, 3, 1, 1,
	              "[P Lương Cường]] dự \n"
	              "   PPPPPPPPPPP  ....\n"
	              "   ___________      ");
	r = render(name, 20, nest, 3, 1, 2, &nlines);
	assert_int_equal(nlines, 3);
	assert_string_equal(r, "APEC\n....\n    ");
	free(r);
}

/* The cursor never lands on a bracket: columns map to text, brackets to what follows. */
static void
test_brackets_map_no_offset(void **state)
{
	struct tagging_span one[] = {{2, at(name, "Lương"), at(name, " dự"), PER, 0}};
	struct layout_insert *ins;
	struct layout *l;
	size_t nins, row;
	desk_text *t = text(name);
	int col;

	(void)state;
	assert_int_equal(tagging_inserts(&ins, &nins, one, 1, keys, 8), DESK_OK);
	assert_int_equal(nins, 2);
	assert_string_equal(ins[0].text, "[P ");
	assert_int_equal(ins[0].width, 3);
	assert_int_equal(layout_new_insert(&l, t, 80, NULL, 0, LAYOUT_WORDS, ins, nins), DESK_OK);
	/* "Chủ tịch nước " is 14 columns; "[P " 14..16; "Lương" from 17. */
	for (col = 14; col <= 17; col++)
		assert_int_equal(layout_cp_at(l, 0, col), at(name, "Lương"));
	layout_pos(l, at(name, "Lương"), &row, &col);
	assert_int_equal(col, 17);
	layout_pos(l, at(name, " dự"), &row, &col);
	assert_int_equal(col, 29); /* after "Cường]" */
	assert_int_equal(layout_cp_at(l, 0, 28), at(name, " dự"));
	assert_int_equal(l->lines[0].cols, 37);
	layout_free(l);
	free(ins);
	desk_text_free(t);
}

/* A wide key (CJK) takes two columns in the markers, and the text after it moves by two. */
static void
test_wide_key(void **state)
{
	static const char *const wide[] = {"人"};
	struct tagging_span one[] = {{2, at(name, "Lương"), at(name, " dự"), 0, 0}};
	struct layout_insert *ins;
	struct layout *l;
	size_t nins, row;
	desk_text *t = text(name);
	int col;

	(void)state;
	assert_int_equal(tagging_inserts(&ins, &nins, one, 1, wide, 1), DESK_OK);
	assert_int_equal(nins, 2);
	assert_string_equal(ins[0].text, "[人 ");
	assert_int_equal(ins[0].width, 4);
	assert_int_equal(layout_new_insert(&l, t, 80, NULL, 0, LAYOUT_WORDS, ins, nins), DESK_OK);
	/* "Chủ tịch nước " is 14 columns; "[人 " 14..17; "Lương" from 18. */
	layout_pos(l, at(name, "Lương"), &row, &col);
	assert_int_equal(col, 18);
	layout_free(l);
	free(ins);
	desk_text_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_word_at),
	    cmocka_unit_test(test_selection),
	    cmocka_unit_test(test_innermost_next_prev),
	    cmocka_unit_test(test_innermost_many),
	    cmocka_unit_test(test_overlay_colour),
	    cmocka_unit_test(test_overlay_brackets),
	    cmocka_unit_test(test_brackets_map_no_offset),
	    cmocka_unit_test(test_wide_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
