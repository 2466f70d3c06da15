/*
 * formats/brat_doc.h - what the two halves of the brat reader share:
 * brat_offsets.c reads the T lines against the text and maps their
 * offsets, brat_read.c (above it) reads the other lines and makes the
 * article's annotations.
 */
#ifndef COPYDESK_BRAT_DOC_H
#define COPYDESK_BRAT_DOC_H

#include "format.h"

/* A text-bound annotation: its fragments in the view's code points. */
typedef struct brat_t {
	char id[32];
	const char *type;
	int64_t (*frag)[2];
	size_t nfrag;
	int64_t line;
	int claim;  /* the index in claims + 1 when a claim */
	int entity; /* an N line's entity index + 1 */
} brat_t;

/* What the .ann holds, and the document being made of it. */
typedef struct brat_doc {
	const char *file; /* the .ann's name, for messages */
	const char *view; /* the .txt as offsets count it */
	size_t *vat;
	int64_t vn;
	char *lines; /* the .ann, a copy cut into lines */
	brat_t *t;
	size_t nt, capt;
	brat_t **byid; /* the T lines by id, once pass 1 has read them all */
	int64_t *cuts; /* every fragment edge, sorted, then mapped */
	int64_t *mapped;
	size_t ncuts;
	size_t nother[4];       /* relations, events, equivalences, other attributes/notes */
	int64_t first_other[4]; /* the line of the first */
	format_pool *pool;
} brat_doc;
/* One line of the .ann, split at its first two TABs. */
typedef struct brat_line {
	char *id, *data, *tail;
	int64_t line;
} brat_line;

brat_t *fmt_brat_find(brat_doc *d, const char *id);
/* Count something not kept (k: 0 relations, 1 events, 2 equivalences, 3 other). */
void fmt_brat_other(brat_doc *d, int k, int64_t line);
/* A view offset (a fragment edge) as a body offset. */
int64_t fmt_brat_mapped(const brat_doc *d, int64_t v);
/*
 * Read the .ann against d->view (the .txt as its offsets count it): its
 * lines (*lines, the caller's to free), the T lines checked, every
 * fragment edge mapped to the body.
 */
int fmt_brat_read_view(brat_doc *d, const char *ann, size_t annlen, const char *body, size_t blen,
                       brat_line **lines, size_t *nlines, format_error *err);
/* Free what d holds, for another view or the end. */
void fmt_brat_doc_reset(brat_doc *d);

#endif
