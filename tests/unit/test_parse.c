/*
 * test_parse.c - the one rule for ids, whole numbers and dates (parse.c),
 * and that the importer and evidence both follow it: the evidence's date
 * took years from 1 while the importer's took them from 1000.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

static void
test_int(void **state)
{
	static const char *const bad[] = {"",
	                                  " 5",
	                                  "5 ",
	                                  "1e3",
	                                  "0x10",
	                                  "--1",
	                                  "+",
	                                  "-",
	                                  "5a",
	                                  "12345678901234567890",
	                                  "-99999999999999999999",
	                                  NULL};
	int64_t v = 42;

	(void)state;
	assert_int_equal(desk_parse_int(&v, "12"), DESK_OK);
	assert_int_equal(v, 12);
	assert_int_equal(desk_parse_int(&v, "-3"), DESK_OK);
	assert_int_equal(v, -3);
	assert_int_equal(desk_parse_int(&v, "+4"), DESK_OK);
	assert_int_equal(v, 4);
	assert_int_equal(desk_parse_int(&v, "9223372036854775807"), DESK_OK);
	assert_int_equal(v, INT64_MAX);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		v = 42;
		assert_int_equal(desk_parse_int(&v, bad[i]), DESK_INVALID);
		assert_int_equal(v, 42);
	}
}

static void
test_id(void **state)
{
	int64_t v = 42;

	(void)state;
	assert_int_equal(desk_parse_id(&v, "7"), DESK_OK);
	assert_int_equal(v, 7);
	assert_int_equal(desk_parse_id(&v, "0"), DESK_INVALID);
	assert_int_equal(desk_parse_id(&v, "-7"), DESK_INVALID);
	assert_int_equal(desk_parse_id(&v, "7x"), DESK_INVALID);
	assert_int_equal(desk_parse_id(&v, NULL), DESK_INVALID);
	assert_int_equal(v, 7);
}

static void
test_date(void **state)
{
	static const char *const good[] = {"2025-11-02", "2024-02-29", "2000-02-29", "1000-01-01",
	                                   "9999-12-31"};
	static const char *const bad[] = {"2023-02-29", "1900-02-29", "2025-13-01", "2025-00-10",
	                                  "2025-04-31", "2025-01-00", "0999-12-31", "0001-01-01",
	                                  "2025-1-01",  "2025/01/01", "20250101",   "2025-01-01T"};

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(desk_date_valid(good[i], strlen(good[i])));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (desk_date_valid(bad[i], strlen(bad[i])))
			fail_msg("%s taken as a date", bad[i]);
	assert_false(desk_date_valid(NULL, 10));
	assert_true(desk_date_valid("2025-01-01T08:00", 10)); /* the date part */
}

/* The form without the calendar: what tells "not a date" from "no such day". */
static void
test_date_form(void **state)
{
	(void)state;
	assert_true(desk_date_form("2023-02-29", 10));
	assert_true(desk_date_form("0000-99-99", 10));
	assert_false(desk_date_form("2025-1-01", 9));
	assert_false(desk_date_form("2025/01/01", 10));
	assert_false(desk_date_form("2025-01-0x", 10));
	assert_false(desk_date_form("2025-01-01T", 11));
	assert_false(desk_date_form(NULL, 10));
}

/* The evidence's form and calendar messages both come from the one rule. */
static void
test_date_messages(void **state)
{
	desk *d = NULL;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	assert_int_equal(desk_evidence_check(d, "https://example.com/a", "a passage", "2023-2-28"),
	                 DESK_INVALID);
	assert_non_null(strstr(desk_errmsg(d), "is not a date as YYYY-MM-DD"));
	assert_int_equal(desk_evidence_check(d, "https://example.com/a", "a passage", "2023-02-29"),
	                 DESK_INVALID);
	assert_non_null(strstr(desk_errmsg(d), "is not a date of the calendar"));
	desk_close(d);
}

/* The evidence's date and the importer's follow the one rule. */
static void
test_date_everywhere(void **state)
{
	static const char art[] = "{\"text\": \"Văn bản.\", \"date\": \"0999-12-31\"}\n";
	desk_import_stats stats = {0};
	desk *d = NULL;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	assert_int_equal(desk_evidence_check(d, "https://example.com/a", "a passage", "1999-12-31"),
	                 DESK_OK);
	assert_int_equal(desk_evidence_check(d, "https://example.com/a", "a passage", "0999-12-31"),
	                 DESK_INVALID);
	assert_non_null(strstr(desk_errmsg(d), "consulted"));
	desk_import_buffer(d, "a.jsonl", art, strlen(art), DESK_FORMAT_JSONL, NULL, NULL, &stats);
	assert_int_equal(stats.refused, 1);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_int),           cmocka_unit_test(test_id),
	    cmocka_unit_test(test_date),          cmocka_unit_test(test_date_form),
	    cmocka_unit_test(test_date_messages), cmocka_unit_test(test_date_everywhere),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
