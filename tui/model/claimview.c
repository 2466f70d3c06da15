/*
 * claimview.c - fact verification's plain logic for the interface (see
 * claimview.h): no curses, no database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimview.h"

const char *
claimview_sign(desk_claim_status s)
{
	switch (s) {
	case DESK_CLAIM_PROPOSED:
		return "~";
	case DESK_CLAIM_VERIFIED:
		return "\u2713";
	case DESK_CLAIM_DISPUTED:
		return "\u2717";
	default:
		return "?";
	}
}

void
claimview_tag(char *buf, size_t size, const char *verdict_key, desk_claim_status s)
{
	snprintf(buf, size, "%s%s", verdict_key ? verdict_key : "", claimview_sign(s));
}

/* An insert being built: its text, width and looks. */
static void
claimview_put(struct layout_insert *in, struct claimview_looks *lk, const char *s, char look)
{
	size_t n = strlen(in->text), k = strlen(s);

	if (n + k >= sizeof in->text)
		return; /* no room: left out, as tagging_put does */
	memcpy(in->text + n, s, k + 1);
	for (int w = desk_utf8_width(s, k); w > 0; w--) {
		if (in->width < (int)sizeof lk->look)
			lk->look[in->width] = look;
		in->width++;
	}
}

/* One event at an offset: kind orders them (closes first, then opens). */
enum {
	CLAIMVIEW_EV_SPAN_CLOSE,
	CLAIMVIEW_EV_CLAIM_CLOSE,
	CLAIMVIEW_EV_CAND_CLOSE,
	CLAIMVIEW_EV_CAND_OPEN,
	CLAIMVIEW_EV_CLAIM_OPEN,
	CLAIMVIEW_EV_SPAN_OPEN,
};

struct claimview_ev {
	int64_t cp;
	int kind;
	size_t i; /* the insert or mark */
	size_t seq;
};

