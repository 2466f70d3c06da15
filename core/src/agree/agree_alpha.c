/*
 * agree_alpha.c - Krippendorff's alpha for unitizing, alpha_u (Krippendorff
 * 1995, "On the reliability of unitizing continuous data", Sociological
 * Methodology 25; 2004, Content Analysis, 2nd ed., ch. 12): m raters cut one
 * continuum of length L into units of a category and the gaps between them.
 * For each category, the observed disagreement sums a distance over every
 * pair of overlapping segments of two raters,
 *
 *   d(g, h) = (b_g - b_h)^2 + (e_g - e_h)^2   both units, overlapping
 *           = l_g^2                            unit g inside gap h
 *           = l_h^2                            unit h inside gap g
 *           = 0                                otherwise,
 *
 *   D_o = 2 sum_{i<j} sum_{g,h} d(g, h) / (m (m - 1) L^2),
 *
 * and the expected one is that of every unitization of the continuum with
 * the same units and gaps:
 *
 *   D_e = (2 / L) sum_u [ (N - 1) (2 l^3 - 3 l^2 + l) / 3
 *                        + l^2 sum_{gaps k, l_k >= l} (l_k - l + 1) ]
 *         / (m L (m L - 1) - sum_u l (l - 1)),
 *
 * N the number of units of the category (all raters).  alpha_u = 1 -
 * mean D_o / mean D_e over the categories.  The example of Krippendorff
 * (2004, p. 254) is a unit test (0.8591), as DKPro Statistics reproduces it.
 * A rater's overlapping units of one category are merged first (the measure
 * wants none).  Pure: no database.
 */
#include <math.h>
#include <stdlib.h>

#include "agree_int.h"

/* A segment of one rater's cut of the continuum: a unit or a gap. */
typedef struct alpha_seg {
	int64_t b, l;
	int unit;
} alpha_seg;

