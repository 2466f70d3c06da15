/*
 * claimview.h - fact verification's plain logic for the interface, without
 * curses or the database: how claims and check-worthy candidates are marked
 * in the reader (display-only inserts merged with the spans' brackets), and
 * the evidence form's fields as a small state machine.  view_claim.c and
 * view_evidence.c call these; the unit tests (test_claimview.c) check them
 * as strings.
 *
 * A claim is drawn between white square brackets with its verdict's key and
 * a status sign after the opening one: "⟦f~ Tỷ lệ thất nghiệp là 2,1%.⟧"
 * (f: false, ~: proposed).  A candidate is between dim angle brackets,
 * "⟨Doanh thu tăng 15%.⟩".  With colour the brackets take the claim's
 * verdict colour; spans keep theirs (their own brackets only without
 * colour), so both stay visible.
 */
#ifndef COPYDESK_CLAIMVIEW_H
#define COPYDESK_CLAIMVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "copydesk/copydesk.h"
#include "layout.h"

/* The look of each code point of an insert. */
enum {
	CLAIMVIEW_SPAN = 'b',      /* a span's bracket (tagging_inserts) */
	CLAIMVIEW_CANDIDATE = 'c', /* a candidate's bracket: dim */
	CLAIMVIEW_CLAIM = 'A',     /* a claim's marker: CLAIMVIEW_CLAIM + the claim's look (0-25) */
};

#define CLAIMVIEW_OPEN       "\u27e6" /* ⟦ */
#define CLAIMVIEW_CLOSE      "\u27e7" /* ⟧ */
#define CLAIMVIEW_CAND_OPEN  "\u27e8" /* ⟨ */
#define CLAIMVIEW_CAND_CLOSE "\u27e9" /* ⟩ */

/* A claim or a candidate as the reader marks it. */
struct claimview_mark {
	int64_t start, end; /* code points, end exclusive */
	int look;           /* a claim's look (0-25); unused for candidates */
	char tag[16]; /* after a claim's opening bracket: claimview_tag(); "" for candidates */
};

/* One byte per code point of an insert's text: CLAIMVIEW_*. */
struct claimview_looks {
	char look[LAYOUT_ESCMAX];
};

/* A status's sign: check "?", proposed "~", verified "✓", disputed "✗". */
const char *claimview_sign(desk_claim_status s);

/* A claim's tag: its verdict's key (none: "") then its status's sign ("f~", "?"). */
void claimview_tag(char *buf, size_t size, const char *verdict_key, desk_claim_status s);

/*
 * The reader's inserts: the spans' brackets (tagging_inserts' output; none
 * with colour) merged with the claims' markers ("⟦TAG " and "⟧") and the
 * candidates' ("⟨" and "⟩").  At one offset: what closes (spans, claims,
 * candidates), then what opens (candidates, claims, spans), so a claim
 * holding a span reads "⟦f~ [P Lương Cường] ...⟧".  marks need not be sorted.
 * *out is sorted, one insert per offset, with *looks parallel to it; caller
 * frees both.
 */
int claimview_inserts(struct layout_insert **out, struct claimview_looks **looks, size_t *n,
                      const struct layout_insert *spans, size_t nspans,
                      const struct claimview_mark *claims, size_t nclaims,
                      const struct claimview_mark *cands, size_t ncands);

/*
 * Screen line row of l (laid out with inserts from claimview_inserts) as two
 * lines for tests: the text as drawn, then under each column of an insert
 * its look ('b', 'c', 'A'...), ' ' under the text.  Caller frees.
 */
char *claimview_render(const struct layout *l, size_t row, const struct layout_insert *ins,
                       const struct claimview_looks *looks, size_t n);

/* --- A claim's history ---------------------------------------------------- */

/*
 * One event of desk_claim_history() of claim claim_id in an editor's words,
 * without who and when: "disputed it: “the report says 3,85%”", "set the
 * verdict to False; proposed".  verdict_label: the event's verdict's label
 * (NULL: its name); prev_status: the status before it ("" at the start), so
 * that a change of status is said.
 */
void claimview_event(char *buf, size_t size, const desk_claim_event *e, int64_t claim_id,
                     const char *verdict_label, const char *prev_status);
/* An event's time "2026-12-05T08:17:01.669Z" as "2026-12-05 08:17:01". */
void claimview_event_time(char buf[20], const char *at);

/* --- The evidence form: source, quote, consulted date -------------------- */

enum {
	EVFORM_SOURCE,
	EVFORM_QUOTE,
	EVFORM_CONSULTED,
	EVFORM_DONE, /* every field given: add the evidence */
	EVFORM_NFIELDS = EVFORM_DONE
};

struct evform {
	int field;                   /* the one being asked for, or EVFORM_DONE */
	char *value[EVFORM_NFIELDS]; /* what was typed (never NULL after evform_init) */
};

/* Start at the source, the consulted date filled in with today (YYYY-MM-DD). */
int evform_init(struct evform *f, const char *today);
void evform_free(struct evform *f);

/* The prompt for the field being asked for ("Source (URL or citation)"), and its kept value. */
const char *evform_label(const struct evform *f);
const char *evform_value(const struct evform *f);

/* Keep text as the current field's value and go to the next; the field now (EVFORM_DONE at the
 * end). */
int evform_accept(struct evform *f, const char *text);

/*
 * The core refused a field or the evidence (DESK_INVALID): back to the field
 * it names with desk_errfield() ("source", "quote", "consulted"; else the
 * source), every value kept for correction.  Returns that field.
 */
int evform_refused(struct evform *f, const char *field);

#endif
