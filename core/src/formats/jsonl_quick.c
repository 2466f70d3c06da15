/*
 * formats/jsonl_quick.c - the speed of the JSON Lines reader (jsonl.c, which
 * reads a record): a large buffer cut at line ends into parts that the
 * processors parse at once, and plain records decoded by SQLite's JSON
 * functions instead of jansson.
 */
#define _GNU_SOURCE /* memmem */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "format.h"

/*
 * SQLite's JSON functions decode a record about four times as fast as
 * jansson.  A record they do not take cleanly (not JSON to them, not an
 * object, a member that is an object or array, a key twice or with an
 * escape in it, a field of another type, \u0000 anywhere, an escape that
 * decodes to no UTF-8) goes to jansson, which decides it and words its refusal: the
 * quick path only ever accepts what jansson would.
 */
#define JSONL_QUICK_KEYS 32

/* Off: jansson decodes every record (tests compare the two). */
static int jsonl_quick_on = 1;

void
fmt_jsonl_quick(int on)
{
	jsonl_quick_on = on;
}

void
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
	if (desk_scratch_open(&q->db) != DESK_OK ||
	    sqlite3_prepare_v2(q->db, fields, -1, &q->fields, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(q->db, "SELECT key, type, atom, fullkey FROM json_each(?1)", -1,
	                       &q->keys, NULL) != SQLITE_OK) {
		sqlite3_finalize(q->fields);
		desk_scratch_close(q->db);
		memset(q, 0, sizeof *q); /* jansson decodes every record */
	}
}

void
jsonl_quick_close(jsonl_quick *q)
{
	sqlite3_finalize(q->fields);
	sqlite3_finalize(q->keys);
	desk_scratch_close(q->db);
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
		    (klen == 14 && memcmp(key, "format_version", 14) ==
		                       0) || /* a full export's: jansson reads it */
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
int
jsonl_quick_fields(jsonl_quick *q, const char **v, size_t *vlen, const char *line, size_t len)
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
		v[i] = NULL;
		vlen[i] = 0;
		if (type == NULL || strcmp(type, "null") == 0)
			continue;
		if (strcmp(type, "text") != 0)
			return 0; /* jansson says which field and why */
		v[i] = (const char *)sqlite3_column_text(q->fields, 2 + 2 * i);
		vlen[i] = (size_t)sqlite3_column_bytes(q->fields, 2 + 2 * i);
		if (v[i] == NULL)
			return 0;
	}
	return 1;
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
jsonl_parts_parse(format_article **out, size_t *n, const char *s, size_t len, int64_t ln0,
                  format_error *err, void *(*parse)(void *))
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
		started[i] = pthread_create(&threads[i], NULL, parse, &parts[i]) == 0;
	parse(&parts[0]);
	for (size_t i = 1; i < np; i++) {
		if (started[i])
			pthread_join(threads[i], NULL);
		else
			parse(&parts[i]); /* no thread: parse it here */
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
