/*
 * annotate.h - labels, spans, entities, suggestions, and undo/redo.
 *
 * Offsets are code points of the article's stored NFC body, end exclusive.
 * Every edit is one BEGIN IMMEDIATE transaction that also appends to the
 * edit log (who, when, before and after) and to the editor's undo history;
 * it is durable when the call returns.  Strings in the structs returned here
 * belong to the struct and live until its *_free().
 */
#ifndef COPYDESK_ANNOTATE_H
#define COPYDESK_ANNOTATE_H

#include "desk.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* --- Labels (label.c) ------------------------------------------------- */

/* The 8 basic colours a label is drawn in on any colour terminal. */
typedef enum {
	DESK_COLOR_BLACK,
	DESK_COLOR_RED,
	DESK_COLOR_GREEN,
	DESK_COLOR_YELLOW,
	DESK_COLOR_BLUE,
	DESK_COLOR_MAGENTA,
	DESK_COLOR_CYAN,
	DESK_COLOR_WHITE
} desk_color;

typedef struct desk_label {
	const char *name;        /* "PER" */
	const char *key;         /* one character, UTF-8: "P" */
	desk_color color;        /* on 8-colour terminals */
	int color256;            /* on 256-colour terminals, or -1 for color */
	const char *description; /* what the label is for, with examples */
} desk_label;

typedef struct desk_labels desk_labels;

/* The database's label set, in its order. */
int desk_labels_get(desk_labels **out, desk *d);
size_t desk_labels_count(const desk_labels *l);
const desk_label *desk_labels_at(const desk_labels *l, size_t i);
/* By name: the exact name, else the same ignoring case ("per" is PER); or NULL. */
const desk_label *desk_labels_find(const desk_labels *l, const char *name);
void desk_labels_free(desk_labels *l);
int desk_labels_json(char **out, desk *d);

/*
 * Load a label file (the format of annotations/labels/news.json, documented
 * in annotations/LABELS.md; name is for messages).  Without replace, its
 * labels are added to the set and same-named ones updated; with replace, the
 * set becomes exactly the file's.  Refused, changing nothing, with
 * DESK_INVALID and a message naming the file and position for a bad file or
 * clashing keys, and with DESK_CONFLICT when a label that spans use would
 * go away.
 */
int desk_labels_import(desk *d, const char *name, const char *json, size_t len, int replace);

/*
 * The same from a brat project's annotation.conf (conf[0..len), name for
 * messages), as annotations/FORMATS.md describes (import/import_conf.c):
 * its [entities] and [events] types become labels (hierarchy flattened,
 * abstract types left out), keyed by its kb_shortcuts.conf (kb, may be
 * NULL) or else a free letter of their name, and coloured by its
 * visual.conf (visual, may be NULL) or else in turn.
 */
int desk_labels_import_brat(desk *d, const char *name, const char *conf, size_t len, const char *kb,
                            size_t kblen, const char *visual, size_t vlen, int replace);

/* --- Spans (span.c) --------------------------------------------------- */

typedef struct desk_span {
	int64_t id, article_id;
	int64_t start, end; /* code points, end exclusive */
	const char *label;
	const char *text;   /* body[start:end] */
	int64_t entity_id;  /* 0 if none */
	const char *entity; /* the entity's name, "" if none */
	const char *author;
	const char *created_at;
	const char *updated_by;
	const char *updated_at;
} desk_span;

typedef struct desk_spans desk_spans;

/*
 * Tag body[start:end) of an article with label.  The range widens to
 * grapheme boundaries (a combining mark never comes apart from its letter);
 * *out gets the new span's id.  The same range and label twice is
 * DESK_DUPLICATE.  Bad offsets are DESK_RANGE; an unknown article or label
 * DESK_NOTFOUND.  entity_id 0: none.
 */
int desk_span_add(int64_t *out, desk *d, int64_t article_id, int64_t start, int64_t end,
                  const char *label, int64_t entity_id);
int desk_span_delete(desk *d, int64_t span_id);
int desk_span_relabel(desk *d, int64_t span_id, const char *label);
/* Link the span to an entity (0 unlinks). */
int desk_span_link(desk *d, int64_t span_id, int64_t entity_id);
int desk_span_get(desk_span **out, desk *d, int64_t span_id);
void desk_span_free(desk_span *s);

/* The article's standing spans, by start then longest first (nesting order). */
int desk_spans_get(desk_spans **out, desk *d, int64_t article_id);
size_t desk_spans_count(const desk_spans *s);
const desk_span *desk_spans_at(const desk_spans *s, size_t i);
void desk_spans_free(desk_spans *s);
int desk_spans_json(char **out, desk *d, int64_t article_id);

/* --- Entities (entity.c) ---------------------------------------------- */

typedef struct desk_entity {
	int64_t id;
	const char *name;        /* canonical */
	const char *external_id; /* e.g. "Q1234", "" if none */
	int64_t mentions;        /* standing spans linked to it */
	const char *aliases;     /* the distinct texts of its spans, joined by "\n" */
} desk_entity;

typedef struct desk_entities desk_entities;

