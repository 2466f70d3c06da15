/*
 * test_claims.c - claims, their research and its review by a second editor,
 * evidence checks, the same claim across articles, candidates, undo and the
 * edit log; over temp file databases (two editors share one file).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>
#include <sqlite3.h>

#include "copydesk/copydesk.h"
#include "internal.h" /* the handle's connection, to make its reads fail */

/* "Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024. Ông Nguyễn Văn An là chủ tịch tỉnh. ..." */
static const char body1[] = "Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024. Ông Nguyễn Văn An là "
                            "chủ tịch tỉnh. Đây là dự án lớn nhất miền Trung.";
static const char body2[] = "Báo cáo mới được công bố. TỶ LỆ HỘ NGHÈO GIẢM CÒN 38.5 % TRONG NĂM "
                            "2024. Hết.";
static const char body3[] = "Theo thống kê. Tỷ lệ hộ nghèo giảm còn 38,5 phần trăm trong năm 2024.";
/* Holds body1's first sentence, but as a part of a longer one: not the same claim. */
static const char body5[] =
    "Theo thống kê, tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024 ở nhiều tỉnh.";
static const char body4[] = "Tỷ lệ hộ nghèo giảm còn 40% trong năm 2024.";
/* A flag: two code points, one grapheme. */
static const char body_flag[] = "Cờ \xf0\x9f\x87\xbb\xf0\x9f\x87\xb3 tung bay.";

