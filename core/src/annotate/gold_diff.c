/*
 * gold_diff.c - where the editors' layers of an article differ (gold.h), and
 * settling each difference: take one editor's spans, all, none, or an edit.
 *
 * The units: a span that every editor who annotated the article has, with
 * the same range and label, is an agreed unit (shown dimmed); the other
 * spans fall in groups of spans that overlap one another (a span alone is
 * a group of one: not every editor has it).  A unit's gold spans are those
 * taken (or edited) from its spans, found by the span they came from, so
 * that settling one unit never touches another's.  Reads one article.
 */
#include <stdlib.h>
#include <string.h>

#include "gold_internal.h"

struct desk_gold_diff {
	int64_t article_id;
	char **editors;
	size_t neditors;
	desk_gold_dspan *spans; /* in unit order */
	size_t nspans;
	desk_gold_unit *units;
	size_t nunits;
	desk_gold *gold;
};

/* A span as read, before it is put in its unit. */
typedef struct gold_row {
	desk_gold_dspan s;
	int unit; /* -1 until placed */
} gold_row;

void
desk_gold_diff_free(desk_gold_diff *g)
{
	if (g == NULL)
		return;
	for (size_t i = 0; i < g->neditors; i++)
		free(g->editors[i]);
	free(g->editors);
	for (size_t i = 0; i < g->nspans; i++) {
		free((char *)g->spans[i].label);
		free((char *)g->spans[i].text);
	}
	free(g->spans);
	free(g->units);
	desk_gold_free(g->gold);
	free(g);
}

/* The editor's index, added in name order when new (names come sorted). */
static int
gold_diff_editor(desk_gold_diff *g, size_t *cap, const char *name, size_t *out)
{
	if (g->neditors > 0 && strcmp(g->editors[g->neditors - 1], name) == 0) {
		*out = g->neditors - 1;
		return DESK_OK;
	}
	for (size_t i = 0; i < g->neditors; i++)
		if (strcmp(g->editors[i], name) == 0) {
			*out = i;
			return DESK_OK;
		}
	if (desk_grow(&g->editors, cap, g->neditors, sizeof *g->editors) != DESK_OK ||
	    (g->editors[g->neditors] = desk_strdup(name)) == NULL)
		return DESK_NOMEM;
	*out = g->neditors++;
	return DESK_OK;
}

/* The article's standing spans, sorted by author first so editors come in name order. */
static int
gold_diff_read(gold_row **rows, size_t *n, desk *d, desk_gold_diff *g)
{
	static const char sql[] = "SELECT id, start, \"end\", label, text, author FROM span WHERE "
	                          "article_id = ?1 AND deleted_at IS NULL ORDER BY author, start, "
	                          "\"end\", id";
	sqlite3_stmt *st = NULL;
	size_t cap = 0, ecap = 0;
	int rc, r;

	*rows = NULL;
	*n = 0;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, g->article_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		gold_row *w;

		if (desk_grow(rows, &cap, *n, sizeof **rows) != DESK_OK) {
			rc = DESK_NOMEM;
			break;
		}
		w = &(*rows)[(*n)++];
		memset(w, 0, sizeof *w);
		w->unit = -1;
		w->s.id = sqlite3_column_int64(st, 0);
		w->s.start = sqlite3_column_int64(st, 1);
		w->s.end = sqlite3_column_int64(st, 2);
		w->s.label = desk_strdup((const char *)sqlite3_column_text(st, 3));
		w->s.text = desk_strdup((const char *)sqlite3_column_text(st, 4));
		if (w->s.label == NULL || w->s.text == NULL ||
		    gold_diff_editor(g, &ecap, (const char *)sqlite3_column_text(st, 5),
		                     &w->s.editor) != DESK_OK) {
			rc = DESK_NOMEM;
			break;
		}
	}
	if (rc == DESK_OK && r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "spans");
	else if (rc == DESK_NOMEM)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
	sqlite3_finalize(st);
	return rc;
}

static int
gold_row_cmp(const void *x, const void *y)
{
	const gold_row *a = x, *b = y;
	int c;

	if (a->s.start != b->s.start)
		return a->s.start < b->s.start ? -1 : 1;
	if (a->s.end != b->s.end)
		return a->s.end < b->s.end ? -1 : 1;
	if ((c = strcmp(a->s.label, b->s.label)) != 0)
		return c;
	if (a->s.editor != b->s.editor)
		return a->s.editor < b->s.editor ? -1 : 1;
	return (a->s.id > b->s.id) - (a->s.id < b->s.id);
}

/*
 * Place the rows (sorted by range, label, editor) in units: first the runs
 * of the same range and label that hold one span of every editor (agreed),
 * then the rest by overlap.  Each row gets its unit's number.
 */
