/*
 * test_reader.c - the reader's cursor, scrolling and search (tui/model/reader.c) on
 * real text, at real window sizes: positions compared as code points, with
 * the text from the cursor on to say where that is.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "reader.h"

static void
open_reader(struct reader *r, const char *s, int rows, int cols, const desk_mark *marks,
            size_t nmarks)
{
	assert_int_equal(reader_init(r, s, strlen(s), marks, nmarks), DESK_OK);
	assert_int_equal(reader_resize(r, rows, cols), DESK_OK);
	assert_int_equal(r->cur, 0);
	assert_int_equal(r->top, 0);
}

/*
 * The cursor is at code point cp, which the text from there on begins with
 * (rest), and the screen shows its line.
 */
static void
at_(const struct reader *r, int64_t cp, const char *rest, int line)
{
	const char *s = desk_text_utf8(r->text) + desk_text_byte(r->text, r->cur);
	size_t row = reader_row(r);

	if (r->cur != cp || strncmp(s, rest, strlen(rest)) != 0)
		fail_msg("line %d: cursor at %lld \"%.12s\", wanted %lld \"%s\"", line,
		         (long long)r->cur, s, (long long)cp, rest);
	assert_true(desk_text_is_grapheme(r->text, r->cur));
	assert_true(row >= r->top && row < r->top + (size_t)r->rows);
	assert_true(r->top + (size_t)r->rows <= reader_lines(r) || r->top == 0 ||
	            reader_lines(r) <= (size_t)r->rows);
}
#define at(r, cp, rest) at_(r, cp, rest, __LINE__)

/* The cursor's screen line (1-based) and column. */
#define pos(r, row, col)                                                                           \
	do {                                                                                       \
		assert_int_equal(reader_row(r) + 1, row);                                          \
		assert_int_equal(reader_col(r), col);                                              \
	} while (0)

/* --- graphemes ---------------------------------------------------------- */

static void
test_left_right_by_grapheme(void **state)
{
	/*
	 * NFC text with marks that stay combining: x + dot below has no
	 * precomposed form, ẹ́ is U+1EB9 and a combining acute.  A family emoji
	 * (ZWJ sequence) and two flags are one grapheme each.
	 */
	const char *s = "x\xcc\xa3\xe1\xba\xb9\xcc\x81y 👩‍👩‍👧🇻🇳🇺🇸 Đà";
	struct reader r;

	(void)state;
	open_reader(&r, s, 5, 40, NULL, 0);
	reader_right(&r, 1);
	at(&r, 2, "\xe1\xba\xb9\xcc\x81y");
	reader_right(&r, 1);
	at(&r, 4, "y");
	pos(&r, 1, 2);
	reader_right(&r, 2);
	at(&r, 6, "👩‍👩‍👧");
	reader_right(&r, 1);
	at(&r, 11, "🇻🇳");
	reader_right(&r, 1);
	at(&r, 13, "🇺🇸");
	reader_right(&r, 1);
	at(&r, 15, " ");
	reader_right(&r, 10); /* stops on the last grapheme */
	at(&r, 17, "à");
	reader_left(&r, 3);
	at(&r, 13, "🇺🇸");
	reader_left(&r, 1);
	at(&r, 11, "🇻🇳");
	reader_left(&r, 1);
	at(&r, 6, "👩");
	reader_left(&r, 3);
	at(&r, 2, "\xe1\xba\xb9\xcc\x81");
	reader_left(&r, 1);
	at(&r, 0, "x\xcc\xa3");
	reader_left(&r, 1);
	at(&r, 0, "x");
	/* The cursor set inside a grapheme goes to its start. */
	reader_set_cursor(&r, 3);
	at(&r, 2, "\xe1\xba\xb9");
	reader_set_cursor(&r, 9);
	at(&r, 6, "👩");
	reader_set_cursor(&r, 12);
	at(&r, 11, "🇻");
	reader_free(&r);
}

/* --- words -------------------------------------------------------------- */

