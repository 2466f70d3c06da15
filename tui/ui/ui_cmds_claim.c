/*
 * ui_cmds_claim.c - the fact verification commands (rows of ui_cmds.h):
 * mark a claim, accept or dismiss a candidate, move between them, set the
 * verdict, add evidence and a note, approve or dispute, apply the research
 * to the claim's repeats, and the claims screen and detail.  Each edit is
 * one core call, committed when its key is pressed; the reader, the claims
 * screen and the detail are read again afterwards.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "ui_cmds.h"
#include "view_claim.h"
#include "view_reader_state.h"

/* The claim the command acts on: under the reader's cursor, or the list's or detail's; 0: none. */
static int64_t
ui_cmds_claim_id(struct ui *ui, const char *what)
{
	const desk_claim *c;
	int64_t id;

	if (ui->view == views[VIEW_READER]) {
		if ((c = view_claim_at_cursor(ui)) == NULL) {
			ui_error(ui, "%s: no claim under the cursor (c makes the sentence one)",
			         what);
			return 0;
		}
		return c->id;
	}
	if ((id = view_claims_current(ui)) == 0)
		ui_error(ui,
		         "%s: on a claim in the reader, the claims screen (C) or a claim's detail",
		         what);
	return id;
}

/* After an edit of claim id: the views read again, and what it is now on the message line. */
static int
ui_cmds_claim_after(struct ui *ui, int rc, const char *what, int64_t id, const char *done)
{
	desk_claim *c = NULL;

	if (rc != DESK_OK)
		return ui_error(ui, "%s: %s", what, desk_errmsg(ui->d));
	view_tag_load(ui, 0);
	if (view_claims_reload(ui) != DESK_OK)
		return ui_error(ui, "%s: %s", what, desk_errmsg(ui->d));
	if (id && desk_claim_get(&c, ui->d, id) == DESK_OK) {
		view_claim_describe(ui, done, c);
		desk_claim_free(c);
	} else if (done) {
		ui_message(ui, "%s", done);
	}
	return DESK_OK;
}

int
ui_cmds_claim(struct ui *ui, const char *arg)
{
	struct view_reader *v = ui->reader;
	const desk_candidate *k;
	desk_range r;
	int64_t id = 0;
	int rc;

	(void)arg;
	if (ui->view != views[VIEW_READER] || !v->loaded)
		return ui_error(ui, "claim: in the reader only");
	if (v->anchor >= 0) {
		tagging_selection(&r.start, &r.end, v->r.text, v->anchor, v->r.cur);
		if (r.start == r.end)
			return ui_error(ui, "claim: the selection holds only spaces");
	} else if ((k = view_claim_candidate(ui)) != NULL) {
		r.start = k->start;
		r.end = k->end;
	} else if (desk_sentence_at(&r, v->r.text, v->r.cur) != DESK_OK || r.start >= r.end) {
		return ui_error(ui, "claim: no sentence under the cursor");
	}
	rc = desk_claim_add(&id, ui->d, v->id, r.start, r.end);
	if (rc == DESK_DUPLICATE)
		return ui_error(ui, "claim: already a claim (i shows it)");
	view_tag_cancel(ui);
	return ui_cmds_claim_after(ui, rc, "claim", id,
	                           "Claim (V sets the verdict, + adds evidence)");
}

int
ui_cmds_unclaim(struct ui *ui, const char *arg)
{
	int64_t id = ui_cmds_claim_id(ui, "unclaim");

	(void)arg;
	if (id == 0)
		return DESK_ERROR;
	return ui_cmds_claim_after(ui, desk_claim_delete(ui->d, id), "unclaim", 0,
	                           "Claim deleted (u undoes)");
}

int
ui_cmds_dismiss(struct ui *ui, const char *arg)
{
	const desk_candidate *k;

	(void)arg;
	if (ui->view != views[VIEW_READER] || !ui->reader->loaded)
		return ui_error(ui, "candidate-dismiss: in the reader only");
	if ((k = view_claim_candidate(ui)) == NULL)
		return ui_error(
		    ui, "candidate-dismiss: no candidate under the cursor ( and ) go to one)");
	return ui_cmds_claim_after(ui, desk_claim_dismiss(ui->d, ui->reader->id, k->start, k->end),
	                           "dismiss", 0, "Dismissed: it will not be suggested again");
}

/* To the next (delta 1) or previous (-1) candidate or claim, saying what it is. */
static int
ui_cmds_claim_jump(struct ui *ui, int candidates, int delta)
{
	int64_t start;
	long i;
	int rc = view_claim_next(&i, &start, ui, candidates, delta);

	if (rc != DESK_OK || i < 0)
		return rc;
	view_tag_goto(ui, start);
	view_claim_tell(ui, candidates, i);
	return DESK_OK;
}

