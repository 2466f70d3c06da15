/*
 * gold.c - the gold layer of an article (gold.h, migration 13): reading it,
 * and the changes that settle it (from an editor, add a span, remove one),
 * each one transaction with one 'gold' entry of the edit log, so that one
 * undo takes it back whole (store/history_actions.c).
 *
 * The differences between the editors' layers and settling them are
 * gold_diff.c; the claims' verdicts gold_verdict.c.
 */
#include <stdlib.h>
#include <string.h>

#include "gold_internal.h"
#include "roles.h"

struct desk_gold {
	int64_t article_id;
	int exists;
	desk_gold_span *v;
	size_t n;
};

int
gold_check_allowed(desk *d)
{
	/* Only chiefs adjudicate (store/roles.c; the undo of a gold edit too: history_undo.c). */
	return roles_require_chief(d, "adjudicate");
}

/* --- Reading ------------------------------------------------------------- */

#define GOLD_COLS                                                                                  \
	"id, article_id, start, \"end\", label, text, coalesce(entity_id, 0), "                    \
	"coalesce(span_id, 0), author, settled_by, settled_at"

static void
gold_span_clear(desk_gold_span *s)
{
	free((char *)s->label);
	free((char *)s->text);
	free((char *)s->author);
	free((char *)s->settled_by);
	free((char *)s->settled_at);
}

void
desk_gold_free(desk_gold *g)
{
	if (g == NULL)
		return;
	for (size_t i = 0; i < g->n; i++)
		gold_span_clear(&g->v[i]);
	free(g->v);
	free(g);
}

static int
gold_article_exists(desk *d, int64_t article_id)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, "SELECT 1 FROM article WHERE id = ?1")) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, article_id);
	if ((r = sqlite3_step(st)) == SQLITE_DONE)
		rc = desk_error_field(d, DESK_NOTFOUND, "article", DESK_RULE_UNKNOWN,
		                      "no article %lld", (long long)article_id);
	else if (r != SQLITE_ROW)
		rc = desk_sqlite_error(d, "article");
	sqlite3_finalize(st);
	return rc;
}

/* Whether the article has a standing gold layer into *out. */
static int
gold_layer_standing(int *out, desk *d, int64_t article_id)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*out = 0;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT 1 FROM gold_article WHERE article_id = ?1 AND "
	                       "deleted_at IS NULL")) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, article_id);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		*out = 1;
	else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "gold layer");
	sqlite3_finalize(st);
	return rc;
}