static int
claimview_ev_cmp(const void *a, const void *b)
{
	const struct claimview_ev *x = a, *y = b;

	if (x->cp != y->cp)
		return x->cp < y->cp ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	/* Claims opening at one place: the longest (outermost) first; closing: the last opened
	 * first. */
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A span insert's text splits at its first '[': what closes, then what opens. */
static size_t
claimview_span_split(const struct layout_insert *in)
{
	const char *b = strchr(in->text, '[');

	return b ? (size_t)(b - in->text) : strlen(in->text);
}

static void
claimview_put_span(struct layout_insert *in, struct claimview_looks *lk,
                   const struct layout_insert *sp, int open)
{
	size_t cut = claimview_span_split(sp);
	char part[LAYOUT_ESCMAX];

	if (open)
		snprintf(part, sizeof part, "%s", sp->text + cut);
	else
		snprintf(part, sizeof part, "%.*s", (int)cut, sp->text);
	claimview_put(in, lk, part, CLAIMVIEW_SPAN);
}

/* Order claims by start, longest first, so that an outer claim's events sort before an inner's. */
static size_t *
claimview_order(const struct claimview_mark *m, size_t n)
{
	size_t *o = malloc((n ? n : 1) * sizeof *o);

	if (o == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		while (j > 0 && (m[o[j - 1]].start > m[i].start ||
		                 (m[o[j - 1]].start == m[i].start && m[o[j - 1]].end < m[i].end))) {
			o[j] = o[j - 1];
			j--;
		}
		o[j] = i;
	}
	return o;
}

int
claimview_inserts(struct layout_insert **out, struct claimview_looks **looks, size_t *n,
                  const struct layout_insert *spans, size_t nspans,
                  const struct claimview_mark *claims, size_t nclaims,
                  const struct claimview_mark *cands, size_t ncands)
{
	struct claimview_ev *ev = NULL;
	struct layout_insert *ins = NULL;
	struct claimview_looks *lk = NULL;
	size_t nev = 0, nins = 0, *order = NULL, total = 2 * nspans + 2 * nclaims + 2 * ncands;
	int rc = DESK_NOMEM;

	*out = NULL;
	*looks = NULL;
	*n = 0;
	if (total == 0)
		return DESK_OK;
	if ((ev = malloc(total * sizeof *ev)) == NULL ||
	    (ins = calloc(total, sizeof *ins)) == NULL ||
	    (lk = calloc(total, sizeof *lk)) == NULL ||
	    (order = claimview_order(claims, nclaims)) == NULL)
		goto done;
	for (size_t i = 0; i < nspans; i++) {
		ev[nev++] = (struct claimview_ev){spans[i].cp, CLAIMVIEW_EV_SPAN_CLOSE, i, 0};
		ev[nev++] = (struct claimview_ev){spans[i].cp, CLAIMVIEW_EV_SPAN_OPEN, i, 0};
	}
	for (size_t k = 0; k < nclaims; k++) {
		size_t i = order[k];

		ev[nev++] = (struct claimview_ev){claims[i].start, CLAIMVIEW_EV_CLAIM_OPEN, i, k};
		ev[nev++] =
		    (struct claimview_ev){claims[i].end, CLAIMVIEW_EV_CLAIM_CLOSE, i, nclaims - k};
	}
	for (size_t i = 0; i < ncands; i++) {
		ev[nev++] = (struct claimview_ev){cands[i].start, CLAIMVIEW_EV_CAND_OPEN, i, i};
		ev[nev++] =
		    (struct claimview_ev){cands[i].end, CLAIMVIEW_EV_CAND_CLOSE, i, ncands - i};
	}
	qsort(ev, nev, sizeof *ev, claimview_ev_cmp);
	for (size_t e = 0; e < nev; e++) {
		struct layout_insert *in;
		struct claimview_looks *l;
		const struct claimview_ev *x = &ev[e];

		if (nins == 0 || ins[nins - 1].cp != x->cp)
			ins[nins++].cp = x->cp;
		in = &ins[nins - 1];
		l = &lk[nins - 1];
		switch (x->kind) {
		case CLAIMVIEW_EV_SPAN_CLOSE:
		case CLAIMVIEW_EV_SPAN_OPEN:
			claimview_put_span(in, l, &spans[x->i], x->kind == CLAIMVIEW_EV_SPAN_OPEN);
			break;
		case CLAIMVIEW_EV_CLAIM_OPEN:
			claimview_put(in, l, CLAIMVIEW_OPEN,
			              (char)(CLAIMVIEW_CLAIM + claims[x->i].look));
			claimview_put(in, l, claims[x->i].tag,
			              (char)(CLAIMVIEW_CLAIM + claims[x->i].look));
			claimview_put(in, l, " ", (char)(CLAIMVIEW_CLAIM + claims[x->i].look));
			break;
		case CLAIMVIEW_EV_CLAIM_CLOSE:
			claimview_put(in, l, CLAIMVIEW_CLOSE,
			              (char)(CLAIMVIEW_CLAIM + claims[x->i].look));
			break;
		case CLAIMVIEW_EV_CAND_OPEN:
			claimview_put(in, l, CLAIMVIEW_CAND_OPEN, CLAIMVIEW_CANDIDATE);
			break;
		default:
			claimview_put(in, l, CLAIMVIEW_CAND_CLOSE, CLAIMVIEW_CANDIDATE);
			break;
		}
	}
	/* A span insert may have been empty on one side: drop inserts left with no text. */
	for (size_t i = 0; i < nins; i++) {
		if (ins[i].width == 0)
			continue;
		ins[*n] = ins[i];
		lk[*n] = lk[i];
		++*n;
	}
	*out = ins;
	*looks = lk;
	ins = NULL;
	lk = NULL;
	rc = DESK_OK;
done:
	free(ev);
	free(ins);
	free(lk);
	free(order);
	return rc;
}

char *
claimview_render(const struct layout *l, size_t row, const struct layout_insert *ins,
                 const struct claimview_looks *looks, size_t n)
{
	struct layout_cell *cells = NULL;
	char *text = NULL, *under = NULL, *out = NULL;
	size_t ncells, len;
	int cols;

	if ((text = layout_render_line(l, row)) == NULL ||
	    (cells = malloc((size_t)l->width * sizeof *cells)) == NULL ||
	    (under = malloc((size_t)l->width * LAYOUT_ESCMAX + 1)) == NULL)
		goto done;
	ncells = layout_cells(l, row, cells, (size_t)l->width);
	cols = l->lines[row].indent;
	memset(under, ' ', (size_t)cols);
	for (size_t i = 0; i < ncells; i++) {
		const struct layout_cell *c = &cells[i];
		const struct claimview_looks *lk = NULL;
		int w = c->kind == LAYOUT_LONE ? 1 : c->width;

		for (size_t k = 0; c->kind == LAYOUT_INSERT && k < n; k++)
			if (ins[k].cp == c->cp)
				lk = &looks[k];
		for (int j = 0; j < w; j++)
			under[cols++] = lk && j < (int)sizeof lk->look ? lk->look[j] : ' ';
	}
	under[cols] = '\0';
	len = strlen(text) + (size_t)cols + 2;
	if ((out = malloc(len)) != NULL)
		snprintf(out, len, "%s\n%s", text, under);
done:
	free(text);
	free(cells);
	free(under);
	return out;
}

/* --- A claim's history ----------------------------------------------------- */

/* What the action did, for an event and for the one an undo or redo names. */
static void
claimview_what(char *buf, size_t size, const char *action, const desk_claim_event *e,
               int64_t claim_id, const char *verdict)
{
	if (strcmp(action, "claim-add") == 0)
		snprintf(buf, size, "marked it as a claim");
	else if (strcmp(action, "claim-delete") == 0)
		snprintf(buf, size, "deleted the claim");
	else if (strcmp(action, "research-verdict") == 0)
		snprintf(buf, size, *e->verdict ? "set the verdict to %s" : "took the verdict away",
		         verdict);
	else if (strcmp(action, "research-note") == 0)
		snprintf(buf, size, *e->text ? "wrote the note \u201c%s\u201d" : "cleared the note",
		         e->text);
	else if (strcmp(action, "evidence-add") == 0)
		snprintf(buf, size, "added evidence from %s", *e->text ? e->text : "a source");
	else if (strcmp(action, "evidence-delete") == 0)
		snprintf(buf, size, "deleted the evidence from %s",
		         *e->text ? e->text : "a source");
	else if (strcmp(action, "claim-dispute") == 0)
		snprintf(buf, size,
		         *e->text ? "disputed the verdict: \u201c%s\u201d" : "disputed the verdict",
		         e->text);
	else if (strcmp(action, "claim-approve") == 0)
		snprintf(buf, size, "approved the verdict");
	else if (strcmp(action, "claim-apply") == 0 && e->claim_id != claim_id && e->this_claim)
		snprintf(buf, size,
		         "marked it as a repeat of claim %lld, with that claim's research",
		         (long long)e->claim_id);
	else if (strcmp(action, "claim-apply") == 0)
		snprintf(buf, size, "gave the research to its repeats in other articles");
	else
		snprintf(buf, size, "%s", action);
}

void
claimview_event(char *buf, size_t size, const desk_claim_event *e, int64_t claim_id,
                const char *verdict_label, const char *prev_status)
{
	const char *verdict = verdict_label ? verdict_label : e->verdict;
	char what[512];
	size_t n;

	if (size == 0)
		return;
	if (strcmp(e->action, "undo") == 0 || strcmp(e->action, "redo") == 0) {
		static const char *const nouns[][2] = {
		    {"claim-add", "the marking of the claim"},
		    {"claim-delete", "the deletion of the claim"},
		    {"research-verdict", "a change of verdict"},
		    {"research-note", "a change of the note"},
		    {"evidence-add", "an addition of evidence"},
		    {"evidence-delete", "a deletion of evidence"},
		    {"claim-dispute", "the dispute"},
		    {"claim-approve", "the approval"},
		    {"claim-apply", "giving the research to its repeats"},
		};
		const char *noun = e->undid;

		for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
			if (strcmp(e->undid, nouns[i][0]) == 0)
				noun = nouns[i][1];
		snprintf(what, sizeof what, "%s", noun);
		if (*e->verdict && strcmp(e->undid, "research-verdict") == 0)
			snprintf(buf, size, "%s %s (the verdict: %s)",
			         strcmp(e->action, "undo") == 0 ? "undid" : "redid", what, verdict);
		else
			snprintf(buf, size, "%s %s",
			         strcmp(e->action, "undo") == 0 ? "undid" : "redid", what);
	} else {
		claimview_what(buf, size, e->action, e, claim_id, verdict);
	}
	/* A change of status: "proposed" says who proposed, "check" that it went back. */
	n = strlen(buf);
	if (prev_status == NULL || *prev_status == '\0')
		prev_status = "check"; /* a claim begins to be checked */
	if (*e->status && strcmp(e->status, prev_status) != 0 &&
	    strcmp(e->action, "claim-dispute") != 0 && strcmp(e->action, "claim-approve") != 0 &&
	    n + 2 < size)
		snprintf(buf + n, size - n, "; %s", e->status);
}

void
claimview_event_time(char buf[20], const char *at)
{
	snprintf(buf, 20, "%s", at ? at : "");
	if (strlen(buf) > 10 && buf[10] == 'T')
		buf[10] = ' ';
}

/* --- The evidence form ---------------------------------------------------- */

static const char *const evform_labels[EVFORM_NFIELDS] = {
    [EVFORM_SOURCE] = "Source (URL or citation)",
    [EVFORM_QUOTE] = "Quote",
    [EVFORM_CONSULTED] = "Consulted (YYYY-MM-DD)",
};

int
evform_init(struct evform *f, const char *today)
{
	memset(f, 0, sizeof *f);
	for (int i = 0; i < EVFORM_NFIELDS; i++) {
		if ((f->value[i] = strdup(i == EVFORM_CONSULTED && today ? today : "")) == NULL) {
			evform_free(f);
			return DESK_NOMEM;
		}
	}
	return DESK_OK;
}

void
evform_free(struct evform *f)
{
	for (int i = 0; i < EVFORM_NFIELDS; i++)
		free(f->value[i]);
	memset(f, 0, sizeof *f);
}

const char *
evform_label(const struct evform *f)
{
	return f->field >= 0 && f->field < EVFORM_NFIELDS ? evform_labels[f->field] : "";
}

const char *
evform_value(const struct evform *f)
{
	return f->field >= 0 && f->field < EVFORM_NFIELDS && f->value[f->field] ? f->value[f->field]
	                                                                        : "";
}

int
evform_accept(struct evform *f, const char *text)
{
	char *s;

	if (f->field < 0 || f->field >= EVFORM_NFIELDS)
		return f->field;
	if ((s = strdup(text)) == NULL)
		return DESK_NOMEM;
	free(f->value[f->field]);
	f->value[f->field] = s;
	return ++f->field;
}

int
evform_refused(struct evform *f, const char *field)
{
	/* The core names the field as data (desk_errfield): "source", "quote", "consulted". */
	static const char *const names[EVFORM_NFIELDS] = {
	    [EVFORM_SOURCE] = "source",
	    [EVFORM_QUOTE] = "quote",
	    [EVFORM_CONSULTED] = "consulted",
	};

	f->field = EVFORM_SOURCE;
	for (int i = 0; field && i < EVFORM_NFIELDS; i++)
		if (strcmp(field, names[i]) == 0)
			f->field = i;
	return f->field;
}
