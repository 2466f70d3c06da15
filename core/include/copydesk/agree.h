/*
 * agree.h - agreement between editors' layers (an editor's layer of an
 * article: the spans whose author is that editor), as bratiaa (kldtz/bratiaa)
 * reports it for brat projects, so that the figures can be compared with its
 * reports: for each pair of editors, over the articles both annotated,
 * precision, recall and F1 of their spans (instance-based: the same offsets
 * and label; overlap: a one-to-one matching of spans of the same label that
 * share a character; token-based: the white-space tokens each span covers),
 * and per article, per label and overall the mean and the population
 * standard deviation of the pairwise F1; token-level Cohen's kappa per pair
 * and its mean; Krippendorff's unitized alpha over character offsets where
 * more than two editors annotated.  core/src/agree/README.md gives every
 * definition with its reference.
 *
 * Only the articles more than one of the editors annotated are read.  A
 * figure that is not defined (0/0: a pair with no span on either side,
 * alpha with two editors) is NAN (isnan); JSON gives null.
 */
#ifndef COPYDESK_AGREE_H
#define COPYDESK_AGREE_H

#include "desk.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct desk_agree_opts {
	const char *const *users; /* the editors to compare (NULL: every editor with a layer) */
	size_t nusers;
	const char *label;       /* only this label's spans (NULL: all) */
	const int64_t *articles; /* only these articles (NULL: all), e.g. a release's */
	size_t narticles;
} desk_agree_opts;

/* One pair of editors (a < b in byte order): b's spans measured against a's. */
typedef struct desk_agree_pair {
	const char *a, *b;
	int64_t articles;   /* the articles both annotated */
	int64_t tp, fp, fn; /* fp: b's not matched in a's; fn: a's not matched in b's */
	double precision, recall, f1;
	double kappa; /* token figures only: Cohen's kappa of the pair, else NAN */
} desk_agree_pair;

/* The mean and population SD of the pairwise F1 of one label or article. */
typedef struct desk_agree_row {
	const char *name;   /* the label, or the article's title */
	int64_t article_id; /* an article's row; 0 for a label's */
	double mean_f1, sd_f1;
} desk_agree_row;

/* One way of matching spans. */
typedef struct desk_agree_figures {
	double mean_f1, sd_f1;  /* overall: each pair's counts summed over articles and labels */
	desk_agree_row *labels; /* each pair's counts of the label summed over articles; by name */
	size_t nlabels;
	desk_agree_row *articles; /* each pair's counts of the article; by id */
	size_t narticles;
	desk_agree_pair *pairs; /* the pairs that annotated an article in common */
	size_t npairs;
} desk_agree_figures;

typedef struct desk_agreement {
	const char **editors; /* by name */
	size_t neditors;
	int64_t articles; /* the articles compared: more than one of the editors annotated */
	desk_agree_figures instance, overlap, token;
	double kappa;           /* the mean of the pairs' token kappa (Light's kappa) */
	double alpha;           /* Krippendorff's alpha_u; NAN unless 3 or more editors */
	int64_t alpha_articles; /* the articles every editor annotated, alpha's continuum */
} desk_agreement;

/*
 * The agreement of the editors' layers (o may be NULL) into *out (free with
 * desk_agreement_free).  A read: no write lock.  DESK_NOTFOUND with rule
 * DESK_RULE_UNKNOWN for a user who has no layer; DESK_NOTFOUND with rule
 * DESK_RULE_ONE_LAYER when fewer than two editors are left to compare.
 */
int desk_agreement_get(desk_agreement **out, desk *d, const desk_agree_opts *o);
void desk_agreement_free(desk_agreement *a);

/*
 * a as JSON (*out malloc'ed): {"editors": [...], "articles_compared": n,
 * "instance": {"overall": {"mean_f1": x, "sd_f1": y}, "labels": {"LOC":
 * {"mean_f1": x, "sd_f1": y}, ...}, "articles": {"ID": {"mean_f1": x,
 * "sd_f1": y, "title": t}, ...}, "pairs": [{"a": A, "b": B, "precision": p,
 * "recall": r, "f1": f, "articles": n, "tp": n, "fp": n, "fn": n}, ...]},
 * "overlap": {...the same...}, "token": {...the same, each pair with its
 * "kappa"...}, "kappa": k, "alpha": a, "alpha_articles": n}; null for NAN.
 */
int desk_agreement_json(char **out, const desk_agreement *a);

#ifdef __cplusplus
}
#endif
#endif