typedef struct fx {
	char path[40];
	desk *a, *b; /* alice and bob on the same file */
	int64_t art[5];
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
	const char *bodies[] = {body1, body2, body3, body4, body_flag};
	fx *f = calloc(1, sizeof *f);
	int fd;

	assert_non_null(f);
	strcpy(f->path, "/tmp/copydesk-claims-XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(f->path);
	assert_int_equal(desk_open(&f->a, f->path, "alice"), DESK_OK);
	assert_int_equal(desk_open(&f->b, f->path, "bob"), DESK_OK);
	for (size_t i = 0; i < 5; i++) {
		desk_article_in in = {
		    .body = bodies[i], .body_len = strlen(bodies[i]), .lang = "vi"};

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

/* The code point offset of needle in s. */
static int64_t
cp(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);

	assert_non_null(p);
	return desk_utf8_count(s, (size_t)(p - s));
}

static int64_t
cp_end(const char *s, const char *needle)
{
	return cp(s, needle) + desk_utf8_count(needle, strlen(needle));
}

/* One integer from the file, through a connection of its own. */
static int64_t
fx_int(const fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* The claim over the first sentence of body1, by alice. */
static int64_t
fx_claim1(fx *f)
{
	int64_t id = 0;

	assert_int_equal(desk_claim_add(&id, f->a, f->art[0], 0, cp_end(body1, "2024")), DESK_OK);
	assert_true(id > 0);
	return id;
}

static void
test_add_get(void **state)
{
	fx *f = *state;
	desk_claim *c = NULL;
	int64_t id, span_in = 0, span_out = 0, id2 = 0;
	int64_t s = cp(body1, "Nguyễn"), e = cp_end(body1, "Văn An");

	/* A span inside the second sentence and one outside it. */
	assert_int_equal(desk_span_add(&span_in, f->a, f->art[0], s, e, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&span_out, f->a, f->art[0], cp(body1, "miền"),
	                               cp_end(body1, "Trung"), "LOC", 0),
	                 DESK_OK);
	id = fx_claim1(f);
	assert_int_equal(
	    desk_claim_add(&id2, f->a, f->art[0], cp(body1, "Ông"), cp_end(body1, "chủ tịch tỉnh")),
	    DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_string_equal(c->text, "Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024");
	assert_int_equal(c->article_id, f->art[0]);
	assert_int_equal(c->start, 0);
	assert_int_equal(c->status, DESK_CLAIM_CHECK);
	assert_string_equal(c->verdict, "");
	assert_string_equal(c->note, "");
	assert_string_equal(c->proposed_by, "");
	assert_string_equal(c->reviewed_by, "");
	assert_string_equal(c->author, "alice");
	assert_true(c->research_id > 0);
	assert_int_equal(c->nevidence, 0);
	assert_int_equal(c->nentities, 0);
	assert_int_equal(c->repeats, 2); /* body2 and body3 */
	desk_claim_free(c);

	assert_int_equal(desk_claim_get(&c, f->a, id2), DESK_OK);
	assert_string_equal(c->text, "Ông Nguyễn Văn An là chủ tịch tỉnh");
	assert_int_equal(c->nentities, 1);
	assert_int_equal(c->entities[0]->id, span_in);
	assert_string_equal(c->entities[0]->text, "Nguyễn Văn An");
	assert_string_equal(c->entities[0]->label, "PER");
	assert_int_equal(c->repeats, 0);
	desk_claim_free(c);

	/* Its own research each. */
	assert_int_equal(fx_int(f, "SELECT count(DISTINCT research_id) FROM claim"), 2);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM research WHERE status = 'check'"), 2);
	/* Logged with who and when. */
	assert_int_equal(fx_int(f, "SELECT count(*) FROM edit_log WHERE action = 'claim-add' AND "
	                           "editor = 'alice' AND at LIKE '20__-__-__T__:__:__%Z'"),
	                 2);
}

static void
test_errors_change_nothing(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim1(f), out = 99;
	int64_t rows = fx_int(f, "SELECT count(*) FROM claim") +
	               fx_int(f, "SELECT count(*) FROM research") +
	               fx_int(f, "SELECT count(*) FROM edit_log");
	desk_claim *c = NULL;

	assert_int_equal(desk_claim_add(&out, f->a, f->art[0], 0, cp_end(body1, "2024")),
	                 DESK_DUPLICATE);
	assert_int_equal(out, 0);
	assert_int_equal(desk_claim_add(&out, f->a, f->art[0], 5, 5), DESK_RANGE);
	assert_int_equal(desk_claim_add(&out, f->a, f->art[0], -1, 4), DESK_RANGE);
	assert_int_equal(desk_claim_add(&out, f->a, f->art[0], 0, 100000), DESK_RANGE);
	assert_int_equal(desk_claim_add(&out, f->a, 12345, 0, 4), DESK_NOTFOUND);
	assert_int_equal(desk_claim_set_verdict(f->a, id, "half-true"), DESK_NOTFOUND);
	assert_int_equal(desk_claim_set_verdict(f->a, 777, "false"), DESK_NOTFOUND);
	assert_int_equal(desk_claim_approve(f->b, id), DESK_CONFLICT); /* not proposed */
	assert_int_equal(desk_claim_delete(f->a, 777), DESK_NOTFOUND);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM claim") +
	                     fx_int(f, "SELECT count(*) FROM research") +
	                     fx_int(f, "SELECT count(*) FROM edit_log"),
	                 rows);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_string_equal(c->verdict, "");
	desk_claim_free(c);

	/* Soft delete: gone from reads, the row kept for undo. */
	assert_int_equal(desk_claim_delete(f->a, id), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_NOTFOUND);
	assert_null(c);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM claim WHERE deleted_by = 'alice'"), 1);
	/* The range is free again. */
	assert_int_equal(desk_claim_add(&out, f->a, f->art[0], 0, cp_end(body1, "2024")), DESK_OK);
}

static void
test_grapheme_widening(void **state)
{
	fx *f = *state;
	int64_t flag = cp(body_flag, "\xf0\x9f\x87\xbb"), id = 0;
	desk_claim *c = NULL;

	/* Start and end between the flag's two code points. */
	assert_int_equal(desk_claim_add(&id, f->a, f->art[4], flag + 1, flag + 1 + 1), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->start, flag);
	assert_int_equal(c->end, flag + 2);
	assert_string_equal(c->text, "\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3");
	desk_claim_free(c);
	/* The same range given inside is the same claim. */
	assert_int_equal(desk_claim_add(&id, f->a, f->art[4], flag, flag + 1), DESK_DUPLICATE);
}

static desk_claim_status
fx_status(desk *d, int64_t id)
{
	desk_claim *c = NULL;
	desk_claim_status s;

	assert_int_equal(desk_claim_get(&c, d, id), DESK_OK);
	s = c->status;
	desk_claim_free(c);
	return s;
}

static void
test_workflow(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim1(f), ev = 0;
	desk_claim *c = NULL;

	/* A verdict alone: still to check. */
	assert_int_equal(desk_claim_set_verdict(f->a, id, "false"), DESK_OK);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_CHECK);
	/* With evidence: proposed by alice. */
	assert_int_equal(desk_claim_add_evidence(&ev, f->a, id,
	                                         "https://www.gso.gov.vn/bao-cao-2024",
	                                         "tỷ lệ hộ nghèo còn 3,2%", "2025-01-15"),
	                 DESK_OK);
	assert_true(ev > 0);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->status, DESK_CLAIM_PROPOSED);
	assert_string_equal(c->verdict, "false");
	assert_string_equal(c->proposed_by, "alice");
	assert_true(strlen(c->proposed_at) > 0);
	assert_int_equal(c->nevidence, 1);
	assert_int_equal(c->evidence[0].id, ev);
	assert_string_equal(c->evidence[0].source, "https://www.gso.gov.vn/bao-cao-2024");
	assert_string_equal(c->evidence[0].quote, "tỷ lệ hộ nghèo còn 3,2%");
	assert_string_equal(c->evidence[0].consulted, "2025-01-15");
	assert_string_equal(c->evidence[0].added_by, "alice");
	desk_claim_free(c);

	/* Nobody approves their own verdict. */
	assert_int_equal(desk_claim_approve(f->a, id), DESK_DENIED);
	assert_int_equal(desk_errrule(f->a), DESK_RULE_OWN_VERDICT);
	assert_string_equal(desk_errmsg(f->a), "refused (rule own-verdict): you proposed this "
	                                       "verdict; another editor must approve it");
	assert_int_equal(desk_claim_dispute(f->a, id, "I changed my mind"), DESK_DENIED);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_PROPOSED);
	/* Bob does. */
	assert_int_equal(desk_claim_approve(f->b, id), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->status, DESK_CLAIM_VERIFIED);
	assert_string_equal(c->reviewed_by, "bob");
	assert_true(strlen(c->reviewed_at) > 0);
	assert_string_equal(c->proposed_by, "alice");
	desk_claim_free(c);
	assert_int_equal(desk_claim_approve(f->b, id), DESK_CONFLICT); /* not proposed now */

	/* A change after the review: proposed again, the review off the row, kept in the log. */
	assert_int_equal(desk_claim_set_note(f->a, id, "số liệu của Tổng cục Thống kê"), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->status, DESK_CLAIM_PROPOSED);
	assert_string_equal(c->reviewed_by, "");
	assert_string_equal(c->note, "số liệu của Tổng cục Thống kê");
	desk_claim_free(c);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM edit_log WHERE action = 'claim-approve' "
	                           "AND editor = 'bob' AND json_extract(data, "
	                           "'$.after.reviewed_by') = 'bob'"),
	                 1);

	/* A dispute needs a reason. */
	assert_int_equal(desk_claim_dispute(f->b, id, ""), DESK_INVALID);
	assert_int_equal(desk_claim_dispute(f->b, id, "   "), DESK_INVALID);
	assert_int_equal(desk_claim_dispute(f->b, id, NULL), DESK_INVALID);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_PROPOSED);
	assert_int_equal(desk_claim_dispute(f->b, id, " the figure is from 2023 "), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->status, DESK_CLAIM_DISPUTED);
	assert_string_equal(c->review_reason, "the figure is from 2023");
	assert_string_equal(c->reviewed_by, "bob");
	desk_claim_free(c);

	/* A new verdict by bob: an editor does not change alice's research; a chief does. */
	assert_int_equal(desk_claim_set_verdict(f->b, id, "misleading"), DESK_DENIED);
	assert_int_equal(desk_errrule(f->b), DESK_RULE_OWNER);
	assert_int_equal(desk_user_add(f->a, "bob", DESK_ROLE_CHIEF), DESK_OK);
	/* Proposed by bob, so alice may approve. */
	assert_int_equal(desk_claim_set_verdict(f->b, id, "misleading"), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->status, DESK_CLAIM_PROPOSED);
	assert_string_equal(c->proposed_by, "bob");
	assert_string_equal(c->verdict, "misleading");
	assert_string_equal(c->review_reason, "");
	desk_claim_free(c);
	assert_int_equal(desk_claim_approve(f->b, id), DESK_DENIED); /* own-verdict */
	assert_int_equal(desk_claim_approve(f->a, id), DESK_OK);
	assert_int_equal(fx_status(f->b, id), DESK_CLAIM_VERIFIED);

	/* Without evidence: back to check. */
	assert_int_equal(desk_claim_delete_evidence(f->a, ev), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->status, DESK_CLAIM_CHECK);
	assert_int_equal(c->nevidence, 0);
	assert_string_equal(c->reviewed_by, "");
	desk_claim_free(c);
	assert_int_equal(desk_claim_delete_evidence(f->a, ev), DESK_NOTFOUND);

	/* Every step in the log with who and when. */
	assert_int_equal(
	    fx_int(f, "SELECT count(*) FROM edit_log WHERE action IN "
	              "('research-verdict', 'research-note', 'evidence-add', "
	              "'evidence-delete', 'claim-approve', 'claim-dispute') AND at <> ''"),
	    8);
	assert_int_equal(fx_int(f,
	                        "SELECT count(*) FROM edit_log WHERE action = 'claim-dispute' AND "
	                        "editor = 'bob' AND target_id = (SELECT research_id FROM claim)"),
	                 1);
}

