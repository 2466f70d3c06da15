/*
 * search.h - full-text search over the articles' titles and bodies
 * (boilerplate left out), accentless by default: "luong cuong" finds
 * "Lương Cường", "dang" finds "Đảng", "Đặng" and "đang"; the exact mode
 * respects accents (not case): "Đảng" finds "đảng" but neither "Đặng" nor
 * "đang".
 *
 * The query: words (all of them must be there), "quoted phrases", prefixes
 * (kinh t*), AND, OR, NOT (binary: a NOT b) and parentheses, as SQLite's
 * FTS5 has them; any other character is part of a word's text (COVID-19 is
 * the phrase "covid 19").  A malformed query is DESK_INVALID with the field
 * "query" and the rule (desk_errrule) it broke: DESK_RULE_EMPTY,
 * DESK_RULE_UTF8, DESK_RULE_QUOTE, DESK_RULE_OPERATOR, DESK_RULE_PAREN or
 * DESK_RULE_QUERY; its message is copydesk's, never SQLite's.
 */
#ifndef COPYDESK_SEARCH_H
#define COPYDESK_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "desk.h"

typedef struct desk_search_opts {
	int exact;          /* respect accents */
	size_t limit;       /* at most this many results (0: 20) */
	const char *status; /* only articles of this status (NULL: all) */
	const char *label;  /* only articles with a standing span of this label (NULL: all) */
	/* What marks a match in the snippet (NULL: "[" and "]"). */
	const char *open, *close;
	/*
	 * searchperf: the first results, fast: the newest matches (by id,
	 * descending) without ranking, score 0; the search stops as soon as it
	 * has limit of them, whatever the query, for a first screen shown while
	 * the ranked page (newest 0) is worked out.  The ranked page ranks
	 * the newest 2,000 matches (all of them when fewer match): for a word
	 * in most articles, the best of the most recent 2,000.
	 */
	int newest;
} desk_search_opts;

/* One result: the best first (bm25, a match in the title weighing more). */
typedef struct desk_search_hit {
	int64_t id;
	const char *date, *title;
	const char *snippet; /* a few words of the body around the matches, white space squeezed */
	double score;        /* bm25: lower is better */
} desk_search_hit;

typedef struct desk_search_results desk_search_results;

int desk_search(desk_search_results **out, desk *d, const char *query,
                const desk_search_opts *opts);
size_t desk_search_count(const desk_search_results *r);
const desk_search_hit *desk_search_get(const desk_search_results *r, size_t i);
/* The results as a JSON array of {"id", "date", "title", "snippet"}; caller frees. */
int desk_search_json(char **out, const desk_search_results *r);
void desk_search_free(desk_search_results *r);

/*
 * The upgrade of a database that had articles before the index: index up to
 * max more of them in one short transaction (max 0: none, only count); *left
 * (may be NULL) says how many are still to index.  Until none is, a search
 * misses them.
 */
int desk_search_index(int64_t *left, desk *d, size_t max);

/*
 * --- Where a query matches in a text (search_match.c; the interface's
 * highlighting) -------------------------------------------------------------
 * The stretches of text[0..len) the query's words, phrases and prefixes
 * match, as desk_search matches them (accentless, or exact: accents
 * respected, not case): "luong cuong" gives "Lương Cường", "dang" gives
 * "Đảng".  Ranges in code points [start, end), in order, never overlapping
 * (the longest at a place wins); terms after NOT are not looked for, AND, OR
 * and parentheses are passed over.  *out (NULL when *n is 0) is the caller's
 * to free().  DESK_INVALID for a query or text that is not UTF-8, DESK_NOMEM.
 */
typedef struct desk_search_range {
	int64_t start, end;
} desk_search_range;

int desk_search_ranges(desk_search_range **out, size_t *n, const char *text, size_t len,
                       const char *query, int exact);

/*
 * A time budget for what d runs next (search_budget.c; the interface
 * narrowing its results as the editor types): a query still running ms
 * milliseconds from now stops, and its call fails; desk_search_budget_spent()
 * says that this was why.  ms 0 takes the budget away.
 */
int desk_search_budget(desk *d, int ms);
int desk_search_budget_spent(const desk *d);
/* --- Search over annotations (annotate/annsearch.c) ----------------------
 *
 * What is searched is chosen by the options, one of:
 * - label: the articles with a standing span of that label whose text holds
 *   the query (every word and "phrase" of it in the text of ONE span; a
 *   prefix kin* allowed; accentless, or with exact accents), or without a
 *   query every article with such a span; the snippet is the matching spans'
 *   texts (at most 5) with the query's words marked, the whole text when no
 *   query;
 * - claims (filter's claim_status and/or verdict): the standing claims of
 *   that status/verdict whose text holds the query, the claim's text marked;
 * - entity: the articles with a standing span linked to the entity (or to
 *   one merged into it) or whose title or body holds its name or one of its
 *   aliases (the texts of its spans) as a phrase, and, with a query, that
 *   also match the query as desk_search() reads it; the alias marked.
 * The label and claim queries take words, "phrases" and prefixes (all must
 * be there; AND allowed, OR, NOT and parentheses refused with
 * DESK_RULE_OPERATOR / DESK_RULE_PAREN).  Results by article id (claims: by
 * claim id), a page of limit after the key `after`.  The filter (export.h's
 * desk_filter; NULL: none) narrows the articles: status, articles, since
 * (changed or annotated since), user (label: that editor's spans; claims:
 * that editor's claims; entity: articles with spans or claims of theirs).
 * An unknown label, claim status or verdict is DESK_INVALID with the field
 * ("label", "claim-status", "verdict") and DESK_RULE_UNKNOWN; no such
 * entity is DESK_NOTFOUND with the field "entity" and DESK_RULE_UNKNOWN.
 */
struct desk_filter;

typedef struct desk_annsearch_opts {
	int exact;     /* respect accents */
	size_t limit;  /* at most this many results (0: 20) */
	int64_t after; /* only keys above this one (the last page's last id; 0: from the first) */
	const char *label;                /* search the spans of this label */
	int64_t entity;                   /* search the mentions of this entity */
	const struct desk_filter *filter; /* claim_status or verdict set: search the claims */
	const char *open, *close;         /* what marks a match (NULL: "[" and "]") */
} desk_annsearch_opts;

typedef struct desk_annsearch_hit {
	int64_t id;    /* the article */
	int64_t claim; /* the claim (claims searched), else 0 */
	const char *date, *title;
	const char *snippet; /* spans' or claim's text, or the body around the alias, marked */
} desk_annsearch_hit;

typedef struct desk_annsearch_results desk_annsearch_results;

int desk_annsearch(desk_annsearch_results **out, desk *d, const char *query,
                   const desk_annsearch_opts *opts);
size_t desk_annsearch_count(const desk_annsearch_results *r);
const desk_annsearch_hit *desk_annsearch_get(const desk_annsearch_results *r, size_t i);
/* The results as a JSON array of {"id", "date", "title", "snippet"} (+ "claim"); caller frees. */
int desk_annsearch_json(char **out, const desk_annsearch_results *r);
void desk_annsearch_free(desk_annsearch_results *r);

#endif
