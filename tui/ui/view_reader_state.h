/*
 * view_reader_state.h - the reader's state, shared by view_reader.c (moving
 * and drawing), view_tag.c (tagging in it) and view_claim.c (its claims and
 * candidates), and the calls between them: view_reader.c calls the other
 * two, view_tag.c calls view_claim.c, never the other way.  The commands
 * and the lists that jump into the reader read it too.
 */
#ifndef COPYDESK_VIEW_READER_STATE_H
#define COPYDESK_VIEW_READER_STATE_H

#include "reader.h"
#include "tagging.h"
#include "view.h"

struct view_reader {
	struct reader r;
	int loaded;    /* r holds an article */
	int64_t id;    /* its id */
	char *title;   /* its title, or its first words */
	int64_t saved; /* the position last written, or -1 */
	int hide;      /* boilerplate hidden, for every article until toggled */
	int x0;        /* the window column the text starts at (:set align=centre) */
	int revealed;  /* a jump showed the hidden boilerplate: the next message says so */
	struct layout_cell *cells;
	size_t ncells; /* room in cells */

	/* Tagging (view_tag.c). */
	desk_spans *spans;           /* the article's standing spans, in nesting order */
	struct tagging_span *tspans; /* the same for tagging.c, label as index */
	size_t nspans;
	desk_suggestions *sugg; /* pending suggestions */
	struct tagging_span *tsugg;
	size_t nsugg;
	int64_t chosen;             /* the span picked among those at the cursor (o), or 0 */
	int64_t anchor;             /* the selection's other end, or -1: none */
	int64_t sel_start, sel_end; /* the selection's range, as last drawn */

	struct view_claim *claim; /* the article's claims and candidates (view_claim.c) */

	/* The corpus search's matches (view_hits.c): the title's [0, ntitle), then the body's. */
	desk_search_range *hits;
	size_t nhits, ntitle, hit; /* hit: the one last shown */
	char *hitq;                /* the `/` line they are of */
};

/* view_hits.c: forget the matches; n and N through them (0: pattern is another search's). */
void view_hits_clear(struct view_reader *v);
int view_hits_step(struct ui *ui, const char *pattern, int backward);
/* Whether cp (of the title in the header, or of the body) is in a match. */
int view_hits_at(const struct view_reader *v, int64_t cp, int title);

/* view_claim.c: the article's claims and candidates, read again (view_tag_load calls it). */
int view_claim_load(struct ui *ui);
/* Lay the text out with the spans' brackets (none with colour) and the claims' markers. */
int view_claim_inserts(struct ui *ui, const struct layout_insert *spans, size_t nspans);
/* Draw an insert's cell, each character in its look (a span's bracket, a claim's, a candidate's).
 */
void view_claim_draw_insert(struct ui *ui, int row, const struct layout_cell *c);
void view_claim_unload(struct view_reader *v);
/* A candidate's text in italics: added to the look of the grapheme at cp (base: its UI_* look). */
void view_claim_look(struct ui *ui, int64_t cp, int base, attr_t *a);

/* The look of the grapheme at cp (the selection, spans, suggestions): attr and pair. */
void view_tag_look(struct ui *ui, int64_t cp, int base, attr_t *a, short *p);
/* Lay the text out again with the brackets of spans and boilerplate and the claims' markers. */
int view_tag_brackets(struct ui *ui);
/* Before drawing: the selection's range. */
void view_tag_prepare(struct ui *ui);
/* Free the spans and suggestions. */
void view_tag_unload(struct view_reader *v);

#endif
