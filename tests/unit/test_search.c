/*
 * test_search.c - full-text search (search.h, migration 8): the tokenizer's
 * words folded and exact (Vietnamese with and without accents, đ, NFD,
 * English), accentless and exact matching, ranking of a title match above a
 * body match, phrases, prefixes, NOT, boilerplate left out, malformed
 * queries with their rules, and an upgraded database indexed in steps.
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
#include "internal.h"

/* --- The words, as the tokenizer gets them ------------------------------ */

struct words {
	char out[512];
};

static int
words_add(void *ctx, const textsearch_scratch *sc, size_t start, size_t end)
{
	struct words *w = ctx;
	size_t n = strlen(w->out);

	(void)start;
	(void)end;
	snprintf(w->out + n, sizeof w->out - n, "%s%.*s/%.*s", n ? " " : "", (int)sc->foldlen,
	         sc->fold, (int)sc->exactlen, sc->exact);
	return 0;
}

static void
words_of(const char *s, const char *want)
{
	textsearch_scratch sc = {0};
	struct words w = {{0}};

	assert_int_equal(textsearch_words(&sc, s, strlen(s), 1, words_add, &w), DESK_OK);
	assert_string_equal(w.out, want);
	textsearch_scratch_free(&sc);
}

static void
test_words(void **state)
{
	(void)state;
	words_of("Lương Cường", "luong/lương cuong/cường");
	words_of("ĐẢNG đang Đặng", "dang/đảng dang/đang dang/đặng");
	/* NFD: the marks stay with their letters; the exact form is composed */
	words_of("Lu\xcc\x9bo\xcc\x9b\xcc\x80ng Ha\xcc\x80 N\xc3\xb4\xcc\xa3i",
	         "luong/lường ha/hà noi/nội");
	words_of("The U.S. economy, COVID-19's peak!",
	         "the/the u/u s/s economy/economy covid/covid "
	         "19/19 s/s peak/peak");
	words_of("  -- ... ", "");
}

/* --- Searching ------------------------------------------------------------ */

static const struct {
	const char *title, *body;
} docs[] = {
    {"Tin trong nước", "Ông Lương Cường gặp lãnh đạo Đảng ủy tỉnh."},
    {"Đảng bộ họp", "Cuộc họp diễn ra tại Hà Nội về kinh tế."},
    {"", "Ông Đặng Văn Lâm đang làm việc. Kinh tế tăng trưởng."},
    {"Economy", "The economy grew while the party met. Kinh doanh khó."},
};

static int
setup(void **state)
{
	desk *d;
	desk_article_in in[4] = {{0}};
	/* the boilerplate of article 4: "Kinh doanh khó." (its last 15 code points) */
	desk_mark bp = {.kind = DESK_MARK_BOILERPLATE};

	assert_int_equal(desk_open(&d, ":memory:", "tester"), DESK_OK);
	for (size_t i = 0; i < 4; i++) {
		in[i].title = docs[i].title;
		in[i].body = docs[i].body;
		in[i].body_len = strlen(docs[i].body);
		in[i].lang = i == 3 ? "en" : "vi";
	}
	bp.end = desk_utf8_count(docs[3].body, strlen(docs[3].body));
	bp.start = bp.end - 15;
	in[3].marks = &bp;
	in[3].nmarks = 1;
	assert_int_equal(desk_article_add(d, in, 4, NULL, NULL), DESK_OK);
	*state = d;
	return 0;
}

static int
teardown(void **state)
{
	desk_close(*state);
	return 0;
}

/* The ids found for q, as "1 2 3" in rank order. */
static const char *
found(desk *d, const char *q, int exact)
{
	static char out[128];
	desk_search_opts o = {.exact = exact};
	desk_search_results *r = NULL;

	out[0] = '\0';
	assert_int_equal(desk_search(&r, d, q, &o), DESK_OK);
	for (size_t i = 0; i < desk_search_count(r); i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%lld", i ? " " : "",
		         (long long)desk_search_get(r, i)->id);
	desk_search_free(r);
	return out;
}

static void
test_accentless(void **state)
{
	desk *d = *state;

	assert_string_equal(found(d, "luong cuong", 0), "1");
	assert_string_equal(found(d, "LƯƠNG CƯỜNG", 0), "1");
	/* đ folds to d: Đảng, Đặng and đang are all "dang" */
	assert_string_equal(found(d, "ha noi", 0), "2");
	assert_string_equal(found(d, "lam", 0), "3");
}