static void
test_words(void **state)
{
	const char *s = "Lương Cường, Nam.Chủ tịch 3.14 và Nam’s — xong.";
	struct reader r;

	(void)state;
	open_reader(&r, s, 5, 80, NULL, 0);
	/* A syllable is a word. */
	reader_word_next(&r, 1);
	at(&r, 6, "Cường,");
	/* Punctuation is passed over; Nam.Chủ run together is two words. */
	reader_word_next(&r, 1);
	at(&r, 13, "Nam.");
	reader_word_next(&r, 1);
	at(&r, 17, "Chủ tịch");
	/* 3.14 and Nam’s stay one word. */
	reader_word_next(&r, 2);
	at(&r, 26, "3.14");
	reader_word_next(&r, 1);
	at(&r, 31, "và");
	reader_word_next(&r, 1);
	at(&r, 34, "Nam’s");
	reader_word_next(&r, 1);
	at(&r, 42, "xong.");
	/* Past the last word: the last grapheme. */
	reader_word_next(&r, 1);
	at(&r, 46, ".");
	reader_word_prev(&r, 1);
	at(&r, 42, "xong");
	/* From inside a word, b goes to its start first. */
	reader_set_cursor(&r, 8);
	reader_word_prev(&r, 1);
	at(&r, 6, "Cường");
	reader_word_prev(&r, 1);
	at(&r, 0, "Lương");
	reader_word_prev(&r, 1);
	at(&r, 0, "Lương");
	/* Counts. */
	reader_word_next(&r, 4);
	at(&r, 21, "tịch");
	reader_word_prev(&r, 3);
	at(&r, 6, "Cường");
	reader_free(&r);
}

/* --- screen lines ------------------------------------------------------- */

static void
test_down_up_keep_column(void **state)
{
	const char *s = "Thủ tướng Phạm Minh Chính\nngắn\nchủ trì phiên họp thường kỳ";
	struct reader r;

	(void)state;
	open_reader(&r, s, 10, 80, NULL, 0);
	reader_right(&r, 15);
	at(&r, 15, "Minh");
	pos(&r, 1, 15);
	/* A shorter line: its end; the column is kept for the next. */
	reader_down(&r, 1);
	at(&r, 30, "\nchủ");
	pos(&r, 2, 4);
	reader_down(&r, 1);
	at(&r, 46, "ọp thường");
	pos(&r, 3, 15);
	reader_up(&r, 2);
	at(&r, 15, "Minh");
	/* Counts, clamped at the ends. */
	reader_down(&r, 99);
	pos(&r, 3, 15);
	reader_up(&r, 99);
	pos(&r, 1, 15);
	/* A sideways motion sets the column to keep. */
	reader_left(&r, 13);
	reader_down(&r, 2);
	at(&r, 33, "ủ trì");
	pos(&r, 3, 2);
	reader_free(&r);
}

static void
test_down_up_over_wide_chars(void **state)
{
	/* Ten digits, then ten ideographs of two columns each. */
	const char *s = "0123456789\n一二三四五六七八九十\nabcdefghijklmnopqrst";
	struct reader r;

	(void)state;
	open_reader(&r, s, 10, 20, NULL, 0);
	assert_int_equal(reader_lines(&r), 3);
	reader_right(&r, 5);
	at(&r, 5, "5");
	/* Column 5 is the right half of 三. */
	reader_down(&r, 1);
	at(&r, 13, "三");
	pos(&r, 2, 4);
	reader_down(&r, 1);
	at(&r, 27, "f");
	pos(&r, 3, 5);
	reader_up(&r, 2);
	at(&r, 5, "5");
	/* From the wide char itself, its first column is the one kept. */
	reader_set_cursor(&r, 14);
	at(&r, 14, "四");
	pos(&r, 2, 6);
	reader_down(&r, 1);
	at(&r, 28, "g");
	reader_up(&r, 2);
	at(&r, 6, "6");

	/* At 10 columns the ideographs take two lines of five. */
	assert_int_equal(reader_resize(&r, 10, 10), DESK_OK);
	assert_int_equal(reader_lines(&r), 5);
	reader_set_cursor(&r, 5);
	reader_down(&r, 1);
	at(&r, 13, "三");
	reader_down(&r, 1);
	at(&r, 18, "八");
	pos(&r, 3, 4);
	reader_down(&r, 1);
	at(&r, 27, "f");
	reader_up(&r, 3);
	at(&r, 5, "5");
	/* At 11 a sixth ideograph does not fit in the one column left. */
	assert_int_equal(reader_resize(&r, 10, 11), DESK_OK);
	assert_int_equal(reader_lines(&r), 5);
	reader_set_cursor(&r, 9);
	reader_down(&r, 1);
	at(&r, 15, "五");
	pos(&r, 2, 8);
	reader_free(&r);
}

