/* cmd_import.c - `copydesk import`: files, directories and stdin into the store. */
#include <string.h>

#include "cmd_cli.h"

struct cmd_import_ctx {
	struct cli *c;
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
		cmd_printf(c->err, "copydesk import: refused %s", ev->path);
		if (ev->line > 0)
			cmd_printf(c->err, ":%lld:%lld", (long long)ev->line,
			           (long long)ev->column);
		cmd_printf(c->err, ": %s\n", ev->message ? ev->message : desk_strerror(ev->rc));
		break;
	}
}

int
cmd_import(struct cli *c, int argc, char **argv)
{
	struct cmd_import_ctx ctx = {c};
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
		if (desk_format_parse(&fmt, v) != DESK_OK)
			return cmd_usage(c, "import", "unknown format %s (text or jsonl)", v);
	}
	if (i == argc)
		return cmd_usage(c, "import", "nothing to import");
	if ((status = cmd_open_create(&d, c)) != EXIT_OK_)
		return status;
	for (; i < argc; i++) {
		rc = desk_import_path(d, argv[i], fmt, cmd_import_event, &ctx, &stats);
		if (rc == DESK_NOTFOUND)
			cmd_printf(c->err, "copydesk import: %s: no such file or directory\n",
			           argv[i]);
		else if (rc != DESK_OK && rc != DESK_INVALID)
			cmd_printf(c->err, "copydesk import: %s: %s\n", argv[i], desk_errmsg(d));
		/* Missing input outranks refused data, which outranks success. */
		if (rc == DESK_NOTFOUND || (rc != DESK_OK && worst != DESK_NOTFOUND))
			worst = rc;
	}
	cmd_printf(c->err, "%zu added, %zu skipped as duplicates, %zu refused, from %zu files\n",
	           stats.added, stats.duplicates, stats.refused, stats.files);
	desk_close(d);
	if (worst == DESK_NOTFOUND)
		return EXIT_NOINPUT;
	return cmd_exit_status(worst);
}
