/*
 * formats/doccano.c - doccano's sequence-labelling JSON Lines, both ways.
 *
 * Written: one article a line, as doccano's own export writes it
 * (backend/data_export: the example's id and text, then its meta, then the
 * spans), offsets in code points as doccano counts them in Python:
 *
 *   {"id":7,"text":"...","title":"...","date":"...","url":"...","label":[[0,5,"PER"]]}
 *
 * and with desk_export_opts.doccano_entities the form of a project with
 * relations: "entities":[{"id","label","start_offset","end_offset"}] and
 * "relations":[] (doccano's import wants the column).
 *
 * Read: that, and what doccano 1.x wrote: "annotations" with a "user" per
 * span and numeric label ids (taken as the names "12", ...), the old
 * "labels" key, "data" for "text".  What copydesk does not model
 * (relations, document labels, seq2seq texts, comments) is told as a note.
 * A span outside the text, or whose start is not before its end, refuses
 * the file.  annotations/FORMATS.md has the details.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "format.h"

/* --- Writer ---------------------------------------------------------------- */

/* A string member: ,"key":"value" ("" for NULL). */
static void
doccano_member(FILE *f, const char *key, const char *v)
{
	fprintf(f, ",\"%s\":", key);
	format_json_str(f, v ? v : "");
}

static int
doccano_article(format_sink *s, const format_article *a)
{
	FILE *f = s->f;
	int entities = s->info && s->info->opts && s->info->opts->doccano_entities;
	int64_t chars = a->chars > 0 ? a->chars : desk_utf8_count(a->in.body, a->in.body_len);
	size_t k = 0;

	fprintf(f, "{\"id\":%lld,\"text\":", (long long)a->id);
	format_json_string(f, a->in.body, a->in.body_len);
	doccano_member(f, "title", a->in.title ? a->in.title : a->title);
	doccano_member(f, "date", a->in.date ? a->in.date : a->date);
	doccano_member(f, "url", a->in.source);
	fputs(entities ? ",\"entities\":[" : ",\"label\":[", f);
	for (size_t i = 0; i < a->nspans; i++) {
		const format_span *sp = &a->spans[i];

		if (sp->start < 0 || sp->start >= sp->end || sp->end > chars || sp->label == NULL) {
			if (s->warn)
				s->warn(s, a, sp->start, sp->end,
				        "span outside the text: not written");
			continue;
		}
		if (k++ > 0)
			putc(',', f);
		if (entities) {
			fprintf(f, "{\"id\":%zu,\"label\":", k - 1);
			format_json_str(f, sp->label);
			fprintf(f, ",\"start_offset\":%lld,\"end_offset\":%lld}",
			        (long long)sp->start, (long long)sp->end);
		} else {
			fprintf(f, "[%lld,%lld,", (long long)sp->start, (long long)sp->end);
			format_json_str(f, sp->label);
			putc(']', f);
		}
	}
	fputs(entities ? "],\"relations\":[]}\n" : "]}\n", f);
	if (ferror(f))
		return format_fail(&s->err, DESK_IO, 0, 0, "doccano: write failed");
	return DESK_OK;
}

const format_writer fmt_doccano_writer = {NULL, doccano_article, NULL};

/* --- Reader ---------------------------------------------------------------- */

/* A span as the file gives it, before the text is normalised. */
typedef struct doccano_raw {
	int64_t start, end;
	const char *label, *author; /* in the article's pool */
} doccano_raw;

typedef struct doccano_rec {
	format_article *a;
	int64_t ln, chars; /* the record's line; its text's code points */
	doccano_raw *v;
	size_t n, cap;
	size_t relations, categories, texts, comments; /* not kept: told as notes */
	format_error *err;
} doccano_rec;

/* A label or a user as a string of the pool: a string, or an integer (1.x ids). */
static const char *
doccano_name(doccano_rec *r, json_t *v)
{
	char num[32];

	if (json_is_string(v))
		return format_pool_strdup(&r->a->pool, json_string_value(v), json_string_length(v));
	if (json_is_integer(v)) {
		snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
		return format_pool_strdup(&r->a->pool, num, strlen(num));
	}
	return NULL;
}

