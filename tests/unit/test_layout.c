/*
 * test_layout.c - wrapping, escapes and cursor mapping of tui/model/layout.c,
 * compared as strings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"

struct lay {
	desk_text *t;
	struct layout *l;
};

static struct lay
lay_hidden(const char *s, int width, const struct layout_range *hidden, size_t nhidden, int flags)
{
	struct lay x = {NULL, NULL};

	assert_int_equal(desk_text_new(&x.t, s, strlen(s)), DESK_OK);
	assert_int_equal(layout_new(&x.l, x.t, width, hidden, nhidden, flags), DESK_OK);
	return x;
}

static struct lay
lay(const char *s, int width)
{
	return lay_hidden(s, width, NULL, 0, LAYOUT_WORDS);
}

static void
lay_free(struct lay *x)
{
	layout_free(x->l);
	desk_text_free(x->t);
}

/* What every layout must hold: lines follow each other, on grapheme starts, within the width. */
static void
check_invariants(const struct lay *x)
{
	const struct layout *l = x->l;
	int64_t len = desk_text_len(x->t);

	assert_true(l->nlines >= 1);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct layout_line *ln = &l->lines[i];
		char *s = layout_render_line(l, i);

		assert_non_null(s);
		assert_true(ln->start <= ln->end && ln->end <= ln->next && ln->next <= len);
		assert_true(desk_text_is_grapheme(x->t, ln->start));
		assert_true(desk_text_is_grapheme(x->t, ln->end));
		if (i + 1 < l->nlines && l->nhidden == 0)
			assert_int_equal(ln->next, l->lines[i + 1].start);
		/* Within the width, unless one cell alone is wider. */
		if (ln->cols > l->width) {
			struct layout_cell c[2];
			assert_int_equal(layout_cells(l, i, c, 2), 1);
		}
		assert_null(strchr(s, 0x1b));
		free(s);
	}
}

/* The rendered lines joined with '|', for one comparison per case. */
static char *
rendered(const struct lay *x)
{
	size_t cap = 64, len = 0;
	char *out = malloc(cap);

	check_invariants(x);
	out[0] = '\0';
	for (size_t i = 0; i < x->l->nlines; i++) {
		char *s = layout_render_line(x->l, i);
		size_t n = strlen(s);

		while (len + n + 2 > cap)
			out = realloc(out, cap *= 2);
		if (i)
			out[len++] = '|';
		memcpy(out + len, s, n + 1);
		len += n;
		free(s);
	}
	return out;
}

static void
expect(const char *text, int width, const char *want)
{
	struct lay x = lay(text, width);
	char *got = rendered(&x);

	assert_string_equal(got, want);
	free(got);
	lay_free(&x);
}

static const char *const english = "The quick brown fox jumps over the lazy dog.";

static void
test_english(void **state)
{
	(void)state;
	expect(english, 80, "The quick brown fox jumps over the lazy dog.");
	expect(english, 40, "The quick brown fox jumps over the lazy |dog.");
	expect(english, 20, "The quick brown fox |jumps over the lazy |dog.");
	expect(english, 10, "The quick |brown fox |jumps over|the lazy |dog.");
}

static void
test_vietnamese(void **state)
{
	const char *vi = "Thủ tướng Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ.";

	(void)state;
	expect(vi, 80, vi);
	expect(vi, 40, "Thủ tướng Phạm Minh Chính chủ trì phiên |họp Chính phủ thường kỳ.");
	expect(vi, 20, "Thủ tướng Phạm Minh |Chính chủ trì phiên |họp Chính phủ thường|kỳ.");
	expect(vi, 10, "Thủ tướng |Phạm Minh |Chính chủ |trì phiên |họp Chính |phủ thường|kỳ.");
}

static void
test_combining_marks(void **state)
{
	/* e + acute + dot below, decomposed: one grapheme, one column. */
	const char *nfd = "xe\xcc\x81\xcc\xa3y xe\xcc\x81\xcc\xa3y xe\xcc\x81\xcc\xa3y";
	struct lay x = lay(nfd, 10);
	size_t row;
	int col;

	(void)state;
	expect(nfd, 80, nfd);
	expect(nfd, 10, "xe\xcc\x81\xcc\xa3y xe\xcc\x81\xcc\xa3y |xe\xcc\x81\xcc\xa3y");
	/* Force-breaking never separates the marks from their base. */
	expect(nfd, 2, "xe\xcc\x81\xcc\xa3|y |xe\xcc\x81\xcc\xa3|y |xe\xcc\x81\xcc\xa3|y");
	/* cp 1..3 is one grapheme at column 1; y at column 2. */
	layout_pos(x.l, 2, &row, &col);
	assert_int_equal(col, 1);
	layout_pos(x.l, 4, &row, &col);
	assert_int_equal(col, 2);
	assert_int_equal(layout_cp_at(x.l, 0, 1), 1);
	lay_free(&x);
	/* A mark with no base is drawn on a space. */
	expect("\xcc\x81"
	       "a",
	       10,
	       " \xcc\x81"
	       "a");
}

