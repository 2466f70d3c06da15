/*
 * view_tag.c - tagging in the reader: the article's spans and pending
 * suggestions, drawn in their label's colour (underlined where spans nest or
 * overlap) or, without colour, in brackets with the label's key; the
 * selection; and the edits, each committed by the core when its key is
 * pressed and shown once committed (the spans are read again and only the
 * lines that changed are drawn again).
 */
#include <stdlib.h>
#include <string.h>

#include "view_reader_state.h"

/* Spans at one place that o picks among, at most. */
#define VIEW_TAG_DEPTH 64

void
view_tag_unload(struct view_reader *v)
{
	desk_spans_free(v->spans);
	desk_suggestions_free(v->sugg);
	free(v->tspans);
	free(v->tsugg);
	v->spans = NULL;
	v->sugg = NULL;
	v->tspans = v->tsugg = NULL;
	v->nspans = v->nsugg = 0;
}

void
view_tag_prepare(struct ui *ui)
{
	struct view_reader *v = ui->reader;

	v->sel_start = v->sel_end = -1;
	if (v->loaded && v->anchor >= 0)
		tagging_selection(&v->sel_start, &v->sel_end, v->r.text, v->anchor, v->r.cur);
}

void
view_tag_look(struct ui *ui, int64_t cp, int base, attr_t *a, short *p)
{
	struct view_reader *v = ui->reader;
	int depth = 0;
	long i = tagging_innermost(v->tspans, v->nspans, cp, &depth);

	ui_draw_look(ui, base, a, p);
	if (base == UI_CURSOR)
		return;
	if (base == UI_MATCH) {
		/* A match on a span: the span's colour stays, reversed, so both show. */
		if (i >= 0 && v->tspans[i].label >= 0) {
			*a = ui->label_attr[v->tspans[i].label] | A_REVERSE | A_UNDERLINE;
			*p = ui->label_pair[v->tspans[i].label];
		} else if (i >= 0) {
			*a |= A_REVERSE;
		}
		return;
	}
	if (i >= 0 && v->tspans[i].label >= 0) {
		*a = ui->label_attr[v->tspans[i].label];
		*p = ui->label_pair[v->tspans[i].label];
		if (depth >= 2)
			*a |= A_UNDERLINE; /* nested or overlapping: the innermost's colour,
			                      underlined */
	} else if (i >= 0) {
		*a = A_BOLD;
	} else if (tagging_innermost(v->tsugg, v->nsugg, cp, &depth) >= 0) {
		ui_draw_look(ui, UI_SUGGEST, a, p);
	}
	if (cp >= v->sel_start && cp < v->sel_end)
		*a |= A_REVERSE;
}

/* The rows of the window showing [start, end), marked dirty. */
static void
view_tag_dirty(struct ui *ui, int64_t start, int64_t end)
{
	struct reader *r = &ui->reader->r;
	size_t head = reader_head_lines(r), a = layout_row(r->lay, start) + head;
	size_t b = layout_row(r->lay, end > start ? end - 1 : start) + head;

	for (size_t row = a; row <= b; row++)
		if (row >= r->top && row < r->top + (size_t)r->rows)
			ui_dirty_line(ui, (int)(row - r->top));
}

/*
 * Whether span x of a is in b (the same id, range and label): both are in
 * desk_spans_get's order (start, longest first, id), so a binary search.
 */
static int
view_tag_has(const struct tagging_span *b, size_t nb, const struct tagging_span *x)
{
	size_t lo = 0, hi = nb;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct tagging_span *m = &b[mid];

		if (m->start < x->start || (m->start == x->start && m->end > x->end) ||
		    (m->start == x->start && m->end == x->end && m->id < x->id))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nb && b[lo].id == x->id && b[lo].start == x->start && b[lo].end == x->end &&
	       b[lo].label == x->label;
}