static void
test_line_start_end(void **state)
{
	const char *s = "một hai ba\nbốn năm\n\nsáu bảy tám chín";
	struct reader r;

	(void)state;
	open_reader(&r, s, 10, 80, NULL, 0);
	reader_right(&r, 5);
	reader_line_end(&r, 1);
	at(&r, 9, "a\n");
	pos(&r, 1, 9);
	reader_line_start(&r, 1);
	at(&r, 0, "một");
	/* After $, j and k go to the ends of lines, as $ there would. */
	reader_line_end(&r, 1);
	reader_down(&r, 1);
	at(&r, 17, "m\n");
	pos(&r, 2, 6);
	/* An empty line: its LF is all there is. */
	reader_down(&r, 1);
	at(&r, 19, "\n");
	pos(&r, 3, 0);
	reader_down(&r, 1);
	at(&r, 35, "n");
	reader_line_start(&r, 1);
	at(&r, 20, "sáu");
	reader_up(&r, 1);
	reader_line_end(&r, 1);
	at(&r, 19, "\n");
	reader_free(&r);
}

/* A text of n lines "dòng 1" to "dòng n". */
static char *
numbered(int n)
{
	char *s = malloc((size_t)n * 16 + 1);
	size_t len = 0;

	assert_non_null(s);
	for (int i = 1; i <= n; i++)
		len += (size_t)sprintf(s + len, "%sdòng %d", i > 1 ? "\n" : "", i);
	return s;
}

/* The cursor is on line n (1-based) of numbered(), the screen's first line being top. */
static void
on_line_(const struct reader *r, size_t n, size_t top, int line)
{
	char want[32];
	const char *s = desk_text_utf8(r->text) + desk_text_byte(r->text, r->cur);

	snprintf(want, sizeof want, "dòng %zu", n);
	if (reader_row(r) + 1 != n || r->top + 1 != top || strncmp(s, want, strlen(want)) != 0 ||
	    (s[strlen(want)] != '\n' && s[strlen(want)]))
		fail_msg("line %d: cursor on %zu (\"%.10s\"), top %zu; wanted %zu, top %zu", line,
		         reader_row(r) + 1, s, r->top + 1, n, top);
}
#define on_line(r, n, top) on_line_(r, n, top, __LINE__)

static void
test_pages_top_bottom_goto(void **state)
{
	char *s = numbered(100);
	struct reader r;

	(void)state;
	open_reader(&r, s, 10, 40, NULL, 0);
	assert_int_equal(reader_lines(&r), 100);
	/* A page is the screen less one line. */
	reader_page_down(&r, 1);
	on_line(&r, 10, 10);
	reader_down(&r, 3);
	on_line(&r, 13, 10);
	reader_page_down(&r, 2);
	on_line(&r, 31, 28);
	reader_page_up(&r, 1);
	on_line(&r, 22, 19);
	reader_page_up(&r, 5);
	on_line(&r, 1, 1);
	/* At the end a page goes to the last line; the screen stays full. */
	reader_page_down(&r, 20);
	on_line(&r, 100, 91);
	reader_page_down(&r, 1);
	on_line(&r, 100, 91);
	reader_page_up(&r, 1);
	on_line(&r, 91, 82);
	reader_top(&r, 1);
	on_line(&r, 1, 1);
	reader_bottom(&r, 1);
	on_line(&r, 100, 91);
	/* Goto: a line on screen keeps the screen; one off screen comes to the top. */
	reader_goto(&r, 95);
	on_line(&r, 95, 91);
	reader_goto(&r, 42);
	on_line(&r, 42, 42);
	reader_goto(&r, 99);
	on_line(&r, 99, 91);
	reader_goto(&r, 1000);
	on_line(&r, 100, 91);
	reader_goto(&r, 0);
	on_line(&r, 1, 1);
	/* Lines above: up scrolls by one. */
	reader_goto(&r, 50);
	reader_up(&r, 1);
	on_line(&r, 49, 49);
	reader_free(&r);
	free(s);
}

static void
expect_status(const struct reader *r, const char *want)
{
	char buf[64];

	assert_int_equal(reader_status(r, buf, sizeof buf), (int)strlen(want));
	assert_string_equal(buf, want);
}

