/* test_lineedit.c - the `:` and `/` prompts' line editor (tui/model/lineedit.c), key by key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keymap.h"
#include "lineedit.h"

/* Type s as keys, one code point at a time, as the prompt gets them from curses. */
static void
type(struct lineedit *le, const char *s)
{
	size_t n = strlen(s);
	int64_t ncp = desk_utf8_count(s, n);
	desk_text *t;

	assert_int_equal(desk_text_new(&t, s, n), DESK_OK);
	for (int64_t i = 0; i < ncp; i++)
		assert_int_equal(lineedit_key(le, (int)desk_text_char(t, i)), LINEEDIT_CONTINUE);
	desk_text_free(t);
}

static void
keys(struct lineedit *le, int key, int times)
{
	while (times-- > 0)
		assert_int_equal(lineedit_key(le, key), LINEEDIT_CONTINUE);
}

/* The line and where its cursor is, as "before|after". */
static void
expect(const struct lineedit *le, const char *want)
{
	char got[256];

	assert_true(le->len < 200);
	assert_int_equal(strlen(le->buf), le->len);
	assert_true(le->cursor <= le->len);
	snprintf(got, sizeof got, "%.*s|%s", (int)le->cursor, le->buf, le->buf + le->cursor);
	assert_string_equal(got, want);
}

/*
 * The first line typed into a fresh prompt: the buffer is allocated on the
 * first key, and its terminator must be written, not whatever the heap held
 * ("/pham binh" once searched for "pham binhz").  Heap blocks freed with
 * junk in them make the stale byte likely to show without a sanitizer too.
 */
static void
test_first_line_typed(void **state)
{
	struct lineedit le;
	char *junk[16];

	(void)state;
	for (int round = 0; round < 8; round++) {
		for (size_t i = 0; i < 16; i++) {
			junk[i] = malloc(4 + i);
			memset(junk[i], 'z', 4 + i);
		}
		for (size_t i = 0; i < 16; i++)
			free(junk[i]);
		lineedit_init(&le);
		type(&le, "pham binh");
		assert_string_equal(le.buf, "pham binh");
		assert_int_equal(le.len, 9);
		assert_int_equal(lineedit_key(&le, KEYMAP_ENTER), LINEEDIT_ACCEPT);
		expect(&le, "pham binh|");
		lineedit_free(&le);
	}
	/* lineedit_insert() directly, one byte into a new line. */
	lineedit_init(&le);
	assert_int_equal(lineedit_insert(&le, "x", 1), DESK_OK);
	expect(&le, "x|");
	lineedit_free(&le);
}

/* A prompt opened again starts empty: nothing of the last line stays. */
static void
test_reopened_prompt_is_empty(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	type(&le, "boilerplatez");
	lineedit_clear(&le);
	expect(&le, "|");
	type(&le, "pham binh");
	expect(&le, "pham binh|");
	lineedit_free(&le);
}

/* Printable keys are inserted, as UTF-8; editing and control keys are not. */
static void
test_keys_insert_utf8(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	type(&le, "Đà Nẵng 北京 🇻🇳");
	expect(&le, "Đà Nẵng 北京 🇻🇳|");
	/* Keys that are not characters insert nothing. */
	keys(&le, KEYMAP_CTRL('l'), 1);
	keys(&le, '\t', 1);
	keys(&le, KEYMAP_RESIZE, 1);
	keys(&le, KEYMAP_PGDN, 1);
	keys(&le, 0xd800, 1); /* a surrogate is no character */
	expect(&le, "Đà Nẵng 北京 🇻🇳|");
	lineedit_free(&le);
}

static void
test_insert_drops_controls_and_refuses_bad_utf8(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	assert_int_equal(lineedit_insert(&le, "a\x1b[2Jb\tc\x7f", 9), DESK_OK);
	expect(&le, "a[2Jbc|");
	assert_int_equal(lineedit_insert(&le, "\xc3(", 2), DESK_INVALID);
	assert_int_equal(lineedit_insert(&le, "\xe1\xba", 2), DESK_INVALID);
	expect(&le, "a[2Jbc|");
	lineedit_free(&le);
}