int
view_tag_brackets(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	struct layout_insert *ins = NULL, *bp = NULL;
	size_t nins = 0, nbp = 0, nkeys = ui->labels ? desk_labels_count(ui->labels) : 0;
	const char **keys = malloc((nkeys ? nkeys : 1) * sizeof *keys);
	int rc;

	if (keys == NULL)
		return DESK_NOMEM;
	for (size_t i = 0; i < nkeys; i++)
		keys[i] = desk_labels_at(ui->labels, i)->key;
	/* Brackets only without colour; the claims' markers always (view_claim.c). */
	if (ui->colors == 0 &&
	    (rc = tagging_inserts(&ins, &nins, v->tspans, v->nspans, keys, nkeys)) != DESK_OK) {
		free(keys);
		return rc;
	}
	/* A terminal that cannot dim: boilerplate between [~ ~] too. */
	if (ui->bp_marks && reader_boilerplate_inserts(&v->r, ins, nins, &bp, &nbp) == DESK_OK) {
		free(ins);
		ins = bp;
		nins = nbp;
	}
	rc = view_claim_inserts(ui, ins, nins);
	free(ins);
	free(keys);
	return rc;
}

static void
view_tag_describe(struct ui *ui, const char *what, const desk_span *s)
{
	ui_message(ui, "%s: %s \u201c%s\u201d%s%s%s", what, s->label, s->text,
	           *s->entity ? " \u2192 " : "", s->entity,
	           ui->reader->revealed ? " (in the boilerplate, shown now; z hides it again)"
	                                : "");
	ui->reader->revealed = 0;
}

int
view_tag_load(struct ui *ui, int follow)
{
	struct view_reader *v = ui->reader;
	desk_spans *spans = NULL;
	desk_suggestions *sugg = NULL;
	struct tagging_span *ts = NULL, *tg = NULL;
	size_t n, ng = 0;
	int rc, brackets_before = (int)v->r.nins;

	if (!v->loaded)
		return DESK_OK;
	if (view_claim_load(ui) != DESK_OK)
		ui_error(ui, "claims: %s", desk_errmsg(ui->d)); /* the spans still show */
	if ((rc = desk_spans_get(&spans, ui->d, v->id)) != DESK_OK)
		goto done;
	if (desk_suggest_text(&sugg, ui->d, v->id, v->r.text, DESK_MATCH_EXACT) != DESK_OK)
		sugg = NULL; /* suggestions are a help: without them the spans still show */
	n = desk_spans_count(spans);
	ng = sugg ? desk_suggestions_count(sugg) : 0;
	if ((n && (ts = calloc(n, sizeof *ts)) == NULL) ||
	    (ng && (tg = calloc(ng, sizeof *tg)) == NULL)) {
		rc = DESK_NOMEM;
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const desk_span *s = desk_spans_at(spans, i);

		ts[i] =
		    (struct tagging_span){s->id, s->start, s->end, ui_label_index(ui, s->label), 0};
	}
	tagging_prepare(ts, n);
	for (size_t i = 0; i < ng; i++) {
		const desk_suggestion *s = desk_suggestions_at(sugg, i);

		tg[i] = (struct tagging_span){0, s->start, s->end, ui_label_index(ui, s->label), 0};
	}
	tagging_prepare(tg, ng);
	/* What changed: its lines are drawn again; with follow, the cursor goes there. */
	for (int pass = 0; pass < 2; pass++) {
		const struct tagging_span *a = pass ? v->tspans : ts, *b = pass ? ts : v->tspans;
		size_t na = pass ? v->nspans : n, nb = pass ? n : v->nspans;

		for (size_t i = 0; i < na; i++) {
			if (view_tag_has(b, nb, &a[i]))
				continue;
			view_tag_dirty(ui, a[i].start, a[i].end);
			if (follow) {
				const desk_span *s = desk_spans_at(pass ? v->spans : spans, i);

				ui_message(ui, "%s \u201c%s\u201d %s", s->label, s->text,
				           pass ? "gone" : "back");
				view_tag_goto(ui, a[i].start);
				follow = 0;
			}
		}
	}
	for (size_t i = 0; i < v->nsugg; i++)
		view_tag_dirty(ui, v->tsugg[i].start, v->tsugg[i].end);
	for (size_t i = 0; i < ng; i++)
		view_tag_dirty(ui, tg[i].start, tg[i].end);
	view_tag_unload(v);
	v->spans = spans;
	v->tspans = ts;
	v->nspans = n;
	v->sugg = sugg;
	v->tsugg = tg;
	v->nsugg = ng;
	spans = NULL;
	sugg = NULL;
	ts = tg = NULL;
	if ((rc = view_tag_brackets(ui)) == DESK_OK && (brackets_before || v->r.nins))
		ui_dirty_body(ui); /* brackets move the text */
done:
	desk_spans_free(spans);
	desk_suggestions_free(sugg);
	free(ts);
	free(tg);
	return rc;
}

