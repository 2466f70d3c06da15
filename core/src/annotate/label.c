/*
 * label.c - the database's label set: read it, and load label files
 * (annotations/LABELS.md), all or nothing.
 *
 * A new database gets the default set, annotations/labels/news.json, which
 * is embedded at build time (label_defaults(), which open.c gives the migration
 * that makes the label table).  Label changes go to the edit log but are not
 * undoable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "keyset.h"

struct desk_labels {
	desk_label *v;
	size_t n;
};

extern const struct embed_file labels_data[];

static void
label_clear(desk_label *l)
{
	free((char *)l->name);
	free((char *)l->key);
	free((char *)l->description);
}

int
desk_labels_get(desk_labels **out, desk *d)
{
	sqlite3_stmt *st = NULL;
	desk_labels *l = NULL;
	size_t cap = 0;
	int rc, r;

	*out = NULL;
	if ((l = calloc(1, sizeof *l)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if ((rc = desk_prepare(d, &st,
	                       "SELECT name, key, color, coalesce(color256, -1), description "
	                       "FROM label ORDER BY ord, name")) != DESK_OK)
		goto done;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		desk_label *x;

		if (desk_grow(&l->v, &cap, l->n, sizeof *l->v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		x = &l->v[l->n];
		x->name = desk_strdup((const char *)sqlite3_column_text(st, 0));
		x->key = desk_strdup((const char *)sqlite3_column_text(st, 1));
		x->color = (desk_color)keyset_color_parse((const char *)sqlite3_column_text(st, 2));
		x->color256 = sqlite3_column_int(st, 3);
		x->description = desk_strdup((const char *)sqlite3_column_text(st, 4));
		if (!x->name || !x->key || !x->description) {
			label_clear(x);
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		l->n++;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "labels");
		goto done;
	}
	*out = l;
	l = NULL;
done:
	sqlite3_finalize(st);
	desk_labels_free(l);
	return rc;
}

size_t
desk_labels_count(const desk_labels *l)
{
	return l ? l->n : 0;
}

const desk_label *
desk_labels_at(const desk_labels *l, size_t i)
{
	return l && i < l->n ? &l->v[i] : NULL;
}

/* Whether label names a and b are the same ignoring case (ASCII: whatever the locale). */
static int
label_name_same(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;

		if (x != y)
			return 0;
	}
	return *a == *b;
}

const desk_label *
desk_labels_find(const desk_labels *l, const char *name)
{
	for (size_t i = 0; l && name && i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return &l->v[i];
	for (size_t i = 0; l && name && i < l->n; i++)
		if (label_name_same(l->v[i].name, name))
			return &l->v[i];
	return NULL;
}

void
desk_labels_free(desk_labels *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++)
		label_clear(&l->v[i]);
	free(l->v);
	free(l);
}

int
desk_labels_json(char **out, desk *d)
{
	static const char sql[] =
	    "SELECT coalesce(json_group_array(json_object('name', name, 'key', key, 'color', "
	    "color, 'color256', color256, 'description', description)), '[]') "
	    "FROM (SELECT * FROM label ORDER BY ord, name)";

	return desk_query_text(out, d, sql, 0, "labels as JSON");
}

/* --- Label files -------------------------------------------------------- */

