/*
 * cmd_stats.c - `copydesk stats [FILTERS]`: where the corpus stands
 * (stats.h), of the articles the export's FILTERS take (exportargs.c), as
 * aligned columns (statsview.c without bars) or JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"
#include "exportargs.h"
#include "statsview.h"

int
cmd_stats(struct cli *c, int argc, char **argv)
{
	desk_stats *s = NULL;
	struct statsview sv = {NULL, 0, 0};
	exportargs a = {0};
	char *json = NULL;
	desk *d = NULL;
	int json_out = 0, rc, ret, r;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else if ((r = exportargs_take(&a, EXPORTARGS_FILTERS, argc, argv, &i)) != 1) {
			ret = r < 0 ? cmd_usage(c, "stats", "%s", a.err)
			            : cmd_usage(c, "stats", "unexpected argument %s", argv[i]);
			exportargs_free(&a);
			return ret;
		}
	}
	if ((ret = cmd_open(&d, c)) != EXIT_OK_) {
		exportargs_free(&a);
		return ret;
	}
	if ((rc = desk_stats_get(&s, d, &a.o.filter)) != DESK_OK) {
		cmd_printf(c->err, "copydesk stats: %s\n", desk_errmsg(d));
	} else if (json_out) {
		if ((rc = desk_stats_json(&json, s)) == DESK_OK)
			cmd_write_json(c->out, json);
	} else if ((rc = statsview_lines(&sv, s, 0)) == DESK_OK) {
		for (size_t i = 0; i < sv.n; i++) {
			cmd_write_text(c->out, sv.v[i].text, strlen(sv.v[i].text));
			fputc('\n', c->out);
		}
	}
	if (rc == DESK_NOMEM)
		cmd_printf(c->err, "copydesk stats: out of memory\n");
	statsview_free(&sv);
	free(json);
	desk_stats_free(s);
	desk_close(d);
	exportargs_free(&a);
	return cmd_exit_status(rc);
}
