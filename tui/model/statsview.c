/*
 * statsview.c - the desk's figures as lines of aligned columns with bars
 * (statsview.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "statsview.h"

/* The widest a name column gets, and the narrowest bar worth drawing. */
#define STATSVIEW_NAME_MAX 24
#define STATSVIEW_BAR_MIN  4

/* One row of a section: a name and up to four counts. */
struct statsview_row {
	const char *name;
	int64_t n[4];
};

/* The display width of s. */
static int
statsview_width(const char *s)
{
	return desk_utf8_width(s, strlen(s));
}

/* name escaped and cut to at most max columns ("…" where cut); caller frees. */
static char *
statsview_fit(const char *name, int max)
{
	char *e = NULL, *out;
	size_t len = 0, i = 0;
	int w = 0;

	if (desk_escape(&e, &len, name, strlen(name), DESK_ESCAPE_LINES) != DESK_OK)
		return NULL;
	if (max <= 0 || statsview_width(e) <= max)
		return e;
	/* Whole characters while they and the "…" fit (escapes are ASCII: any cut is whole). */
	while (i < len) {
		size_t k = 1;
		unsigned char c = (unsigned char)e[i];
		int cw;

		if (c >= 0xc0)
			while (i + k < len && ((unsigned char)e[i + k] & 0xc0) == 0x80)
				k++;
		cw = desk_utf8_width(e + i, k);
		if (w + cw > max - 1)
			break;
		w += cw;
		i += k;
	}
	if ((out = malloc(i + 4)) != NULL) {
		memcpy(out, e, i);
		memcpy(out + i, "\u2026", 4);
	}
	free(e);
	return out;
}

static int
statsview_add(struct statsview *sv, char *text, int heading, int bar_col, int bar_len)
{
	if (text == NULL)
		return DESK_NOMEM;
	if (sv->n == sv->cap) {
		size_t cap = sv->cap ? sv->cap * 2 : 32;
		struct statsview_line *v = realloc(sv->v, cap * sizeof *v);

		if (v == NULL) {
			free(text);
			return DESK_NOMEM;
		}
		sv->v = v;
		sv->cap = cap;
	}
	sv->v[sv->n++] = (struct statsview_line){text, heading, bar_col, bar_len};
	return DESK_OK;
}

/* The digits of n. */
static int
statsview_digits(int64_t n)
{
	char buf[24];

	return snprintf(buf, sizeof buf, "%lld", (long long)n);
}

/*
 * A section: its title (with the column titles cols[0..ncols) right-aligned
 * over the counts when there are several), then its rows; the bar shows
 * n[0] + ... + n[nbar - 1] of each row against the section's largest.
 */
static int
statsview_section(struct statsview *sv, int width, const char *title, const char *const *cols,
                  int ncols, int nbar, const struct statsview_row *rows, size_t nrows)
{
	int namew = 0, numw[4] = {0, 0, 0, 0}, used, barw, rc, titled = ncols > 1;
	int64_t max = 0;
	char line[512];
	size_t len;

	for (size_t i = 0; i < nrows; i++) {
		int64_t sum = 0;
		char *e = statsview_fit(rows[i].name, 0); /* measured as shown: escaped */
		int w = e ? statsview_width(e) : 0;

		free(e);
		namew = w > namew ? w : namew;
		for (int k = 0; k < ncols; k++) {
			int d = statsview_digits(rows[i].n[k]);

			numw[k] = d > numw[k] ? d : numw[k];
		}
		for (int k = 0; k < nbar; k++)
			sum += rows[i].n[k];
		max = sum > max ? sum : max;
	}
	for (int k = 0; k < ncols; k++) {
		int t = titled ? (int)strlen(cols[k]) : 1;

		numw[k] = t > numw[k] ? t : numw[k];
	}
	if (namew > STATSVIEW_NAME_MAX)
		namew = STATSVIEW_NAME_MAX;
	if (width > 0 && namew > width / 3)
		namew = width / 3 > 1 ? width / 3 : 1;
	/* Columns that do not fit go, the last first (the 7 days' on a narrow screen). */
	for (;;) {
		used = 2 + namew;
		for (int k = 0; k < ncols; k++)
			used += 2 + numw[k];
		if (width <= 0 || used <= width || ncols == 1)
			break;
		ncols--;
	}
	nbar = nbar > ncols ? ncols : nbar;
	barw = width > 0 ? width - used - 2 : 0;
	if (barw < STATSVIEW_BAR_MIN)
		barw = 0;

	/* The title, then the column titles right-aligned over the counts. */
	if ((rc = statsview_add(sv, statsview_fit(title, width), 1, 0, 0)) != DESK_OK)
		return rc;
	if (titled) {
		len = (size_t)snprintf(line, sizeof line, "  %*s", namew, "");
		for (int k = 0; k < ncols && len < sizeof line; k++)
			len += (size_t)snprintf(line + len, sizeof line - len, "  %*s", numw[k],
			                        cols[k]);
		if ((rc = statsview_add(sv, statsview_fit(line, width), 1, 0, 0)) != DESK_OK)
			return rc;
	}

	for (size_t i = 0; i < nrows; i++) {
		char *name = statsview_fit(rows[i].name, namew);
		int64_t sum = 0;
		int bar = 0, pad;

		if (name == NULL)
			return DESK_NOMEM;
		pad = namew - statsview_width(name);
		len = (size_t)snprintf(line, sizeof line, "  %s%*s", name, pad > 0 ? pad : 0, "");
		free(name);
		for (int k = 0; k < ncols && len < sizeof line; k++)
			len += (size_t)snprintf(line + len, sizeof line - len, "  %*lld", numw[k],
			                        (long long)rows[i].n[k]);
		for (int k = 0; k < nbar; k++)
			sum += rows[i].n[k];
		if (barw > 0 && max > 0 && sum > 0) {
			bar = (int)(sum * barw / max);
			bar = bar < 1 ? 1 : bar;
		}
		if (width > 0 && statsview_width(line) > width) {
			char *cut = statsview_fit(line, width);

			if ((rc = statsview_add(sv, cut, 0, 0, 0)) != DESK_OK)
				return rc;
			continue;
		}
		if ((rc = statsview_add(sv, strdup(line), 0, used + 2, bar)) != DESK_OK)
			return rc;
	}
	return DESK_OK;
}