static int
label_name_valid(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* A label as read from a file or the database: just what every keyset entry has. */
typedef keyset_entry label_in;

/* One label object of a file into *l; the error names file, index and field. */
static int
label_parse_one(desk *d, const char *file, size_t i, json_t *o, label_in *l)
{
	json_t *name = json_object_get(o, "name"), *key = json_object_get(o, "key"),
	       *color = json_object_get(o, "color"), *c256 = json_object_get(o, "color256"),
	       *desc = json_object_get(o, "description");
	const char *n;
	int rc;

	if (!json_is_object(o))
		return desk_error(d, DESK_INVALID, "%s: label %zu: not an object", file, i + 1);
	n = json_is_string(name) ? json_string_value(name) : NULL;
	if (!label_name_valid(n) || json_string_length(name) != strlen(n))
		return desk_error(d, DESK_INVALID,
		                  "%s: label %zu: \"name\" must be letters, digits, _ or -", file,
		                  i + 1);
	l->name = n;
	if ((rc = keyset_parse_key(d, file, "label", i, n, key, l)) != DESK_OK ||
	    (rc = keyset_parse_color(d, file, "label", i, n,
	                             json_is_string(color) ? json_string_value(color) : NULL, c256,
	                             l)) != DESK_OK)
		return rc;
	return keyset_parse_description(d, file, "label", i, n, desc, l);
}

/* The labels of a parsed file (an object with "labels", or a bare array). */
static int
label_parse(desk *d, const char *file, json_t *root, label_in **out, size_t *n)
{
	json_t *arr = json_is_array(root) ? root : json_object_get(root, "labels");
	label_in *v = NULL;
	size_t len;
	int rc = DESK_OK;

	*out = NULL;
	*n = 0;
	if (!json_is_array(arr)) {
		rc = desk_error(d, DESK_INVALID, "%s: no \"labels\" array", file);
		goto done;
	}
	len = json_array_size(arr);
	if ((v = calloc(len ? len : 1, sizeof *v)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < len; i++) {
		if ((rc = label_parse_one(d, file, i, json_array_get(arr, i), &v[i])) != DESK_OK)
			goto done;
		for (size_t j = 0; j < i; j++) {
			if (label_name_same(v[j].name, v[i].name)) {
				/* Labels are named ignoring case: "per" is PER. */
				rc = desk_error(
				    d, DESK_INVALID,
				    "%s: label %zu (%s): \"name\" repeats label %zu (%s)", file,
				    i + 1, v[i].name, j + 1, v[j].name);
				goto done;
			}
			if ((rc = keyset_key_repeats(d, file, "label", i, &v[i], j, &v[j])) !=
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

static const label_in *
label_in_find(const label_in *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	return NULL;
}

static int
label_in_same(const label_in *a, const desk_label *b)
{
	return strcmp(a->key, b->key) == 0 && keyset_color_parse(a->color) == (int)b->color &&
	       a->color256 == b->color256 && strcmp(a->description, b->description) == 0;
}

/* The set after the import: *out (n) from the old set and the file. */
static int
label_merge(desk *d, const char *file, const desk_labels *old, const label_in *f, size_t nf,
            int replace, label_in **out, size_t *n)
{
	label_in *v = calloc(old->n + nf + 1, sizeof *v);
	size_t len = 0;
	int rc = DESK_OK;

	*out = NULL;
	*n = 0;
	if (v == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	for (size_t i = 0; !replace && i < old->n; i++) {
		const label_in *x = label_in_find(f, nf, old->v[i].name);

		if (x != NULL) {
			v[len++] = *x;
			continue;
		}
		v[len].name = old->v[i].name;
		v[len].key = old->v[i].key;
		v[len].color = keyset_color_name(old->v[i].color);
		v[len].color256 = old->v[i].color256;
		v[len++].description = old->v[i].description;
	}
	for (size_t i = 0; i < nf; i++)
		if (replace || desk_labels_find(old, f[i].name) == NULL)
			v[len++] = f[i];
	if ((rc = keyset_merge_clash(d, file, "label", v, len, f, nf, sizeof *v)) != DESK_OK)
		goto done;
	*out = v;
	*n = len;
	v = NULL;
done:
	free(v);
	return rc;
}

/* DESK_CONFLICT naming the labels that would go away while spans use them. */
static int
label_check_removed(desk *d, const char *file, const desk_labels *old, const label_in *f, size_t nf)
{
	static const char sql[] = "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(*) "
	                          "FROM span WHERE label = ?1";
	sqlite3_stmt *st = NULL;
	char list[320] = "";
	size_t used = 0;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < old->n; i++) {
		int64_t standing, all;
		size_t k = strlen(list);

		if (label_in_find(f, nf, old->v[i].name))
			continue;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, old->v[i].name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW) {
			rc = desk_sqlite_error(d, "spans of a label");
			goto done;
		}
		standing = sqlite3_column_int64(st, 0);
		all = sqlite3_column_int64(st, 1);
		if (all == 0)
			continue;
		used++;
		if (standing > 0)
			snprintf(list + k, sizeof list - k, "%s%s (%lld span%s)", k ? ", " : "",
			         old->v[i].name, (long long)standing, standing == 1 ? "" : "s");
		else
			snprintf(list + k, sizeof list - k,
			         "%s%s (%lld deleted span%s kept for undo)", k ? ", " : "",
			         old->v[i].name, (long long)all, all == 1 ? "" : "s");
	}
	if (used > 0)
		rc = desk_error(d, DESK_CONFLICT,
		                "%s: not loaded: it leaves out label%s in use: %s; tag those spans "
		                "otherwise first, or import without replacing",
		                file, used == 1 ? "" : "s", list);
done:
	sqlite3_finalize(st);
	return rc;
}

/* Write the set v[0..n) as the label table, and log what changed. */
static int
label_store(desk *d, const char *file, const desk_labels *old, const label_in *v, size_t n,
            int replace)
{
	static const char ins_sql[] = "INSERT INTO label (name, key, color, color256, description, "
	                              "ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	json_t *added = json_array(), *updated = json_array(), *removed = json_array(), *o = NULL;
	sqlite3_stmt *st = NULL;
	char *data = NULL;
	int rc;

	if (!added || !updated || !removed) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	/* Keys may move between labels: rewrite the table, checking spans at COMMIT. */
	if ((rc = keyset_rewrite(d, "label")) != DESK_OK ||
	    (rc = desk_prepare(d, &st, ins_sql)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		const desk_label *was = desk_labels_find(old, v[i].name);

		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, v[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, v[i].key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, v[i].color, -1, SQLITE_STATIC);
		if (v[i].color256 >= 0)
			sqlite3_bind_int(st, 4, v[i].color256);
		else
			sqlite3_bind_null(st, 4);
		sqlite3_bind_text(st, 5, v[i].description, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, (int64_t)i);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "store label");
			goto done;
		}
		if (was == NULL)
			json_array_append_new(added, json_string(v[i].name));
		else if (!label_in_same(&v[i], was))
			json_array_append_new(updated, json_string(v[i].name));
	}
	for (size_t i = 0; i < old->n; i++)
		if (label_in_find(v, n, old->v[i].name) == NULL)
			json_array_append_new(removed, json_string(old->v[i].name));
	if (json_array_size(added) + json_array_size(updated) + json_array_size(removed) == 0)
		goto done;
	if ((o = json_pack("{sssbsOsOsO}", "file", file, "replace", replace, "added", added,
	                   "updated", updated, "removed", removed)) == NULL ||
	    (data = json_dumps(o, JSON_COMPACT)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	rc = desk_log(d, "labels-import", 0, 0, data);
done:
	sqlite3_finalize(st);
	free(data);
	json_decref(o);
	json_decref(added);
	json_decref(updated);
	json_decref(removed);
	return rc;
}

/* The import inside the caller's transaction. */
static int
label_import_tx(desk *d, const char *file, const char *json, size_t len, int replace)
{
	desk_labels *old = NULL;
	label_in *f = NULL, *v = NULL;
	size_t nf = 0, n = 0;
	json_t *root = NULL;
	int rc;

	if ((rc = keyset_json(&root, d, file, json, len)) != DESK_OK ||
	    (rc = label_parse(d, file, root, &f, &nf)) != DESK_OK ||
	    (rc = desk_labels_get(&old, d)) != DESK_OK)
		goto done;
	/* A label the set has under another case keeps the set's spelling (its spans use it). */
	for (size_t i = 0; i < nf; i++) {
		const desk_label *was = desk_labels_find(old, f[i].name);

		if (was != NULL)
			f[i].name = was->name;
	}
	if ((rc = label_merge(d, file, old, f, nf, replace, &v, &n)) != DESK_OK ||
	    (replace && (rc = label_check_removed(d, file, old, f, nf)) != DESK_OK) ||
	    (rc = label_store(d, file, old, v, n, replace)) != DESK_OK)
		goto done;
done:
	free(f);
	free(v);
	desk_labels_free(old);
	json_decref(root);
	return rc;
}

int
desk_labels_import(desk *d, const char *name, const char *json, size_t len, int replace)
{
	const char *file = name && *name ? name : "labels";
	int rc;

	if (json == NULL && len > 0)
		return desk_error(d, DESK_MISUSE, "no label file");
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = roles_require_chief(d, "change the label set")) != DESK_OK ||
	    (rc = label_import_tx(d, file, json, len, replace)) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

/* The built-in set, loaded as a file that replaces the (empty) set. */
static int
label_load_default(desk *d, const char *file, const char *json, size_t len)
{
	return label_import_tx(d, file, json, len, 1);
}

int
label_defaults(desk *d)
{
	return keyset_defaults(d, "label", labels_data, "news.json", "label set",
	                       label_load_default);
}
