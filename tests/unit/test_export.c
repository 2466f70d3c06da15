/*
 * test_export.c - the export's run (export/export.c) through a writer that
 * records what it is given: the filters, the snapshot while another editor
 * writes, boilerplate out of the text, the splits of a release, and the
 * refusals of desk_export().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "export/export.h"

/* What the recording writer saw. */
static struct {
	int64_t ids[64];
	size_t spans[64], claims[64];
	char body[64][256];
	int n, begun, ended;
	const char *dbpath; /* set: the first article makes another editor write to dbpath */
} seen;

static int
rec_begin(format_sink *s)
{
	(void)s;
	seen.begun++;
	return DESK_OK;
}

static int
rec_article(format_sink *s, const format_article *a)
{
	(void)s;
	if (seen.n == 0 && seen.dbpath != NULL) {
		desk *other = NULL;
		int64_t ids[1], span;
		desk_article_in in = {.body = "Bài mới của người khác.", .lang = "vi"};

		in.body_len = strlen(in.body);
		assert_int_equal(desk_open(&other, seen.dbpath, "khac"), DESK_OK);
		assert_int_equal(desk_article_add(other, &in, 1, ids, NULL), DESK_OK);
		assert_int_equal(desk_span_add(&span, other, 3, 0, 3, "LOC", 0), DESK_OK);
		desk_close(other);
	}
	seen.ids[seen.n] = a->id;
	seen.spans[seen.n] = a->nspans;
	seen.claims[seen.n] = a->nclaims;
	snprintf(seen.body[seen.n], sizeof seen.body[0], "%s", a->in.body);
	seen.n++;
	return DESK_OK;
}

static int
rec_end(format_sink *s)
{
	(void)s;
	seen.ended++;
	return DESK_OK;
}

static const format_writer rec = {rec_begin, rec_article, rec_end};

static char dbpath[64];

