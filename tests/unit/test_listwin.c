/*
 * test_listwin.c - the window of rows a long list holds (tui/model/listwin.c):
 * every screen asked for is held after one read, the window never outgrows
 * its size, moving a line reads on from the window's end instead of from
 * scratch, and jumps read a new window at the top, the bottom or an index.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "listwin.h"

/* Carry out plan p on a list of total rows as a store would: how many rows came. */
static size_t
win_read(const struct listwin *w, const struct listwin_plan *p)
{
	size_t have;

	switch (p->read) {
	case LISTWIN_NONE:
		return 0;
	case LISTWIN_AFTER:
		have = w->total - (w->base + w->len);
		return p->count < have ? p->count : have;
	case LISTWIN_BEFORE:
		return p->count < w->base ? p->count : w->base;
	case LISTWIN_TOP:
	case LISTWIN_BOTTOM:
		return p->count < w->total ? p->count : w->total;
	case LISTWIN_AT:
		have = w->total - p->start;
		return p->count < have ? p->count : have;
	}
	return 0;
}

/* Ask for [lo, hi): the plan's kind, then the window holds them within its size. */
static enum listwin_read
win_hold(struct listwin *w, size_t lo, size_t hi)
{
	struct listwin_plan p = listwin_plan(w, lo, hi);
	size_t got = win_read(w, &p);

	listwin_got(w, &p, got);
	if (hi > w->total)
		hi = w->total;
	if (lo < hi) {
		assert_true(w->base <= lo);
		assert_true(hi <= w->base + w->len);
	}
	assert_true(w->len <= w->cap);
	assert_true(w->base + w->len <= w->total);
	return p.read;
}

static void
test_listwin_start_and_lines(void **state)
{
	struct listwin w = {0, 0, 100000, 256};

	(void)state;
	assert_int_equal(win_hold(&w, 0, 22), LISTWIN_TOP);
	assert_int_equal(w.len, 256);
	assert_int_equal(win_hold(&w, 10, 32), LISTWIN_NONE);
	/* One line at a time down past the window: reads on from its end, never from scratch. */
	for (size_t top = 1; top < 2000; top++) {
		enum listwin_read r = win_hold(&w, top, top + 22);

		assert_true(r == LISTWIN_NONE || r == LISTWIN_AFTER);
	}
	/* And back up. */
	for (size_t top = 2000; top-- > 0;) {
		enum listwin_read r = win_hold(&w, top, top + 22);

		assert_true(r == LISTWIN_NONE || r == LISTWIN_BEFORE);
	}
	assert_int_equal(w.base, 0);
}

static void
test_listwin_jumps(void **state)
{
	struct listwin w = {0, 0, 100000, 256};

	(void)state;
	win_hold(&w, 0, 22);
	assert_int_equal(win_hold(&w, 100000 - 22, 100000), LISTWIN_BOTTOM);
	assert_int_equal(w.base + w.len, 100000);
	assert_int_equal(win_hold(&w, 0, 22), LISTWIN_TOP);
	assert_int_equal(win_hold(&w, 50000, 50022), LISTWIN_AT);
	assert_true(w.base < 50000 && w.base + w.len > 50022);
	/* A page down (22 rows) from the window's middle stays within or reads on. */
	assert_true(win_hold(&w, 50022, 50044) != LISTWIN_AT);
}

static void
test_listwin_small_and_empty(void **state)
{
	struct listwin w = {0, 0, 5, 256};
	struct listwin e = {0, 0, 0, 256};

	(void)state;
	assert_int_equal(win_hold(&w, 0, 22), LISTWIN_TOP);
	assert_int_equal(w.len, 5);
	assert_int_equal(win_hold(&w, 3, 25), LISTWIN_NONE);
	assert_int_equal(win_hold(&e, 0, 22), LISTWIN_NONE);
	assert_int_equal(e.len, 0);
}

/* Articles imported at the end: the window reads on into them. */
static void
test_listwin_grows(void **state)
{
	struct listwin w = {0, 0, 30, 256};

	(void)state;
	win_hold(&w, 8, 30);
	assert_int_equal(w.len, 30);
	w.total = 40;
	assert_int_equal(win_hold(&w, 18, 40), LISTWIN_AFTER);
	assert_int_equal(w.len, 40);
}

/* Random screens and jumps: whatever the order, each is held after its one read. */
static void
test_listwin_random(void **state)
{
	struct listwin w = {0, 0, 5000, 64};

	(void)state;
	srand(11);
	for (int k = 0; k < 20000; k++) {
		size_t lo = (size_t)rand() % 5000;

		if (k % 3)
			lo = w.base + (size_t)rand() % (w.len + 40) > 40
			         ? w.base + (size_t)rand() % (w.len + 40) - 20
			         : 0;
		if (lo >= 5000)
			lo = 4999;
		win_hold(&w, lo, lo + 1 + (size_t)rand() % 30);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_listwin_start_and_lines), cmocka_unit_test(test_listwin_jumps),
	    cmocka_unit_test(test_listwin_small_and_empty), cmocka_unit_test(test_listwin_grows),
	    cmocka_unit_test(test_listwin_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