static size_t
gold_diff_place(gold_row *w, size_t n, size_t neditors)
{
	size_t units = 0, i, j;
	int64_t reach = -1;
	int cur = -1;

	for (i = 0; i < n; i = j) {
		size_t k = 0;

		for (j = i; j < n && w[j].s.start == w[i].s.start && w[j].s.end == w[i].s.end &&
		            strcmp(w[j].s.label, w[i].s.label) == 0;
		     j++)
			k += j == i || w[j].s.editor != w[j - 1].s.editor;
		if (neditors > 0 && k == neditors && j - i == neditors)
			for (size_t m = i; m < j; m++)
				w[m].unit = (int)units;
		if (w[i].unit >= 0)
			units++;
	}
	/* The rest: overlapping ones together, in start order. */
	for (i = 0; i < n; i++) {
		if (w[i].unit >= 0)
			continue;
		if (cur < 0 || w[i].s.start >= reach)
			cur = (int)units++;
		w[i].unit = cur;
		if (w[i].s.end > reach)
			reach = w[i].s.end;
	}
	return units;
}

/* The units in text order, their spans together (rows sorted within each). */
static int
gold_diff_units(desk_gold_diff *g, gold_row *w, size_t n, size_t nunits)
{
	size_t *first = NULL, *count = NULL, k = 0;

	if ((g->units = calloc(nunits ? nunits : 1, sizeof *g->units)) == NULL ||
	    (g->spans = calloc(n ? n : 1, sizeof *g->spans)) == NULL ||
	    (first = calloc(nunits ? nunits : 1, sizeof *first)) == NULL ||
	    (count = calloc(nunits ? nunits : 1, sizeof *count)) == NULL) {
		free(first);
		free(count);
		return DESK_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		desk_gold_unit *u = &g->units[w[i].unit];

		if (count[w[i].unit]++ == 0) {
			u->start = w[i].s.start;
			u->end = w[i].s.end;
		}
		if (w[i].s.start < u->start)
			u->start = w[i].s.start;
		if (w[i].s.end > u->end)
			u->end = w[i].s.end;
	}
	/* Units by start (then end): an insertion sort of their numbers. */
	for (size_t i = 0; i < nunits; i++)
		first[i] = i;
	for (size_t i = 1; i < nunits; i++) {
		size_t t = first[i], j = i;

		for (; j > 0 && (g->units[first[j - 1]].start > g->units[t].start ||
		                 (g->units[first[j - 1]].start == g->units[t].start &&
		                  g->units[first[j - 1]].end > g->units[t].end));
		     j--)
			first[j] = first[j - 1];
		first[j] = t;
	}
	{
		desk_gold_unit *sorted = calloc(nunits ? nunits : 1, sizeof *sorted);

		if (sorted == NULL) {
			free(first);
			free(count);
			return DESK_NOMEM;
		}
		for (size_t i = 0; i < nunits; i++) {
			size_t u = first[i];

			sorted[i] = g->units[u];
			sorted[i].first = k;
			for (size_t m = 0; m < n; m++)
				if (w[m].unit == (int)u) {
					g->spans[k++] = w[m].s;
					w[m].s.label = w[m].s.text = NULL;
				}
			sorted[i].n = k - sorted[i].first;
		}
		free(g->units);
		g->units = sorted;
	}
	g->nunits = nunits;
	g->nspans = n;
	free(first);
	free(count);
	return DESK_OK;
}

/* Whether unit u's spans include span_id. */
static int
gold_diff_in_unit(const desk_gold_diff *g, const desk_gold_unit *u, int64_t span_id)
{
	for (size_t i = u->first; i < u->first + u->n; i++)
		if (g->spans[i].id == span_id)
			return 1;
	return 0;
}

