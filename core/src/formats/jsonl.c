/*
 * formats/jsonl.c - JSON Lines: one JSON object per line, one article each.
 *
 *   {"text": "...", "title": "...", "date": "2025-11-02", "url": "...", "lang": "vi"}
 *
 * "text" is required; the others are optional, and other fields are
 * ignored.  Blank lines are skipped.  Strings are decoded by jansson and
 * normalised like text files (LF line ends, NFC, no trailing white space);
 * no title or boilerplate heuristics run here, since the scraper already
 * gave the fields.  Any bad line refuses the whole file.  See
 * annotations/FORMATS.md.
 */
#define _GNU_SOURCE /* memmem */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* The fields copydesk reads, in this order; each NULL when absent or null. */
static const char *const jsonl_keys[] = {"text", "title", "date", "url", "lang"};
#define JSONL_NKEYS 5
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

/* The lines of s[from..to), which starts at line ln0 + 1, into articles. */
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
 * SQLite's JSON functions decode a record about four times as fast as
 * jansson.  A record they do not take cleanly (not JSON to them, not an
 * object, a member that is an object or array, a key twice or with an
 * escape in it, a field of another type, \u0000 anywhere, an escape that
 * decodes to no UTF-8) goes to jansson, which decides it and words its refusal: the
 * quick path only ever accepts what jansson would.
 */
typedef struct jsonl_quick {
	sqlite3 *db;
	sqlite3_stmt *fields, *keys;
} jsonl_quick;

#define JSONL_QUICK_KEYS 32

/* Off: jansson decodes every record (tests compare the two). */
static int jsonl_quick_on = 1;

void
fmt_jsonl_quick(int on)
{
	jsonl_quick_on = on;
}

static void
jsonl_quick_open(jsonl_quick *q)
{
	static const char fields[] =
	    "SELECT json_type(?1), json_type(?1, '$.text'), json_extract(?1, '$.text'), "
	    "json_type(?1, '$.title'), json_extract(?1, '$.title'), json_type(?1, '$.date'), "
	    "json_extract(?1, '$.date'), json_type(?1, '$.url'), json_extract(?1, '$.url'), "
	    "json_type(?1, '$.lang'), json_extract(?1, '$.lang')";

	memset(q, 0, sizeof *q);
	if (!jsonl_quick_on)
		return;
	if (sqlite3_open_v2(":memory:", &q->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, fields, -1, &q->fields, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, "SELECT key, type, atom, fullkey FROM json_each(?1)", -1,
	                       &q->keys, NULL) != SQLITE_OK) {
		sqlite3_finalize(q->fields);
		sqlite3_close(q->db);
		memset(q, 0, sizeof *q); /* jansson decodes every record */
	}
}

static void
jsonl_quick_close(jsonl_quick *q)
{
	sqlite3_finalize(q->fields);
	sqlite3_finalize(q->keys);
	sqlite3_close(q->db);
}

/*
 * Whether the record's members are plain (strings, numbers jansson takes,
 * true, false, null), each key once, every string valid UTF-8 once decoded
 * (escaped: the line has \u escapes); else jansson decides.
 */
static int
jsonl_quick_keys(jsonl_quick *q, const char *line, size_t len, int escaped)
{
	int64_t seen[JSONL_QUICK_KEYS];
	size_t n = 0;
	int r;

	sqlite3_reset(q->keys);
	sqlite3_bind_text(q->keys, 1, line, (int)len, SQLITE_STATIC);
	while ((r = sqlite3_step(q->keys)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(q->keys, 0),
		           *type = (const char *)sqlite3_column_text(q->keys, 1);
		size_t klen = (size_t)sqlite3_column_bytes(q->keys, 0);
		int64_t h;

		if (key == NULL || type == NULL || n == JSONL_QUICK_KEYS ||
		    /* a key with an escape: SQLite finds it only as written, jansson decoded */
		    sqlite3_column_text(q->keys, 3) == NULL ||
		    strchr((const char *)sqlite3_column_text(q->keys, 3), '\\') != NULL ||
		    strcmp(type, "object") == 0 || strcmp(type, "array") == 0 ||
		    strcmp(type, "real") == 0 ||
		    (strcmp(type, "integer") == 0 &&
		     sqlite3_column_type(q->keys, 2) != SQLITE_INTEGER) || /* too big for jansson */
		    (escaped && desk_utf8_check(key, klen, NULL) != DESK_OK) ||
		    (escaped && strcmp(type, "text") == 0 &&
		     desk_utf8_check((const char *)sqlite3_column_text(q->keys, 2),
		                     (size_t)sqlite3_column_bytes(q->keys, 2), NULL) != DESK_OK))
			return 0;
		h = hash_key(key, klen);
		for (size_t i = 0; i < n; i++)
			if (seen[i] == h) /* the same key, or keys of one hash: jansson tells */
				return 0;
		seen[n++] = h;
	}
	return r == SQLITE_DONE;
}

/*
 * The fields of a record, decoded by SQLite: 1 when f holds them (until the
 * next record), 0 when jansson must decode it.
 */
static int
jsonl_quick_fields(jsonl_quick *q, jsonl_fields *f, const char *line, size_t len)
{
	/* Without \u escapes the decoded bytes are the line's, already checked. */
	int escaped = memmem(line, len, "\\u", 2) != NULL;
	const char *type;

	/* SQLite ends a string at \u0000, which jansson refuses: jansson tells. */
	if (q->db == NULL || len > INT32_MAX || (escaped && memmem(line, len, "\\u0000", 6)) ||
	    !jsonl_quick_keys(q, line, len, escaped))
		return 0;
	sqlite3_reset(q->fields);
	sqlite3_bind_text(q->fields, 1, line, (int)len, SQLITE_STATIC);
	if (sqlite3_step(q->fields) != SQLITE_ROW ||
	    (type = (const char *)sqlite3_column_text(q->fields, 0)) == NULL ||
	    strcmp(type, "object") != 0)
		return 0;
	for (int i = 0; i < JSONL_NKEYS; i++) {
		type = (const char *)sqlite3_column_text(q->fields, 1 + 2 * i);
		f->v[i] = NULL;
		f->len[i] = 0;
		if (type == NULL || strcmp(type, "null") == 0)
			continue;
		if (strcmp(type, "text") != 0)
			return 0; /* jansson says which field and why */
		f->v[i] = (const char *)sqlite3_column_text(q->fields, 2 + 2 * i);
		f->len[i] = (size_t)sqlite3_column_bytes(q->fields, 2 + 2 * i);
		if (f->v[i] == NULL)
			return 0;
	}
	return 1;
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
		if (!jsonl_quick_fields(&q, &f, s + at, end - at))
			rc = jsonl_decode(&o, &f, s + at, end - at, blank, ln, &p->err);
		if (rc == DESK_OK && p->n == cap && jsonl_grow(&p->arts, &cap) != DESK_OK)
			rc = format_fail(&p->err, DESK_NOMEM, 0, 0, "out of memory");
		if (rc == DESK_OK) {
			memset(&p->arts[p->n], 0, sizeof *p->arts);
			p->n++;
			rc = jsonl_record(&p->arts[p->n - 1], &f, s + at, end - at, ln, &p->err);
		}
		json_decref(o);
		at = end + 1;
	}
	jsonl_quick_close(&q);
	p->rc = rc;
	return NULL;
}