static void
test_cjk(void **state)
{
	struct lay x;

	(void)state;
	expect("中文字符", 80, "中文字符");
	/* Width 5: a wide character never straddles the edge; a one-column gap is left. */
	expect("中文字符", 5, "中文|字符");
	expect("中文字符", 3, "中|文|字|符");
	expect("abcdefghi中文", 10, "abcdefghi|中文");
	x = lay("abcdefghi中文", 10);
	assert_int_equal(x.l->lines[0].cols, 9);
	assert_int_equal(x.l->lines[1].cols, 4);
	lay_free(&x);
	expect("中文字符", 20, "中文字符");
	expect("中文字符中文字符中文字符", 10, "中文字符中|文字符中文|字符");
}

static void
test_emoji(void **state)
{
	/* A ZWJ family is one grapheme two columns wide; a thumbs-up with a skin tone too. */
	const char *fam =
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";
	const char *thumb = "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd";
	char s[256];
	struct lay x;

	(void)state;
	snprintf(s, sizeof s, "%s%s%s", fam, thumb, fam);
	x = lay(s, 80);
	assert_int_equal(x.l->nlines, 1);
	assert_int_equal(x.l->lines[0].cols, 6);
	lay_free(&x);
	snprintf(s, sizeof s, "ab%s", fam);
	{
		char want[256];

		snprintf(want, sizeof want, "ab|%s", fam);
		expect(s, 3, want);
		snprintf(want, sizeof want, "ab%s", fam);
		expect(s, 4, want);
	}
}

/* The code points a cell sends to the terminal, as UTF-8 (what ui_draw_cell draws). */
static void
cell_utf8(const struct layout_cell *c, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (int i = 0; i < c->ncps && n + 5 < size; i++) {
		uint32_t u = c->cps[i];

		if (u < 0x80) {
			out[n++] = (char)u;
		} else if (u < 0x800) {
			out[n++] = (char)(0xc0 | u >> 6);
			out[n++] = (char)(0x80 | (u & 0x3f));
		} else if (u < 0x10000) {
			out[n++] = (char)(0xe0 | u >> 12);
			out[n++] = (char)(0x80 | (u >> 6 & 0x3f));
			out[n++] = (char)(0x80 | (u & 0x3f));
		} else {
			out[n++] = (char)(0xf0 | u >> 18);
			out[n++] = (char)(0x80 | (u >> 12 & 0x3f));
			out[n++] = (char)(0x80 | (u >> 6 & 0x3f));
			out[n++] = (char)(0x80 | (u & 0x3f));
		}
	}
	out[n] = '\0';
}

/*
 * Every grapheme reaches the screen whole: a skin tone, a flag's second
 * regional indicator and the parts of a ZWJ sequence are in the cell with
 * their emoji (they were cut before); one longer than a cell holds is its
 * escape, never a part of it.  A terminal that draws a skin tone apart gives
 * it two more columns.
 */