static void
test_evidence_checks(void **state)
{
	static const struct {
		const char *source, *quote, *consulted, *field;
		int rule;
	} bad[] = {
	    {"https://example.com/a", "", "2025-01-01", "quote", DESK_RULE_EMPTY},
	    {"https://example.com/a", " \n\t ", "2025-01-01", "quote", DESK_RULE_EMPTY},
	    {"not a url", "a passage", "2025-01-01", "source", DESK_RULE_CITATION},
	    {"htp:/x", "a passage", "2025-01-01", "source", DESK_RULE_URL},
	    {"http://localhost/report", "a passage", "2025-01-01", "source", DESK_RULE_URL},
	    {"https://exa mple.com/a", "a passage", "2025-01-01", "source", DESK_RULE_URL},
	    {"www.example.com/a", "a passage", "2025-01-01", "source", DESK_RULE_URL},
	    {"reuters", "a passage", "2025-01-01", "source", DESK_RULE_CITATION},
	    {"X", "a passage", "2025-01-01", "source", DESK_RULE_CITATION},
	    {"", "a passage", "2025-01-01", "source", DESK_RULE_EMPTY},
	    {"https://example.com/a", "a passage", "2999-01-01", "consulted", DESK_RULE_FUTURE},
	    {"https://example.com/a", "a passage", "2025-02-30", "consulted", DESK_RULE_DATE},
	    {"https://example.com/a", "a passage", "2025-13-01", "consulted", DESK_RULE_DATE},
	    {"https://example.com/a", "a passage", "2025-1-01", "consulted", DESK_RULE_DATE},
	    {"https://example.com/a", "a passage", "yesterday", "consulted", DESK_RULE_DATE},
	};
	fx *f = *state;
	int64_t id = fx_claim1(f), ev = 0;
	desk_claim *c = NULL;
	char today[11];
	time_t now = time(NULL);
	struct tm tm;

	assert_int_equal(desk_claim_set_verdict(f->a, id, "f"), DESK_OK); /* by key */
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ev = 42;
		if (desk_claim_add_evidence(&ev, f->a, id, bad[i].source, bad[i].quote,
		                            bad[i].consulted) != DESK_INVALID)
			fail_msg("case %zu (%s, %s, %s) not refused", i, bad[i].source,
			         bad[i].quote, bad[i].consulted);
		assert_int_equal(ev, 0);
		/* Which field broke which rule, as data: no caller parses the message. */
		if (strcmp(desk_errfield(f->a), bad[i].field) != 0 ||
		    desk_errrule(f->a) != bad[i].rule)
			fail_msg("case %zu: field \"%s\" rule %s, not %s %s", i,
			         desk_errfield(f->a), desk_rule_name(desk_errrule(f->a)),
			         bad[i].field, desk_rule_name(bad[i].rule));
		/* The check alone says the same, for a caller that checks before it writes. */
		if (desk_evidence_check(f->a, bad[i].source, bad[i].quote, bad[i].consulted) !=
		        DESK_INVALID ||
		    strcmp(desk_errfield(f->a), bad[i].field) != 0)
			fail_msg("case %zu passes desk_evidence_check", i);
		/* And the field alone, as a form checks it when it is entered. */
		if (desk_evidence_check(
		        f->a, strcmp(bad[i].field, "source") == 0 ? bad[i].source : NULL,
		        strcmp(bad[i].field, "quote") == 0 ? bad[i].quote : NULL,
		        strcmp(bad[i].field, "consulted") == 0 ? bad[i].consulted : NULL) !=
		        DESK_INVALID ||
		    desk_errrule(f->a) != bad[i].rule)
			fail_msg("case %zu: the field alone is not refused", i);
	}
	/* A success leaves no field nor rule behind from the last refusal. */
	assert_int_equal(desk_claim_set_note(f->a, id, "n"), DESK_OK);
	assert_int_equal(desk_claim_dispute(f->a, id, "  "), DESK_INVALID);
	assert_string_equal(desk_errfield(f->a), "reason");
	assert_int_equal(desk_claim_set_note(f->a, id, "\xff"), DESK_INVALID);
	assert_string_equal(desk_errfield(f->a), "note");
	assert_int_equal(desk_claim_get(&c, f->a, 999), DESK_NOTFOUND);
	assert_string_equal(desk_errfield(f->a), "");
	assert_int_equal(desk_errrule(f->a), DESK_RULE_NONE);
	/* One word naming the source is a citation: an agency, an acronym. */
	assert_int_equal(desk_evidence_check(f->a, "Reuters", "a passage", "2025-01-01"), DESK_OK);
	assert_int_equal(desk_evidence_check(f->a, "TTXVN", NULL, NULL), DESK_OK);
	assert_int_equal(desk_evidence_check(f->a, " GSO ", NULL, NULL), DESK_OK);
	assert_int_equal(desk_evidence_check(f->a, NULL, "a passage", NULL), DESK_OK);
	assert_int_equal(
	    desk_evidence_check(f->a, "https://example.com/a", "a passage", "2025-01-01"), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM evidence"), 0);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_CHECK);

	/* A citation, a leap day; no date is today (UTC). */
	assert_int_equal(desk_claim_add_evidence(&ev, f->a, id, "Tổng cục Thống kê, báo cáo 2024",
	                                         "  tỷ lệ hộ nghèo  ", "2024-02-29"),
	                 DESK_OK);
	assert_int_equal(desk_claim_add_evidence(&ev, f->a, id, "HTTP://Example.com:8080/x?y=1",
	                                         "another", NULL),
	                 DESK_OK);
	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->nevidence, 2);
	assert_string_equal(c->evidence[0].quote, "tỷ lệ hộ nghèo");
	assert_string_equal(c->evidence[0].consulted, "2024-02-29");
	assert_string_equal(c->evidence[1].consulted, today);
	assert_int_equal(c->status, DESK_CLAIM_PROPOSED);
	desk_claim_free(c);
}

