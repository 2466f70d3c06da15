/*
 * import.h - the importer's internals: normalisation, the format parsers and
 * language detection.  Not part of the public API; the parsers are pure
 * functions (no database) so that unit tests can call them directly.
 */
#ifndef COPYDESK_IMPORT_H
#define COPYDESK_IMPORT_H

#include "copydesk/copydesk.h"
#include "internal.h"

/* Limits: one article's body, and one file read into memory. */
#define IMPORT_MAX_BODY DESK_BODY_MAX
#define IMPORT_MAX_FILE ((size_t)1 << 30)
/* A JSON Lines file larger than this is parsed and stored a part of this size at a time. */
#define IMPORT_PART_BYTES ((size_t)4 << 20)

/* Why a buffer was refused: where (1-based line, code-point column) and what. */
typedef struct import_error {
	int rc; /* DESK_INVALID, DESK_NOMEM, ... */
	int64_t line, column;
	char msg[384];
} import_error;

/* One parsed article: `in` points into the storage below, which it owns. */
typedef struct import_article {
	desk_article_in in;
	int64_t line; /* the record's first line (JSONL); 1 for text */
	char *mem;    /* the body (in.body points into it) */
	char *title, *source;
	char date[11];
	desk_mark *marks;
	size_t nmarks, capmarks;
} import_article;

void import_article_clear(import_article *a);
void import_articles_free(import_article *a, size_t n);

/* Add a mark to a; DESK_NOMEM on failure. */
int import_article_mark(import_article *a, desk_mark_kind kind, int64_t start, int64_t end);

/* Set err (printf-style) and return rc. */
int import_fail(import_error *err, int rc, int64_t line, int64_t column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/*
 * Normalise a whole file for parsing: drop a UTF-8 BOM, CRLF and lone CR to
 * LF, refuse invalid UTF-8, NUL bytes, binary data and empty files (with the
 * line and column), and with nfc set, compose to NFC.  *out is
 * NUL-terminated and owned by the caller.
 */
int import_normalize(char **out, size_t *outlen, const char *s, size_t len, int nfc,
                     import_error *err);

/*
 * A part of a large JSON Lines file, whose first line is line ln0 + 1 (head:
 * the file's start, its BOM already skipped), checked as import_normalize()
 * checks a whole file: valid UTF-8 without NUL bytes.  Parsed in place when
 * it has no CR (*copy NULL); else *copy (the caller's to free) holds it with
 * LF line ends.
 */
int import_check_part(char **copy, size_t *copylen, const char *s, size_t len, int64_t ln0,
                      int head, import_error *err);

/*
 * Normalise one already valid string (a JSON field): CRLF and CR to LF, NFC,
 * and with trim set, drop trailing white space.  *out is owned by the caller.
 */
int import_normalize_field(char **out, size_t *outlen, const char *s, size_t len, int trim);

/* Whether s[0..len) is certainly NFC already (a fast path; 0 means "maybe not"). */
int import_is_nfc(const char *s, size_t len);

/*
 * The scrapers' plain text: one article from normalised text (valid NFC
 * UTF-8, LF line ends; s[len] must be writable, as import_normalize leaves
 * it).  Takes ownership of s (freed by import_article_clear, even on error).
 */
int fmt_text_parse(import_article *out, char *s, size_t len, import_error *err);

/*
 * JSON Lines: one article per non-blank line of normalised (not NFC) text
 * whose first line is line ln0 + 1 of its file.  Only blank lines give no
 * articles (*n 0) and no error: the caller judges the whole file.
 */
int fmt_jsonl_parse(import_article **out, size_t *n, const char *s, size_t len, int64_t ln0,
                    import_error *err);

/* The format of a file: fmt, or for AUTO by name's extension or first character. */
desk_format import_format(desk_format fmt, const char *name, const char *data, size_t len);

/*
 * The lines s[0..len) of a normalised JSON Lines file, whose first is line
 * ln0 + 1, into articles (source for those that give none): a large file is
 * parsed a part at a time, each stored while the next is parsed.
 */
int import_parse_jsonl(import_article **out, size_t *n, const char *source, const char *s,
                       size_t len, int64_t ln0, import_error *err);

/*
 * Normalise and parse a whole file's bytes in the given format (AUTO: by
 * name's extension).  source is stored as the articles' source unless a
 * record gives its own.  On failure nothing is returned and err says why.
 */
int import_parse(import_article **out, size_t *n, const char *name, const char *source,
                 const char *data, size_t len, desk_format fmt, import_error *err);

/* "vi" or "en", by Vietnamese letters against English function words. */
const char *lang_detect(const char *s, size_t len);

#endif
