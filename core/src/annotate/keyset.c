/*
 * keyset.c - the rules the label set and the verdict scale share (keyset.h):
 * their files' JSON, colour names, the key, colour and description of a
 * file's entry, key clashes in a file and after a merge, the rewrite of the
 * table and the built-in default.
 */
#include <stdio.h>
#include <string.h>

#include "keyset.h"

static const char *const keyset_colors[] = {"black", "red",     "green", "yellow",
                                            "blue",  "magenta", "cyan",  "white"};

int
keyset_json(json_t **out, desk *d, const char *file, const char *json, size_t len)
{
	json_error_t err;

	if ((*out = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &err)) == NULL)
		return desk_error(d, DESK_INVALID, "%s:%d:%d: %s", file, err.line, err.column,
		                  err.text);
	return DESK_OK;
}

int
keyset_color_parse(const char *s)
{
	for (int i = 0; i < 8; i++)
		if (s && strcmp(s, keyset_colors[i]) == 0)
			return i;
	return -1;
}

const char *
keyset_color_name(int color)
{
	return keyset_colors[color >= 0 && color < 8 ? color : 0];
}

int
keyset_parse_key(desk *d, const char *file, const char *kind, size_t i, const char *name,
                 json_t *key, keyset_entry *e)
{
	if (!json_is_string(key) ||
	    !desk_key_valid(json_string_value(key), json_string_length(key)))
		return desk_error(
		    d, DESK_INVALID,
		    "%s: %s %zu (%s): \"key\" must be one character, not a space or control", file,
		    kind, i + 1, name);
	e->key = json_string_value(key);
	return DESK_OK;
}

int
keyset_parse_color(desk *d, const char *file, const char *kind, size_t i, const char *name,
                   const char *color, json_t *color256, keyset_entry *e)
{
	if (color == NULL || keyset_color_parse(color) < 0)
		return desk_error(d, DESK_INVALID,
		                  "%s: %s %zu (%s): \"color\" must be black, red, green, yellow, "
		                  "blue, magenta, cyan or white",
		                  file, kind, i + 1, name);
	if (color256 != NULL && !json_is_null(color256) &&
	    (!json_is_integer(color256) || json_integer_value(color256) < 0 ||
	     json_integer_value(color256) > 255))
		return desk_error(d, DESK_INVALID,
		                  "%s: %s %zu (%s): \"color256\" must be a number 0 to 255", file,
		                  kind, i + 1, name);
	e->color = color;
	e->color256 = json_is_integer(color256) ? (int)json_integer_value(color256) : -1;
	return DESK_OK;
}

int
keyset_parse_description(desk *d, const char *file, const char *kind, size_t i, const char *name,
                         json_t *description, keyset_entry *e)
{
	if (description != NULL && !json_is_null(description) && !json_is_string(description))
		return desk_error(d, DESK_INVALID,
		                  "%s: %s %zu (%s): \"description\" is not a string", file, kind,
		                  i + 1, name);
	e->description = json_is_string(description) ? json_string_value(description) : "";
	return DESK_OK;
}

int
keyset_key_repeats(desk *d, const char *file, const char *kind, size_t i, const keyset_entry *a,
                   size_t j, const keyset_entry *b)
{
	if (strcmp(a->key, b->key) != 0)
		return DESK_OK;
	return desk_error(d, DESK_INVALID,
	                  "%s: %s %zu (%s): \"key\" \"%s\" is already %s %zu's (%s)", file, kind,
	                  i + 1, a->name, a->key, kind, j + 1, b->name);
}

static const keyset_entry *
keyset_at(const void *v, size_t size, size_t i)
{
	return (const keyset_entry *)((const char *)v + i * size);
}

/* Whether f (nf of size bytes) has an entry called name. */
static int
keyset_has(const void *f, size_t nf, size_t size, const char *name)
{
	for (size_t i = 0; i < nf; i++)
		if (strcmp(keyset_at(f, size, i)->name, name) == 0)
			return 1;
	return 0;
}

int
keyset_merge_clash(desk *d, const char *file, const char *kind, const void *v, size_t n,
                   const void *f, size_t nf, size_t size)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++) {
			const keyset_entry *x = keyset_at(v, size, i), *y = keyset_at(v, size, j);
			const keyset_entry *a, *b;

			if (strcmp(x->key, y->key) != 0)
				continue;
			a = keyset_has(f, nf, size, x->name) ? x : y;
			b = a == x ? y : x;
			return desk_error(d, DESK_INVALID,
			                  "%s: %s %s: key \"%s\" is already %s %s's", file, kind,
			                  a->name, a->key, kind, b->name);
		}
	return DESK_OK;
}

int
keyset_rewrite(desk *d, const char *table)
{
	char sql[96], what[32];

	snprintf(sql, sizeof sql, "PRAGMA defer_foreign_keys = ON; DELETE FROM %s", table);
	snprintf(what, sizeof what, "%ss", table);
	if (sqlite3_exec(d->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return desk_sqlite_error(d, what);
	return DESK_OK;
}

int
keyset_defaults(desk *d, const char *table, const struct embed_file *files, const char *name,
                const char *missing,
                int (*load)(desk *d, const char *file, const char *json, size_t len))
{
	sqlite3_stmt *st = NULL;
	char sql[64], what[32];
	int rc;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	snprintf(what, sizeof what, "%ss", table);
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, what);
		goto done;
	}
	if (sqlite3_column_int64(st, 0) > 0)
		goto done;
	for (const struct embed_file *f = files; f->name; f++)
		if (strcmp(f->name, name) == 0) {
			rc = load(d, f->name, f->data, f->len);
			goto done;
		}
	rc = desk_error(d, DESK_ERROR, "no default %s built in", missing);
done:
	sqlite3_finalize(st);
	return rc;
}
