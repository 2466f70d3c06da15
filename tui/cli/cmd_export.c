/*
 * cmd_export.c - `copydesk export`: the annotated corpus out in a format of
 * another tool, to standard output, a file (written whole or not at all) or
 * a directory (brat), with progress on standard error when it takes long.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd_cli.h"
#include "exportargs.h"

struct cmd_export_ctx {
	struct cli *c;
	struct timespec t0, last;
	int tty, shown;
	size_t warnings;
};

static double
cmd_export_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Progress on a terminal, once the export has run a second, at most ten times a second. */
static void
cmd_export_progress(void *ctx, int64_t done, int64_t total)
{
	struct cmd_export_ctx *x = ctx;
	struct timespec now;

	if (!x->tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (cmd_export_since(&x->t0, &now) < 1.0 ||
	    (x->shown && cmd_export_since(&x->last, &now) < 0.1 && done < total))
		return;
	x->last = now;
	x->shown = 1;
	fprintf(x->c->err, "\rcopydesk export: %lld of %lld articles (%d%%)", (long long)done,
	        (long long)total, total > 0 ? (int)(done * 100 / total) : 100);
	fflush(x->c->err);
}

static void
cmd_export_warn(void *ctx, const desk_export_warning *w)
{
	struct cmd_export_ctx *x = ctx;

	if (x->shown) {
		fputc('\n', x->c->err);
		x->shown = 0;
	}
	x->warnings++;
	cmd_printf(x->c->err, "copydesk export: article %lld, %lld-%lld: %s\n",
	           (long long)w->article_id, (long long)w->start, (long long)w->end, w->message);
}

int
cmd_export(struct cli *c, int argc, char **argv)
{
	struct cmd_export_ctx x = {c, {0, 0}, {0, 0}, 0, 0, 0};
	exportargs a = {0};
	desk_export_stats st = {0};
	desk *d = NULL;
	char err[512];
	const char *to;
	int i, r, rc, status = EXIT_OK_;

	for (i = 1; i < argc; i++) {
		if ((r = exportargs_take(&a, EXPORTARGS_FILTERS | EXPORTARGS_EXPORT, argc, argv,
		                         &i)) < 0) {
			status = cmd_usage(c, "export", "%s", a.err);
			goto done;
		}
		if (r == 0) {
			status = cmd_usage(c, "export", "unknown option %s", argv[i]);
			goto done;
		}
	}
	if (a.o.format == DESK_FORMAT_AUTO) {
		status = cmd_usage(c, "export",
		                   "--format is needed (jsonl, doccano, conll, brat, "
		                   "claimreview, fever or csv)");
		goto done;
	}
	if ((status = cmd_open(&d, c)) != EXIT_OK_)
		goto done;
	x.tty = isatty(fileno(c->err));
	clock_gettime(CLOCK_MONOTONIC, &x.t0);
	a.o.progress = cmd_export_progress;
	a.o.warn = cmd_export_warn;
	a.o.ctx = &x;
	rc = exportargs_run(&a, d, c->out, &st, err, sizeof err);
	if (x.shown)
		fputc('\n', c->err);
	if (rc != DESK_OK) {
		cmd_printf(c->err, "copydesk export: %s\n", err);
		status = cmd_exit_status(rc);
		goto done;
	}
	to = a.output && strcmp(a.output, "-") != 0 ? a.output : "standard output";
	cmd_printf(c->err, "exported %lld article%s, %lld span%s, %lld claim%s to %s",
	           (long long)st.articles, st.articles == 1 ? "" : "s", (long long)st.spans,
	           st.spans == 1 ? "" : "s", (long long)st.claims, st.claims == 1 ? "" : "s", to);
	if (x.warnings > 0)
		cmd_printf(c->err, "; %zu warning%s above", x.warnings, x.warnings == 1 ? "" : "s");
	fputc('\n', c->err);
done:
	desk_close(d);
	exportargs_free(&a);
	return status;
}
