/* test_escape.c - desk_escape and desk_json_escape: nothing hidden is shown raw. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

static void
check(const char *in, size_t len, int flags, const char *want)
{
	char *out = NULL;
	size_t n = 0;

	assert_int_equal(desk_escape(&out, &n, in, len, flags), DESK_OK);
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
	free(out);
}

static void
test_escape_terminal(void **state)
{
	(void)state;
	check("plain ascii\tand\n", 16, 0, "plain ascii\tand\n");
	check("", 0, 0, "");
	check("Nguy\xe1\xbb\x85n", 8, 0, "Nguy\xe1\xbb\x85n");
	/* OSC 52 (the clipboard), CSI, C1 CSI, DEL, bidi override and isolate. */
	check("a\033]52;c;cHduZWQ=\007b", 18, 0, "a^[]52;c;cHduZWQ=^Gb");
	check("\302\2332J", 4, 0, "<U+009B>2J");
	check("x\177y", 3, 0, "x^?y");
	check("\342\200\256evil", 7, 0, "<U+202E>evil");
	check("\342\201\246i\342\201\251", 7, 0, "<U+2066>i<U+2069>");
	/* Bytes that are not UTF-8 (a file name): in hex, never raw. */
	check("f\233x\377", 4, 0, "f\\x9Bx\\xFF");
	/* A NUL inside the length. */
	check("a\0b", 3, 0, "a^@b");
	/* A field on one line. */
	check("one\ttwo\nthree", 13, DESK_ESCAPE_LINES, "one^Itwo^Jthree");
	check("plain", 5, DESK_ESCAPE_LINES, "plain");
}

static void
check_json(const char *in, const char *want)
{
	char *out = NULL;
	size_t n = 0;

	assert_int_equal(desk_json_escape(&out, &n, in, strlen(in)), DESK_OK);
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
	free(out);
}

static void
test_escape_json(void **state)
{
	(void)state;
	check_json("{\"a\": \"x\"}", "{\"a\": \"x\"}");
	check_json("{\n  \"a\": \"\\u001b]0\"\n}", "{\n  \"a\": \"\\u001b]0\"\n}");
	check_json("[\"\302\233\"]", "[\"\\u009b\"]");
	check_json("[\"\342\200\256x\342\201\251\"]", "[\"\\u202ex\\u2069\"]");
	check_json("[\"\177\"]", "[\"\\u007f\"]");
	check_json("[\"\xe1\xbb\x85 \xf0\x9f\x98\x80\"]", "[\"\xe1\xbb\x85 \xf0\x9f\x98\x80\"]");
	/* Above the BMP: a surrogate pair (U+F0000, private use). */
	check_json("[\"\xf3\xb0\x80\x80\"]", "[\"\\udb80\\udc00\"]");
	/* A byte that is not UTF-8 (another program's store): \ufffd, never raw. */
	check_json("[\"a\377\233b\"]", "[\"a\\ufffd\\ufffdb\"]");
}

/* A file name's bytes made UTF-8 before they are stored (an import's source). */
static void
test_utf8_repair(void **state)
{
	char *out = NULL;

	(void)state;
	assert_int_equal(desk_utf8_repair(&out, "a\233b\xc3\xa0", 5), DESK_OK);
	assert_string_equal(out, "a\xef\xbf\xbd"
	                         "b\xc3\xa0");
	free(out);
	assert_int_equal(desk_utf8_repair(&out, "x\0y\xe2\x80", 5), DESK_OK);
	assert_string_equal(out, "x\xef\xbf\xbdy\xef\xbf\xbd\xef\xbf\xbd");
	assert_int_equal(desk_utf8_check(out, strlen(out), NULL), DESK_OK);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escape_terminal),
	    cmocka_unit_test(test_escape_json),
	    cmocka_unit_test(test_utf8_repair),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
