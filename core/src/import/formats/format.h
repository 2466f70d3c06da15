/*
 * formats/format.h - what the format parsers share (format.c), the parsers
 * themselves (one file each) and the language detection they use (lang.c).
 * The importer (import.c) runs the parsers from its table of formats.
 */
#ifndef COPYDESK_FORMAT_H
#define COPYDESK_FORMAT_H

#include "copydesk/copydesk.h"
#include "internal.h"

/* Limits: one article's body, and one file read into memory. */
#define FORMAT_MAX_BODY DESK_BODY_MAX
#define FORMAT_MAX_FILE ((size_t)1 << 30)

/* Why a buffer was refused: where (1-based line, code-point column) and what. */
typedef struct format_error {
	int rc; /* DESK_INVALID, DESK_NOMEM, ... */
	int64_t line, column;
	char msg[384];
} format_error;

/* One parsed article: `in` points into the storage below, which it owns. */
typedef struct format_article {
	desk_article_in in;
	int64_t line; /* the record's first line (JSONL); 1 for text */
	char *mem;    /* the body (in.body points into it) */
	char *title, *source;
	char date[11];
	desk_mark *marks;
	size_t nmarks, capmarks;
} format_article;

void format_article_clear(format_article *a);
void format_articles_free(format_article *a, size_t n);

/* Add a mark to a; DESK_NOMEM on failure. */
int format_article_mark(format_article *a, desk_mark_kind kind, int64_t start, int64_t end);

/* Set err (printf-style) and return rc. */
int format_fail(format_error *err, int rc, int64_t line, int64_t column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/*
 * Normalise a whole file for parsing: drop a UTF-8 BOM, CRLF and lone CR to
 * LF, refuse invalid UTF-8, NUL bytes, binary data and empty files (with the
 * line and column), and with nfc set, compose to NFC.  *out is
 * NUL-terminated and owned by the caller.
 */
int format_normalize(char **out, size_t *outlen, const char *s, size_t len, int nfc,
                     format_error *err);

/*
 * A part of a large JSON Lines file, whose first line is line ln0 + 1 (head:
 * the file's start, its BOM already skipped), checked as format_normalize()
 * checks a whole file: valid UTF-8 without NUL bytes.  Parsed in place when
 * it has no CR (*copy NULL); else *copy (the caller's to free) holds it with
 * LF line ends.
 */
int format_check_part(char **copy, size_t *copylen, const char *s, size_t len, int64_t ln0,
                      int head, format_error *err);

/*
 * Normalise one already valid string (a JSON field): CRLF and CR to LF, NFC,
 * and with trim set, drop trailing white space.  *out is owned by the caller.
 */
int format_normalize_field(char **out, size_t *outlen, const char *s, size_t len, int trim);

/* Whether s[0..len) is certainly NFC already (a fast path; 0 means "maybe not"). */
int format_is_nfc(const char *s, size_t len);

/*
 * The scrapers' plain text: one article from normalised text (valid NFC
 * UTF-8, LF line ends; s[len] must be writable, as format_normalize leaves
 * it).  Takes ownership of s (freed by format_article_clear, even on error).
 */
int fmt_text_parse(format_article *out, char *s, size_t len, format_error *err);

/*
 * JSON Lines: one article per non-blank line of normalised (not NFC) text
 * whose first line is line ln0 + 1 of its file.  Only blank lines give no
 * articles (*n 0) and no error: the caller judges the whole file.
 */
int fmt_jsonl_parse(format_article **out, size_t *n, const char *s, size_t len, int64_t ln0,
                    format_error *err);

/*
 * A format's entry point for a whole file: the articles of normalised text
 * s[0..len) (NFC as well when its table entry asks for it), taking s.
 */
typedef int format_read_fn(format_article **out, size_t *n, char *s, size_t len, format_error *err);
format_read_fn fmt_text_read, fmt_jsonl_read;
/* For tests: 0 has jansson decode every JSON Lines record, as SQLite's quick path must agree. */
void fmt_jsonl_quick(int on);

/* "vi" or "en", by Vietnamese letters against English function words. */
const char *lang_detect(const char *s, size_t len);

#endif