/* The text of article a's body[start:end). */
static void
fx_range_text(char *out, size_t size, const char *body, desk_range r)
{
	desk_text *t = NULL;
	size_t x, y;

	assert_int_equal(desk_text_new(&t, body, strlen(body)), DESK_OK);
	x = desk_text_byte(t, r.start);
	y = desk_text_byte(t, r.end);
	assert_true(y - x < size);
	memcpy(out, body + x, y - x);
	out[y - x] = '\0';
	desk_text_free(t);
}

static void
test_repeats_apply(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim1(f), *arts = NULL, pre = 0, ev = 0, aid;
	desk_range *r = NULL;
	desk_claims *l = NULL;
	desk_claim_filter filter = {0, DESK_CLAIM_ANY, NULL};
	desk_claim *c = NULL;
	size_t n = 0, added = 0;
	char text[256];

	assert_int_equal(desk_claim_repeats(&r, &arts, &n, f->a, id), DESK_OK);
	assert_int_equal(n, 2);
	assert_int_equal(arts[0], f->art[1]);
	assert_int_equal(arts[1], f->art[2]);
	fx_range_text(text, sizeof text, body2, r[0]);
	assert_string_equal(text, "TỶ LỆ HỘ NGHÈO GIẢM CÒN 38.5 % TRONG NĂM 2024.");
	fx_range_text(text, sizeof text, body3, r[1]);
	assert_string_equal(text, "Tỷ lệ hộ nghèo giảm còn 38,5 phần trăm trong năm 2024.");
	/* Every article indexed when it was stored (the flag's and body4's too). */
	assert_int_equal(fx_int(f, "SELECT count(DISTINCT article_id) FROM sentence"), 5);

	/* Body2's sentence is claimed already, with research of its own: relinked. */
	assert_int_equal(desk_claim_add(&pre, f->b, f->art[1], r[0].start, r[0].end), DESK_OK);
	assert_int_equal(desk_claim_apply(&added, f->a, id), DESK_OK);
	assert_int_equal(added, 2);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM claim WHERE deleted_at IS NULL"), 3);
	assert_int_equal(fx_int(f, "SELECT count(DISTINCT research_id) FROM claim WHERE deleted_at "
	                           "IS NULL"),
	                 1);
	/* Again: nothing more. */
	assert_int_equal(desk_claim_apply(&added, f->a, id), DESK_OK);
	assert_int_equal(added, 0);

	/* A verdict on one shows on all. */
	assert_int_equal(desk_claim_set_verdict(f->a, id, "true"), DESK_OK);
	assert_int_equal(
	    desk_claim_add_evidence(&ev, f->a, id, "Tổng cục Thống kê, 2024", "38,5%", NULL),
	    DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->b, pre), DESK_OK);
	assert_string_equal(c->verdict, "true");
	assert_int_equal(c->status, DESK_CLAIM_PROPOSED);
	assert_int_equal(c->nevidence, 1);
	assert_int_equal(c->repeats, 2);
	desk_claim_free(c);
	filter.article_id = f->art[2];
	assert_int_equal(desk_claims_get(&l, f->b, &filter), DESK_OK);
	assert_int_equal(desk_claims_count(l), 1);
	assert_string_equal(desk_claims_at(l, 0)->verdict, "true");
	assert_string_equal(desk_claims_at(l, 0)->proposed_by, "alice");
	desk_claims_free(l);
	/* Bob approves through body2's claim: body1's is verified. */
	assert_int_equal(desk_claim_approve(f->b, pre), DESK_OK);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_VERIFIED);

	/* Alice cannot undo her evidence: bob approved since. */
	assert_int_equal(desk_undo(&aid, f->a), DESK_CONFLICT);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_VERIFIED);
	free(r);
	free(arts);
}