static void
test_rank_title_first(void **state)
{
	desk *d = *state;

	/* "Đảng" is in article 2's title and in article 1's body; 3 has "Đặng" and "đang" */
	assert_string_equal(found(d, "dang", 0), "2 3 1");
	assert_string_equal(found(d, "economy", 0), "4");
	/* once in a body (5, stored first) against once in a title (6) */
	desk_article_in in[2] = {
	    {.title = "Thời tiết", .body = "Trời mưa ở Huế hôm nay."},
	    {.title = "Huế", .body = "Tin tức hôm nay về thời tiết."},
	};
	in[0].body_len = strlen(in[0].body);
	in[1].body_len = strlen(in[1].body);
	assert_int_equal(desk_article_add(d, in, 2, NULL, NULL), DESK_OK);
	assert_string_equal(found(d, "hue", 0), "6 5");
	assert_string_equal(found(d, "hom nay", 0), "5 6"); /* both in bodies: the shorter first */
}

static void
test_exact(void **state)
{
	desk *d = *state;

	assert_string_equal(found(d, "Đảng", 1), "2 1");
	assert_string_equal(found(d, "đảng", 1), "2 1"); /* case is not an accent */
	assert_string_equal(found(d, "đang", 1), "3");
	assert_string_equal(found(d, "dang", 1), "");
	assert_string_equal(found(d, "\"Đặng Văn\"", 1), "3");
	assert_string_equal(found(d, "\"Dang Van\"", 1), "");
	/* a plain word beside an accented one, in a phrase; prefixes of either */
	assert_string_equal(found(d, "\"kinh tế\"", 1), "3 2");
	assert_string_equal(found(d, "\"kinh te\"", 1), "");
	assert_string_equal(found(d, "Đả*", 1), "2 1");
	assert_string_equal(found(d, "da*", 1), "");
	assert_string_equal(found(d, "vi*", 1), "3"); /* "việc" */
	assert_string_equal(found(d, "hà AND nội", 1), "2");
}

static void
test_syntax(void **state)
{
	desk *d = *state;

	assert_string_equal(found(d, "\"kinh te\"", 0), "3 2");
	assert_string_equal(found(d, "\"te kinh\"", 0), "");
	assert_string_equal(found(d, "kinh t*", 0), "3 2");
	assert_string_equal(found(d, "kinh NOT noi", 0), "3");
	assert_string_equal(found(d, "cuong OR lam", 0), "3 1");
	assert_string_equal(found(d, "(cuong OR lam) AND viec", 0), "3");
	/* side by side is AND, beside parentheses too (FTS5 alone refuses that) */
	assert_string_equal(found(d, "(cuong OR lam) viec", 0), "3");
	assert_string_equal(found(d, "viec (cuong OR lam)", 0), "3");
	assert_string_equal(found(d, "\"van lam\" viec", 0), "3");
	/* what FTS5 would refuse bare is a phrase */
	assert_string_equal(found(d, "Hà-Nội", 0), "2");
}

static void
test_boilerplate(void **state)
{
	desk *d = *state;
	desk_search_results *r = NULL;

	/* "Kinh doanh khó." is article 4's boilerplate: not found there */
	assert_string_equal(found(d, "doanh", 0), "");
	assert_string_equal(found(d, "kinh", 0), "3 2");
	assert_int_equal(desk_search(&r, d, "party", NULL), DESK_OK);
	assert_int_equal(desk_search_count(r), 1);
	assert_non_null(strstr(desk_search_get(r, 0)->snippet, "[party]"));
	assert_string_equal(desk_search_get(r, 0)->title, "Economy");
	desk_search_free(r);
}

/* --status and --label narrow the results; a deleted span counts for nothing. */
static void
test_filters(void **state)
{
	desk *d = *state;
	desk_search_opts o = {.label = "PER"};
	desk_search_results *r = NULL;
	int64_t span = 0;

	assert_int_equal(desk_article_set_status(d, 3, DESK_STATUS_DONE), DESK_OK);
	o.status = "done";
	o.label = NULL;
	assert_int_equal(desk_search(&r, d, "dang", &o), DESK_OK);
	assert_int_equal(desk_search_count(r), 1);
	assert_int_equal(desk_search_get(r, 0)->id, 3);
	desk_search_free(r);
	o.status = NULL;
	o.label = "PER";
	assert_int_equal(desk_search(&r, d, "dang", &o), DESK_OK);
	assert_int_equal(desk_search_count(r), 0);
	desk_search_free(r);
	/* "Lương Cường" in article 1 */
	assert_int_equal(desk_span_add(&span, d, 1, 4, 15, "PER", 0), DESK_OK);
	assert_int_equal(desk_search(&r, d, "dang", &o), DESK_OK);
	assert_int_equal(desk_search_count(r), 1);
	assert_int_equal(desk_search_get(r, 0)->id, 1);
	desk_search_free(r);
	assert_int_equal(desk_span_delete(d, span), DESK_OK);
	assert_int_equal(desk_search(&r, d, "dang", &o), DESK_OK);
	assert_int_equal(desk_search_count(r), 0);
	desk_search_free(r);
}