/* Check one span of the file and keep it; what names it in messages: "label[2]". */
static int
doccano_span(doccano_rec *r, json_t *start, json_t *end, json_t *label, json_t *user,
             const char *author, const char *what, size_t i)
{
	char why[DESK_FIELD_WHY];
	const char *bad;
	doccano_raw *x;
	int64_t s0, e0;

	if (!json_is_integer(start) || !json_is_integer(end))
		return format_fail(r->err, DESK_INVALID, r->ln, 1,
		                   "%s[%zu]: start and end must be integers", what, i);
	s0 = json_integer_value(start);
	e0 = json_integer_value(end);
	if (s0 < 0 || e0 > r->chars)
		return format_fail(r->err, DESK_INVALID, r->ln, 1,
		                   "%s[%zu]: [%lld, %lld) is outside the text (%lld characters)",
		                   what, i, (long long)s0, (long long)e0, (long long)r->chars);
	if (s0 >= e0)
		return format_fail(r->err, DESK_INVALID, r->ln, 1,
		                   "%s[%zu]: start %lld is not before end %lld", what, i,
		                   (long long)s0, (long long)e0);
	if ((!json_is_string(label) || json_string_length(label) == 0) && !json_is_integer(label))
		return format_fail(r->err, DESK_INVALID, r->ln, 1,
		                   "%s[%zu]: the label must be a name (a non-empty string)", what,
		                   i);
	if (user != NULL && !json_is_null(user)) {
		if (!json_is_string(user) && !json_is_integer(user))
			return format_fail(r->err, DESK_INVALID, r->ln, 1,
			                   "%s[%zu]: \"user\" must be a name or a number", what, i);
		if ((author = doccano_name(r, user)) == NULL)
			return format_fail(r->err, DESK_NOMEM, 0, 0, "out of memory");
	}
	if (author != NULL &&
	    (bad = desk_field_check(why, author, strlen(author), DESK_EDITOR_MAX,
	                            DESK_FIELD_LINE | DESK_FIELD_NONEMPTY)) != NULL)
		return format_fail(r->err, DESK_INVALID, r->ln, 1, "%s[%zu]: the user %s", what, i,
		                   bad);
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		doccano_raw *w = realloc(r->v, cap * sizeof *w);

		if (w == NULL)
			return format_fail(r->err, DESK_NOMEM, 0, 0, "out of memory");
		r->v = w;
		r->cap = cap;
	}
	x = &r->v[r->n];
	x->start = s0;
	x->end = e0;
	x->author = author;
	if ((x->label = doccano_name(r, label)) == NULL)
		return format_fail(r->err, DESK_NOMEM, 0, 0, "out of memory");
	r->n++;
	return DESK_OK;
}

/*
 * One item of a list of annotations: [start, end, "LABEL"] ("label",
 * "labels"), {start_offset, end_offset, label[, user]} ("entities", and
 * doccano 1.x's "annotations"), or what copydesk does not keep: a
 * document's label ("positive", or an object without offsets) or a
 * sequence to sequence text ({text, user}).
 */
static int
doccano_item(doccano_rec *r, json_t *e, const char *key, size_t i, const char *author)
{
	json_t *start, *end;

	if (json_is_string(e) || json_is_integer(e)) {
		r->categories++;
		return DESK_OK;
	}
	if (json_is_array(e)) {
		if (json_array_size(e) != 3)
			return format_fail(r->err, DESK_INVALID, r->ln, 1,
			                   "%s[%zu]: a span is [start, end, \"LABEL\"]", key, i);
		return doccano_span(r, json_array_get(e, 0), json_array_get(e, 1),
		                    json_array_get(e, 2), NULL, author, key, i);
	}
	if (!json_is_object(e))
		return format_fail(r->err, DESK_INVALID, r->ln, 1,
		                   "%s[%zu]: a span is [start, end, \"LABEL\"] or an object", key,
		                   i);
	start = json_object_get(e, "start_offset");
	end = json_object_get(e, "end_offset");
	if (start == NULL && end == NULL) {
		if (json_object_get(e, "text") != NULL)
			r->texts++;
		else
			r->categories++;
		return DESK_OK;
	}
	return doccano_span(r, start, end, json_object_get(e, "label"), json_object_get(e, "user"),
	                    author, key, i);
}

