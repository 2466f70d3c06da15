/* internal.h - what the core's files share; not part of the public API. */
#ifndef COPYDESK_INTERNAL_H
#define COPYDESK_INTERNAL_H

#include <stdio.h>
#include <sqlite3.h>
#include <time.h>

#include "copydesk/copydesk.h"

#define DESK_MAXDEPTH 8

struct desk {
	sqlite3 *db;
	char *editor;
	char errmsg[512];
	const char *errfield; /* desk_errfield(): a static string, or NULL */
	int errrule;
	int data_version;
	/* desk_begin() levels open: 1 the transaction, each further one a savepoint. */
	int depth;
	size_t mark[DESK_MAXDEPTH]; /* nlogged when each level began */
	int64_t *logged;            /* the transaction's undoable edits, in order (history.c) */
	size_t nlogged, caplogged;
	/*
	 * Run as the outermost level commits, in the transaction: history.c sets
	 * it when it logs an edit, to make the logged edits one undo step.  The
	 * store below the edit log knows it only by this pointer.
	 */
	int (*on_commit)(desk *d);
	int reads;       /* desk_read_begin() levels open (a release's exports nest in it) */
	int lock_report; /* COPYDESK_LOCK_REPORT: say the longest write lock at close */
	int log_uid;     /* edit_log has its uid column (migrated past 11): desk_log writes it */
	struct timespec lock_t0;    /* when the write transaction open now began */
	double lock_max_ms;         /* the longest write transaction so far */
	struct timespec budget_end; /* desk_search_budget(): SQLite's work stops after it */
	int budget_spent;           /* the last budget ran out */
};

/* The time now as SQL computes it, in desk_now()'s form (UTC, milliseconds). */
#define DESK_SQL_NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
/* dbfile.c: the directory holding path ("." for a bare name; caller frees). */
char *dbfile_dirname(const char *path);
/* dbfile.c: access() with the effective ids (a setgid copydesk's group). */
int dbfile_may(const char *path, int mode);
/* dbfile.c: a new database 0666 less the umask, 0660 in a setgid directory. */
void dbfile_create(const char *path);
/* dbfile.c: the -wal and -shm this process made take the database's group. */
void dbfile_share(const char *path);
/* The real uid of the process writing an edit log row (desk.c's copydesk_uid()). */
#define DESK_SQL_UID "copydesk_uid()"

/* A file embedded at build time (cmake/embed.cmake): arrays end with a NULL name. */
struct embed_file {
	const char *name;
	const char *data;
	size_t len;
};

