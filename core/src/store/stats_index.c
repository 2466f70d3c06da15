/*
 * stats_index.c - the kept counts (migration 6) of a database that had
 * articles when it was upgraded, counted once in short steps
 * (desk_stats_index), as migration 4's sentence upgrade: stat_upgrade holds
 * the articles next..last still to count, which the triggers leave alone
 * until their step counts them as they are then.
 */
#include <stdlib.h>

#include "internal.h"

/* Articles ?1..?2 added to the counts. */
static const char *const stats_index_sql[] = {
    "INSERT INTO stat_article (status, n) SELECT status, count(*) FROM article WHERE id "
    "BETWEEN ?1 AND ?2 GROUP BY status ON CONFLICT (status) DO UPDATE SET n = n + excluded.n",
    "INSERT INTO stat_label (label, n) SELECT label, count(*) FROM span WHERE article_id "
    "BETWEEN ?1 AND ?2 AND deleted_at IS NULL GROUP BY label ON CONFLICT (label) DO UPDATE "
    "SET n = n + excluded.n",
    "INSERT INTO stat_editor_day (editor, day, spans, claims) SELECT author, day, sum(sp), "
    "sum(cl) FROM (SELECT author, substr(created_at, 1, 10) AS day, 1 AS sp, 0 AS cl FROM "
    "span WHERE article_id BETWEEN ?1 AND ?2 AND deleted_at IS NULL UNION ALL SELECT author, "
    "substr(created_at, 1, 10), 0, 1 FROM claim WHERE article_id BETWEEN ?1 AND ?2 AND "
    "deleted_at IS NULL) WHERE 1 GROUP BY author, day ON CONFLICT (editor, day) DO UPDATE "
    "SET spans = spans + excluded.spans, claims = claims + excluded.claims",
    "INSERT INTO stat_claim (status, verdict, n) SELECT r.status, coalesce(r.verdict, ''), "
    "count(*) FROM claim c JOIN research r ON r.id = c.research_id WHERE c.article_id "
    "BETWEEN ?1 AND ?2 AND c.deleted_at IS NULL GROUP BY 1, 2 ON CONFLICT (status, verdict) "
    "DO UPDATE SET n = n + excluded.n",
    /* the step's articles are counted: the triggers count their edits from now on */
    "UPDATE stat_upgrade SET next = ?2 + 1 WHERE id = 1",
    "DELETE FROM stat_upgrade WHERE next > last",
    NULL,
};

/* next..last still to count (*have 0: none), and upto: the max-th article from next. */
static int
stats_index_range(desk *d, int *have, int64_t *next, int64_t *last, int64_t *upto, size_t max)
{
	static const char sql[] =
	    "SELECT u.next, u.last, coalesce((SELECT id FROM article WHERE id BETWEEN u.next AND "
	    "u.last ORDER BY id LIMIT 1 OFFSET ?1), u.last), (SELECT count(*) FROM article WHERE "
	    "id BETWEEN u.next AND u.last) FROM stat_upgrade u WHERE u.id = 1";
	sqlite3_stmt *st = NULL;
	int rc, r;

	*have = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, max > 0 ? (int64_t)max - 1 : 0);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		*have = 1;
		*next = sqlite3_column_int64(st, 0);
		*last = sqlite3_column_int64(st, 1);
		*upto = sqlite3_column_int64(st, 2);
		if (max == 0)
			*upto = sqlite3_column_int64(st, 3); /* the count, for *left */
	} else if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "statistics upgrade");
	}
	sqlite3_finalize(st);
	return rc;
}

int
desk_stats_index(int64_t *left, desk *d, size_t max)
{
	sqlite3_stmt *st = NULL;
	int64_t next = 0, last = 0, upto = 0;
	int rc, have;

	if (left)
		*left = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if (max > 0) {
		if ((rc = desk_begin(d)) != DESK_OK)
			return rc;
		if ((rc = stats_index_range(d, &have, &next, &last, &upto, max)) != DESK_OK ||
		    !have)
			goto done;
		for (size_t i = 0; stats_index_sql[i]; i++) {
			if ((rc = desk_prepare(d, &st, stats_index_sql[i])) != DESK_OK)
				goto done;
			sqlite3_bind_int64(st, 1, next);
			sqlite3_bind_int64(st, 2, upto);
			if (sqlite3_step(st) != SQLITE_DONE) {
				rc = desk_sqlite_error(d, "statistics upgrade");
				goto done;
			}
			sqlite3_finalize(st);
			st = NULL;
		}
		if ((rc = desk_commit(d)) != DESK_OK)
			goto done;
	}
	if ((rc = stats_index_range(d, &have, &next, &last, &upto, 0)) == DESK_OK && have && left)
		*left = upto;
	return rc;
done:
	sqlite3_finalize(st);
	desk_rollback(d);
	return rc;
}