/* The record's list under key (absent or null: none). */
static int
doccano_list(doccano_rec *r, json_t *o, const char *key, const char *author)
{
	json_t *arr = json_object_get(o, key), *e;
	size_t i;
	int rc;

	if (arr == NULL || json_is_null(arr))
		return DESK_OK;
	if (!json_is_array(arr))
		return format_fail(r->err, DESK_INVALID, r->ln, 1, "\"%s\" is not a list", key);
	json_array_foreach(arr, i, e)
	{
		if ((rc = doccano_item(r, e, key, i, author)) != DESK_OK)
			return rc;
	}
	return DESK_OK;
}

/* A string member of the record, or of its "meta"; NULL if neither. */
static const char *
doccano_meta(json_t *o, const char *key, size_t *len)
{
	json_t *v = json_object_get(o, key), *meta = json_object_get(o, "meta");

	if (!json_is_string(v) && json_is_object(meta))
		v = json_object_get(meta, key);
	if (!json_is_string(v) || json_string_length(v) == 0)
		return NULL;
	*len = json_string_length(v);
	return json_string_value(v);
}

static int
doccano_cmp(const void *x, const void *y)
{
	const format_span *a = x, *b = y;
	int c;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	if ((c = strcmp(a->label, b->label)) != 0)
		return c;
	return strcmp(a->author ? a->author : "", b->author ? b->author : "");
}

static int
doccano_i64cmp(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return a < b ? -1 : a > b;
}

/* Where new offset o went: the boundaries (sorted) and where each went. */
static int64_t
doccano_map(const int64_t *from, const int64_t *to, size_t n, int64_t o)
{
	size_t lo = 0, hi = n;

	while (lo + 1 < hi) {
		size_t mid = (lo + hi) / 2;

		if (from[mid] <= o)
			lo = mid;
		else
			hi = mid;
	}
	return to[lo];
}

/*
 * The text as the store keeps it (LF line ends, NFC) and the spans' offsets
 * into it: normalised piece by piece between span edges, so that an edge
 * stays where it was; an edge that NFC would have to move refuses the record.
 */
static int
doccano_text(doccano_rec *r, const char *text, size_t tlen)
{
	format_article *a = r->a;
	int64_t *from = NULL, *to = NULL, maxend = 0;
	size_t nb = 0, used = 0, cap = 0;
	char *buf = NULL;
	int rc = DESK_NOMEM;

	if ((from = malloc((2 * r->n + 2) * sizeof *from)) == NULL ||
	    (to = malloc((2 * r->n + 2) * sizeof *to)) == NULL)
		goto done;
	from[nb++] = 0;
	from[nb++] = r->chars;
	for (size_t i = 0; i < r->n; i++) {
		from[nb++] = r->v[i].start;
		from[nb++] = r->v[i].end;
	}
	if (nb > 1)
		qsort(from, nb, sizeof *from, doccano_i64cmp);
	{
		size_t u = 0;

		for (size_t i = 0; i < nb; i++)
			if (u == 0 || from[i] != from[u - 1])
				from[u++] = from[i];
		nb = u;
	}
	{
		const char *p = text;
		int64_t cp = 0, out = 0;

		for (size_t i = 0; i < nb; i++) {
			const char *q = p;
			char *seg;
			size_t slen;

			while (cp < from[i] && q < text + tlen) { /* to the next edge */
				q++;
				while (q < text + tlen &&
				       (*(const unsigned char *)q & 0xC0) == 0x80)
					q++;
				cp++;
			}
			if (format_normalize_field(&seg, &slen, p, (size_t)(q - p), 0) != DESK_OK)
				goto done;
			if (used + slen + 1 > cap) {
				size_t c = cap ? cap : 256;
				char *w;

				while (c < used + slen + 1)
					c *= 2;
				if ((w = realloc(buf, c)) == NULL) {
					free(seg);
					goto done;
				}
				buf = w;
				cap = c;
			}
			memcpy(buf + used, seg, slen);
			used += slen;
			out += desk_utf8_count(seg, slen);
			free(seg);
			to[i] = out;
			p = q;
		}
	}
	if (buf == NULL && (buf = malloc(1)) == NULL)
		goto done;
	buf[used] = '\0';
	if (!format_is_nfc(buf, used)) {
		char *n;
		size_t nlen;
		int same;

		if (desk_nfc(&n, &nlen, buf, used) != DESK_OK)
			goto done;
		same = nlen == used && memcmp(n, buf, used) == 0;
		free(n);
		if (!same) {
			rc = format_fail(r->err, DESK_INVALID, r->ln, 1,
			                 "a span's edge splits characters that Unicode composes "
			                 "(NFC): move it to a character boundary");
			goto done;
		}
	}
	for (size_t i = 0; i < r->n; i++) {
		r->v[i].start = doccano_map(from, to, nb, r->v[i].start);
		r->v[i].end = doccano_map(from, to, nb, r->v[i].end);
		if (r->v[i].end > maxend)
			maxend = r->v[i].end;
	}
	/* Trailing white space goes, as with JSON Lines, where no span holds it. */
	{
		int64_t chars = to[nb - 1];

		while (used > 0 && chars > maxend && strchr(" \t\n\v\f", buf[used - 1]) != NULL) {
			used--;
			chars--;
		}
		buf[used] = '\0';
	}
	if (used == strspn(buf, " \t\n\v\f")) {
		rc = format_fail(r->err, DESK_INVALID, r->ln, 1, "empty \"text\"");
		goto done;
	}
	if (used > FORMAT_MAX_BODY) {
		rc = format_fail(r->err, DESK_INVALID, r->ln, 1,
		                 "article too long (%zu bytes; at most %zu)", used,
		                 (size_t)FORMAT_MAX_BODY);
		goto done;
	}
	a->mem = buf;
	buf = NULL;
	a->in.body = a->mem;
	a->in.body_len = used;
	rc = DESK_OK;
done:
	if (rc == DESK_NOMEM)
		format_fail(r->err, DESK_NOMEM, 0, 0, "out of memory");
	free(buf);
	free(from);
	free(to);
	return rc;
}

