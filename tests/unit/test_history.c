/* test_history.c - undo and redo per editor, over temp file databases. */
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

/* "Lương Cường met Donald Trump in Gyeongju." */
static const char hist_body[] = "L\xc6\xb0\xc6\xa1ng C\xc6\xb0\xe1\xbb\x9dng met Donald "
                                "Trump in Gyeongju.";

typedef struct hist {
	char path[40];
	desk *d;
	int64_t article;
} hist;

static void
hist_unlink(const char *path)
{
	char p[64];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* A new file database opened as editor, with one article. */
static void
hist_open(hist *h, const char *editor)
{
	desk_article_in in = {.body = hist_body, .body_len = sizeof hist_body - 1, .lang = "en"};
	int fd;

	strcpy(h->path, "/tmp/copydesk-hist-XXXXXX");
	fd = mkstemp(h->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(h->path);
	assert_int_equal(desk_open(&h->d, h->path, editor), DESK_OK);
	assert_int_equal(desk_article_add(h->d, &in, 1, &h->article, NULL), DESK_OK);
}

static void
hist_close(hist *h)
{
	desk_close(h->d);
	hist_unlink(h->path);
}

/* One integer from the file, through a connection of its own. */
static int64_t
hist_int(const hist *h, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n;

	assert_int_equal(sqlite3_open(h->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static int64_t
hist_log_rows(const hist *h)
{
	return hist_int(h, "SELECT count(*) FROM edit_log");
}

static size_t
hist_spans(desk *d, int64_t article)
{
	desk_spans *s = NULL;
	size_t n;

	assert_int_equal(desk_spans_get(&s, d, article), DESK_OK);
	n = desk_spans_count(s);
	desk_spans_free(s);
	return n;
}

/* The span's label, or "" when it does not stand, copied into buf. */
static const char *
hist_label(char *buf, size_t size, desk *d, int64_t span)
{
	desk_span *s = NULL;

	buf[0] = '\0';
	if (desk_span_get(&s, d, span) == DESK_OK)
		snprintf(buf, size, "%s", s->label);
	desk_span_free(s);
	return buf;
}

static void
test_nothing_to_undo(void **state)
{
	hist h;
	int64_t art = -1, rows;

	(void)state;
	hist_open(&h, "anna");
	rows = hist_log_rows(&h);
	assert_int_equal(desk_undo(&art, h.d), DESK_NOTFOUND);
	assert_string_equal(desk_errmsg(h.d), "nothing to undo");
	assert_int_equal(art, 0);
	assert_int_equal(desk_redo(&art, h.d), DESK_NOTFOUND);
	assert_string_equal(desk_errmsg(h.d), "nothing to redo");
	/* The import is not an edit anyone undoes, and nothing was logged. */
	assert_int_equal(hist_log_rows(&h), rows);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM edit_log WHERE action = 'import'"), 1);
	hist_close(&h);
}

static void
test_span_add(void **state)
{
	hist h;
	int64_t id, art = 0;
	desk_span *s = NULL;

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_span_add(&id, h.d, h.article, 0, 11, "PER", 0), DESK_OK);
	assert_int_equal(hist_spans(h.d, h.article), 1);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(art, h.article);
	assert_int_equal(hist_spans(h.d, h.article), 0);
	assert_int_equal(desk_span_get(&s, h.d, id), DESK_NOTFOUND);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM span WHERE deleted_by = 'anna'"), 1);
	art = 0;
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(art, h.article);
	/* The same span, with the same id, stands again. */
	assert_int_equal(desk_span_get(&s, h.d, id), DESK_OK);
	assert_string_equal(s->text, "L\xc6\xb0\xc6\xa1ng C\xc6\xb0\xe1\xbb\x9dng");
	assert_string_equal(s->label, "PER");
	desk_span_free(s);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM span"), 1);
	assert_int_equal(desk_redo(&art, h.d), DESK_NOTFOUND);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_spans(h.d, h.article), 0);
	hist_close(&h);
}

static void
test_span_delete(void **state)
{
	hist h;
	int64_t id, art = 0;
	char buf[16];

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_span_add(&id, h.d, h.article, 16, 28, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_delete(h.d, id), DESK_OK);
	assert_int_equal(hist_spans(h.d, h.article), 0);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(art, h.article);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, id), "PER");
	assert_int_equal(
	    hist_int(&h,
	             "SELECT count(*) FROM span WHERE deleted_at IS NULL AND deleted_by IS NULL"),
	    1);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, id), "");
	/* Undo twice: the delete, then the add. */
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_spans(h.d, h.article), 1);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_spans(h.d, h.article), 0);
	assert_int_equal(desk_undo(&art, h.d), DESK_NOTFOUND);
	/* Redo in the order of the edits. */
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(hist_spans(h.d, h.article), 1);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(hist_spans(h.d, h.article), 0);
	assert_int_equal(desk_redo(&art, h.d), DESK_NOTFOUND);
	hist_close(&h);
}