int
desk_gold_get(desk_gold **out, desk *d, int64_t article_id)
{
	static const char sql[] = "SELECT " GOLD_COLS " FROM gold_span WHERE article_id = ?1 AND "
	                          "deleted_at IS NULL ORDER BY start, \"end\" DESC, id";
	sqlite3_stmt *st = NULL;
	desk_gold *g = NULL;
	size_t cap = 0;
	int rc, r;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = gold_article_exists(d, article_id)) != DESK_OK)
		return rc;
	if ((g = calloc(1, sizeof *g)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	g->article_id = article_id;
	if ((rc = gold_layer_standing(&g->exists, d, article_id)) != DESK_OK ||
	    (rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		desk_gold_span *s;

		if (desk_grow(&g->v, &cap, g->n, sizeof *g->v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		s = &g->v[g->n++];
		s->id = sqlite3_column_int64(st, 0);
		s->article_id = sqlite3_column_int64(st, 1);
		s->start = sqlite3_column_int64(st, 2);
		s->end = sqlite3_column_int64(st, 3);
		s->label = desk_strdup((const char *)sqlite3_column_text(st, 4));
		s->text = desk_strdup((const char *)sqlite3_column_text(st, 5));
		s->entity_id = sqlite3_column_int64(st, 6);
		s->span_id = sqlite3_column_int64(st, 7);
		s->author = desk_strdup((const char *)sqlite3_column_text(st, 8));
		s->settled_by = desk_strdup((const char *)sqlite3_column_text(st, 9));
		s->settled_at = desk_strdup((const char *)sqlite3_column_text(st, 10));
		if (!s->label || !s->text || !s->author || !s->settled_by || !s->settled_at) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
	}
	if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "gold spans");
done:
	sqlite3_finalize(st);
	if (rc != DESK_OK)
		desk_gold_free(g);
	else
		*out = g;
	return rc;
}

int
desk_gold_exists(const desk_gold *g)
{
	return g ? g->exists : 0;
}

size_t
desk_gold_count(const desk_gold *g)
{
	return g ? g->n : 0;
}

const desk_gold_span *
desk_gold_at(const desk_gold *g, size_t i)
{
	return g && i < g->n ? &g->v[i] : NULL;
}

int
desk_gold_json(char **out, desk *d, int64_t article_id)
{
	static const char sql[] =
	    "SELECT json_object('article', ?1, 'gold', json(CASE WHEN EXISTS (SELECT 1 FROM "
	    "gold_article WHERE article_id = ?1 AND deleted_at IS NULL) THEN 'true' ELSE 'false' "
	    "END), 'spans', (SELECT coalesce(json_group_array(json_object('id', id, 'start', "
	    "start, 'end', \"end\", 'label', label, 'text', text, 'entity_id', eid, 'span_id', "
	    "sid, 'author', author, 'settled_by', settled_by, 'settled_at', settled_at)), '[]') "
	    "FROM (SELECT g.*, coalesce(entity_id, 0) AS eid, coalesce(span_id, 0) AS sid FROM "
	    "gold_span g WHERE article_id = ?1 AND deleted_at IS NULL ORDER BY start, \"end\" "
	    "DESC, id)))";
	int rc;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = gold_article_exists(d, article_id)) != DESK_OK)
		return rc;
	return desk_query_text(out, d, sql, article_id, "gold layer as JSON");
}

/* --- One change ------------------------------------------------------------ */

/* Append id to the change's list name. */
static int
gold_change_note(gold_change *c, const char *name, int64_t id)
{
	json_t *a = json_object_get(c->data, name);

	if (a == NULL || json_array_append_new(a, json_integer((json_int_t)id)) != 0)
		return desk_error(c->d, DESK_NOMEM, "out of memory");
	return DESK_OK;
}

/* Make the article's gold layer stand (a new row, or the one taken away back). */
static int
gold_change_layer(gold_change *c)
{
	static const char sql[] =
	    "INSERT INTO gold_article (article_id, settled_by, settled_at, updated_by, "
	    "updated_at) VALUES (?1, ?2, " DESK_SQL_NOW ", ?2, " DESK_SQL_NOW ") "
	    "ON CONFLICT (article_id) DO UPDATE SET deleted_at = NULL, deleted_by = NULL, "
	    "updated_by = excluded.updated_by, updated_at = excluded.updated_at "
	    "WHERE deleted_at IS NOT NULL";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(c->d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, c->article_id);
	sqlite3_bind_text(st, 2, c->d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "gold layer");
	else if (sqlite3_changes(c->d->db) > 0)
		rc = gold_change_note(c, "layer_on", c->article_id);
	sqlite3_finalize(st);
	return rc;
}

int
gold_change_begin(gold_change *c, desk *d, int64_t article_id, int layer)
{
	int rc;

	memset(c, 0, sizeof *c);
	c->d = d;
	c->article_id = article_id;
	c->layer = layer;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	c->begun = 1;
	c->data = json_pack("{s[] s[] s[] s[] s[] s[]}", "span_on", "span_off", "layer_on",
	                    "layer_off", "verdict_on", "verdict_off");
	if (c->data == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if ((rc = gold_check_allowed(d)) != DESK_OK ||
	    (rc = gold_article_exists(d, article_id)) != DESK_OK)
		return rc;
	return layer ? gold_change_layer(c) : DESK_OK;
}

int
gold_change_drop(gold_change *c, int64_t gold_span_id)
{
	static const char sql[] = "UPDATE gold_span SET deleted_by = ?3, deleted_at = " DESK_SQL_NOW
	                          ", updated_by = ?3, updated_at = " DESK_SQL_NOW
	                          " WHERE id = ?1 AND article_id = ?2 AND deleted_at IS NULL";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(c->d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, gold_span_id);
	sqlite3_bind_int64(st, 2, c->article_id);
	sqlite3_bind_text(st, 3, c->d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "gold span");
	else if (sqlite3_changes(c->d->db) > 0)
		rc = gold_change_note(c, "span_off", gold_span_id);
	sqlite3_finalize(st);
	return rc;
}

/* DESK_DUPLICATE (rule gold-same) when a standing gold span has f's range and label. */
static int
gold_change_unique(gold_change *c, const gold_fields *f)
{
	static const char sql[] = "SELECT id FROM gold_span WHERE article_id = ?1 AND start = ?2 "
	                          "AND \"end\" = ?3 AND label = ?4 AND deleted_at IS NULL";
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(c->d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, c->article_id);
	sqlite3_bind_int64(st, 2, f->start);
	sqlite3_bind_int64(st, 3, f->end);
	sqlite3_bind_text(st, 4, f->label, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		rc = desk_error_field(c->d, DESK_DUPLICATE, "span", DESK_RULE_GOLD_SAME,
		                      "gold span %lld already tags %lld-%lld as %s",
		                      (long long)sqlite3_column_int64(st, 0), (long long)f->start,
		                      (long long)f->end, f->label);
	else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(c->d, "gold span");
	sqlite3_finalize(st);
	return rc;
}

int
gold_change_put(int64_t *out, gold_change *c, const gold_fields *f)
{
	static const char sql[] =
	    "INSERT INTO gold_span (article_id, start, \"end\", label, text, entity_id, span_id, "
	    "author, settled_by, settled_at, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "nullif(?6, 0), nullif(?7, 0), ?8, ?9, " DESK_SQL_NOW ", ?9, " DESK_SQL_NOW ")";
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if ((rc = gold_change_unique(c, f)) != DESK_OK)
		return rc;
	if (c->put == NULL && (rc = desk_prepare(c->d, &c->put, sql)) != DESK_OK)
		return rc;
	st = c->put;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, c->article_id);
	sqlite3_bind_int64(st, 2, f->start);
	sqlite3_bind_int64(st, 3, f->end);
	sqlite3_bind_text(st, 4, f->label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, f->text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, f->entity_id);
	sqlite3_bind_int64(st, 7, f->span_id);
	sqlite3_bind_text(st, 8, f->author ? f->author : c->d->editor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, c->d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = desk_sqlite_error(c->d, "add gold span");
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	id = sqlite3_last_insert_rowid(c->d->db);
	if (out)
		*out = id;
	return gold_change_note(c, "span_on", id);
}

int
gold_change_take(int64_t *out, gold_change *c, int64_t span_id)
{
	static const char sql[] = "SELECT article_id, start, \"end\", label, text, "
	                          "coalesce(entity_id, 0), author FROM span WHERE id = ?1 AND "
	                          "deleted_at IS NULL";
	sqlite3_stmt *st = NULL;
	gold_fields f = {0};
	int rc, r;

	if ((rc = desk_prepare(c->d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, span_id);
	if ((r = sqlite3_step(st)) == SQLITE_DONE ||
	    (r == SQLITE_ROW && sqlite3_column_int64(st, 0) != c->article_id))
		rc = desk_error_field(c->d, DESK_NOTFOUND, "span", DESK_RULE_UNKNOWN,
		                      "no span %lld in article %lld", (long long)span_id,
		                      (long long)c->article_id);
	else if (r != SQLITE_ROW)
		rc = desk_sqlite_error(c->d, "span");
	if (rc != DESK_OK)
		goto done;
	f.start = sqlite3_column_int64(st, 1);
	f.end = sqlite3_column_int64(st, 2);
	f.label = (const char *)sqlite3_column_text(st, 3);
	f.text = (const char *)sqlite3_column_text(st, 4);
	f.entity_id = sqlite3_column_int64(st, 5);
	f.span_id = span_id;
	f.author = (const char *)sqlite3_column_text(st, 6);
	rc = gold_change_put(out, c, &f);
done:
	sqlite3_finalize(st);
	return rc;
}

int
gold_change_verdict(gold_change *c, int64_t id, int on)
{
	return gold_change_note(c, on ? "verdict_on" : "verdict_off", id);
}

int
gold_change_end(gold_change *c, int rc)
{
	char *s = NULL;

	sqlite3_finalize(c->put);
	c->put = NULL;
	if (!c->begun)
		goto done;
	/*
	 * Logged even when it changed nothing (take none of a unit with no gold
	 * span): a settling is one key and one undo step, so u after it never
	 * undoes the settling before.
	 */
	if (rc == DESK_OK) {
		if ((s = json_dumps(c->data, JSON_COMPACT)) == NULL)
			rc = desk_error(c->d, DESK_NOMEM, "out of memory");
		else
			rc = history_record(c->d, "gold", c->article_id, 0, s);
	}
	if (rc == DESK_OK)
		rc = desk_commit(c->d);
	if (rc != DESK_OK)
		desk_rollback(c->d);
	c->begun = 0;
done:
	free(s);
	json_decref(c->data);
	c->data = NULL;
	return rc;
}

/* --- The changes of the command line ------------------------------------------ */

/* The ids the statement sql (bound to ?1 id, ?2 text) gives, into *out. */
static int
gold_ids(int64_t **out, size_t *n, desk *d, const char *sql, int64_t id, const char *text)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc, r;

	*out = NULL;
	*n = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (desk_grow(out, &cap, *n, sizeof **out) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			break;
		}
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc == DESK_OK && r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "gold");
	sqlite3_finalize(st);
	return rc;
}

int
desk_gold_from(desk *d, int64_t article_id, const char *editor)
{
	gold_change c;
	int64_t *gold = NULL, *spans = NULL;
	size_t ngold = 0, nspans = 0;
	int rc;

	if (editor == NULL)
		return DESK_MISUSE;
	if ((rc = gold_change_begin(&c, d, article_id, 1)) != DESK_OK)
		goto done;
	if ((rc = gold_ids(&spans, &nspans, d,
	                   "SELECT id FROM span WHERE article_id = ?1 AND author = ?2 AND "
	                   "deleted_at IS NULL ORDER BY start, \"end\", id",
	                   article_id, editor)) != DESK_OK ||
	    (rc = gold_ids(&gold, &ngold, d,
	                   "SELECT id FROM gold_span WHERE article_id = ?1 AND deleted_at IS NULL",
	                   article_id, NULL)) != DESK_OK)
		goto done;
	if (nspans == 0) {
		rc = desk_error_field(d, DESK_NOTFOUND, "editor", DESK_RULE_NO_LAYER,
		                      "%s has no span in article %lld", editor,
		                      (long long)article_id);
		goto done;
	}
	for (size_t i = 0; i < ngold && rc == DESK_OK; i++)
		rc = gold_change_drop(&c, gold[i]);
	for (size_t i = 0; i < nspans && rc == DESK_OK; i++)
		rc = gold_change_take(NULL, &c, spans[i]);
done:
	free(gold);
	free(spans);
	return gold_change_end(&c, rc);
}

int
desk_gold_add(int64_t *out, desk *d, int64_t article_id, int64_t span_id)
{
	gold_change c = {0};
	int rc;

	if (out)
		*out = 0;
	if ((rc = gold_change_begin(&c, d, article_id, 1)) == DESK_OK)
		rc = gold_change_take(out, &c, span_id);
	return gold_change_end(&c, rc);
}

int
desk_gold_remove(desk *d, int64_t article_id, int64_t gold_span_id)
{
	gold_change c = {0};
	json_t *off;
	int rc;

	if ((rc = gold_change_begin(&c, d, article_id, 1)) == DESK_OK &&
	    (rc = gold_change_drop(&c, gold_span_id)) == DESK_OK &&
	    ((off = json_object_get(c.data, "span_off")) == NULL || json_array_size(off) == 0))
		rc = desk_error_field(d, DESK_NOTFOUND, "gold span", DESK_RULE_UNKNOWN,
		                      "no gold span %lld in article %lld", (long long)gold_span_id,
		                      (long long)article_id);
	return gold_change_end(&c, rc);
}

int
desk_gold_none(desk *d, int64_t article_id)
{
	gold_change c = {0};
	int64_t *gold = NULL;
	size_t n = 0;
	int rc;

	if ((rc = gold_change_begin(&c, d, article_id, 1)) == DESK_OK)
		rc = gold_ids(
		    &gold, &n, d,
		    "SELECT id FROM gold_span WHERE article_id = ?1 AND deleted_at IS NULL",
		    article_id, NULL);
	for (size_t i = 0; i < n && rc == DESK_OK; i++)
		rc = gold_change_drop(&c, gold[i]);
	free(gold);
	return gold_change_end(&c, rc);
}