int
ui_cmds_candidate_next(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_claim_jump(ui, 1, 1);
}

int
ui_cmds_candidate_prev(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_claim_jump(ui, 1, -1);
}

int
ui_cmds_claim_next(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_claim_jump(ui, 0, 1);
}

int
ui_cmds_claim_prev(struct ui *ui, const char *arg)
{
	(void)arg;
	return ui_cmds_claim_jump(ui, 0, -1);
}

int
ui_cmds_verdict(struct ui *ui, const char *arg)
{
	int64_t id = ui_cmds_claim_id(ui, "verdict");
	const desk_verdict *vd;
	char keys[256] = "";
	size_t len = 0, n;

	if (id == 0)
		return DESK_ERROR;
	if (ui->verdicts == NULL && view_claim_verdicts(ui) != DESK_OK)
		return ui_error(ui, "verdict: %s", desk_errmsg(ui->d));
	if (arg) {
		if ((vd = desk_verdicts_find(ui->verdicts, arg)) == NULL)
			return ui_error(ui, "verdict: no verdict %s (copydesk verdicts lists them)",
			                arg);
		return ui_cmds_claim_after(ui, desk_claim_set_verdict(ui->d, id, vd->name),
		                           "verdict", id, "Verdict");
	}
	n = desk_verdicts_count(ui->verdicts);
	for (size_t i = 0; i < n && len < sizeof keys; i++) {
		vd = desk_verdicts_at(ui->verdicts, i);
		len += (size_t)snprintf(keys + len, sizeof keys - len, "%s%s %s", i ? ", " : "",
		                        vd->key, vd->label);
	}
	ui->pending = "verdict";
	ui->pending_claim = id;
	ui_message(ui, "Verdict: %s (another key cancels)", keys);
	return DESK_OK;
}

void
ui_cmds_verdict_key(struct ui *ui, int key)
{
	const desk_verdict *vd = NULL;
	int64_t id = ui->pending_claim;
	char s[MB_LEN_MAX + 1];
	int n = key > 0x20 && key < KEYMAP_SPECIAL ? wctomb(s, (wchar_t)key) : -1;

	ui->pending = NULL;
	ui->pending_claim = 0;
	if (n > 0) {
		s[n] = '\0';
		for (size_t i = 0; ui->verdicts && i < desk_verdicts_count(ui->verdicts); i++)
			if (strcmp(desk_verdicts_at(ui->verdicts, i)->key, s) == 0)
				vd = desk_verdicts_at(ui->verdicts, i);
	}
	if (vd == NULL) {
		ui_message(ui, "Cancelled");
		return;
	}
	ui_cmds_claim_after(ui, desk_claim_set_verdict(ui->d, id, vd->name), "verdict", id,
	                    "Verdict");
}

int
ui_cmds_evidence(struct ui *ui, const char *arg)
{
	int64_t id = ui_cmds_claim_id(ui, "evidence");

	(void)arg;
	if (id == 0)
		return DESK_ERROR;
	return view_evidence_start(ui, id);
}

int
ui_cmds_note(struct ui *ui, const char *arg)
{
	int64_t id = ui_cmds_claim_id(ui, "note");
	desk_claim *c = NULL;

	if (id == 0)
		return DESK_ERROR;
	if (arg)
		return ui_cmds_claim_after(
		    ui, desk_claim_set_note(ui->d, id, strcmp(arg, "-") ? arg : ""), "note", id,
		    "Note set");
	/* The line editor, with the note there is to edit. */
	if (desk_claim_get(&c, ui->d, id) != DESK_OK)
		return ui_error(ui, "note: %s", desk_errmsg(ui->d));
	ui_prompt_command(ui, "note", c->note);
	desk_claim_free(c);
	return DESK_OK;
}

int
ui_cmds_evidence_delete(struct ui *ui, const char *arg)
{
	int64_t id = ui_cmds_claim_id(ui, "evidence-delete"), eid = 0;
	desk_claim *c = NULL;
	int64_t k = 0;

	if (id == 0)
		return DESK_ERROR;
	if (arg == NULL) {
		/* Which one: the number in the detail's evidence list. */
		ui_prompt_command(ui, "evidence-delete", NULL);
		return DESK_OK;
	}
	if (desk_parse_int(&k, arg) != DESK_OK)
		return ui_error(ui, "evidence-delete: the evidence's number, not %s", arg);
	if (desk_claim_get(&c, ui->d, id) != DESK_OK)
		return ui_error(ui, "evidence-delete: %s", desk_errmsg(ui->d));
	if (k >= 1 && (uint64_t)k <= c->nevidence)
		eid = c->evidence[k - 1].id;
	desk_claim_free(c);
	if (eid == 0)
		return ui_error(ui, "evidence-delete: the claim has no evidence %lld",
		                (long long)k);
	return ui_cmds_claim_after(ui, desk_claim_delete_evidence(ui->d, eid), "evidence-delete",
	                           id, "Evidence deleted (u brings it back)");
}

