/*
 * formats/format.h - what the format parsers share (format.c), the parsers
 * themselves (one file each) and the language detection they use (lang.c).
 * The importer (import.c) runs the parsers from its table of formats.
 */
#ifndef COPYDESK_FORMAT_H
#define COPYDESK_FORMAT_H

#include <stdio.h>

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

/*
 * The strings and arrays of one document (an article with its annotations)
 * live in its pool and go with it: readers and the exporter allocate there
 * instead of tracking each string.
 */
typedef struct format_pool_block format_pool_block;
typedef struct format_pool {
	format_pool_block *head;
} format_pool;
void *format_pool_alloc(format_pool *p, size_t n); /* zeroed; NULL: out of memory */
char *format_pool_strdup(format_pool *p, const char *s, size_t len); /* NUL-terminated copy */
void format_pool_free(format_pool *p);

/*
 * An entity (who or what spans name).  id is the store's on export; on import
 * the file's own (a JSON Lines entity id, a brat N line's target), which
 * spans refer to; the importer maps it to the store's.
 */
typedef struct format_entity {
	int64_t id;
	const char *name, *external_id; /* external_id "" if none */
	const char **aliases;           /* export: the distinct texts of its spans */
	size_t naliases;
} format_entity;

/* A span: a labelled range of the body.  Offsets: code points of the text written/read. */
typedef struct format_span {
	int64_t start, end;
	const char *label;
	const char *text;       /* body[start:end]; on import checked when the format gives it */
	int64_t entity;         /* a format_entity id of the same document, 0 if none */
	const char *author;     /* NULL on import: the importing editor */
	const char *created_at; /* ISO 8601 UTC ms; NULL on import: now */
	int64_t line;           /* import: the line of the file it came from, for messages */
} format_span;

/* A source of a claim's research. */
typedef struct format_evidence {
	const char *source, *quote, *consulted; /* consulted: YYYY-MM-DD */
	const char *added_by, *added_at;
} format_evidence;

/* One step of a claim's history: action "proposed", "disputed", "approved", ... */
typedef struct format_event {
	const char *action, *editor, *at;
	const char *verdict; /* proposed: the verdict; else NULL */
	const char *reason;  /* disputed: why; else NULL */
} format_event;

/* A claim to check, with its research (shared by the claims with the same research id). */
typedef struct format_claim {
	int64_t id; /* export: the stored claim's id; import: 0 */
	int64_t start, end;
	const char *text;    /* body[start:end] */
	int64_t research;    /* claims of a document set sharing research have the same id */
	const char *status;  /* check, proposed, verified, disputed */
	const char *verdict; /* a verdict name or NULL */
	const char *note;
	const char *author, *created_at;
	const char *proposed_by, *proposed_at, *reviewed_by, *reviewed_at, *review_reason;
	format_evidence *evidence;
	size_t nevidence;
	format_event *history;
	size_t nhistory;
	int64_t line; /* import: where in the file */
} format_claim;

/*
 * A token of a tokenization the document keeps (an imported CoNLL file's own):
 * its range and whether it ends a sentence; extra holds the columns between
 * the token and its tag ("NNP\tB-NP"), or NULL.
 */
typedef struct format_token {
	int64_t start, end;
	int sentence_end;
	const char *extra;
} format_token;

/*
 * One document: an article with its annotations.  `in` points into the
 * storage below, which it owns (mem, title, source, marks: malloc'ed; the
 * annotations: in pool).  Readers fill what their format has; the exporter
 * fills all of it (the body without boilerplate unless asked, every offset
 * of the text written).
 */
