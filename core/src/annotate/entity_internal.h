/*
 * entity_internal.h - what entity.c and entity_page.c share; not part of the
 * public API.
 */
#ifndef COPYDESK_ENTITY_INTERNAL_H
#define COPYDESK_ENTITY_INTERNAL_H

#include "internal.h"

/* An entity e's row of a list: id, name, external id, mentions, aliases (one a line). */
#define ENTITY_COLS                                                                                \
	"e.id, e.name, e.external_id, (SELECT count(*) FROM span s WHERE s.entity_id = e.id AND "  \
	"s.deleted_at IS NULL) AS mentions, coalesce((SELECT group_concat(text, char(10)) FROM "   \
	"(SELECT text FROM span s WHERE s.entity_id = e.id AND s.deleted_at IS NULL GROUP BY "     \
	"text ORDER BY count(*) DESC, text)), '') AS aliases"

/* The rows of st (ENTITY_COLS) as a list; with reverse, in the opposite order. */
int entity_list_fill(desk_entities **out, desk *d, sqlite3_stmt *st, int reverse);

#endif
