/*
 * gold_internal.h - what gold.c, gold_diff.c and gold_verdict.c share: one
 * change of the gold layer in the making (one transaction, one 'gold' entry
 * of the edit log, one undo step), and the check that only chiefs adjudicate.
 */
#ifndef COPYDESK_GOLD_INTERNAL_H
#define COPYDESK_GOLD_INTERNAL_H

#include <jansson.h>

#include "internal.h"

/*
 * Whether the handle's editor may adjudicate: DESK_OK, or the refusal with
 * its rule.  Only chiefs adjudicate: the part "roles" (issue 12) gives the
 * core's check of a chief; it is connected here, in this one function.
 */
int gold_check_allowed(desk *d);

typedef struct gold_change {
	desk *d;
	int64_t article_id;
	int layer;         /* the change marks the article as having a gold layer */
	int begun;         /* its transaction is open */
	json_t *data;      /* the 'gold' entry: {"span_on": [...], ...} */
	sqlite3_stmt *put; /* gold_change_put's INSERT, prepared once */
} gold_change;

/*
 * Begin a change of article's gold layer: the transaction, the check, the
 * article's existence.  layer: the change makes the article have a gold
 * layer (spans do; a settled verdict alone does not).
 */
int gold_change_begin(gold_change *c, desk *d, int64_t article_id, int layer);
/* Take a standing gold span of the article away (nothing if it is not standing). */
int gold_change_drop(gold_change *c, int64_t gold_span_id);
/*
 * Add a gold span: [start, end) label with entity, taken from span_id (0:
 * none) whose author is author.  DESK_DUPLICATE (rule gold-same) when a
 * standing gold span has that range and label; *out (may be NULL) the id.
 */
typedef struct gold_fields {
	int64_t start, end;
	const char *label, *text;
	int64_t entity_id, span_id;
	const char *author;
} gold_fields;
int gold_change_put(int64_t *out, gold_change *c, const gold_fields *f);
/* Copy an editor's standing span of the article into the gold layer (gold_change_put). */
int gold_change_take(int64_t *out, gold_change *c, int64_t span_id);
/* Note a gold verdict row made to stand (on) or taken away (off). */
int gold_change_verdict(gold_change *c, int64_t id, int on);
/* Log the change (when it changed anything) and commit; or roll it back when rc is not OK. */
int gold_change_end(gold_change *c, int rc);

#endif
