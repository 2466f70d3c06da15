/*
 * claims.h - fact verification: sentences, check-worthy candidates, claims,
 * their research (verdict, evidence, review) and the same claim across the
 * corpus.
 *
 * Offsets are code points of the article's stored NFC body, end exclusive,
 * on grapheme boundaries.  Every edit is one BEGIN IMMEDIATE transaction,
 * logged in edit_log with who and when, and undoable with desk_undo() where
 * history.c says so.  Strings in returned structs live until their *_free().
 */
#ifndef COPYDESK_CLAIMS_H
#define COPYDESK_CLAIMS_H

#include "annotate.h"
#include "desk.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* --- Sentences and candidates (sentence.c, checkworthy.c): no database --- */

typedef struct desk_range {
	int64_t start, end;
} desk_range;

/*
 * The sentences of t, in order, without the white space between them.
 * Copes with sentences run together ("Việt Nam.Chủ tịch"), abbreviations
 * ("TP. Hồ Chí Minh", "Mr.", "v.v.", "TP.HCM", "U.S."), decimal numbers
 * ("38,5%", "3.5"), ellipses and closing quotes after the stop.  A line
 * break always ends a sentence.  *out is malloc'ed (free it).
 */
int desk_sentences(desk_range **out, size_t *n, const desk_text *t);
/* The sentence holding cp (or the one after, in white space between). */
int desk_sentence_at(desk_range *out, const desk_text *t, int64_t cp);

/* Why a statement is worth checking (flags of desk_candidate.why). */
enum {
	DESK_WHY_FIGURE = 1,       /* a number with a unit, or a count: "800 đại biểu" */
	DESK_WHY_PERCENT = 2,      /* "38%", "7,2 phần trăm" */
	DESK_WHY_MONEY = 4,        /* "2,1 tỷ USD", "$5 million", "50.000 đồng" */
	DESK_WHY_DATE = 8,         /* "năm 2024", "ngày 1-11", "November 2025" */
	DESK_WHY_SUPERLATIVE = 16, /* "lớn nhất", "đầu tiên", "the first", "largest", "record" */
	DESK_WHY_QUOTE = 32,       /* a direct quote: “...”, "..." */
	DESK_WHY_COMPARISON = 64, /* "tăng 15% so với", "higher than", "gấp đôi" */
};

typedef struct desk_candidate {
	int64_t start, end; /* a sentence, or the part of it that holds the reason */
	int why;            /* DESK_WHY_* flags */
	int score;          /* higher: more worth checking */
} desk_candidate;

/* Check-worthy candidates among t's sentences, in text order.  *out is malloc'ed. */
int desk_candidates(desk_candidate **out, size_t *n, const desk_text *t);
/* A flag's name, for lists ("figure", "percent", ...). */
const char *desk_why_name(int flag);

/*
 * The matching key of a statement: NFC, case and accents folded (đ as d),
 * number formats made one ("38,5%" and "38.5 %" and "38.5 phần trăm" the
 * same; "1.000" and "1,000" and "1000" the same), punctuation and spacing
 * collapsed.  The same claim in two articles has the same key.  *out is
 * malloc'ed.
 */
int desk_claim_key(char **out, const char *text, size_t len);

/* --- The verdict scale (verdict.c) -------------------------------------- */

typedef struct desk_verdict {
	const char *name;  /* "mostly-true" */
	const char *label; /* "Mostly true" */
	const char *key;   /* one character */
	desk_color color;
	int color256;            /* -1: color */
	int rating;              /* ClaimReview ratingValue, 1 (worst) to 5 (best) */
	const char *rating_name; /* ClaimReview alternateName */
	const char *fever;       /* "SUPPORTS", "REFUTES" or "NOT ENOUGH INFO" */
	const char *description;
} desk_verdict;

typedef struct desk_verdicts desk_verdicts;

int desk_verdicts_get(desk_verdicts **out, desk *d);
size_t desk_verdicts_count(const desk_verdicts *v);
const desk_verdict *desk_verdicts_at(const desk_verdicts *v, size_t i);
/* By name, by label (case folded) or by key; NULL if none. */
const desk_verdict *desk_verdicts_find(const desk_verdicts *v, const char *name);
void desk_verdicts_free(desk_verdicts *v);
int desk_verdicts_json(char **out, desk *d);
/*
 * Load a verdict file (the format of annotations/verdicts/default.json,
 * documented in annotations/VERDICTS.md; name is the file's name for
 * messages): its verdicts are added to the scale and same-named ones
 * updated, in one transaction, logged as "verdicts-import".  The whole file
 * is refused (DESK_INVALID, naming the file, the verdict and the field) when
 * any of it is bad or a key would be two verdicts'.
 */
int desk_verdicts_import(desk *d, const char *name, const char *json, size_t len);

/* --- Claims, research, evidence (claim.c, research.c) -------------------- */

