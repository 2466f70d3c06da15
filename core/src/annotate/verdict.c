/*
 * verdict.c - the verdict scale a claim's research is rated on
 * (annotations/VERDICTS.md): read it, find a verdict by name, label or key,
 * and load a verdict file, checked first, all or nothing.
 *
 * A new database gets annotations/verdicts/default.json, embedded at build
 * time (verdict_defaults(), which open.c gives the migration that makes the
 * verdict table).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "claim_internal.h"
#include "keyset.h"

struct desk_verdicts {
	desk_verdict *v;
	size_t n;
};

extern const struct embed_file verdicts_data[];

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
		x->color = (desk_color)keyset_color_parse((const char *)sqlite3_column_text(st, 3));
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
	char *fa = NULL, *fb = NULL;
	int same = desk_fold_as(&fa, NULL, a, strlen(a), DESK_FOLD_CASE) == DESK_OK &&
	           desk_fold_as(&fb, NULL, b, strlen(b), DESK_FOLD_CASE) == DESK_OK &&
	           strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
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

int
verdict_name(char **out, desk *d, const char *typed)
{
	desk_verdicts *v = NULL;
	const desk_verdict *x;
	int rc;

	*out = NULL;
	if ((rc = desk_verdicts_get(&v, d)) != DESK_OK)
		goto done;
	if ((x = desk_verdicts_find(v, typed)) == NULL) {
		rc = desk_error(d, DESK_NOTFOUND, "no verdict \"%s\"", typed);
		goto done;
	}
	if ((*out = desk_strdup(x->name)) == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	desk_verdicts_free(v);
	return rc;
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
	keyset_entry e; /* first: name, key, colour and description, as a label's */
	const char *label, *rating_name, *fever;
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
	int ok = 0, rc;

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
	if ((rc = keyset_parse_key(d, file, "verdict", i, n, key, &v->e)) != DESK_OK ||
	    (rc = keyset_parse_color(d, file, "verdict", i, n, verdict_string(o, "color"), c256,
	                             &v->e)) != DESK_OK)
		return rc;
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
	if ((rc = keyset_parse_description(d, file, "verdict", i, n, desc, &v->e)) != DESK_OK)
		return rc;
	v->e.name = n;
	v->rating = (int)json_integer_value(rating);
	v->fever = fever;
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
			if (strcmp(v[j].e.name, v[i].e.name) == 0) {
				rc =
				    desk_error(d, DESK_INVALID,
				               "%s: verdict %zu (%s): \"name\" repeats verdict %zu",
				               file, i + 1, v[i].e.name, j + 1);
				goto done;
			}
			if ((rc = keyset_key_repeats(d, file, "verdict", i, &v[i].e, j, &v[j].e)) !=
			    DESK_OK)
				goto done;
		}
	}
	*out = v;
	*n = len;
	v = NULL;
done:
	free(v);
	return rc;
}

static const verdict_in *
verdict_in_find(const verdict_in *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].e.name, name) == 0)
			return &v[i];
	return NULL;
}

static const desk_verdict *
verdict_old_find(const desk_verdicts *old, const char *name)
{
	for (size_t i = 0; i < old->n; i++)
		if (strcmp(old->v[i].name, name) == 0)
			return &old->v[i];
	return NULL;
}

static int
verdict_in_same(const verdict_in *a, const desk_verdict *b)
{
	return strcmp(a->label, b->label) == 0 && strcmp(a->e.key, b->key) == 0 &&
	       keyset_color_parse(a->e.color) == (int)b->color && a->e.color256 == b->color256 &&
	       a->rating == b->rating && strcmp(a->rating_name, b->rating_name) == 0 &&
	       strcmp(a->fever, b->fever) == 0 && strcmp(a->e.description, b->description) == 0;
}

/*
 * The scale after the import: the old verdicts in their order, those the
 * file names replaced by its, then the file's new ones; keys must differ.
 */