static void
test_status(void **state)
{
	char *s = numbered(40);
	struct reader r;

	(void)state;
	open_reader(&r, s, 10, 40, NULL, 0);
	expect_status(&r, "1/40   2%");
	reader_goto(&r, 20);
	expect_status(&r, "20/40  50%");
	reader_bottom(&r, 1);
	expect_status(&r, "40/40 100%");
	/* Screen lines, so they change with the width. */
	assert_int_equal(reader_resize(&r, 10, 4), DESK_OK);
	expect_status(&r, "79/80  98%");
	reader_free(&r);
	assert_int_equal(reader_init(&r, "", 0, NULL, 0), DESK_OK);
	expect_status(&r, "1/1 100%");
	reader_right(&r, 1);
	reader_down(&r, 1);
	reader_page_down(&r, 1);
	reader_bottom(&r, 1);
	reader_line_end(&r, 1);
	reader_word_prev(&r, 1);
	assert_int_equal(r.cur, 0);
	reader_free(&r);
	free(s);
}

/* --- search ------------------------------------------------------------- */

static void
test_search(void **state)
{
	const char *s = "Đà Nẵng, 2024. Khách đến ĐÀ NẴNG đông. Da Nang is in Vietnam.";
	struct reader r;
	int wrapped;

	(void)state;
	open_reader(&r, s, 5, 80, NULL, 0);
	/* Forward from the cursor: the match after it, not the one under it. */
	assert_int_equal(reader_search(&r, "da nang", 0, &wrapped), DESK_OK);
	at(&r, 25, "ĐÀ NẴNG");
	assert_int_equal(wrapped, 0);
	assert_int_equal(r.match_start, 25);
	assert_int_equal(r.match_end, 32);
	assert_int_equal(reader_search(&r, "da nang", 0, &wrapped), DESK_OK);
	at(&r, 39, "Da Nang");
	assert_int_equal(wrapped, 0);
	/* Past the last: from the top again. */
	assert_int_equal(reader_search(&r, "da nang", 0, &wrapped), DESK_OK);
	at(&r, 0, "Đà Nẵng");
	assert_int_equal(wrapped, 1);
	/* Backward: the one before; from the first, the last. */
	assert_int_equal(reader_search(&r, "DA NANG", 1, &wrapped), DESK_OK);
	at(&r, 39, "Da Nang");
	assert_int_equal(wrapped, 1);
	assert_int_equal(reader_search(&r, "Đà nẵng", 1, &wrapped), DESK_OK);
	at(&r, 25, "ĐÀ");
	assert_int_equal(wrapped, 0);
	/* Accents in the pattern are folded too; a match must not split a letter. */
	assert_int_equal(reader_search(&r, "khach den", 0, &wrapped), DESK_OK);
	at(&r, 15, "Khách");
	assert_int_equal(reader_search(&r, "dong", 0, &wrapped), DESK_OK);
	at(&r, 33, "đông");
	/* Not found leaves the cursor and the last match. */
	assert_int_equal(reader_search(&r, "Hà Nội", 0, &wrapped), DESK_NOTFOUND);
	at(&r, 33, "đông");
	assert_int_equal(r.match_start, 33);
	assert_int_equal(reader_search(&r, "", 0, &wrapped), DESK_MISUSE);
	/* The only match under the cursor: found again, after wrapping. */
	assert_int_equal(reader_search(&r, "Vietnam", 0, &wrapped), DESK_OK);
	at(&r, 53, "Vietnam");
	assert_int_equal(reader_search(&r, "vietnam", 0, &wrapped), DESK_OK);
	at(&r, 53, "Vietnam");
	assert_int_equal(wrapped, 1);
	assert_int_equal(reader_search(&r, "vietnam", 1, &wrapped), DESK_OK);
	at(&r, 53, "Vietnam");
	assert_int_equal(wrapped, 1);
	reader_free(&r);
}

static void
test_search_scrolls(void **state)
{
	char *s = numbered(100);
	struct reader r;
	int wrapped;

	(void)state;
	open_reader(&r, s, 9, 40, NULL, 0);
	/* Far away: the match a third down the screen. */
	assert_int_equal(reader_search(&r, "dong 60", 0, &wrapped), DESK_OK);
	on_line(&r, 60, 57);
	/* On screen: no scroll. */
	assert_int_equal(reader_search(&r, "dong 62", 0, &wrapped), DESK_OK);
	on_line(&r, 62, 57);
	assert_int_equal(reader_search(&r, "dong 101", 0, &wrapped), DESK_NOTFOUND);
	assert_int_equal(reader_search(&r, "dong 100", 1, &wrapped), DESK_OK);
	on_line(&r, 100, 92);
	assert_int_equal(wrapped, 1);
	reader_free(&r);
	free(s);
}

/* --- boilerplate -------------------------------------------------------- */