static int
alpha_unit_cmp(const void *x, const void *y)
{
	const agree_unit *a = x, *b = y;

	if (a->rater != b->rater)
		return a->rater < b->rater ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* The segments of rater r (units of cat in u, sorted) over [0, len), into s (room 2n+1). */
static size_t
alpha_segments(alpha_seg *s, const agree_unit *u, size_t n, int r, int cat, int64_t len)
{
	size_t k = 0;
	int64_t at = 0;

	for (size_t i = 0; i < n; i++) {
		int64_t b, e;

		if (u[i].rater != r || u[i].cat != cat)
			continue;
		b = u[i].start;
		e = u[i].end;
		if (b < at) /* overlaps the unit before: merged into it */
			b = at;
		if (k > 0 && s[k - 1].unit && u[i].start < s[k - 1].b + s[k - 1].l) {
			if (e > s[k - 1].b + s[k - 1].l)
				s[k - 1].l = e - s[k - 1].b;
			at = s[k - 1].b + s[k - 1].l;
			continue;
		}
		if (b > at)
			s[k++] = (alpha_seg){at, b - at, 0};
		if (e > b)
			s[k++] = (alpha_seg){b, e - b, 1};
		at = e > at ? e : at;
	}
	if (at < len)
		s[k++] = (alpha_seg){at, len - at, 0};
	return k;
}

static long double
alpha_distance(const alpha_seg *g, const alpha_seg *h)
{
	long double db = (long double)(g->b - h->b), de = (long double)(g->b + g->l - h->b - h->l);

	if (g->unit && h->unit && -g->l < g->b - h->b && g->b - h->b < h->l)
		return db * db + de * de;
	if (g->unit && !h->unit && g->b >= h->b && g->b + g->l <= h->b + h->l)
		return (long double)g->l * (long double)g->l;
	if (!g->unit && h->unit && h->b >= g->b && h->b + h->l <= g->b + g->l)
		return (long double)h->l * (long double)h->l;
	return 0;
}

static int
alpha_len_cmp(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return a < b ? -1 : a > b;
}

int
agree_alpha_cat(double *d_o, double *d_e, const agree_unit *u, size_t n, int cat, int m,
                int64_t len)
{
	alpha_seg **seg = calloc((size_t)m, sizeof *seg);
	size_t *nseg = calloc((size_t)m, sizeof *nseg), ngaps = 0, nunits = 0;
	int64_t *gaps = NULL;
	long double *suffix = NULL, obs = 0, exp = 0, sq = 0, L = (long double)len;
	int rc = DESK_NOMEM;

	*d_o = *d_e = NAN;
	if (seg == NULL || nseg == NULL)
		goto done;
	for (int r = 0; r < m; r++) {
		if ((seg[r] = malloc((2 * n + 1) * sizeof **seg)) == NULL)
			goto done;
		nseg[r] = alpha_segments(seg[r], u, n, r, cat, len);
	}
	/* Observed: every pair of raters, their overlapping segments swept together. */
	for (int i = 0; i < m; i++)
		for (int j = i + 1; j < m; j++) {
			size_t a = 0, b = 0;

			while (a < nseg[i] && b < nseg[j]) {
				const alpha_seg *g = &seg[i][a], *h = &seg[j][b];
				int64_t ge = g->b + g->l, he = h->b + h->l;

				obs += alpha_distance(g, h);
				a += ge <= he;
				b += he <= ge;
			}
		}
	/* Expected: the gaps of every rater, by length, with their sums from the longest. */
	for (int r = 0; r < m; r++)
		for (size_t k = 0; k < nseg[r]; k++)
			ngaps += !seg[r][k].unit, nunits += (size_t)seg[r][k].unit;
	if ((gaps = malloc((ngaps + 1) * sizeof *gaps)) == NULL ||
	    (suffix = malloc((ngaps + 1) * sizeof *suffix)) == NULL)
		goto done;
	ngaps = 0;
	for (int r = 0; r < m; r++)
		for (size_t k = 0; k < nseg[r]; k++)
			if (!seg[r][k].unit)
				gaps[ngaps++] = seg[r][k].l;
	if (ngaps > 1)
		qsort(gaps, ngaps, sizeof *gaps, alpha_len_cmp);
	suffix[ngaps] = 0;
	for (size_t k = ngaps; k-- > 0;)
		suffix[k] = suffix[k + 1] + (long double)gaps[k];
	for (int r = 0; r < m; r++)
		for (size_t k = 0; k < nseg[r]; k++) {
			long double l = (long double)seg[r][k].l;
			size_t lo = 0, hi = ngaps;

			if (!seg[r][k].unit)
				continue;
			while (lo < hi) { /* the first gap at least as long */
				size_t mid = lo + (hi - lo) / 2;

				if (gaps[mid] < seg[r][k].l)
					lo = mid + 1;
				else
					hi = mid;
			}
			exp += ((long double)nunits - 1) * (2 * l * l * l - 3 * l * l + l) / 3 +
			       l * l * (suffix[lo] - (l - 1) * (long double)(ngaps - lo));
			sq += l * (l - 1);
		}
	if (len > 0 && m > 1) {
		long double den = (long double)m * L * ((long double)m * L - 1) - sq;

		*d_o = (double)(2 * obs / ((long double)m * (m - 1) * L * L));
		*d_e = den > 0 ? (double)(exp * 2 / L / den) : NAN;
	}
	rc = DESK_OK;
done:
	for (int r = 0; seg && r < m; r++)
		free(seg[r]);
	free(seg);
	free(nseg);
	free(gaps);
	free(suffix);
	return rc;
}

int
agree_alpha_u(double *alpha, double *d_o, double *d_e, agree_unit *u, size_t n, int m, int64_t len)
{
	long double so = 0, se = 0;
	size_t ncats = 0;
	int *seen = NULL, maxcat = -1, rc = DESK_OK;

	*alpha = NAN;
	if (d_o)
		*d_o = NAN;
	if (d_e)
		*d_e = NAN;
	if (n > 1)
		qsort(u, n, sizeof *u, alpha_unit_cmp);
	for (size_t i = 0; i < n; i++)
		maxcat = u[i].cat > maxcat ? u[i].cat : maxcat;
	if (maxcat < 0 || m < 2)
		return DESK_OK;
	if ((seen = calloc((size_t)maxcat + 1, sizeof *seen)) == NULL)
		return DESK_NOMEM;
	for (size_t i = 0; i < n; i++)
		seen[u[i].cat] = 1;
	for (int c = 0; c <= maxcat && rc == DESK_OK; c++) {
		double o, e;

		if (!seen[c])
			continue;
		if ((rc = agree_alpha_cat(&o, &e, u, n, c, m, len)) == DESK_OK) {
			so += o;
			se += e;
			ncats++;
		}
	}
	free(seen);
	if (rc != DESK_OK || ncats == 0)
		return rc;
	if (d_o)
		*d_o = (double)(so / ncats);
	if (d_e)
		*d_e = (double)(se / ncats);
	if (se > 0 && !isnan((double)se))
		*alpha = (double)(1 - so / se);
	return DESK_OK;
}