/* rows from counts */
static struct statsview_row *
statsview_counts(const desk_count *c, size_t n)
{
	struct statsview_row *r = calloc(n ? n : 1, sizeof *r);

	for (size_t i = 0; r && i < n; i++) {
		r[i].name = c[i].name;
		r[i].n[0] = c[i].n;
	}
	return r;
}

static int
statsview_one(struct statsview *sv, int width, const char *title, const desk_count *c, size_t n)
{
	struct statsview_row *r = statsview_counts(c, n);
	static const char *const cols[] = {""};
	int rc;

	if (r == NULL)
		return DESK_NOMEM;
	rc = statsview_section(sv, width, title, cols, 1, 1, r, n);
	free(r);
	return rc;
}

int
statsview_lines(struct statsview *out, const desk_stats *s, int width)
{
	static const char *const ecols[] = {"spans", "claims", "spans-7d", "claims-7d"};
	struct statsview_row *r = NULL;
	char title[128];
	int rc;

	memset(out, 0, sizeof *out);
	snprintf(title, sizeof title, "Articles by status (%lld)", (long long)s->total_articles);
	if ((rc = statsview_one(out, width, title, s->articles, s->narticles)) != DESK_OK)
		goto done;
	snprintf(title, sizeof title, "Spans per label (%lld)", (long long)s->total_spans);
	if ((rc = statsview_add(out, strdup(""), 0, 0, 0)) != DESK_OK ||
	    (rc = statsview_one(out, width, title, s->labels, s->nlabels)) != DESK_OK)
		goto done;
	if ((r = calloc(s->neditors ? s->neditors : 1, sizeof *r)) == NULL) {
		rc = DESK_NOMEM;
		goto done;
	}
	for (size_t i = 0; i < s->neditors; i++) {
		r[i].name = s->editors[i].name;
		r[i].n[0] = s->editors[i].spans;
		r[i].n[1] = s->editors[i].claims;
		r[i].n[2] = s->editors[i].spans_7d;
		r[i].n[3] = s->editors[i].claims_7d;
	}
	snprintf(title, sizeof title, "Editors (%zu; 7d: since %s)", s->neditors, s->since_7d);
	if ((rc = statsview_add(out, strdup(""), 0, 0, 0)) != DESK_OK ||
	    (rc = statsview_section(out, width, title, ecols, 4, 2, r, s->neditors)) != DESK_OK)
		goto done;
	snprintf(title, sizeof title, "Claims by status (%lld)", (long long)s->total_claims);
	if ((rc = statsview_add(out, strdup(""), 0, 0, 0)) != DESK_OK ||
	    (rc = statsview_one(out, width, title, s->claim_status, s->nclaim_status)) != DESK_OK)
		goto done;
	if ((rc = statsview_add(out, strdup(""), 0, 0, 0)) != DESK_OK ||
	    (rc = statsview_one(out, width, "Claims by verdict", s->verdicts, s->nverdicts)) !=
	        DESK_OK)
		goto done;
done:
	free(r);
	if (rc != DESK_OK)
		statsview_free(out);
	return rc;
}

void
statsview_free(struct statsview *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i].text);
	free(sv->v);
	memset(sv, 0, sizeof *sv);
}

char *
statsview_render(const struct statsview_line *l)
{
	size_t len = strlen(l->text);
	int w = statsview_width(l->text), pad = l->bar_len > 0 ? l->bar_col - w : 0;
	char *out = malloc(len + (size_t)(pad > 0 ? pad : 0) + (size_t)l->bar_len + 1);

	if (out == NULL)
		return NULL;
	memcpy(out, l->text, len);
	for (int i = 0; i < pad; i++)
		out[len++] = ' ';
	for (int i = 0; i < l->bar_len; i++)
		out[len++] = '#';
	out[len] = '\0';
	return out;
}
