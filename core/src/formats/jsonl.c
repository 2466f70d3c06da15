/*
 * formats/jsonl.c - JSON Lines: one JSON object per line, one article each.
 *
 *   {"text": "...", "title": "...", "date": "2025-11-02", "url": "...", "lang": "vi"}
 *
 * "text" is required; the others are optional, and other fields are
 * ignored.  Blank lines are skipped.  Strings are decoded by jansson and
 * normalised like text files (LF line ends, NFC, no trailing white space);
 * no title or boilerplate heuristics run here, since the scraper already
 * gave the fields.  Any bad line refuses the whole file.  A record with
 * "format_version" is copydesk's own export, read whole (spans, entities,
 * claims with research, evidence and history, tokens); the writer at the
 * end writes it.  See annotations/FORMATS.md.  Parts of a large file and
 * SQLite's quick path for plain records: jsonl_quick.c.
 */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sqlite3.h>

#include "format.h"

/* The code-point column of "key" in the raw line, to point at a bad field. */
static int64_t
jsonl_key_column(const char *line, size_t len, const char *key)
{
	char pat[32];
	size_t k = (size_t)snprintf(pat, sizeof pat, "\"%s\"", key);

	for (size_t i = 0; i + k <= len; i++)
		if (memcmp(line + i, pat, k) == 0)
			return 1 + desk_utf8_count(line, i);
	return 1;
}

/* copydesk's own export (fmt_jsonl_write): its "format_version", and its members read. */
#define JSONL_FORMAT_VERSION 1
static int jsonl_doc(format_article *a, json_t *o, const char *line, size_t len, int64_t ln,
                     format_error *err);

/* The fields copydesk reads, in this order; each NULL when absent or null. */
static const char *const jsonl_keys[] = {"text", "title", "date", "url", "lang"};
enum { JSONL_TEXT, JSONL_TITLE, JSONL_DATE, JSONL_URL, JSONL_LANG };

typedef struct jsonl_fields {
	const char *v[JSONL_NKEYS];
	size_t len[JSONL_NKEYS];
} jsonl_fields;

/* The fields of a record decoded by jansson: each must be a string when present. */
static int
jsonl_fields_of(jsonl_fields *f, json_t *o, const char *line, size_t linelen, int64_t ln,
                format_error *err)
{
	for (int i = 0; i < JSONL_NKEYS; i++) {
		json_t *v = json_object_get(o, jsonl_keys[i]);

		f->v[i] = NULL;
		f->len[i] = 0;
		if (v == NULL || json_is_null(v))
			continue;
		if (!json_is_string(v))
			return format_fail(err, DESK_INVALID, ln,
			                   jsonl_key_column(line, linelen, jsonl_keys[i]),
			                   "\"%s\" is not a string", jsonl_keys[i]);
		f->v[i] = json_string_value(v);
		f->len[i] = json_string_length(v);
	}
	return DESK_OK;
}

