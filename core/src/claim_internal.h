/*
 * claim_internal.h - what verdict.c, claim.c, research.c and repeat.c share;
 * not part of the public API.
 */
#ifndef COPYDESK_CLAIM_INTERNAL_H
#define COPYDESK_CLAIM_INTERNAL_H

#include <jansson.h>

#include "internal.h"

#define CLAIM_NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/*
 * The number of other articles whose sentences hold claim c's key (c is the
 * alias of the claim table in the query around it).  The sentence table
 * must be filled first (repeat_index()).
 */
#define CLAIM_REPEATS_SQL                                                                          \
	"(SELECT count(DISTINCT s.article_id) FROM sentence s WHERE s.article_id <> c.article_id " \
	"AND c.key <> '' AND instr(s.key, c.key) > 0)"

/* The state of the research row (table research, unaliased) as a JSON object (history.c). */
#define RESEARCH_STATE                                                                             \
	"json_object('status', status, 'verdict', verdict, 'note', note, 'proposed_by', "          \
	"proposed_by, 'proposed_at', proposed_at, 'reviewed_by', reviewed_by, 'reviewed_at', "     \
	"reviewed_at, 'review_reason', review_reason)"

/*
 * What a claim stands with, as JSON object members (history.c compares them
 * before it takes claims away): "state", the research row rid's, and
 * "evidence", the ids of its standing evidence.  rid is SQL.
 */
#define CLAIM_RESEARCH_SNAPSHOT(rid)                                                               \
	"'state', (SELECT json(" RESEARCH_STATE ") FROM research WHERE id = " rid "), "            \
	"'evidence', (SELECT json_group_array(id) FROM (SELECT id FROM evidence WHERE "            \
	"research_id = " rid " AND deleted_at IS NULL ORDER BY id))"

/* verdict.c: load a verdict file (annotations/VERDICTS.md) in the caller's transaction. */
int verdict_load(desk *d, const char *file, const char *json, size_t len);
/* verdict.c: the default scale into an empty verdict table (schema.c). */
int verdict_defaults(desk *d);

/* claim.c: history_record() with data as compact JSON; takes the reference to data. */
int claim_record(desk *d, const char *action, int64_t article_id, int64_t target_id, json_t *data);
/* claim.c: a standing claim's research and article; DESK_NOTFOUND if none. */
int claim_standing(desk *d, int64_t claim_id, int64_t *research_id, int64_t *article_id);
/* claim.c: an article's body as a desk_text; DESK_NOTFOUND if no such article. */
int claim_body(desk_text **out, desk *d, int64_t article_id);

/* repeat.c: fill the sentence table for articles that have no rows, in a transaction of its own. */
int repeat_index(desk *d);

#endif
