/*
 * test_text.c - the Unicode text model: NFC, validation, folding, graphemes,
 * words, line breaks, widths, escapes and search.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

/* "Tiếng Việt" precomposed (NFC) and decomposed (NFD). */
#define TV_NFC "Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t"
#define TV_NFD "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t"

#define FAMILY                                                                                           \
	"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7" /* 👩‍👩‍👧 \
	                                                                            */
#define FLAG_VN "\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3"                                 /* 🇻🇳 */

static desk_text *
mk(const char *s)
{
	desk_text *t = NULL;

	assert_int_equal(desk_text_new(&t, s, strlen(s)), DESK_OK);
	assert_non_null(t);
	return t;
}

/* The byte span of [a, b) as a string, for readable failures. */
static char *
span(const desk_text *t, int64_t a, int64_t b)
{
	static char buf[256];
	size_t x = desk_text_byte(t, a), y = desk_text_byte(t, b);

	assert_true(y - x < sizeof buf);
	memcpy(buf, desk_text_utf8(t) + x, y - x);
	buf[y - x] = '\0';
	return buf;
}

static void
test_nfc_of_nfd(void **state)
{
	char *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;

	(void)state;
	assert_int_not_equal(strlen(TV_NFD), strlen(TV_NFC));
	assert_int_equal(desk_nfc(&a, &na, TV_NFD, strlen(TV_NFD)), DESK_OK);
	assert_int_equal(desk_nfc(&b, &nb, TV_NFC, strlen(TV_NFC)), DESK_OK);
	assert_int_equal(na, strlen(TV_NFC));
	assert_memory_equal(a, TV_NFC, na);
	assert_int_equal(nb, na);
	assert_string_equal(a, b);
	free(a);
	free(b);
	assert_int_equal(desk_nfc(&a, &na, "", 0), DESK_OK);
	assert_string_equal(a, "");
	assert_int_equal(na, 0);
	free(a);
}

static void
test_utf8_check(void **state)
{
	size_t bad = 99;

	(void)state;
	assert_int_equal(desk_utf8_check(TV_NFC, strlen(TV_NFC), &bad), DESK_OK);
	assert_int_equal(desk_utf8_check("abc\xc3(", 5, &bad), DESK_INVALID);
	assert_int_equal(bad, 3);
	assert_int_equal(desk_utf8_check("ab\0cd", 5, &bad), DESK_INVALID);
	assert_int_equal(bad, 2);
	/* A NUL after a bad byte: the first problem wins. */
	assert_int_equal(desk_utf8_check("a\xff\0", 3, &bad), DESK_INVALID);
	assert_int_equal(bad, 1);
	assert_int_equal(desk_utf8_check("Vi\xe1\xbb", 4, &bad), DESK_INVALID); /* truncated */
	assert_int_equal(bad, 2);
	assert_int_equal(desk_utf8_check("x\xc0\xaf", 3, &bad), DESK_INVALID); /* overlong */
	assert_int_equal(bad, 1);
	assert_int_equal(desk_utf8_check("\xed\xa0\x80", 3, &bad), DESK_INVALID); /* surrogate */
	assert_int_equal(bad, 0);
	assert_int_equal(desk_utf8_check("", 0, &bad), DESK_OK);
	assert_int_equal(desk_utf8_count(TV_NFC, strlen(TV_NFC)), 10);
	assert_int_equal(desk_utf8_count(TV_NFD, strlen(TV_NFD)), 14);
}