/* The entity named name (canonical name, exact after NFC), made if needed. */
int desk_entity_ensure(int64_t *out, desk *d, const char *name, const char *external_id);
/* By canonical name or by the text of a span linked to it; DESK_NOTFOUND. */
int desk_entity_find(int64_t *out, desk *d, const char *name);
int desk_entity_rename(desk *d, int64_t id, const char *name, const char *external_id);
/* All spans of from go to into; from stays as an alias row of into. */
int desk_entity_merge(desk *d, int64_t into, int64_t from);
/*
 * Delete an entity that no standing span mentions (with the entities merged
 * into it); undoable.  DESK_CONFLICT with rule DESK_RULE_IN_USE when spans
 * mention it, DESK_NOTFOUND for no such entity.
 */
int desk_entity_delete(desk *d, int64_t id);

/* A standing span that names an entity: where it is. */
typedef struct desk_mention {
	int64_t span_id, article_id, start, end;
} desk_mention;

/*
 * The mentions of entity id (its standing spans) across the corpus, by
 * article then start; *out is malloc'ed (free it).  Costs what the entity's
 * mentions cost, never a scan of the corpus.
 */
int desk_entity_mentions(desk_mention **out, size_t *n, desk *d, int64_t id);
/* The corpus's entities (merged ones left out), by mentions then name. */
int desk_entities_get(desk_entities **out, desk *d);
size_t desk_entities_count(const desk_entities *e);
const desk_entity *desk_entities_at(const desk_entities *e, size_t i);
void desk_entities_free(desk_entities *e);
int desk_entities_json(char **out, desk *d);

/* --- The entities a page at a time (entity_page.c) ---------------------- */

/* An entity's place in the paged list: by name, then id (the index entity_name). */
typedef struct desk_entity_place {
	const char *name; /* NULL: before the first (or with backward, after the last) */
	int64_t id;
} desk_entity_place;

/*
 * Up to max entities (merged ones left out) after key, or with backward the
 * last ones before it, in the list's order (by name); each with its mentions
 * and aliases as desk_entities_get reads them.  One keyset query: it costs
 * the page and its entities' mentions, wherever the page is.
 */
int desk_entities_page(desk_entities **out, desk *d, const desk_entity_place *key, int backward,
                       size_t max);
/* How many entities come before key (name NULL: all of them); an index count. */
int desk_entities_rank(int64_t *out, desk *d, const desk_entity_place *key);
/* The id of the entity at index i of the list (0 past its end); its name in *name (free it). */
int desk_entities_nth(int64_t *id, char **name, desk *d, int64_t i);

/* --- Suggestions (suggest.c) ------------------------------------------ */

/* How text is compared when looking for the same name elsewhere. */
enum {
	DESK_MATCH_EXACT = 0,       /* the same NFC text */
	DESK_MATCH_FOLD_CASE = 1,   /* "APEC" finds "Apec" */
	DESK_MATCH_FOLD_ACCENT = 2, /* "Viet Nam" finds "Việt Nam", đ/Đ as d/D */
};

typedef struct desk_suggestion {
	int64_t article_id, start, end;
	const char *label;
	const char *text;  /* body[start:end] */
	int64_t entity_id; /* the entity of the span it comes from, or 0 */
	int64_t from_span; /* the span it was suggested from */
} desk_suggestion;

typedef struct desk_suggestions desk_suggestions;

/*
 * The same text as span_id elsewhere: in its article only, or in the whole
 * corpus (article_only 0).  Whole words only; ranges already tagged with
 * that label, or rejected, are left out.
 */
int desk_suggest_same(desk_suggestions **out, desk *d, int64_t span_id, int article_only,
                      int match);
/* Pending pre-annotations for an article: text the corpus has tagged before. */
int desk_suggest_article(desk_suggestions **out, desk *d, int64_t article_id, int match);
/* The same for a caller that holds the article's body as a desk_text already (the reader). */
int desk_suggest_text(desk_suggestions **out, desk *d, int64_t article_id, const desk_text *body,
                      int match);
size_t desk_suggestions_count(const desk_suggestions *s);
const desk_suggestion *desk_suggestions_at(const desk_suggestions *s, size_t i);
void desk_suggestions_free(desk_suggestions *s);
/* Accept: a span like the suggestion (linked to its entity); reject: never again. */
int desk_suggestion_accept(int64_t *span_id, desk *d, const desk_suggestion *s);
int desk_suggestion_reject(desk *d, const desk_suggestion *s);
/*
 * Accept them all as one edit: one transaction, one undo step, all or none;
 * a range tagged meanwhile is left out.  *accepted gets how many were.
 */
int desk_suggestions_accept(size_t *accepted, desk *d, const desk_suggestions *s);

/* --- Undo and redo (history.c) ----------------------------------------- */

/*
 * Undo the editor's last edit that is not undone (a span added, deleted,
 * relabelled or linked, an entity renamed or merged, a status set), also
 * after a restart; redo the last undone one, as long as the editor made no
 * new edit since.  *article_id gets the article the edit was in (0 for
 * corpus-wide edits).  DESK_NOTFOUND when there is nothing to undo or
 * redo; DESK_CONFLICT, changing nothing, when someone else changed the same
 * thing since.  Undo and redo append to the edit log; they erase nothing.
 */
int desk_undo(int64_t *article_id, desk *d);
int desk_redo(int64_t *article_id, desk *d);

/*
 * What desk_undo (undo 1) or desk_redo (undo 0) would take back or do again,
 * in an editor's words ("the tagging", "the new claim"), into buf; a read,
 * for the message after it.  DESK_NOTFOUND when there is nothing.
 */
int desk_history_next(char *buf, size_t size, desk *d, int undo);

#ifdef __cplusplus
}
#endif
#endif
