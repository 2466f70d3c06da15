/*
 * test_statsview.c - tui/model/statsview.c: the figures as lines of aligned
 * columns with bars scaled to the width (80, 40, 20, none), hostile names
 * escaped and cut to fit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "statsview.h"

static desk_count articles[] = {{"new", 80}, {"progress", 30}, {"done", 10}};
static desk_count labels[] = {{"PER", 400}, {"ORG", 100}, {"LOC", 0}};
static desk_editor_count editors[] = {
    {"alice", 300, 20, 50, 3},
    {"Nguyễn Thị Hồng Nhung của tòa soạn", 100, 0, 0, 0},
    {"mallory\033[2J\xe2\x80\xae", 1, 1, 1, 1},
};
static desk_count cstatus[] = {{"check", 5}, {"proposed", 10}, {"verified", 5}, {"disputed", 0}};
static desk_count verdicts[] = {{"true", 2}, {"false", 8}};

static desk_stats
stats_fixture(void)
{
	desk_stats s;

	memset(&s, 0, sizeof s);
	s.articles = articles;
	s.narticles = 3;
	s.labels = labels;
	s.nlabels = 3;
	s.editors = editors;
	s.neditors = 3;
	s.claim_status = cstatus;
	s.nclaim_status = 4;
	s.verdicts = verdicts;
	s.nverdicts = 2;
	s.total_articles = 120;
	s.total_spans = 500;
	s.total_claims = 20;
	strcpy(s.since_7d, "2026-11-29");
	return s;
}

/* All lines rendered, one per line. */
static char *
render(const desk_stats *s, int width)
{
	struct statsview sv;
	size_t cap = 8192, len = 0;
	char *out = malloc(cap);

	assert_non_null(out);
	assert_int_equal(statsview_lines(&sv, s, width), DESK_OK);
	for (size_t i = 0; i < sv.n; i++) {
		char *l = statsview_render(&sv.v[i]);

		assert_non_null(l);
		if (width > 0)
			assert_true(desk_utf8_width(l, strlen(l)) <= width);
		len += (size_t)snprintf(out + len, cap - len, "%s\n", l);
		free(l);
	}
	statsview_free(&sv);
	assert_true(len < cap);
	return out;
}

static void
test_plain(void **state)
{
	desk_stats s = stats_fixture();
	char *out = render(&s, 0);

	(void)state;
	assert_string_equal(out, "Articles by status (120)\n"
	                         "  new       80\n"
	                         "  progress  30\n"
	                         "  done      10\n"
	                         "\n"
	                         "Spans per label (500)\n"
	                         "  PER  400\n"
	                         "  ORG  100\n"
	                         "  LOC    0\n"
	                         "\n"
	                         "Editors (3; 7d: since 2026-11-29)\n"
	                         "                            spans  claims  spans-7d  claims-7d\n"
	                         "  alice                       300      20        50          3\n"
	                         "  Nguyễn Thị Hồng Nhung c…    100       0         0          0\n"
	                         "  mallory^[[2J<U+202E>          1       1         1          1\n"
	                         "\n"
	                         "Claims by status (20)\n"
	                         "  check      5\n"
	                         "  proposed  10\n"
	                         "  verified   5\n"
	                         "  disputed   0\n"
	                         "\n"
	                         "Claims by verdict\n"
	                         "  true   2\n"
	                         "  false  8\n");
	free(out);
}

static void
test_bars_80(void **state)
{
	desk_stats s = stats_fixture();
	char *out = render(&s, 80);

	(void)state;
	/* 80 - (2 + 8 + 2 + 2) - 2 = 64 cells for the largest; the others in proportion */
	assert_non_null(strstr(out, "  new       80  "
	                            "################################"
	                            "################################\n"));
	assert_non_null(strstr(out, "  progress  30  ########################\n"));
	assert_non_null(strstr(out, "  done      10  ########\n"));
	/* nothing counted: no bar */
	assert_non_null(strstr(out, "  LOC    0\n"));
	/* a row of one: one cell at least */
	assert_non_null(strstr(out, "1          1  #\n"));
	free(out);
}

static void
test_narrow(void **state)
{
	desk_stats s = stats_fixture();
	char *out = render(&s, 40);

	(void)state;

	/* the name column shrinks to a third of the width; the bars to what is left */
	assert_non_null(strstr(out, "  new       80  ########################\n"));
	/* the columns that do not fit go: the 7 days' */
	assert_non_null(strstr(out, "                 spans  claims  spans-7d\n"));
	assert_non_null(strstr(out, "  Nguyễn Thị H…    100       0         0\n"));
	assert_non_null(strstr(out, "  mallory^[[2J…      1       1         1\n"));
	free(out);
	out = render(&s, 16);
	/* too narrow for bars: the names cut to a third, the counts stay */
	assert_non_null(strstr(out, "  new    80\n  prog…  30\n"));
	assert_non_null(strstr(out, "Editors (3; 7d:…\n         spans\n  alice    300\n"));
	/* a section with short rows still has room for its bars */
	assert_non_null(strstr(out, "  PER  400  ####\n"));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain),
	    cmocka_unit_test(test_bars_80),
	    cmocka_unit_test(test_narrow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