/* A combining mark typed after its letter joins it; the cursor never lands inside. */
static void
test_combining_marks(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	/* "Nẵng" typed decomposed: a, breve, tilde. */
	type(&le, "Na\xcc\x86\xcc\x83ng");
	expect(&le, "Na\xcc\x86\xcc\x83ng|");
	keys(&le, KEYMAP_LEFT, 2);
	expect(&le, "Na\xcc\x86\xcc\x83|ng");
	keys(&le, KEYMAP_LEFT, 1);
	expect(&le, "N|a\xcc\x86\xcc\x83ng");
	keys(&le, KEYMAP_RIGHT, 1);
	expect(&le, "Na\xcc\x86\xcc\x83|ng");
	/* Backspace takes the letter with both marks. */
	keys(&le, KEYMAP_BACKSPACE, 1);
	expect(&le, "N|ng");
	/* A mark typed between letters goes on the one before the cursor. */
	type(&le, "a\xcc\xa3");
	expect(&le, "Na\xcc\xa3|ng");
	/* x with a dot below has no precomposed form: still one grapheme. */
	lineedit_clear(&le);
	type(&le, "x\xcc\xa3y");
	keys(&le, KEYMAP_LEFT, 1);
	keys(&le, KEYMAP_LEFT, 1);
	expect(&le, "|x\xcc\xa3y");
	keys(&le, KEYMAP_DELETE, 1);
	expect(&le, "|y");
	lineedit_free(&le);
}

/* Text after the cursor that joins the insertion: the cursor goes past the whole grapheme. */
static void
test_insert_before_a_mark(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	assert_int_equal(lineedit_insert(&le, "\xcc\x81x", 3), DESK_OK); /* a lone acute, x */
	keys(&le, KEYMAP_HOME, 1);
	expect(&le, "|\xcc\x81x");
	type(&le, "e");
	expect(&le, "e\xcc\x81|x");
	lineedit_free(&le);
}

/*
 * What is left on either side of a deletion may join into one grapheme (two
 * Hangul trailing jamo, two regional indicators): the cursor goes past it,
 * never inside (found by fuzzing).
 */
static void
test_delete_joins_graphemes(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	type(&le, "\xe1\x87\xbd]\xe1\x87\xbd"); /* U+11FD ] U+11FD */
	keys(&le, KEYMAP_HOME, 1);
	keys(&le, KEYMAP_RIGHT, 1);
	expect(&le, "\xe1\x87\xbd|]\xe1\x87\xbd");
	keys(&le, KEYMAP_DELETE, 1);
	expect(&le, "\xe1\x87\xbd\xe1\x87\xbd|");
	lineedit_clear(&le);
	type(&le, "\xf0\x9f\x87\xbbx\xf0\x9f\x87\xb3"); /* RI V, x, RI N */
	keys(&le, KEYMAP_LEFT, 1);
	keys(&le, KEYMAP_BACKSPACE, 1);
	expect(&le, "\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3|");
	lineedit_free(&le);
}

static void
test_emoji_and_flags_are_one_step(void **state)
{
	struct lineedit le;
	const char *family =
	    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";

	(void)state;
	lineedit_init(&le);
	type(&le, "a");
	type(&le, family);
	type(&le, "🇻🇳🇺🇸b");
	keys(&le, KEYMAP_LEFT, 2);
	expect(&le, "a👩‍👩‍👧🇻🇳|🇺🇸b");
	keys(&le, KEYMAP_LEFT, 1);
	expect(&le, "a👩‍👩‍👧|🇻🇳🇺🇸b");
	keys(&le, KEYMAP_BACKSPACE, 1);
	expect(&le, "a|🇻🇳🇺🇸b");
	keys(&le, KEYMAP_CTRL('f'), 1);
	keys(&le, KEYMAP_CTRL('h'), 1);
	expect(&le, "a|🇺🇸b");
	keys(&le, KEYMAP_CTRL('d'), 1);
	expect(&le, "a|b");
	lineedit_free(&le);
}

