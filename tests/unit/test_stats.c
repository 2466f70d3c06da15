/*
 * test_stats.c - the kept counts (migration 6's triggers) agree with the
 * counts over the articles after every kind of edit, undo and redo, by two
 * editors; an upgraded database is counted in steps; filters and splits.
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
#include <sqlite3.h>

#include "copydesk/copydesk.h"

static const char *const bodies[] = {
    "Ông Nguyễn Văn An gặp bà Lê Thị Bình tại Hà Nội. Tỷ lệ hộ nghèo giảm còn 38,5% năm 2024.",
    "Donald Trump met Xi Jinping in Busan. Exports rose 12% in 2024 to 300 billion dollars.",
    "Thủ tướng đến Đà Nẵng. Doanh thu tăng 15% so với năm trước, đạt 2,1 tỷ USD.",
    "Reuters reported that Hanoi had 8 million people in 2023, the most ever recorded.",
};

typedef struct fx {
	char path[48];
	desk *a, *b;
	int64_t art[4];
} fx;

static void
fx_unlink(const char *path)
{
	char p[64];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static int
fx_setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	int fd;

	assert_non_null(f);
	strcpy(f->path, "/tmp/copydesk-stats-XXXXXX");
	assert_true((fd = mkstemp(f->path)) >= 0);
	close(fd);
	unlink(f->path);
	assert_int_equal(desk_open(&f->a, f->path, "alice"), DESK_OK);
	assert_int_equal(desk_open(&f->b, f->path, "bob"), DESK_OK);
	for (size_t i = 0; i < 4; i++) {
		desk_article_in in = {
		    .body = bodies[i], .body_len = strlen(bodies[i]), .lang = i % 2 ? "en" : "vi"};

		assert_int_equal(desk_article_add(f->a, &in, 1, &f->art[i], NULL), DESK_OK);
	}
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	fx *f = *state;

	desk_close(f->a);
	desk_close(f->b);
	fx_unlink(f->path);
	free(f);
	return 0;
}

static int64_t
stats_n(const desk_count *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return v[i].n;
	return -1;
}

static const desk_editor_count *
stats_editor(const desk_stats *s, const char *name)
{
	for (size_t i = 0; i < s->neditors; i++)
		if (strcmp(s->editors[i].name, name) == 0)
			return &s->editors[i];
	return NULL;
}

/* The stats as one line, to compare two ways of counting. */
static void
stats_line(char *buf, size_t size, const desk_stats *s)
{
	size_t len = 0;

#define PUT(...) len += (size_t)snprintf(buf + len, len < size ? size - len : 0, __VA_ARGS__)
	PUT("articles %lld:", (long long)s->total_articles);
	for (size_t i = 0; i < s->narticles; i++)
		PUT(" %s=%lld", s->articles[i].name, (long long)s->articles[i].n);
	PUT(" | labels %lld:", (long long)s->total_spans);
	for (size_t i = 0; i < s->nlabels; i++)
		PUT(" %s=%lld", s->labels[i].name, (long long)s->labels[i].n);
	PUT(" | editors:");
	for (size_t i = 0; i < s->neditors; i++)
		PUT(" %s=%lld/%lld/%lld/%lld", s->editors[i].name, (long long)s->editors[i].spans,
		    (long long)s->editors[i].claims, (long long)s->editors[i].spans_7d,
		    (long long)s->editors[i].claims_7d);
	PUT(" | claims %lld:", (long long)s->total_claims);
	for (size_t i = 0; i < s->nclaim_status; i++)
		PUT(" %s=%lld", s->claim_status[i].name, (long long)s->claim_status[i].n);
	PUT(" |");
	for (size_t i = 0; i < s->nverdicts; i++)
		PUT(" %s=%lld", s->verdicts[i].name, (long long)s->verdicts[i].n);
#undef PUT
	assert_true(len < size);
}