typedef enum {
	DESK_CLAIM_CHECK = 0,    /* to check */
	DESK_CLAIM_PROPOSED = 1, /* a verdict with at least one piece of evidence */
	DESK_CLAIM_VERIFIED = 2, /* approved by another editor */
	DESK_CLAIM_DISPUTED = 3, /* another editor disagreed, with a reason */
	DESK_CLAIM_ANY = -1      /* only as a filter */
} desk_claim_status;

const char *desk_claim_status_name(desk_claim_status s); /* "check", "proposed", ... */
int desk_claim_status_parse(desk_claim_status *out, const char *name);

typedef struct desk_evidence {
	int64_t id;
	const char *source;    /* a URL or a citation */
	const char *quote;     /* the passage */
	const char *consulted; /* YYYY-MM-DD */
	const char *added_by, *added_at;
} desk_evidence;

typedef struct desk_claim {
	int64_t id, article_id, start, end;
	const char *text;
	int64_t research_id;
	desk_claim_status status;
	const char *verdict; /* a verdict's name, "" if none */
	const char *note;
	const char *proposed_by, *proposed_at; /* "" if never */
	const char *reviewed_by, *reviewed_at, *review_reason;
	const char *author, *created_at;
	const desk_evidence *evidence; /* of its research */
	size_t nevidence;
	const desk_span *const *entities; /* the standing spans inside it (linked or not) */
	size_t nentities;
	int64_t repeats; /* other articles holding the same claim (by key) */
} desk_claim;

typedef struct desk_claims desk_claims;

/*
 * A claim of body[start:end) (widened to grapheme boundaries), with new
 * research (status check).  DESK_RANGE for bad offsets, DESK_NOTFOUND for
 * no such article, DESK_DUPLICATE for a standing claim with that range.
 */
int desk_claim_add(int64_t *out, desk *d, int64_t article_id, int64_t start, int64_t end);
int desk_claim_delete(desk *d, int64_t claim_id);
int desk_claim_get(desk_claim **out, desk *d, int64_t claim_id);
void desk_claim_free(desk_claim *c);

/* Claims of an article (article_id) or of the corpus (0), filtered; by repeats, then place. */
typedef struct desk_claim_filter {
	int64_t article_id;       /* 0: all */
	desk_claim_status status; /* DESK_CLAIM_ANY: all */
	const char *verdict;      /* NULL: all */
} desk_claim_filter;

int desk_claims_get(desk_claims **out, desk *d, const desk_claim_filter *f);
size_t desk_claims_count(const desk_claims *c);
const desk_claim *desk_claims_at(const desk_claims *c, size_t i);
void desk_claims_free(desk_claims *c);
int desk_claims_json(char **out, desk *d, const desk_claim_filter *f);

/*
 * Research, for the claim's research (shared with the claims it was applied
 * to).  Setting a verdict (a desk_verdict name) or adding evidence by the
 * editor makes it 'proposed' once it has both, by this editor; a change
 * after a review puts it back to 'proposed' (the review is kept in the log).
 * DESK_INVALID for evidence that is not valid: an empty quote, a source that
 * is neither a URL (http:// or https:// with a host) nor a citation of a few
 * words, a consulted date that is not YYYY-MM-DD or is in the future.
 */
int desk_claim_set_verdict(desk *d, int64_t claim_id, const char *verdict);
int desk_claim_set_note(desk *d, int64_t claim_id, const char *note);
int desk_claim_add_evidence(int64_t *out, desk *d, int64_t claim_id, const char *source,
                            const char *quote, const char *consulted /* NULL: today */);
int desk_claim_delete_evidence(desk *d, int64_t evidence_id);
/*
 * The checks of desk_claim_add_evidence() alone, writing nothing: DESK_OK or
 * DESK_INVALID with desk_errfield() naming the field.  A NULL source or quote
 * is not checked, so that a form can check each field as it is entered.
 */
int desk_evidence_check(desk *d, const char *source, const char *quote, const char *consulted);

/*
 * The review: approve (to 'verified') or dispute with a reason (to
 * 'disputed').  Only a 'proposed' claim; DESK_CONFLICT when the editor is
 * the one who proposed it ("nobody approves their own verdict") or when it
 * is not proposed; DESK_INVALID for an empty reason.
 */
int desk_claim_approve(desk *d, int64_t claim_id);
int desk_claim_dispute(desk *d, int64_t claim_id, const char *reason);

/*
 * The same claim elsewhere, one per article (the first): the sentences of
 * other articles whose key (desk_claim_key) is the claim's, found by an
 * index lookup of the key's hash (the index is made at import), and the
 * claims of other articles that share the claim's research.  Reads only.
 * desk_claim_apply makes each such sentence a claim linked to the same
 * research (a claim of the article already holding the range or the key is
 * linked instead), in one short transaction: the lookups come before it.
 */