/* The fields of one record into a. */
static int
jsonl_record(format_article *a, const jsonl_fields *f, const char *line, size_t linelen, int64_t ln,
             format_error *err)
{
	const char *text = f->v[JSONL_TEXT], *title = f->v[JSONL_TITLE], *date = f->v[JSONL_DATE],
	           *url = f->v[JSONL_URL], *lang = f->v[JSONL_LANG];
	size_t tlen = f->len[JSONL_TEXT], ilen = f->len[JSONL_TITLE], dlen = f->len[JSONL_DATE],
	       ulen = f->len[JSONL_URL], llen = f->len[JSONL_LANG], blen;

	a->line = ln;
	if (text == NULL)
		return format_fail(err, DESK_INVALID, ln, 1, "no \"text\" field");
	if (format_normalize_field(&a->mem, &blen, text, tlen, 1) != DESK_OK)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	if (blen == strspn(a->mem, " \t\n\v\f"))
		return format_fail(err, DESK_INVALID, ln, jsonl_key_column(line, linelen, "text"),
		                   "empty \"text\"");
	if (blen > FORMAT_MAX_BODY)
		return format_fail(err, DESK_INVALID, ln, jsonl_key_column(line, linelen, "text"),
		                   "article too long (%zu bytes; at most %zu)", blen,
		                   FORMAT_MAX_BODY);
	if (title != NULL) {
		if (format_normalize_field(&a->title, NULL, title, ilen, 1) != DESK_OK)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		for (char *p = a->title; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
		if (desk_utf8_count(a->title, strlen(a->title)) > DESK_TITLE_MAX)
			return format_fail(
			    err, DESK_INVALID, ln, jsonl_key_column(line, linelen, "title"),
			    "\"title\" too long (more than %d characters)", DESK_TITLE_MAX);
	}
	/* A date, or the date part of a date and time ("2025-11-02T08:30:00Z"). */
	if (date != NULL && dlen > 0) {
		if (dlen < 10 || !desk_date_valid(date, 10) ||
		    (dlen > 10 && date[10] != 'T' && date[10] != ' '))
			return format_fail(err, DESK_INVALID, ln,
			                   jsonl_key_column(line, linelen, "date"),
			                   "\"date\" must be YYYY-MM-DD, not \"%.40s\"", date);
		memcpy(a->date, date, 10);
		a->date[10] = '\0';
	}
	if (url != NULL && ulen > 0 && (a->source = strdup(url)) == NULL)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	a->in.lang = NULL;
	if (lang != NULL && llen >= 2 && (llen == 2 || lang[2] == '-' || lang[2] == '_')) {
		if ((lang[0] | 0x20) == 'v' && (lang[1] | 0x20) == 'i')
			a->in.lang = "vi";
		else if ((lang[0] | 0x20) == 'e' && (lang[1] | 0x20) == 'n')
			a->in.lang = "en";
	}
	if (a->in.lang == NULL)
		a->in.lang = lang_detect(a->mem, blen);
	a->in.title = a->title;
	a->in.source = a->source;
	a->in.body = a->mem;
	a->in.body_len = blen;
	return DESK_OK;
}

static int
jsonl_grow(format_article **arts, size_t *cap)
{
	size_t c = *cap ? 2 * *cap : 16;
	format_article *a = realloc(*arts, c * sizeof *a);

	if (a == NULL)
		return DESK_NOMEM;
	*arts = a;
	*cap = c;
	return DESK_OK;
}

/* One record by jansson: its fields into f (o, to free after), or the refusal. */
static int
jsonl_decode(json_t **o, jsonl_fields *f, const char *line, size_t len, size_t blank, int64_t ln,
             format_error *err)
{
	json_error_t je;

	if ((*o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je)) == NULL)
		return format_fail(err, DESK_INVALID, ln, je.column > 0 ? je.column : 1,
		                   "broken JSON: %s", je.text);
	if (!json_is_object(*o))
		return format_fail(err, DESK_INVALID, ln, (int64_t)blank + 1,
		                   "not a JSON object (one article per line)");
	return jsonl_fields_of(f, *o, line, len, ln, err);
}

static void *
jsonl_parse_part(void *arg)
{
	jsonl_part *p = arg;
	size_t cap = 0, at = p->from;
	int64_t ln = p->ln0;
	const char *s = p->s;
	jsonl_quick q;
	int rc = DESK_OK;

	jsonl_quick_open(&q);
	while (at < p->to && rc == DESK_OK) {
		const char *nl = memchr(s + at, '\n', p->to - at);
		size_t end = nl ? (size_t)(nl - s) : p->to, blank = 0;
		jsonl_fields f;
		json_t *o = NULL;

		ln++;
		while (at + blank < end && (s[at + blank] == ' ' || s[at + blank] == '\t'))
			blank++; /* bounded: s may be a file's mapping, with no NUL after it */
		if (at + blank >= end) { /* a blank line */
			at = end + 1;
			continue;
		}
		if (!jsonl_quick_fields(&q, f.v, f.len, s + at, end - at))
			rc = jsonl_decode(&o, &f, s + at, end - at, blank, ln, &p->err);
		if (rc == DESK_OK && p->n == cap && jsonl_grow(&p->arts, &cap) != DESK_OK)
			rc = format_fail(&p->err, DESK_NOMEM, 0, 0, "out of memory");
		if (rc == DESK_OK) {
			memset(&p->arts[p->n], 0, sizeof *p->arts);
			p->n++;
			rc = jsonl_record(&p->arts[p->n - 1], &f, s + at, end - at, ln, &p->err);
			if (rc == DESK_OK && o != NULL)
				rc =
				    jsonl_doc(&p->arts[p->n - 1], o, s + at, end - at, ln, &p->err);
		}
		json_decref(o);
		at = end + 1;
	}
	jsonl_quick_close(&q);
	p->rc = rc;
	return NULL;
}

