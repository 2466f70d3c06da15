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
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../import.h"

/* The code-point column of "key" in the raw line, to point at a bad field. */
static int64_t
jsonl_key_column(const char *line, size_t len, const char *key)
{
	char pat[32];
	size_t k = (size_t)snprintf(pat, sizeof pat, "\"%s\"", key);

	for (size_t i = 0; i + k <= len; i++)
		if (memcmp(line + i, pat, k) == 0) {
			int64_t col = 1;

			for (size_t j = 0; j < i; j++)
				col += ((unsigned char)line[j] & 0xC0) != 0x80;
			return col;
		}
	return 1;
}

/* A field that must be a string when present; NULL when absent or null. */
static int
jsonl_string(const char **out, size_t *len, json_t *o, const char *key, const char *line,
             size_t linelen, int64_t ln, import_error *err)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	*len = 0;
	if (v == NULL || json_is_null(v))
		return DESK_OK;
	if (!json_is_string(v))
		return import_fail(err, DESK_INVALID, ln, jsonl_key_column(line, linelen, key),
		                   "\"%s\" is not a string", key);
	*out = json_string_value(v);
	*len = json_string_length(v);
	return DESK_OK;
}

/* The fields of one record into a. */
static int
jsonl_record(import_article *a, json_t *o, const char *line, size_t linelen, int64_t ln,
             import_error *err)
{
	const char *text, *title, *date, *url, *lang;
	size_t tlen, ilen, dlen, ulen, llen, blen;
	int rc;

	a->line = ln;
	if ((rc = jsonl_string(&text, &tlen, o, "text", line, linelen, ln, err)) != DESK_OK ||
	    (rc = jsonl_string(&title, &ilen, o, "title", line, linelen, ln, err)) != DESK_OK ||
	    (rc = jsonl_string(&date, &dlen, o, "date", line, linelen, ln, err)) != DESK_OK ||
	    (rc = jsonl_string(&url, &ulen, o, "url", line, linelen, ln, err)) != DESK_OK ||
	    (rc = jsonl_string(&lang, &llen, o, "lang", line, linelen, ln, err)) != DESK_OK)
		return rc;
	if (text == NULL)
		return import_fail(err, DESK_INVALID, ln, 1, "no \"text\" field");
	if (import_normalize_field(&a->mem, &blen, text, tlen, 1) != DESK_OK)
		return import_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	if (blen == strspn(a->mem, " \t\n\v\f"))
		return import_fail(err, DESK_INVALID, ln, jsonl_key_column(line, linelen, "text"),
		                   "empty \"text\"");
	if (blen > IMPORT_MAX_BODY)
		return import_fail(err, DESK_INVALID, ln, jsonl_key_column(line, linelen, "text"),
		                   "article too long (%zu bytes; at most %zu)", blen,
		                   IMPORT_MAX_BODY);
	if (title != NULL) {
		if (import_normalize_field(&a->title, NULL, title, ilen, 1) != DESK_OK)
			return import_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		for (char *p = a->title; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
	}
	/* A date, or the date part of a date and time ("2025-11-02T08:30:00Z"). */
	if (date != NULL && dlen > 0) {
		if (dlen < 10 || !import_date_valid(date) ||
		    (dlen > 10 && date[10] != 'T' && date[10] != ' '))
			return import_fail(err, DESK_INVALID, ln,
			                   jsonl_key_column(line, linelen, "date"),
			                   "\"date\" must be YYYY-MM-DD, not \"%.40s\"", date);
		memcpy(a->date, date, 10);
		a->date[10] = '\0';
	}
	if (url != NULL && ulen > 0 && (a->source = strdup(url)) == NULL)
		return import_fail(err, DESK_NOMEM, 0, 0, "out of memory");
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
jsonl_grow(import_article **arts, size_t *cap)
{
	size_t c = *cap ? 2 * *cap : 16;
	import_article *a = realloc(*arts, c * sizeof *a);

	if (a == NULL)
		return DESK_NOMEM;
	*arts = a;
	*cap = c;
	return DESK_OK;
}

int
fmt_jsonl_parse(import_article **out, size_t *n, const char *s, size_t len, import_error *err)
{
	import_article *arts = NULL;
	size_t narts = 0, cap = 0, at = 0;
	int64_t ln = 0;
	int rc = DESK_OK;

	*out = NULL;
	*n = 0;
	while (at < len && rc == DESK_OK) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - s) : len, blank = strspn(s + at, " \t");
		json_error_t je;
		json_t *o;

		ln++;
		if (at + blank >= end) { /* a blank line */
			at = end + 1;
			continue;
		}
		o = json_loadb(s + at, end - at, JSON_REJECT_DUPLICATES, &je);
		if (o == NULL) {
			rc = import_fail(err, DESK_INVALID, ln, je.column > 0 ? je.column : 1,
			                 "broken JSON: %s", je.text);
			break;
		}
		if (!json_is_object(o)) {
			rc = import_fail(err, DESK_INVALID, ln, (int64_t)blank + 1,
			                 "not a JSON object (one article per line)");
		} else if (narts == cap && jsonl_grow(&arts, &cap) != DESK_OK) {
			rc = import_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		} else {
			memset(&arts[narts], 0, sizeof *arts);
			narts++;
			rc = jsonl_record(&arts[narts - 1], o, s + at, end - at, ln, err);
		}
		json_decref(o);
		at = end + 1;
	}
	if (rc == DESK_OK && narts == 0)
		rc = import_fail(err, DESK_INVALID, 1, 1, "no articles (only blank lines)");
	if (rc != DESK_OK) {
		import_articles_free(arts, narts);
		return rc;
	}
	/* in.date points into the record itself, so only once the array has
	 * stopped moving: the records before a realloc would point to freed
	 * memory. */
	for (size_t i = 0; i < narts; i++)
		arts[i].in.date = arts[i].date[0] ? arts[i].date : NULL;
	*out = arts;
	*n = narts;
	return DESK_OK;
}
