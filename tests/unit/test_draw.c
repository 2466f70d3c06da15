/*
 * test_draw.c - what ui_draw.c puts in curses' cells (tui/ui/ui_draw.c), read
 * back from a window on a terminal that goes to /dev/null: every grapheme
 * whole, an emoji's skin tone and a ZWJ sequence's parts in the emoji's cell,
 * a flag's two halves each in a cell of its own.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "layout.h"
#include "ui_state.h"

static SCREEN *screen;
static FILE *out, *in;

static int
setup(void **state)
{
	(void)state;
	setenv("TERM", "xterm-256color", 1);
	setlocale(LC_ALL, "C.UTF-8");
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL || (screen = newterm(NULL, out, in)) == NULL)
		return -1;
	set_term(screen);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	endwin();
	delscreen(screen);
	fclose(out);
	fclose(in);
	return 0;
}

/* The characters of the cell at (0, x) of w. */
static int
cell_chars(WINDOW *w, int x, wchar_t *wc)
{
	cchar_t cc;
	attr_t a;
	short p;

	assert_int_equal(mvwin_wch(w, 0, x, &cc), OK);
	assert_int_equal(getcchar(&cc, wc, &a, &p, NULL), OK);
	return (int)wcslen(wc);
}

/* Lay s out, draw its cells at their columns, and return the window. */
static WINDOW *
draw(const char *s, struct ui *ui)
{
	WINDOW *w = newwin(1, 40, 0, 0);
	struct layout_cell cells[40];
	struct layout *l = NULL;
	desk_text *t = NULL;
	size_t n;

	assert_non_null(w);
	assert_int_equal(desk_text_new(&t, s, strlen(s)), DESK_OK);
	assert_int_equal(layout_new(&l, t, 40, NULL, 0, LAYOUT_WORDS), DESK_OK);
	n = layout_cells(l, 0, cells, 40);
	for (size_t i = 0; i < n; i++)
		ui_draw_cell_ap(ui, w, 0, cells[i].col, &cells[i], A_NORMAL, 0);
	layout_free(l);
	desk_text_free(t);
	return w;
}

static void
test_whole(void **state)
{
	struct ui ui;
	wchar_t wc[CCHARW_MAX + 1];
	WINDOW *w;

	(void)state;
	memset(&ui, 0, sizeof ui);
	/* Thumbs up with a medium skin tone: one cell, both code points. */
	w = draw("A \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd B", &ui);
	assert_int_equal(cell_chars(w, 2, wc), 2);
	assert_int_equal(wc[0], 0x1F44D);
	assert_int_equal(wc[1], 0x1F3FD);
	assert_int_equal(cell_chars(w, 5, wc), 1);
	assert_int_equal(wc[0], 'B');
	delwin(w);
	/* A ZWJ family: all five code points in one cell. */
	w = draw("A \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 B",
	         &ui);
	assert_int_equal(cell_chars(w, 2, wc), 5);
	assert_int_equal(wc[2], 0x1F469);
	assert_int_equal(wc[4], 0x1F467);
	assert_int_equal(cell_chars(w, 5, wc), 1);
	assert_int_equal(wc[0], 'B');
	delwin(w);
	/* The flag of Viet Nam: its halves in two cells, one column each to curses. */
	w = draw("A \xf0\x9f\x87\xbb\xf0\x9f\x87\xb3 B", &ui);
	assert_int_equal(cell_chars(w, 2, wc), 1);
	assert_int_equal(wc[0], 0x1F1FB);
	assert_int_equal(cell_chars(w, 3, wc), 1);
	assert_int_equal(wc[0], 0x1F1F3);
	assert_int_equal(cell_chars(w, 5, wc), 1);
	assert_int_equal(wc[0], 'B');
	delwin(w);
	/* A terminal that draws skin tones apart: the tone in the next two columns. */
	layout_tone_cells(1);
	w = draw("A \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd B", &ui);
	assert_int_equal(cell_chars(w, 2, wc), 1);
	assert_int_equal(wc[0], 0x1F44D);
	assert_int_equal(cell_chars(w, 4, wc), 1);
	assert_int_equal(wc[0], 0x1F3FD);
	assert_int_equal(cell_chars(w, 7, wc), 1);
	assert_int_equal(wc[0], 'B');
	delwin(w);
	layout_tone_cells(0);
	/* Vietnamese with its marks, as before. */
	w = draw("Vie\xcc\xa3\xcc\x82t", &ui);
	assert_int_equal(cell_chars(w, 2, wc), 3);
	delwin(w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_whole),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
