/*
 * view_hits.c - the corpus search's matches in the reader: an article
 * opened from the search's results has every match of the query (its title's
 * and its body's, by desk_search_ranges, in the search's own mode) drawn as a
 * match, the cursor on the first, and n and N go through them in turn while
 * the last search is that query.  The reader's own `/` with another pattern
 * (or :nohlsearch, Esc) takes them away, and n and N search the text again.
 */
#include <stdlib.h>
#include <string.h>

#include "searchview.h"
#include "view_reader_state.h"

void
view_hits_clear(struct view_reader *v)
{
	free(v->hits);
	free(v->hitq);
	v->hits = NULL;
	v->hitq = NULL;
	v->nhits = v->ntitle = v->hit = 0;
}

/* The ranges of query in s[0..len), those starting in hidden-able boilerplate left out. */
static int
view_hits_find(desk_search_range **out, size_t *n, const struct reader *r, const char *s,
               size_t len, const char *query, int exact, int body)
{
	size_t k = 0;
	int rc = desk_search_ranges(out, n, s, len, query, exact);

	if (rc != DESK_OK || !body)
		return rc;
	/* Boilerplate is not indexed: the search did not find these. */
	for (size_t i = 0; i < *n; i++)
		if (!reader_in_mark(r, (*out)[i].start, DESK_MARK_BOILERPLATE))
			(*out)[k++] = (*out)[i];
	*n = k;
	return DESK_OK;
}

/* Show match i: the title's at the top, the body's under the cursor. */
static void
view_hits_show(struct ui *ui, size_t i)
{
	struct view_reader *v = ui->reader;
	struct reader *r = &v->r;

	v->hit = i;
	if (i < v->ntitle) {
		reader_top(r, 1);
		r->match_start = r->match_end = -1;
	} else {
		reader_set_cursor(r, v->hits[i].start);
		r->match_start = v->hits[i].start;
		r->match_end = v->hits[i].end;
	}
	ui_dirty_body(ui);
	ui_dirty_bar(ui);
}

int
view_reader_hits(struct ui *ui, const char *line, const char *query, int exact)
{
	struct view_reader *v = ui->reader;
	struct reader *r = &v->r;
	desk_search_range *t = NULL, *b = NULL;
	size_t nt = 0, nb = 0;
	int rc;

	view_hits_clear(v);
	if (!v->loaded)
		return DESK_OK;
	if (r->head && r->head_title > 0 &&
	    (rc = view_hits_find(&t, &nt, r, desk_text_utf8(r->head),
	                         desk_text_byte(r->head, r->head_title), query, exact, 0)) !=
	        DESK_OK)
		goto done;
	if ((rc = view_hits_find(&b, &nb, r, desk_text_utf8(r->text), desk_text_bytes(r->text),
	                         query, exact, 1)) != DESK_OK)
		goto done;
	if (nt + nb == 0) {
		ui_message(ui, "No match of %s shown in this article (boilerplate is not searched)",
		           line);
		goto done;
	}
	if ((v->hits = malloc((nt + nb) * sizeof *v->hits)) == NULL ||
	    (v->hitq = strdup(line)) == NULL) {
		view_hits_clear(v);
		rc = DESK_NOMEM;
		goto done;
	}
	if (nt)
		memcpy(v->hits, t, nt * sizeof *t);
	if (nb)
		memcpy(v->hits + nt, b, nb * sizeof *b);
	v->ntitle = nt;
	v->nhits = nt + nb;
	/* At the first match of the body (the title's shows at the top). */
	view_hits_show(ui, nb ? nt : 0);
	reader_cursor_to_top(r);
	if (r->top > 0) /* a few lines of what leads to it */
		r->top = r->top > (size_t)r->rows / 3 ? r->top - (size_t)r->rows / 3 : 0;
	ui_message(ui, "Match %zu of %zu of %s (n and N: the others, q: the results)", v->hit + 1,
	           v->nhits, line);
done:
	free(t);
	free(b);
	if (rc != DESK_OK)
		return ui_error(ui, "matches: %s", desk_strerror(rc));
	return DESK_OK;
}

int
view_hits_step(struct ui *ui, const char *pattern, int backward)
{
	struct view_reader *v = ui->reader;
	int wrapped;

	if (v->hitq == NULL || strcmp(v->hitq, pattern) != 0) {
		view_hits_clear(v); /* another search: its own matches */
		return 0;
	}
	view_hits_show(ui, searchview_step(v->hit, v->nhits, backward, &wrapped));
	ui_message(ui, "Match %zu of %zu%s", v->hit + 1, v->nhits,
	           !wrapped   ? ""
	           : backward ? " (went on from the bottom)"
	                      : " (went on from the top)");
	return 1;
}

int
view_hits_at(const struct view_reader *v, int64_t cp, int title)
{
	if (v->hits == NULL)
		return 0;
	return title ? searchview_in(v->hits, v->ntitle, cp)
	             : searchview_in(v->hits + v->ntitle, v->nhits - v->ntitle, cp);
}
