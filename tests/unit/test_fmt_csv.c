/*
 * test_fmt_csv.c - the claims table: RFC 4180 bytes for hand-built
 * documents (the header, CRLF rows, quoting and doubled quotes, the
 * apostrophe before what a spreadsheet would run, controls written as their
 * escapes as on a terminal), and the table read back by python's csv module
 * (tests/tools/csv/read_csv.py) to the same values, escaped.
 */
#include <jansson.h>

#include "fmt_sample.h"

#define CSV_HEADER                                                                                 \
	"article_id,title,date,url,claim_id,research_id,start,end,text,status,verdict,verdict_"    \
	"label,note,evidence,proposed_by,proposed_at,reviewed_by,reviewed_at,review_reason\r\n"

static char *
csv_write(const format_article *a, size_t n)
{
	format_info info = {0};
	sample_warns w = {0};
	char *out = NULL;
	size_t len = 0;

	info.verdict = sample_verdict;
	assert_int_equal(sample_write(&out, &len, &fmt_csv_writer, &info, a, n, &w), DESK_OK);
	assert_int_equal(w.n, 0);
	return out;
}

static void
test_bytes(void **state)
{
	sample_docs d;
	char *out;

	(void)state;
	sample_build(&d);
	out = csv_write(&d.a[1], 1);
	assert_string_equal(out,
	                    CSV_HEADER "8,,,/srv/scrape/minister.txt,40,140,18,41,unemployment "
	                               "fell to 3%,verified,unverifiable,Unverifiable,,,,,,,\r\n");
	free(out);
	out = csv_write(d.a, 1);
	/* quotes doubled, the field quoted; a leading "-" guarded inside the quotes;
	 * the bidi override as its escape, never raw (test_hostile) */
	assert_non_null(strstr(out, ",\"Tin \"\"nóng\"\", <U+202E>đảo ngược<U+202C>\ttab\""));
	assert_null(strstr(out, "\xE2\x80\xAE"));
	assert_non_null(strstr(out, ",\"Bà \"\"Bình\"\"\",check,,,"));
	assert_non_null(strstr(out, ",minh,2025-11-03T11:00:00.000Z,'-đã kiểm tra\r\n"));
	/* the note's BEL and CR as escapes, its LF kept inside its quotes */
	assert_non_null(strstr(out, "\"Ghi chú: ^Gchuông, \"\"trích\"\"^M\ndòng 2\""));
	/* an empty table is its header */
	free(out);
	out = csv_write(d.a, 0);
	assert_string_equal(out, CSV_HEADER);
	free(out);
}

/* The cell of row r, column c of python's reading. */
static const char *
csv_cell(json_t *rows, size_t r, size_t c)
{
	json_t *v = json_array_get(json_array_get(rows, r), c);

	assert_true(json_is_string(v));
	return json_string_value(v);
}

/* A cell as written, its guard apostrophe dropped: what the store had. */
static void
csv_assert_value(const char *cell, const char *want)
{
	if (cell[0] == '\'')
		cell++;
	assert_string_equal(cell, want);
}

static void
test_python_reads_back(void **state)
{
	sample_docs d;
	char path[64], args[256], *out;
	FILE *p;
	json_t *rows;
	json_error_t je;

	(void)state;
	if (!sample_have_python())
		skip();
	sample_build(&d);
	/* a claim that starts with each character a spreadsheet would run */
	d.claims[2].note = "=1+2";
	d.claims[1].note = "@SUM(1)";
	d.claims[1].review_reason = "+33 1 23";
	d.claims[3].note = "'quoted already";
	out = csv_write(d.a, 2);
	sample_tmp(path, out, strlen(out));
	snprintf(args, sizeof args, "'%s'", path);
	{
		char cmd[512];

		snprintf(cmd, sizeof cmd, "python3 '%s/csv/read_csv.py' %s", TOOLS, args);
		assert_non_null(p = popen(cmd, "r"));
		rows = json_loadf(p, 0, &je);
		assert_int_equal(pclose(p), 0);
	}
	assert_non_null(rows);
	assert_int_equal(json_array_size(rows), 5);
	assert_string_equal(csv_cell(rows, 0, 13), "evidence");
	assert_string_equal(csv_cell(rows, 1, 0), "7");
	csv_assert_value(csv_cell(rows, 1, 1), "Tin \"nóng\", <U+202E>đảo ngược<U+202C>\ttab");
	assert_string_equal(csv_cell(rows, 1, 4), "31");
	csv_assert_value(csv_cell(rows, 1, 8), "GDP năm nay tăng 8,2%");
	csv_assert_value(csv_cell(rows, 1, 12), "Ghi chú: ^Gchuông, \"trích\"^M\ndòng 2");
	assert_string_equal(csv_cell(rows, 1, 13),
	                    "https://gso.gov.vn/so-lieu \xE2\x80\x94 GDP tăng 7,1%,  \"quý 3\" "
	                    "(consulted 2025-11-01)\n=HYPERLINK(\"http://evil\")");
	/* guarded: each starts with an apostrophe, and is the value without it */
	assert_string_equal(csv_cell(rows, 1, 18), "'-đã kiểm tra");
	assert_string_equal(csv_cell(rows, 2, 12), "'@SUM(1)");
	assert_string_equal(csv_cell(rows, 2, 18), "'+33 1 23");
	assert_string_equal(csv_cell(rows, 3, 12), "'=1+2");
	assert_string_equal(csv_cell(rows, 4, 12), "''quoted already");
	csv_assert_value(csv_cell(rows, 4, 12), d.claims[3].note);
	csv_assert_value(csv_cell(rows, 3, 8), "Bà \"Bình\"");
	assert_string_equal(csv_cell(rows, 4, 11), "Unverifiable");
	json_decref(rows);
	unlink(path);
	/* the reader fails on a bare LF row end */
	{
		char *lf = strstr(out, "\r\n8,");

		assert_non_null(lf);
		memmove(lf, lf + 1, strlen(lf));
		sample_tmp(path, out, strlen(out));
		snprintf(args, sizeof args, "'%s' >/dev/null 2>&1", path);
		assert_int_equal(sample_python("csv/read_csv.py", args), 1);
		unlink(path);
	}
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bytes),
	    cmocka_unit_test(test_python_reads_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