int
fmt_jsonl_parse(format_article **out, size_t *n, const char *s, size_t len, int64_t ln0,
                format_error *err)
{
	return jsonl_parts_parse(out, n, s, len, ln0, err, jsonl_parse_part);
}

int
fmt_jsonl_read(format_article **out, size_t *n, char *s, size_t len, const format_notes *notes,
               format_error *err)
{
	int rc = fmt_jsonl_parse(out, n, s, len, 0, err);

	(void)notes;
	free(s);
	if (rc == DESK_OK && *n == 0)
		rc = format_fail(err, DESK_INVALID, 1, 1, "no articles (only blank lines)");
	return rc;
}

/* --- copydesk's own JSON Lines: the whole document ---------------------- */

/*
 * A record with "format_version" is a full export's (annotations/FORMATS.md):
 * jansson decodes it (the quick path leaves it), and its members beyond the
 * plain fields are read here.  Without it, they are ignored as any other
 * field is.
 */
/* Where a record's member is read from, for its messages. */
typedef struct jsonl_at {
	format_article *a;
	const char *line;
	size_t len;
	int64_t ln;
	format_error *err;
} jsonl_at;

static int
jsonl_bad(jsonl_at *at, const char *key, const char *what)
{
	return format_fail(at->err, DESK_INVALID, at->ln, jsonl_key_column(at->line, at->len, key),
	                   "\"%s\" %s", key, what);
}

/* o[key] as a string of the document's pool (NULL: absent or null); nfc: composed. */
static int
jsonl_get_str(const char **out, jsonl_at *at, json_t *o, const char *key, int nfc)
{
	json_t *v = json_object_get(o, key);
	char *s = NULL;

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return DESK_OK;
	if (!json_is_string(v))
		return jsonl_bad(at, key, "is not a string");
	if (nfc && !format_is_nfc(json_string_value(v), json_string_length(v))) {
		size_t n;

		if (format_normalize_field(&s, &n, json_string_value(v), json_string_length(v),
		                           0) != DESK_OK)
			return format_fail(at->err, DESK_NOMEM, 0, 0, "out of memory");
		*out = format_pool_strdup(&at->a->pool, s, n);
		free(s);
	} else {
		*out =
		    format_pool_strdup(&at->a->pool, json_string_value(v), json_string_length(v));
	}
	return *out ? DESK_OK : format_fail(at->err, DESK_NOMEM, 0, 0, "out of memory");
}

/* o[key] as an integer (0: absent or null). */
static int
jsonl_get_int(int64_t *out, jsonl_at *at, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	*out = 0;
	if (v == NULL || json_is_null(v))
		return DESK_OK;
	if (!json_is_integer(v))
		return jsonl_bad(at, key, "is not an integer");
	*out = (int64_t)json_integer_value(v);
	return DESK_OK;
}

