/* test_exportargs.c - the options of export and the FILTERS, as the CLI and `:export` parse them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "exportargs.h"

/* Parse argv whole; the first failure's result. */
static int
parse(exportargs *a, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		int r = exportargs_take(a, EXPORTARGS_FILTERS | EXPORTARGS_EXPORT, argc, argv, &i);

		if (r <= 0)
			return r;
	}
	return 1;
}

static void
test_options(void **state)
{
	char *argv[] = {"--format",   "conll",     "--scheme=bioes",
	                "--status",   "done",      "--label",
	                "PER",        "--since",   "2025-11-02",
	                "--articles", "3,7-9",     "--with-boilerplate",
	                "--output",   "out.conll", "--claim-status=verified"};
	exportargs a = {0};

	(void)state;
	assert_int_equal(parse(&a, 15, argv), 1);
	assert_int_equal(a.o.format, DESK_FORMAT_CONLL);
	assert_int_equal(a.o.scheme, DESK_SCHEME_BIOES);
	assert_string_equal(a.o.filter.status, "done");
	assert_string_equal(a.o.filter.label, "PER");
	assert_string_equal(a.o.filter.since, "2025-11-02");
	assert_string_equal(a.o.filter.claim_status, "verified");
	assert_int_equal(a.o.filter.narticles, 4);
	assert_int_equal(a.o.filter.articles[0], 3);
	assert_int_equal(a.o.filter.articles[3], 9);
	assert_int_equal(a.o.with_boilerplate, 1);
	assert_string_equal(a.output, "out.conll");
	exportargs_free(&a);
}

static void
test_refusals(void **state)
{
	static const struct {
		const char *opt, *val, *why;
	} bad[] = {
	    {"--status", "finished", "not new, progress or done"},
	    {"--since", "2025-02-30", "not a date"},
	    {"--articles", "3,x", "not an id"},
	    {"--articles", "9-3", "not an id"},
	    {"--scheme", "iob3", "not iob2, iob1 or bioes"},
	    {"--format", "text", "is not one of"},
	    {"--format", "xml", "is not one of"},
	    {"--claim-status", "open", "not check"},
	};

	(void)state;
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		char *argv[] = {(char *)bad[k].opt, (char *)bad[k].val};
		exportargs a = {0};

		assert_int_equal(parse(&a, 2, argv), -1);
		assert_non_null(strstr(a.err, bad[k].why));
		exportargs_free(&a);
	}
	{
		char *argv[] = {"--label"};
		exportargs a = {0};

		assert_int_equal(parse(&a, 1, argv), -1);
		assert_non_null(strstr(a.err, "needs a value"));
	}
	{
		char *argv[] = {"--frobnicate"};
		exportargs a = {0};

		assert_int_equal(parse(&a, 1, argv), 0);
	}
}

static void
test_split_line(void **state)
{
	char line[] = "--format brat --output 'my dir' --user \"Trần Minh\"";
	char bad[] = "--output 'unclosed";
	char *argv[8], err[64];

	(void)state;
	assert_int_equal(exportargs_split(line, argv, 8, err, sizeof err), 6);
	assert_string_equal(argv[3], "my dir");
	assert_string_equal(argv[5], "Trần Minh");
	assert_int_equal(exportargs_split(bad, argv, 8, err, sizeof err), -1);
	assert_non_null(strstr(err, "unclosed"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_options),
	    cmocka_unit_test(test_refusals),
	    cmocka_unit_test(test_split_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