static void
test_span_relabel(void **state)
{
	hist h;
	int64_t id, art;
	char buf[16];

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_span_add(&id, h.d, h.article, 32, 40, "ORG", 0), DESK_OK);
	assert_int_equal(desk_span_relabel(h.d, id, "LOC"), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, id), "ORG");
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, id), "LOC");
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, id), "ORG");
	hist_close(&h);
}

static void
test_status(void **state)
{
	hist h;
	int64_t art = 0;
	desk_article *a = NULL;

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_article_set_status(h.d, h.article, DESK_STATUS_PROGRESS), DESK_OK);
	assert_int_equal(desk_article_set_status(h.d, h.article, DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(art, h.article);
	assert_int_equal(desk_article_get(&a, h.d, h.article), DESK_OK);
	assert_int_equal(desk_article_status(a), DESK_STATUS_PROGRESS);
	desk_article_free(a);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(desk_article_get(&a, h.d, h.article), DESK_OK);
	assert_int_equal(desk_article_status(a), DESK_STATUS_NEW);
	desk_article_free(a);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(desk_article_get(&a, h.d, h.article), DESK_OK);
	assert_int_equal(desk_article_status(a), DESK_STATUS_PROGRESS);
	desk_article_free(a);
	hist_close(&h);
}

static int64_t
hist_entity_of(desk *d, int64_t span)
{
	desk_span *s = NULL;
	int64_t e;

	assert_int_equal(desk_span_get(&s, d, span), DESK_OK);
	e = s->entity_id;
	desk_span_free(s);
	return e;
}

static void
test_span_link(void **state)
{
	hist h;
	int64_t id, e1, e2, art;

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_entity_ensure(&e1, h.d, "Donald Trump", "Q22686"), DESK_OK);
	assert_int_equal(desk_entity_ensure(&e2, h.d, "Donald J. Trump", ""), DESK_OK);
	assert_int_equal(desk_span_add(&id, h.d, h.article, 16, 28, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_link(h.d, id, e1), DESK_OK);
	assert_int_equal(desk_span_link(h.d, id, e2), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_entity_of(h.d, id), e1);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_entity_of(h.d, id), 0);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM span WHERE entity_id IS NULL"), 1);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(hist_entity_of(h.d, id), e1);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(hist_entity_of(h.d, id), e2);
	hist_close(&h);
}

static void
test_entity_rename(void **state)
{
	hist h;
	int64_t e, art = -1;

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_entity_ensure(&e, h.d, "Luong Cuong", ""), DESK_OK);
	assert_int_equal(
	    desk_entity_rename(h.d, e, "L\xc6\xb0\xc6\xa1ng C\xc6\xb0\xe1\xbb\x9dng", "Q1"),
	    DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	/* A corpus-wide edit is in no article. */
	assert_int_equal(art, 0);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM entity WHERE name = 'Luong Cuong' AND "
	                              "external_id = ''"),
	                 1);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM entity WHERE name <> 'Luong Cuong' AND "
	                              "external_id = 'Q1'"),
	                 1);
	hist_close(&h);
}

static void
test_entity_merge(void **state)
{
	hist h;
	desk *bob = NULL;
	int64_t into, from, a, b, c, art;

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_open(&bob, h.path, "bob"), DESK_OK);
	assert_int_equal(desk_user_add(h.d, "bob", DESK_ROLE_CHIEF),
	                 DESK_OK); /* may change anna's */
	assert_int_equal(desk_entity_ensure(&into, h.d, "Donald Trump", ""), DESK_OK);
	assert_int_equal(desk_entity_ensure(&from, h.d, "Trump", ""), DESK_OK);
	assert_int_equal(desk_span_add(&a, h.d, h.article, 16, 28, "PER", into), DESK_OK);
	assert_int_equal(desk_span_add(&b, h.d, h.article, 23, 28, "PER", from), DESK_OK);
	assert_int_equal(desk_span_add(&c, h.d, h.article, 16, 22, "PER", from), DESK_OK);
	assert_int_equal(desk_entity_merge(h.d, into, from), DESK_OK);
	assert_int_equal(hist_entity_of(h.d, b), into);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_entity_of(h.d, a), into);
	assert_int_equal(hist_entity_of(h.d, b), from);
	assert_int_equal(hist_entity_of(h.d, c), from);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM entity WHERE merged_into IS NULL"), 2);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(hist_entity_of(h.d, b), into);
	assert_int_equal(hist_entity_of(h.d, c), into);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM entity WHERE merged_into IS NULL"), 1);
	/* bob moves one of the merged spans on: anna's merge no longer comes apart. */
	assert_int_equal(desk_span_link(bob, c, 0), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(h.d), "bob"));
	assert_int_equal(hist_entity_of(h.d, b), into);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM entity WHERE merged_into IS NULL"), 1);
	desk_close(bob);
	hist_close(&h);
}