/* Another connection runs sql on the file (an older copydesk, a second editor). */
static void
fx_exec(const fx *f, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/*
 * A database whose articles were stored before the sentence index (as an
 * upgrade finds them): reading claims never indexes them (nor writes at
 * all); the upgrade does, in steps of its own that say how many are left,
 * and repeats then find what the steps indexed.
 */
static void
test_index_steps(void **state)
{
	fx *f = *state;
	int64_t left = -1, *arts = NULL, id, before;
	desk_claim_filter all = {0, DESK_CLAIM_ANY, NULL};
	desk_claims *l = NULL;
	desk_claim *c = NULL;
	desk_range *r = NULL;
	size_t n = 0;

	id = fx_claim1(f);
	fx_exec(f, "DELETE FROM sentence; INSERT INTO sentence_upgrade (id, next, last) "
	           "VALUES (1, 1, 5)");
	before = fx_int(f, "SELECT count(*) FROM edit_log");
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->repeats, 0); /* nothing indexed yet */
	desk_claim_free(c);
	assert_int_equal(desk_claims_get(&l, f->a, &all), DESK_OK);
	desk_claims_free(l);
	assert_int_equal(desk_claim_repeats(&r, &arts, &n, f->a, id), DESK_OK);
	assert_int_equal(n, 0);
	free(r);
	free(arts);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM sentence"), 0);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM edit_log"), before);

	assert_int_equal(desk_claim_index(&left, f->a, 0), DESK_OK); /* only how many */
	assert_int_equal(left, 5);
	assert_int_equal(desk_claim_index(&left, f->a, 2), DESK_OK);
	assert_int_equal(left, 3);
	assert_int_equal(fx_int(f, "SELECT count(DISTINCT article_id) FROM sentence"), 2);
	/* Between steps nothing is held: bob writes at once. */
	assert_int_equal(desk_claim_add(&id, f->b, f->art[3], 0, 5), DESK_OK);
	assert_int_equal(desk_claim_index(&left, f->b, 2), DESK_OK);
	assert_int_equal(left, 1);
	assert_int_equal(desk_claim_index(&left, f->a, 10), DESK_OK);
	assert_int_equal(left, 0);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM sentence_upgrade"), 0);
	assert_int_equal(desk_claim_index(&left, f->a, 10), DESK_OK); /* nothing left: no-op */
	assert_int_equal(left, 0);
	assert_int_equal(fx_int(f, "SELECT count(DISTINCT article_id) FROM sentence"), 5);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM sentence WHERE article_id = 1"), 3);
	id = fx_int(f, "SELECT min(id) FROM claim");
	assert_int_equal(desk_claim_repeats(&r, &arts, &n, f->a, id), DESK_OK);
	assert_int_equal(n, 2);
	free(r);
	free(arts);
}

/* A progress handler that lets fx_budget steps of the virtual machine run, then interrupts one. */
static int fx_budget;

static int
fx_interrupt(void *arg)
{
	(void)arg;
	return --fx_budget == -1; /* once: the rollback after it runs */
}

/*
 * A read that fails half-way through an upgrade step (here: interrupted) is
 * an error, not the end of the articles: the step stores nothing and the
 * upgrade still has them all to do.  (The old indexer ignored sqlite3_step's
 * result when it listed the articles to index.)
 */
static void
test_index_step_error(void **state)
{
	fx *f = *state;
	int64_t left = -1;
	int failed = 0;

	fx_exec(f, "DELETE FROM sentence; INSERT INTO sentence_upgrade (id, next, last) "
	           "VALUES (1, 1, 5)");
	/* Every budget from none to plenty: each run fails cleanly or indexes. */
	for (int budget = 0; budget < 400; budget += 7) {
		int rc;

		fx_budget = budget;
		sqlite3_progress_handler(f->a->db, 1, fx_interrupt, NULL);
		rc = desk_claim_index(&left, f->a, 10);
		sqlite3_progress_handler(f->a->db, 0, NULL, NULL);
		if (rc == DESK_OK)
			break;
		failed++;
		/* All or nothing (an interrupted COMMIT may have committed). */
		if (fx_int(f, "SELECT count(*) FROM sentence_upgrade") == 0) {
			assert_int_equal(
			    fx_int(f, "SELECT count(DISTINCT article_id) FROM sentence"), 5);
			break;
		}
		assert_int_equal(fx_int(f, "SELECT count(*) FROM sentence"), 0);
		assert_int_equal(fx_int(f, "SELECT next FROM sentence_upgrade"), 1);
	}
	assert_true(failed > 0);
	assert_int_equal(desk_claim_index(&left, f->a, 10), DESK_OK);
	assert_int_equal(left, 0);
	assert_int_equal(fx_int(f, "SELECT count(DISTINCT article_id) FROM sentence"), 5);
}

