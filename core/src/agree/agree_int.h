/*
 * agree/agree_int.h - what the files of agree/ share: the counting of one
 * pair of layers on one article (agree_count.c), Krippendorff's alpha_u
 * (agree_alpha.c), both pure (no database) for the unit tests; agree.c
 * reads the layers and sums, agree_json.c writes the figures as JSON.
 */
#ifndef COPYDESK_AGREE_INT_H
#define COPYDESK_AGREE_INT_H

#include "internal.h"

/* A span of one layer: its range (code points) and its label's number. */
typedef struct agree_span {
	int64_t start, end;
	int label;
} agree_span;

/* Counts per label (arrays of nlabels), added to. */
typedef struct agree_counts {
	int64_t *tp, *fp, *fn;
} agree_counts;

/*
 * Sort a layer by (label, start, end) and drop its repeats: a layer is a set
 * of instances, as bratiaa's.  Gives the new count.
 */
size_t agree_layer_norm(agree_span *v, size_t n);

/*
 * The instances a and b share, each sorted by (label, start, end): tp, and
 * the others fn (a's) and fp (b's).  Instance-based on normalised layers
 * (sets); token-based on agree_layer_tokens() (multisets: a repeat meets a
 * repeat, as Counter's & does).
 */
void agree_count_exact(agree_counts *c, const agree_span *a, size_t na, const agree_span *b,
                       size_t nb);
/*
 * Overlap: a largest one-to-one matching of a's and b's spans of the same
 * label that share a code point; matched pairs are tp.  DESK_NOMEM.
 */
int agree_count_overlap(agree_counts *c, const agree_span *a, size_t na, const agree_span *b,
                        size_t nb);

/*
 * The (token, label) instances of a layer over the tokens tk[0..ntk) (by
 * start) as spans [k, k + 1) of token numbers, sorted by (label, token),
 * repeats kept: a span cut into the tokens it overlaps (bratiaa's).
 * DESK_NOMEM.
 */
int agree_layer_tokens(agree_span **out, size_t *n, const agree_span *v, size_t nv,
                       const desk_range *tk, size_t ntk);

/*
 * Each token's category in a layer for Cohen's kappa: 0 for O (no span),
 * else the number cats gives the set of labels of the spans over it.
 * t: the layer's tokens by (label, token).
 */
typedef struct agree_cats {
	char **key; /* the label numbers of each category, "3,7" */
	size_t n, cap;
} agree_cats;
int agree_token_cats(int *cat, size_t ntk, const agree_span *t, size_t nt, agree_cats *cats);
void agree_cats_free(agree_cats *cats);

/* F1, precision and recall of counts (NAN for 0/0, as numpy gives). */
double agree_f1(int64_t tp, int64_t fp, int64_t fn);
double agree_ratio(int64_t num, int64_t den);
/* numpy's mean and std (population) of v[0..n); NAN in, NAN out; n 0: NAN. */
void agree_mean_sd(double *mean, double *sd, const double *v, size_t n);

/* A unit of Krippendorff's unitizing: a rater's range of a category on one continuum. */
typedef struct agree_unit {
	int cat, rater;
	int64_t start, end;
} agree_unit;
/*
 * Krippendorff's alpha_u of m raters over the continuum [0, len): units
 * (sorted and their overlaps within a rater and category merged here)
 * over categories cats[0..ncats); *d_o and *d_e (may be NULL) the mean
 * observed and expected disagreement over the categories.  NAN when the
 * expected disagreement is 0.  DESK_NOMEM.
 */
int agree_alpha_u(double *alpha, double *d_o, double *d_e, agree_unit *u, size_t n, int m,
                  int64_t len);
/* The same for one category (the units of others ignored). */
int agree_alpha_cat(double *d_o, double *d_e, const agree_unit *u, size_t n, int cat, int m,
                    int64_t len);

/* agree_json.c */
int agree_json(char **out, const desk_agreement *a);

#endif