/* o[key] as an array of *n objects (or of arrays: want_array) in the pool, each size bytes. */
static int
jsonl_get_array(json_t **arr, void **out, size_t *n, size_t size, jsonl_at *at, json_t *o,
                const char *key, int want_array)
{
	json_t *v = json_object_get(o, key);
	size_t i;
	json_t *e;

	*arr = NULL;
	*out = NULL;
	*n = 0;
	if (v == NULL || json_is_null(v))
		return DESK_OK;
	if (!json_is_array(v))
		return jsonl_bad(at, key, "is not an array");
	json_array_foreach(
	    v, i,
	    e) if (want_array
	               ? !json_is_array(e)
	               : !json_is_object(
	                     e)) return jsonl_bad(at, key,
	                                          want_array
	                                              ? "holds something that is not an array"
	                                              : "holds something that is not an object");
	if (json_array_size(v) > 0 &&
	    (*out = format_pool_alloc(&at->a->pool, json_array_size(v) * size)) == NULL)
		return format_fail(at->err, DESK_NOMEM, 0, 0, "out of memory");
	*arr = v;
	*n = json_array_size(v);
	return DESK_OK;
}

/* The strings of o named by keys into the pointers out[i]. */
static int
jsonl_get_strs(jsonl_at *at, json_t *o, const char *const *keys, const char **const *out, size_t n)
{
	int rc = DESK_OK;

	for (size_t i = 0; i < n && rc == DESK_OK; i++)
		rc = jsonl_get_str(out[i], at, o, keys[i], 0);
	return rc;
}

static int
jsonl_doc_spans(jsonl_at *at, json_t *o)
{
	format_article *a = at->a;
	json_t *arr, *e;
	size_t i;
	int rc;

	if ((rc = jsonl_get_array(&arr, (void **)&a->spans, &a->nspans, sizeof *a->spans, at, o,
	                          "spans", 0)) != DESK_OK)
		return rc;
	json_array_foreach(arr, i, e)
	{
		format_span *s = &a->spans[i];

		s->line = at->ln;
		if ((rc = jsonl_get_int(&s->start, at, e, "start")) != DESK_OK ||
		    (rc = jsonl_get_int(&s->end, at, e, "end")) != DESK_OK ||
		    (rc = jsonl_get_int(&s->entity, at, e, "entity")) != DESK_OK ||
		    (rc = jsonl_get_str(&s->label, at, e, "label", 0)) != DESK_OK ||
		    (rc = jsonl_get_str(&s->text, at, e, "text", 1)) != DESK_OK ||
		    (rc = jsonl_get_str(&s->author, at, e, "author", 0)) != DESK_OK ||
		    (rc = jsonl_get_str(&s->created_at, at, e, "created_at", 0)) != DESK_OK)
			return rc;
		if (s->label == NULL)
			return jsonl_bad(at, "spans", "holds a span without a \"label\"");
	}
	if ((rc = jsonl_get_array(&arr, (void **)&a->entities, &a->nentities, sizeof *a->entities,
	                          at, o, "entities", 0)) != DESK_OK)
		return rc;
	json_array_foreach(arr, i, e)
	{
		format_entity *n = &a->entities[i];

		if ((rc = jsonl_get_int(&n->id, at, e, "id")) != DESK_OK ||
		    (rc = jsonl_get_str(&n->name, at, e, "name", 1)) != DESK_OK ||
		    (rc = jsonl_get_str(&n->external_id, at, e, "external_id", 0)) != DESK_OK)
			return rc;
		if (n->id <= 0 || n->name == NULL)
			return jsonl_bad(at, "entities",
			                 "holds an entity without an \"id\" or \"name\"");
	}
	return DESK_OK;
}

