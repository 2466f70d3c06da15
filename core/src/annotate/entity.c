/*
 * entity.c - entities: who or what spans name, one row for all the names
 * ("Tập Cận Bình", "Xi Jinping").  A merged entity keeps its row with
 * merged_into pointing at the survivor; its spans move to the survivor.
 *
 * Canonical names are NFC.  Renames, merges and deletions (of an entity no
 * span mentions) are undoable (history.c); making an entity is logged but
 * not undoable (an unused entity is harmless, and can be deleted).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "entity_internal.h"

struct desk_entities {
	desk_entity *v;
	size_t n;
};

/* The NFC form of name, refused when empty or not UTF-8; caller frees. */
static int
entity_nfc(char **out, desk *d, const char *name)
{
	size_t len = name ? strlen(name) : 0, n;
	char why[DESK_FIELD_WHY];
	const char *bad;
	int rc;

	*out = NULL;
	if (len == 0 || strspn(name, " \t\n") == len)
		return desk_error(d, DESK_INVALID, "an entity needs a name");
	if (desk_utf8_check(name, len, NULL) != DESK_OK)
		return desk_error(d, DESK_INVALID, "entity name is not UTF-8");
	if ((bad = desk_field_check(why, name, len, DESK_NAME_MAX, DESK_FIELD_LINE)) != NULL)
		return desk_error(d, DESK_INVALID, "entity name %s", bad);
	if ((rc = desk_nfc(out, &n, name, len)) != DESK_OK)
		return desk_error(d, rc, "out of memory");
	return DESK_OK;
}

/* An external id (a Wikidata QID, ...): one line, not too long; NULL passes. */
static int
entity_external_check(desk *d, const char *external_id)
{
	char why[DESK_FIELD_WHY];
	const char *bad;

	if (external_id && (bad = desk_field_check(why, external_id, strlen(external_id),
	                                           DESK_ID_MAX, DESK_FIELD_LINE)) != NULL)
		return desk_error(d, DESK_INVALID, "external id %s", bad);
	return DESK_OK;
}

/* A query bound to (?1 text) or (?1 id) giving one id: *out, or 0 when no row. */
static int
entity_lookup(int64_t *out, desk *d, const char *sql, const char *text, int64_t id)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*out = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	if (text)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "entity");
done:
	sqlite3_finalize(st);
	return rc;
}

/* The survivor of id (itself unless merged); DESK_NOTFOUND for no such entity. */
static int
entity_survivor(int64_t *out, desk *d, int64_t id)
{
	static const char sql[] = "WITH RECURSIVE chain (id, merged_into, depth) AS ("
	                          " SELECT id, merged_into, 0 FROM entity WHERE id = ?1"
	                          " UNION ALL SELECT e.id, e.merged_into, c.depth + 1 FROM entity e"
	                          " JOIN chain c ON e.id = c.merged_into WHERE c.depth < 1000)"
	                          " SELECT id FROM chain WHERE merged_into IS NULL";
	int rc;

	if ((rc = entity_lookup(out, d, sql, NULL, id)) == DESK_OK && *out == 0)
		rc = desk_error(d, DESK_NOTFOUND, "no entity %lld", (long long)id);
	return rc;
}

/* DESK_NOTFOUND unless id is an entity that was not merged. */
static int
entity_standing(desk *d, int64_t id)
{
	int64_t s;
	int rc;

	if ((rc = entity_survivor(&s, d, id)) != DESK_OK)
		return rc;
	if (s != id)
		return desk_error(d, DESK_CONFLICT, "entity %lld was merged into %lld",
		                  (long long)id, (long long)s);
	return DESK_OK;
}

