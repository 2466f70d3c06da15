/* position.c - each editor's reading position in an article (interface state, not logged). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int
desk_position_get(int64_t *out, desk *d, int64_t article_id)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*out = 0;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT pos FROM position WHERE article_id = ?1 AND editor = ?2")) !=
	    DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_text(st, 2, d->editor, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "read position");
done:
	sqlite3_finalize(st);
	return rc;
}

int
desk_position_set(desk *d, int64_t article_id, int64_t pos)
{
	static const char sql[] =
	    "INSERT INTO position (article_id, editor, pos, updated_at) VALUES (?1, ?2, "
	    "?3, " DESK_SQL_NOW ") ON CONFLICT (article_id, editor) DO UPDATE "
	    "SET pos = excluded.pos, updated_at = excluded.updated_at";
	sqlite3_stmt *st = NULL;
	int rc;

	if (pos < 0)
		return desk_error(d, DESK_MISUSE, "negative position");
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_text(st, 2, d->editor, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, pos);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = sqlite3_extended_errcode(d->db) == SQLITE_CONSTRAINT_FOREIGNKEY
		         ? desk_error(d, DESK_NOTFOUND, "no article %lld", (long long)article_id)
		         : desk_sqlite_error(d, "save position");
done:
	sqlite3_finalize(st);
	return rc;
}