/*
 * A large file is cut at line ends into parts that the processors parse at
 * once (decoding JSON is most of the time an import of JSON Lines takes).
 */
#define JSONL_PART_MIN ((size_t)1 << 20)
#define JSONL_MAXPARTS 8

static size_t
jsonl_cut(jsonl_part *parts, const char *s, size_t len, int64_t ln)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t want = len / JSONL_PART_MIN, np = 0, at = 0;

	if (want > (size_t)(cpus > 1 ? cpus : 1))
		want = (size_t)(cpus > 1 ? cpus : 1);
	if (want > JSONL_MAXPARTS)
		want = JSONL_MAXPARTS;
	if (want < 1)
		want = 1;
	while (at < len || np == 0) {
		size_t to = np + 1 == want ? len : at + (len - at) / (want - np);
		const char *nl = to < len ? memchr(s + to, '\n', len - to) : NULL;

		to = nl ? (size_t)(nl - s) + 1 : len;
		memset(&parts[np], 0, sizeof parts[np]);
		parts[np].s = s;
		parts[np].from = at;
		parts[np].to = to;
		parts[np].ln0 = ln;
		for (const char *q = s + at; (q = memchr(q, '\n', (size_t)(s + to - q))) != NULL;
		     q++)
			ln++;
		at = to;
		np++;
	}
	return np;
}

int
fmt_jsonl_parse(format_article **out, size_t *n, const char *s, size_t len, int64_t ln0,
                format_error *err)
{
	jsonl_part parts[JSONL_MAXPARTS];
	pthread_t threads[JSONL_MAXPARTS];
	int started[JSONL_MAXPARTS] = {0};
	size_t np = jsonl_cut(parts, s, len, ln0), narts = 0;
	format_article *arts = NULL;
	int rc = DESK_OK;

	*out = NULL;
	*n = 0;
	for (size_t i = 1; i < np; i++)
		started[i] = pthread_create(&threads[i], NULL, jsonl_parse_part, &parts[i]) == 0;
	jsonl_parse_part(&parts[0]);
	for (size_t i = 1; i < np; i++) {
		if (started[i])
			pthread_join(threads[i], NULL);
		else
			jsonl_parse_part(&parts[i]); /* no thread: parse it here */
	}
	/* The first bad line of the file is the one to report. */
	for (size_t i = 0; i < np; i++) {
		if (rc == DESK_OK && parts[i].rc != DESK_OK) {
			rc = parts[i].rc;
			*err = parts[i].err;
		}
		narts += parts[i].n;
	}
	if (rc == DESK_OK && narts == 0) {
		/* only blank lines: no articles, which the caller judges */
	} else if (rc == DESK_OK && np == 1) {
		arts = parts[0].arts;
		parts[0].arts = NULL;
		parts[0].n = 0;
	} else if (rc == DESK_OK && (arts = malloc(narts * sizeof *arts)) == NULL) {
		rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	} else if (rc == DESK_OK) {
		narts = 0;
		for (size_t i = 0; i < np; i++) {
			memcpy(arts + narts, parts[i].arts, parts[i].n * sizeof *arts);
			narts += parts[i].n;
			free(parts[i].arts); /* the records moved: only the array goes */
			parts[i].arts = NULL;
			parts[i].n = 0;
		}
	}
	for (size_t i = 0; i < np; i++)
		format_articles_free(parts[i].arts, parts[i].n);
	if (rc != DESK_OK)
		return rc;
	/* in.date points into the record itself, so only once the array has
	 * stopped moving: the records before a realloc would point to freed
	 * memory. */
	for (size_t i = 0; i < narts; i++)
		arts[i].in.date = arts[i].date[0] ? arts[i].date : NULL;
	*out = arts;
	*n = narts;
	return DESK_OK;
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
