/*
 * view_claim.h - fact verification in the interface: the reader's claims
 * and candidates (view_claim.c), the claims screen and a claim's detail
 * (view_claims.c), the evidence form (view_evidence.c).  The commands are
 * in ui_cmds_claim.c.
 */
#ifndef COPYDESK_VIEW_CLAIM_H
#define COPYDESK_VIEW_CLAIM_H

#include "view.h"

/* --- view_claim.c: in the reader ------------------------------------------ */
/* Read the verdict scale and give each verdict its look. */
int view_claim_verdicts(struct ui *ui);
/* A verdict's index in ui->verdicts by name, or -1 (none, or "" for no verdict). */
int view_claim_verdict_index(struct ui *ui, const char *name);
/* A claim's look: its verdict's colour, else UI_CLAIM's. */
void view_claim_status_look(struct ui *ui, const desk_claim *c, attr_t *a, short *p);
/* The claim (innermost) or candidate under the reader's cursor, or NULL. */
const desk_claim *view_claim_at_cursor(struct ui *ui);
const desk_candidate *view_claim_candidate(struct ui *ui);
/* The reader's claim with this id, or NULL. */
const desk_claim *view_claim_find(struct ui *ui, int64_t id);
/*
 * The next (delta 1) or previous (-1) candidate or claim from the cursor:
 * its index into *out and its start, else -1 with a message saying so.
 */
int view_claim_next(long *out, int64_t *start, struct ui *ui, int candidates, int delta);
/* What candidate or claim i (of view_claim_next) is, on the message line. */
void view_claim_tell(struct ui *ui, int candidates, long i);
/* "what: status, verdict, N evidence, also in N articles: “text”" on the message line. */
void view_claim_describe(struct ui *ui, const char *what, const desk_claim *c);

/* --- view_claims.c ------------------------------------------------------- */
int view_claims_new(struct ui *ui);
void view_claims_free(struct ui *ui);
/* Open the claims screen: of article (0: the corpus), coming from the view on screen. */
int view_claims_open_list(struct ui *ui, int64_t article);
/* Open a claim's detail. */
int view_claims_open_detail(struct ui *ui, int64_t claim_id);
/* Read the list and the detail again (an edit, another editor's change). */
int view_claims_reload(struct ui *ui);
/* Where q goes from the claims screen or the detail. */
const struct view_ops *view_claims_back(struct ui *ui);
/* The claim selected in the list or shown in the detail (0: none). */
int64_t view_claims_current(struct ui *ui);
/* The list's filters: cycle the status, the verdict; the scope (article or corpus). */
int view_claims_cycle_status(struct ui *ui);
int view_claims_cycle_verdict(struct ui *ui);
int view_claims_toggle_scope(struct ui *ui);
/* Enter in the list: to the claim in its article. */
int view_claims_jump(struct ui *ui);

/* --- view_evidence.c: the evidence form on the message line ---------------- */
#define VIEW_EVIDENCE_PROMPT 'E' /* ui->prompt while the form is open */
int view_evidence_start(struct ui *ui, int64_t claim_id);
/* The field's line was accepted, or the form cancelled (Esc). */
void view_evidence_accept(struct ui *ui, const char *line);
void view_evidence_cancel(struct ui *ui);
/* What the prompt shows before the line: the refusal (if any) and the field's name. */
const char *view_evidence_label(struct ui *ui, const char **error);
/* After the body is drawn: the refusal's whole reason, wrapped on its last rows. */
void view_evidence_draw_reason(struct ui *ui);

#endif