/* Three articles: 1 (vi, a caption), 2 (en), 3 (vi); spans by two editors, a claim. */
static int
setup(void **state)
{
	static const char text[] = "Đà Nẵng mưa lớn.\n\nMưa kéo dài. (Ảnh: TTXVN)\n\nHuế nắng.\n";
	static const char jsonl[] =
	    "{\"text\": \"Floods hit Quang Ngai on Monday.\", \"lang\": \"en\"}\n"
	    "{\"text\": \"Hà Nội có 8,5 triệu dân.\", \"lang\": \"vi\"}\n";
	desk *d = NULL, *e = NULL;
	int64_t id, claim;

	snprintf(dbpath, sizeof dbpath, "/tmp/test_export.%d.db", (int)getpid());
	unlink(dbpath);
	assert_int_equal(desk_open(&d, dbpath, "an"), DESK_OK);
	assert_int_equal(
	    desk_import_buffer(d, "t.txt", text, strlen(text), DESK_FORMAT_TEXT, NULL, NULL, NULL),
	    DESK_OK);
	assert_int_equal(desk_import_buffer(d, "t.jsonl", jsonl, strlen(jsonl), DESK_FORMAT_JSONL,
	                                    NULL, NULL, NULL),
	                 DESK_OK);
	assert_int_equal(desk_span_add(&id, d, 1, 0, 7, "LOC", 0), DESK_OK);   /* Đà Nẵng */
	assert_int_equal(desk_span_add(&id, d, 1, 45, 48, "LOC", 0), DESK_OK); /* Huế */
	assert_int_equal(desk_span_add(&id, d, 2, 11, 22, "LOC", 0), DESK_OK); /* Quang Ngai */
	assert_int_equal(desk_claim_add(&claim, d, 3, 0, 24), DESK_OK);
	assert_int_equal(desk_article_set_status(d, 2, DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(desk_open(&e, dbpath, "binh"), DESK_OK);
	assert_int_equal(desk_span_add(&id, e, 3, 0, 6, "LOC", 0), DESK_OK); /* Hà Nội */
	assert_int_equal(desk_span_add(&id, e, 2, 0, 6, "MISC", 0) == DESK_OK ||
	                     desk_span_add(&id, e, 2, 0, 6, "ORG", 0) == DESK_OK,
	                 1);
	desk_close(e);
	*state = d;
	return 0;
}

static int
teardown(void **state)
{
	desk_close(*state);
	unlink(dbpath);
	snprintf(dbpath + strlen(dbpath), 8, "-wal");
	unlink(dbpath);
	dbpath[strlen(dbpath) - 4] = '\0';
	snprintf(dbpath + strlen(dbpath), 8, "-shm");
	unlink(dbpath);
	return 0;
}

static void
run(desk *d, const desk_export_opts *o)
{
	memset(&seen, 0, sizeof seen);
	assert_int_equal(export_run(d, o, &rec, stdout, NULL, NULL), DESK_OK);
	assert_int_equal(seen.begun, 1);
	assert_int_equal(seen.ended, 1);
}

static void
test_all(void **state)
{
	desk_export_opts o = {0};
	desk_export_stats st = {0};

	run(*state, &o);
	assert_int_equal(seen.n, 3);
	assert_int_equal(seen.ids[0], 1);
	assert_int_equal(seen.spans[0], 2);
	assert_int_equal(seen.spans[1], 2);
	assert_int_equal(seen.spans[2], 1);
	assert_int_equal(seen.claims[2], 1);
	/* The caption is cut, with the blank line after it. */
	assert_string_equal(seen.body[0], "Đà Nẵng mưa lớn.\n\nHuế nắng.");
	o.with_boilerplate = 1;
	memset(&seen, 0, sizeof seen);
	assert_int_equal(export_run(*state, &o, &rec, stdout, NULL, &st), DESK_OK);
	assert_string_equal(seen.body[0],
	                    "Đà Nẵng mưa lớn.\n\nMưa kéo dài. (Ảnh: TTXVN)\n\nHuế nắng.");
	assert_int_equal(st.articles, 3);
	assert_int_equal(st.spans, 5);
	assert_int_equal(st.claims, 1);
}

static void
test_filters(void **state)
{
	const int64_t some[] = {1, 3};
	desk_export_opts o = {0};

	o.filter.status = "done";
	run(*state, &o);
	assert_int_equal(seen.n, 1);
	assert_int_equal(seen.ids[0], 2);

	memset(&o, 0, sizeof o);
	o.filter.user = "binh";
	run(*state, &o);
	assert_int_equal(seen.n, 2); /* articles 2 and 3: binh's spans only */
	assert_int_equal(seen.ids[0], 2);
	assert_int_equal(seen.spans[0], 1);
	assert_int_equal(seen.claims[1], 0); /* the claim is an's */

	memset(&o, 0, sizeof o);
	o.filter.articles = some;
	o.filter.narticles = 2;
	o.filter.label = "LOC";
	run(*state, &o);
	assert_int_equal(seen.n, 2);
	assert_int_equal(seen.ids[1], 3);

	memset(&o, 0, sizeof o);
	o.filter.claim_status = "check";
	run(*state, &o);
	assert_int_equal(seen.n, 1);
	assert_int_equal(seen.ids[0], 3);

	memset(&o, 0, sizeof o);
	o.filter.claim_status = "verified";
	run(*state, &o);
	assert_int_equal(seen.n, 0);

	memset(&o, 0, sizeof o);
	o.filter.since = "2000-01-01";
	run(*state, &o);
	assert_int_equal(seen.n, 3);
	o.filter.since = "9999-12-31";
	run(*state, &o);
	assert_int_equal(seen.n, 0);
}

/* Another editor writes while the export runs: the export sees none of it. */
static void
test_snapshot(void **state)
{
	desk_export_opts o = {0};

	memset(&seen, 0, sizeof seen);
	seen.dbpath = dbpath;
	assert_int_equal(export_run(*state, &o, &rec, stdout, NULL, NULL), DESK_OK);
	seen.dbpath = NULL;
	assert_int_equal(seen.n, 3);        /* not the fourth article */
	assert_int_equal(seen.spans[2], 1); /* not the new span of article 3 */
	run(*state, &o);
	assert_int_equal(seen.n, 4); /* the next export sees them */
	assert_int_equal(seen.spans[2], 2);
}

static void
test_splits(void **state)
{
	desk_export_opts o = {0};
	int64_t all = 0;
	int in[8] = {0};

	o.filter.split_pct[0] = 34;
	o.filter.split_pct[1] = 33;
	o.filter.split_pct[2] = 33;
	o.filter.seed = 7;
	for (int s = 1; s <= 3; s++) {
		o.filter.split = s;
		run(*state, &o);
		for (int i = 0; i < seen.n; i++)
			in[seen.ids[i]]++;
		all += seen.n;
	}
	run(*state, &(desk_export_opts){0});
	assert_int_equal(all, seen.n); /* the splits part the corpus: each article once */
	for (int i = 0; i < seen.n; i++)
		assert_int_equal(in[seen.ids[i]], 1);
}

static void
test_refusals(void **state)
{
	desk_export_opts o = {0};

	o.format = DESK_FORMAT_TEXT;
	assert_int_equal(desk_export(*state, &o, stdout, NULL, NULL), DESK_MISUSE);
	assert_non_null(strstr(desk_errmsg(*state), "not exported"));
	o.format = DESK_FORMAT_JSONL;
	o.filter.since = "2025-02-30";
	assert_int_equal(desk_export(*state, &o, stdout, NULL, NULL), DESK_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_all, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_snapshot, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_splits, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