void
view_tag_goto(struct ui *ui, int64_t cp)
{
	struct view_reader *v = ui->reader;
	struct reader *r = &v->r;
	size_t top = r->top;
	int y = reader_cursor_y(r);

	/* A place in hidden boilerplate: show it, rather than leave the cursor elsewhere. */
	if (v->hide && layout_is_hidden(r->lay, cp) && reader_set_hide(r, 0) == DESK_OK) {
		v->hide = 0;
		if (ui->bp_marks)
			view_tag_brackets(ui);
		v->revealed = 1;
		ui_dirty_all(ui);
		ui_message(ui, "It is in the boilerplate, shown now (z hides it again)");
	}
	reader_set_cursor(r, cp);
	if (r->top != top)
		ui_dirty_body(ui);
	ui_dirty_line(ui, y);
	ui_dirty_line(ui, reader_cursor_y(r));
	ui_dirty_bar(ui);
}

static int
view_tag_reader(struct ui *ui, const char *what)
{
	if (ui->view != views[VIEW_READER] || !ui->reader->loaded)
		return ui_error(ui, "%s: in the reader only", what);
	return DESK_OK;
}

/* After an edit: the spans again; an error in the message line. */
static int
view_tag_after(struct ui *ui, int rc, const char *what)
{
	if (rc != DESK_OK)
		return ui_error(ui, "%s: %s", what, desk_errmsg(ui->d));
	if ((rc = view_tag_load(ui, 0)) != DESK_OK)
		return ui_error(ui, "%s: %s", what, desk_errmsg(ui->d));
	return DESK_OK;
}

int
view_tag_select(struct ui *ui)
{
	struct view_reader *v = ui->reader;

	if (view_tag_reader(ui, "select"))
		return DESK_ERROR;
	if (v->anchor >= 0)
		return view_tag_cancel(ui);
	v->anchor = v->r.cur;
	ui_message(ui, "Selecting: move to extend it, a label's key tags it, Esc cancels");
	ui_dirty_body(ui);
	return DESK_OK;
}

int
view_tag_cancel(struct ui *ui)
{
	struct view_reader *v = ui->reader;

	if (v->anchor >= 0) {
		v->anchor = -1;
		ui_dirty_body(ui);
	}
	return DESK_OK;
}

int
view_tag_add(struct ui *ui, const char *label)
{
	struct view_reader *v = ui->reader;
	int64_t s, e, id = 0;
	const desk_span *sp;
	int rc;

	if (view_tag_reader(ui, "tag"))
		return DESK_ERROR;
	if (v->anchor >= 0) {
		tagging_selection(&s, &e, v->r.text, v->anchor, v->r.cur);
		if (s == e)
			return ui_error(ui, "tag: the selection holds only spaces");
	} else if (tagging_word_at(&s, &e, v->r.text, v->r.cur) != DESK_OK) {
		return ui_error(ui, "tag: no word under the cursor (v selects)");
	}
	rc = desk_span_add(&id, ui->d, v->id, s, e, label, 0);
	if (rc == DESK_DUPLICATE)
		return ui_error(ui, "tag: already tagged %s", label);
	if (view_tag_after(ui, rc, "tag") != DESK_OK)
		return DESK_ERROR;
	view_tag_cancel(ui);
	/* A label's key pressed by mistake (Caps Lock) tags at once: say what, and how back. */
	for (size_t i = 0; i < v->nspans; i++)
		if ((sp = desk_spans_at(v->spans, i))->id == id)
			ui_message(ui, "Tagged: %s \u201c%s\u201d (u undoes)", sp->label, sp->text);
	return DESK_OK;
}