/*
 * Repeats are symmetric once the research is shared: after apply, every
 * claim of the research lists the others' articles, whatever the text (a
 * claim of a part of a sentence finds only sentences with its key, but the
 * claims linked to it find it back).
 */
static void
test_repeats_symmetric(void **state)
{
	fx *f = *state;
	desk_article_in in = {.body = body5, .body_len = sizeof body5 - 1, .lang = "vi"};
	int64_t id = fx_claim1(f), part = 0, a5 = 0, *arts = NULL;
	desk_claim_filter all = {0, DESK_CLAIM_ANY, NULL};
	desk_claims *l = NULL;
	desk_claim *c = NULL;
	desk_range *r = NULL;
	size_t n = 0, added = 0;

	assert_int_equal(desk_article_add(f->a, &in, 1, &a5, NULL), DESK_OK);
	/* In body5 the statement is a part of a longer sentence: claimed by hand. */
	assert_int_equal(desk_claim_add(&part, f->b, a5, cp(body5, "tỷ lệ"), cp_end(body5, "2024")),
	                 DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->repeats, 2); /* body2 and body3 */
	desk_claim_free(c);
	assert_int_equal(desk_claim_apply(&added, f->a, id), DESK_OK);
	assert_int_equal(added, 2);
	/* The part's research is not body1's yet: link it (apply from it adds nothing new). */
	assert_int_equal(desk_claim_get(&c, f->a, part), DESK_OK);
	assert_int_equal(c->repeats, 3); /* its key is body1's: body1, body2, body3 */
	desk_claim_free(c);
	/* An editor's apply leaves alice's claims as they are; a chief's relinks them. */
	assert_int_equal(desk_claim_apply(&added, f->b, part), DESK_OK);
	assert_int_equal(added, 0);
	assert_int_equal(desk_user_add(f->a, "bob", DESK_ROLE_CHIEF), DESK_OK);
	assert_int_equal(desk_claim_apply(&added, f->b, part), DESK_OK);
	assert_int_equal(added, 3); /* the three claims relinked to the part's research */
	assert_int_equal(desk_claims_get(&l, f->a, &all), DESK_OK);
	assert_int_equal(desk_claims_count(l), 4);
	for (size_t i = 0; i < desk_claims_count(l); i++) {
		const desk_claim *x = desk_claims_at(l, i);

		assert_int_equal(x->repeats, 3); /* each shows the other three articles */
		assert_int_equal(desk_claim_repeats(&r, &arts, &n, f->a, x->id), DESK_OK);
		assert_int_equal(n, 3);
		for (size_t k = 0; k < n; k++)
			assert_true(arts[k] != x->article_id);
		free(r);
		free(arts);
	}
	desk_claims_free(l);
}