/* Each hit of the ranked page has its own article's snippet, the match marked. */
static void
test_page_snippets(void **state)
{
	desk *d = *state;
	desk_search_results *r = NULL;
	desk_search_opts o = {.open = "<", .close = ">"};

	assert_int_equal(desk_search(&r, d, "dang", &o), DESK_OK);
	assert_int_equal(desk_search_count(r), 3);
	assert_int_equal(desk_search_get(r, 0)->id, 2);
	assert_non_null(strstr(desk_search_get(r, 0)->snippet, "Cuộc họp"));
	assert_int_equal(desk_search_get(r, 1)->id, 3);
	assert_non_null(strstr(desk_search_get(r, 1)->snippet, "<Đặng> Văn Lâm <đang>"));
	assert_int_equal(desk_search_get(r, 2)->id, 1);
	assert_non_null(strstr(desk_search_get(r, 2)->snippet, "<Đảng> ủy"));
	desk_search_free(r);
	/* a one-letter prefix (the index's prefix option) */
	assert_string_equal(found(d, "t*", 0), "1 3 4 2");
	assert_string_equal(found(d, "đ*", 1), "2 3 1");
}

/* The first results: the newest matches first, no ranking, snippets and filters kept. */
static void
test_newest(void **state)
{
	desk *d = *state;
	desk_search_results *r = NULL;
	desk_search_opts o = {.newest = 1};

	assert_int_equal(desk_search(&r, d, "dang", &o), DESK_OK);
	assert_int_equal(desk_search_count(r), 3);
	assert_int_equal(desk_search_get(r, 0)->id, 3);
	assert_int_equal(desk_search_get(r, 1)->id, 2);
	assert_int_equal(desk_search_get(r, 2)->id, 1);
	assert_non_null(strstr(desk_search_get(r, 0)->snippet, "[Đặng] Văn Lâm [đang]"));
	assert_true(desk_search_get(r, 0)->score == 0.0);
	desk_search_free(r);
	o.limit = 2;
	o.exact = 1;
	assert_int_equal(desk_search(&r, d, "Đảng", &o), DESK_OK);
	assert_int_equal(desk_search_count(r), 2);
	assert_int_equal(desk_search_get(r, 0)->id, 2);
	assert_int_equal(desk_search_get(r, 1)->id, 1);
	desk_search_free(r);
	assert_int_equal(desk_article_set_status(d, 2, DESK_STATUS_DONE), DESK_OK);
	o.exact = 0;
	o.status = "done";
	assert_int_equal(desk_search(&r, d, "kinh t*", &o), DESK_OK);
	assert_int_equal(desk_search_count(r), 1);
	assert_int_equal(desk_search_get(r, 0)->id, 2);
	desk_search_free(r);
}

/*
 * More matches than the ranked page ranks (SEARCH_RANK_CAP, 2000): the best
 * of the newest 2000.  The oldest and the newest articles are alike (a title
 * match each): ranking all, the oldest would come first (ties by id).
 */
static void
test_rank_cap(void **state)
{
	enum { N = 2001 };
	desk *d = *state;
	desk_article_in *in = calloc(N, sizeof *in);
	char(*body)[32] = calloc(N, sizeof *body);
	desk_search_results *r = NULL;
	int64_t *ids = calloc(N, sizeof *ids);

	assert_non_null(ids);
	assert_non_null(in);
	assert_non_null(body);
	for (size_t i = 0; i < N; i++) {
		snprintf(body[i], sizeof body[i], "alpha number %zu", i + 100000);
		in[i].title = i == 0 || i == N - 1 ? "Alpha" : "Other";
		in[i].body = body[i];
		in[i].body_len = strlen(body[i]);
	}
	assert_int_equal(desk_article_add(d, in, N, ids, NULL), DESK_OK);
	assert_int_equal(desk_search(&r, d, "alpha", NULL), DESK_OK);
	assert_int_equal(desk_search_count(r), 20);
	assert_int_equal(desk_search_get(r, 0)->id, ids[N - 1]);
	for (size_t i = 0; i < 20; i++)
		assert_true(desk_search_get(r, i)->id != ids[0]);
	desk_search_free(r);
	free(ids);
	free(body);
	free(in);
}

static void
bad(desk *d, const char *q, int rule)
{
	desk_search_results *r = (desk_search_results *)1;

	assert_int_equal(desk_search(&r, d, q, NULL), DESK_INVALID);
	assert_null(r);
	assert_int_equal(desk_errrule(d), rule);
	assert_string_equal(desk_errfield(d), "query");
	assert_null(strstr(desk_errmsg(d), "fts5"));
	assert_null(strstr(desk_errmsg(d), "syntax error"));
}