static int
jsonl_doc_claim(jsonl_at *at, json_t *e, format_claim *c)
{
	static const char *const keys[] = {
	    "status",      "verdict",     "note",        "author",      "created_at",
	    "proposed_by", "proposed_at", "reviewed_by", "reviewed_at", "review_reason"};
	const char **const out[] = {
	    &c->status,      &c->verdict,     &c->note,        &c->author,      &c->created_at,
	    &c->proposed_by, &c->proposed_at, &c->reviewed_by, &c->reviewed_at, &c->review_reason};
	static const char *const ekeys[] = {"source", "quote", "consulted", "added_by", "added_at"};
	static const char *const hkeys[] = {"action", "editor", "at", "verdict", "reason"};
	json_t *arr, *x;
	size_t i;
	int rc;

	c->line = at->ln;
	if ((rc = jsonl_get_int(&c->start, at, e, "start")) != DESK_OK ||
	    (rc = jsonl_get_int(&c->end, at, e, "end")) != DESK_OK ||
	    (rc = jsonl_get_int(&c->research, at, e, "research")) != DESK_OK ||
	    (rc = jsonl_get_str(&c->text, at, e, "text", 1)) != DESK_OK ||
	    (rc = jsonl_get_strs(at, e, keys, out, 10)) != DESK_OK ||
	    (rc = jsonl_get_array(&arr, (void **)&c->evidence, &c->nevidence, sizeof *c->evidence,
	                          at, e, "evidence", 0)) != DESK_OK)
		return rc;
	json_array_foreach(arr, i, x)
	{
		format_evidence *v = &c->evidence[i];
		const char **const eo[] = {&v->source, &v->quote, &v->consulted, &v->added_by,
		                           &v->added_at};

		if ((rc = jsonl_get_strs(at, x, ekeys, eo, 5)) != DESK_OK)
			return rc;
	}
	if ((rc = jsonl_get_array(&arr, (void **)&c->history, &c->nhistory, sizeof *c->history, at,
	                          e, "history", 0)) != DESK_OK)
		return rc;
	json_array_foreach(arr, i, x)
	{
		format_event *v = &c->history[i];
		const char **const ho[] = {&v->action, &v->editor, &v->at, &v->verdict, &v->reason};

		if ((rc = jsonl_get_strs(at, x, hkeys, ho, 5)) != DESK_OK)
			return rc;
	}
	return DESK_OK;
}

static int
jsonl_doc_rest(jsonl_at *at, json_t *o)
{
	format_article *a = at->a;
	json_t *arr, *e;
	size_t i;
	int64_t chars;
	int rc;

	if ((rc = jsonl_get_array(&arr, (void **)&a->claims, &a->nclaims, sizeof *a->claims, at, o,
	                          "claims", 0)) != DESK_OK)
		return rc;
	json_array_foreach(arr, i, e) if ((rc = jsonl_doc_claim(at, e, &a->claims[i])) !=
	                                  DESK_OK) return rc;
	if ((rc = jsonl_get_array(&arr, (void **)&a->tokens, &a->ntokens, sizeof *a->tokens, at, o,
	                          "tokens", 1)) != DESK_OK)
		return rc;
	json_array_foreach(arr, i, e)
	{
		format_token *t = &a->tokens[i];
		json_t *x = json_array_get(e, 3);

		if (!json_is_integer(json_array_get(e, 0)) ||
		    !json_is_integer(json_array_get(e, 1)) ||
		    (json_array_size(e) > 2 && !json_is_integer(json_array_get(e, 2))) ||
		    (x && !json_is_string(x)))
			return jsonl_bad(at, "tokens",
			                 "holds a token that is not [start, end, "
			                 "sentence end, \"columns\"]");
		t->start = (int64_t)json_integer_value(json_array_get(e, 0));
		t->end = (int64_t)json_integer_value(json_array_get(e, 1));
		t->sentence_end = json_integer_value(json_array_get(e, 2)) != 0;
		if (x && (t->extra = format_pool_strdup(&a->pool, json_string_value(x),
		                                        json_string_length(x))) == NULL)
			return format_fail(at->err, DESK_NOMEM, 0, 0, "out of memory");
	}
	chars = -1; /* counted for the first mark */
	if ((arr = json_object_get(o, "marks")) != NULL && !json_is_null(arr) &&
	    !json_is_array(arr))
		return jsonl_bad(at, "marks", "is not an array");
	for (size_t k = 0; arr && k < json_array_size(arr); k++) {
		json_t *m = json_array_get(arr, k);
		const char *kind = json_string_value(json_object_get(m, "kind"));
		int64_t s, t;

		if ((rc = jsonl_get_int(&s, at, m, "start")) != DESK_OK ||
		    (rc = jsonl_get_int(&t, at, m, "end")) != DESK_OK)
			return rc;
		if (kind == NULL || (strcmp(kind, "boilerplate") && strcmp(kind, "byline")))
			return jsonl_bad(at, "marks",
			                 "holds a mark that is not a boilerplate or byline");
		if (chars < 0)
			chars = (int64_t)desk_utf8_count(a->mem, a->in.body_len);
		if (s < 0 || s >= t || t > chars)
			return jsonl_bad(at, "marks",
			                 "holds a mark that is not a range of the text");
		if (format_article_mark(a,
		                        kind[1] == 'o' ? DESK_MARK_BOILERPLATE : DESK_MARK_BYLINE,
		                        s, t) != DESK_OK)
			return format_fail(at->err, DESK_NOMEM, 0, 0, "out of memory");
	}
	a->in.marks = a->marks;
	a->in.nmarks = a->nmarks;
	return DESK_OK;
}

