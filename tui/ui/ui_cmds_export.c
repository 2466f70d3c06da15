/*
 * ui_cmds_export.c - `:export`, with the options and FILTERS of `copydesk
 * export` (parsed by the same model/exportargs.c), to a file or directory
 * given with --output; progress on the message line while it runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exportargs.h"
#include "ui_cmds.h"
#include "view.h"

#define UI_EXPORT_WORDS 32

struct ui_export_ctx {
	struct ui *ui;
	struct timespec last;
	size_t warnings;
	char first[160]; /* the first warning, for the message at the end */
};

/* Progress on the message line, at most ten times a second (the export runs inside the key). */
static void
ui_export_progress(void *ctx, int64_t done, int64_t total)
{
	struct ui_export_ctx *x = ctx;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if ((now.tv_sec - x->last.tv_sec) * 1000000000L + (now.tv_nsec - x->last.tv_nsec) <
	        100000000L &&
	    done < total)
		return;
	x->last = now;
	ui_message(x->ui, "Exporting: %lld of %lld articles (%d%%)", (long long)done,
	           (long long)total, total > 0 ? (int)(done * 100 / total) : 100);
	ui_flush_message(x->ui);
}

static void
ui_export_warn(void *ctx, const desk_export_warning *w)
{
	struct ui_export_ctx *x = ctx;

	if (x->warnings++ == 0)
		snprintf(x->first, sizeof x->first, "article %lld, %lld-%lld: %s",
		         (long long)w->article_id, (long long)w->start, (long long)w->end,
		         w->message);
}

int
ui_cmds_export(struct ui *ui, const char *arg)
{
	struct ui_export_ctx x = {ui, {0, 0}, 0, ""};
	exportargs a = {0};
	desk_export_stats st = {0};
	char *line = NULL, *argv[UI_EXPORT_WORDS], err[512];
	int argc, rc = DESK_OK;

	if (arg == NULL) {
		ui_prompt_command(ui, "export", "--format jsonl --output ");
		return DESK_OK;
	}
	if ((line = strdup(arg)) == NULL)
		return ui_error(ui, "export: out of memory");
	if ((argc = exportargs_split(line, argv, UI_EXPORT_WORDS, err, sizeof err)) < 0) {
		rc = ui_error(ui, "export: %s", err);
		goto done;
	}
	for (int i = 0; i < argc; i++) {
		int r = exportargs_take(&a, EXPORTARGS_FILTERS | EXPORTARGS_EXPORT, argc, argv, &i);

		if (r <= 0) {
			rc = ui_error(ui, "export: %s", r < 0 ? a.err : "unknown option");
			goto done;
		}
	}
	if (a.o.format == DESK_FORMAT_AUTO || a.output == NULL || strcmp(a.output, "-") == 0) {
		rc = ui_error(ui,
		              "export: give --format and --output (:export --format conll --output "
		              "corpus.conll)");
		goto done;
	}
	a.o.progress = ui_export_progress;
	a.o.warn = ui_export_warn;
	a.o.ctx = &x;
	if ((rc = exportargs_run(&a, ui->d, NULL, &st, err, sizeof err)) != DESK_OK) {
		rc = ui_error(ui, "export: %s", err);
		goto done;
	}
	if (x.warnings > 0)
		ui_message(ui, "Exported %lld articles to %s; %zu warnings, the first: %s",
		           (long long)st.articles, a.output, x.warnings, x.first);
	else
		ui_message(ui, "Exported %lld articles, %lld spans, %lld claims to %s",
		           (long long)st.articles, (long long)st.spans, (long long)st.claims,
		           a.output);
done:
	exportargs_free(&a);
	free(line);
	return rc;
}
