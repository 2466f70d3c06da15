/*
 * test_listfilter.c - the article list's filter as typed at `:filter`
 * (tui/model/listfilter.c): every word read into the store's filter, the
 * words shown back, bad words refused with the word named and the filter
 * left as it was, and an empty line clearing all but the sort.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "listfilter.h"

static void
test_listfilter_words(void **state)
{
	struct listfilter lf;
	desk_article_filter f;
	char err[256], desc[192];

	(void)state;
	listfilter_init(&lf);
	lf.sort = DESK_SORT_TITLE;
	assert_int_equal(listfilter_parse(&lf,
	                                  "  status=done lang=vi from=2024-01-01 to=2024-12-31 "
	                                  "label=ORG claim=check",
	                                  err, sizeof err),
	                 0);
	f = listfilter_get(&lf);
	assert_int_equal(f.status, DESK_STATUS_DONE);
	assert_int_equal(f.sort, DESK_SORT_TITLE); /* the sort is kept */
	assert_string_equal(f.lang, "vi");
	assert_string_equal(f.date_from, "2024-01-01");
	assert_string_equal(f.date_to, "2024-12-31");
	assert_string_equal(f.label, "ORG");
	assert_string_equal(f.claim_status, "check");
	listfilter_describe(&lf, desc, sizeof desc);
	assert_string_equal(desc, "status=done lang=vi from=2024-01-01 to=2024-12-31 label=ORG "
	                          "claim=check");
	/* Nothing: every article, the sort kept. */
	assert_int_equal(listfilter_parse(&lf, "", err, sizeof err), 0);
	f = listfilter_get(&lf);
	assert_int_equal(f.status, DESK_STATUS_ANY);
	assert_null(f.lang);
	assert_null(f.label);
	assert_null(f.claim_status);
	assert_int_equal(f.sort, DESK_SORT_TITLE);
	listfilter_describe(&lf, desc, sizeof desc);
	assert_string_equal(desc, "");
}

static void
test_listfilter_bad(void **state)
{
	static const char *const bad[] = {
	    "lang=fr",      "status=any",  "from=2024-02-30",
	    "to=yesterday", "claim=maybe", "label=",
	    "colour=red",   "status",      "from=2024-05-01 to=2024-04-01",
	};
	struct listfilter lf;
	char err[256];

	(void)state;
	listfilter_init(&lf);
	assert_int_equal(listfilter_parse(&lf, "lang=en", err, sizeof err), 0);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err[0] = '\0';
		assert_int_equal(listfilter_parse(&lf, bad[i], err, sizeof err), -1);
		assert_true(err[0] != '\0');
		assert_string_equal(lf.lang, "en"); /* as it was */
	}
	assert_int_equal(listfilter_parse(&lf, "lang=vi colour=red", err, sizeof err), -1);
	assert_non_null(strstr(err, "colour=red"));
	assert_string_equal(lf.lang, "en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_listfilter_words),
	    cmocka_unit_test(test_listfilter_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