/* Theo dõi ... trên (0-31), the article, a caption (75-94), then a related-links tail (114-136). */
static const char *const page = "Theo dõi VnExpress trên Zalo.\n"
                                "\n"
                                "Mưa lớn ở Đà Nẵng gây ngập nhiều tuyến phố.\n"
                                "(Ảnh: Nguyễn Đông)\n"
                                "Nước rút chiều nay.\n"
                                "Xem nhiều: Đà Nẵng mưa";

static void
test_boilerplate_hidden(void **state)
{
	const desk_mark marks[] = {
	    {0, 31, DESK_MARK_BOILERPLATE},
	    {75, 94, DESK_MARK_BOILERPLATE},
	    {114, 136, DESK_MARK_BOILERPLATE},
	};
	struct reader r;
	int wrapped;

	(void)state;
	open_reader(&r, page, 10, 80, marks, 3);
	assert_int_equal(reader_lines(&r), 6);
	/* Hiding moves the cursor off the boilerplate to the next shown text. */
	reader_set_cursor(&r, 5);
	assert_int_equal(reader_set_hide(&r, 1), DESK_OK);
	at(&r, 31, "Mưa lớn");
	assert_int_equal(reader_lines(&r), 2);
	expect_status(&r, "[z] 1/2  50%");
	/* Motions pass over it. */
	reader_left(&r, 1);
	at(&r, 31, "Mưa");
	reader_word_prev(&r, 1);
	at(&r, 31, "Mưa");
	reader_line_end(&r, 1);
	at(&r, 73, ".\n");
	reader_right(&r, 1);
	at(&r, 74, "\n(");
	reader_right(&r, 1);
	at(&r, 94, "Nước");
	reader_left(&r, 2);
	at(&r, 73, ".");
	reader_word_next(&r, 1);
	at(&r, 94, "Nước");
	reader_up(&r, 1);
	at(&r, 31, "Mưa");
	reader_line_end(&r, 1);
	reader_down(&r, 5);
	at(&r, 112, ".\nXem");
	reader_right(&r, 3);
	at(&r, 113, "\nXem");
	reader_word_next(&r, 1);
	at(&r, 113, "\n");
	reader_bottom(&r, 1);
	at(&r, 94, "Nước");
	reader_top(&r, 1);
	at(&r, 31, "Mưa");
	/* Search finds shown text only: the related link's Đà Nẵng is passed over. */
	assert_int_equal(reader_search(&r, "da nang", 0, &wrapped), DESK_OK);
	at(&r, 41, "Đà Nẵng gây");
	assert_int_equal(wrapped, 0);
	assert_int_equal(reader_search(&r, "da nang", 0, &wrapped), DESK_OK);
	at(&r, 41, "Đà Nẵng gây");
	assert_int_equal(wrapped, 1);
	assert_int_equal(reader_search(&r, "zalo", 1, &wrapped), DESK_NOTFOUND);
	assert_int_equal(reader_search(&r, "nguyen dong", 0, &wrapped), DESK_NOTFOUND);
	assert_int_equal(reader_search(&r, "nuoc", 1, &wrapped), DESK_OK);
	at(&r, 94, "Nước");
	assert_int_equal(wrapped, 1);
	/* Shown, it is found. */
	assert_int_equal(reader_set_hide(&r, 0), DESK_OK);
	at(&r, 94, "Nước");
	reader_set_cursor(&r, 133);
	at(&r, 133, "mưa");
	assert_int_equal(reader_search(&r, "da nang", 1, &wrapped), DESK_OK);
	at(&r, 125, "Đà Nẵng mưa");
	assert_int_equal(wrapped, 0);
	/* A cursor in boilerplate at the end, when hidden, goes to the last shown text. */
	reader_set_cursor(&r, 133);
	assert_int_equal(reader_set_hide(&r, 1), DESK_OK);
	at(&r, 113, "\n");
	/* Showing it again keeps the cursor where it was. */
	reader_set_cursor(&r, 96);
	assert_int_equal(reader_set_hide(&r, 0), DESK_OK);
	at(&r, 96, "ớc");
	expect_status(&r, "5/6  83%");
	reader_free(&r);
}

