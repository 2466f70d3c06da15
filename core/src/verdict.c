/*
 * verdict.c - the verdict scale a claim's research is rated on
 * (annotations/VERDICTS.md): read it, find a verdict by name, label or key,
 * and load a verdict file, checked first, all or nothing.
 *
 * A new database gets annotations/verdicts/default.json, embedded at build
 * time (verdict_defaults(), called by the migration that makes the verdict
 * table).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicase.h>

#include "claim_internal.h"

struct desk_verdicts {
	desk_verdict *v;
	size_t n;
};

struct embed_file {
	const char *name;
	const char *data;
	size_t len;
};
extern const struct embed_file verdicts_data[];

static const char *const verdict_colors[] = {"black", "red",     "green", "yellow",
                                             "blue",  "magenta", "cyan",  "white"};
static const char *const verdict_fevers[] = {"SUPPORTS", "REFUTES", "NOT ENOUGH INFO"};

static void
verdict_clear(desk_verdict *v)
{
	free((char *)v->name);
	free((char *)v->label);
	free((char *)v->key);
	free((char *)v->rating_name);
	free((char *)v->fever);
	free((char *)v->description);
}

static int
verdict_color_parse(const char *s)
{
	for (int i = 0; i < 8; i++)
		if (s && strcmp(s, verdict_colors[i]) == 0)
			return i;
	return -1;
}

int
desk_verdicts_get(desk_verdicts **out, desk *d)
{
	sqlite3_stmt *st = NULL;
	desk_verdicts *l = NULL;
	size_t cap = 0;
	int rc, r;

	*out = NULL;
	if ((l = calloc(1, sizeof *l)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = desk_prepare(
	         d, &st,
	         "SELECT name, label, key, color, coalesce(color256, -1), rating, "
	         "rating_name, fever, description FROM verdict ORDER BY ord, name")) != DESK_OK)
		goto done;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		desk_verdict *x;

		if (desk_grow(&l->v, &cap, l->n, sizeof *l->v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		x = &l->v[l->n];
		x->name = desk_strdup((const char *)sqlite3_column_text(st, 0));
		x->label = desk_strdup((const char *)sqlite3_column_text(st, 1));
		x->key = desk_strdup((const char *)sqlite3_column_text(st, 2));
		x->color =
		    (desk_color)verdict_color_parse((const char *)sqlite3_column_text(st, 3));
		x->color256 = sqlite3_column_int(st, 4);
		x->rating = sqlite3_column_int(st, 5);
		x->rating_name = desk_strdup((const char *)sqlite3_column_text(st, 6));
		x->fever = desk_strdup((const char *)sqlite3_column_text(st, 7));
		x->description = desk_strdup((const char *)sqlite3_column_text(st, 8));
		if (!x->name || !x->label || !x->key || !x->rating_name || !x->fever ||
		    !x->description) {
			verdict_clear(x);
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		l->n++;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "verdicts");
		goto done;
	}
	*out = l;
	l = NULL;
done:
	sqlite3_finalize(st);
	desk_verdicts_free(l);
	return rc;
}

size_t
desk_verdicts_count(const desk_verdicts *v)
{
	return v ? v->n : 0;
}

const desk_verdict *
desk_verdicts_at(const desk_verdicts *v, size_t i)
{
	return v && i < v->n ? &v->v[i] : NULL;
}

/* Whether a and b are the same text when case folded. */
static int
verdict_same_folded(const char *a, const char *b)
{
	int cmp = 1;

	if (u8_casecmp((const uint8_t *)a, strlen(a), (const uint8_t *)b, strlen(b), NULL,
	               UNINORM_NFC, &cmp) != 0)
		return 0;
	return cmp == 0;
}

const desk_verdict *
desk_verdicts_find(const desk_verdicts *v, const char *name)
{
	if (v == NULL || name == NULL || *name == '\0')
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].name, name) == 0)
			return &v->v[i];
	for (size_t i = 0; i < v->n; i++)
		if (verdict_same_folded(v->v[i].label, name))
			return &v->v[i];
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].key, name) == 0)
			return &v->v[i];
	return NULL;
}

void
desk_verdicts_free(desk_verdicts *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->n; i++)
		verdict_clear(&v->v[i]);
	free(v->v);
	free(v);
}

int
desk_verdicts_json(char **out, desk *d)
{
	static const char sql[] =
	    "SELECT coalesce(json_group_array(json_object('name', name, 'label', label, 'key', "
	    "key, "
	    "'color', color, 'color256', color256, 'rating', rating, 'rating_name', rating_name, "
	    "'fever', fever, 'description', description)), '[]') "
	    "FROM (SELECT * FROM verdict ORDER BY ord, name)";

	return desk_query_text(out, d, sql, 0, "verdicts as JSON");
}