/* The title, date and url: the record's own, or its meta's. */
static int
doccano_fields(doccano_rec *r, json_t *o)
{
	format_article *a = r->a;
	const char *v;
	size_t len = 0;

	if ((v = doccano_meta(o, "title", &len)) != NULL) {
		if (format_normalize_field(&a->title, NULL, v, len, 1) != DESK_OK)
			return format_fail(r->err, DESK_NOMEM, 0, 0, "out of memory");
		for (char *p = a->title; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
		if (desk_utf8_count(a->title, strlen(a->title)) > DESK_TITLE_MAX)
			return format_fail(r->err, DESK_INVALID, r->ln, 1,
			                   "\"title\" too long (more than %d characters)",
			                   DESK_TITLE_MAX);
		a->in.title = a->title;
	}
	/* A date, or the date part of a date and time; another form is not kept. */
	if ((v = doccano_meta(o, "date", &len)) != NULL && len >= 10 && desk_date_valid(v, 10) &&
	    (len == 10 || v[10] == 'T' || v[10] == ' ')) {
		memcpy(a->date, v, 10);
		a->date[10] = '\0';
	}
	if ((v = doccano_meta(o, "url", &len)) != NULL) {
		if ((a->source = strdup(v)) == NULL)
			return format_fail(r->err, DESK_NOMEM, 0, 0, "out of memory");
		a->in.source = a->source;
	}
	return DESK_OK;
}

/* What a record has that copydesk does not keep. */
static void
doccano_notes(doccano_rec *r, json_t *o, const format_notes *notes)
{
	json_t *rel = json_object_get(o, "relations"), *com = json_object_get(o, "Comments");

	if (json_is_array(rel) && json_array_size(rel) > 0)
		format_note(notes, r->ln, "%zu relations not kept (copydesk has no relations)",
		            json_array_size(rel));
	if (r->categories > 0)
		format_note(notes, r->ln,
		            "%zu document labels (text classification) not kept: copydesk labels "
		            "spans",
		            r->categories);
	if (r->texts > 0)
		format_note(notes, r->ln, "%zu texts (sequence to sequence) not kept", r->texts);
	if (json_is_array(com) && json_array_size(com) > 0)
		format_note(notes, r->ln, "%zu comments not kept", json_array_size(com));
}

static int
doccano_record(format_article *a, json_t *o, int64_t ln, const format_notes *notes,
               format_error *err)
{
	doccano_rec r = {.a = a, .ln = ln, .err = err};
	json_t *text = json_object_get(o, "text"), *user = json_object_get(o, "user"), *v;
	const char *author = NULL;
	int rc = DESK_OK;

	a->line = ln;
	if (text == NULL)
		text = json_object_get(o, "data"); /* doccano 1.5's export */
	if (text == NULL || json_is_null(text))
		return format_fail(err, DESK_INVALID, ln, 1, "no \"text\" field%s",
		                   json_object_get(o, "column_data")
		                       ? " (\"column_data\" is doccano's placeholder: rename it "
		                         "\"text\")"
		                       : "");
	if (!json_is_string(text))
		return format_fail(err, DESK_INVALID, ln, 1, "\"text\" is not a string");
	if (memchr(json_string_value(text), '\0', json_string_length(text)) != NULL)
		return format_fail(err, DESK_INVALID, ln, 1, "\"text\" holds a NUL character");
	r.chars = desk_utf8_count(json_string_value(text), json_string_length(text));
	if (user != NULL && !json_is_null(user) && (author = doccano_name(&r, user)) == NULL)
		return format_fail(err, DESK_INVALID, ln, 1, "\"user\" must be a name or a number");
	rc = doccano_list(&r, o, "label", author);
	if (rc == DESK_OK)
		rc = doccano_list(&r, o, "labels", author);
	if (rc == DESK_OK)
		rc = doccano_list(&r, o, "entities", author);
	if (rc == DESK_OK)
		rc = doccano_list(&r, o, "annotations", author);
	if (rc == DESK_OK && (v = json_object_get(o, "cats")) != NULL && json_is_array(v))
		r.categories += json_array_size(v);
	if (rc == DESK_OK)
		rc = doccano_text(&r, json_string_value(text), json_string_length(text));
	if (rc == DESK_OK)
		rc = doccano_fields(&r, o);
	if (rc == DESK_OK && r.n > 0 &&
	    (a->spans = format_pool_alloc(&a->pool, r.n * sizeof *a->spans)) == NULL)
		rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	if (rc == DESK_OK) {
		for (size_t i = 0; i < r.n; i++) {
			format_span *sp = &a->spans[i];

			sp->start = r.v[i].start;
			sp->end = r.v[i].end;
			sp->label = r.v[i].label;
			sp->author = r.v[i].author;
			sp->line = ln;
		}
		a->nspans = r.n;
		if (a->nspans > 1)
			qsort(a->spans, a->nspans, sizeof *a->spans, doccano_cmp);
		if ((v = json_object_get(o, "id")) != NULL && json_is_integer(v) &&
		    json_integer_value(v) > 0)
			a->id = json_integer_value(v);
		a->in.lang = lang_detect(a->in.body, a->in.body_len);
		doccano_notes(&r, o, notes);
	}
	free(r.v);
	return rc;
}

int
fmt_doccano_read(format_article **out, size_t *n, char *s, size_t len, const format_notes *notes,
                 format_error *err)
{
	format_article *arts = NULL;
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
		if ((o = json_loadb(s + at, end - at, JSON_REJECT_DUPLICATES, &je)) == NULL) {
			rc = format_fail(
			    err, DESK_INVALID, ln, je.column > 0 ? je.column : 1,
			    "broken JSON: %s (doccano's JSON Lines: one object a line)", je.text);
			break;
		}
		if (!json_is_object(o)) {
			json_decref(o);
			rc = format_fail(err, DESK_INVALID, ln, (int64_t)blank + 1,
			                 "not a JSON object (one article per line)");
			break;
		}
		if (narts == cap) {
			size_t c = cap ? 2 * cap : 16;
			format_article *w = realloc(arts, c * sizeof *w);

			if (w == NULL) {
				json_decref(o);
				rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
				break;
			}
			arts = w;
			cap = c;
		}
		memset(&arts[narts], 0, sizeof *arts);
		narts++;
		rc = doccano_record(&arts[narts - 1], o, ln, notes, err);
		json_decref(o);
		at = end + 1;
	}
	free(s);
	if (rc == DESK_OK && narts == 0)
		rc = format_fail(err, DESK_INVALID, 1, 1, "no articles (only blank lines)");
	if (rc != DESK_OK) {
		format_articles_free(arts, narts);
		return rc;
	}
	/* in.date points into the record: only now that the array stays put. */
	for (size_t i = 0; i < narts; i++)
		arts[i].in.date = arts[i].date[0] ? arts[i].date : NULL;
	*out = arts;
	*n = narts;
	return DESK_OK;
}