/* Boilerplate inside a line: j and k land on shown text only. */
static void
test_boilerplate_inside_a_line(void **state)
{
	const char *s = "0123456789\nab(Ảnh: X)cd\nabcdefghij";
	const desk_mark marks[] = {{13, 21, DESK_MARK_BOILERPLATE}};
	struct reader r;

	(void)state;
	open_reader(&r, s, 10, 40, marks, 1);
	assert_int_equal(reader_set_hide(&r, 1), DESK_OK);
	reader_right(&r, 3);
	reader_down(&r, 1);
	at(&r, 22, "d\n");
	pos(&r, 2, 3);
	reader_left(&r, 1);
	at(&r, 21, "cd");
	reader_left(&r, 1);
	at(&r, 12, "b(");
	reader_right(&r, 1);
	at(&r, 21, "cd");
	pos(&r, 2, 2);
	reader_down(&r, 1);
	at(&r, 26, "cdef");
	reader_right(&r, 5);
	reader_up(&r, 1);
	at(&r, 23, "\n");
	pos(&r, 2, 4);
	reader_up(&r, 1);
	at(&r, 7, "7");
	reader_free(&r);
}

/*
 * A terminal that cannot dim (vt100) gets boilerplate between [~ ~], outside
 * a span's brackets at the same place, and none while it is hidden; the
 * screen line reads as the editor sees it.
 */
static void
test_boilerplate_markers(void **state)
{
	const char *s = "0123456789\nab(Ảnh: X)cd\nabcdefghij";
	const desk_mark marks[] = {{13, 21, DESK_MARK_BOILERPLATE}, {0, 2, DESK_MARK_BYLINE}};
	/* A span's brackets ("[P" at 13, "]" at 21), as tagging_inserts gives them. */
	const struct layout_insert spans[] = {{13, 2, "[P"}, {21, 1, "]"}, {30, 2, "[O"}};
	struct layout_insert *out = NULL;
	struct reader r;
	size_t n;
	char *line;

	(void)state;
	open_reader(&r, s, 10, 40, marks, 2);
	assert_int_equal(reader_boilerplate_inserts(&r, spans, 3, &out, &n), DESK_OK);
	assert_int_equal(n, 3);
	assert_int_equal(out[0].cp, 13);
	assert_string_equal(out[0].text, READER_BP_OPEN "[P");
	assert_int_equal(out[0].width, 4);
	assert_string_equal(out[1].text, "]" READER_BP_CLOSE);
	assert_int_equal(out[1].width, 3);
	assert_string_equal(out[2].text, "[O");
	assert_int_equal(reader_set_inserts(&r, out, n), DESK_OK);
	free(out);
	assert_non_null(line = layout_render_line(r.lay, 1));
	assert_string_equal(line, "ab[~[P(Ảnh: X)]~]cd");
	free(line);
	/* Without spans: the markers alone, in order. */
	assert_int_equal(reader_boilerplate_inserts(&r, NULL, 0, &out, &n), DESK_OK);
	assert_int_equal(n, 2);
	assert_int_equal(out[0].cp, 13);
	assert_string_equal(out[0].text, READER_BP_OPEN);
	assert_int_equal(out[1].cp, 21);
	assert_string_equal(out[1].text, READER_BP_CLOSE);
	free(out);
	/* Hidden: nothing to mark. */
	assert_int_equal(reader_set_hide(&r, 1), DESK_OK);
	assert_int_equal(reader_boilerplate_inserts(&r, NULL, 0, &out, &n), DESK_OK);
	assert_int_equal(n, 0);
	free(out);
	reader_free(&r);
}

/* Resizing keeps the cursor, and its line where it was on the screen. */
static void
test_resize_keeps_place(void **state)
{
	char *s = numbered(100);
	struct reader r;

	(void)state;
	open_reader(&r, s, 10, 40, NULL, 0);
	reader_goto(&r, 50);
	reader_down(&r, 3);
	on_line(&r, 53, 50);
	assert_int_equal(reader_resize(&r, 20, 60), DESK_OK);
	on_line(&r, 53, 50);
	assert_int_equal(reader_resize(&r, 2, 60), DESK_OK);
	on_line(&r, 53, 52);
	assert_int_equal(reader_resize(&r, 10, 4), DESK_OK); /* "dòng" and "53" on two lines */
	assert_int_equal(reader_lines(&r), 200);
	assert_int_equal(reader_row(&r), 104);
	assert_true(r.top <= 104 && 104 < r.top + 10);
	reader_free(&r);
	free(s);
}

/* --- the header ---------------------------------------------------------- */