/* The kept counts equal the counts over every article (a filter taking all). */
static void
stats_agree(desk *d)
{
	desk_filter all;
	desk_stats *kept, *scan;
	char a[2048], b[2048];

	memset(&all, 0, sizeof all);
	all.split = 1; /* a split that takes everything: counted over the articles */
	all.split_pct[0] = 100;
	assert_int_equal(desk_stats_get(&kept, d, NULL), DESK_OK);
	assert_int_equal(desk_stats_get(&scan, d, &all), DESK_OK);
	assert_int_equal(kept->counted, 1);
	assert_int_equal(scan->counted, 0);
	stats_line(a, sizeof a, kept);
	stats_line(b, sizeof b, scan);
	assert_string_equal(a, b);
	desk_stats_free(kept);
	desk_stats_free(scan);
}

static void
test_empty(void **state)
{
	fx *f = *state;
	desk_stats *s;

	assert_int_equal(desk_stats_get(&s, f->a, NULL), DESK_OK);
	assert_int_equal(s->total_articles, 4);
	assert_int_equal(stats_n(s->articles, s->narticles, "new"), 4);
	assert_int_equal(stats_n(s->articles, s->narticles, "done"), 0);
	assert_int_equal(stats_n(s->labels, s->nlabels, "PER"), 0);
	assert_string_equal(s->labels[0].name, "PER"); /* the label set's order */
	assert_int_equal(s->neditors, 0);
	assert_int_equal(s->nclaim_status, 4);
	assert_int_equal(stats_n(s->verdicts, s->nverdicts, "false"), 0);
	assert_int_equal(strlen(s->since_7d), 10);
	desk_stats_free(s);
	stats_agree(f->a);
}

/* Spans: add, relabel, delete, undo, redo, by two editors; the label renamed. */
static void
test_spans(void **state)
{
	fx *f = *state;
	desk_stats *s;
	int64_t s1, s2, s3, art;
	const desk_editor_count *e;

	assert_int_equal(desk_span_add(&s1, f->a, f->art[0], 4, 18, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s2, f->a, f->art[0], 42, 48, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_add(&s3, f->b, f->art[1], 0, 12, "PER", 0), DESK_OK);
	stats_agree(f->a);
	assert_int_equal(desk_stats_get(&s, f->a, NULL), DESK_OK);
	assert_int_equal(stats_n(s->labels, s->nlabels, "PER"), 2);
	assert_int_equal(stats_n(s->labels, s->nlabels, "LOC"), 1);
	/* the first edit put both articles in progress */
	assert_int_equal(stats_n(s->articles, s->narticles, "progress"), 2);
	assert_int_equal(stats_n(s->articles, s->narticles, "new"), 2);
	assert_non_null(e = stats_editor(s, "alice"));
	assert_int_equal(e->spans, 2);
	assert_int_equal(e->spans_7d, 2);
	assert_int_equal(e->claims, 0);
	assert_non_null(e = stats_editor(s, "bob"));
	assert_int_equal(e->spans, 1);
	desk_stats_free(s);

	assert_int_equal(desk_span_relabel(f->a, s2, "ORG"), DESK_OK);
	assert_int_equal(desk_span_delete(f->b, s3), DESK_OK);
	stats_agree(f->a);
	assert_int_equal(desk_stats_get(&s, f->a, NULL), DESK_OK);
	assert_int_equal(stats_n(s->labels, s->nlabels, "PER"), 1);
	assert_int_equal(stats_n(s->labels, s->nlabels, "LOC"), 0);
	assert_int_equal(stats_n(s->labels, s->nlabels, "ORG"), 1);
	assert_null(stats_editor(s, "bob")); /* nothing standing: not listed */
	desk_stats_free(s);

	/* bob's untagging undone, then alice's relabelling undone and redone */
	assert_int_equal(desk_undo(&art, f->b), DESK_OK);
	assert_int_equal(desk_undo(&art, f->a), DESK_OK);
	stats_agree(f->a);
	assert_int_equal(desk_stats_get(&s, f->a, NULL), DESK_OK);
	assert_int_equal(stats_n(s->labels, s->nlabels, "PER"), 2);
	assert_int_equal(stats_n(s->labels, s->nlabels, "LOC"), 1);
	desk_stats_free(s);
	assert_int_equal(desk_redo(&art, f->a), DESK_OK);
	assert_int_equal(desk_article_set_status(f->a, f->art[0], DESK_STATUS_DONE), DESK_OK);
	stats_agree(f->a);

	assert_int_equal(desk_undo(&art, f->a), DESK_OK); /* the status */
	stats_agree(f->b);
}

/* Claims: add, verdict, evidence, approve, dispute, apply, delete, undo. */
static void
test_claims(void **state)
{
	fx *f = *state;
	desk_stats *s;
	int64_t c1, c2, ev, art;
	size_t added = 0;

	assert_int_equal(desk_claim_add(&c1, f->a, f->art[0], 51, 88), DESK_OK);
	assert_int_equal(desk_claim_add(&c2, f->b, f->art[1], 38, 86), DESK_OK);
	stats_agree(f->a);
	assert_int_equal(desk_claim_set_verdict(f->a, c1, "false"), DESK_OK);
	assert_int_equal(desk_claim_add_evidence(&ev, f->a, c1, "https://gso.gov.vn/x",
	                                         "Tỷ lệ hộ nghèo 4,2%", NULL),
	                 DESK_OK);
	stats_agree(f->a);
	assert_int_equal(desk_stats_get(&s, f->a, NULL), DESK_OK);
	assert_int_equal(stats_n(s->claim_status, s->nclaim_status, "proposed"), 1);
	assert_int_equal(stats_n(s->claim_status, s->nclaim_status, "check"), 1);
	assert_int_equal(stats_n(s->verdicts, s->nverdicts, "false"), 1);
	assert_int_equal(stats_editor(s, "alice")->claims, 1);
	assert_int_equal(stats_editor(s, "bob")->claims_7d, 1);
	desk_stats_free(s);
	if (desk_claim_approve(f->b, c1) != DESK_OK)
		fail_msg("%s", desk_errmsg(f->b));
	stats_agree(f->a);
	assert_int_equal(desk_stats_get(&s, f->a, NULL), DESK_OK);
	assert_int_equal(stats_n(s->claim_status, s->nclaim_status, "verified"), 1);
	assert_int_equal(stats_n(s->claim_status, s->nclaim_status, "proposed"), 0);
	desk_stats_free(s);
	assert_int_equal(desk_undo(&art, f->b), DESK_OK); /* the approval */
	assert_int_equal(desk_claim_dispute(f->b, c1, "the figure is of 2023"), DESK_OK);
	stats_agree(f->a);
	(void)desk_claim_apply(&added, f->a, c1);
	stats_agree(f->a);
	assert_int_equal(desk_claim_delete(f->b, c2), DESK_OK);
	stats_agree(f->a);
	assert_int_equal(desk_undo(&art, f->b), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->a, c1, "true"), DESK_OK);
	stats_agree(f->a);
	assert_int_equal(desk_undo(&art, f->a), DESK_OK);
	stats_agree(f->a);
	assert_int_equal(desk_redo(&art, f->a), DESK_OK);
	stats_agree(f->a);
}

