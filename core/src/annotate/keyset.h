/*
 * keyset.h - what the label set (label.c) and the verdict scale (verdict.c)
 * share; not public.  Each is a set of named entries, each bound to one key
 * and a colour, loaded from a JSON file all or nothing, with a default set
 * built in.  The rules for their keys, colours and clashes live in keyset.c
 * once.
 */
#ifndef COPYDESK_KEYSET_H
#define COPYDESK_KEYSET_H

#include <jansson.h>

#include "roles.h"

/* The fields every entry has, as read from a file or the database; strings borrowed. */
typedef struct keyset_entry {
	const char *name, *key, *color, *description;
	int color256; /* -1: none */
} keyset_entry;

/* A label or verdict file's JSON (json NULL: empty), the error naming file, line and column. */
int keyset_json(json_t **out, desk *d, const char *file, const char *json, size_t len);

/* A colour's number (desk_color) by name, or -1; and its name (black for a bad number). */
int keyset_color_parse(const char *s);
const char *keyset_color_name(int color);

/*
 * The shared fields of a file's entry i (from 0) of kind ("label",
 * "verdict") called name, into e; the error names the file, the entry and
 * the field.  color is the member's text (NULL when it is none).
 */
int keyset_parse_key(desk *d, const char *file, const char *kind, size_t i, const char *name,
                     json_t *key, keyset_entry *e);
int keyset_parse_color(desk *d, const char *file, const char *kind, size_t i, const char *name,
                       const char *color, json_t *color256, keyset_entry *e);
int keyset_parse_description(desk *d, const char *file, const char *kind, size_t i,
                             const char *name, json_t *description, keyset_entry *e);
/* DESK_INVALID when a file's entry i takes the key of its entry j. */
int keyset_key_repeats(desk *d, const char *file, const char *kind, size_t i, const keyset_entry *a,
                       size_t j, const keyset_entry *b);
/*
 * DESK_INVALID naming the first two entries of a merged set v (n of size
 * bytes, each beginning with its keyset_entry) that share a key, the one
 * from the file f (nf) first.
 */
int keyset_merge_clash(desk *d, const char *file, const char *kind, const void *v, size_t n,
                       const void *f, size_t nf, size_t size);

/* Empty table for a rewrite, its foreign keys checked at COMMIT (keys may move). */
int keyset_rewrite(desk *d, const char *table);

/*
 * Into an empty table, the built-in file called name of files, by load (in
 * the migration's transaction); missing says what is not built in.
 */
int keyset_defaults(desk *d, const char *table, const struct embed_file *files, const char *name,
                    const char *missing,
                    int (*load)(desk *d, const char *file, const char *json, size_t len));

#endif