/* The members of a full export's record beyond the plain fields, into a. */
static int
jsonl_doc(format_article *a, json_t *o, const char *line, size_t len, int64_t ln, format_error *err)
{
	static const char *const keys[] = {"status", "imported_by", "imported_at", "updated_by",
	                                   "updated_at"};
	const char **const out[] = {&a->status, &a->imported_by, &a->imported_at, &a->updated_by,
	                            &a->updated_at};
	jsonl_at at = {a, line, len, ln, err};
	const char *source;
	int64_t version;
	int rc;

	if (json_object_get(o, "format_version") == NULL)
		return DESK_OK; /* a plain record */
	if ((rc = jsonl_get_int(&version, &at, o, "format_version")) != DESK_OK)
		return rc;
	if (version > JSONL_FORMAT_VERSION)
		return jsonl_bad(&at, "format_version", "is newer than this copydesk reads (1)");
	if ((rc = jsonl_get_int(&a->id, &at, o, "id")) != DESK_OK ||
	    (rc = jsonl_get_strs(&at, o, keys, out, 5)) != DESK_OK ||
	    (rc = jsonl_get_str(&source, &at, o, "source", 0)) != DESK_OK ||
	    (rc = jsonl_doc_spans(&at, o)) != DESK_OK || (rc = jsonl_doc_rest(&at, o)) != DESK_OK)
		return rc;
	if (source != NULL) { /* "source" over the scrapers' "url" */
		free(a->source);
		if ((a->source = strdup(source)) == NULL)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		a->in.source = a->source;
	}
	if (a->id < 0)
		return jsonl_bad(&at, "id", "is not a positive integer");
	return DESK_OK;
}

/* --- The writer ------------------------------------------------------------ */

/*
 * The writer streams each document as one line of compact JSON, members in
 * a fixed order, strings through format_json_string() (the one rule for
 * what is escaped): no tree is built, so a document costs what its bytes do.
 */

/* The next member's key: a comma before all but the first of an object. */
static void
jsonl_key(FILE *f, int *first, const char *key)
{
	if (!*first)
		putc(',', f);
	*first = 0;
	fprintf(f, "\"%s\":", key);
}

static void
jsonl_put_str(FILE *f, int *first, const char *key, const char *v)
{
	jsonl_key(f, first, key);
	format_json_str(f, v);
}

static void
jsonl_put_int(FILE *f, int *first, const char *key, int64_t v)
{
	jsonl_key(f, first, key);
	fprintf(f, "%lld", (long long)v);
}

