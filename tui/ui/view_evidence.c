/*
 * view_evidence.c - the evidence form: source, quote and consulted date
 * asked for in turn on the message line with the line editor (grapheme
 * moves and deletes, C-a, C-e, C-w, C-u; a paste of any length).  The date
 * comes filled in with today (UTC, as the core checks it).  Each field is
 * checked by the core (desk_evidence_check) as soon as it is entered; when
 * the core refuses it (DESK_INVALID), its whole reason is shown wrapped above
 * the status bar and the field it names (desk_errfield) is asked for again
 * with what was typed, the other fields kept.  Esc drops the form.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claimview.h"
#include "layout.h"
#include "view_claim.h"

static void
view_evidence_end(struct ui *ui)
{
	if (ui->evform_error[0])
		ui_dirty_body(ui); /* the reason drawn over the body goes */
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

/* The core refused: its reason kept (drawn wrapped), the field it names asked for again. */
static void
view_evidence_refused(struct ui *ui)
{
	snprintf(ui->evform_error, sizeof ui->evform_error, "%s", desk_errmsg(ui->d));
	evform_refused(ui->evform, desk_errfield(ui->d));
	ui_dirty_body(ui);
	view_evidence_ask(ui);
}

/* The field just entered, checked alone: DESK_OK or DESK_INVALID. */
static int
view_evidence_check(struct ui *ui, int field)
{
	const char *v = ui->evform->value[field];

	return desk_evidence_check(ui->d, field == EVFORM_SOURCE ? v : NULL,
	                           field == EVFORM_QUOTE ? v : NULL,
	                           field == EVFORM_CONSULTED && *v ? v : NULL);
}

void
view_evidence_accept(struct ui *ui, const char *line)
{
	struct evform *f = ui->evform;
	const char *consulted;
	int64_t id = 0, claim = ui->evform_claim;
	desk_claim *c = NULL;
	int rc, field;

	if (f == NULL)
		return;
	field = f->field;
	if ((rc = evform_accept(f, line)) < 0) {
		ui_error(ui, "out of memory");
		view_evidence_end(ui);
		return;
	}
	if (ui->evform_error[0])
		ui_dirty_body(ui); /* the reason drawn over the body goes */
	ui->evform_error[0] = '\0';
	if (field >= 0 && field < EVFORM_NFIELDS &&
	    (rc = view_evidence_check(ui, field)) != DESK_OK) {
		if (rc == DESK_INVALID) {
			view_evidence_refused(ui);
			return;
		}
		ui_error(ui, "evidence: %s", desk_errmsg(ui->d));
		view_evidence_end(ui);
		return;
	}
	if (f->field != EVFORM_DONE) {
		view_evidence_ask(ui);
		return;
	}
	consulted = *f->value[EVFORM_CONSULTED] ? f->value[EVFORM_CONSULTED] : NULL;
	rc = desk_claim_add_evidence(&id, ui->d, claim, f->value[EVFORM_SOURCE],
	                             f->value[EVFORM_QUOTE], consulted);
	if (rc == DESK_INVALID) {
		view_evidence_refused(ui);
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

/* The reason of the last refusal, whole, wrapped on the body's last rows (over what is there). */
void
view_evidence_draw_reason(struct ui *ui)
{
	struct layout_cell *cells = NULL;
	struct layout *l = NULL;
	desk_text *t = NULL;
	int width = ui->cols - 2, top;

	if (ui->evform == NULL || !ui->evform_error[0] || width < 1 || ui->rows < 2)
		return;
	if (desk_text_new(&t, ui->evform_error, strlen(ui->evform_error)) != DESK_OK ||
	    layout_new(&l, t, width, NULL, 0, LAYOUT_WORDS) != DESK_OK ||
	    (cells = malloc((size_t)width * sizeof *cells)) == NULL)
		goto done;
	top = ui->rows - (int)l->nlines - 1;
	if (top < 0)
		top = 0;
	for (int r = top; r < ui->rows; r++) {
		wmove(ui->body, r, 0);
		wclrtoeol(ui->body);
	}
	for (size_t line = 0; line < l->nlines && top + 1 + (int)line < ui->rows; line++) {
		size_t n = layout_cells(l, line, cells, (size_t)width);

		for (size_t i = 0; i < n; i++)
			ui_draw_cell(ui, ui->body, top + 1 + (int)line, 1 + cells[i].col, &cells[i],
			             UI_ERROR);
	}
done:
	free(cells);
	layout_free(l);
	desk_text_free(t);
}

const char *
view_evidence_label(struct ui *ui, const char **error)
{
	*error = ui->evform_error[0] ? ui->evform_error : NULL;
	return ui->evform ? evform_label(ui->evform) : "";
}