static void
test_emoji_whole(void **state)
{
	static const char *const whole[] = {
	    "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", /* thumbs up, medium tone */
	    "\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3", /* the flag of Viet Nam */
	    "\xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd\xe2\x80\x8d\xf0\x9f\x92\xbb", /* technologist */
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
	    "\xe2\x9d\xa4\xef\xb8\x8f", /* red heart, emoji style */
	};
	/* A family of four: seven code points, more than a cell's five. */
	const char *four = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	                   "\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6";
	struct layout_cell cells[16];
	char s[64], got[64];
	struct lay x;
	size_t n;

	(void)state;
	for (size_t i = 0; i < sizeof whole / sizeof *whole; i++) {
		snprintf(s, sizeof s, "A %s B", whole[i]);
		x = lay(s, 80);
		n = layout_cells(x.l, 0, cells, 16);
		assert_int_equal(n, 5);
		assert_int_equal(cells[2].kind, LAYOUT_GLYPH);
		cell_utf8(&cells[2], got, sizeof got);
		assert_string_equal(got, whole[i]);
		assert_int_equal(cells[4].col, cells[2].col + cells[2].width + 1);
		lay_free(&x);
	}
	snprintf(s, sizeof s, "A %s B", four);
	x = lay(s, 80);
	n = layout_cells(x.l, 0, cells, 16);
	assert_int_equal(n, 5);
	assert_int_equal(cells[2].kind, LAYOUT_ESCAPE);
	assert_string_equal(cells[2].esc, "<1F468 200D 1F469 +4>");
	assert_int_equal(cells[2].width, 21);
	assert_int_equal(cells[4].col, 2 + 21 + 1);
	lay_free(&x);
	/* Thirty combining marks on one letter: an escape that still fits its room. */
	{
		char z[128] = "a";

		for (int i = 0; i < 30; i++)
			strcat(z, "\xcc\x81");
		x = lay(z, 80);
		n = layout_cells(x.l, 0, cells, 16);
		assert_int_equal(n, 1);
		assert_int_equal(cells[0].kind, LAYOUT_ESCAPE);
		assert_string_equal(cells[0].esc, "<0061 0301 0301 +28>");
		lay_free(&x);
	}
	/* A terminal that draws skin tones apart: two more columns for each. */
	layout_tone_cells(1);
	snprintf(s, sizeof s, "A %s B %s C", whole[0], whole[2]);
	x = lay(s, 80);
	n = layout_cells(x.l, 0, cells, 16);
	assert_int_equal(cells[2].width, 4);
	assert_int_equal(cells[4].col, 7);
	assert_int_equal(cells[6].width, 4);
	assert_int_equal(x.l->lines[0].cols, 1 + 1 + 4 + 1 + 1 + 1 + 4 + 1 + 1);
	lay_free(&x);
	layout_tone_cells(0);
	x = lay(s, 80);
	assert_int_equal(x.l->lines[0].cols, 1 + 1 + 2 + 1 + 1 + 1 + 2 + 1 + 1);
	lay_free(&x);
}

static void
test_tabs(void **state)
{
	(void)state;
	expect("a\tb", 80, "a       b");
	expect("abcdefgh\tx", 80, "abcdefgh        x");
	expect("\t\tx", 80, "                x");
	/* A tab near the edge fills what is left of the line. */
	expect("abcdefgh\tx", 10, "abcdefgh  |x");
	expect("ab\tcd", 20, "ab      cd");
}

static void
test_escapes(void **state)
{
	const char *s = "Before \033[2J\033]0;pwned\007 after.";
	struct layout_cell cells[80];
	struct lay x = lay(s, 80);
	char *r = rendered(&x);
	size_t n;

	(void)state;
	assert_string_equal(r, "Before ^[[2J^[]0;pwned^G after.");
	assert_null(strchr(r, 0x1b));
	assert_null(strchr(r, 0x07));
	n = layout_cells(x.l, 0, cells, 80);
	assert_int_equal(cells[7].kind, LAYOUT_ESCAPE);
	assert_string_equal(cells[7].esc, "^[");
	assert_int_equal(cells[7].width, 2);
	assert_int_equal(cells[8].col, 9);
	assert_int_equal(cells[n - 1].kind, LAYOUT_GLYPH);
	free(r);
	lay_free(&x);
	/* Escapes take their width when wrapping; bidi overrides are shown, never sent. */
	expect("\033\033\033\033\033\033", 5, "^[^[|^[^[|^[^[");
	expect("a\xe2\x80\xae"
	       "b",
	       80, "a<U+202E>b");
	expect("del\x7f", 80, "del^?");
	expect("x\xc2\x9by", 80, "x<U+009B>y"); /* C1 CSI */
}

static void
test_long_word(void **state)
{
	char *s = malloc(2001);
	struct lay x;

	(void)state;
	memset(s, 'x', 2000);
	s[2000] = '\0';
	x = lay(s, 80);
	check_invariants(&x);
	assert_int_equal(x.l->nlines, 25);
	for (size_t i = 0; i < 25; i++) {
		assert_int_equal(x.l->lines[i].cols, 80);
		assert_int_equal(x.l->lines[i].start, (int64_t)i * 80);
	}
	lay_free(&x);
	/* A long word after a short one starts on its own line, then is cut. */
	s[0] = 'a';
	s[1] = ' ';
	x = lay(s, 80);
	assert_int_equal(x.l->lines[0].end, 2);
	assert_int_equal(x.l->lines[1].start, 2);
	assert_int_equal(x.l->lines[1].cols, 80);
	lay_free(&x);
	free(s);
}