static void
jsonl_out_spans(FILE *f, const format_article *a)
{
	putc('[', f);
	for (size_t i = 0; i < a->nspans; i++) {
		const format_span *sp = &a->spans[i];
		int first = 1;

		fputs(i ? ",{" : "{", f);
		jsonl_put_int(f, &first, "start", sp->start);
		jsonl_put_int(f, &first, "end", sp->end);
		jsonl_put_str(f, &first, "label", sp->label);
		jsonl_put_str(f, &first, "text", sp->text);
		jsonl_key(f, &first, "entity");
		if (sp->entity)
			fprintf(f, "%lld", (long long)sp->entity);
		else
			fputs("null", f);
		jsonl_put_str(f, &first, "author", sp->author);
		jsonl_put_str(f, &first, "created_at", sp->created_at);
		putc('}', f);
	}
	putc(']', f);
}

static int
jsonl_alias_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/*
 * The entities the document's spans name, each with its aliases: the
 * distinct texts of those spans.  Worked out from the spans written (not
 * taken from the entity), so that spans an export left out (in
 * boilerplate) take their names with them.
 */
static int
jsonl_out_entities(FILE *f, const format_article *a)
{
	const char **tmp = malloc((a->nspans ? a->nspans : 1) * sizeof *tmp);
	int any = 0;

	if (tmp == NULL)
		return DESK_NOMEM;
	putc('[', f);
	for (size_t i = 0; i < a->nentities; i++) {
		const format_entity *e = &a->entities[i];
		size_t n = 0;
		int first = 1;

		for (size_t j = 0; j < a->nspans; j++)
			if (a->spans[j].entity == e->id && a->spans[j].text)
				tmp[n++] = a->spans[j].text;
		if (n == 0)
			continue;
		qsort(tmp, n, sizeof *tmp, jsonl_alias_cmp);
		fputs(any ? ",{" : "{", f);
		any = 1;
		jsonl_put_int(f, &first, "id", e->id);
		jsonl_put_str(f, &first, "name", e->name);
		jsonl_put_str(f, &first, "external_id", e->external_id ? e->external_id : "");
		jsonl_key(f, &first, "aliases");
		putc('[', f);
		for (size_t j = 0; j < n; j++)
			if (j == 0 || strcmp(tmp[j - 1], tmp[j]) != 0) {
				if (j > 0)
					putc(',', f);
				format_json_str(f, tmp[j]);
			}
		fputs("]}", f);
	}
	putc(']', f);
	free(tmp);
	return DESK_OK;
}

/* A claim's evidence (history 0) or history (1). */
static void
jsonl_out_research(FILE *f, const format_claim *c, int history)
{
	static const char *const ek[] = {"source", "quote", "consulted", "added_by", "added_at"};
	static const char *const hk[] = {"action", "editor", "at", "verdict", "reason"};

	putc('[', f);
	for (size_t i = 0; i < (history ? c->nhistory : c->nevidence); i++) {
		const format_evidence *e = &c->evidence[history ? 0 : i];
		const format_event *h = &c->history[history ? i : 0];
		const char *v[] = {history ? h->action : e->source, history ? h->editor : e->quote,
		                   history ? h->at : e->consulted,
		                   history ? h->verdict : e->added_by,
		                   history ? h->reason : e->added_at};
		int first = 1;

		fputs(i ? ",{" : "{", f);
		for (size_t k = 0; k < 5; k++)
			jsonl_put_str(f, &first, history ? hk[k] : ek[k], v[k]);
		putc('}', f);
	}
	putc(']', f);
}