int desk_claim_repeats(desk_range **ranges, int64_t **articles, size_t *n, desk *d,
                       int64_t claim_id);
int desk_claim_apply(size_t *added, desk *d, int64_t claim_id);
/*
 * The upgrade of a database made before the sentence index: index the
 * sentences of up to max of its articles in one short transaction of its
 * own (their keys worked out before it), max 0 only counting.  *left: how
 * many are still to index (0 on a database made or upgraded since).
 */
int desk_claim_index(int64_t *left, desk *d, size_t max);

/*
 * Candidates of an article not yet claimed nor dismissed (desk_candidates
 * over its body); dismissing one keeps it from coming back.
 */
int desk_claim_candidates(desk_candidate **out, size_t *n, desk *d, int64_t article_id);
/*
 * Leave out of v[0..*n) (desk_candidates of the article's body) those that
 * overlap a standing claim or were dismissed: the reader keeps an article's
 * candidates (its body never changes) and only filters them after an edit.
 */
int desk_claim_candidates_filter(desk_candidate *v, size_t *n, desk *d, int64_t article_id);
/* The same for a caller that holds the article's body as a desk_text already (the reader). */
int desk_claim_candidates_text(desk_candidate **out, size_t *n, desk *d, int64_t article_id,
                               const desk_text *body);
/*
 * Dismiss one of the article's candidates (its exact range).  Refused:
 * DESK_RANGE for offsets outside the body; DESK_NOTFOUND for a range that
 * is not a candidate (rule DESK_RULE_NOT_CANDIDATE), DESK_CONFLICT for one a
 * claim took out (the same rule), DESK_DUPLICATE for one dismissed already
 * (DESK_RULE_DISMISSED); the field is "range".
 */
int desk_claim_dismiss(desk *d, int64_t article_id, int64_t start, int64_t end);

/* --- A claim's history (claim_history.c) --------------------------------- */

typedef struct desk_claim_event {
	int64_t log_id;          /* edit_log's id: the order they happened in */
	const char *at, *editor; /* when (UTC, ISO 8601) and who */
	const char *action;      /* edit_log's: "claim-add", "research-verdict", "research-note",
	                            "evidence-add", "evidence-delete", "claim-approve",
	                            "claim-dispute", "claim-apply", "claim-delete", "undo", "redo" */
	int64_t claim_id;        /* the claim it was made on (0 for evidence) */
	int this_claim;          /* made on this claim (an apply: that made or relinked it) */
	const char *status;      /* the research's status after it ("" if not said) */
	const char *verdict;     /* the verdict after it ("" if none) */
	const char *text;        /* the dispute's reason, the note, the evidence's source; or "" */
	const char *undid;       /* undo and redo: the action undone or redone; else "" */
	/* part shared: the real Unix uid that wrote the event (-1 before schema 11) */
	int64_t uid;
} desk_claim_event;

/*
 * What happened to a claim and its research (shared with the claims it was
 * applied to), oldest first, from the edit log: each event with who and
 * when, a dispute with its reason even after the verdict changed.  A deleted
 * claim has a history too; DESK_NOTFOUND for no such claim.
 */
int desk_claim_history(desk_claim_event **out, size_t *n, desk *d, int64_t claim_id);
void desk_claim_history_free(desk_claim_event *v, size_t n);

/* --- The claims a page at a time (claim_read.c, claim_page.c) ------------- */

/*
 * A claim's place in the paged list: the claims of the filter by article,
 * then start, then id (the index claim_article), whatever their repeats.
 */
typedef struct desk_claim_place {
	int64_t article_id, start, id;
} desk_claim_place;

/*
 * Up to max claims of filter f (NULL: all) after key, or with backward the
 * last ones before it; key NULL means the list's start (or with backward its
 * end).  Rows always come in the list's order, each as desk_claims_get reads
 * it (evidence, entities, repeats).  One keyset query: it costs the page,
 * wherever the page is.
 */
int desk_claims_page(desk_claims **out, desk *d, const desk_claim_filter *f,
                     const desk_claim_place *key, int backward, size_t max);
/*
 * How many claims of f come before key (NULL: all of them).  The whole
 * corpus's count comes from the kept counts (stat_claim) once they are
 * complete; else an index count that never reads a claim's text.
 */
int desk_claims_rank(int64_t *out, desk *d, const desk_claim_filter *f,
                     const desk_claim_place *key);
/* The key of the claim at index i of f's list; *found 0 past its end. */
int desk_claims_nth(desk_claim_place *out, int *found, desk *d, const desk_claim_filter *f,
                    int64_t i);
/* One claim as the JSON object of desk_claims_json's array (compact); caller frees. */
int desk_claim_json(char **out, desk *d, const desk_claim *c);

#ifdef __cplusplus
}
#endif
#endif