static void
test_apply_undo(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim1(f), pre = 0, aid = 0, pre_research;
	desk_claim *c = NULL;
	size_t added = 0;
	desk_range *r = NULL;
	int64_t *arts = NULL;
	size_t n = 0;

	assert_int_equal(desk_claim_repeats(&r, &arts, &n, f->b, id), DESK_OK);
	assert_int_equal(n, 2);
	assert_int_equal(desk_claim_add(&pre, f->a, f->art[1], r[0].start, r[0].end), DESK_OK);
	pre_research = fx_int(f, "SELECT max(research_id) FROM claim");
	assert_int_equal(desk_claim_apply(&added, f->a, id), DESK_OK);
	assert_int_equal(added, 2);
	assert_int_equal(desk_undo(&aid, f->a), DESK_OK);
	assert_int_equal(aid, f->art[0]);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM claim WHERE deleted_at IS NULL"), 2);
	assert_int_equal(desk_claim_get(&c, f->a, pre), DESK_OK);
	assert_int_equal(c->research_id, pre_research);
	desk_claim_free(c);
	assert_int_equal(desk_redo(&aid, f->a), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM claim WHERE deleted_at IS NULL"), 3);
	assert_int_equal(fx_int(f, "SELECT count(DISTINCT research_id) FROM claim WHERE deleted_at "
	                           "IS NULL"),
	                 1);
	free(r);
	free(arts);
}

static void
test_list_json(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim1(f), id4 = 0, ev = 0, span = 0;
	desk_claim_filter filter = {0, DESK_CLAIM_ANY, NULL};
	desk_claims *l = NULL;
	json_error_t err;
	json_t *root, *o;
	char *s = NULL;

	assert_int_equal(desk_claim_add(&id4, f->b, f->art[3], 0, cp_end(body4, "2024")), DESK_OK);
	assert_int_equal(desk_span_add(&span, f->a, f->art[0], 0, 2, "MISC", 0), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->a, id, "mostly true"), DESK_OK); /* a label */
	assert_int_equal(
	    desk_claim_add_evidence(&ev, f->a, id, "https://example.org/x", "quote", NULL),
	    DESK_OK);
	/* Corpus, by repeats first: body1's claim (2) before body4's (0). */
	assert_int_equal(desk_claims_get(&l, f->a, &filter), DESK_OK);
	assert_int_equal(desk_claims_count(l), 2);
	assert_int_equal(desk_claims_at(l, 0)->id, id);
	assert_int_equal(desk_claims_at(l, 0)->repeats, 2);
	assert_int_equal(desk_claims_at(l, 1)->id, id4);
	assert_int_equal(desk_claims_at(l, 1)->repeats, 0);
	assert_null(desk_claims_at(l, 2));
	desk_claims_free(l);
	/* Filters. */
	filter.status = DESK_CLAIM_PROPOSED;
	assert_int_equal(desk_claims_get(&l, f->a, &filter), DESK_OK);
	assert_int_equal(desk_claims_count(l), 1);
	assert_int_equal(desk_claims_at(l, 0)->id, id);
	desk_claims_free(l);
	filter.status = DESK_CLAIM_ANY;
	filter.verdict = "false";
	assert_int_equal(desk_claims_get(&l, f->a, &filter), DESK_OK);
	assert_int_equal(desk_claims_count(l), 0);
	desk_claims_free(l);
	filter.verdict = "mostly-true";
	filter.article_id = f->art[3];
	assert_int_equal(desk_claims_get(&l, f->a, &filter), DESK_OK);
	assert_int_equal(desk_claims_count(l), 0);
	desk_claims_free(l);
	filter.verdict = "nonsense";
	assert_int_equal(desk_claims_get(&l, f->a, &filter), DESK_NOTFOUND);
	assert_null(l);

	/* JSON with evidence and entities. */
	filter.verdict = NULL;
	filter.article_id = f->art[0];
	assert_int_equal(desk_claims_json(&s, f->a, &filter), DESK_OK);
	assert_non_null(root = json_loads(s, 0, &err));
	assert_int_equal(json_array_size(root), 1);
	o = json_array_get(root, 0);
	assert_int_equal(json_integer_value(json_object_get(o, "id")), id);
	assert_string_equal(json_string_value(json_object_get(o, "status")), "proposed");
	assert_string_equal(json_string_value(json_object_get(o, "verdict")), "mostly-true");
	assert_int_equal(json_integer_value(json_object_get(o, "repeats")), 2);
	assert_int_equal(json_array_size(json_object_get(o, "evidence")), 1);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(o, "evidence"), 0), "source")),
	                    "https://example.org/x");
	assert_int_equal(json_array_size(json_object_get(o, "entities")), 1);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(o, "entities"), 0), "label")),
	                    "MISC");
	json_decref(root);
	free(s);

	/* Bytes another program left in the store that are not UTF-8: U+FFFD, not a failure. */
	assert_int_equal(sqlite3_exec(f->a->db,
	                              "UPDATE research SET note = CAST(X'41FF42' AS TEXT); "
	                              "UPDATE evidence SET quote = CAST(X'C3' AS TEXT)",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(desk_claims_json(&s, f->a, &filter), DESK_OK);
	assert_non_null(root = json_loads(s, 0, &err));
	o = json_array_get(root, 0);
	assert_string_equal(json_string_value(json_object_get(o, "note")), "A\xEF\xBF\xBD"
	                                                                   "B");
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(o, "evidence"), 0), "quote")),
	                    "\xEF\xBF\xBD");
	json_decref(root);
	free(s);
	assert_string_equal(desk_claim_status_name(DESK_CLAIM_DISPUTED), "disputed");
}

static int
fx_has_candidate(const desk_candidate *c, size_t n, int64_t start, int64_t end)
{
	for (size_t i = 0; i < n; i++)
		if (c[i].start == start && c[i].end == end)
			return 1;
	return 0;
}

static void
test_candidates(void **state)
{
	fx *f = *state;
	desk_text *t = NULL;
	desk_candidate *all = NULL, *c = NULL;
	size_t nall = 0, n = 0;
	int64_t id = 0, aid = 0;

	assert_int_equal(desk_text_new(&t, body1, strlen(body1)), DESK_OK);
	assert_int_equal(desk_candidates(&all, &nall, t), DESK_OK);
	assert_true(nall >= 2); /* the percentage and "lớn nhất" */
	assert_int_equal(desk_claim_candidates(&c, &n, f->a, f->art[0]), DESK_OK);
	assert_int_equal(n, nall);
	free(c);

	/* A claim overlapping the first takes it out; a dismissal the second. */
	assert_int_equal(desk_claim_add(&id, f->a, f->art[0], all[0].start + 1, all[0].start + 3),
	                 DESK_OK);
	assert_int_equal(desk_claim_dismiss(f->a, f->art[0], all[1].start, all[1].end), DESK_OK);
	assert_int_equal(desk_claim_candidates(&c, &n, f->a, f->art[0]), DESK_OK);
	assert_int_equal(n, nall - 2);
	assert_false(fx_has_candidate(c, n, all[0].start, all[0].end));
	assert_false(fx_has_candidate(c, n, all[1].start, all[1].end));
	free(c);
	/* Filtering the article's candidates kept from before: the same. */
	{
		desk_candidate *kept = malloc(nall * sizeof *kept);
		size_t nkept = nall;

		assert_non_null(kept);
		memcpy(kept, all, nall * sizeof *kept);
		assert_int_equal(desk_claim_candidates_filter(kept, &nkept, f->a, f->art[0]),
		                 DESK_OK);
		assert_int_equal(nkept, nall - 2);
		assert_false(fx_has_candidate(kept, nkept, all[0].start, all[0].end));
		assert_false(fx_has_candidate(kept, nkept, all[1].start, all[1].end));
		free(kept);
	}
	/* The reader's way, with the body it holds: the same. */
	assert_int_equal(desk_claim_candidates_text(&c, &n, f->a, f->art[0], t), DESK_OK);
	assert_int_equal(n, nall - 2);
	assert_false(fx_has_candidate(c, n, all[0].start, all[0].end));
	assert_false(fx_has_candidate(c, n, all[1].start, all[1].end));
	free(c);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM edit_log WHERE action = "
	                           "'candidate-dismiss' AND editor = 'alice'"),
	                 1);
	/* Undo the dismissal: back. */
	assert_int_equal(desk_undo(&aid, f->a), DESK_OK);
	assert_int_equal(aid, f->art[0]);
	assert_int_equal(desk_claim_candidates(&c, &n, f->a, f->art[0]), DESK_OK);
	assert_int_equal(n, nall - 1);
	assert_true(fx_has_candidate(c, n, all[1].start, all[1].end));
	free(c);
	/* Only a candidate is dismissed, and only once; each refusal says why as data. */
	assert_int_equal(desk_claim_dismiss(f->a, f->art[0], all[1].start, all[1].end), DESK_OK);
	assert_int_equal(desk_claim_dismiss(f->a, f->art[0], all[1].start, all[1].end),
	                 DESK_DUPLICATE);
	assert_int_equal(desk_errrule(f->a), DESK_RULE_DISMISSED);
	assert_non_null(strstr(desk_errmsg(f->a), "dismissed already (by alice"));
	assert_int_equal(desk_claim_dismiss(f->a, f->art[0], all[1].start, all[1].end - 1),
	                 DESK_NOTFOUND);
	assert_int_equal(desk_errrule(f->a), DESK_RULE_NOT_CANDIDATE);
	assert_string_equal(desk_errfield(f->a), "range");
	assert_int_equal(desk_claim_dismiss(f->a, f->art[0], all[0].start, all[0].end),
	                 DESK_CONFLICT); /* claimed */
	assert_int_equal(desk_errrule(f->a), DESK_RULE_NOT_CANDIDATE);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM edit_log WHERE action = "
	                           "'candidate-dismiss'"),
	                 2);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM candidate_dismissed"), 1);
	assert_int_equal(desk_claim_dismiss(f->a, f->art[0], 10, 5), DESK_RANGE);
	assert_int_equal(desk_claim_dismiss(f->a, 999, 0, 5), DESK_NOTFOUND);
	assert_int_equal(desk_claim_candidates(&c, &n, f->a, 999), DESK_NOTFOUND);
	free(all);
	desk_text_free(t);
}

