/*
 * io.h - importing article files into the store.
 *
 * Each file is all or nothing: a file with any bad byte, record or field is
 * refused whole, with its path, line and column, and the others still go in.
 */
#ifndef COPYDESK_IO_H
#define COPYDESK_IO_H

#include "desk.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	DESK_FORMAT_AUTO = 0,    /* by extension: .jsonl -> JSONL, else text */
	DESK_FORMAT_TEXT,        /* one article per file, the scrapers' plain text */
	DESK_FORMAT_JSONL,       /* one JSON object per line: copydesk's own, lossless */
	DESK_FORMAT_DOCCANO,     /* doccano's sequence-labelling JSONL */
	DESK_FORMAT_CONLL,       /* CoNLL-2003-style token-per-line */
	DESK_FORMAT_BRAT,        /* brat standoff: ID.txt + ID.ann pairs in a directory */
	DESK_FORMAT_CLAIMREVIEW, /* schema.org ClaimReview JSON-LD (export only) */
	DESK_FORMAT_FEVER,       /* FEVER-style JSONL (export only) */
	DESK_FORMAT_CSV,         /* the claims table, RFC 4180 (export only) */
} desk_format;

/* Whether copydesk reads format f (text, jsonl, doccano, conll, brat; auto) on import. */
int desk_format_can_import(desk_format f);

/* A format's name ("jsonl", ..., and "auto"); DESK_MISUSE if unknown. */
int desk_format_parse(desk_format *out, const char *name);

typedef enum {
	DESK_IMPORT_ADDED = 1,
	DESK_IMPORT_DUPLICATE,
	DESK_IMPORT_REFUSED,
	DESK_IMPORT_NOTE, /* accepted, but something the format has could not be kept (message) */
} desk_import_what;

/* One thing that happened during an import, for the caller to report. */
typedef struct desk_import_event {
	desk_import_what what;
	const char *path;    /* as given; "-" is reported as "<stdin>" */
	int64_t line;        /* 1-based; the record's line for JSONL; the problem's for refusals */
	int64_t column;      /* 1-based code point column of the problem (refusals), else 0 */
	int64_t article_id;  /* added or duplicate: the stored article */
	const char *title;   /* added or duplicate: its title, "" if none */
	const char *message; /* refused: why; note: what was not kept */
	int rc;              /* refused: DESK_INVALID (bad data) or DESK_IO (unreadable) */
} desk_import_event;

typedef void (*desk_import_cb)(void *ctx, const desk_import_event *ev);

typedef struct desk_import_stats {
	size_t files, added, duplicates, refused;
} desk_import_stats;

/*
 * Import a file, a directory (recursively, its *.txt and *.jsonl files, in
 * name order) or "-" (standard input).  cb (may be NULL) hears of every
 * article and refusal; stats (may be NULL) is added to.  Returns DESK_OK when
 * nothing was refused, DESK_INVALID when some file was refused for its data,
 * DESK_NOTFOUND when path does not exist, DESK_IO when it could not be read.
 */
int desk_import_path(desk *d, const char *path, desk_format fmt, desk_import_cb cb, void *ctx,
                     desk_import_stats *stats);

/* The same for a buffer already in memory; name is used in messages and as source. */
int desk_import_buffer(desk *d, const char *name, const char *data, size_t len, desk_format fmt,
                       desk_import_cb cb, void *ctx, desk_import_stats *stats);

#ifdef __cplusplus
}
#endif
#endif