/* Window rows from..to-1 as drawn, joined with '|': "~" past the end. */
static char *
screen_rows(const struct reader *r, int from, int to)
{
	size_t cap = 256, len = 0;
	char *out = malloc(cap);

	assert_non_null(out);
	out[0] = '\0';
	for (int y = from; y < to; y++) {
		size_t line;
		const struct layout *l = reader_screen_line(r, y, &line);
		char *s = l ? layout_render_line(l, line) : strdup("~");
		size_t n = strlen(s);

		while (len + n + 2 > cap)
			out = realloc(out, cap *= 2);
		if (y > from)
			out[len++] = '|';
		memcpy(out + len, s, n + 1);
		len += n;
		free(s);
	}
	return out;
}

#define expect_screen(r, from, to, want)                                                           \
	do {                                                                                       \
		char *got_ = screen_rows(r, from, to);                                             \
		assert_string_equal(got_, want);                                                   \
		free(got_);                                                                        \
	} while (0)

static const char *const title =
    "Đà Nẵng khởi công tuyến đường sắt tốc độ cao đoạn Đà Nẵng - Nha Trang";

static void
test_header(void **state)
{
	const char *body = "Sáng 2-11, tại Đà Nẵng.\nDòng hai.";
	struct reader r;

	(void)state;
	open_reader(&r, body, 10, 40, NULL, 0);
	assert_int_equal(reader_head_lines(&r), 0);
	assert_int_equal(reader_set_header(&r, title, "2025-11-02", "vi", "/path/file.txt"),
	                 DESK_OK);
	/* The title wrapped at the width, then date · language · source, a blank line, the body. */
	assert_int_equal(reader_head_lines(&r), 4);
	expect_screen(&r, 0, 8,
	              "Đà Nẵng khởi công tuyến đường sắt tốc độ|"
	              "cao đoạn Đà Nẵng - Nha Trang|"
	              "2025-11-02 · vi · /path/file.txt|"
	              "|"
	              "Sáng 2-11, tại Đà Nẵng.|"
	              "Dòng hai.|"
	              "~|~");
	/* The title is the header's code points before head_title. */
	assert_int_equal(r.head_title, desk_text_cp(r.head, strlen(title)));
	assert_int_equal(desk_text_char(r.head, r.head_title), '\n');
	/* The cursor on the body's first code point, below the header; lines are the body's. */
	assert_int_equal(r.cur, 0);
	assert_int_equal(reader_row(&r), 0);
	assert_int_equal(reader_cursor_y(&r), 4);
	expect_status(&r, "1/2  50%");
	/* k, left and word back at the top stay in the body. */
	reader_up(&r, 3);
	reader_left(&r, 2);
	reader_word_prev(&r, 1);
	assert_int_equal(r.cur, 0);
	assert_int_equal(r.top, 0);
	/* Wider: the header is laid out again. */
	assert_int_equal(reader_resize(&r, 10, 80), DESK_OK);
	expect_screen(&r, 0, 3,
	              "Đà Nẵng khởi công tuyến đường sắt tốc độ cao đoạn Đà Nẵng - Nha Trang|"
	              "2025-11-02 · vi · /path/file.txt|");
	assert_int_equal(reader_cursor_y(&r), 3);

	/* No title: the date, language and source line alone; no date: language and source. */
	assert_int_equal(reader_set_header(&r, "", "", "en", "feed.jsonl"), DESK_OK);
	expect_screen(&r, 0, 3, "en · feed.jsonl||Sáng 2-11, tại Đà Nẵng.");
	assert_int_equal(r.head_title, 0);
	assert_int_equal(reader_set_header(&r, "Tin", "", "", ""), DESK_OK);
	expect_screen(&r, 0, 3, "Tin||Sáng 2-11, tại Đà Nẵng.");
	assert_int_equal(reader_set_header(&r, "", "", "", ""), DESK_OK);
	assert_int_equal(reader_head_lines(&r), 0);
	expect_screen(&r, 0, 2, "Sáng 2-11, tại Đà Nẵng.|Dòng hai.");

	/* Control characters in the title and the source are shown escaped. */
	assert_int_equal(
	    reader_set_header(&r, "Tin \033[31mđỏ\a", "2025-11-02", "vi", "/tmp/a\001b\033"),
	    DESK_OK);
	expect_screen(&r, 0, 3, "Tin ^[[31mđỏ^G|2025-11-02 · vi · /tmp/a^Ab^[|");
	reader_free(&r);
}

