/*
 * test_undo.c - undo never discards another editor's work, and one
 * transaction is one undo step: for every kind of edit, alice edits, bob
 * changes the same thing, and alice's undo (or redo) is refused, naming bob,
 * with nothing changed; edits grouped in one transaction are undone whole,
 * or not at all; a new article's first edit puts it in progress.  Over a
 * temp file that both editors open.
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

static const char body1[] = "Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024. Ông Nguyễn Văn An là "
                            "chủ tịch tỉnh. Ông Nguyễn Văn An nói thêm.";
static const char body2[] = "Báo cáo mới được công bố. Tỷ lệ hộ nghèo giảm còn 38,5% trong năm "
                            "2024. Ông Nguyễn Văn An không nói gì.";

typedef struct fx {
	char path[40];
	desk *a, *b; /* alice and bob on the same file */
	int64_t art[2];
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
	const char *bodies[] = {body1, body2};
	fx *f = calloc(1, sizeof *f);
	int fd;

	assert_non_null(f);
	strcpy(f->path, "/tmp/copydesk-undo-XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(f->path);
	assert_int_equal(desk_open(&f->a, f->path, "alice"), DESK_OK);
	assert_int_equal(desk_open(&f->b, f->path, "bob"), DESK_OK);
	/* bob changes alice's spans and claims to test conflicts: a chief may (roles.c). */
	assert_int_equal(desk_user_add(f->a, "bob", DESK_ROLE_CHIEF), DESK_OK);
	for (size_t i = 0; i < 2; i++) {
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

/* The code point offset of needle in s, and of its end. */
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

/* One text from the file, through a connection of its own (caller frees). */
static char *
fx_text(const fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *s;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = strdup(sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	assert_non_null(s);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return s;
}

static int64_t
fx_int(const fx *f, const char *sql)
{
	char *s = fx_text(f, sql);
	int64_t n = strtoll(s, NULL, 10);

	free(s);
	return n;
}

/* Everything an undo could change, as one string. */
static char *
fx_snapshot(const fx *f)
{
	return fx_text(
	    f, "SELECT json_array("
	       "(SELECT json_group_array(json_array(id, label, entity_id, deleted_at, updated_by)) "
	       "FROM span), "
	       "(SELECT json_group_array(json_array(id, name, external_id, merged_into)) FROM "
	       "entity), "
	       "(SELECT json_group_array(json_array(id, research_id, deleted_at)) FROM claim), "
	       "(SELECT json_group_array(json_array(id, status, verdict, note, proposed_by, "
	       "reviewed_by, review_reason)) FROM research), "
	       "(SELECT json_group_array(json_array(id, deleted_at)) FROM evidence), "
	       "(SELECT json_group_array(status) FROM article), "
	       "(SELECT count(*) FROM suggestion_rejected), "
	       "(SELECT count(*) FROM candidate_dismissed), "
	       "(SELECT json_group_array(json_array(log_id, state, seq)) FROM history), "
	       "(SELECT count(*) FROM edit_log))");
}

/* d's undo (or redo) is refused naming who, and changes nothing. */
static void
refused(const fx *f, desk *d, int redo, const char *who)
{
	char *before = fx_snapshot(f), *after;
	int64_t art = -1;

	assert_int_equal(redo ? desk_redo(&art, d) : desk_undo(&art, d), DESK_CONFLICT);
	if (strstr(desk_errmsg(d), who) == NULL)
		fail_msg("\"%s\" does not name %s", desk_errmsg(d), who);
	after = fx_snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static int64_t
fx_span(fx *f, desk *d, const char *needle, const char *label)
{
	int64_t id = 0;

	assert_int_equal(
	    desk_span_add(&id, d, f->art[0], cp(body1, needle), cp_end(body1, needle), label, 0),
	    DESK_OK);
	return id;
}

static int64_t
fx_claim(fx *f, desk *d)
{
	const char *s = "Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024.";
	int64_t id = 0;

	assert_int_equal(desk_claim_add(&id, d, f->art[0], cp(body1, s), cp_end(body1, s)),
	                 DESK_OK);
	return id;
}

/* A verdict and evidence: proposed by d's editor. */
static int64_t
fx_research(desk *d, int64_t claim)
{
	int64_t ev = 0;

	assert_int_equal(desk_claim_set_verdict(d, claim, "false"), DESK_OK);
	assert_int_equal(desk_claim_add_evidence(&ev, d, claim, "https://gso.gov.vn/a",
	                                         "tỷ lệ hộ nghèo 40%", NULL),
	                 DESK_OK);
	return ev;
}

/* --- Spans and entities ---------------------------------------------------- */

static void
test_span_add(void **state)
{
	fx *f = *state;
	int64_t id = fx_span(f, f->a, "Nguyễn Văn An", "PER"), e = 0;

	assert_int_equal(desk_span_relabel(f->b, id, "ORG"), DESK_OK);
	refused(f, f->a, 0, "bob");
	assert_int_equal(desk_span_relabel(f->b, id, "PER"), DESK_OK);
	assert_int_equal(desk_entity_ensure(&e, f->b, "Nguyễn Văn An", NULL), DESK_OK);
	assert_int_equal(desk_span_link(f->b, id, e), DESK_OK);
	refused(f, f->a, 0, "bob");
	/* Back as alice left it: the undo goes through. */
	assert_int_equal(desk_span_link(f->b, id, 0), DESK_OK);
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 0);
}

static void
test_span_delete(void **state)
{
	fx *f = *state;
	int64_t id = fx_span(f, f->a, "Nguyễn Văn An", "PER");

	assert_int_equal(desk_span_delete(f->a, id), DESK_OK);
	fx_span(f, f->b, "Nguyễn Văn An", "PER");
	refused(f, f->a, 0, "bob");
	/* Undone, bob relabels, the redo (a delete again) is refused. */
	assert_int_equal(desk_span_delete(f->b, id + 1), DESK_OK);
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	assert_int_equal(desk_span_relabel(f->b, id, "ORG"), DESK_OK);
	refused(f, f->a, 1, "bob");
}

static void
test_span_relabel(void **state)
{
	fx *f = *state;
	int64_t id = fx_span(f, f->b, "Nguyễn Văn An", "PER");

	assert_int_equal(desk_span_relabel(f->a, id, "ORG"), DESK_OK);
	assert_int_equal(desk_span_relabel(f->b, id, "LOC"), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_span_link(void **state)
{
	fx *f = *state;
	int64_t id = fx_span(f, f->b, "Nguyễn Văn An", "PER"), e1 = 0, e2 = 0;

	assert_int_equal(desk_entity_ensure(&e1, f->a, "Nguyễn Văn An", NULL), DESK_OK);
	assert_int_equal(desk_entity_ensure(&e2, f->a, "An", NULL), DESK_OK);
	assert_int_equal(desk_span_link(f->a, id, e1), DESK_OK);
	assert_int_equal(desk_span_link(f->b, id, e2), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_entity_rename(void **state)
{
	fx *f = *state;
	int64_t e = 0;

	assert_int_equal(desk_entity_ensure(&e, f->a, "Nguyen Van An", NULL), DESK_OK);
	assert_int_equal(desk_entity_rename(f->a, e, "Nguyễn Văn An", ""), DESK_OK);
	assert_int_equal(desk_entity_rename(f->b, e, "Nguyễn Văn An", "Q42"), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_entity_merge(void **state)
{
	fx *f = *state;
	int64_t s1 = fx_span(f, f->b, "Ông Nguyễn Văn An là", "PER"), into = 0, from = 0, other = 0;

	assert_int_equal(desk_entity_ensure(&into, f->b, "Nguyễn Văn An", NULL), DESK_OK);
	assert_int_equal(desk_entity_ensure(&from, f->b, "Ông An", NULL), DESK_OK);
	assert_int_equal(desk_entity_ensure(&other, f->b, "An khác", NULL), DESK_OK);
	assert_int_equal(desk_span_link(f->b, s1, from), DESK_OK);
	assert_int_equal(desk_entity_merge(f->a, into, from), DESK_OK);
	assert_int_equal(desk_span_link(f->b, s1, other), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_status(void **state)
{
	fx *f = *state;

	assert_int_equal(desk_article_set_status(f->a, f->art[0], DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(desk_article_set_status(f->b, f->art[0], DESK_STATUS_PROGRESS), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_suggestion_reject(void **state)
{
	fx *f = *state;
	desk_suggestion s = {0};

	s.article_id = f->art[0];
	s.start = cp(body1, "Nguyễn Văn An");
	s.end = cp_end(body1, "Nguyễn Văn An");
	s.label = "PER";
	s.text = "Nguyễn Văn An";
	assert_int_equal(desk_suggestion_reject(f->a, &s), DESK_OK);
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	assert_int_equal(desk_suggestion_reject(f->b, &s), DESK_OK);
	refused(f, f->a, 1, "bob");
}

/* --- Claims and their research -------------------------------------------- */

/* The fault: bob's verdict and evidence went with alice's undone claim. */
static void
test_claim_add(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->a);

	fx_research(f->b, id);
	assert_int_equal(
	    fx_int(
	        f,
	        "SELECT count(*) FROM research WHERE status = 'proposed' AND proposed_by = 'bob'"),
	    1);
	refused(f, f->a, 0, "bob");
	/* A note alone is research too. */
	assert_int_equal(desk_claim_delete_evidence(f->b, 1), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->b, id, NULL), DESK_OK);
	assert_int_equal(desk_claim_set_note(f->b, id, "hỏi Tổng cục Thống kê"), DESK_OK);
	refused(f, f->a, 0, "bob");
	assert_int_equal(desk_claim_set_note(f->b, id, ""), DESK_OK);
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM claim WHERE deleted_at IS NULL"), 0);
}

static void
test_claim_delete(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->b);

	assert_int_equal(desk_claim_delete(f->a, id), DESK_OK);
	fx_claim(f, f->b);
	refused(f, f->a, 0, "bob");
	/* Restored, bob researches it: deleting it again (redo) is refused. */
	assert_int_equal(desk_claim_delete(f->b, id + 1), DESK_OK);
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	fx_research(f->b, id);
	refused(f, f->a, 1, "bob");
}

static void
test_research_verdict(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->b);

	assert_int_equal(desk_claim_set_verdict(f->a, id, "false"), DESK_OK);
	assert_int_equal(desk_claim_set_note(f->b, id, "xem lại"), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_research_note(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->b);

	assert_int_equal(desk_claim_set_note(f->a, id, "xem lại"), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->b, id, "true"), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_claim_approve(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->b);

	fx_research(f->b, id);
	assert_int_equal(desk_claim_approve(f->a, id), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->b, id, "true"), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_claim_dispute(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->b);

	fx_research(f->b, id);
	assert_int_equal(desk_claim_dispute(f->a, id, "nguồn cũ"), DESK_OK);
	assert_int_equal(desk_claim_set_note(f->b, id, "nguồn mới"), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_evidence_add(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->b), ev = 0;

	assert_int_equal(desk_claim_add_evidence(&ev, f->a, id, "https://gso.gov.vn/a",
	                                         "tỷ lệ hộ nghèo 40%", NULL),
	                 DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->b, id, "false"), DESK_OK);
	refused(f, f->a, 0, "bob");
	assert_int_equal(desk_claim_set_verdict(f->b, id, NULL), DESK_OK);
	assert_int_equal(desk_claim_delete_evidence(f->b, ev), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_evidence_delete(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->b), ev = fx_research(f->b, id);

	assert_int_equal(desk_claim_delete_evidence(f->a, ev), DESK_OK);
	assert_int_equal(desk_claim_set_note(f->b, id, "còn thiếu nguồn"), DESK_OK);
	refused(f, f->a, 0, "bob");
}

static void
test_candidate_dismiss(void **state)
{
	fx *f = *state;
	desk_candidate *c = NULL;
	size_t n = 0;

	assert_int_equal(desk_claim_candidates(&c, &n, f->a, f->art[0]), DESK_OK);
	assert_true(n > 0);
	assert_int_equal(desk_claim_dismiss(f->a, f->art[0], c[0].start, c[0].end), DESK_OK);
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	assert_int_equal(desk_claim_dismiss(f->b, f->art[0], c[0].start, c[0].end), DESK_OK);
	refused(f, f->a, 1, "bob");
	free(c);
}

static void
test_claim_apply(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->a);
	size_t added = 0;

	fx_research(f->a, id);
	assert_int_equal(desk_claim_apply(&added, f->a, id), DESK_OK);
	assert_int_equal(added, 1);
	assert_int_equal(desk_claim_delete(f->b, id + 1), DESK_OK);
	refused(f, f->a, 0, "bob");
}

/* Bob researches further through a claim the apply made: the undo would take it from him. */
static void
test_claim_apply_research(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->a);
	size_t added = 0;

	fx_research(f->a, id);
	assert_int_equal(desk_claim_apply(&added, f->a, id), DESK_OK);
	assert_int_equal(added, 1);
	assert_int_equal(desk_claim_set_note(f->b, id + 1, "cũng đúng ở bài 2"), DESK_OK);
	refused(f, f->a, 0, "bob");
}

/* --- One transaction, one undo step ---------------------------------------- */

/* Several edits in one transaction: one undo takes them all back, one redo redoes them. */
static void
test_group_one_step(void **state)
{
	fx *f = *state;
	int64_t s1 = 0, s2 = 0, art = 0;

	assert_int_equal(desk_edit_begin(f->a), DESK_OK);
	s1 = fx_span(f, f->a, "Ông Nguyễn Văn An là", "PER");
	s2 = fx_span(f, f->a, "Ông Nguyễn Văn An nói", "PER");
	/* A refused edit inside is taken back alone; the group goes on. */
	assert_int_equal(desk_span_add(NULL, f->a, f->art[0], 0, 999, "PER", 0), DESK_RANGE);
	assert_int_equal(desk_edit_commit(f->a), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 2);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM history"), 1);
	assert_int_equal(desk_undo(&art, f->a), DESK_OK);
	assert_int_equal(art, f->art[0]);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 0);
	assert_int_equal(fx_int(f, "SELECT status = 'new' FROM article WHERE id = 1"), 1);
	assert_int_equal(desk_undo(NULL, f->a), DESK_NOTFOUND);
	assert_int_equal(desk_redo(NULL, f->a), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 2);
	/* Bob changes one of them: the whole undo is refused, nothing taken back. */
	assert_int_equal(desk_span_relabel(f->b, s2, "ORG"), DESK_OK);
	refused(f, f->a, 0, "bob");
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 2);
	(void)s1;
}

/* Accepting all suggestions (tag-all, accept-all) is one step, over articles too. */
static void
test_suggestions_accept(void **state)
{
	fx *f = *state;
	int64_t id = 0;
	desk_suggestions *s = NULL;
	size_t n = 0;

	assert_int_equal(desk_span_add(&id, f->b, f->art[0], cp(body1, "Nguyễn Văn An"),
	                               cp_end(body1, "Nguyễn Văn An"), "PER", 0),
	                 DESK_OK);
	assert_int_equal(desk_suggest_same(&s, f->a, id, 0, DESK_MATCH_EXACT), DESK_OK);
	assert_int_equal(desk_suggestions_count(s), 2);
	assert_int_equal(desk_suggestions_accept(&n, f->a, s), DESK_OK);
	assert_int_equal(n, 2);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 3);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM article WHERE status = 'progress'"), 2);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM history WHERE editor = 'alice'"), 1);
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 1);
	/* Article 1 was put in progress by bob's span, article 2 by alice's accept. */
	assert_int_equal(fx_int(f, "SELECT group_concat(status, ',') = 'progress,new' FROM (SELECT "
	                           "status FROM article ORDER BY id)"),
	                 1);
	assert_int_equal(desk_redo(NULL, f->a), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 3);
	/* Tagged meanwhile: left out, the rest accepted. */
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	assert_int_equal(desk_span_add(NULL, f->b, f->art[1], cp(body2, "Nguyễn Văn An"),
	                               cp_end(body2, "Nguyễn Văn An"), "PER", 0),
	                 DESK_OK);
	assert_int_equal(desk_suggestions_accept(&n, f->a, s), DESK_OK);
	assert_int_equal(n, 1);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 3);
	desk_suggestions_free(s);
}

/* A group rolled back writes nothing, and leaves nothing to undo. */
static void
test_group_rollback(void **state)
{
	fx *f = *state;
	int64_t id;
	char *before = fx_snapshot(f), *after;

	assert_int_equal(desk_edit_begin(f->a), DESK_OK);
	id = fx_claim(f, f->a);
	fx_research(f->a, id);
	desk_edit_rollback(f->a);
	after = fx_snapshot(f);
	assert_string_equal(before, after);
	assert_int_equal(desk_undo(NULL, f->a), DESK_NOTFOUND);
	/* The handle is usable after. */
	fx_claim(f, f->a);
	free(before);
	free(after);
}

/* The first edit of a new article puts it in progress, and its undo puts it back. */
static void
test_first_edit_progress(void **state)
{
	fx *f = *state;
	char *s;

	fx_span(f, f->a, "Nguyễn Văn An", "PER");
	s = fx_text(f, "SELECT status FROM article WHERE id = 1");
	assert_string_equal(s, "progress");
	free(s);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM history"), 1);
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	s = fx_text(f, "SELECT status FROM article WHERE id = 1");
	assert_string_equal(s, "new");
	free(s);
	assert_int_equal(desk_redo(NULL, f->a), DESK_OK);
	s = fx_text(f, "SELECT status FROM article WHERE id = 1");
	assert_string_equal(s, "progress");
	free(s);
	/* Bob sets it done: alice's undo takes her span back and leaves his status. */
	assert_int_equal(desk_article_set_status(f->b, f->art[0], DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(desk_undo(NULL, f->a), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 0);
	s = fx_text(f, "SELECT status FROM article WHERE id = 1");
	assert_string_equal(s, "done");
	free(s);
	/* A claim in the other article moves it too; a second edit moves nothing. */
	assert_int_equal(desk_claim_add(NULL, f->a, f->art[1], 0, 10), DESK_OK);
	s = fx_text(f, "SELECT status FROM article WHERE id = 2");
	assert_string_equal(s, "progress");
	free(s);
	assert_int_equal(desk_article_set_status(f->a, f->art[1], DESK_STATUS_NEW), DESK_OK);
	assert_int_equal(desk_claim_set_note(f->a, 1, "x"), DESK_OK);
	s = fx_text(f, "SELECT status FROM article WHERE id = 2");
	assert_string_equal(s, "progress");
	free(s);
}

int
main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
	    T(test_span_add),
	    T(test_span_delete),
	    T(test_span_relabel),
	    T(test_span_link),
	    T(test_entity_rename),
	    T(test_entity_merge),
	    T(test_status),
	    T(test_suggestion_reject),
	    T(test_claim_add),
	    T(test_claim_delete),
	    T(test_research_verdict),
	    T(test_research_note),
	    T(test_claim_approve),
	    T(test_claim_dispute),
	    T(test_evidence_add),
	    T(test_evidence_delete),
	    T(test_candidate_dismiss),
	    T(test_claim_apply),
	    T(test_claim_apply_research),
	    T(test_group_one_step),
	    T(test_group_rollback),
	    T(test_suggestions_accept),
	    T(test_first_edit_progress),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
