/*
 * view_claim.c - fact verification in the reader: the article's claims
 * between ⟦ ⟧ with their verdict's key and status sign (in the verdict's
 * colour), check-worthy candidates in italics (and between dim ⟨ ⟩ after
 * :candidates), read again with the spans (view_tag_load) so that an edit
 * or another editor's change shows; the claim and candidate under the cursor, and moving between
 * them.  The markers are display-only inserts (claimview.c), so the cursor never goes on them.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "claimview.h"
#include "view_reader_state.h"
#include "view_claim.h"

struct view_claim {
	desk_claims *claims;
	struct tagging_span *tclaims; /* by start, longest first; label: the index in claims */
	size_t nclaims;
	desk_candidate *raw; /* desk_candidates of the article's body (it never changes) */
	size_t nraw;
	int64_t raw_article;
	desk_candidate *cands;       /* raw, less those claimed or dismissed */
	struct tagging_span *tcands; /* label: the index in cands */
	size_t ncands;
	struct layout_insert *ins; /* the reader's inserts, as last set */
	struct claimview_looks *looks;
	size_t nins;
};

void
view_claim_unload(struct view_reader *v)
{
	struct view_claim *c = v->claim;

	if (c == NULL)
		return;
	desk_claims_free(c->claims);
	free(c->tclaims);
	free(c->raw);
	free(c->cands);
	free(c->tcands);
	free(c->ins);
	free(c->looks);
	free(c);
	v->claim = NULL;
}

int
view_claim_verdicts(struct ui *ui)
{
	desk_verdicts *vs = NULL;
	int rc;

	if ((rc = desk_verdicts_get(&vs, ui->d)) != DESK_OK)
		return rc;
	desk_verdicts_free(ui->verdicts);
	ui->verdicts = vs;
	for (size_t i = 0; i < desk_verdicts_count(vs) && i < UI_MAXVERDICTS; i++) {
		const desk_verdict *vd = desk_verdicts_at(vs, i);
		short pair = (short)(UI_NATTRS + i), fg;

		ui->verdict_attr[i] = A_BOLD;
		ui->verdict_pair[i] = 0;
		if (ui->colors == 0)
			continue;
		fg =
		    ui->colors == 256 && vd->color256 >= 0 ? (short)vd->color256 : (short)vd->color;
		if (pair < COLOR_PAIRS &&
		    init_pair(pair, fg, ui->default_colors ? -1 : COLOR_BLACK) == OK)
			ui->verdict_pair[i] = pair;
	}
	return DESK_OK;
}

int
view_claim_verdict_index(struct ui *ui, const char *name)
{
	size_t n = ui->verdicts ? desk_verdicts_count(ui->verdicts) : 0;

	for (size_t i = 0; name && *name && i < n && i < UI_MAXVERDICTS; i++)
		if (strcmp(desk_verdicts_at(ui->verdicts, i)->name, name) == 0)
			return (int)i;
	return -1;
}

void
view_claim_status_look(struct ui *ui, const desk_claim *c, attr_t *a, short *p)
{
	int i = view_claim_verdict_index(ui, c->verdict);

	if (i < 0) {
		ui_draw_look(ui, UI_CLAIM, a, p);
		return;
	}
	*a = ui->verdict_attr[i];
	*p = ui->verdict_pair[i];
}