/* Set the handle's message (printf-style) and return rc. */
int desk_error(desk *d, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* desk_error() that says which field of the input broke which rule (DESK_RULE_*). */
int desk_error_field(desk *d, int rc, const char *field, int rule, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Map a SQLite failure on d->db to a result code and message. */
int desk_sqlite_error(desk *d, const char *what);
void desk_clear_error(desk *d);

/*
 * Short write transactions: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK.  They
 * nest: inside a transaction desk_begin() opens a savepoint, desk_commit()
 * releases it and desk_rollback() takes back only what was done since it
 * (as SQLite's SAVEPOINT).  When the outermost level commits, d->on_commit
 * runs first (history_commit(): the transaction's edits become one undo step).
 */
int desk_begin(desk *d);
int desk_commit(desk *d);
void desk_rollback(desk *d);
/*
 * A read snapshot (export, release): every read until desk_read_end() sees
 * the database as it was at desk_read_begin(), while others go on writing
 * (WAL); it never takes the write lock.  Not inside a write transaction.
 * They nest: inside a snapshot, begin and end only count (a release's
 * exports and figures all read the release's one snapshot).
 */
int desk_read_begin(desk *d);
void desk_read_end(desk *d);

/*
 * A connection of its own to an empty in-memory database, for SQLite's
 * functions (the JSON Lines reader decodes with them); never the store's
 * file.  The one other place a connection is opened (desk_connect() opens
 * the database): both in store/desk.c.
 */
int desk_scratch_open(sqlite3 **out);
void desk_scratch_close(sqlite3 *db);
/* The longest write transaction of the handle so far, in milliseconds. */
double desk_lock_longest(const desk *d);

/* Prepare a statement, setting the error on failure. */
int desk_prepare(desk *d, sqlite3_stmt **st, const char *sql);

/* Append to the edit log inside the caller's transaction; data is JSON or NULL. */
/*
 * Room in the array *array (of elements of size bytes, n used, *cap
 * allocated) for one more, doubling from 16: DESK_OK or DESK_NOMEM, the
 * array untouched on failure.  array is the address of the array pointer.
 */
int desk_grow(void *array, size_t *cap, size_t n, size_t size);

/*
 * The text of the first column of the one row sql gives (?1 bound to arg if
 * it has a parameter), e.g. a list as JSON; what names it in errors.
 */
int desk_query_text(char **out, desk *d, const char *sql, int64_t arg, const char *what);

int desk_log(desk *d, const char *action, int64_t article_id, int64_t target_id, const char *data);

/*
 * history.c: log an edit the editor can undo (edit_log plus the editor's
 * history), in the edit's own transaction; data is the action's JSON as
 * listed at the top of history_actions.c.  Drops what the editor could redo.
 */
int history_record(desk *d, const char *action, int64_t article_id, int64_t target_id,
                   const char *data);

/*
 * desk_open_ext() up to the migrations: the handle (*out, freed by
 * desk_close() even on failure), the file checked and opened, its pragmas
 * set and copydesk_key_hash() registered; the database not yet migrated.
 */
int desk_connect(desk **out, const char *path, const char *editor, unsigned flags);

/*
 * schema.c: run the ordered migrations.  After the migration that brings the
 * database to steps[i].version, steps[i].run fills what the new tables need
 * (the default label set, ...) in the same transaction; steps ends with a
 * zero version.  The modules above the store give them (open.c).
 */
typedef struct schema_step {
	int version;
	int (*run)(desk *d);
} schema_step;
int schema_migrate(desk *d, const schema_step *steps);
/*
 * The steps open.c gives the migrations: each fills its module's new table
 * in the migration's transaction.  label.c and verdict.c load the default
 * set into an empty table; sentindex.c drops migration 3's sentence table
 * once migration 4 leaves it empty.
 */
int label_defaults(desk *d);
int verdict_defaults(desk *d);
int sentindex_migrated(desk *d);

/*
 * article.c: the columns of an article without its body, in the order
 * article_from_row() reads them (the excerpt skips a byline or boilerplate
 * that starts the body), and one article from such a row (the body as
 * column 11 when with_body); NULL when out of memory.  article_page.c lists
 * pages of them.
 */
#define ARTICLE_COLS                                                                               \
	"id, title, date, lang, source, hash, imported_by, imported_at, status, chars, "           \
	"ltrim(substr(body, 1 + coalesce((SELECT max(\"end\") FROM mark m WHERE "                  \
	"m.article_id = article.id AND m.start = 0), 0), 120), char(10, 32))"
desk_article *article_from_row(sqlite3_stmt *st, int with_body);

/* The longest article body, in bytes (importers and desk_article_add). */
#define DESK_BODY_MAX ((size_t)64 << 20)

/* The time now as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now') writes it. */
#define DESK_NOW_SIZE 64
void desk_now(char out[DESK_NOW_SIZE]);

/*
 * hash.c: FNV-1a 64 over 8-byte words: as 16 hex digits + NUL (an article
 * body's, for duplicate detection) and as a number (a claim key's, the
 * sentence index's).  hash_register() makes copydesk_key_hash(KEY), hash_key()
 * in SQL, on a connection; it gives SQLite's result code.
 */
void hash_hex(char out[17], const char *s, size_t len);
int64_t hash_key(const char *key, size_t len);
int hash_register(sqlite3 *db);

/*
 * fts.c: the full-text index's tokenizer "copydesk" and
 * copydesk_search_body() (the body with its boilerplate blanked), made on a
 * connection; SQLite's result code.  FTS_EXACT_MARK begins an exact query's
 * terms (and the index's exact forms).
 */
#define FTS_EXACT_MARK "\x01"
int fts_register(sqlite3 *db);
/*
 * search.c: the FTS5 query (for article_fts MATCH) of a user's query as
 * desk_search() reads it, or DESK_INVALID with its rule; *out malloc'ed.
 */
int search_fts_query(char **out, desk *d, const char *query, int exact);

/*
 * sha256.c: SHA-256 (FIPS 180-4), for a release's MANIFEST.  init, update
 * with the bytes in any pieces, then final (32 bytes) or hex (64 digits and
 * a NUL); the context is spent after either.
 */
typedef struct sha256_ctx {
	uint32_t h[8];
	uint64_t len; /* bytes so far */
	unsigned char buf[64];
	size_t n; /* bytes in buf */
} sha256_ctx;
void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
void sha256_final(sha256_ctx *c, unsigned char out[32]);
void sha256_hex(char out[65], sha256_ctx *c);

/* strdup that tolerates NULL (gives "") and reports failure as NULL. */
char *desk_strdup(const char *s);

/*
 * textfold.c: desk_fold() of valid UTF-8 s into out (room for len bytes) by a
 * table, when s holds only characters the table knows (ASCII, Latin and
 * Vietnamese letters, punctuation); 0 when it holds another: use desk_fold().
 */
int textfold_quick(char *out, size_t *outlen, const char *s, size_t len);
/*
 * textsearch.c: the words of s[0..len) as full-text search has them, a
 * syllable in Vietnamese: fn(ctx, sc, start, end) for each, with its byte
 * range and its forms in sc: fold[foldlen] (desk_fold) and, with want_exact,
 * exact[exactlen] (NFC, lower case, accents kept).  Stops at fn's first
 * nonzero return and gives it; DESK_NOMEM.  sc zeroed first, freed after.
 */
typedef struct textsearch_scratch {
	char *fold, *exact;
	size_t foldlen, exactlen, foldcap, exactcap;
} textsearch_scratch;
typedef int (*textsearch_fn)(void *ctx, const textsearch_scratch *sc, size_t start, size_t end);
int textsearch_words(textsearch_scratch *sc, const char *s, size_t len, int want_exact,
                     textsearch_fn fn, void *ctx);
void textsearch_scratch_free(textsearch_scratch *sc);
/* t's code points ([len]) and flags ([len + 1]), for sentence.c's loops over every grapheme. */
#define TEXT_GRAPHEME 0x01 /* the flag of a grapheme's first code point */
void text_view(const desk_text *t, const uint32_t **cp, const uint8_t **flag);

/*
 * sentence.c: whether the "." at cp follows an abbreviation ("TP.", "Mr.",
 * "J.", "U.S."): the letters and inner dots from start (or white space) to cp.
 */
int sentence_is_abbrev(const desk_text *t, int64_t start, int64_t cp);

/*
 * tokens.c: the tokens of t's range [start, end) as a CoNLL file has them
 * (english: Penn Treebank clitics split off too), appended to *v (n of cap,
 * malloc'ed); and the byte offset of the first white space or control
 * character of s[0..len) (len: none), which no token may hold.
 */
int tokens_split(desk_range **v, size_t *n, size_t *cap, const desk_text *t, int64_t start,
                 int64_t end, int english);
size_t tokens_space(const char *s, size_t len);
/*
 * text_escape.c: s[0..len) with each control (C0 but TAB and line breaks, DEL, C1)
 * and bidi embedding, override or isolate as U+FFFD, one character for one,
 * for formats with no escapes (brat's .txt, CoNLL): into *out (NUL-ended,
 * caller frees), or written to f.
 */
int desk_text_defang(char **out, size_t *outlen, const char *s, size_t len);
void desk_text_defang_write(FILE *f, const char *s, size_t len);
/* Append [start, end) to a vector of ranges grown by doubling. */
int tokens_push(desk_range **v, size_t *n, size_t *cap, int64_t start, int64_t end);
/*
 * wstokens.c: the tokens of valid UTF-8 s[0..len) as bratiaa cuts them
 * (runs of what Python's str.isspace() is not), code points, into *out
 * (malloc'ed, *n of them).  DESK_NOMEM.
 */
int wstokens_split(desk_range **out, size_t *n, const char *s, size_t len);

/*
 * claimkey.c: the hash (hash_key) of valid UTF-8 text's claim key, and
 * whether the key is empty, with buffers kept in sc between calls (zeroed
 * first, claimkey_scratch_free() after).  claimkey_reference() is
 * desk_claim_key() without the table, for the tests that compare them.
 */
typedef struct claimkey_scratch {
	char *fold, *key, *nfc;
	size_t foldcap, keycap;
} claimkey_scratch;
int claimkey_hash(int64_t *hash, int *empty, claimkey_scratch *sc, const char *text, size_t len);
void claimkey_scratch_free(claimkey_scratch *sc);
int claimkey_reference(char **out, const char *text, size_t len);

/*
 * sentindex.c: the sentence index.  An article's sentences as the hashes of
 * their claim keys (pure: no database), stored in the caller's transaction
 * (*ins: a statement prepared on first use, finalized by the caller).
 */
typedef struct sentindex_key {
	int64_t hash, start, end;
} sentindex_key;
typedef struct sentindex_keys {
	sentindex_key *v;
	size_t n;
} sentindex_keys;
int sentindex_keys_of(sentindex_keys *out, const char *body, size_t len);
/* The same with the key buffers of sc, kept from one article to the next. */
int sentindex_keys_with(sentindex_keys *out, claimkey_scratch *sc, const char *body, size_t len);
void sentindex_keys_free(sentindex_keys *k);
/* Rows gathered over a batch of articles and stored in the index's order. */
typedef struct sentindex_row {
	int64_t hash, article_id, start, end;
} sentindex_row;
typedef struct sentindex_rows {
	sentindex_row *v;
	size_t n, cap;
	int sorted; /* already in the index's order (sentindex_rows_sort) */
} sentindex_rows;
int sentindex_rows_add(sentindex_rows *rows, int64_t article_id, const sentindex_keys *k);
void sentindex_rows_sort(sentindex_rows *rows);
/* Whether row a comes before row b in the index (hash, article, start). */
int sentindex_row_before(const sentindex_row *a, const sentindex_row *b);
int sentindex_rows_store(desk *d, sqlite3_stmt **ins, sentindex_rows *rows);
void sentindex_rows_free(sentindex_rows *rows);

/*
 * article_keys.c: what a batch of articles needs before its transaction,
 * worked out on every processor with no desk handle (the importer's, while
 * its store thread uses the handle): each article's sentences as index rows
 * (article_id: the article's place in the batch, the rows in the index's
 * order), the hash (hash_hex) and the length in code points of its body.
 * On failure *bad is the article that failed.
 */
typedef struct article_keys {
	sentindex_rows rows;
	char (*hash)[17];
	int64_t *chars;
	size_t n;
} article_keys;
int article_keys_of(article_keys *out, size_t *bad, const desk_article_in *in, size_t n);
void article_keys_free(article_keys *k);
/* From this many articles (a JSON Lines file) article_add() works keys out while it stores. */
#define ARTICLE_KEYS_OVERLAP 5000

/* The keys of a batch too big for a short lock, worked out while its articles are stored. */
typedef struct article_keys_job {
	const desk_article_in *in;
	size_t n, bad;
	article_keys k;
	int rc;
} article_keys_job;
/* Run as a thread: j->k = the keys of j->in (article_keys_of). */
void *article_keys_job_main(void *arg);
/* The keys of n articles before the write lock; the failure in d's message. */
int article_keys_make(desk *d, article_keys *out, const desk_article_in *in, size_t n);

/*
 * article.c: desk_article_add() with the batch's keys already worked out
 * (keys NULL: worked out here, before the transaction).  With defer, the
 * batch's rows of the index are added to *defer for the caller to store in
 * the same transaction (sentindex_rows_store), instead of stored here.  want
 * (may be NULL): the id each article would keep (an export's), taken when
 * it is above every stored article's (so ids keep growing), else 0.
 */
int article_add(desk *d, const desk_article_in *in, const article_keys *keys, size_t n,
                const int64_t *want, int64_t *ids, int *dup, sentindex_rows *defer);

/*
 * searchindex.c: add the stored articles first..last to the full-text index,
 * in the caller's transaction (*st: prepared on first use, finalized by the
 * caller).
 */
int search_index_pending(desk *d, sqlite3_stmt **st, int64_t first, int64_t last);
int search_index_all(desk *d);

/*
 * article_sort.c: add the stored articles first..last to the list's sort
 * keys (migration 9's article_sort), in the caller's transaction.
 */
int article_sort_range(desk *d, int64_t first, int64_t last);

/*
 * span.c: widen start..end of t to grapheme boundaries and copy that text
 * into *text (caller frees; *len its bytes when len is given): spans and
 * claims cover whole graphemes.  DESK_NOMEM on failure.
 */
int span_range_text(const desk_text *t, int64_t *start, int64_t *end, char **text, size_t *len);

/*
 * claim_history.c: a claim's history read with a statement the caller keeps
 * (*st, prepared on first use) for the next claim; research_id is the
 * claim's.  A document's history in words (formats' "marked", "proposed",
 * "disputed", ...): the word of an event (NULL: none), whether a word is
 * one, and an event written back into the edit log as the file's editor at
 * its time (*prev: the last event written for the claim, 0 at first; undone
 * and redone refer to it).
 */
typedef struct claim_history_step {
	const char *action, *editor, *at;
	const char *verdict, *reason;
} claim_history_step;
int claim_history_read(desk_claim_event **out, size_t *n, desk *d, sqlite3_stmt **st,
                       int64_t claim_id, int64_t research_id);
const char *claim_history_word(const desk_claim_event *e);
int claim_history_word_known(const char *word);
int claim_history_put(desk *d, sqlite3_stmt **st, int64_t *prev, int64_t article_id,
                      int64_t claim_id, int64_t research_id, const claim_history_step *e);

/*
 * The rows of annotations as the editing functions store them, for them and
 * for the importer (which gives the file's author and time: NULL for the
 * editor and now).  Each keeps its statement in *st (prepared on first use,
 * finalized by the caller) and runs in the caller's transaction; *out gets
 * the new row's id.  The checks (label, range, verdict) are the caller's.
 */
typedef struct span_fields {
	int64_t article_id, start, end;
	const char *label, *text;
	int64_t entity_id; /* 0: none */
	const char *author, *created_at;
} span_fields;
int span_insert(int64_t *out, desk *d, sqlite3_stmt **st, const span_fields *r);
/* Whether a standing span has r's range, label and author. */
int span_standing_same(int *found, desk *d, sqlite3_stmt **st, const span_fields *r);
/*
 * span.c's checks, for the gold layer's edits (gold_diff.c): the label as
 * the label set spells it (*name, caller frees; DESK_NOTFOUND when none),
 * and a range of the article widened to grapheme boundaries with its text.
 */
int span_label_exists(desk *d, const char *label, char **name);
int span_snap(desk *d, int64_t article_id, int64_t *start, int64_t *end, char **text);

typedef struct claim_fields {
	int64_t article_id, start, end;
	const char *text; /* its key is worked out from it */
	int64_t research_id;
	const char *author, *created_at;
} claim_fields;
int claim_insert(int64_t *out, desk *d, sqlite3_stmt **st, const claim_fields *r);
/* The standing claim of exactly this range, or 0. */
int claim_standing_at(int64_t *out, desk *d, sqlite3_stmt **st, int64_t article_id, int64_t start,
                      int64_t end);

/* want_id: the id to take when it is free (0: the next). */
typedef struct research_fields {
	int64_t want_id;
	const char *status, *verdict, *note;
	const char *proposed_by, *proposed_at, *reviewed_by, *reviewed_at, *review_reason;
	const char *created_by, *created_at;
} research_fields;
int research_insert(int64_t *out, desk *d, sqlite3_stmt **st, const research_fields *r);
int evidence_insert(int64_t *out, desk *d, sqlite3_stmt **st, int64_t research_id,
                    const char *source, const char *quote, const char *consulted,
                    const char *added_by, const char *added_at);
/*
 * The standing entity of this name (made NFC) and external id, or a new one
 * (*made set) taking want as its id when that is free.  find and ins: the
 * caller's statements.
 */
int entity_import(int64_t *out, int *made, desk *d, sqlite3_stmt **find, sqlite3_stmt **ins,
                  const char *name, const char *external_id, int64_t want);

#endif