static void
test_newlines(void **state)
{
	struct lay x;

	(void)state;
	expect("a\n\nb\n", 80, "a||b");
	expect("", 80, "");
	expect("\n", 80, "");
	expect("\n\n", 80, "|");
	expect("one\ntwo three four\n", 8, "one|two |three |four");
	/* A line filled exactly to the edge before its LF makes no empty line. */
	expect("abcde\nf", 5, "abcde|f");
	/* Spaces at the edge hang; the next line starts with the next word. */
	expect("abcde   fgh", 5, "abcde|fgh");
	x = lay("a\n\nb\n", 80);
	assert_int_equal(x.l->nlines, 3);
	assert_int_equal(x.l->lines[0].end, 1);
	assert_int_equal(x.l->lines[0].next, 2);
	assert_int_equal(x.l->lines[1].start, 2);
	assert_int_equal(x.l->lines[1].end, 2);
	lay_free(&x);
}

static void
test_mapping(void **state)
{
	/* "Lương Cường\nxy中z": row 0 then row 1 with a wide char. */
	struct lay x = lay("Lương Cường\nxy中z", 80);
	size_t row;
	int col;

	(void)state;
	layout_pos(x.l, 0, &row, &col);
	assert_true(row == 0 && col == 0);
	layout_pos(x.l, 6, &row, &col); /* C */
	assert_true(row == 0 && col == 6);
	layout_pos(x.l, 11, &row, &col); /* the LF: just past the line */
	assert_true(row == 0 && col == 11);
	layout_pos(x.l, 14, &row, &col); /* 中 */
	assert_true(row == 1 && col == 2);
	layout_pos(x.l, 15, &row, &col); /* z after the wide char */
	assert_true(row == 1 && col == 4);
	assert_int_equal(layout_row(x.l, 12), 1);
	/* Columns back to code points: both halves of 中 give 中. */
	assert_int_equal(layout_cp_at(x.l, 1, 2), 14);
	assert_int_equal(layout_cp_at(x.l, 1, 3), 14);
	assert_int_equal(layout_cp_at(x.l, 1, 4), 15);
	assert_int_equal(layout_cp_at(x.l, 1, 50), 15); /* past the end of the last line */
	assert_int_equal(layout_cp_at(x.l, 0, 50), 11); /* past the end: the LF */
	lay_free(&x);

	/* Wrapped lines: the second row starts at the word that did not fit. */
	x = lay(english, 20);
	layout_pos(x.l, 20, &row, &col); /* "jumps" */
	assert_true(row == 1 && col == 0);
	assert_int_equal(layout_cp_at(x.l, 0, 79), 19); /* the space at the wrap */
	lay_free(&x);
}

static void
test_hidden(void **state)
{
	const char *s = "Keep this.\nFollow us on Facebook\nKeep that.";
	struct layout_range follow = {11, 32}; /* "Follow us on Facebook" without its LF */
	struct layout_range mid = {5, 10};     /* "this." */
	struct lay x = lay_hidden(s, 80, &follow, 1, LAYOUT_WORDS);
	char *r = rendered(&x);

	(void)state;
	assert_string_equal(r, "Keep this.|Keep that.");
	assert_true(layout_is_hidden(x.l, 11));
	assert_true(layout_is_hidden(x.l, 31));
	assert_false(layout_is_hidden(x.l, 32));
	assert_int_equal(layout_row(x.l, 33), 1);
	free(r);
	lay_free(&x);
	x = lay_hidden(s, 80, &mid, 1, LAYOUT_WORDS);
	r = rendered(&x);
	assert_string_equal(r, "Keep |Follow us on Facebook|Keep that.");
	free(r);
	lay_free(&x);
}

static void
test_graphemes_mode(void **state)
{
	struct lay x = lay_hidden(english, 10, NULL, 0, LAYOUT_GRAPHEMES);
	char *r = rendered(&x);

	(void)state;
	assert_string_equal(r, "The quick |brown fox |jumps over|the lazy d|og.");
	free(r);
	lay_free(&x);
}