static int
verdict_merge(desk *d, const char *file, const desk_verdicts *old, const verdict_in *f, size_t nf,
              verdict_in **out, size_t *n)
{
	verdict_in *v = calloc(old->n + nf + 1, sizeof *v);
	size_t len = 0;
	int rc = DESK_OK;

	*out = NULL;
	*n = 0;
	if (v == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	for (size_t i = 0; i < old->n; i++) {
		const desk_verdict *o = &old->v[i];
		const verdict_in *x = verdict_in_find(f, nf, o->name);

		if (x != NULL) {
			v[len++] = *x;
			continue;
		}
		v[len].e.name = o->name;
		v[len].e.key = o->key;
		v[len].e.color = keyset_color_name(o->color);
		v[len].e.color256 = o->color256;
		v[len].e.description = o->description;
		v[len].label = o->label;
		v[len].rating = o->rating;
		v[len].rating_name = o->rating_name;
		v[len++].fever = o->fever;
	}
	for (size_t i = 0; i < nf; i++)
		if (verdict_old_find(old, f[i].e.name) == NULL)
			v[len++] = f[i];
	if ((rc = keyset_merge_clash(d, file, "verdict", v, len, f, nf, sizeof *v)) != DESK_OK)
		goto done;
	*out = v;
	*n = len;
	v = NULL;
done:
	free(v);
	return rc;
}

/* Write the scale v[0..n) as the verdict table; log what changed when log is set. */
static int
verdict_store(desk *d, const char *file, const desk_verdicts *old, const verdict_in *v, size_t n,
              int log)
{
	static const char sql[] =
	    "INSERT INTO verdict (name, label, key, color, color256, rating, rating_name, fever, "
	    "description, ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	json_t *added = json_array(), *updated = json_array(), *o = NULL;
	sqlite3_stmt *st = NULL;
	char *data = NULL;
	int rc;

	if (!added || !updated) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	/* Keys may move between verdicts: rewrite the table, checking research at COMMIT. */
	if ((rc = keyset_rewrite(d, "verdict")) != DESK_OK ||
	    (rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		const desk_verdict *was = verdict_old_find(old, v[i].e.name);

		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, v[i].e.name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, v[i].label, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, v[i].e.key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, v[i].e.color, -1, SQLITE_STATIC);
		if (v[i].e.color256 >= 0)
			sqlite3_bind_int(st, 5, v[i].e.color256);
		else
			sqlite3_bind_null(st, 5);
		sqlite3_bind_int(st, 6, v[i].rating);
		sqlite3_bind_text(st, 7, v[i].rating_name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, v[i].fever, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, v[i].e.description, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 10, (int64_t)i);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "store verdict");
			goto done;
		}
		if (was == NULL)
			json_array_append_new(added, json_string(v[i].e.name));
		else if (!verdict_in_same(&v[i], was))
			json_array_append_new(updated, json_string(v[i].e.name));
	}
	if (!log || json_array_size(added) + json_array_size(updated) == 0)
		goto done;
	if ((o = json_pack("{sssOsO}", "file", file, "added", added, "updated", updated)) == NULL ||
	    (data = json_dumps(o, JSON_COMPACT)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	rc = desk_log(d, "verdicts-import", 0, 0, data);
done:
	sqlite3_finalize(st);
	free(data);
	json_decref(o);
	json_decref(added);
	json_decref(updated);
	return rc;
}

/* The import inside the caller's transaction. */
static int
verdict_import_tx(desk *d, const char *file, const char *json, size_t len, int log)
{
	desk_verdicts *old = NULL;
	verdict_in *f = NULL, *v = NULL;
	size_t nf = 0, n = 0;
	json_t *root = NULL;
	int rc;

	if ((rc = keyset_json(&root, d, file, json, len)) != DESK_OK ||
	    (rc = verdict_parse(d, file, root, &f, &nf)) != DESK_OK ||
	    (rc = desk_verdicts_get(&old, d)) != DESK_OK ||
	    (rc = verdict_merge(d, file, old, f, nf, &v, &n)) != DESK_OK ||
	    (rc = verdict_store(d, file, old, v, n, log)) != DESK_OK)
		goto done;
done:
	free(f);
	free(v);
	desk_verdicts_free(old);
	json_decref(root);
	return rc;
}

/* The built-in scale into a new database (no log entry: it is where the log starts). */
int
verdict_load(desk *d, const char *file, const char *json, size_t len)
{
	return verdict_import_tx(d, file && *file ? file : "verdicts", json, len, 0);
}

int
desk_verdicts_import(desk *d, const char *name, const char *json, size_t len)
{
	const char *file = name && *name ? name : "verdicts";
	int rc;

	if (d == NULL)
		return DESK_MISUSE;
	if (json == NULL && len > 0)
		return desk_error(d, DESK_MISUSE, "no verdict file");
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = roles_require_chief(d, "change the verdict scale")) != DESK_OK ||
	    (rc = verdict_import_tx(d, file, json, len, 1)) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
verdict_defaults(desk *d)
{
	return keyset_defaults(d, "verdict", verdicts_data, "default.json", "verdict scale",
	                       verdict_load);
}