static void
test_malformed(void **state)
{
	desk *d = *state;

	bad(d, "\"kinh te", DESK_RULE_QUOTE);
	bad(d, "AND", DESK_RULE_OPERATOR);
	bad(d, "OR kinh", DESK_RULE_OPERATOR);
	bad(d, "kinh NOT", DESK_RULE_OPERATOR);
	bad(d, "NOT kinh", DESK_RULE_OPERATOR);
	bad(d, "kinh AND OR te", DESK_RULE_OPERATOR);
	bad(d, "(kinh", DESK_RULE_PAREN);
	bad(d, "kinh)", DESK_RULE_PAREN);
	bad(d, "()", DESK_RULE_PAREN);
	bad(d, "", DESK_RULE_EMPTY);
	bad(d, "   ", DESK_RULE_EMPTY);
	bad(d, "... -- \"!\"", DESK_RULE_EMPTY);
	bad(d, "\xff", DESK_RULE_UTF8);
	/* the handle still searches */
	assert_string_equal(found(d, "luong", 0), "1");
}

/* A database of docs' three articles made before migration 8, at path, opened. */
static desk *
upgraded(char *path)
{
	desk_article_in in[3] = {{0}};
	desk *d;
	sqlite3 *db;
	int fd;

	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(desk_open(&d, path, "tester"), DESK_OK);
	for (size_t i = 0; i < 3; i++) {
		in[i].body = docs[i].body;
		in[i].body_len = strlen(docs[i].body);
		in[i].title = docs[i].title;
	}
	assert_int_equal(desk_article_add(d, in, 3, NULL, NULL), DESK_OK);
	desk_close(d);
	/* back to version 7: no index */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db,
	                 "DROP TABLE search_upgrade; DROP VIEW article_search_src; "
	                 "PRAGMA writable_schema = ON; DELETE FROM sqlite_schema WHERE "
	                 "name LIKE 'article_fts%'; PRAGMA writable_schema = OFF; "
	                 "ALTER TABLE edit_log DROP COLUMN uid; PRAGMA user_version = 7",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(desk_open(&d, path, "tester"), DESK_OK);
	return d;
}

static void
unlink_db(const char *path)
{
	char p[64];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* A database with articles from before migration 8 is indexed in steps. */
static void
test_upgrade(void **state)
{
	char path[] = "/tmp/copydesk-search-XXXXXX";
	desk *d = upgraded(path);
	int64_t left = -1;

	(void)state;
	assert_string_equal(found(d, "luong", 0), "");
	assert_int_equal(desk_search_index(&left, d, 0), DESK_OK);
	assert_int_equal(left, 3);
	assert_int_equal(desk_search_index(&left, d, 2), DESK_OK);
	assert_int_equal(left, 1);
	assert_string_equal(found(d, "luong", 0), "1");
	assert_string_equal(found(d, "lam", 0), "");
	assert_int_equal(desk_search_index(&left, d, 2), DESK_OK);
	assert_int_equal(left, 0);
	assert_string_equal(found(d, "lam", 0), "3");
	assert_int_equal(desk_search_index(&left, d, 2), DESK_OK); /* nothing left: no-op */
	assert_int_equal(left, 0);
	desk_close(d);
	unlink_db(path);
}

/*
 * New articles are recorded as pending in their batch's transaction and
 * indexed after its commit in short steps, together with any range left
 * pending before (an upgrade's, a killed import's): none stays pending.
 */
static void
test_pending(void **state)
{
	char path[] = "/tmp/copydesk-search-XXXXXX";
	desk *d = upgraded(path);
	desk_article_in in = {0};
	int64_t left = -1;

	(void)state;
	assert_int_equal(desk_search_index(&left, d, 0), DESK_OK);
	assert_int_equal(left, 3);
	in.body = "Bài mới về Đà Nẵng.";
	in.body_len = strlen(in.body);
	in.title = "Mới";
	assert_int_equal(desk_article_add(d, &in, 1, NULL, NULL), DESK_OK);
	assert_int_equal(desk_search_index(&left, d, 0), DESK_OK);
	assert_int_equal(left, 0);
	assert_string_equal(found(d, "moi", 0), "4");
	assert_string_equal(found(d, "luong", 0), "1");
	desk_close(d);
	unlink_db(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_words),
	    cmocka_unit_test_setup_teardown(test_accentless, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rank_title_first, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_exact, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_syntax, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_boilerplate, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_page_snippets, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_newest, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rank_cap, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
	    cmocka_unit_test(test_upgrade),
	    cmocka_unit_test(test_pending),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