int
desk_gold_diff_get(desk_gold_diff **out, desk *d, int64_t article_id)
{
	desk_gold_diff *g = NULL;
	gold_row *w = NULL;
	size_t n = 0, nunits;
	int rc;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	if ((g = calloc(1, sizeof *g)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	g->article_id = article_id;
	if ((rc = desk_gold_get(&g->gold, d, article_id)) != DESK_OK ||
	    (rc = gold_diff_read(&w, &n, d, g)) != DESK_OK)
		goto done;
	if (n > 1)
		qsort(w, n, sizeof *w, gold_row_cmp);
	nunits = gold_diff_place(w, n, g->neditors);
	if (gold_diff_units(g, w, n, nunits) != DESK_OK) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < g->nunits; i++) {
		desk_gold_unit *u = &g->units[i];

		u->agreed = g->neditors > 0 && u->n == g->neditors;
		for (size_t k = u->first + 1; u->agreed && k < u->first + u->n; k++)
			u->agreed = g->spans[k].start == g->spans[u->first].start &&
			            g->spans[k].end == g->spans[u->first].end &&
			            strcmp(g->spans[k].label, g->spans[u->first].label) == 0 &&
			            g->spans[k].editor != g->spans[k - 1].editor;
		for (size_t k = 0; k < desk_gold_count(g->gold); k++)
			if (gold_diff_in_unit(g, u, desk_gold_at(g->gold, k)->span_id))
				u->settled = 1;
	}
done:
	for (size_t i = 0; w && i < n; i++) {
		free((char *)w[i].s.label);
		free((char *)w[i].s.text);
	}
	free(w);
	if (rc != DESK_OK)
		desk_gold_diff_free(g);
	else
		*out = g;
	return rc;
}

int64_t
desk_gold_diff_article(const desk_gold_diff *g)
{
	return g ? g->article_id : 0;
}

size_t
desk_gold_diff_editors(const desk_gold_diff *g)
{
	return g ? g->neditors : 0;
}

const char *
desk_gold_diff_editor(const desk_gold_diff *g, size_t i)
{
	return g && i < g->neditors ? g->editors[i] : NULL;
}

size_t
desk_gold_diff_units(const desk_gold_diff *g)
{
	return g ? g->nunits : 0;
}

const desk_gold_unit *
desk_gold_diff_unit(const desk_gold_diff *g, size_t i)
{
	return g && i < g->nunits ? &g->units[i] : NULL;
}

const desk_gold_dspan *
desk_gold_diff_span(const desk_gold_diff *g, size_t i)
{
	return g && i < g->nspans ? &g->spans[i] : NULL;
}

const desk_gold *
desk_gold_diff_gold(const desk_gold_diff *g)
{
	return g ? g->gold : NULL;
}

/* --- Settling a unit ------------------------------------------------------------ */

/* Begin the change of unit i: its gold spans taken away. */
static int
gold_diff_begin(gold_change *c, desk *d, const desk_gold_diff *g, size_t unit)
{
	const desk_gold_unit *u;
	int rc;

	memset(c, 0, sizeof *c);
	if (d == NULL)
		return DESK_MISUSE;
	if (g == NULL || (u = desk_gold_diff_unit(g, unit)) == NULL)
		return desk_error(d, DESK_MISUSE, "no unit %zu", unit);
	if ((rc = gold_change_begin(c, d, g->article_id, 1)) != DESK_OK)
		return rc;
	/* The gold spans as they stand now (not as read with g), taken from the unit's. */
	for (size_t i = u->first; i < u->first + u->n && rc == DESK_OK; i++) {
		sqlite3_stmt *st = NULL;
		int r;

		if ((rc = desk_prepare(
		         d, &st,
		         "SELECT id FROM gold_span WHERE span_id = ?1 AND article_id = "
		         "?2 AND deleted_at IS NULL")) != DESK_OK)
			break;
		sqlite3_bind_int64(st, 1, g->spans[i].id);
		sqlite3_bind_int64(st, 2, g->article_id);
		while (rc == DESK_OK && (r = sqlite3_step(st)) == SQLITE_ROW)
			rc = gold_change_drop(c, sqlite3_column_int64(st, 0));
		sqlite3_finalize(st);
	}
	return rc;
}

int
desk_gold_take(desk *d, const desk_gold_diff *g, size_t unit, int take)
{
	gold_change c;
	const desk_gold_unit *u;
	int rc;

	if ((rc = gold_diff_begin(&c, d, g, unit)) != DESK_OK)
		return gold_change_end(&c, rc);
	u = &g->units[unit];
	if (take >= 0 && (size_t)take >= g->neditors)
		rc = desk_error_field(d, DESK_NOTFOUND, "editor", DESK_RULE_NO_LAYER,
		                      "no editor %d in article %lld", take + 1,
		                      (long long)g->article_id);
	for (size_t i = u->first; rc == DESK_OK && take != DESK_GOLD_NONE && i < u->first + u->n;
	     i++) {
		if (take >= 0 && g->spans[i].editor != (size_t)take)
			continue;
		/* Both: the same range and label once. */
		if ((rc = gold_change_take(NULL, &c, g->spans[i].id)) == DESK_DUPLICATE) {
			desk_clear_error(d);
			rc = DESK_OK;
		}
	}
	return gold_change_end(&c, rc);
}

int
desk_gold_edit(desk *d, const desk_gold_diff *g, size_t unit, int64_t start, int64_t end,
               const char *label)
{
	gold_change c;
	gold_fields f = {0};
	char *name = NULL, *text = NULL;
	int rc;

	if ((rc = gold_diff_begin(&c, d, g, unit)) != DESK_OK)
		return gold_change_end(&c, rc);
	if ((rc = span_label_exists(d, label, &name)) != DESK_OK ||
	    (rc = span_snap(d, g->article_id, &start, &end, &text)) != DESK_OK)
		goto done;
	f.start = start;
	f.end = end;
	f.label = name;
	f.text = text;
	f.span_id = g->spans[g->units[unit].first].id;
	f.author = d->editor;
	rc = gold_change_put(NULL, &c, &f);
done:
	rc = gold_change_end(&c, rc);
	free(name);
	free(text);
	return rc;
}
