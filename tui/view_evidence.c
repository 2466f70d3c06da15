/*
 * view_evidence.c - the evidence form: source, quote and consulted date
 * asked for in turn on the message line with the line editor (grapheme
 * moves and deletes, C-a, C-e, C-w, C-u; a paste of any length).  The date
 * comes filled in with today (UTC, as the core checks it).  The core checks the evidence: when it
 * refuses it (DESK_INVALID), its message is shown before the field it names, which is asked for
 * again with what was typed, the other fields kept.  Esc drops the form.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claimview.h"
#include "view_claim.h"

static void
view_evidence_end(struct ui *ui)
{
	if (ui->evform)
		evform_free(ui->evform);
	free(ui->evform);
	ui->evform = NULL;
	ui->evform_claim = 0;
	ui->evform_error[0] = '\0';
}

/* Ask for the form's current field, its kept value in the line editor. */
static void
view_evidence_ask(struct ui *ui)
{
	const char *v = evform_value(ui->evform);

	ui_prompt_open(ui, VIEW_EVIDENCE_PROMPT);
	lineedit_insert(&ui->edit, v, strlen(v));
}

int
view_evidence_start(struct ui *ui, int64_t claim_id)
{
	char today[16];
	time_t now = time(NULL);
	struct tm tm;

	view_evidence_end(ui);
	/* UTC, as the core's "not after today" (research.c). */
	if (gmtime_r(&now, &tm) == NULL || strftime(today, sizeof today, "%Y-%m-%d", &tm) == 0)
		today[0] = '\0';
	if ((ui->evform = malloc(sizeof *ui->evform)) == NULL ||
	    evform_init(ui->evform, today) != DESK_OK) {
		free(ui->evform);
		ui->evform = NULL;
		return ui_error(ui, "out of memory");
	}
	ui->evform_claim = claim_id;
	view_evidence_ask(ui);
	return DESK_OK;
}

void
view_evidence_cancel(struct ui *ui)
{
	if (ui->evform)
		ui_message(ui, "Evidence not added");
	view_evidence_end(ui);
}

void
view_evidence_accept(struct ui *ui, const char *line)
{
	struct evform *f = ui->evform;
	const char *consulted;
	int64_t id = 0, claim = ui->evform_claim;
	desk_claim *c = NULL;
	int rc;

	if (f == NULL)
		return;
	if ((rc = evform_accept(f, line)) < 0) {
		ui_error(ui, "out of memory");
		view_evidence_end(ui);
		return;
	}
	ui->evform_error[0] = '\0';
	if (rc != EVFORM_DONE) {
		view_evidence_ask(ui);
		return;
	}
	consulted = *f->value[EVFORM_CONSULTED] ? f->value[EVFORM_CONSULTED] : NULL;
	rc = desk_claim_add_evidence(&id, ui->d, claim, f->value[EVFORM_SOURCE],
	                             f->value[EVFORM_QUOTE], consulted);
	if (rc == DESK_INVALID) {
		/* The field the core names again, with what was typed: correct it. */
		snprintf(ui->evform_error, sizeof ui->evform_error, "%s", desk_errmsg(ui->d));
		evform_refused(f, ui->evform_error);
		view_evidence_ask(ui);
		return;
	}
	view_evidence_end(ui);
	if (rc != DESK_OK) {
		ui_error(ui, "evidence: %s", desk_errmsg(ui->d));
		return;
	}
	view_tag_load(ui, 0);
	view_claims_reload(ui);
	if (desk_claim_get(&c, ui->d, claim) == DESK_OK) {
		ui_message(ui, "Evidence added (%zu): the claim is %s%s", c->nevidence,
		           desk_claim_status_name(c->status),
		           c->status == DESK_CLAIM_CHECK && !*c->verdict
		               ? "; V then a verdict's key proposes it"
		               : "");
		desk_claim_free(c);
	} else {
		ui_message(ui, "Evidence added");
	}
}

const char *
view_evidence_label(struct ui *ui, const char **error)
{
	*error = ui->evform_error[0] ? ui->evform_error : NULL;
	return ui->evform ? evform_label(ui->evform) : "";
}