int
desk_entity_ensure(int64_t *out, desk *d, const char *name, const char *external_id)
{
	static const char ins_sql[] =
	    "INSERT INTO entity (name, external_id, created_by, created_at, updated_by, "
	    "updated_at) VALUES (?1, ?2, ?3, " DESK_SQL_NOW ", ?3, " DESK_SQL_NOW ")";
	sqlite3_stmt *st = NULL;
	char *nfc = NULL, *data = NULL;
	json_t *o = NULL;
	int64_t id;
	int rc;

	if (out)
		*out = 0;
	if ((rc = entity_external_check(d, external_id)) != DESK_OK ||
	    (rc = entity_nfc(&nfc, d, name)) != DESK_OK)
		return rc;
	if ((rc = desk_begin(d)) != DESK_OK)
		goto done;
	if ((rc = entity_lookup(&id, d,
	                        "SELECT id FROM entity WHERE name = ?1 AND merged_into IS NULL "
	                        "ORDER BY id LIMIT 1",
	                        nfc, 0)) != DESK_OK)
		goto done;
	if (id == 0) {
		if ((rc = desk_prepare(d, &st, ins_sql)) != DESK_OK)
			goto done;
		sqlite3_bind_text(st, 1, nfc, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, external_id ? external_id : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, d->editor, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "add entity");
			goto done;
		}
		id = sqlite3_last_insert_rowid(d->db);
		if ((o = json_pack("{ssss}", "name", nfc, "external_id",
		                   external_id ? external_id : "")) == NULL ||
		    (data = json_dumps(o, JSON_COMPACT)) == NULL) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		if ((rc = desk_log(d, "entity-add", 0, id, data)) != DESK_OK)
			goto done;
	}
	if ((rc = desk_commit(d)) == DESK_OK && out)
		*out = id;
done:
	sqlite3_finalize(st);
	json_decref(o);
	free(data);
	free(nfc);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
entity_import(int64_t *out, int *made, desk *d, sqlite3_stmt **find, sqlite3_stmt **ins,
              const char *name, const char *external_id, int64_t want)
{
	static const char find_sql[] = "SELECT id FROM entity WHERE name = ?1 AND external_id = ?2 "
	                               "AND merged_into IS NULL ORDER BY id LIMIT 1";
	static const char ins_sql[] =
	    "INSERT INTO entity (id, name, external_id, created_by, created_at, updated_by, "
	    "updated_at) VALUES ((SELECT ?3 WHERE ?3 > 0 AND NOT EXISTS (SELECT 1 FROM entity "
	    "WHERE id = ?3)), ?1, ?2, ?4, " DESK_SQL_NOW ", ?4, " DESK_SQL_NOW ")";
	char *nfc = NULL;
	int rc, r;

	*out = 0;
	*made = 0;
	if ((rc = entity_external_check(d, external_id)) != DESK_OK ||
	    (rc = entity_nfc(&nfc, d, name)) != DESK_OK)
		return rc;
	if ((*find == NULL && (rc = desk_prepare(d, find, find_sql)) != DESK_OK) ||
	    (*ins == NULL && (rc = desk_prepare(d, ins, ins_sql)) != DESK_OK))
		goto done;
	sqlite3_reset(*find);
	sqlite3_bind_text(*find, 1, nfc, -1, SQLITE_STATIC);
	sqlite3_bind_text(*find, 2, external_id ? external_id : "", -1, SQLITE_STATIC);
	if ((r = sqlite3_step(*find)) == SQLITE_ROW) {
		*out = sqlite3_column_int64(*find, 0);
		goto done;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "entity");
		goto done;
	}
	sqlite3_reset(*ins);
	sqlite3_bind_text(*ins, 1, nfc, -1, SQLITE_STATIC);
	sqlite3_bind_text(*ins, 2, external_id ? external_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(*ins, 3, want);
	sqlite3_bind_text(*ins, 4, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(*ins) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "add entity");
		goto done;
	}
	*out = sqlite3_last_insert_rowid(d->db);
	*made = 1;
done:
	if (*find)
		sqlite3_reset(*find);
	if (*ins)
		sqlite3_reset(*ins);
	free(nfc);
	return rc;
}

