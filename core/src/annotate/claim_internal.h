/*
 * claim_internal.h - what verdict.c, claim.c, research.c and repeat.c share;
 * not part of the public API.
 */
#ifndef COPYDESK_CLAIM_INTERNAL_H
#define COPYDESK_CLAIM_INTERNAL_H

#include <jansson.h>

#include "roles.h"

/*
 * The number of other articles holding the repeats of the claims with key k
 * and research r (SQL expressions): those with a sentence of the same key
 * (by its hash, an index lookup), and those with a claim sharing the
 * research (so that the claims linked by apply all show each other).  The
 * claim's own article is always among them (its claim shares the research):
 * hence the - 1.  It depends on k and r only, so a list counts once for all
 * the claims that share both.
 */
#define CLAIM_REPEATS_OF(k, r)                                                                     \
	"((SELECT count(*) FROM (SELECT s.article_id FROM sentence s WHERE " k " <> '' AND "       \
	"s.hash = copydesk_key_hash(" k ") UNION SELECT o.article_id FROM claim o WHERE "          \
	"o.research_id = " r " AND o.deleted_at IS NULL)) - 1)"

/*
 * The paged list's WHERE (claim_read.c, claim_page.c), claim c joined to its research r: ?1 and ?2
 * bound the article (both the article, or 0 and INT64_MAX for the corpus), ?3 the status, ?4 the
 * verdict, ?5-?7 the key; its order is the index's.
 */
#define CLAIM_PAGE_WHERE(cmp)                                                                      \
	"WHERE c.deleted_at IS NULL AND c.article_id BETWEEN ?1 AND ?2 AND (?3 IS NULL OR "        \
	"r.status = ?3) AND (?4 IS NULL OR r.verdict = ?4) AND (c.article_id, c.start, c.id) " cmp \
	" (?5, ?6, ?7) "

/* Bind f (with its verdict's name, NULL for none) and key to a CLAIM_PAGE_WHERE query. */
void claim_page_bind(sqlite3_stmt *st, const desk_claim_filter *f, const char *verdict,
                     const desk_claim_place *key);

/*
 * The state of the research row (table research, unaliased) as a JSON object
 * (history_actions.c).
 */
#define RESEARCH_STATE                                                                             \
	"json_object('status', status, 'verdict', verdict, 'note', note, 'proposed_by', "          \
	"proposed_by, 'proposed_at', proposed_at, 'reviewed_by', reviewed_by, 'reviewed_at', "     \
	"reviewed_at, 'review_reason', review_reason)"

/*
 * What a claim stands with, as JSON object members (history_actions.c compares them
 * before it takes claims away): "state", the research row rid's, and
 * "evidence", the ids of its standing evidence.  rid is SQL.
 */
#define CLAIM_RESEARCH_SNAPSHOT(rid)                                                               \
	"'state', (SELECT json(" RESEARCH_STATE ") FROM research WHERE id = " rid "), "            \
	"'evidence', (SELECT json_group_array(id) FROM (SELECT id FROM evidence WHERE "            \
	"research_id = " rid " AND deleted_at IS NULL ORDER BY id))"

/*
 * verdict.c: the verdict's name for what an editor typed (its name, label or
 * key), freed by the caller; DESK_NOTFOUND saying so when there is none.
 */
int verdict_name(char **out, desk *d, const char *typed);
/* verdict.c: load a verdict file (annotations/VERDICTS.md) in the caller's transaction. */
int verdict_load(desk *d, const char *file, const char *json, size_t len);

/* claim.c: history_record() with data as compact JSON; takes the reference to data. */
int claim_record(desk *d, const char *action, int64_t article_id, int64_t target_id, json_t *data);
/* claim.c: a standing claim's research and article; DESK_NOTFOUND if none. */
int claim_standing(desk *d, int64_t claim_id, int64_t *research_id, int64_t *article_id);
/* claim.c: an article's body as a desk_text; DESK_NOTFOUND if no such article. */
int claim_body(desk_text **out, desk *d, int64_t article_id);

#endif