/* --- Verdict files -------------------------------------------------------- */

/* A verdict as read from a file; strings borrowed from the JSON. */
typedef struct verdict_in {
	const char *name, *label, *key, *color, *rating_name, *fever, *description;
	int color256; /* -1: none */
	int rating;
} verdict_in;

/* Lower-case letters, digits and '-', as the verdict table's CHECK wants. */
static int
verdict_name_valid(const char *s, size_t len)
{
	if (s == NULL || len == 0 || strlen(s) != len)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* One code point that shows by itself: no space, control or combining mark. */
static int
verdict_key_valid(const char *s, size_t len)
{
	desk_text *t = NULL;
	char esc[16];
	uint32_t c;
	int ok = 0;

	if (len == 0 || desk_utf8_check(s, len, NULL) != DESK_OK || desk_utf8_count(s, len) != 1 ||
	    desk_text_new(&t, s, len) != DESK_OK)
		goto done;
	c = desk_text_char(t, 0);
	ok = c != ' ' && c != 0xA0 && c != 0x3000 && desk_char_escape(c, esc) == 0 &&
	     desk_char_width(c) > 0;
done:
	desk_text_free(t);
	return ok;
}

/* A string member that must be there and not empty; NULL if not. */
static const char *
verdict_string(json_t *o, const char *field)
{
	json_t *v = json_object_get(o, field);

	if (!json_is_string(v) || json_string_length(v) == 0 ||
	    strlen(json_string_value(v)) != json_string_length(v) ||
	    desk_utf8_check(json_string_value(v), json_string_length(v), NULL) != DESK_OK)
		return NULL;
	return json_string_value(v);
}

/* One verdict object of a file into *v; the error names file, index and field. */
static int
verdict_parse_one(desk *d, const char *file, size_t i, json_t *o, verdict_in *v)
{
	json_t *name = json_object_get(o, "name"), *key = json_object_get(o, "key"),
	       *c256 = json_object_get(o, "color256"), *rating = json_object_get(o, "rating"),
	       *desc = json_object_get(o, "description");
	const char *n, *fever;
	int ok = 0;

	if (!json_is_object(o))
		return desk_error(d, DESK_INVALID, "%s: verdict %zu: not an object", file, i + 1);
	n = json_is_string(name) ? json_string_value(name) : NULL;
	if (!verdict_name_valid(n, json_string_length(name)))
		return desk_error(
		    d, DESK_INVALID,
		    "%s: verdict %zu: \"name\" must be lower-case letters, digits or -", file,
		    i + 1);
	if ((v->label = verdict_string(o, "label")) == NULL)
		return desk_error(d, DESK_INVALID, "%s: verdict %zu (%s): \"label\" must be text",
		                  file, i + 1, n);
	if (!json_is_string(key) ||
	    !verdict_key_valid(json_string_value(key), json_string_length(key)))
		return desk_error(d, DESK_INVALID,
		                  "%s: verdict %zu (%s): \"key\" must be one character, not a "
		                  "space or control",
		                  file, i + 1, n);
	if ((v->color = verdict_string(o, "color")) == NULL || verdict_color_parse(v->color) < 0)
		return desk_error(d, DESK_INVALID,
		                  "%s: verdict %zu (%s): \"color\" must be black, red, green, "
		                  "yellow, blue, magenta, cyan or white",
		                  file, i + 1, n);
	if (c256 != NULL && !json_is_null(c256) &&
	    (!json_is_integer(c256) || json_integer_value(c256) < 0 ||
	     json_integer_value(c256) > 255))
		return desk_error(d, DESK_INVALID,
		                  "%s: verdict %zu (%s): \"color256\" must be a number 0 to 255",
		                  file, i + 1, n);
	if (!json_is_integer(rating) || json_integer_value(rating) < 1 ||
	    json_integer_value(rating) > 5)
		return desk_error(
		    d, DESK_INVALID,
		    "%s: verdict %zu (%s): \"rating\" must be a whole number 1 (worst) "
		    "to 5 (best), ClaimReview's ratingValue",
		    file, i + 1, n);
	if ((v->rating_name = verdict_string(o, "rating_name")) == NULL)
		return desk_error(d, DESK_INVALID,
		                  "%s: verdict %zu (%s): \"rating_name\" (ClaimReview's "
		                  "alternateName) must be text",
		                  file, i + 1, n);
	fever = verdict_string(o, "fever");
	for (size_t k = 0; fever && k < 3; k++)
		ok |= strcmp(fever, verdict_fevers[k]) == 0;
	if (!ok)
		return desk_error(
		    d, DESK_INVALID,
		    "%s: verdict %zu (%s): \"fever\" must be SUPPORTS, REFUTES or NOT "
		    "ENOUGH INFO",
		    file, i + 1, n);
	if (desc != NULL && !json_is_null(desc) && !json_is_string(desc))
		return desk_error(d, DESK_INVALID,
		                  "%s: verdict %zu (%s): \"description\" is not a string", file,
		                  i + 1, n);
	v->name = n;
	v->key = json_string_value(key);
	v->color256 = json_is_integer(c256) ? (int)json_integer_value(c256) : -1;
	v->rating = (int)json_integer_value(rating);
	v->fever = fever;
	v->description = json_is_string(desc) ? json_string_value(desc) : "";
	return DESK_OK;
}

/* The verdicts of a parsed file (an object with "verdicts", or a bare array). */
static int
verdict_parse(desk *d, const char *file, json_t *root, verdict_in **out, size_t *n)
{
	json_t *arr = json_is_array(root) ? root : json_object_get(root, "verdicts");
	verdict_in *v = NULL;
	size_t len;
	int rc = DESK_OK;

	*out = NULL;
	*n = 0;
	if (!json_is_array(arr) || json_array_size(arr) == 0) {
		rc = desk_error(d, DESK_INVALID, "%s: no \"verdicts\" array, or it is empty", file);
		goto done;
	}
	len = json_array_size(arr);
	if ((v = calloc(len, sizeof *v)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < len; i++) {
		if ((rc = verdict_parse_one(d, file, i, json_array_get(arr, i), &v[i])) != DESK_OK)
			goto done;
		for (size_t j = 0; j < i; j++) {
			if (strcmp(v[j].name, v[i].name) == 0) {
				rc =
				    desk_error(d, DESK_INVALID,
				               "%s: verdict %zu (%s): \"name\" repeats verdict %zu",
				               file, i + 1, v[i].name, j + 1);
				goto done;
			}
			if (strcmp(v[j].key, v[i].key) == 0) {
				rc = desk_error(d, DESK_INVALID,
				                "%s: verdict %zu (%s): \"key\" \"%s\" is already "
				                "verdict %zu's (%s)",
				                file, i + 1, v[i].name, v[i].key, j + 1, v[j].name);
				goto done;
			}
		}
	}
	*out = v;
	*n = len;
	v = NULL;
done:
	free(v);
	return rc;
}

/* Write the verdicts v[0..n): added, or updated by name. */
static int
verdict_store(desk *d, const verdict_in *v, size_t n)
{
	static const char sql[] =
	    "INSERT INTO verdict (name, label, key, color, color256, rating, rating_name, fever, "
	    "description, ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
	    "ON CONFLICT (name) DO UPDATE SET label = excluded.label, key = excluded.key, "
	    "color = excluded.color, color256 = excluded.color256, rating = excluded.rating, "
	    "rating_name = excluded.rating_name, fever = excluded.fever, "
	    "description = excluded.description, ord = excluded.ord";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, v[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, v[i].label, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, v[i].key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, v[i].color, -1, SQLITE_STATIC);
		if (v[i].color256 >= 0)
			sqlite3_bind_int(st, 5, v[i].color256);
		else
			sqlite3_bind_null(st, 5);
		sqlite3_bind_int(st, 6, v[i].rating);
		sqlite3_bind_text(st, 7, v[i].rating_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, v[i].fever, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, v[i].description, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 10, (int64_t)i);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = desk_error(d, DESK_INVALID, "verdict %s: %s", v[i].name,
			                sqlite3_errmsg(d->db));
			goto done;
		}
	}
done:
	sqlite3_finalize(st);
	return rc;
}

