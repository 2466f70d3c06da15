/*
 * span.c - spans: labelled ranges of an article's body, soft-deleted so that
 * undo brings back the same id.
 *
 * Offsets are code points of the stored NFC body, end exclusive, widened to
 * grapheme boundaries when a span is added.  Every edit is one transaction
 * with its history_record() (see history_actions.c for the data of each action).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "roles.h"

struct desk_spans {
	desk_span *v;
	size_t n;
};

#define SPAN_COLS                                                                                  \
	"s.id, s.article_id, s.start, s.\"end\", s.label, s.text, coalesce(s.entity_id, 0), "      \
	"coalesce(e.name, ''), s.author, s.created_at, s.updated_by, s.updated_at"
#define SPAN_FROM  " FROM span s LEFT JOIN entity e ON e.id = s.entity_id "
#define SPAN_ORDER " ORDER BY s.start, s.\"end\" DESC, s.id"

static void
span_clear(desk_span *s)
{
	free((char *)s->label);
	free((char *)s->text);
	free((char *)s->entity);
	free((char *)s->author);
	free((char *)s->created_at);
	free((char *)s->updated_by);
	free((char *)s->updated_at);
}

/* Fill s from a row of SPAN_COLS; DESK_NOMEM leaves nothing to free. */
static int
span_from_row(desk_span *s, sqlite3_stmt *st)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->article_id = sqlite3_column_int64(st, 1);
	s->start = sqlite3_column_int64(st, 2);
	s->end = sqlite3_column_int64(st, 3);
	s->label = desk_strdup((const char *)sqlite3_column_text(st, 4));
	s->text = desk_strdup((const char *)sqlite3_column_text(st, 5));
	s->entity_id = sqlite3_column_int64(st, 6);
	s->entity = desk_strdup((const char *)sqlite3_column_text(st, 7));
	s->author = desk_strdup((const char *)sqlite3_column_text(st, 8));
	s->created_at = desk_strdup((const char *)sqlite3_column_text(st, 9));
	s->updated_by = desk_strdup((const char *)sqlite3_column_text(st, 10));
	s->updated_at = desk_strdup((const char *)sqlite3_column_text(st, 11));
	if (!s->label || !s->text || !s->entity || !s->author || !s->created_at || !s->updated_by ||
	    !s->updated_at) {
		span_clear(s);
		return DESK_NOMEM;
	}
	return DESK_OK;
}

