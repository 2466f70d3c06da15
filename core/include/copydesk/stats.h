/*
 * stats.h - where the corpus stands: articles by status, spans per label,
 * spans and claims per editor (all time and the last 7 days), claims by
 * status and by verdict; what `copydesk stats`, the `:stats` screen and a
 * release's dataset card show.
 *
 * Without a filter the figures are read from counts the database keeps as
 * the edits happen (migration 6's stat_* tables, kept by triggers through
 * every edit, undo and redo): a few dozen rows whatever the corpus size.
 * With a filter (export.h's desk_filter, the export's rules) they are
 * counted over the articles the filter takes, in one read transaction: that
 * costs what reading the filtered set costs (a split reads every article's
 * body for its hash).
 */
#ifndef COPYDESK_STATS_H
#define COPYDESK_STATS_H

#include "desk.h"
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct desk_count {
	const char *name;
	int64_t n;
} desk_count;

typedef struct desk_editor_count {
	const char *name;
	int64_t spans, claims;       /* standing ones they made, all time */
	int64_t spans_7d, claims_7d; /* made in the last 7 days (today and the 6 before, UTC) */
} desk_editor_count;

typedef struct desk_stats {
	desk_count *articles; /* by status: new, progress, done (all three) */
	size_t narticles;
	desk_count *labels; /* the label set in its order (zeros too), then others with spans */
	size_t nlabels;
	desk_editor_count *editors; /* those with standing spans or claims, by name */
	size_t neditors;
	desk_count *claim_status; /* check, proposed, verified, disputed (all four) */
	size_t nclaim_status;
	desk_count *verdicts; /* claims with a verdict: the scale in its order (zeros too) */
	size_t nverdicts;
	int64_t total_articles, total_spans, total_claims;
	char since_7d[11]; /* the first day of the last 7 (YYYY-MM-DD) */
	int counted;       /* 1: read from the kept counts; 0: counted over the articles */
	/*
	 * Counted over the articles only (counted 0; else empty, and -1): the
	 * articles by language ("vi", "en"), the first and last article date
	 * ("" when none has one), and how many articles have standing spans
	 * (of the filter) by more than one editor.
	 */
	desk_count *langs;
	size_t nlangs;
	char first_date[11], last_date[11];
	int64_t shared_articles;
} desk_stats;

/*
 * The figures of the articles f takes (NULL or an empty filter: all) into
 * *out (free with desk_stats_free).  A read: no write lock.
 */
int desk_stats_get(desk_stats **out, desk *d, const desk_filter *f);
void desk_stats_free(desk_stats *s);

/*
 * s as JSON (*out malloc'ed): {"articles": {"by_status": {"new": n, ...}},
 * "labels": {"PER": n, ...}, "editors": {"NAME": {"spans": n, "claims": n,
 * "spans_7d": n, "claims_7d": n}, ...}, "claims": {"by_status": {...},
 * "by_verdict": {...}}}, the lists in stats' order.
 */
int desk_stats_json(char **out, const desk_stats *s);

/*
 * A database that had articles when it was upgraded to the kept counts has
 * them counted once, in steps of at most max articles (one short write
 * transaction each): *left is what is still to count (0: done; max 0 only
 * says how many are left).  Until then desk_stats_get counts over the
 * articles.
 */
int desk_stats_index(int64_t *left, desk *d, size_t max);

#ifdef __cplusplus
}
#endif
#endif