static void
test_undo(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim1(f), ev = 0, aid = 0;
	desk_claim *c = NULL;

	assert_int_equal(desk_claim_set_verdict(f->a, id, "false"), DESK_OK);
	assert_int_equal(
	    desk_claim_add_evidence(&ev, f->a, id, "https://example.com/r", "passage", NULL),
	    DESK_OK);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_PROPOSED);
	assert_int_equal(desk_claim_approve(f->b, id), DESK_OK);

	/* Bob undoes his approval: proposed again, no review. */
	assert_int_equal(desk_undo(&aid, f->b), DESK_OK);
	assert_int_equal(aid, f->art[0]);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->status, DESK_CLAIM_PROPOSED);
	assert_string_equal(c->reviewed_by, "");
	assert_string_equal(c->reviewed_at, "");
	assert_string_equal(c->proposed_by, "alice");
	desk_claim_free(c);
	/* Redo it: verified by bob. */
	assert_int_equal(desk_redo(&aid, f->b), DESK_OK);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_VERIFIED);
	assert_int_equal(desk_undo(&aid, f->b), DESK_OK);

	/* Alice undoes the evidence: gone, to check again; then the verdict. */
	assert_int_equal(desk_undo(&aid, f->a), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->nevidence, 0);
	assert_int_equal(c->status, DESK_CLAIM_CHECK);
	assert_string_equal(c->verdict, "false");
	assert_string_equal(c->proposed_by, "");
	desk_claim_free(c);
	assert_int_equal(desk_undo(&aid, f->a), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_string_equal(c->verdict, "");
	desk_claim_free(c);
	/* Redo both: proposed again. */
	assert_int_equal(desk_redo(&aid, f->a), DESK_OK);
	assert_int_equal(desk_redo(&aid, f->a), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_string_equal(c->verdict, "false");
	assert_int_equal(c->nevidence, 1);
	assert_int_equal(c->status, DESK_CLAIM_PROPOSED);
	desk_claim_free(c);

	/* Someone else's change since (a chief's: an editor may not): refused, nothing changed. */
	assert_int_equal(desk_claim_set_note(f->b, id, "bob's note"), DESK_DENIED);
	assert_int_equal(desk_user_add(f->a, "bob", DESK_ROLE_CHIEF), DESK_OK);
	assert_int_equal(desk_claim_set_note(f->b, id, "bob's note"), DESK_OK);
	assert_int_equal(desk_undo(&aid, f->a), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(f->a), "bob"));
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_int_equal(c->nevidence, 1);
	assert_string_equal(c->note, "bob's note");
	desk_claim_free(c);
	/* Bob's own undo of the note works: back to alice's proposal. */
	assert_int_equal(desk_undo(&aid, f->b), DESK_OK);
	assert_int_equal(desk_claim_get(&c, f->a, id), DESK_OK);
	assert_string_equal(c->note, "");
	assert_string_equal(c->proposed_by, "alice");
	desk_claim_free(c);

	/* Deleting and undoing a claim; the claim-add itself undone. */
	assert_int_equal(desk_claim_delete(f->a, id), DESK_OK);
	assert_int_equal(desk_undo(&aid, f->a), DESK_OK);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_PROPOSED);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM edit_log WHERE action = 'undo' AND "
	                           "editor = 'alice' AND json_extract(data, '$.action') = "
	                           "'claim-delete'"),
	                 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_add_get, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_errors_change_nothing, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_grapheme_widening, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_workflow, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_evidence_checks, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_repeats_apply, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_index_steps, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_repeats_symmetric, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_index_step_error, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_apply_undo, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_list_json, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_candidates, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_undo, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