/* Filters: the counts of the articles and spans they take. */
static void
test_filters(void **state)
{
	fx *f = *state;
	desk_stats *s;
	desk_filter flt;
	int64_t id, c1, ev;
	int64_t splits = 0;

	assert_int_equal(desk_span_add(&id, f->a, f->art[0], 4, 18, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&id, f->b, f->art[1], 0, 12, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&id, f->b, f->art[1], 31, 36, "LOC", 0), DESK_OK);
	assert_int_equal(desk_claim_add(&c1, f->a, f->art[2], 24, 72), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->a, c1, "false"), DESK_OK);
	assert_int_equal(
	    desk_claim_add_evidence(&ev, f->a, c1, "https://gso.gov.vn/x", "15%", NULL), DESK_OK);

	memset(&flt, 0, sizeof flt);
	flt.user = "bob";
	assert_int_equal(desk_stats_get(&s, f->a, &flt), DESK_OK);
	assert_int_equal(s->total_articles, 1);
	assert_int_equal(s->total_spans, 2);
	assert_int_equal(s->total_claims, 0);
	assert_int_equal(s->neditors, 1);
	desk_stats_free(s);

	memset(&flt, 0, sizeof flt);
	flt.label = "PER";
	assert_int_equal(desk_stats_get(&s, f->a, &flt), DESK_OK);
	assert_int_equal(s->total_articles, 2);
	assert_int_equal(s->total_spans, 2);
	assert_int_equal(stats_n(s->labels, s->nlabels, "LOC"), 0);
	desk_stats_free(s);

	memset(&flt, 0, sizeof flt);
	flt.verdict = "false";
	assert_int_equal(desk_stats_get(&s, f->a, &flt), DESK_OK);
	assert_int_equal(s->total_articles, 1);
	assert_int_equal(s->total_claims, 1);
	assert_int_equal(s->total_spans, 0);
	desk_stats_free(s);

	memset(&flt, 0, sizeof flt);
	flt.articles = &f->art[1];
	flt.narticles = 1;
	flt.status = "progress";
	assert_int_equal(desk_stats_get(&s, f->a, &flt), DESK_OK);
	assert_int_equal(s->total_articles, 1);
	assert_int_equal(s->total_spans, 2);
	desk_stats_free(s);

	/* the three splits take every article once */
	memset(&flt, 0, sizeof flt);
	flt.split_pct[0] = 50;
	flt.split_pct[1] = 25;
	flt.split_pct[2] = 25;
	flt.seed = 7;
	for (int k = 1; k <= 3; k++) {
		flt.split = k;
		assert_int_equal(desk_stats_get(&s, f->a, &flt), DESK_OK);
		splits += s->total_articles;
		desk_stats_free(s);
	}
	assert_int_equal(splits, 4);
}

