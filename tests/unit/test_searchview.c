/*
 * test_searchview.c - the interface's corpus search logic (searchview.c):
 * the `/` line's exact prefix, the snippet's marked pieces, the limit asked
 * for as the cursor nears the end (bounded), the query narrowed as typed,
 * matches in turn with wrapping, and the look-up of a code point in ranges.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "searchview.h"

static void
test_query(void **state)
{
	int exact = 9;

	(void)state;
	assert_string_equal(searchview_query("luong cuong", &exact), "luong cuong");
	assert_int_equal(exact, 0);
	assert_string_equal(searchview_query("= Đảng", &exact), "Đảng");
	assert_int_equal(exact, 1);
	assert_string_equal(searchview_query("=Đảng", &exact), "Đảng");
	assert_int_equal(exact, 1);
	/* "=" elsewhere is text */
	assert_string_equal(searchview_query("a=b", &exact), "a=b");
	assert_int_equal(exact, 0);
	assert_string_equal(searchview_query(NULL, &exact), "");
}

/* The pieces as "text|[marked]|text". */
static const char *
pieces(const char *snippet, size_t max)
{
	static char out[256];
	struct searchview_piece p[8];
	size_t n = searchview_pieces(snippet, p, max < 8 ? max : 8);

	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s%.*s%s", i ? "|" : "",
		         p[i].marked ? "[" : "", (int)p[i].n, p[i].s, p[i].marked ? "]" : "");
	return out;
}

static void
test_pieces(void **state)
{
	(void)state;
	assert_string_equal(pieces("Ông \x0eLương\x0f \x0e"
	                           "Cường\x0f nói",
	                           8),
	                    "Ông |[Lương]| |[Cường]| nói");
	assert_string_equal(pieces("\x0e"
	                           "a\x0f",
	                           8),
	                    "[a]");
	assert_string_equal(pieces("plain [text]", 8), "plain [text]");
	/* a mark left open runs to the end; an empty match is no piece */
	assert_string_equal(pieces("a \x0e"
	                           "b c",
	                           8),
	                    "a |[b c]");
	assert_string_equal(pieces("a \x0e\x0f"
	                           "b",
	                           8),
	                    "a |b");
	assert_string_equal(pieces("", 8), "");
	assert_string_equal(pieces(NULL, 8), "");
	/* at most max */
	assert_string_equal(pieces("a\x0e"
	                           "b\x0f"
	                           "c",
	                           2),
	                    "a|[b]");
}

static void
test_limit(void **state)
{
	size_t asked = SEARCHVIEW_STEP, sel = 0, held = asked, reads = 0;

	(void)state;
	/* fewer came than asked: that is all */
	assert_int_equal(searchview_limit(0, 10, 7, 100), 0);
	assert_int_equal(searchview_limit(6, 10, 7, 100), 0);
	/* far from the end: nothing */
	assert_int_equal(searchview_limit(10, 10, 100, 100), 0);
	/* within a screen of the end: a step more */
	assert_int_equal(searchview_limit(90, 10, 100, 100), 200);
	/* never above the bound */
	assert_int_equal(searchview_limit(990, 10, 1000, 1000), 0);
	assert_int_equal(searchview_limit(950, 10, 950, 950), SEARCHVIEW_MAX);
	/* walking down a corpus of endless results: bounded reads, bounded memory */
	for (sel = 0; sel < 5000; sel++) {
		size_t want = searchview_limit(sel < held ? sel : held - 1, 10, held, asked);

		if (want) {
			assert_true(want > asked);
			asked = held = want;
			reads++;
		}
		assert_true(held <= SEARCHVIEW_MAX);
	}
	assert_int_equal(held, SEARCHVIEW_MAX);
	assert_int_equal(reads, SEARCHVIEW_MAX / SEARCHVIEW_STEP - 1);
}

static void
test_count(void **state)
{
	char buf[64];

	(void)state;
	searchview_count(buf, sizeof buf, 0, 0);
	assert_string_equal(buf, "No result");
	searchview_count(buf, sizeof buf, 1, 0);
	assert_string_equal(buf, "1 result");
	searchview_count(buf, sizeof buf, 100, 1);
	assert_string_equal(buf, "100+ results");
	searchview_count(buf, sizeof buf, 7, 0);
	assert_string_equal(buf, "7 results");
}

static void
test_typing(void **state)
{
	char out[64], small[8];

	(void)state;
	assert_string_equal(searchview_typing(out, sizeof out, "luong cu"), "luong cu*");
	assert_string_equal(searchview_typing(out, sizeof out, "lương cư"), "lương cư*");
	/* a word ended, too short, a quote open, an operator: as typed */
	assert_string_equal(searchview_typing(out, sizeof out, "luong "), "luong ");
	assert_string_equal(searchview_typing(out, sizeof out, "luong c"), "luong c");
	assert_string_equal(searchview_typing(out, sizeof out, "\"kinh te"), "\"kinh te");
	assert_string_equal(searchview_typing(out, sizeof out, "\"kinh te\""), "\"kinh te\"");
	assert_string_equal(searchview_typing(out, sizeof out, "a OR"), "a OR");
	assert_string_equal(searchview_typing(out, sizeof out, "kinh t*"), "kinh t*");
	assert_string_equal(searchview_typing(out, sizeof out, "=Đảng"), "=Đảng*");
	/* no room: as typed */
	assert_string_equal(searchview_typing(small, sizeof small, "abcdefg"), "abcdefg");
	assert_string_equal(searchview_typing(small, sizeof small, "abcdef"), "abcdef*");
}

static void
test_step(void **state)
{
	int w = 9;

	(void)state;
	assert_int_equal(searchview_step(3, 3, 0, &w), 0); /* none yet: the first */
	assert_int_equal(w, 0);
	assert_int_equal(searchview_step(3, 3, 1, &w), 2); /* none yet, backward: the last */
	assert_int_equal(searchview_step(0, 3, 0, &w), 1);
	assert_int_equal(w, 0);
	assert_int_equal(searchview_step(2, 3, 0, &w), 0);
	assert_int_equal(w, 1);
	assert_int_equal(searchview_step(0, 3, 1, &w), 2);
	assert_int_equal(w, 1);
	assert_int_equal(searchview_step(1, 3, 1, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(searchview_step(0, 0, 0, &w), 0);
}

static void
test_in(void **state)
{
	desk_search_range r[] = {{2, 4}, {10, 11}, {20, 25}};

	(void)state;
	assert_false(searchview_in(r, 3, 0));
	assert_true(searchview_in(r, 3, 2));
	assert_true(searchview_in(r, 3, 3));
	assert_false(searchview_in(r, 3, 4));
	assert_true(searchview_in(r, 3, 10));
	assert_false(searchview_in(r, 3, 11));
	assert_true(searchview_in(r, 3, 24));
	assert_false(searchview_in(r, 3, 25));
	assert_false(searchview_in(r, 0, 2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_query), cmocka_unit_test(test_pieces),
	    cmocka_unit_test(test_limit), cmocka_unit_test(test_count),
	    cmocka_unit_test(test_step),  cmocka_unit_test(test_typing),
	    cmocka_unit_test(test_in),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
