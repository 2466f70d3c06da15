/*
 * fts.c - what the full-text index (migration 8's article_fts) needs on every
 * connection: the tokenizer "copydesk", over the text module's words
 * (textsearch_words), and copydesk_search_body(BODY, MARKS), the body as it
 * is indexed.
 *
 * One index serves both searches, with one token for most words.  A plain
 * word (its exact form, lower case NFC, is its folded form: "dang", "the")
 * is indexed as itself.  An accented word ("Đảng") is indexed as its folded
 * form behind one marker byte ("\x02dang") and, at the same position
 * (FTS5_TOKEN_COLOCATED), its exact form behind another ("\x01đảng").  No
 * plain word holds either byte.  A query's words are tokenized with
 * colocated tokens, which FTS5 takes as alternatives (synonyms), in phrases
 * and prefixes too:
 *   - accentless (the default): "dang" or "\x02dang": plain and accented;
 *   - exact (the query's text begins with FTS_EXACT, as desk_search writes
 *     every term of an exact query): "dang" for a plain word, "\x01đảng" for
 *     an accented one; a prefix both ("t*": "t" or "\x01t").
 * So an accentless query matches every accented spelling and an exact one
 * only its own, in one index and one MATCH.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The bytes that mark an exact form (and an exact query's terms) and a folded form. */
#define FTS_EXACT  0x01
#define FTS_FOLDED 0x02

struct fts_tok {
	textsearch_scratch sc;
	char *buf; /* the marker and an exact form */
	size_t cap;
};

static int
fts_create(void *unused, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct fts_tok *t = calloc(1, sizeof *t);

	(void)unused;
	(void)argv;
	(void)argc;
	*out = (Fts5Tokenizer *)t;
	return t ? SQLITE_OK : SQLITE_NOMEM;
}

static void
fts_delete(Fts5Tokenizer *p)
{
	struct fts_tok *t = (struct fts_tok *)p;

	if (t == NULL)
		return;
	textsearch_scratch_free(&t->sc);
	free(t->buf);
	free(t);
}

struct fts_call {
	struct fts_tok *t;
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
	int mode;
};

/* What the tokenizer is reading: a document, an accentless query, an exact query. */
enum { FTS_DOC, FTS_QUERY, FTS_QUERY_EXACT, FTS_QUERY_EXACT_PREFIX };

/* Give the token mark + s[0..n) (mark 0: none), colocated with the one before when colo. */
static int
fts_emit(struct fts_call *c, int colo, char mark, const char *s, size_t n, size_t start, size_t end)
{
	struct fts_tok *t = c->t;
	size_t m = mark != 0;

	if (!m)
		return c->token(c->ctx, colo ? FTS5_TOKEN_COLOCATED : 0, s, (int)n, (int)start,
		                (int)end);
	if (n + 1 > t->cap) {
		char *b = realloc(t->buf, n + 1);

		if (b == NULL)
			return SQLITE_NOMEM;
		t->buf = b;
		t->cap = n + 1;
	}
	t->buf[0] = mark;
	memcpy(t->buf + 1, s, n);
	return c->token(c->ctx, colo ? FTS5_TOKEN_COLOCATED : 0, t->buf, (int)n + 1, (int)start,
	                (int)end);
}

static int
fts_word(void *ctx, const textsearch_scratch *sc, size_t start, size_t end)
{
	struct fts_call *c = ctx;
	int plain = sc->exactlen == sc->foldlen && memcmp(sc->exact, sc->fold, sc->foldlen) == 0;
	int rc;

	switch (c->mode) {
	case FTS_DOC:
		if (plain)
			return fts_emit(c, 0, 0, sc->fold, sc->foldlen, start, end);
		if ((rc = fts_emit(c, 0, FTS_FOLDED, sc->fold, sc->foldlen, start, end)) !=
		    SQLITE_OK)
			return rc;
		return fts_emit(c, 1, FTS_EXACT, sc->exact, sc->exactlen, start, end);
	case FTS_QUERY: /* the plain words and the accented ones of this fold */
		if ((rc = fts_emit(c, 0, 0, sc->fold, sc->foldlen, start, end)) != SQLITE_OK)
			return rc;
		return fts_emit(c, 1, FTS_FOLDED, sc->fold, sc->foldlen, start, end);
	case FTS_QUERY_EXACT:
		return plain ? fts_emit(c, 0, 0, sc->fold, sc->foldlen, start, end)
		             : fts_emit(c, 0, FTS_EXACT, sc->exact, sc->exactlen, start, end);
	default: /* an exact prefix: the plain words and the accented ones beginning so */
		if (plain &&
		    (rc = fts_emit(c, 0, 0, sc->fold, sc->foldlen, start, end)) != SQLITE_OK)
			return rc;
		return fts_emit(c, plain, FTS_EXACT, sc->exact, sc->exactlen, start, end);
	}
}

static int
fts_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
             int (*token)(void *, int, const char *, int, int, int))
{
	struct fts_call c = {(struct fts_tok *)p, ctx, token, FTS_DOC};
	int rc;

	if (n <= 0)
		return SQLITE_OK;
	if ((flags & FTS5_TOKENIZE_QUERY) && text[0] == FTS_EXACT)
		c.mode = flags & FTS5_TOKENIZE_PREFIX ? FTS_QUERY_EXACT_PREFIX : FTS_QUERY_EXACT;
	else if (flags & FTS5_TOKENIZE_QUERY)
		c.mode = FTS_QUERY;
	rc = textsearch_words(&c.t->sc, text, (size_t)n, 1, fts_word, &c);
	return rc == DESK_NOMEM ? SQLITE_NOMEM : rc;
}

/*
 * copydesk_search_body(BODY, MARKS): BODY with the code point ranges MARKS
 * lists ("START END START END ...", as group_concat gives them) blanked out
 * with spaces, byte for byte, so that offsets into it are offsets into BODY.
 */
static void
fts_search_body(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *body = (const char *)sqlite3_value_text(argv[0]);
	const char *marks = argc > 1 ? (const char *)sqlite3_value_text(argv[1]) : NULL;
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	char *out, *end;
	int64_t s, e;

	if (body == NULL || marks == NULL || *marks == '\0') {
		sqlite3_result_value(cx, argv[0]);
		return;
	}
	if ((out = sqlite3_malloc64(len + 1)) == NULL) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	memcpy(out, body, len + 1);
	while (*marks) {
		size_t b = 0;
		int64_t cp = 0;

		s = strtoll(marks, &end, 10);
		if (end == marks)
			break;
		e = strtoll(end, &end, 10);
		marks = end;
		while (*marks == ' ' || *marks == ',')
			marks++;
		/* the start's byte, then blank up to the end's */
		while (b < len && cp < s) {
			b++;
			while (b < len && ((unsigned char)body[b] & 0xC0) == 0x80)
				b++;
			cp++;
		}
		while (b < len && cp < e) {
			out[b++] = ' ';
			while (b < len && ((unsigned char)body[b] & 0xC0) == 0x80)
				out[b++] = ' ';
			cp++;
		}
	}
	sqlite3_result_text64(cx, out, len, sqlite3_free, SQLITE_UTF8);
}

int
fts_register(sqlite3 *db)
{
	static fts5_tokenizer tok = {fts_create, fts_delete, fts_tokenize};
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL)) != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL || api->iVersion < 2)
		return SQLITE_ERROR;
	if ((rc = api->xCreateTokenizer(api, "copydesk", NULL, &tok, NULL)) != SQLITE_OK)
		return rc;
	return sqlite3_create_function(db, "copydesk_search_body", 2,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	                               fts_search_body, NULL, NULL);
}