static void
test_suggestion_reject(void **state)
{
	hist h;
	desk_suggestion s = {0};
	int64_t art = 0;

	(void)state;
	hist_open(&h, "anna");
	s.article_id = h.article;
	s.start = 32;
	s.end = 40;
	s.label = "LOC";
	s.text = "Gyeongju";
	assert_int_equal(desk_suggestion_reject(h.d, &s), DESK_OK);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM suggestion_rejected WHERE editor = "
	                              "'anna' AND start = 32 AND \"end\" = 40 AND label = 'LOC'"),
	                 1);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(art, h.article);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM suggestion_rejected"), 0);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM suggestion_rejected"), 1);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM suggestion_rejected"), 0);
	hist_close(&h);
}

/* The log only grows; undo and redo entries name what they undo. */
static void
test_log_only_grows(void **state)
{
	hist h;
	int64_t id, art, before, add_log;

	(void)state;
	hist_open(&h, "anna");
	/* In progress already, so that the span is the whole edit (no status-auto with it). */
	assert_int_equal(desk_article_set_status(h.d, h.article, DESK_STATUS_PROGRESS), DESK_OK);
	assert_int_equal(desk_span_add(&id, h.d, h.article, 0, 11, "PER", 0), DESK_OK);
	add_log = hist_int(&h, "SELECT max(id) FROM edit_log WHERE action = 'span-add'");
	before = hist_log_rows(&h);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_log_rows(&h), before + 1);
	assert_int_equal(hist_int(&h, "SELECT undoes FROM edit_log WHERE action = 'undo'"),
	                 add_log);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM edit_log WHERE action = 'undo' AND "
	                              "editor = 'anna' AND data ->> '$.action' = 'span-add'"),
	                 1);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(hist_log_rows(&h), before + 2);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM edit_log r JOIN edit_log u ON "
	                              "r.undoes = u.id WHERE r.action = 'redo' AND u.action = "
	                              "'undo'"),
	                 1);
	/* The edit's own row is still there, unchanged. */
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM edit_log WHERE action = 'span-add' "
	                              "AND undoes IS NULL AND data ->> '$.span' = target_id"),
	                 1);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_log_rows(&h), before + 3);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM edit_log WHERE action = 'undo'"), 2);
	hist_close(&h);
}

static void
test_new_edit_drops_redo(void **state)
{
	hist h;
	int64_t a, b, art;

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_span_add(&a, h.d, h.article, 0, 11, "PER", 0), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(desk_span_add(&b, h.d, h.article, 16, 28, "PER", 0), DESK_OK);
	assert_int_equal(desk_redo(&art, h.d), DESK_NOTFOUND);
	assert_string_equal(desk_errmsg(h.d), "nothing to redo");
	assert_int_equal(hist_spans(h.d, h.article), 1);
	/* Undo goes on to the new edit, and not to the dropped one. */
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(hist_spans(h.d, h.article), 0);
	assert_int_equal(desk_undo(&art, h.d), DESK_NOTFOUND);
	hist_close(&h);
}

static void
test_undo_after_reopen(void **state)
{
	hist h;
	int64_t id, art = 0;

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_span_add(&id, h.d, h.article, 0, 11, "PER", 0), DESK_OK);
	desk_close(h.d);
	/* Someone else's handle has nothing of anna's to undo. */
	assert_int_equal(desk_open(&h.d, h.path, "bob"), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_NOTFOUND);
	assert_int_equal(hist_spans(h.d, h.article), 1);
	desk_close(h.d);
	assert_int_equal(desk_open(&h.d, h.path, "anna"), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_int_equal(art, h.article);
	assert_int_equal(hist_spans(h.d, h.article), 0);
	desk_close(h.d);
	assert_int_equal(desk_open(&h.d, h.path, "anna"), DESK_OK);
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_int_equal(hist_spans(h.d, h.article), 1);
	hist_close(&h);
}