/* Laid out with hanging indents, the lines joined with '|'. */
static char *
rendered_hang(const char *text, int width, const int *hang, size_t nhang, struct lay *x)
{
	assert_int_equal(desk_text_new(&x->t, text, strlen(text)), DESK_OK);
	assert_int_equal(layout_new_hang(&x->l, x->t, width, NULL, 0, LAYOUT_WORDS, hang, nhang),
	                 DESK_OK);
	return rendered(x);
}

static void
expect_hang(const char *text, int width, const int *hang, size_t nhang, const char *want)
{
	struct lay x;
	char *got = rendered_hang(text, width, hang, nhang, &x);

	assert_string_equal(got, want);
	free(got);
	lay_free(&x);
}

/* A help entry: "  keys  command  description", the description hanging under its column. */
static const char *const help_text =
    "Reader:\n"
    "  k, Up              up            up N lines (in the list: the previous article)\n"
    "  Space, PgDn        page-down     down a page";

static void
test_hang(void **state)
{
	const int hang[] = {0, 35, 35};
	struct lay x;
	char *r;
	size_t row;
	int col;

	(void)state;
	expect_hang(help_text, 80, hang, 3,
	            "Reader:|"
	            "  k, Up              up            up N lines (in the list: the previous |"
	            "                                   article)|"
	            "  Space, PgDn        page-down     down a page");
	/* Narrower, the description still hangs under its column. */
	expect_hang(help_text, 60, hang, 3,
	            "Reader:|"
	            "  k, Up              up            up N lines (in the list: |"
	            "                                   the previous article)|"
	            "  Space, PgDn        page-down     down a page");
	/* A paragraph without a hang (past nhang, or 0) wraps to column 0. */
	expect_hang(help_text, 60, hang, 1,
	            "Reader:|"
	            "  k, Up              up            up N lines (in the list: |"
	            "the previous article)|"
	            "  Space, PgDn        page-down     down a page");

	/* The blank columns hold no cell and map to no code point. */
	r = rendered_hang(help_text, 60, hang, 3, &x);
	free(r);
	assert_int_equal(x.l->lines[2].indent, 35);
	assert_int_equal(x.l->lines[1].indent, 0);
	assert_int_equal(x.l->lines[2].start, 68); /* "the" */
	assert_int_equal(x.l->lines[2].cols, 35 + 21);
	layout_pos(x.l, 68, &row, &col);
	assert_true(row == 2 && col == 35);
	layout_pos(x.l, 69, &row, &col);
	assert_true(row == 2 && col == 36);
	layout_pos(x.l, 89, &row, &col); /* the LF */
	assert_true(row == 2 && col == 56);
	assert_int_equal(layout_cp_at(x.l, 2, 0), 68);
	assert_int_equal(layout_cp_at(x.l, 2, 34), 68);
	assert_int_equal(layout_cp_at(x.l, 2, 36), 69);
	assert_int_equal(layout_cp_at(x.l, 2, 59), 89); /* past the end: the LF */
	{
		struct layout_cell cells[60];
		size_t n = layout_cells(x.l, 2, cells, 60);

		assert_int_equal(n, 21);
		assert_int_equal(cells[0].cp, 68);
		assert_int_equal(cells[0].col, 35);
	}
	lay_free(&x);
}

static void
test_hang_cjk(void **state)
{
	const int hang[] = {6};

	(void)state;
	/* 6 + 20 columns: ten wide characters a line after the first. */
	expect_hang("項目: 中文字符中文字符中文字符中文字符中文字符中文字符", 26, hang, 1,
	            "項目: 中文字符中文字符中文|"
	            "      字符中文字符中文字符|"
	            "      中文字符");
	/* 6 + 21: a one-column gap at the edge, never half a character. */
	expect_hang("項目: 中文字符中文字符中文字符中文字符中文字符中文字符字", 27, hang, 1,
	            "項目: 中文字符中文字符中文|"
	            "      字符中文字符中文字符|"
	            "      中文字符字");
}