static void
test_line_col(void **state)
{
	const char *s = "ab\nVi\xe1\xbb\x87t x";
	int64_t line = 0, col = 0;

	(void)state;
	desk_utf8_line_col(s, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	desk_utf8_line_col(s, 10, &line, &col); /* the x */
	assert_int_equal(s[10], 'x');
	assert_int_equal(line, 2);
	assert_int_equal(col, 6);
	desk_utf8_line_col("a\xff"
	                   "b\n\nc",
	                   2, &line, &col); /* a bad byte is one column */
	assert_int_equal(line, 1);
	assert_int_equal(col, 3);
	desk_utf8_line_col("a\xff"
	                   "b\n\nc",
	                   5, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 1);
}

static void
check_fold(const char *in, const char *want)
{
	char *out = NULL;
	size_t n = 0;

	assert_int_equal(desk_fold(&out, &n, in, strlen(in)), DESK_OK);
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
	free(out);
}

static void
test_fold(void **state)
{
	(void)state;
	check_fold("\xc4\x90\xc3\xa0 N\xe1\xba\xb5ng", "da nang");                /* Đà Nẵng */
	check_fold("L\xc6\xb0\xc6\xa1ng C\xc6\xb0\xe1\xbb\x9dng", "luong cuong"); /* Lương Cường */
	check_fold("\xc4\x91\xe1\xbb\x93ng \xc4\x90\xe1\xbb\x92NG", "dong dong"); /* đồng ĐỒNG */
	check_fold(TV_NFD, "tieng viet");
	check_fold(TV_NFC, "tieng viet");
	check_fold("Stra\xc3\x9f"
	           "e",
	           "strasse");
	check_fold("", "");
}

/* Folding part of the way (suggestions' case-only and accent-only matches). */
static void
test_fold_as(void **state)
{
	static const char s[] = "\xc4\x90\xc3\xa0 N\xe1\xba\xb5ng \xc3\x98"; /* Đà Nẵng Ø */
	char *f = NULL, *nfc = NULL;
	size_t n = 0, k = 0;

	(void)state;
	assert_int_equal(desk_fold_as(&f, &n, s, strlen(s), DESK_FOLD_ACCENT), DESK_OK);
	assert_string_equal(f, "Da Nang O");
	assert_int_equal(n, strlen(f));
	free(f);
	assert_int_equal(desk_fold_as(&f, &n, s, strlen(s), DESK_FOLD_CASE), DESK_OK);
	assert_int_equal(desk_nfc(&nfc, &k, "\xc4\x91\xc3\xa0 n\xe1\xba\xb5ng \xc3\xb8", 14),
	                 DESK_OK);
	assert_string_equal(f, nfc);
	free(f);
	free(nfc);
	assert_int_equal(desk_fold_as(&f, NULL, s, strlen(s), DESK_FOLD_CASE | DESK_FOLD_ACCENT),
	                 DESK_OK);
	assert_string_equal(f, "da nang o");
	free(f);
}

/* A string's width: wide characters count two, escapes their length. */
static void
test_utf8_width(void **state)
{
	(void)state;
	assert_int_equal(desk_utf8_width("[P ", 3), 3);
	assert_int_equal(desk_utf8_width("[\xe4\xba\xba ", 5), 4); /* [人 */
	assert_int_equal(desk_utf8_width("e\xcc\x81", 3), 1);      /* e + COMBINING ACUTE */
	assert_int_equal(desk_utf8_width("\x1b", 1), 2);           /* ^[ */
	assert_int_equal(desk_utf8_width("\xff", 1), 1);           /* a bad byte */
	assert_int_equal(desk_utf8_width("", 0), 0);
}

static void
test_grapheme_combining(void **state)
{
	/* e + COMBINING ACUTE + COMBINING DOT BELOW, then x */
	desk_text *t = mk("e\xcc\x81\xcc\xa3x");

	(void)state;
	assert_int_equal(desk_text_len(t), 4);
	assert_true(desk_text_is_grapheme(t, 0));
	assert_false(desk_text_is_grapheme(t, 1));
	assert_false(desk_text_is_grapheme(t, 2));
	assert_true(desk_text_is_grapheme(t, 3));
	assert_true(desk_text_is_grapheme(t, 4));
	assert_int_equal(desk_text_next_grapheme(t, 0), 3);
	assert_int_equal(desk_text_next_grapheme(t, 1), 3);
	assert_int_equal(desk_text_next_grapheme(t, 3), 4);
	assert_int_equal(desk_text_prev_grapheme(t, 3), 0);
	assert_int_equal(desk_text_prev_grapheme(t, 4), 3);
	assert_int_equal(desk_text_grapheme_start(t, 2), 0);
	assert_int_equal(desk_text_grapheme_width(t, 0), 1);
	assert_int_equal(desk_text_grapheme_width(t, 2), 1);
	desk_text_free(t);
}

static void
test_grapheme_vietnamese(void **state)
{
	desk_text *c = mk(TV_NFC), *d = mk(TV_NFD);
	int64_t n = 0;

	(void)state;
	for (int64_t i = 0; i < desk_text_len(c); i = desk_text_next_grapheme(c, i))
		n++;
	assert_int_equal(n, 10);
	n = 0;
	for (int64_t i = 0; i < desk_text_len(d); i = desk_text_next_grapheme(d, i)) {
		assert_int_equal(desk_text_grapheme_width(d, i), 1);
		n++;
	}
	assert_int_equal(n, 10);                            /* the same graphemes, NFD or not */
	assert_int_equal(desk_text_next_grapheme(d, 2), 5); /* e + U+0302 + U+0301 */
	assert_int_equal(desk_text_prev_grapheme(d, 14), 13);
	assert_int_equal(desk_text_prev_grapheme(d, 13), 10); /* e + U+0323 + U+0302 */
	desk_text_free(c);
	desk_text_free(d);
}

static void
test_grapheme_emoji(void **state)
{
	desk_text *t = mk("a" FAMILY "b" FLAG_VN FLAG_VN "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd");

	(void)state;
	/* a, family (5 code points), b, two flags (2 each), thumbs up + skin tone */
	assert_int_equal(desk_text_len(t), 1 + 5 + 1 + 4 + 2);
	assert_int_equal(desk_text_next_grapheme(t, 1), 6);
	assert_int_equal(desk_text_grapheme_start(t, 4), 1);
	assert_int_equal(desk_text_grapheme_width(t, 1), 2);
	assert_int_equal(desk_text_next_grapheme(t, 7), 9);
	assert_int_equal(desk_text_next_grapheme(t, 9), 11);
	assert_false(desk_text_is_grapheme(t, 8));
	assert_false(desk_text_is_grapheme(t, 10));
	assert_int_equal(desk_text_grapheme_width(t, 7), 2);
	assert_int_equal(desk_text_grapheme_width(t, 9), 2);
	assert_int_equal(desk_text_next_grapheme(t, 11), 13);
	assert_int_equal(desk_text_grapheme_width(t, 11), 2);
	assert_int_equal(desk_text_prev_grapheme(t, 13), 11);
	desk_text_free(t);

	/* ❤️‍🔥: a narrow base, VS16, ZWJ and a wide part is one glyph. */
	t = mk("\xe2\x9d\xa4\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x94\xa5");
	assert_int_equal(desk_text_next_grapheme(t, 0), 4);
	assert_int_equal(desk_text_grapheme_width(t, 0), 2);
	desk_text_free(t);
}

static void
test_grapheme_hangul(void **state)
{
	/* 한국 precomposed, then 한 as conjoining jamo L V T */
	desk_text *t = mk("\xed\x95\x9c\xea\xb5\xad\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab");

	(void)state;
	assert_int_equal(desk_text_len(t), 5);
	assert_int_equal(desk_text_next_grapheme(t, 0), 1);
	assert_int_equal(desk_text_next_grapheme(t, 1), 2);
	assert_int_equal(desk_text_next_grapheme(t, 2), 5);
	assert_int_equal(desk_text_grapheme_width(t, 0), 2);
	assert_int_equal(desk_text_grapheme_width(t, 2), 2);
	desk_text_free(t);
}

static void
test_offsets(void **state)
{
	desk_text *t = mk("Vi\xe1\xbb\x87t Nam");
	desk_text *u = NULL;

	(void)state;
	assert_int_equal(desk_text_len(t), 8);
	assert_int_equal(desk_text_bytes(t), 10);
	assert_string_equal(desk_text_utf8(t), "Vi\xe1\xbb\x87t Nam");
	assert_int_equal(desk_text_char(t, 2), 0x1EC7);
	assert_int_equal(desk_text_char(t, 8), 0);
	assert_int_equal(desk_text_byte(t, 2), 2);
	assert_int_equal(desk_text_byte(t, 3), 5);
	assert_int_equal(desk_text_byte(t, 8), 10);
	assert_int_equal(desk_text_cp(t, 5), 3);
	assert_int_equal(desk_text_cp(t, 2), 2);
	assert_int_equal(desk_text_cp(t, 10), 8);
	assert_int_equal(desk_text_new(&u, "a\xff", 2), DESK_INVALID);
	assert_null(u);
	assert_int_equal(desk_text_new(&u, "a\0b", 3), DESK_INVALID);
	assert_null(u);
	desk_text_free(t);
}

static void
test_edges(void **state)
{
	desk_text *t = mk("");
	int64_t a = 0, b = 0;

	(void)state;
	assert_int_equal(desk_text_len(t), 0);
	assert_string_equal(desk_text_utf8(t), "");
	assert_int_equal(desk_text_next_grapheme(t, 0), 0);
	assert_int_equal(desk_text_prev_grapheme(t, 0), 0);
	assert_int_equal(desk_text_next_word(t, 0), 0);
	assert_int_equal(desk_text_prev_word(t, 0), 0);
	assert_int_equal(desk_text_break(t, 0), DESK_BREAK_NO);
	assert_int_equal(desk_text_grapheme_width(t, 0), 0);
	assert_int_equal(desk_text_byte(t, 0), 0);
	assert_int_equal(desk_text_char(t, 0), 0);
	assert_int_equal(desk_text_find(t, "a", 0, 0, &a, &b), DESK_NOTFOUND);
	desk_text_free(t);

	t = mk("ab c");
	assert_int_equal(desk_text_next_grapheme(t, 4), 4);
	assert_int_equal(desk_text_next_word(t, 4), 4);
	assert_int_equal(desk_text_prev_grapheme(t, 0), 0);
	assert_int_equal(desk_text_prev_word(t, 0), 0);
	/* Out of range positions are clamped, never read outside the text. */
	assert_int_equal(desk_text_next_grapheme(t, 99), 4);
	assert_int_equal(desk_text_prev_grapheme(t, -3), 0);
	assert_int_equal(desk_text_prev_word(t, 99), 3);
	assert_int_equal(desk_text_byte(t, 99), 4);
	assert_int_equal(desk_text_grapheme_width(t, 4), 0);
	assert_int_equal(desk_text_grapheme_width(t, 99), 0);
	assert_false(desk_text_is_grapheme(t, 5));
	assert_false(desk_text_is_grapheme(t, -1));
	assert_int_equal(desk_text_break(t, 99), DESK_BREAK_NO);
	assert_int_equal(desk_text_find(t, "", 0, 0, &a, &b), DESK_NOTFOUND);
	assert_int_equal(desk_text_find(t, "", 0, DESK_FIND_FOLD, &a, &b), DESK_NOTFOUND);
	assert_int_equal(desk_text_find(t, "c", 99, 0, &a, &b), DESK_NOTFOUND);
	assert_int_equal(desk_text_find(t, "a", -5, 0, &a, &b), DESK_OK);
	assert_int_equal(a, 0);
	desk_text_free(t);
}

/* Chủ tịch nước Lương Cường, Việt Nam.Chủ tịch */
#define CHU_TICH                                                                                   \
	"Ch\xe1\xbb\xa7 t\xe1\xbb\x8b"                                                             \
	"ch n\xc6\xb0\xe1\xbb\x9b"                                                                 \
	"c L\xc6\xb0\xc6\xa1ng "                                                                   \
	"C\xc6\xb0\xe1\xbb\x9dng, Vi\xe1\xbb\x87t Nam.Ch\xe1\xbb\xa7 t\xe1\xbb\x8b"                \
	"ch"

static void
test_words_vietnamese(void **state)
{
	static const int64_t starts[] = {0, 4, 9, 14, 20, 27, 32, 36, 40};
	desk_text *t = mk(CHU_TICH);
	size_t i;
	int64_t cp;

	(void)state;
	assert_int_equal(desk_text_len(t), 44);
	for (i = 0, cp = 0; cp < 44; i++, cp = desk_text_next_word(t, cp)) {
		assert_true(i < sizeof starts / sizeof *starts);
		assert_int_equal(cp, starts[i]);
	}
	assert_int_equal(i, sizeof starts / sizeof *starts);
	assert_string_equal(span(t, 32, desk_text_next_word(t, 32)), "Nam.");
	for (i = sizeof starts / sizeof *starts, cp = 44; cp > 0;) {
		cp = desk_text_prev_word(t, cp);
		assert_int_equal(cp, starts[--i]);
	}
	assert_int_equal(i, 0);
	assert_int_equal(desk_text_prev_word(t, 42), 40); /* inside a word: its start */
	assert_int_equal(desk_text_prev_word(t, 25), 20); /* on the comma */
	assert_int_equal(desk_text_next_word(t, 25), 27);
	assert_int_equal(desk_text_next_word(t, 35), 36); /* on the full stop */
	assert_int_equal(desk_text_next_word(t, 40), 44);
	desk_text_free(t);
}

static void
test_words_english(void **state)
{
	/* Việt Nam’s economy grew 3.14% in 2024, e.g. "fast". */
	static const int64_t starts[] = {0, 5, 11, 19, 24, 30, 33, 39, 41, 45};
	desk_text *t =
	    mk("Vi\xe1\xbb\x87t Nam\xe2\x80\x99s economy grew 3.14% in 2024, e.g. \"fast\".");
	size_t i;
	int64_t cp;

	(void)state;
	for (i = 0, cp = 0; cp < desk_text_len(t); i++, cp = desk_text_next_word(t, cp)) {
		assert_true(i < sizeof starts / sizeof *starts);
		assert_int_equal(cp, starts[i]);
	}
	assert_int_equal(i, sizeof starts / sizeof *starts);
	assert_string_equal(span(t, 5, 11), "Nam\xe2\x80\x99s ");
	assert_string_equal(span(t, 24, 30), "3.14% ");
	assert_int_equal(desk_text_prev_word(t, 8), 5); /* inside Nam’s */
	desk_text_free(t);
}

static void
test_widths(void **state)
{
	desk_text *t;

	(void)state;
	assert_int_equal(desk_char_width('a'), 1);
	assert_int_equal(desk_char_width(0x1EC7), 1); /* ệ */
	assert_int_equal(desk_char_width(0x0301), 0);
	assert_int_equal(desk_char_width(0x200D), 0); /* ZWJ */
	assert_int_equal(desk_char_width(0x4E2D), 2); /* 中 */
	assert_int_equal(desk_char_width(0x1F600), 2);
	assert_int_equal(desk_char_width('\t'), 1);
	assert_int_equal(desk_char_width(0x1B), 2);   /* ^[ */
	assert_int_equal(desk_char_width(0x9B), 8);   /* <U+009B> */
	assert_int_equal(desk_char_width(0x202E), 8); /* <U+202E> */
	t = mk("a\xe1\xbb\x87"
	       "e\xcc\x81\xe4\xb8\xad\xe6\x96\x87\xf0\x9f\x98\x80\x1b\t\xe2\x80\xae");
	/* a ệ e+U+0301 中 文 😀 ESC TAB RLO */
	assert_int_equal(desk_text_grapheme_width(t, 0), 1);
	assert_int_equal(desk_text_grapheme_width(t, 1), 1);
	assert_int_equal(desk_text_grapheme_width(t, 2), 1);
	assert_int_equal(desk_text_grapheme_width(t, 4), 2);
	assert_int_equal(desk_text_grapheme_width(t, 5), 2);
	assert_int_equal(desk_text_grapheme_width(t, 6), 2);
	assert_int_equal(desk_text_grapheme_width(t, 7), 2);
	assert_int_equal(desk_text_grapheme_width(t, 8), 1);
	assert_int_equal(desk_text_grapheme_width(t, 9), 8);
	desk_text_free(t);
}

static void
check_escape(uint32_t c, const char *want)
{
	char buf[12];

	memset(buf, 'Z', sizeof buf);
	assert_int_equal(desk_char_escape(c, buf), (int)strlen(want));
	if (*want)
		assert_string_equal(buf, want);
}

static void
test_escapes(void **state)
{
	(void)state;
	check_escape(0x1B, "^[");
	check_escape(0x01, "^A");
	check_escape(0x0D, "^M");
	check_escape(0x7F, "^?");
	check_escape(0x00, "^@");
	check_escape(0x80, "<U+0080>");
	check_escape(0x9B, "<U+009B>");
	check_escape(0x202E, "<U+202E>");
	check_escape(0x200E, "<U+200E>");
	check_escape(0x2066, "<U+2066>");
	check_escape(0xFEFF, "<U+FEFF>");
	check_escape(0x0378, "<U+0378>");     /* unassigned */
	check_escape(0xD800, "<U+D800>");     /* surrogate */
	check_escape(0x10FFFF, "<U+10FFFF>"); /* noncharacter */
	check_escape('\n', "");
	check_escape('\t', "");
	check_escape('a', "");
	check_escape(0x1EC7, "");  /* ệ */
	check_escape(0x0301, "");  /* combining acute */
	check_escape(0x200D, "");  /* ZWJ joins emoji */
	check_escape(0x1F600, ""); /* 😀 */
}

/* No code point ever reaches the terminal as a control, and escapes fit in 12 bytes. */
static void
test_escapes_all(void **state)
{
	char buf[16];

	(void)state;
	for (uint32_t c = 0; c <= 0x110000; c++) {
		int n;

		memset(buf, 'Z', sizeof buf);
		n = desk_char_escape(c, buf);
		if (n == 0) {
			assert_true(c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F) || c > 0x9F);
			assert_false((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
			assert_true(desk_char_width(c) >= 0 && desk_char_width(c) <= 2);
		} else {
			assert_int_equal((int)strlen(buf), n);
			assert_true(n < 12);
			assert_int_equal(desk_char_width(c), n);
			for (int i = 0; i < n; i++)
				assert_true(buf[i] >= 0x20 && buf[i] < 0x7F);
		}
	}
	memset(buf, 'Z', sizeof buf);
	assert_true(desk_char_escape(0xFFFFFFFF, buf) < 12);
	assert_true(strlen(buf) < 12);
}

static void
test_line_breaks(void **state)
{
	/* Xin chào thế giới\nTin mới */
	desk_text *t = mk("Xin ch\xc3\xa0o th\xe1\xba\xbf gi\xe1\xbb\x9bi\nTin m\xe1\xbb\x9bi");

	(void)state;
	assert_int_equal(desk_text_break(t, 0), DESK_BREAK_NO);
	assert_int_equal(desk_text_break(t, 4), DESK_BREAK_ALLOWED); /* after a space */
	assert_int_equal(desk_text_break(t, 3), DESK_BREAK_NO);      /* before the space */
	assert_int_equal(desk_text_break(t, 5), DESK_BREAK_NO);      /* inside chào */
	assert_int_equal(desk_text_break(t, 6), DESK_BREAK_NO);
	assert_int_equal(desk_text_break(t, 17), DESK_BREAK_NO); /* before LF */
	assert_int_equal(desk_text_break(t, 18), DESK_BREAK_MANDATORY);
	assert_int_equal(desk_text_break(t, 19), DESK_BREAK_NO);
	assert_int_equal(desk_text_break(t, 22), DESK_BREAK_ALLOWED);
	desk_text_free(t);

	t = mk("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97"); /* 中文字 */
	assert_int_equal(desk_text_break(t, 1), DESK_BREAK_ALLOWED);
	assert_int_equal(desk_text_break(t, 2), DESK_BREAK_ALLOWED);
	desk_text_free(t);

	t = mk("ab\r\ncd\n\nef");
	assert_int_equal(desk_text_break(t, 2), DESK_BREAK_NO);
	assert_int_equal(desk_text_break(t, 3), DESK_BREAK_NO); /* inside CR LF */
	assert_int_equal(desk_text_break(t, 4), DESK_BREAK_MANDATORY);
	assert_int_equal(desk_text_break(t, 7), DESK_BREAK_MANDATORY);
	assert_int_equal(desk_text_break(t, 8), DESK_BREAK_MANDATORY); /* an empty line */
	assert_int_equal(desk_text_break(t, 9), DESK_BREAK_NO);
	desk_text_free(t);
}

static void
check_find(const desk_text *t, const char *needle, int64_t cp, int flags, int64_t a, int64_t b)
{
	int64_t s = -1, e = -1;

	assert_int_equal(desk_text_find(t, needle, cp, flags, &s, &e), DESK_OK);
	assert_int_equal(s, a);
	assert_int_equal(e, b);
}

static void
check_nofind(const desk_text *t, const char *needle, int64_t cp, int flags)
{
	int64_t s = -1, e = -1;

	assert_int_equal(desk_text_find(t, needle, cp, flags, &s, &e), DESK_NOTFOUND);
}

static void
test_find_literal(void **state)
{
	/* Lương Cường và Lương Tam Quang */
	desk_text *t = mk(
	    "L\xc6\xb0\xc6\xa1ng C\xc6\xb0\xe1\xbb\x9dng v\xc3\xa0 L\xc6\xb0\xc6\xa1ng Tam Quang");
	const char *luong = "L\xc6\xb0\xc6\xa1ng";

	(void)state;
	check_find(t, luong, 0, 0, 0, 5);
	check_find(t, luong, 1, 0, 15, 20);
	check_find(t, luong, 15, 0, 15, 20);
	check_nofind(t, luong, 16, 0);
	check_find(t, luong, 30, DESK_FIND_BACKWARD, 15, 20);
	check_find(t, luong, 15, DESK_FIND_BACKWARD, 0, 5);
	check_nofind(t, luong, 0, DESK_FIND_BACKWARD);
	check_nofind(t, "l\xc6\xb0\xc6\xa1ng", 0, 0);       /* case matters without FOLD */
	check_find(t, "Lu\xcc\x9bo\xcc\x9bng", 0, 0, 0, 5); /* an NFD needle finds NFC text */
	desk_text_free(t);

	t = mk("aaaa");
	check_find(t, "aa", 1, 0, 1, 3);
	check_find(t, "aa", 4, DESK_FIND_BACKWARD, 2, 4);
	check_find(t, "aa", 2, DESK_FIND_BACKWARD, 1, 3);
	desk_text_free(t);
}

static void
test_find_fold(void **state)
{
	/* Thành phố Đà Nẵng, đồng */
	desk_text *t = mk(
	    "Th\xc3\xa0nh ph\xe1\xbb\x91 \xc4\x90\xc3\xa0 N\xe1\xba\xb5ng, \xc4\x91\xe1\xbb\x93ng");
	desk_text *u = mk(CHU_TICH);

	(void)state;
	check_find(t, "da nang", 0, DESK_FIND_FOLD, 10, 17);
	check_find(t, "DONG", 0, DESK_FIND_FOLD, 19, 23);
	check_find(t, "\xc4\x90\xc3\x80", 0, DESK_FIND_FOLD, 10, 12); /* ĐÀ */
	check_nofind(t, "da nang", 0, 0);
	check_nofind(t, "da nang", 11, DESK_FIND_FOLD);
	check_find(t, "thanh", 23, DESK_FIND_FOLD | DESK_FIND_BACKWARD, 0, 5);
	check_find(t, "n", 23, DESK_FIND_FOLD | DESK_FIND_BACKWARD, 21, 22);
	check_find(u, "luong cuong", 0, DESK_FIND_FOLD, 14, 25);
	check_find(u, "chu tich", 1, DESK_FIND_FOLD, 36, 44);
	check_find(u, "CHU", 44, DESK_FIND_FOLD | DESK_FIND_BACKWARD, 36, 39);
	check_nofind(u, "\xcc\x81", 0, DESK_FIND_FOLD); /* folds to nothing */
	desk_text_free(t);
	desk_text_free(u);
}

static void
test_find_word(void **state)
{
	/* "Nam Namibia Việt Nam, Nam." */
	desk_text *t = mk("Nam Namibia Vi\xe1\xbb\x87t Nam, Nam.");
	desk_text *c = mk("\xe4\xb8\xad\xe5\x9b\xbd\xe4\xba\xba"); /* 中国人 */

	(void)state;
	check_find(t, "Nam", 0, DESK_FIND_WORD, 0, 3);
	check_find(t, "Nam", 1, DESK_FIND_WORD, 17, 20); /* not inside Namibia */
	check_find(t, "Nam", 1, 0, 4, 7);                /* without: inside it */
	check_find(t, "nam", 18, DESK_FIND_WORD | DESK_FIND_FOLD, 22, 25);
	check_find(t, "viet nam", 0, DESK_FIND_WORD | DESK_FIND_FOLD, 12, 20);
	check_find(t, "Nam", 22, DESK_FIND_WORD | DESK_FIND_BACKWARD, 17, 20);
	check_nofind(t, "Namib", 0, DESK_FIND_WORD);
	check_nofind(t, "ami", 0, DESK_FIND_WORD | DESK_FIND_FOLD);
	assert_true(desk_text_is_word_boundary(t, 0));
	assert_true(desk_text_is_word_boundary(t, 3));
	assert_false(desk_text_is_word_boundary(t, 5));
	assert_true(desk_text_is_word_boundary(t, desk_text_len(t)));
	/* A CJK run is found whole, as one word or not at all inside it. */
	check_find(c, "\xe4\xb8\xad\xe5\x9b\xbd\xe4\xba\xba", 0, DESK_FIND_WORD, 0, 3);
	assert_true(desk_text_is_word_boundary(c, 0));
	assert_true(desk_text_is_word_boundary(c, 3));
	desk_text_free(t);
	desk_text_free(c);
}

static void
test_find_grapheme_bounds(void **state)
{
	/* café with e + U+0301, then cafe */
	desk_text *t = mk("cafe\xcc\x81 cafe");

	(void)state;
	check_find(t, "cafe", 0, 0, 6, 10); /* not 0..4: it would end inside e + U+0301 */
	check_find(t, "cafe", 10, DESK_FIND_BACKWARD, 6, 10);
	check_nofind(t, "cafe", 6, DESK_FIND_BACKWARD);
	check_find(t, "cafe", 0, DESK_FIND_FOLD, 0, 5); /* folded, the mark goes */
	check_find(t, "CAF\xc3\x89", 0, DESK_FIND_FOLD, 0, 5);
	check_find(t, "cafe", 6, DESK_FIND_FOLD | DESK_FIND_BACKWARD, 0, 5);
	desk_text_free(t);

	t = mk(FAMILY);
	check_nofind(t, "\xf0\x9f\x91\xa9", 0, 0); /* one woman of the family */
	check_nofind(t, "\xf0\x9f\x91\xa9", 0, DESK_FIND_FOLD);
	check_find(t, FAMILY, 0, DESK_FIND_FOLD, 0, 5);
	desk_text_free(t);

	t = mk(FLAG_VN FLAG_VN);
	check_nofind(t, "\xf0\x9f\x87\xb3\xf0\x9f\x87\xbb", 0, 0); /* N V across two flags */
	check_nofind(t, "\xf0\x9f\x87\xb3\xf0\x9f\x87\xbb", 0, DESK_FIND_FOLD);
	check_find(t, FLAG_VN, 1, 0, 2, 4);
	desk_text_free(t);

	/* ß folds to ss: half of it is not a match. */
	t = mk("Stra\xc3\x9f"
	       "e");
	check_nofind(t, "stras", 0, DESK_FIND_FOLD);
	check_find(t, "STRASSE", 0, DESK_FIND_FOLD, 0, 6);
	check_find(t, "e", 0, DESK_FIND_FOLD, 5, 6);
	desk_text_free(t);
}

/* An article of about 1 MB builds and searches to its end (its speed is in bench/). */
static void
test_big_text(void **state)
{
	static const char sentence[] = CHU_TICH ", \xe4\xb8\xad\xe6\x96\x87 " FAMILY "\n";
	size_t n = sizeof sentence - 1, count = (1 << 20) / n, len = n * count;
	char *s = malloc(len + 1);
	desk_text *t = NULL;
	int64_t per = desk_utf8_count(sentence, n);

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < count; i++)
		memcpy(s + i * n, sentence, n);
	s[len] = '\0';
	assert_int_equal(desk_text_new(&t, s, len), DESK_OK);
	assert_int_equal(desk_text_len(t), per * (int64_t)count);
	check_find(t, "luong cuong", desk_text_len(t), DESK_FIND_FOLD | DESK_FIND_BACKWARD,
	           per * (int64_t)(count - 1) + 14, per * (int64_t)(count - 1) + 25);
	assert_int_equal(desk_text_next_word(t, per * (int64_t)count - 3), desk_text_len(t));
	assert_int_equal(desk_text_break(t, per), DESK_BREAK_MANDATORY);
	desk_text_free(t);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_nfc_of_nfd),
	    cmocka_unit_test(test_utf8_check),
	    cmocka_unit_test(test_line_col),
	    cmocka_unit_test(test_fold),
	    cmocka_unit_test(test_fold_as),
	    cmocka_unit_test(test_utf8_width),
	    cmocka_unit_test(test_grapheme_combining),
	    cmocka_unit_test(test_grapheme_vietnamese),
	    cmocka_unit_test(test_grapheme_emoji),
	    cmocka_unit_test(test_grapheme_hangul),
	    cmocka_unit_test(test_offsets),
	    cmocka_unit_test(test_edges),
	    cmocka_unit_test(test_words_vietnamese),
	    cmocka_unit_test(test_words_english),
	    cmocka_unit_test(test_widths),
	    cmocka_unit_test(test_escapes),
	    cmocka_unit_test(test_escapes_all),
	    cmocka_unit_test(test_line_breaks),
	    cmocka_unit_test(test_find_literal),
	    cmocka_unit_test(test_find_fold),
	    cmocka_unit_test(test_find_word),
	    cmocka_unit_test(test_find_grapheme_bounds),
	    cmocka_unit_test(test_big_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