int
verdict_load(desk *d, const char *file, const char *json, size_t len)
{
	verdict_in *v = NULL;
	json_error_t err;
	json_t *root = NULL;
	size_t n = 0;
	int rc;

	if (file == NULL || *file == '\0')
		file = "verdicts";
	if ((root = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &err)) == NULL) {
		rc = desk_error(d, DESK_INVALID, "%s:%d:%d: %s", file, err.line, err.column,
		                err.text);
		goto done;
	}
	if ((rc = verdict_parse(d, file, root, &v, &n)) != DESK_OK ||
	    (rc = verdict_store(d, v, n)) != DESK_OK)
		goto done;
done:
	free(v);
	json_decref(root);
	return rc;
}

int
verdict_defaults(desk *d)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, "SELECT count(*) FROM verdict")) != DESK_OK)
		goto done;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "verdicts");
		goto done;
	}
	if (sqlite3_column_int64(st, 0) > 0)
		goto done;
	for (const struct embed_file *f = verdicts_data; f->name; f++)
		if (strcmp(f->name, "default.json") == 0) {
			rc = verdict_load(d, f->name, f->data, f->len);
			goto done;
		}
	rc = desk_error(d, DESK_ERROR, "no default verdict scale built in");
done:
	sqlite3_finalize(st);
	return rc;
}