static void
test_hang_fallback(void **state)
{
	const int hang[] = {0, 35, 35};

	(void)state;
	assert_int_equal(layout_hang_cols(35, 80), 35);
	assert_int_equal(layout_hang_cols(35, 55), 35); /* exactly LAYOUT_HANG_ROOM left */
	assert_int_equal(layout_hang_cols(35, 54), LAYOUT_HANG_FALLBACK);
	assert_int_equal(layout_hang_cols(35, 12), LAYOUT_HANG_FALLBACK);
	assert_int_equal(layout_hang_cols(35, 11), 0);
	assert_int_equal(layout_hang_cols(2, 10), 2);
	assert_int_equal(layout_hang_cols(0, 80), 0);
	assert_int_equal(layout_hang_cols(-3, 80), 0);
	/* At 40 columns the description column would leave 5: the indent falls back to 4. */
	expect_hang(help_text, 40, hang, 3,
	            "Reader:|"
	            "  k, Up              up            up N |"
	            "    lines (in the list: the previous |"
	            "    article)|"
	            "  Space, PgDn        page-down     down |"
	            "    a page");
	/* Wide characters after the fallback indent: a one-column gap at the edge. */
	expect_hang("\n項目項目項目項目項目項目項目項目項目項目項目項目項目項目項目項目項目項目",
	            39, hang, 3,
	            "|項目項目項目項目項目項目項目項目項目項|"
	            "    目項目項目項目項目項目項目項目項目");
}

/* Every width from 1 to 60 with a hang: the invariants hold, and cells never sit in the indent. */
static void
test_hang_all_widths(void **state)
{
	const int hang[] = {35, 3, 12};
	const char *s = "  k, Up   up   up N lines (the previous 中文 article)\n"
	                "\tHà Nội 中文 \033[1m e\xcc\x81\xcc\xa3 👍🏽 word word word\n"
	                "x 中中中中中中中中中中中中中中中中中中中中中中中中中中中中";

	(void)state;
	for (int w = 1; w <= 60; w++) {
		struct lay x;
		char *r = rendered_hang(s, w, hang, 3, &x);

		for (size_t i = 0; i < x.l->nlines; i++) {
			struct layout_cell c[64];
			size_t n = layout_cells(x.l, i, c, 64);

			assert_true(x.l->lines[i].cols <= (w < 2 ? 2 : w) ||
			            (n == 1 && x.l->lines[i].indent == 0));
			assert_true(n > 0 && c[0].col == x.l->lines[i].indent);
			assert_true(x.l->lines[i].indent == 0 ||
			            w - x.l->lines[i].indent >= LAYOUT_HANG_MIN);
		}
		free(r);
		lay_free(&x);
	}
}

/* Every width from 1 to 30 over a mixed text keeps the invariants. */
static void
test_all_widths(void **state)
{
	const char *s = "Hà Nội\t中文 \033[1m e\xcc\x81\xcc\xa3 👍🏽 word\n\nend";

	(void)state;
	for (int w = 1; w <= 30; w++) {
		struct lay x = lay(s, w);

		check_invariants(&x);
		for (size_t i = 0; i < x.l->nlines; i++)
			assert_true(x.l->lines[i].cols <= (w < 2 ? 2 : w));
		lay_free(&x);
	}
}

/*
 * A 1 MB article lays out as its paragraphs do one by one (how fast is
 * bench/'s business, not a test's).
 */
static void
test_big(void **state)
{
	const char *para = "Thủ tướng Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ "
	                   "tháng 10, the quick brown fox jumps over the lazy dog.\n";
	size_t plen = strlen(para), n = 1 << 20, len = 0, nparas = 0, one;
	char *s = malloc(n + plen + 1);
	struct lay x;

	(void)state;
	assert_non_null(s);
	while (len < n) {
		memcpy(s + len, para, plen);
		len += plen;
		nparas++;
	}
	s[len] = '\0';
	x = lay(para, 80);
	one = x.l->nlines;
	lay_free(&x);
	x = lay(s, 80);
	assert_int_equal(x.l->nlines, nparas * one);
	assert_int_equal(one, 2);
	check_invariants(&x);
	lay_free(&x);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_english),
	    cmocka_unit_test(test_vietnamese),
	    cmocka_unit_test(test_combining_marks),
	    cmocka_unit_test(test_cjk),
	    cmocka_unit_test(test_emoji),
	    cmocka_unit_test(test_emoji_whole),
	    cmocka_unit_test(test_tabs),
	    cmocka_unit_test(test_escapes),
	    cmocka_unit_test(test_long_word),
	    cmocka_unit_test(test_newlines),
	    cmocka_unit_test(test_mapping),
	    cmocka_unit_test(test_hidden),
	    cmocka_unit_test(test_graphemes_mode),
	    cmocka_unit_test(test_all_widths),
	    cmocka_unit_test(test_big),
	    cmocka_unit_test(test_hang),
	    cmocka_unit_test(test_hang_cjk),
	    cmocka_unit_test(test_hang_fallback),
	    cmocka_unit_test(test_hang_all_widths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