typedef struct format_article {
	desk_article_in in;
	int64_t line; /* the record's first line (JSONL); 1 for text */
	char *mem;    /* the body (in.body points into it) */
	char *title, *source;
	char date[11];
	desk_mark *marks;
	size_t nmarks, capmarks;

	int64_t id;         /* export: the stored id; import: the file's, 0 if none */
	const char *status; /* new, progress, done (NULL on import: new) */
	const char *imported_by, *imported_at, *updated_by, *updated_at;
	int64_t chars;      /* the body's length in code points (export) */
	format_span *spans; /* by start, end, label */
	size_t nspans;
	format_entity *entities; /* those the spans refer to */
	size_t nentities;
	format_claim *claims; /* by start */
	size_t nclaims;
	format_token *tokens; /* NULL: none kept (writers tokenize themselves) */
	size_t ntokens;
	/*
	 * Import: the editor whose layer the document is (a brat project's
	 * annotator folder), recorded even when it has no span; else NULL.
	 */
	const char *layer, *layer_source;
	format_pool pool;
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
 * Something a reader could not keep but did not refuse (IOB1 tags turned to
 * IOB2, brat relations and events, discontinuous spans): told to the caller
 * as a DESK_IMPORT_NOTE event with the file and line.  A reader that has
 * notes calls format_note(); n is the reader's context (NULL: notes dropped).
 */
typedef struct format_notes {
	void (*note)(void *ctx, int64_t line, const char *msg);
	void *ctx;
} format_notes;
void format_note(const format_notes *n, int64_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * A format's entry point for a whole file: the articles of normalised text
 * s[0..len) (NFC as well when its table entry asks for it), taking s.
 */
typedef int format_read_fn(format_article **out, size_t *n, char *s, size_t len,
                           const format_notes *notes, format_error *err);
format_read_fn fmt_text_read, fmt_jsonl_read, fmt_doccano_read;
/* CoNLL-2003-style column files (conll.c): tokens, tags, -DOCSTART- articles. */
format_read_fn fmt_conll_read;
/* For tests: 0 has jansson decode every JSON Lines record, as SQLite's quick path must agree. */
void fmt_jsonl_quick(int on);
/*
 * jsonl_quick.c: a reader thread's SQLite for the quick path, and the
 * fields of a plain record ("text", "title", "date", "url", "lang": v[i]
 * and vlen[i], NULL when absent or null) when it takes the record cleanly:
 * 1, else 0 for jansson to decide (a record with "format_version" too).
 */
#define JSONL_NKEYS 5
typedef struct jsonl_quick {
	sqlite3 *db;
	sqlite3_stmt *fields, *keys;
} jsonl_quick;
/* jsonl.c: the lines of s[from..to), which start at line ln0 + 1, into articles (a thread). */
typedef struct jsonl_part {
	const char *s;
	size_t from, to;
	int64_t ln0;
	format_article *arts;
	size_t n;
	int rc;
	format_error err;
} jsonl_part;
/*
 * jsonl_quick.c: fmt_jsonl_parse() of a buffer cut at line ends into parts
 * that parse (jsonl.c's, given to keep the files in one direction) reads on
 * every processor.
 */
int jsonl_parts_parse(format_article **out, size_t *n, const char *s, size_t len, int64_t ln0,
                      format_error *err, void *(*parse)(void *));
void jsonl_quick_open(jsonl_quick *q);
void jsonl_quick_close(jsonl_quick *q);
int jsonl_quick_fields(jsonl_quick *q, const char **v, size_t *vlen, const char *line, size_t len);

/*
 * brat's standoff format (brat.c writes, brat_read.c reads, brat_conf.c has
 * annotation.conf and visual.conf).  A document is a pair: the .txt's bytes
 * and the .ann's (NULL: a .txt alone, no annotations), read as they are on
 * disk (they are normalised here, offsets mapped through it).  name is the
 * document's (the file name without .txt), its title.  On failure *in_ann
 * says whether the .ann (1) or the .txt (0) is at fault.  fmt_brat_read is
 * the table's one-buffer entry (standard input): it refuses, naming why.
 */
int fmt_brat_read_pair(format_article **out, size_t *n, const char *name, const char *txt,
                       size_t txtlen, const char *ann, size_t annlen, const format_notes *notes,
                       format_error *err, int *in_ann);
format_read_fn fmt_brat_read;

/* A growing NUL-terminated string; DESK_NOMEM when it cannot grow. */
typedef struct fmt_brat_buf {
	char *s;
	size_t n, cap;
} fmt_brat_buf;
int fmt_brat_buf_put(fmt_brat_buf *b, const char *s, size_t n);
int fmt_brat_buf_printf(fmt_brat_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Whether code point c ends a line for brat's reader (Python's str.splitlines()). */
int fmt_brat_is_break(uint32_t c);
/* Byte offsets (and code points, cp may be NULL) of valid UTF-8 s[0..len): n + 1 entries. */
int fmt_brat_map(size_t **at, uint32_t **cp, int64_t *n, const char *s, size_t len);
/* Free text as one .ann field (backslash escapes; pipe: | too) and back, in place. */
int fmt_brat_escape(fmt_brat_buf *b, const char *s, int pipe);
void fmt_brat_unescape(char *s);

/*
 * What every writer is told before the first document: the database's label
 * set and verdict scale, the organisation, and the caller's options.
 */
typedef struct format_info {
	const desk_labels *labels;
	const desk_verdicts *verdicts;
	const char *org_name, *org_url, *license; /* from `copydesk config`, "" if unset */
	const desk_export_opts *opts;
	const char *version; /* copydesk's */
	int schema;          /* the database's schema version */
	/*
	 * The verdict of that name on `verdicts`, or NULL: the exporter sets it
	 * to desk_verdicts_find, as formats/ calls no layer above text/.
	 */
	const desk_verdict *(*verdict)(const desk_verdicts *v, const char *name);
} format_info;

/*
 * Where a writer writes: f for the stream formats, dir (a directory that
 * exists) for the directory formats; state is the writer's own (freed by its
 * end).  A writer's functions return DESK_OK or set err (DESK_IO when
 * writing failed).  warn: a problem with one document that does not stop
 * the export (a span edge inside a CoNLL token).
 */
typedef struct format_sink {
	FILE *f;
	const char *dir;
	const format_info *info;
	void *state;
	format_error err;
	void (*warn)(struct format_sink *s, const format_article *a, int64_t start, int64_t end,
	             const char *msg);
	void *warn_ctx;
} format_sink;

typedef struct format_writer {
	int (*begin)(format_sink *s);                            /* may be NULL */
	int (*article)(format_sink *s, const format_article *a); /* one document */
	int (*end)(format_sink *s);                              /* may be NULL; frees state */
} format_writer;

/*
 * copydesk's own JSON Lines out (annotations/FORMATS.md): a document a line,
 * everything on it, keys in a fixed order; read back by fmt_jsonl_read.
 */
extern const format_writer fmt_jsonl_writer;

/*
 * The table of formats (format_table.c): the name --format takes, an alias,
 * the file name endings it is known by on import, whether the whole file is
 * composed to NFC before it is read, its reader (NULL: export only), its
 * writer (NULL: import only), and whether its export is a directory.
 */
typedef struct format_entry {
	desk_format id;
	const char *name, *alias;
	const char *ext[3];
	int nfc;
	format_read_fn *read;
	const format_writer *write;
	int dir;
} format_entry;
/* The writers (one file each, with its reader when it has one). */
extern const format_writer fmt_doccano_writer, fmt_csv_writer, fmt_fever_writer,
    fmt_claimreview_writer, fmt_conll_writer;
extern const format_writer fmt_brat_writer;
/* brat: annotation.conf and visual.conf from the label set and verdicts (the writer's begin). */
int fmt_brat_begin(format_sink *s);
/* Write data to s->dir/name (removed again if writing fails), or set s->err. */
int fmt_brat_write_file(format_sink *s, const char *name, const char *data, size_t len);
/*
 * A brat annotation.conf as a copydesk label file (JSON,
 * annotations/LABELS.md): its [entities] and [events] types, hierarchy
 * flattened, abstract (!) types, macros and separators left out; keys from
 * kb_shortcuts.conf (kb, may be NULL), else a free letter of the name, else
 * a digit or letter; never the key of a label of keep (the labels that stay
 * beside the file's, may be NULL) that the file does not name; colours from
 * visual.conf's bgColor (visual, may be NULL), else in turn.  *json is the
 * caller's to free.
 */
int fmt_brat_conf_labels(char **json, const char *conf, size_t len, const char *kb, size_t kblen,
                         const char *visual, size_t vlen, const desk_labels *keep,
                         format_error *err);

extern const format_entry format_table[];
extern const size_t format_count;
const format_entry *format_find(desk_format id);    /* NULL if none */
const format_entry *format_named(const char *name); /* NULL if none */

/*
 * format_json.c: s[0..len) as a JSON string, quotes included, for the
 * writers: " and \ escaped, and as \uXXXX every character that
 * desk_char_escape() escapes (C0 and C1 controls, DEL, bidi controls, U+2028,
 * ...), so that the JSON parses to the same string and shows none of them
 * raw.  NULL is written as null.  Returns the stream's error state (0: OK).
 */
int format_json_string(FILE *f, const char *s, size_t len);
int format_json_str(FILE *f, const char *s); /* NUL-terminated s, or NULL */

/* "vi" or "en", by Vietnamese letters against English function words. */
const char *lang_detect(const char *s, size_t len);

#endif