/* history_record() with data as compact JSON; takes the reference to data. */
static int
span_record(desk *d, const char *action, int64_t article_id, int64_t span_id, json_t *data)
{
	char *s = data ? json_dumps(data, JSON_COMPACT) : NULL;
	int rc;

	if (s == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	rc = history_record(d, action, article_id, span_id, s);
done:
	free(s);
	json_decref(data);
	return rc;
}

/* Run a one-row query bound to (id); DESK_NOTFOUND when no row. */
static int
span_row(desk *d, sqlite3_stmt **st, const char *sql, int64_t id, const char *what)
{
	int rc, r;

	if ((rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(*st, 1, id);
	if ((r = sqlite3_step(*st)) == SQLITE_ROW)
		return DESK_OK;
	if (r == SQLITE_DONE)
		return desk_error(d, DESK_NOTFOUND, "no %s %lld", what, (long long)id);
	return desk_sqlite_error(d, what);
}

/* The entity that entity_id stands for now: itself, or the one it was merged into. */
static int
span_entity_survivor(int64_t *out, desk *d, int64_t entity_id)
{
	static const char sql[] = "WITH RECURSIVE chain (id, merged_into, depth) AS ("
	                          " SELECT id, merged_into, 0 FROM entity WHERE id = ?1"
	                          " UNION ALL SELECT e.id, e.merged_into, c.depth + 1 FROM entity e"
	                          " JOIN chain c ON e.id = c.merged_into WHERE c.depth < 1000)"
	                          " SELECT id FROM chain WHERE merged_into IS NULL";
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	if ((rc = span_row(d, &st, sql, entity_id, "entity")) != DESK_OK)
		goto done;
	*out = sqlite3_column_int64(st, 0);
done:
	sqlite3_finalize(st);
	return rc;
}

/*
 * The label named, as the label set spells it into *name (the caller frees):
 * labels are named ignoring case, "per" is PER (the exact name first).
 */
int
span_label_exists(desk *d, const char *label, char **name)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*name = NULL;
	if (label == NULL)
		return desk_error(d, DESK_MISUSE, "no label");
	if ((rc = desk_prepare(d, &st,
	                       "SELECT name FROM label WHERE name = ?1 COLLATE NOCASE "
	                       "ORDER BY name = ?1 DESC LIMIT 1")) != DESK_OK)
		goto done;
	sqlite3_bind_text(st, 1, label, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_DONE)
		rc = desk_error(d, DESK_NOTFOUND, "no label \"%s\"", label);
	else if (r != SQLITE_ROW)
		rc = desk_sqlite_error(d, "label");
	else if ((*name = desk_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	sqlite3_finalize(st);
	return rc;
}

/* DESK_DUPLICATE when a standing span has this range and label already. */
static int
span_check_unique(desk *d, int64_t article_id, int64_t start, int64_t end, const char *label)
{
	static const char sql[] = "SELECT id FROM span WHERE article_id = ?1 AND start = ?2 AND "
	                          "\"end\" = ?3 AND label = ?4 AND deleted_at IS NULL";
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, start);
	sqlite3_bind_int64(st, 3, end);
	sqlite3_bind_text(st, 4, label, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		rc = desk_error(d, DESK_DUPLICATE, "span %lld already tags %lld-%lld as %s",
		                (long long)sqlite3_column_int64(st, 0), (long long)start,
		                (long long)end, label);
	else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "span");
done:
	sqlite3_finalize(st);
	return rc;
}

int
span_range_text(const desk_text *t, int64_t *start, int64_t *end, char **text, size_t *len)
{
	size_t a, b;

	*start = desk_text_grapheme_start(t, *start);
	if (*end < desk_text_len(t) && !desk_text_is_grapheme(t, *end))
		*end = desk_text_next_grapheme(t, *end);
	a = desk_text_byte(t, *start);
	b = desk_text_byte(t, *end);
	if ((*text = malloc(b - a + 1)) == NULL)
		return DESK_NOMEM;
	memcpy(*text, desk_text_utf8(t) + a, b - a);
	(*text)[b - a] = '\0';
	if (len)
		*len = b - a;
	return DESK_OK;
}

/*
 * Check start/end against the article and widen them to grapheme
 * boundaries; *text gets body[start:end] (caller frees).
 */
int
span_snap(desk *d, int64_t article_id, int64_t *start, int64_t *end, char **text)
{
	sqlite3_stmt *st = NULL;
	desk_text *t = NULL;
	int rc;

	*text = NULL;
	if ((rc = span_row(d, &st, "SELECT body, chars FROM article WHERE id = ?1", article_id,
	                   "article")) != DESK_OK)
		goto done;
	if (*start < 0 || *start >= *end || *end > sqlite3_column_int64(st, 1)) {
		rc = desk_error(d, DESK_RANGE,
		                "%lld-%lld is not a range of article %lld (%lld chars)",
		                (long long)*start, (long long)*end, (long long)article_id,
		                (long long)sqlite3_column_int64(st, 1));
		goto done;
	}
	if ((rc = desk_text_new(&t, (const char *)sqlite3_column_text(st, 0),
	                        (size_t)sqlite3_column_bytes(st, 0))) != DESK_OK) {
		rc =
		    desk_error(d, rc, "article %lld: %s", (long long)article_id, desk_strerror(rc));
		goto done;
	}
	if (span_range_text(t, start, end, text, NULL) != DESK_OK)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	desk_text_free(t);
	sqlite3_finalize(st);
	return rc;
}

int
span_insert(int64_t *out, desk *d, sqlite3_stmt **st, const span_fields *r)
{
	static const char sql[] =
	    "INSERT INTO span (article_id, start, \"end\", label, text, entity_id, author, "
	    "created_at, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "coalesce(?8, " DESK_SQL_NOW "), ?7, coalesce(?8, " DESK_SQL_NOW "))";
	int rc;

	if (*st == NULL && (rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	sqlite3_bind_int64(*st, 1, r->article_id);
	sqlite3_bind_int64(*st, 2, r->start);
	sqlite3_bind_int64(*st, 3, r->end);
	sqlite3_bind_text(*st, 4, r->label, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 5, r->text, -1, SQLITE_STATIC);
	if (r->entity_id != 0)
		sqlite3_bind_int64(*st, 6, r->entity_id);
	sqlite3_bind_text(*st, 7, r->author ? r->author : d->editor, -1, SQLITE_STATIC);
	if (r->created_at)
		sqlite3_bind_text(*st, 8, r->created_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(*st) == SQLITE_DONE ? DESK_OK : desk_sqlite_error(d, "add span");
	sqlite3_reset(*st);
	if (rc == DESK_OK)
		*out = sqlite3_last_insert_rowid(d->db);
	return rc;
}

int
span_standing_same(int *found, desk *d, sqlite3_stmt **st, const span_fields *r)
{
	static const char sql[] = "SELECT 1 FROM span WHERE article_id = ?1 AND start = ?2 AND "
	                          "\"end\" = ?3 AND label = ?4 AND author = ?5 AND deleted_at IS "
	                          "NULL";
	int rc = DESK_OK, s;

	if (*st == NULL && (rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	sqlite3_reset(*st);
	sqlite3_bind_int64(*st, 1, r->article_id);
	sqlite3_bind_int64(*st, 2, r->start);
	sqlite3_bind_int64(*st, 3, r->end);
	sqlite3_bind_text(*st, 4, r->label, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 5, r->author ? r->author : d->editor, -1, SQLITE_STATIC);
	s = sqlite3_step(*st);
	*found = s == SQLITE_ROW;
	if (s != SQLITE_ROW && s != SQLITE_DONE)
		rc = desk_sqlite_error(d, "span");
	sqlite3_reset(*st);
	return rc;
}

int
desk_span_add(int64_t *out, desk *d, int64_t article_id, int64_t start, int64_t end,
              const char *label, int64_t entity_id)
{
	sqlite3_stmt *st = NULL;
	char *text = NULL, *name = NULL;
	int64_t id, entity = 0;
	span_fields row = {0};
	int rc;

	if (out)
		*out = 0;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = span_snap(d, article_id, &start, &end, &text)) != DESK_OK ||
	    (rc = span_label_exists(d, label, &name)) != DESK_OK)
		goto done;
	label = name;
	if ((entity_id != 0 && (rc = span_entity_survivor(&entity, d, entity_id)) != DESK_OK) ||
	    (rc = span_check_unique(d, article_id, start, end, label)) != DESK_OK)
		goto done;
	row.article_id = article_id;
	row.start = start;
	row.end = end;
	row.label = label;
	row.text = text;
	row.entity_id = entity;
	if ((rc = span_insert(&id, d, &st, &row)) != DESK_OK)
		goto done;
	if ((rc = span_record(d, "span-add", article_id, id,
	                      json_pack("{sI ss sI}", "span", id, "label", label, "entity_id",
	                                (json_int_t)entity))) != DESK_OK)
		goto done;
	if ((rc = desk_commit(d)) == DESK_OK && out)
		*out = id;
done:
	sqlite3_finalize(st);
	free(text);
	free(name);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

/* The standing span's article, label and entity, inside a transaction. */
static int
span_standing(desk *d, int64_t span_id, int64_t *article_id, char **label, int64_t *entity_id)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = span_row(
	         d, &st,
	         "SELECT article_id, label, coalesce(entity_id, 0), start, \"end\" FROM span "
	         "WHERE id = ?1 AND deleted_at IS NULL",
	         span_id, "span")) != DESK_OK)
		goto done;
	*article_id = sqlite3_column_int64(st, 0);
	if (entity_id)
		*entity_id = sqlite3_column_int64(st, 2);
	if (label && (*label = desk_strdup((const char *)sqlite3_column_text(st, 1))) == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	sqlite3_finalize(st);
	return rc;
}

/* Run an UPDATE of one span bound to (?1 id, ?2 editor, ?3 value or NULL). */
static int
span_update(desk *d, const char *sql, int64_t span_id, const char *text, int64_t value)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, span_id);
	sqlite3_bind_text(st, 2, d->editor, -1, SQLITE_STATIC);
	if (text)
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	else if (value != 0)
		sqlite3_bind_int64(st, 3, value);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "update span");
done:
	sqlite3_finalize(st);
	return rc;
}

int
desk_span_delete(desk *d, int64_t span_id)
{
	static const char sql[] = "UPDATE span SET deleted_by = ?2, deleted_at = " DESK_SQL_NOW ", "
	                          "updated_by = ?2, updated_at = " DESK_SQL_NOW " WHERE id = ?1";
	int64_t article_id, entity = 0;
	char *label = NULL;
	int rc;

	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = span_standing(d, span_id, &article_id, &label, &entity)) != DESK_OK ||
	    (rc = roles_require_owner(d, "span", span_id, "delete")) != DESK_OK ||
	    (rc = span_update(d, sql, span_id, NULL, 0)) != DESK_OK ||
	    (rc = span_record(d, "span-delete", article_id, span_id,
	                      json_pack("{sI ss sI}", "span", span_id, "label", label, "entity_id",
	                                (json_int_t)entity))) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	free(label);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_span_relabel(desk *d, int64_t span_id, const char *label)
{
	static const char sql[] = "UPDATE span SET label = ?3, updated_by = ?2, "
	                          "updated_at = " DESK_SQL_NOW " WHERE id = ?1";
	sqlite3_stmt *st = NULL;
	int64_t article_id;
	char *before = NULL, *name = NULL;
	int rc;

	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = span_standing(d, span_id, &article_id, &before, NULL)) != DESK_OK ||
	    (rc = roles_require_owner(d, "span", span_id, "relabel")) != DESK_OK ||
	    (rc = span_label_exists(d, label, &name)) != DESK_OK)
		goto done;
	label = name;
	if (strcmp(before, label) == 0) {
		rc = desk_commit(d); /* nothing to change, nothing to undo */
		goto done;
	}
	if ((rc = span_row(d, &st, "SELECT start, \"end\" FROM span WHERE id = ?1", span_id,
	                   "span")) != DESK_OK ||
	    (rc = span_check_unique(d, article_id, sqlite3_column_int64(st, 0),
	                            sqlite3_column_int64(st, 1), label)) != DESK_OK ||
	    (rc = span_update(d, sql, span_id, label, 0)) != DESK_OK ||
	    (rc = span_record(d, "span-relabel", article_id, span_id,
	                      json_pack("{s{ss}s{ss}}", "before", "label", before, "after", "label",
	                                label))) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	sqlite3_finalize(st);
	free(before);
	free(name);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_span_link(desk *d, int64_t span_id, int64_t entity_id)
{
	static const char sql[] = "UPDATE span SET entity_id = ?3, updated_by = ?2, "
	                          "updated_at = " DESK_SQL_NOW " WHERE id = ?1";
	int64_t article_id, before = 0, after = 0;
	int rc;

	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = span_standing(d, span_id, &article_id, NULL, &before)) != DESK_OK ||
	    (rc = roles_require_owner(d, "span", span_id, "link")) != DESK_OK ||
	    (entity_id != 0 && (rc = span_entity_survivor(&after, d, entity_id)) != DESK_OK))
		goto done;
	if (before == after) {
		rc = desk_commit(d);
		goto done;
	}
	if ((rc = span_update(d, sql, span_id, NULL, after)) != DESK_OK ||
	    (rc = span_record(d, "span-link", article_id, span_id,
	                      json_pack("{s{sI}s{sI}}", "before", "entity_id", before, "after",
	                                "entity_id", after))) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_span_get(desk_span **out, desk *d, int64_t span_id)
{
	sqlite3_stmt *st = NULL;
	desk_span *s = NULL;
	int rc;

	*out = NULL;
	if ((rc = span_row(d, &st,
	                   "SELECT " SPAN_COLS SPAN_FROM "WHERE s.id = ?1 AND s.deleted_at IS NULL",
	                   span_id, "span")) != DESK_OK)
		goto done;
	if ((s = malloc(sizeof *s)) == NULL || span_from_row(s, st) != DESK_OK) {
		free(s);
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	*out = s;
done:
	sqlite3_finalize(st);
	return rc;
}

void
desk_span_free(desk_span *s)
{
	if (s == NULL)
		return;
	span_clear(s);
	free(s);
}

int
desk_spans_get(desk_spans **out, desk *d, int64_t article_id)
{
	sqlite3_stmt *st = NULL;
	desk_spans *l = NULL;
	size_t cap = 0;
	int rc, r;

	*out = NULL;
	if ((l = calloc(1, sizeof *l)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = desk_prepare(d, &st,
	                       "SELECT " SPAN_COLS SPAN_FROM
	                       "WHERE s.article_id = ?1 AND s.deleted_at IS NULL" SPAN_ORDER)) !=
	    DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (desk_grow(&l->v, &cap, l->n, sizeof *l->v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		if (span_from_row(&l->v[l->n], st) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		l->n++;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "list spans");
		goto done;
	}
	*out = l;
	l = NULL;
done:
	sqlite3_finalize(st);
	desk_spans_free(l);
	return rc;
}

size_t
desk_spans_count(const desk_spans *s)
{
	return s ? s->n : 0;
}

const desk_span *
desk_spans_at(const desk_spans *s, size_t i)
{
	return s && i < s->n ? &s->v[i] : NULL;
}

void
desk_spans_free(desk_spans *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->n; i++)
		span_clear(&s->v[i]);
	free(s->v);
	free(s);
}

int
desk_spans_json(char **out, desk *d, int64_t article_id)
{
	static const char sql[] =
	    "SELECT coalesce(json_group_array(json_object('id', id, 'article_id', article_id, "
	    "'start', start, 'end', \"end\", 'label', label, 'text', text, 'entity_id', eid, "
	    "'entity', ename, 'author', author, 'created_at', created_at, 'updated_by', "
	    "updated_by, 'updated_at', updated_at)), '[]') FROM (SELECT s.*, "
	    "coalesce(s.entity_id, 0) AS eid, coalesce(e.name, '') AS ename" SPAN_FROM
	    "WHERE s.article_id = ?1 AND s.deleted_at IS NULL" SPAN_ORDER ")";
	sqlite3_stmt *st = NULL;
	int rc;

	*out = NULL;
	if ((rc = span_row(d, &st, "SELECT 1 FROM article WHERE id = ?1", article_id, "article")) !=
	    DESK_OK)
		goto done;
	sqlite3_finalize(st);
	st = NULL;
	rc = desk_query_text(out, d, sql, article_id, "spans as JSON");
done:
	sqlite3_finalize(st);
	return rc;
}
