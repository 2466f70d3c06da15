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
 * The number of other articles holding claim c's repeats (c is the alias of
 * the claim table in the query around it): those with a sentence of the
 * same key (by its hash, an index lookup), and those with a claim sharing
 * c's research (so that the claims linked by apply all show each other).
 */
#define CLAIM_REPEATS_SQL                                                                          \
	"(SELECT count(*) FROM (SELECT s.article_id FROM sentence s WHERE c.key <> '' AND "        \
	"s.hash = copydesk_key_hash(c.key) AND s.article_id <> c.article_id UNION SELECT "         \
	"o.article_id FROM claim o WHERE o.research_id = c.research_id AND o.deleted_at IS NULL "  \
	"AND o.article_id <> c.article_id))"

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

#endif