static void
test_home_end_and_edges(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	/* Motions on an empty line do nothing. */
	keys(&le, KEYMAP_LEFT, 1);
	keys(&le, KEYMAP_RIGHT, 1);
	keys(&le, KEYMAP_DELETE, 1);
	keys(&le, KEYMAP_CTRL('w'), 1);
	keys(&le, KEYMAP_CTRL('u'), 1);
	assert_int_equal(le.len, 0);
	type(&le, "Lương Cường");
	keys(&le, KEYMAP_CTRL('a'), 1);
	expect(&le, "|Lương Cường");
	keys(&le, KEYMAP_LEFT, 1);
	keys(&le, KEYMAP_BACKSPACE, 1);
	expect(&le, "|Lương Cường");
	keys(&le, KEYMAP_CTRL('e'), 1);
	keys(&le, KEYMAP_RIGHT, 1);
	keys(&le, KEYMAP_DELETE, 1);
	expect(&le, "Lương Cường|");
	keys(&le, KEYMAP_HOME, 1);
	keys(&le, KEYMAP_RIGHT, 3);
	expect(&le, "Lươ|ng Cường");
	keys(&le, KEYMAP_END, 1);
	expect(&le, "Lương Cường|");
	lineedit_free(&le);
}

static void
test_kill_word(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	type(&le, "xem Đà Nẵng");
	keys(&le, KEYMAP_CTRL('w'), 1);
	expect(&le, "xem Đà |");
	keys(&le, KEYMAP_CTRL('w'), 1);
	expect(&le, "xem |");
	/* Spaces before the cursor go with the word before them. */
	type(&le, "thêm   ");
	keys(&le, KEYMAP_CTRL('w'), 1);
	expect(&le, "xem |");
	/* In the middle of a word: its start up to the cursor. */
	lineedit_clear(&le);
	type(&le, "Hà Nội");
	keys(&le, KEYMAP_LEFT, 2);
	keys(&le, KEYMAP_CTRL('w'), 1);
	expect(&le, "Hà |ội");
	keys(&le, KEYMAP_CTRL('w'), 1);
	expect(&le, "|ội");
	lineedit_free(&le);
}

static void
test_kill_start_and_end(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	type(&le, "phiên họp Chính phủ");
	keys(&le, KEYMAP_LEFT, 9);
	expect(&le, "phiên họp |Chính phủ");
	keys(&le, KEYMAP_CTRL('k'), 1);
	expect(&le, "phiên họp |");
	keys(&le, KEYMAP_LEFT, 4);
	keys(&le, KEYMAP_CTRL('u'), 1);
	expect(&le, "|họp ");
	type(&le, "Đ");
	expect(&le, "Đ|họp ");
	lineedit_free(&le);
}

/* What ends the prompt, and Backspace on an empty line leaving it. */
static void
test_accept_and_cancel(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	assert_int_equal(lineedit_key(&le, KEYMAP_BACKSPACE), LINEEDIT_CANCEL);
	assert_int_equal(lineedit_key(&le, 0x7f), LINEEDIT_CANCEL);
	type(&le, "ab");
	assert_int_equal(lineedit_key(&le, 0x7f), LINEEDIT_CONTINUE);
	assert_int_equal(lineedit_key(&le, KEYMAP_BACKSPACE), LINEEDIT_CONTINUE);
	expect(&le, "|");
	type(&le, "x");
	assert_int_equal(lineedit_key(&le, KEYMAP_ESC), LINEEDIT_CANCEL);
	assert_int_equal(lineedit_key(&le, KEYMAP_CTRL('c')), LINEEDIT_CANCEL);
	assert_int_equal(lineedit_key(&le, KEYMAP_CTRL('g')), LINEEDIT_CANCEL);
	assert_int_equal(lineedit_key(&le, KEYMAP_ENTER), LINEEDIT_ACCEPT);
	assert_int_equal(lineedit_key(&le, '\n'), LINEEDIT_ACCEPT);
	/* None of them changed the line. */
	expect(&le, "x|");
	lineedit_free(&le);
}

/* The part of the line the prompt shows in width columns, and the cursor's column there. */
static void
expect_view(const struct lineedit *le, int width, const char *want, int want_col)
{
	desk_text *t;
	struct layout *l;
	size_t row;
	int col;
	char *s;

	assert_int_equal(lineedit_layout(le, width, &t, &l, &row, &col), DESK_OK);
	if (want == NULL) {
		assert_null(l);
		assert_int_equal(col, want_col);
		return;
	}
	assert_non_null(l);
	s = layout_render_line(l, row);
	assert_string_equal(s, want);
	assert_int_equal(col, want_col);
	free(s);
	layout_free(l);
	desk_text_free(t);
}

