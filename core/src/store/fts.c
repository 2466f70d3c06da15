/*
 * fts.c - what the full-text index (migration 8's article_fts) needs on every
 * connection: the tokenizer "copydesk", over the text module's words
 * (textsearch_words), and copydesk_search_body(BODY, MARKS), the body as it
 * is indexed.
 *
 * One index serves both searches.  Each word of a document is indexed as
 * its folded form ("dang" for "Đảng", "đang" and "Đặng") and, at the same
 * position (FTS5_TOKEN_COLOCATED), as its exact form behind a marker byte
 * ("\x01đảng"), which no folded form holds.  A query is tokenized to folded
 * forms only, unless its text begins with the marker: then to marked exact
 * forms only (desk_search writes every term of an exact query so).  So an
 * accentless query matches every accented spelling and an exact one only
 * its own, phrases and prefixes included, in one index and one MATCH.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The byte that marks an exact form in the index and an exact query's terms. */
#define FTS_EXACT 0x01

struct fts_tok {
	textsearch_scratch sc;
	char *buf; /* the marker and an exact form */
	size_t cap;
};

struct fts_call {
	struct fts_tok *t;
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
	int fold, exact; /* emit the folded form, the exact form */
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

static int
fts_word(void *ctx, const textsearch_scratch *sc, size_t start, size_t end)
{
	struct fts_call *c = ctx;
	struct fts_tok *t = c->t;
	int rc, flags = 0;

	if (c->fold) {
		if ((rc = c->token(c->ctx, 0, sc->fold, (int)sc->foldlen, (int)start, (int)end)) !=
		    SQLITE_OK)
			return rc;
		flags = FTS5_TOKEN_COLOCATED;
	}
	if (!c->exact)
		return SQLITE_OK;
	if (sc->exactlen + 1 > t->cap) {
		char *b = realloc(t->buf, sc->exactlen + 1);

		if (b == NULL)
			return SQLITE_NOMEM;
		t->buf = b;
		t->cap = sc->exactlen + 1;
	}
	t->buf[0] = FTS_EXACT;
	memcpy(t->buf + 1, sc->exact, sc->exactlen);
	return c->token(c->ctx, flags, t->buf, (int)sc->exactlen + 1, (int)start, (int)end);
}

static int
fts_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
             int (*token)(void *, int, const char *, int, int, int))
{
	struct fts_call c = {(struct fts_tok *)p, ctx, token, 1, 1};
	int rc;

	if (n <= 0)
		return SQLITE_OK;
	if ((flags & FTS5_TOKENIZE_QUERY) && text[0] == FTS_EXACT)
		c.fold = 0; /* an exact query's term */
	else if (flags & FTS5_TOKENIZE_QUERY)
		c.exact = 0;
	rc = textsearch_words(&c.t->sc, text, (size_t)n, c.exact, fts_word, &c);
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