static void
jsonl_out_claims(FILE *f, const format_article *a)
{
	putc('[', f);
	for (size_t i = 0; i < a->nclaims; i++) {
		const format_claim *c = &a->claims[i];
		int first = 1;

		fputs(i ? ",{" : "{", f);
		jsonl_put_int(f, &first, "start", c->start);
		jsonl_put_int(f, &first, "end", c->end);
		jsonl_put_str(f, &first, "text", c->text);
		jsonl_put_int(f, &first, "research", c->research);
		jsonl_put_str(f, &first, "status", c->status);
		jsonl_put_str(f, &first, "verdict", c->verdict);
		jsonl_put_str(f, &first, "note", c->note);
		jsonl_put_str(f, &first, "author", c->author);
		jsonl_put_str(f, &first, "created_at", c->created_at);
		jsonl_put_str(f, &first, "proposed_by", c->proposed_by);
		jsonl_put_str(f, &first, "proposed_at", c->proposed_at);
		jsonl_put_str(f, &first, "reviewed_by", c->reviewed_by);
		jsonl_put_str(f, &first, "reviewed_at", c->reviewed_at);
		jsonl_put_str(f, &first, "review_reason", c->review_reason);
		jsonl_key(f, &first, "evidence");
		jsonl_out_research(f, c, 0);
		jsonl_key(f, &first, "history");
		jsonl_out_research(f, c, 1);
		putc('}', f);
	}
	putc(']', f);
}

/* The marks, and the kept tokens (null when the document keeps none). */
static void
jsonl_out_rest(FILE *f, const format_article *a, int tokens)
{
	if (tokens && a->tokens == NULL) {
		fputs("null", f);
		return;
	}
	putc('[', f);
	for (size_t i = 0; i < (tokens ? a->ntokens : a->nmarks); i++) {
		if (i > 0)
			putc(',', f);
		if (tokens) {
			const format_token *t = &a->tokens[i];

			fprintf(f, "[%lld,%lld", (long long)t->start, (long long)t->end);
			if (t->extra) {
				fprintf(f, ",%d,", t->sentence_end);
				format_json_str(f, t->extra);
			} else if (t->sentence_end) {
				fputs(",1", f);
			}
			putc(']', f);
		} else {
			const desk_mark *m = &a->marks[i];

			fprintf(f, "{\"kind\":\"%s\",\"start\":%lld,\"end\":%lld}",
			        m->kind == DESK_MARK_BYLINE ? "byline" : "boilerplate",
			        (long long)m->start, (long long)m->end);
		}
	}
	putc(']', f);
}

static int
fmt_jsonl_write_article(format_sink *s, const format_article *a)
{
	FILE *f = s->f;
	int first = 1;

	putc('{', f);
	jsonl_put_int(f, &first, "format_version", JSONL_FORMAT_VERSION);
	jsonl_put_int(f, &first, "id", a->id);
	jsonl_put_str(f, &first, "title", a->in.title ? a->in.title : "");
	jsonl_put_str(f, &first, "date", a->in.date && *a->in.date ? a->in.date : NULL);
	jsonl_put_str(f, &first, "lang", a->in.lang);
	jsonl_put_str(f, &first, "source", a->in.source ? a->in.source : "");
	jsonl_put_str(f, &first, "status", a->status);
	jsonl_put_str(f, &first, "imported_by", a->imported_by);
	jsonl_put_str(f, &first, "imported_at", a->imported_at);
	jsonl_put_str(f, &first, "updated_by", a->updated_by);
	jsonl_put_str(f, &first, "updated_at", a->updated_at);
	jsonl_put_int(f, &first, "chars", a->chars);
	jsonl_key(f, &first, "text");
	format_json_string(f, a->in.body ? a->in.body : "", a->in.body ? a->in.body_len : 0);
	jsonl_key(f, &first, "marks");
	jsonl_out_rest(f, a, 0);
	jsonl_key(f, &first, "spans");
	jsonl_out_spans(f, a);
	jsonl_key(f, &first, "entities");
	if (jsonl_out_entities(f, a) != DESK_OK)
		return format_fail(&s->err, DESK_NOMEM, 0, 0, "article %lld: out of memory",
		                   (long long)a->id);
	jsonl_key(f, &first, "claims");
	jsonl_out_claims(f, a);
	jsonl_key(f, &first, "tokens");
	jsonl_out_rest(f, a, 1);
	fputs("}\n", f);
	if (ferror(f))
		return format_fail(&s->err, DESK_IO, 0, 0, "write: %s", strerror(errno));
	return DESK_OK;
}

const format_writer fmt_jsonl_writer = {NULL, fmt_jsonl_write_article, NULL};