const desk_spans *
view_tag_spans(struct ui *ui)
{
	return ui->reader->loaded ? ui->reader->spans : NULL;
}

const desk_span *
view_tag_span(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	int depth;
	long i;

	if (!v->loaded)
		return NULL;
	i = tagging_innermost(v->tspans, v->nspans, v->r.cur, &depth);
	/* The one picked with o (or in the span list), while it holds the cursor. */
	if (v->chosen != 0 && depth > 1) {
		long at[VIEW_TAG_DEPTH];
		size_t k = tagging_holding(at, VIEW_TAG_DEPTH, v->tspans, v->nspans, v->r.cur);

		for (size_t j = 0; j < k; j++)
			if (v->tspans[at[j]].id == v->chosen)
				i = at[j];
	}
	return i >= 0 ? desk_spans_at(v->spans, (size_t)i) : NULL;
}

int
view_tag_outer(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	long at[VIEW_TAG_DEPTH];
	const desk_span *s;
	size_t k, j = 0;

	if (view_tag_reader(ui, "span-outer"))
		return DESK_ERROR;
	k = tagging_holding(at, VIEW_TAG_DEPTH, v->tspans, v->nspans, v->r.cur);
	if (k == 0)
		return ui_error(ui, "span-outer: no span under the cursor");
	/* The next one out from the current pick, round to the innermost. */
	for (size_t i = 0; i < k; i++)
		if (v->tspans[at[i]].id == (s = view_tag_span(ui))->id)
			j = (i + 1) % k;
	v->chosen = v->tspans[at[j]].id;
	s = desk_spans_at(v->spans, (size_t)at[j]);
	ui_message(ui, "%s \u201c%s\u201d, %zu of %zu here (x, r, e act on it; o for the next)",
	           s->label, s->text, j + 1, k);
	return DESK_OK;
}

void
view_tag_choose(struct ui *ui, int64_t span_id)
{
	ui->reader->chosen = span_id;
}

int
view_tag_delete(struct ui *ui)
{
	const desk_span *s;
	char msg[256];

	if (view_tag_reader(ui, "untag"))
		return DESK_ERROR;
	if ((s = view_tag_span(ui)) == NULL)
		return ui_error(ui, "untag: no span under the cursor");
	snprintf(msg, sizeof msg, "Untagged %s \u201c%s\u201d (u undoes)", s->label, s->text);
	if (view_tag_after(ui, desk_span_delete(ui->d, s->id), "untag") != DESK_OK)
		return DESK_ERROR;
	ui_message(ui, "%s", msg);
	return DESK_OK;
}

int
view_tag_relabel(struct ui *ui, const char *label)
{
	const desk_span *s;
	int64_t id;

	if (view_tag_reader(ui, "relabel"))
		return DESK_ERROR;
	if ((s = view_tag_span(ui)) == NULL)
		return ui_error(ui, "relabel: no span under the cursor");
	id = s->id;
	if (view_tag_after(ui, desk_span_relabel(ui->d, id, label), "relabel") != DESK_OK)
		return DESK_ERROR;
	if ((s = view_tag_span(ui)) != NULL)
		view_tag_describe(ui, "Relabelled", s);
	return DESK_OK;
}

int
view_tag_link(struct ui *ui, const char *name)
{
	const desk_span *s;
	int64_t ent = 0;
	int rc;

	if (view_tag_reader(ui, "link"))
		return DESK_ERROR;
	if ((s = view_tag_span(ui)) == NULL)
		return ui_error(ui, "link: no span under the cursor");
	/* The entity and the link: one transaction (no entity left without its link). */
	if ((rc = desk_edit_begin(ui->d)) == DESK_OK &&
	    (name == NULL || (rc = desk_entity_ensure(&ent, ui->d, name, "")) == DESK_OK) &&
	    (rc = desk_span_link(ui->d, s->id, ent)) == DESK_OK)
		rc = desk_edit_commit(ui->d);
	if (rc != DESK_OK)
		desk_edit_rollback(ui->d);
	if (view_tag_after(ui, rc, "link") != DESK_OK)
		return DESK_ERROR;
	if ((s = view_tag_span(ui)) != NULL)
		view_tag_describe(ui, name ? "Linked" : "Unlinked", s);
	return DESK_OK;
}

