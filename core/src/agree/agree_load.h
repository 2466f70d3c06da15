/*
 * agree/agree_load.h - what agreement reads (agree_load.c) for agree.c to
 * count: the editors, the articles more than one of them annotated, the
 * label set, and one article at a time.
 */
#ifndef COPYDESK_AGREE_LOAD_H
#define COPYDESK_AGREE_LOAD_H

#include "agree_int.h"

/* An article an editor annotated (editor: its number in names). */
typedef struct agree_ae {
	int64_t article;
	int editor;
} agree_ae;

typedef struct agree_data {
	desk *d;
	char **names; /* the editors, by name */
	size_t nnames, capnames;
	char **labels; /* the label set, by name */
	size_t nlabels;
	agree_ae *ae; /* by article then editor: the articles of more than one editor */
	size_t nae;
} agree_data;

/* One article: its text and each editor's spans (spans[e][0..n[e])). */
typedef struct agree_doc {
	char *title, *body;
	size_t blen;
	int64_t chars;
	agree_span **spans;
	size_t *n, *capv, cap;
	sqlite3_stmt *art, *sp;
} agree_doc;

/* The editors: o->users (each must have a layer), or every one with a layer. */
int agree_load_editors(agree_data *x, const desk_agree_opts *o);
/* The articles more than one editor annotated (of o->articles if given) into x->ae. */
int agree_load_articles(agree_data *x, const desk_agree_opts *o);
int agree_load_labels(agree_data *x);
/* The number of an editor's or a label's name, or -1. */
int agree_editor_of(const agree_data *x, const char *name);
int agree_label_of(const agree_data *x, const char *name);
/* Article id into doc: its text, and the editors' spans (of label only, if given). */
int agree_load_doc(agree_doc *doc, agree_data *x, int64_t id, const char *label);
void agree_doc_clear(agree_doc *doc);
void agree_doc_free(agree_doc *doc);

#endif
