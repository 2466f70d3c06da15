/* cmd_import.c - `copydesk import`: files, directories and stdin into the store. */
#include <string.h>

#include "cmd_cli.h"

struct cmd_import_ctx {
	struct cli *c;
	size_t missing; /* paths that do not exist: said once, not counted as refused */
};

static void
cmd_import_event(void *ctx, const desk_import_event *ev)
{
	struct cli *c = ((struct cmd_import_ctx *)ctx)->c;
	const char *title = ev->title && *ev->title ? ev->title : "(no title)";

	switch (ev->what) {
	case DESK_IMPORT_ADDED:
		cmd_printf(c->out, "added %lld\t%s", (long long)ev->article_id, ev->path);
		if (ev->line > 1)
			cmd_printf(c->out, ":%lld", (long long)ev->line);
		fputc('\t', c->out);
		cmd_write_text(c->out, title, strlen(title));
		fputc('\n', c->out);
		break;
	case DESK_IMPORT_DUPLICATE:
		cmd_printf(c->out, "skipped %lld\t%s", (long long)ev->article_id, ev->path);
		if (ev->line > 1)
			cmd_printf(c->out, ":%lld", (long long)ev->line);
		cmd_printf(c->out, "\tduplicate of article %lld\n", (long long)ev->article_id);
		break;
	case DESK_IMPORT_REFUSED:
		if (ev->rc == DESK_NOTFOUND) {
			cmd_printf(c->err, "copydesk import: %s: %s\n", ev->path,
			           ev->message ? ev->message : "no such file or directory");
			((struct cmd_import_ctx *)ctx)->missing++;
			break;
		}
		cmd_printf(c->err, "copydesk import: refused %s", ev->path);
		if (ev->line > 0)
			cmd_printf(c->err, ":%lld:%lld", (long long)ev->line,
			           (long long)ev->column);
		cmd_printf(c->err, ": %s\n", ev->message ? ev->message : desk_strerror(ev->rc));
		break;
	case DESK_IMPORT_NOTE:
		cmd_printf(c->err, "copydesk import: note: %s", ev->path);
		if (ev->line > 0)
			cmd_printf(c->err, ":%lld", (long long)ev->line);
		cmd_printf(c->err, ": %s\n", ev->message ? ev->message : "");
		break;
	}
}

int
cmd_import(struct cli *c, int argc, char **argv)
{
	struct cmd_import_ctx ctx = {c, 0};
	desk_import_stats stats = {0};
	desk_format fmt = DESK_FORMAT_AUTO;
	desk *d = NULL;
	int i, rc, worst = DESK_OK, status;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		const char *v = NULL;

		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			v = argv[++i];
		else if (strncmp(argv[i], "--format=", 9) == 0)
			v = argv[i] + 9;
		else
			return cmd_usage(c, "import", "unknown option %s", argv[i]);
		if (desk_format_parse(&fmt, v) != DESK_OK || !desk_format_can_import(fmt))
			return cmd_usage(
			    c, "import",
			    "%s is not a format copydesk imports (text, jsonl, doccano, "
			    "conll or brat)",
			    v);
	}
	if (i == argc)
		return cmd_usage(c, "import", "nothing to import");
	if ((status = cmd_open_create(&d, c)) != EXIT_OK_)
		return status;
	for (; i < argc; i++) {
		rc = desk_import_path(d, argv[i], fmt, cmd_import_event, &ctx, &stats);
		/* A missing path was said by its event. */
		if (rc != DESK_OK && rc != DESK_INVALID && rc != DESK_NOTFOUND)
			cmd_printf(c->err, "copydesk import: %s: %s\n", argv[i], desk_errmsg(d));
		/* Missing input outranks refused data, which outranks success. */
		if (rc == DESK_NOTFOUND || (rc != DESK_OK && worst != DESK_NOTFOUND))
			worst = rc;
	}
	/* Nothing read because nothing was there: the error said it all. */
	if (stats.files > 0 || ctx.missing == 0) {
		cmd_printf(c->err,
		           "%zu added, %zu skipped as duplicates, %zu refused, from %zu file%s",
		           stats.added, stats.duplicates, stats.refused - ctx.missing, stats.files,
		           stats.files == 1 ? "" : "s");
		if (ctx.missing > 0)
			cmd_printf(c->err, "; %zu not found", ctx.missing);
		fputc('\n', c->err);
	}
	desk_close(d);
	if (worst == DESK_NOTFOUND)
		return EXIT_NOINPUT;
	return cmd_exit_status(worst);
}