/* g, page up and k at the top bring the header back; the screen is as drawn. */
static void
test_header_scrolls(void **state)
{
	char *s = numbered(100);
	struct reader r;

	(void)state;
	open_reader(&r, s, 10, 40, NULL, 0);
	assert_int_equal(reader_set_header(&r, "Tiêu đề", "2025-11-02", "vi", "a.txt"), DESK_OK);
	expect_screen(&r, 0, 4, "Tiêu đề|2025-11-02 · vi · a.txt||dòng 1");
	expect_status(&r, "1/100   1%");
	/* j scrolls the header away only when the cursor reaches the bottom. */
	reader_down(&r, 6);
	assert_int_equal(r.top, 0);
	assert_int_equal(reader_cursor_y(&r), 9);
	reader_down(&r, 1);
	assert_int_equal(r.top, 1);
	expect_screen(&r, 0, 1, "2025-11-02 · vi · a.txt");
	/* A page is the screen less one line; page up at the top shows the header. */
	reader_top(&r, 1);
	reader_page_down(&r, 1);
	assert_int_equal(r.top, 9);
	expect_screen(&r, 0, 1, "dòng 7");
	expect_status(&r, "10/100  10%");
	reader_page_up(&r, 1);
	assert_int_equal(r.top, 0);
	expect_screen(&r, 0, 4, "Tiêu đề|2025-11-02 · vi · a.txt||dòng 1");
	expect_status(&r, "1/100   1%");
	/* Two pages down and two up: back at the top with the header. */
	reader_page_down(&r, 2);
	reader_page_up(&r, 2);
	assert_int_equal(r.top, 0);
	expect_status(&r, "1/100   1%");
	/* g from far down. */
	reader_bottom(&r, 1);
	expect_screen(&r, 9, 10, "dòng 100");
	expect_status(&r, "100/100 100%");
	reader_top(&r, 1);
	expect_screen(&r, 0, 4, "Tiêu đề|2025-11-02 · vi · a.txt||dòng 1");
	assert_int_equal(r.cur, 0);
	/* k: line 1 at the top of the screen, k again stays but brings the header. */
	reader_goto(&r, 50);
	expect_screen(&r, 0, 1, "dòng 50");
	reader_up(&r, 48);
	expect_screen(&r, 0, 1, "dòng 2");
	reader_up(&r, 1);
	expect_screen(&r, 0, 4, "Tiêu đề|2025-11-02 · vi · a.txt||dòng 1");
	assert_int_equal(reader_cursor_y(&r), 3);
	/* Goto 1, and opening at position 0, show it too; goto counts the body's lines. */
	reader_goto(&r, 60);
	reader_goto(&r, 1);
	assert_int_equal(r.top, 0);
	reader_goto(&r, 60);
	reader_set_cursor(&r, 0);
	reader_cursor_to_top(&r);
	assert_int_equal(r.top, 0);
	reader_goto(&r, 42);
	expect_screen(&r, 0, 1, "dòng 42");
	expect_status(&r, "42/100  42%");
	/* A search landing on the first line shows the header. */
	{
		int wrapped;

		assert_int_equal(reader_search(&r, "dòng 1", 0, &wrapped), DESK_OK);
		expect_status(&r, "100/100 100%");
		assert_int_equal(reader_search(&r, "dòng 1", 0, &wrapped), DESK_OK);
		assert_true(wrapped);
		assert_int_equal(r.top, 0);
		assert_int_equal(r.cur, 0);
	}
	/* A window lower than the header: the cursor's line stays on it. */
	assert_int_equal(reader_resize(&r, 2, 40), DESK_OK);
	assert_int_equal(reader_cursor_y(&r), 1);
	expect_screen(&r, 0, 2, "|dòng 1");
	reader_down(&r, 1);
	reader_up(&r, 1);
	assert_int_equal(reader_cursor_y(&r), 1);
	reader_page_up(&r, 1);
	assert_int_equal(reader_cursor_y(&r), 1);
	reader_free(&r);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_left_right_by_grapheme),
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_down_up_keep_column),
	    cmocka_unit_test(test_down_up_over_wide_chars),
	    cmocka_unit_test(test_line_start_end),
	    cmocka_unit_test(test_pages_top_bottom_goto),
	    cmocka_unit_test(test_status),
	    cmocka_unit_test(test_search),
	    cmocka_unit_test(test_search_scrolls),
	    cmocka_unit_test(test_boilerplate_hidden),
	    cmocka_unit_test(test_boilerplate_inside_a_line),
	    cmocka_unit_test(test_boilerplate_markers),
	    cmocka_unit_test(test_resize_keeps_place),
	    cmocka_unit_test(test_header),
	    cmocka_unit_test(test_header_scrolls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