int
desk_entity_find(int64_t *out, desk *d, const char *name)
{
	/* The canonical name first, then a merged entity's name, then span texts (most used). */
	static const char *const sqls[] = {
	    "SELECT id FROM entity WHERE name = ?1 AND merged_into IS NULL ORDER BY id LIMIT 1",
	    "SELECT id FROM entity WHERE name = ?1 ORDER BY id LIMIT 1",
	    ("SELECT entity_id FROM span WHERE text = ?1 AND deleted_at IS NULL AND entity_id IS "
	     "NOT NULL GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT 1"),
	};
	char *nfc = NULL;
	int64_t id = 0;
	int rc;

	if (out)
		*out = 0;
	if ((rc = entity_nfc(&nfc, d, name)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < sizeof sqls / sizeof *sqls && id == 0; i++)
		if ((rc = entity_lookup(&id, d, sqls[i], nfc, 0)) != DESK_OK)
			goto done;
	if (id == 0) {
		rc = desk_error(d, DESK_NOTFOUND, "no entity \"%s\"", nfc);
		goto done;
	}
	if ((rc = entity_survivor(&id, d, id)) == DESK_OK && out)
		*out = id;
done:
	free(nfc);
	return rc;
}

int
desk_entity_rename(desk *d, int64_t id, const char *name, const char *external_id)
{
	static const char upd_sql[] =
	    "UPDATE entity SET name = ?2, external_id = ?3, updated_by = ?4, "
	    "updated_at = " DESK_SQL_NOW " WHERE id = ?1";
	sqlite3_stmt *st = NULL;
	char *nfc = NULL, *data = NULL;
	json_t *o = NULL;
	int64_t other;
	int rc;

	if ((rc = entity_external_check(d, external_id)) != DESK_OK ||
	    (rc = entity_nfc(&nfc, d, name)) != DESK_OK)
		return rc;
	if ((rc = desk_begin(d)) != DESK_OK)
		goto done;
	if ((rc = entity_standing(d, id)) != DESK_OK ||
	    (rc = desk_prepare(d, &st, "SELECT name, external_id FROM entity WHERE id = ?1")) !=
	        DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "entity");
		goto done;
	}
	if (external_id == NULL)
		external_id = (const char *)sqlite3_column_text(st, 1);
	if (strcmp(nfc, (const char *)sqlite3_column_text(st, 0)) == 0 &&
	    strcmp(external_id, (const char *)sqlite3_column_text(st, 1)) == 0) {
		rc = desk_commit(d); /* nothing changes */
		goto done;
	}
	if ((o = json_pack("{s{ssss}s{ssss}}", "before", "name", sqlite3_column_text(st, 0),
	                   "external_id", sqlite3_column_text(st, 1), "after", "name", nfc,
	                   "external_id", external_id)) == NULL ||
	    (data = json_dumps(o, JSON_COMPACT)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	if ((rc = entity_lookup(&other, d,
	                        "SELECT id FROM entity WHERE name = ?1 AND merged_into IS NULL "
	                        "ORDER BY id LIMIT 1",
	                        nfc, 0)) != DESK_OK)
		goto done;
	if (other != 0 && other != id) {
		rc =
		    desk_error(d, DESK_DUPLICATE, "entity %lld is named \"%s\" already; merge them",
		               (long long)other, nfc);
		goto done;
	}
	if ((rc = desk_prepare(d, &st, upd_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, nfc, -1, SQLITE_STATIC);
	sqlite3_bind_text(
	    st, 3, json_string_value(json_object_get(json_object_get(o, "after"), "external_id")),
	    -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "rename entity");
		goto done;
	}
	if ((rc = history_record(d, "entity-rename", 0, id, data)) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	sqlite3_finalize(st);
	json_decref(o);
	free(data);
	free(nfc);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

/* The ids of from's standing spans, as a JSON array in *out. */
static int
entity_span_ids(json_t **out, desk *d, int64_t from)
{
	sqlite3_stmt *st = NULL;
	json_t *a = json_array();
	int rc, r;

	*out = NULL;
	if (a == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = desk_prepare(d, &st,
	                       "SELECT id FROM span WHERE entity_id = ?1 AND deleted_at IS NULL "
	                       "ORDER BY id")) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, from);
	while ((r = sqlite3_step(st)) == SQLITE_ROW)
		if (json_array_append_new(a, json_integer(sqlite3_column_int64(st, 0))) != 0) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "spans of an entity");
		goto done;
	}
	*out = a;
	a = NULL;
done:
	sqlite3_finalize(st);
	json_decref(a);
	return rc;
}

int
desk_entity_merge(desk *d, int64_t into, int64_t from)
{
	static const char *const sqls[] = {
	    "UPDATE span SET entity_id = ?1, updated_by = ?3, updated_at = " DESK_SQL_NOW
	    " WHERE entity_id = ?2 AND deleted_at IS NULL",
	    "UPDATE entity SET merged_into = ?1, updated_by = ?3, updated_at = " DESK_SQL_NOW
	    " WHERE id = ?2",
	};
	sqlite3_stmt *st = NULL;
	json_t *spans = NULL, *o = NULL;
	char *data = NULL;
	int rc;

	if (into == from)
		return desk_error(d, DESK_MISUSE, "an entity cannot be merged into itself");
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = entity_standing(d, into)) != DESK_OK ||
	    (rc = entity_standing(d, from)) != DESK_OK ||
	    (rc = entity_span_ids(&spans, d, from)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < sizeof sqls / sizeof *sqls; i++) {
		sqlite3_finalize(st);
		st = NULL;
		if ((rc = desk_prepare(d, &st, sqls[i])) != DESK_OK)
			goto done;
		sqlite3_bind_int64(st, 1, into);
		sqlite3_bind_int64(st, 2, from);
		sqlite3_bind_text(st, 3, d->editor, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "merge entities");
			goto done;
		}
	}
	if ((o = json_pack("{sIsIsO}", "into", into, "from", from, "spans", spans)) == NULL ||
	    (data = json_dumps(o, JSON_COMPACT)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = history_record(d, "entity-merge", 0, into, data)) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	sqlite3_finalize(st);
	json_decref(spans);
	json_decref(o);
	free(data);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

/* ?1 the entity and those merged into it, transitively: the rows a deletion takes. */
#define ENTITY_FAMILY                                                                              \
	"WITH RECURSIVE fam (id) AS (SELECT ?1 UNION SELECT e.id FROM entity e JOIN fam f ON "     \
	"e.merged_into = f.id) "

/*
 * history_actions.c's entity-delete data: the rows of the entity and those
 * merged into it, and the spans (all deleted: it has no mentions) that still name
 * one of them, so that undo puts them back.
 */
static const char entity_delete_data_sql[] = ENTITY_FAMILY
    "SELECT json_object('entities', (SELECT json_group_array(json_object('id', e.id, 'name', "
    "e.name, 'external_id', e.external_id, 'merged_into', e.merged_into, 'created_by', "
    "e.created_by, 'created_at', e.created_at, 'updated_by', e.updated_by, 'updated_at', "
    "e.updated_at)) FROM entity e WHERE e.id IN fam), 'spans', (SELECT "
    "json_group_array(json_array(s.id, s.entity_id)) FROM span s WHERE s.entity_id IN fam))";

int
desk_entity_delete(desk *d, int64_t id)
{
	static const char mentions_sql[] =
	    ENTITY_FAMILY "SELECT count(*), (SELECT name FROM entity WHERE id = ?1) FROM span "
	                  "WHERE entity_id IN fam AND deleted_at IS NULL";
	static const char *const sqls[] = {
	    "UPDATE span SET entity_id = NULL WHERE id IN (SELECT json_extract(value, '$[0]') FROM "
	    "json_each(?1, '$.spans'))",
	    "DELETE FROM entity WHERE id IN (SELECT json_extract(value, '$.id') FROM "
	    "json_each(?1, '$.entities'))",
	};
	sqlite3_stmt *st = NULL;
	char *data = NULL;
	int64_t mentions;
	int rc;

	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = entity_standing(d, id)) != DESK_OK ||
	    (rc = desk_prepare(d, &st, mentions_sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "entity");
		goto done;
	}
	if ((mentions = sqlite3_column_int64(st, 0)) > 0) {
		rc = desk_error_field(
		    d, DESK_CONFLICT, "entity", DESK_RULE_IN_USE,
		    "entity %lld \"%s\" is mentioned %lld time%s: untag or relink "
		    "%s first, or merge it into another",
		    (long long)id, (const char *)sqlite3_column_text(st, 1), (long long)mentions,
		    mentions == 1 ? "" : "s", mentions == 1 ? "it" : "them");
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	if ((rc = desk_query_text(&data, d, entity_delete_data_sql, id, "entity")) != DESK_OK)
		goto done;
	for (size_t i = 0; i < sizeof sqls / sizeof *sqls; i++) {
		sqlite3_finalize(st);
		st = NULL;
		if ((rc = desk_prepare(d, &st, sqls[i])) != DESK_OK)
			goto done;
		sqlite3_bind_text(st, 1, data, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "delete entity");
			goto done;
		}
	}
	if ((rc = history_record(d, "entity-delete", 0, id, data)) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	sqlite3_finalize(st);
	free(data);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_entity_mentions(desk_mention **out, size_t *n, desk *d, int64_t id)
{
	static const char sql[] = "SELECT id, article_id, start, \"end\" FROM span WHERE "
	                          "entity_id = ?1 AND deleted_at IS NULL ORDER BY article_id, "
	                          "start, id";
	sqlite3_stmt *st = NULL;
	desk_mention *v = NULL;
	size_t len = 0, cap = 0;
	int rc, r;

	*out = NULL;
	*n = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (desk_grow(&v, &cap, len, sizeof *v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		v[len++] = (desk_mention){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		                          sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3)};
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "mentions");
		goto done;
	}
	*out = v;
	*n = len;
	v = NULL;
done:
	sqlite3_finalize(st);
	free(v);
	return rc;
}

/* Non-merged entities with their mentions and aliases, by mentions then name. */
#define ENTITY_LIST                                                                                \
	"SELECT " ENTITY_COLS                                                                      \
	" FROM entity e WHERE e.merged_into IS NULL ORDER BY mentions DESC, "                      \
	"e.name, e.id"

static void
entity_clear(desk_entity *e)
{
	free((char *)e->name);
	free((char *)e->external_id);
	free((char *)e->aliases);
}

int
entity_list_fill(desk_entities **out, desk *d, sqlite3_stmt *st, int reverse)
{
	desk_entities *l = NULL;
	size_t cap = 0;
	int rc = DESK_OK, r;

	*out = NULL;
	if ((l = calloc(1, sizeof *l)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		desk_entity *e;

		if (desk_grow(&l->v, &cap, l->n, sizeof *l->v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		e = &l->v[l->n];
		e->id = sqlite3_column_int64(st, 0);
		e->name = desk_strdup((const char *)sqlite3_column_text(st, 1));
		e->external_id = desk_strdup((const char *)sqlite3_column_text(st, 2));
		e->mentions = sqlite3_column_int64(st, 3);
		e->aliases = desk_strdup((const char *)sqlite3_column_text(st, 4));
		if (!e->name || !e->external_id || !e->aliases) {
			entity_clear(e);
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		l->n++;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "list entities");
		goto done;
	}
	for (size_t i = 0; reverse && i < l->n / 2; i++) {
		desk_entity t = l->v[i];

		l->v[i] = l->v[l->n - 1 - i];
		l->v[l->n - 1 - i] = t;
	}
	*out = l;
	l = NULL;
done:
	desk_entities_free(l);
	return rc;
}

int
desk_entities_get(desk_entities **out, desk *d)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*out = NULL;
	if ((rc = desk_prepare(d, &st, ENTITY_LIST)) == DESK_OK)
		rc = entity_list_fill(out, d, st, 0);
	sqlite3_finalize(st);
	return rc;
}

size_t
desk_entities_count(const desk_entities *e)
{
	return e ? e->n : 0;
}

const desk_entity *
desk_entities_at(const desk_entities *e, size_t i)
{
	return e && i < e->n ? &e->v[i] : NULL;
}

void
desk_entities_free(desk_entities *e)
{
	if (e == NULL)
		return;
	for (size_t i = 0; i < e->n; i++)
		entity_clear(&e->v[i]);
	free(e->v);
	free(e);
}

int
desk_entities_json(char **out, desk *d)
{
	/* As ENTITY_LIST, with the aliases as a JSON array. */
	static const char sql[] =
	    "SELECT coalesce(json_group_array(json_object('id', id, 'name', name, 'external_id', "
	    "external_id, 'mentions', mentions, 'aliases', (SELECT json_group_array(text) FROM "
	    "(SELECT text FROM span s WHERE s.entity_id = l.id AND s.deleted_at IS NULL GROUP BY "
	    "text ORDER BY count(*) DESC, text)))), '[]') FROM (" ENTITY_LIST ") l";

	return desk_query_text(out, d, sql, 0, "entities as JSON");
}