int
view_tag_jump(struct ui *ui, int delta)
{
	struct view_reader *v = ui->reader;
	long i;

	if (view_tag_reader(ui, delta > 0 ? "span-next" : "span-prev"))
		return DESK_ERROR;
	i = delta > 0 ? tagging_next(v->tspans, v->nspans, v->r.cur)
	              : tagging_prev(v->tspans, v->nspans, v->r.cur);
	if (i < 0) {
		ui_message(ui, v->nspans == 0 ? "No spans in this article"
		               : delta > 0    ? "No span after the cursor"
		                              : "No span before the cursor");
		return DESK_OK;
	}
	view_tag_goto(ui, v->tspans[i].start);
	view_tag_describe(ui, "Span", desk_spans_at(v->spans, (size_t)i));
	return DESK_OK;
}

/* The suggestion under the cursor, or NULL. */
static const desk_suggestion *
view_tag_suggestion(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	int depth;
	long i = tagging_innermost(v->tsugg, v->nsugg, v->r.cur, &depth);

	return i >= 0 ? desk_suggestions_at(v->sugg, (size_t)i) : NULL;
}

int
view_tag_accept(struct ui *ui, int all)
{
	struct view_reader *v = ui->reader;
	const desk_suggestion *g;
	int64_t id;
	size_t done = 0;
	int rc = DESK_OK;

	if (view_tag_reader(ui, "accept"))
		return DESK_ERROR;
	if (!all) {
		if ((g = view_tag_suggestion(ui)) == NULL)
			return ui_error(ui, "accept: no suggestion under the cursor");
		if (view_tag_after(ui, desk_suggestion_accept(&id, ui->d, g), "accept") != DESK_OK)
			return DESK_ERROR;
		ui_message(ui, "Accepted");
		return DESK_OK;
	}
	rc = desk_suggestions_accept(&done, ui->d, v->sugg); /* one edit, one undo step */
	if (view_tag_after(ui, rc, "accept") != DESK_OK)
		return DESK_ERROR;
	ui_message(ui, "Accepted %zu suggestions", done);
	return DESK_OK;
}

size_t
view_tag_suggestions(struct ui *ui)
{
	return ui->reader->loaded ? ui->reader->nsugg : 0;
}

int
view_tag_reject(struct ui *ui)
{
	const desk_suggestion *g;

	if (view_tag_reader(ui, "reject"))
		return DESK_ERROR;
	if ((g = view_tag_suggestion(ui)) == NULL)
		return ui_error(ui, "reject: no suggestion under the cursor");
	if (view_tag_after(ui, desk_suggestion_reject(ui->d, g), "reject") != DESK_OK)
		return DESK_ERROR;
	ui_message(ui, "Rejected: it will not be suggested again");
	return DESK_OK;
}

int
view_tag_same(struct ui *ui, int article_only, int dry, size_t *count)
{
	desk_suggestions *sugg = NULL;
	const desk_span *s;
	size_t n, done = 0;
	int rc;

	*count = 0;
	if (view_tag_reader(ui, "tag-all"))
		return DESK_ERROR;
	if ((s = view_tag_span(ui)) == NULL)
		return ui_error(ui, "tag-all: no span under the cursor");
	if ((rc = desk_suggest_same(&sugg, ui->d, s->id, article_only,
	                            ui->fold ? DESK_MATCH_FOLD_CASE | DESK_MATCH_FOLD_ACCENT
	                                     : DESK_MATCH_EXACT)) != DESK_OK)
		return ui_error(ui, "tag-all: %s", desk_errmsg(ui->d));
	n = desk_suggestions_count(sugg);
	if (!dry)
		rc = desk_suggestions_accept(&done, ui->d, sugg); /* one edit, one undo step */
	desk_suggestions_free(sugg);
	*count = dry ? n : done;
	if (dry)
		return DESK_OK;
	return view_tag_after(ui, rc, "tag-all");
}