static void
test_two_editors(void **state)
{
	hist h;
	desk *bob = NULL;
	int64_t a, b, art;
	char buf[16];

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_open(&bob, h.path, "bob"), DESK_OK);
	assert_int_equal(desk_user_add(h.d, "bob", DESK_ROLE_CHIEF),
	                 DESK_OK); /* may change anna's */
	assert_int_equal(desk_span_add(&a, h.d, h.article, 0, 11, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&b, bob, h.article, 16, 28, "PER", 0), DESK_OK);
	/* anna's undo takes back her span, not bob's later one. */
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, a), "");
	assert_string_equal(hist_label(buf, sizeof buf, h.d, b), "PER");
	assert_int_equal(desk_undo(&art, h.d), DESK_NOTFOUND);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, b), "PER");
	/* bob's redo has nothing: the undone edit is anna's. */
	assert_int_equal(desk_redo(&art, bob), DESK_NOTFOUND);
	assert_int_equal(desk_undo(&art, bob), DESK_OK);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, b), "");
	assert_int_equal(desk_redo(&art, h.d), DESK_OK);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, a), "PER");
	assert_string_equal(hist_label(buf, sizeof buf, h.d, b), "");
	desk_close(bob);
	hist_close(&h);
}

static void
test_conflict(void **state)
{
	hist h;
	desk *bob = NULL;
	int64_t id, art, rows, history;
	char buf[16];

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_open(&bob, h.path, "bob"), DESK_OK);
	assert_int_equal(desk_user_add(h.d, "bob", DESK_ROLE_CHIEF),
	                 DESK_OK); /* may change anna's */
	assert_int_equal(desk_span_add(&id, h.d, h.article, 32, 40, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_relabel(h.d, id, "ORG"), DESK_OK);
	assert_int_equal(desk_span_relabel(bob, id, "LOC"), DESK_OK);
	rows = hist_log_rows(&h);
	history = hist_int(&h, "SELECT sum(seq) + count(*) * 1000 FROM history "
	                       "WHERE state = 'done'");
	art = -1;
	assert_int_equal(desk_undo(&art, h.d), DESK_CONFLICT);
	assert_int_equal(art, 0);
	assert_non_null(strstr(desk_errmsg(h.d), "bob"));
	assert_non_null(strstr(desk_errmsg(h.d), "LOC"));
	/* Nothing changed: the label, the log, the history. */
	assert_string_equal(hist_label(buf, sizeof buf, h.d, id), "LOC");
	assert_int_equal(hist_log_rows(&h), rows);
	assert_int_equal(hist_int(&h, "SELECT sum(seq) + count(*) * 1000 FROM history "
	                              "WHERE state = 'done'"),
	                 history);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM span WHERE updated_by = 'bob'"), 1);
	/* Once bob undoes his relabel, anna's undo goes through. */
	assert_int_equal(desk_undo(&art, bob), DESK_OK);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, id), "ORG");
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	assert_string_equal(hist_label(buf, sizeof buf, h.d, id), "PER");
	/* bob's redo now finds PER, not the ORG his relabel started from. */
	assert_int_equal(desk_redo(&art, bob), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(bob), "anna"));
	assert_string_equal(hist_label(buf, sizeof buf, h.d, id), "PER");
	desk_close(bob);
	hist_close(&h);
}

/* A deleted span cannot be relabelled back. */
static void
test_conflict_deleted(void **state)
{
	hist h;
	desk *bob = NULL;
	int64_t id, art;

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_open(&bob, h.path, "bob"), DESK_OK);
	assert_int_equal(desk_user_add(h.d, "bob", DESK_ROLE_CHIEF),
	                 DESK_OK); /* may change anna's */
	assert_int_equal(desk_span_add(&id, h.d, h.article, 32, 40, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_relabel(h.d, id, "ORG"), DESK_OK);
	assert_int_equal(desk_span_delete(bob, id), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(h.d), "deleted by bob"));
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM span WHERE label = 'ORG' AND "
	                              "deleted_by = 'bob'"),
	                 1);
	desk_close(bob);
	hist_close(&h);
}

