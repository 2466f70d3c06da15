/*
 * entity_page.c - the entities a page at a time (annotate.h): keyset pages
 * by name then id on the index entity_name, how many come before a place,
 * and the entity at an index.  The screen and `copydesk entities` use them
 * so that thousands of entities never load at once.
 */
#include <stdint.h>
#include <stdlib.h>

#include "entity_internal.h"

/* Places compare as (name, id), a range of the index entity_name. */
#define ENTITY_PAGE_WHERE(cmp) "WHERE e.merged_into IS NULL AND (e.name, e.id) " cmp " (?1, ?2) "

/*
 * Bind key to ?1 and ?2; no key is the list's edge: the empty name (no
 * entity has it) before the first, a blob (after every text) after the last.
 */
static void
entity_page_bind(sqlite3_stmt *st, const desk_entity_place *key, int after_last)
{
	if (key && key->name) {
		sqlite3_bind_text(st, 1, key->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, key->id);
	} else if (after_last) {
		sqlite3_bind_blob(st, 1, "", 0, SQLITE_STATIC);
	} else {
		sqlite3_bind_text(st, 1, "", 0, SQLITE_STATIC);
	}
}

int
desk_entities_page(desk_entities **out, desk *d, const desk_entity_place *key, int backward,
                   size_t max)
{
	static const char fwd[] =
	    "SELECT " ENTITY_COLS
	    " FROM entity e " ENTITY_PAGE_WHERE(">") "ORDER BY e.name, e.id LIMIT ?3";
	static const char back[] =
	    "SELECT " ENTITY_COLS
	    " FROM entity e " ENTITY_PAGE_WHERE("<") "ORDER BY e.name DESC, e.id DESC LIMIT ?3";
	sqlite3_stmt *st = NULL;
	int rc;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_prepare(d, &st, backward ? back : fwd)) != DESK_OK)
		return rc;
	entity_page_bind(st, key, backward);
	sqlite3_bind_int64(st, 3, max > INT64_MAX ? INT64_MAX : (int64_t)max);
	rc = entity_list_fill(out, d, st, backward);
	sqlite3_finalize(st);
	return rc;
}

int
desk_entities_rank(int64_t *out, desk *d, const desk_entity_place *key)
{
	static const char sql[] = "SELECT count(*) FROM entity e " ENTITY_PAGE_WHERE("<");
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	entity_page_bind(st, key, 1);
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = desk_sqlite_error(d, "count entities");
	else
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

int
desk_entities_nth(int64_t *id, char **name, desk *d, int64_t i)
{
	static const char sql[] = "SELECT e.id, e.name FROM entity e WHERE e.merged_into IS NULL "
	                          "ORDER BY e.name, e.id LIMIT 1 OFFSET ?1";
	sqlite3_stmt *st = NULL;
	int rc, r;

	*id = 0;
	*name = NULL;
	if (d == NULL || i < 0)
		return DESK_MISUSE;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, i);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if ((*name = desk_strdup((const char *)sqlite3_column_text(st, 1))) == NULL)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
		else
			*id = sqlite3_column_int64(st, 0);
	} else if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "entities");
	}
	sqlite3_finalize(st);
	return rc;
}