static void
stats_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s", err);
	sqlite3_close(db);
}

/*
 * A database upgraded with articles: counted over the articles until its
 * steps are done, edits meanwhile (on counted and uncounted articles) kept
 * right, then read from the counts.
 */
static void
test_upgrade(void **state)
{
	fx *f = *state;
	desk_stats *s;
	int64_t id, left = -1;
	char a[2048], b[2048];

	assert_int_equal(desk_span_add(&id, f->a, f->art[0], 4, 18, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&id, f->b, f->art[3], 0, 7, "ORG", 0), DESK_OK);
	assert_int_equal(desk_stats_get(&s, f->a, NULL), DESK_OK);
	stats_line(a, sizeof a, s);
	desk_stats_free(s);
	/* as migration 6 leaves a database that had these articles */
	stats_exec(f->path, "DELETE FROM stat_article; DELETE FROM stat_label; DELETE FROM "
	                    "stat_editor_day; DELETE FROM stat_claim; INSERT INTO stat_upgrade "
	                    "SELECT 1, min(id), max(id) FROM article");
	assert_int_equal(desk_stats_index(&left, f->a, 0), DESK_OK);
	assert_int_equal(left, 4);
	assert_int_equal(desk_stats_get(&s, f->a, NULL), DESK_OK);
	assert_int_equal(s->counted, 0);
	stats_line(b, sizeof b, s);
	assert_string_equal(a, b);
	desk_stats_free(s);

	assert_int_equal(desk_stats_index(&left, f->a, 2), DESK_OK);
	assert_int_equal(left, 2);
	/* edits on a counted article and on one still to count */
	assert_int_equal(desk_span_add(&id, f->a, f->art[0], 42, 48, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_add(&id, f->b, f->art[3], 56, 63, "LOC", 0), DESK_OK);
	assert_int_equal(desk_article_set_status(f->b, f->art[2], DESK_STATUS_DONE), DESK_OK);
	/* an article added meanwhile is counted by the triggers */
	{
		desk_article_in in = {.body = "A new one.", .body_len = 10, .lang = "en"};

		assert_int_equal(desk_article_add(f->a, &in, 1, &id, NULL), DESK_OK);
	}
	assert_int_equal(desk_stats_index(&left, f->a, 2), DESK_OK);
	assert_int_equal(left, 0);
	assert_int_equal(desk_stats_index(&left, f->a, 2), DESK_OK);
	assert_int_equal(left, 0);
	stats_agree(f->a);
	assert_int_equal(desk_stats_get(&s, f->a, NULL), DESK_OK);
	assert_int_equal(s->total_articles, 5);
	assert_int_equal(stats_n(s->labels, s->nlabels, "LOC"), 2);
	desk_stats_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_empty, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_spans, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_claims, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_filters, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_upgrade, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