/* Sort index arrays by start, longest first (desk_spans_get's order, as tagging.c wants). */
static int
view_claim_cmp(const void *x, const void *y)
{
	const struct tagging_span *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

int
view_claim_load(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	struct view_claim *c;
	desk_claim_filter f = {v->id, DESK_CLAIM_ANY, NULL};
	int rc;

	if (ui->verdicts == NULL && (rc = view_claim_verdicts(ui)) != DESK_OK)
		return rc;
	if (v->claim == NULL && (v->claim = calloc(1, sizeof *v->claim)) == NULL)
		return DESK_NOMEM;
	c = v->claim;
	desk_claims_free(c->claims);
	free(c->tclaims);
	free(c->cands);
	free(c->tcands);
	c->claims = NULL;
	c->tclaims = c->tcands = NULL;
	c->cands = NULL;
	c->nclaims = c->ncands = 0;
	if ((rc = desk_claims_get(&c->claims, ui->d, &f)) != DESK_OK)
		return rc;
	c->nclaims = desk_claims_count(c->claims);
	if (c->nclaims && (c->tclaims = calloc(c->nclaims, sizeof *c->tclaims)) == NULL)
		return DESK_NOMEM;
	for (size_t i = 0; i < c->nclaims; i++) {
		const desk_claim *cl = desk_claims_at(c->claims, i);

		c->tclaims[i] = (struct tagging_span){cl->id, cl->start, cl->end, (int)i, 0};
	}
	if (c->nclaims > 1)
		qsort(c->tclaims, c->nclaims, sizeof *c->tclaims, view_claim_cmp);
	tagging_prepare(c->tclaims, c->nclaims);
	/* Candidates are a help: without them the claims still show. */
	if (c->raw_article != v->id) {
		free(c->raw);
		c->raw = NULL;
		c->nraw = 0;
		c->raw_article =
		    desk_candidates(&c->raw, &c->nraw, v->r.text) == DESK_OK ? v->id : 0;
	}
	if (c->nraw && (c->cands = malloc(c->nraw * sizeof *c->cands)) != NULL) {
		memcpy(c->cands, c->raw, c->nraw * sizeof *c->cands);
		c->ncands = c->nraw;
		if (desk_claim_candidates_filter(c->cands, &c->ncands, ui->d, v->id) != DESK_OK)
			c->ncands = 0;
	}
	if (c->ncands && (c->tcands = calloc(c->ncands, sizeof *c->tcands)) == NULL) {
		c->ncands = 0;
		return DESK_NOMEM;
	}
	for (size_t i = 0; i < c->ncands; i++)
		c->tcands[i] = (struct tagging_span){(int64_t)i + 1, c->cands[i].start,
		                                     c->cands[i].end, (int)i, 0};
	if (c->ncands > 1)
		qsort(c->tcands, c->ncands, sizeof *c->tcands, view_claim_cmp);
	tagging_prepare(c->tcands, c->ncands);
	return DESK_OK;
}

int
view_claim_inserts(struct ui *ui, const struct layout_insert *spans, size_t nspans)
{
	struct view_reader *v = ui->reader;
	struct view_claim *c = v->claim;
	struct claimview_mark *cl = NULL, *ca = NULL;
	size_t ncl = c ? c->nclaims : 0, nca = c && ui->cand_marks ? c->ncands : 0;
	int rc = DESK_NOMEM;

	if (c == NULL)
		return reader_set_inserts(&v->r, spans, nspans);
	if ((ncl && (cl = calloc(ncl, sizeof *cl)) == NULL) ||
	    (nca && (ca = calloc(nca, sizeof *ca)) == NULL))
		goto done;
	for (size_t i = 0; i < ncl; i++) {
		const desk_claim *x = desk_claims_at(c->claims, i);
		int vi = view_claim_verdict_index(ui, x->verdict);

		cl[i].start = x->start;
		cl[i].end = x->end;
		cl[i].look = vi + 1; /* 0: no verdict */
		claimview_tag(cl[i].tag, sizeof cl[i].tag,
		              vi >= 0 ? desk_verdicts_at(ui->verdicts, (size_t)vi)->key : "",
		              x->status);
	}
	for (size_t i = 0; i < nca; i++) {
		ca[i].start = c->cands[i].start;
		ca[i].end = c->cands[i].end;
	}
	free(c->ins);
	free(c->looks);
	c->ins = NULL;
	c->looks = NULL;
	c->nins = 0;
	if ((rc = claimview_inserts(&c->ins, &c->looks, &c->nins, spans, nspans, cl, ncl, ca,
	                            nca)) == DESK_OK)
		rc = reader_set_inserts(&v->r, c->ins, c->nins);
done:
	free(cl);
	free(ca);
	return rc;
}

void
view_claim_draw_insert(struct ui *ui, int row, const struct layout_cell *cell)
{
	struct view_claim *c = ui->reader->claim;
	const struct claimview_looks *lk = NULL;
	wchar_t wc[LAYOUT_ESCMAX];
	size_t n = mbstowcs(wc, cell->esc, LAYOUT_ESCMAX - 1), lo = 0, hi = c ? c->nins : 0;
	int maxx = getmaxx(ui->body);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->ins[mid].cp < cell->cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (c && lo < c->nins && c->ins[lo].cp == cell->cp)
		lk = &c->looks[lo];
	/* looks are by column: a wide label key takes two. */
	for (size_t i = 0, x = 0; n != (size_t)-1 && i < n && cell->col + (int)x < maxx;
	     x += (size_t)desk_char_width((uint32_t)wc[i]), i++) {
		char k = lk && x < sizeof lk->look ? lk->look[x] : CLAIMVIEW_SPAN;
		wchar_t one[2] = {wc[i], L'\0'};
		attr_t a;
		short p;
		cchar_t cc;

		if (k == CLAIMVIEW_CANDIDATE) {
			ui_draw_look(ui, UI_CANDIDATE, &a, &p);
		} else if (k >= CLAIMVIEW_CLAIM && k < CLAIMVIEW_CLAIM + 26) {
			int vi = k - CLAIMVIEW_CLAIM - 1;

			ui_draw_look(ui, UI_CLAIM, &a, &p);
			if (vi >= 0 && vi < UI_MAXVERDICTS) {
				a = ui->verdict_attr[vi];
				p = ui->verdict_pair[vi];
			}
		} else {
			ui_draw_look(ui, UI_BRACKET, &a, &p);
		}
		if (setcchar(&cc, one, a, p, NULL) == OK)
			mvwadd_wch(ui->body, row, cell->col + (int)x, &cc);
	}
}

void
view_claim_look(struct ui *ui, int64_t cp, int base, attr_t *a)
{
	struct view_claim *c = ui->reader->claim;
	int depth;

	if (c == NULL || base == UI_CURSOR || base == UI_MATCH)
		return;
	if (tagging_innermost(c->tcands, c->ncands, cp, &depth) >= 0)
		*a |= A_ITALIC;
}

const desk_claim *
view_claim_at_cursor(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	struct view_claim *c = v->claim;
	int depth;
	long i;

	if (!v->loaded || c == NULL)
		return NULL;
	i = tagging_innermost(c->tclaims, c->nclaims, v->r.cur, &depth);
	return i >= 0 ? desk_claims_at(c->claims, (size_t)c->tclaims[i].label) : NULL;
}

const desk_candidate *
view_claim_candidate(struct ui *ui)
{
	struct view_reader *v = ui->reader;
	struct view_claim *c = v->claim;
	int depth;
	long i;

	if (!v->loaded || c == NULL)
		return NULL;
	i = tagging_innermost(c->tcands, c->ncands, v->r.cur, &depth);
	return i >= 0 ? &c->cands[c->tcands[i].label] : NULL;
}

const desk_claim *
view_claim_find(struct ui *ui, int64_t id)
{
	struct view_claim *c = ui->reader->claim;

	for (size_t i = 0; c && i < c->nclaims; i++)
		if (desk_claims_at(c->claims, i)->id == id)
			return desk_claims_at(c->claims, i);
	return NULL;
}

int
view_claim_next(long *out, int64_t *start, struct ui *ui, int candidates, int delta)
{
	struct view_reader *v = ui->reader;
	struct view_claim *c = v->claim;
	const struct tagging_span *s =
	    candidates ? (c ? c->tcands : NULL) : (c ? c->tclaims : NULL);
	size_t n = c ? (candidates ? c->ncands : c->nclaims) : 0;
	const char *what = candidates ? "candidate" : "claim";
	long i;

	*out = -1;
	if (ui->view != views[VIEW_READER] || !v->loaded)
		return ui_error(ui, "%s-%s: in the reader only", what, delta > 0 ? "next" : "prev");
	i = delta > 0 ? tagging_next(s, n, v->r.cur) : tagging_prev(s, n, v->r.cur);
	if (i < 0) {
		ui_message(ui, "No %s %s the cursor%s", what, delta > 0 ? "after" : "before",
		           n == 0 ? " (none in this article)" : "");
		return DESK_OK;
	}
	*out = i;
	*start = s[i].start;
	return DESK_OK;
}

void
view_claim_tell(struct ui *ui, int candidates, long i)
{
	struct view_claim *c = ui->reader->claim;

	if (candidates) {
		const desk_candidate *k = &c->cands[c->tcands[i].label];
		char why[128] = "";
		size_t len = 0;

		for (int f = 1; f <= DESK_WHY_COMPARISON && len < sizeof why; f <<= 1)
			if (k->why & f)
				len += (size_t)snprintf(why + len, sizeof why - len, "%s%s",
				                        len ? ", " : "", desk_why_name(f));
		ui_message(ui, "Candidate (%s): c makes it a claim, d dismisses it", why);
	} else {
		view_claim_describe(ui, "Claim",
		                    desk_claims_at(c->claims, (size_t)c->tclaims[i].label));
	}
}

void
view_claim_describe(struct ui *ui, const char *what, const desk_claim *c)
{
	int vi = view_claim_verdict_index(ui, c->verdict);
	char rep[64] = "";

	if (c->repeats)
		snprintf(rep, sizeof rep, ", also in %lld article%s", (long long)c->repeats,
		         c->repeats == 1 ? "" : "s");
	ui_message(ui, "%s: %s, %s, %zu evidence%s: \u201c%s\u201d", what,
	           desk_claim_status_name(c->status),
	           vi >= 0 ? desk_verdicts_at(ui->verdicts, (size_t)vi)->label : "no verdict",
	           c->nevidence, rep, c->text);
}