/* A deleted span does not come back over a span bob made in its place. */
static void
test_conflict_same_range(void **state)
{
	hist h;
	desk *bob = NULL;
	int64_t a, b, art;

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_open(&bob, h.path, "bob"), DESK_OK);
	assert_int_equal(desk_user_add(h.d, "bob", DESK_ROLE_CHIEF),
	                 DESK_OK); /* may change anna's */
	assert_int_equal(desk_span_add(&a, h.d, h.article, 32, 40, "LOC", 0), DESK_OK);
	assert_int_equal(desk_span_delete(h.d, a), DESK_OK);
	assert_int_equal(desk_span_add(&b, bob, h.article, 32, 40, "LOC", 0), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(h.d), "bob"));
	assert_int_equal(hist_spans(h.d, h.article), 1);
	assert_int_equal(hist_int(&h, "SELECT count(*) FROM span WHERE deleted_at IS NULL AND "
	                              "author = 'bob'"),
	                 1);
	desk_close(bob);
	hist_close(&h);
}

/*
 * Messages say what an edit was in an editor's words ("cannot undo the new
 * label: ..."), never the log's action name ("cannot undo span-relabel").
 */
static void
test_words(void **state)
{
	hist h;
	desk *bob = NULL;
	int64_t id, art;
	char what[64];

	(void)state;
	hist_open(&h, "anna");
	assert_int_equal(desk_history_next(what, sizeof what, h.d, 1), DESK_NOTFOUND);
	assert_string_equal(what, "");
	assert_int_equal(desk_span_add(&id, h.d, h.article, 32, 40, "PER", 0), DESK_OK);
	assert_int_equal(desk_history_next(what, sizeof what, h.d, 1), DESK_OK);
	assert_string_equal(what, "the tagging");
	assert_int_equal(desk_history_next(what, sizeof what, h.d, 0), DESK_NOTFOUND);
	assert_int_equal(desk_span_relabel(h.d, id, "ORG"), DESK_OK);
	assert_int_equal(desk_history_next(what, sizeof what, h.d, 1), DESK_OK);
	assert_string_equal(what, "the new label");
	assert_int_equal(desk_open(&bob, h.path, "bob"), DESK_OK);
	assert_int_equal(desk_user_add(h.d, "bob", DESK_ROLE_CHIEF),
	                 DESK_OK); /* may change anna's */
	assert_int_equal(desk_span_relabel(bob, id, "LOC"), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(h.d), "cannot undo the new label: "));
	assert_null(strstr(desk_errmsg(h.d), "span-"));
	assert_int_equal(desk_undo(&art, bob), DESK_OK);
	assert_int_equal(desk_undo(&art, h.d), DESK_OK);
	/* Redo: the edit undone last. */
	assert_int_equal(desk_history_next(what, sizeof what, h.d, 0), DESK_OK);
	assert_string_equal(what, "the new label");
	/* A buffer too small is cut, not overrun. */
	assert_int_equal(desk_history_next(what, 5, h.d, 0), DESK_OK);
	assert_string_equal(what, "the ");
	/* Edits made together are one step, told by what they hold. */
	assert_int_equal(desk_edit_begin(h.d), DESK_OK);
	assert_int_equal(desk_span_add(&id, h.d, h.article, 0, 3, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&id, h.d, h.article, 5, 9, "PER", 0), DESK_OK);
	assert_int_equal(desk_edit_commit(h.d), DESK_OK);
	assert_int_equal(desk_history_next(what, sizeof what, h.d, 1), DESK_OK);
	assert_string_equal(what, "the tagging (2 edits made together)");
	assert_int_equal(desk_edit_begin(h.d), DESK_OK);
	assert_int_equal(desk_span_add(&id, h.d, h.article, 12, 15, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_relabel(h.d, id, "ORG"), DESK_OK);
	assert_int_equal(desk_edit_commit(h.d), DESK_OK);
	assert_int_equal(desk_history_next(what, sizeof what, h.d, 1), DESK_OK);
	assert_string_equal(what, "the tagging and 1 other edit made together");
	desk_close(bob);
	hist_close(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_nothing_to_undo),
	    cmocka_unit_test(test_span_add),
	    cmocka_unit_test(test_span_delete),
	    cmocka_unit_test(test_span_relabel),
	    cmocka_unit_test(test_status),
	    cmocka_unit_test(test_span_link),
	    cmocka_unit_test(test_entity_rename),
	    cmocka_unit_test(test_entity_merge),
	    cmocka_unit_test(test_suggestion_reject),
	    cmocka_unit_test(test_log_only_grows),
	    cmocka_unit_test(test_new_edit_drops_redo),
	    cmocka_unit_test(test_undo_after_reopen),
	    cmocka_unit_test(test_two_editors),
	    cmocka_unit_test(test_conflict),
	    cmocka_unit_test(test_conflict_deleted),
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_conflict_same_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
