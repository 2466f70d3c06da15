/*
 * goldview.c - the adjudication view's lines (goldview.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "goldview.h"

void
goldview_free(struct goldview *gv)
{
	for (size_t i = 0; i < gv->n; i++)
		free(gv->v[i].text);
	free(gv->v);
	memset(gv, 0, sizeof *gv);
}

static int goldview_add(struct goldview *gv, size_t unit, int head, int dim, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int
goldview_add(struct goldview *gv, size_t unit, int head, int dim, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return DESK_NOMEM;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (gv->n == gv->cap) {
		size_t cap = gv->cap ? 2 * gv->cap : 16;
		struct goldview_line *v = realloc(gv->v, cap * sizeof *v);

		if (v == NULL) {
			free(s);
			return DESK_NOMEM;
		}
		gv->v = v;
		gv->cap = cap;
	}
	gv->v[gv->n++] = (struct goldview_line){s, unit, head, dim};
	return DESK_OK;
}

/* What the gold layer holds of unit u: "gold: PER Bà Lan, ..." / "gold: none" / "". */
static int
goldview_gold(char **out, const desk_gold_diff *g, const desk_gold_unit *u)
{
	const desk_gold *gl = desk_gold_diff_gold(g);
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	int any = 0;

	if (f == NULL)
		return DESK_NOMEM;
	for (size_t i = 0; i < desk_gold_count(gl); i++) {
		const desk_gold_span *gs = desk_gold_at(gl, i);
		int mine = 0;

		for (size_t k = u->first; k < u->first + u->n; k++)
			mine |= desk_gold_diff_span(g, k)->id == gs->span_id;
		if (!mine)
			continue;
		fprintf(f, "%s%s %s %lld-%lld", any ? ", " : "  gold: ", gs->label, gs->text,
		        (long long)gs->start, (long long)gs->end);
		any = 1;
	}
	if (!any && desk_gold_exists(gl))
		fputs("  gold: none", f);
	else if (!any)
		fputs("  not settled", f);
	if (fclose(f) != 0) {
		free(s);
		return DESK_NOMEM;
	}
	*out = s;
	return DESK_OK;
}

int
goldview_lines(struct goldview *out, const desk_gold_diff *g)
{
	struct goldview gv = {0};
	int rc = DESK_OK;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < desk_gold_diff_units(g) && rc == DESK_OK; i++) {
		const desk_gold_unit *u = desk_gold_diff_unit(g, i);
		char *gold = NULL;

		if ((rc = goldview_gold(&gold, g, u)) != DESK_OK)
			break;
		rc = goldview_add(&gv, i, 1, u->agreed, "%lld-%lld %s%s", (long long)u->start,
		                  (long long)u->end, u->agreed ? "agreed" : "differs", gold);
		free(gold);
		for (size_t k = u->first; k < u->first + u->n && rc == DESK_OK; k++) {
			const desk_gold_dspan *s = desk_gold_diff_span(g, k);

			rc =
			    goldview_add(&gv, i, 0, u->agreed, "  %zu %s  %s %s %lld-%lld",
			                 s->editor + 1, desk_gold_diff_editor(g, s->editor),
			                 s->label, s->text, (long long)s->start, (long long)s->end);
		}
	}
	if (rc != DESK_OK) {
		goldview_free(&gv);
		return DESK_NOMEM;
	}
	*out = gv;
	return DESK_OK;
}

size_t
goldview_line_of(const struct goldview *gv, size_t u)
{
	for (size_t i = 0; i < gv->n; i++)
		if (gv->v[i].unit == u)
			return i;
	return 0;
}

size_t
goldview_next_any(const desk_gold_diff *g, const desk_gold_vdiff *v, size_t cur, int dir)
{
	size_t units = desk_gold_diff_units(g), n = units + (v ? desk_gold_vdiff_groups(v) : 0);

	for (size_t step = 1; step < n; step++) {
		size_t i = dir > 0 ? (cur + step) % n : (cur + n - step % n) % n;

		if (i >= units || !desk_gold_diff_unit(g, i)->agreed)
			return i;
	}
	return cur;
}

size_t
goldview_next_diff(const desk_gold_diff *g, size_t cur, int dir)
{
	return goldview_next_any(g, NULL, cur, dir);
}

int
goldview_vlines(struct goldview *gv, size_t base, const desk_gold_vdiff *v)
{
	size_t had = gv->n;
	int rc = DESK_OK;

	for (size_t i = 0; i < desk_gold_vdiff_groups(v) && rc == DESK_OK; i++) {
		const desk_gold_vgroup *gr = desk_gold_vdiff_group(v, i);

		if (gr->settled_id)
			rc =
			    goldview_add(gv, base + i, 1, 0,
			                 "%lld-%lld claims' verdicts differ  gold: %s (claim %lld)",
			                 (long long)gr->start, (long long)gr->end, gr->verdict,
			                 (long long)gr->kept_claim);
		else
			rc = goldview_add(gv, base + i, 1, 0,
			                  "%lld-%lld claims' verdicts differ  not settled",
			                  (long long)gr->start, (long long)gr->end);
		for (size_t k = 0; k < gr->n && rc == DESK_OK; k++) {
			const desk_gold_claim *c = desk_gold_vdiff_claim(v, gr->first + k);

			rc = goldview_add(
			    gv, base + i, 0, 0, "  %zu %s  %s claim %lld %lld-%lld %s", k + 1,
			    c->author, c->verdict ? c->verdict : "(no verdict)", (long long)c->id,
			    (long long)c->start, (long long)c->end, c->text);
		}
	}
	if (rc != DESK_OK) {
		while (gv->n > had)
			free(gv->v[--gv->n].text);
		return DESK_NOMEM;
	}
	return DESK_OK;
}

void
goldview_count(const desk_gold_diff *g, size_t *differ, size_t *settled)
{
	*differ = *settled = 0;
	for (size_t i = 0; i < desk_gold_diff_units(g); i++) {
		const desk_gold_unit *u = desk_gold_diff_unit(g, i);

		if (u->agreed)
			continue;
		(*differ)++;
		*settled += u->settled || desk_gold_exists(desk_gold_diff_gold(g));
	}
}
