/*
 * export.h - the annotated corpus out, in the formats of other tools.
 *
 * An export reads one consistent snapshot (one read transaction: editors
 * keep editing meanwhile and none of their edits half-appears), a document
 * at a time, in constant memory whatever the corpus size.  The formats are
 * those of io.h's desk_format; annotations/FORMATS.md describes each.
 */
#ifndef COPYDESK_EXPORT_H
#define COPYDESK_EXPORT_H

#include <stdint.h>
#include <stdio.h>

#include "desk.h"
#include "io.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Which articles, spans and claims an export (or release, or stats) takes; NULL/0: any. */
typedef struct desk_filter {
	const char *status;      /* articles of this status (new, progress, done) */
	const char *label;       /* articles with a span of this label; only those spans */
	const char *user;        /* only this editor's spans and claims; articles that have some */
	const char *since;       /* YYYY-MM-DD: articles changed or annotated since that day */
	const int64_t *articles; /* only these articles */
	size_t narticles;
	const char *verdict;      /* claims with this verdict; articles that have some */
	const char *claim_status; /* claims of this status; articles that have some */
	/*
	 * A release's split: the articles whose stable hash (of their text and
	 * seed, so an article keeps its split as the corpus grows) falls in it.
	 */
	int split;             /* 0: all; 1 train, 2 dev, 3 test */
	unsigned split_pct[3]; /* e.g. 80, 10, 10 */
	uint64_t seed;
	/*
	 * gold: which layer of spans (gold.h).  NULL: the gold layer of an article
	 * that has one, else every editor's spans; "gold": only the articles with
	 * a gold layer, their gold spans; "editors": every editor's spans (user
	 * picks one editor's).  Claims take their settled verdict (gold_verdict)
	 * where one exists, and a settled group keeps only its kept claim, except
	 * with "editors".
	 */
	const char *layer;
} desk_filter;

/* CoNLL tag schemes. */
typedef enum { DESK_SCHEME_IOB2 = 0, DESK_SCHEME_IOB1, DESK_SCHEME_BIOES } desk_scheme;

/* A problem with one document that does not stop the export. */
typedef struct desk_export_warning {
	int64_t article_id, start, end;
	const char *message;
} desk_export_warning;

typedef struct desk_export_opts {
	desk_format format;
	desk_filter filter;
	int with_boilerplate; /* keep boilerplate in the text (offsets then of the whole body) */
	int doccano_entities; /* doccano: the entities [{id, label, start_offset, end_offset}] form
	                       */
	desk_scheme scheme;   /* conll */
	/* Progress: called about every 1000 articles and at the end (may be NULL). */
	void (*progress)(void *ctx, int64_t done, int64_t total);
	void (*warn)(void *ctx, const desk_export_warning *w); /* may be NULL */
	void *ctx;
} desk_export_opts;

typedef struct desk_export_stats {
	int64_t articles, spans, claims;
	uint64_t bytes; /* written */
} desk_export_stats;

/*
 * Export to a stream (out) or, for a directory format (brat), into the
 * directory dir (made if missing).  The other one is NULL.  DESK_MISUSE for a
 * stream format given a directory or the reverse; DESK_IO when writing fails.
 */
int desk_export(desk *d, const desk_export_opts *o, FILE *out, const char *dir,
                desk_export_stats *stats);

/* Whether a format is exported as a directory (1), a stream (0), or not at all (-1). */
int desk_format_export_kind(desk_format f);

#ifdef __cplusplus
}
#endif
#endif