static void
test_visible_part(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	expect_view(&le, 10, NULL, 0);
	type(&le, "Đà Nẵng");
	expect_view(&le, 10, "Đà Nẵng", 7);
	keys(&le, KEYMAP_LEFT, 4);
	expect_view(&le, 10, "Đà Nẵng", 3);
	/* Wide characters: two columns each; one that does not fit goes to the next screenful. */
	lineedit_clear(&le);
	type(&le, "ab北京上海广州");
	expect_view(&le, 20, "ab北京上海广州", 14);
	expect_view(&le, 7, "州", 2);
	keys(&le, KEYMAP_HOME, 1);
	expect_view(&le, 7, "ab北京", 0);
	keys(&le, KEYMAP_RIGHT, 3);
	expect_view(&le, 7, "ab北京", 4);
	keys(&le, KEYMAP_RIGHT, 1);
	expect_view(&le, 7, "上海广", 0);
	keys(&le, KEYMAP_RIGHT, 1);
	expect_view(&le, 7, "上海广", 2);
	/* Combining marks take no column. */
	lineedit_clear(&le);
	type(&le, "Na\xcc\x86\xcc\x83ng x\xcc\xa3");
	expect_view(&le, 20, "Na\xcc\x86\xcc\x83ng x\xcc\xa3", 6);
	lineedit_free(&le);
}

/*
 * An offered line (e's entity name): the first character typed replaces it,
 * so "x" gives "x", not "NAMEx"; C-u and Backspace clear it without
 * cancelling; a motion keeps it to edit.
 */
static void
test_offered_line(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le);
	assert_int_equal(lineedit_offer(&le, "Lương Cường"), DESK_OK);
	expect(&le, "Lương Cường|");
	assert_int_equal(le.offered, 1);
	type(&le, "Tô Lâm");
	expect(&le, "Tô Lâm|");
	assert_int_equal(le.offered, 0);
	type(&le, "x");
	expect(&le, "Tô Lâmx|"); /* only the first key replaces */

	lineedit_offer(&le, "Đà Nẵng");
	keys(&le, KEYMAP_CTRL('u'), 1);
	expect(&le, "|");
	lineedit_offer(&le, "Đà Nẵng");
	keys(&le, KEYMAP_BACKSPACE, 1); /* cleared, the prompt stays open */
	expect(&le, "|");
	assert_int_equal(lineedit_key(&le, KEYMAP_BACKSPACE), LINEEDIT_CANCEL);

	lineedit_offer(&le, "Đà Nẵng");
	keys(&le, KEYMAP_LEFT, 1);
	type(&le, "x");
	expect(&le, "Đà Nẵnx|g");
	lineedit_offer(&le, "Huế");
	keys(&le, KEYMAP_END, 1);
	type(&le, " city");
	expect(&le, "Huế city|");
	/* Enter takes the offer as it is; Esc cancels. */
	lineedit_offer(&le, "Huế");
	assert_int_equal(lineedit_key(&le, KEYMAP_ENTER), LINEEDIT_ACCEPT);
	expect(&le, "Huế|");
	lineedit_offer(&le, "Huế");
	assert_int_equal(lineedit_key(&le, KEYMAP_ESC), LINEEDIT_CANCEL);
	/* Nothing offered is an ordinary empty line; clearing ends an offer. */
	lineedit_offer(&le, "");
	assert_int_equal(le.offered, 0);
	lineedit_offer(&le, "a");
	lineedit_clear(&le);
	assert_int_equal(le.offered, 0);
	lineedit_free(&le);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_first_line_typed),
	    cmocka_unit_test(test_reopened_prompt_is_empty),
	    cmocka_unit_test(test_keys_insert_utf8),
	    cmocka_unit_test(test_insert_drops_controls_and_refuses_bad_utf8),
	    cmocka_unit_test(test_combining_marks),
	    cmocka_unit_test(test_insert_before_a_mark),
	    cmocka_unit_test(test_emoji_and_flags_are_one_step),
	    cmocka_unit_test(test_home_end_and_edges),
	    cmocka_unit_test(test_kill_word),
	    cmocka_unit_test(test_kill_start_and_end),
	    cmocka_unit_test(test_accept_and_cancel),
	    cmocka_unit_test(test_visible_part),
	    cmocka_unit_test(test_offered_line),
	    cmocka_unit_test(test_delete_joins_graphemes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