int
ui_cmds_approve(struct ui *ui, const char *arg)
{
	int64_t id = ui_cmds_claim_id(ui, "approve");

	(void)arg;
	if (id == 0)
		return DESK_ERROR;
	return ui_cmds_claim_after(ui, desk_claim_approve(ui->d, id), "approve", id, "Approved");
}

int
ui_cmds_dispute(struct ui *ui, const char *arg)
{
	int64_t id = ui_cmds_claim_id(ui, "claim-dispute");

	if (id == 0)
		return DESK_ERROR;
	if (arg == NULL) {
		ui_prompt_command(ui, "claim-dispute", NULL);
		ui_message(ui, "Why? Type the reason and Enter");
		return DESK_OK;
	}
	return ui_cmds_claim_after(ui, desk_claim_dispute(ui->d, id, arg), "claim-dispute", id,
	                           "Disputed");
}

int
ui_cmds_apply(struct ui *ui, const char *arg)
{
	int64_t id = ui_cmds_claim_id(ui, "apply"), *articles = NULL;
	desk_range *ranges = NULL;
	size_t n = 0, added = 0;
	int rc;

	if (id == 0)
		return DESK_ERROR;
	if (arg && strcmp(arg, "yes") == 0) {
		if ((rc = desk_claim_apply(&added, ui->d, id)) != DESK_OK)
			return ui_error(ui, "apply: %s", desk_errmsg(ui->d));
		ui_cmds_claim_after(ui, rc, "apply", 0, NULL);
		ui_message(ui, "The research now stands for %zu more claim%s in other articles",
		           added, added == 1 ? "" : "s");
		return DESK_OK;
	}
	if ((rc = desk_claim_repeats(&ranges, &articles, &n, ui->d, id)) != DESK_OK)
		return ui_error(ui, "apply: %s", desk_errmsg(ui->d));
	free(ranges);
	free(articles);
	if (n == 0) {
		ui_message(ui, "The claim is in no other article");
		return DESK_OK;
	}
	snprintf(ui->confirm, sizeof ui->confirm, "apply yes");
	ui_message(ui,
	           "Give this verdict and evidence to the same claim in %zu other article%s? "
	           "(y: yes, another key: no)",
	           n, n == 1 ? "" : "s");
	return DESK_OK;
}

int
ui_cmds_claim_info(struct ui *ui, const char *arg)
{
	int64_t id = ui_cmds_claim_id(ui, "claim-info");

	(void)arg;
	if (id == 0)
		return DESK_ERROR;
	return view_claims_open_detail(ui, id);
}

int
ui_cmds_claims(struct ui *ui, const char *arg)
{
	int64_t article = ui->view == views[VIEW_READER] ? views[VIEW_READER]->article(ui) : 0;

	if (arg && strcmp(arg, "all") == 0)
		article = 0;
	return view_claims_open_list(ui, article);
}

int
ui_cmds_claims_status(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view != views[VIEW_CLAIMS])
		return ui_error(ui, "claims-status: in the claims screen (C)");
	return view_claims_cycle_status(ui) == DESK_OK
	           ? DESK_OK
	           : ui_error(ui, "claims: %s", desk_errmsg(ui->d));
}

int
ui_cmds_claims_verdict(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view != views[VIEW_CLAIMS])
		return ui_error(ui, "claims-verdict: in the claims screen (C)");
	return view_claims_cycle_verdict(ui) == DESK_OK
	           ? DESK_OK
	           : ui_error(ui, "claims: %s", desk_errmsg(ui->d));
}

int
ui_cmds_claims_scope(struct ui *ui, const char *arg)
{
	(void)arg;
	if (ui->view != views[VIEW_CLAIMS])
		return ui_error(ui, "claims-scope: in the claims screen (C)");
	return view_claims_toggle_scope(ui);
}

int
ui_cmds_candidates(struct ui *ui, const char *arg)
{
	if (arg == NULL)
		ui->cand_marks = !ui->cand_marks;
	else if (strcmp(arg, "on") == 0 || strcmp(arg, "off") == 0)
		ui->cand_marks = strcmp(arg, "on") == 0;
	else
		return ui_error(ui, "candidates: on or off, not %s", arg);
	view_tag_load(ui, 0);
	ui_dirty_body(ui);
	ui_message(ui, ui->cand_marks ? "Candidates between \u27e8 \u27e9 and in italics"
	                              : "Candidates in italics only");
	return DESK_OK;
}
