/*
 * release_agree.c - the agreement of a release's articles, for its dataset
 * card (release_card.c writes the section): when the released articles hold
 * more than one editor's spans, the figures of `copydesk agreement`
 * (agree.h) over exactly those articles (the export's selection of the
 * release's filter, every split), with its label.
 */
#include <stdio.h>
#include <stdlib.h>

#include "export.h"
#include "release_int.h"

int
release_agree(desk *d, release_info *ri)
{
	desk_filter f = ri->o->exp.filter;
	desk_agree_opts o = {0};
	sqlite3_stmt *st = NULL;
	int64_t *ids = NULL, shared = 0;
	size_t n = 0, cap = 0;
	char *json = NULL;
	int rc, s;

	for (int k = 0; k < 3; k++)
		shared += ri->split[k]->shared_articles > 0 ? ri->split[k]->shared_articles : 0;
	if (shared == 0 || f.user != NULL) /* one layer: nothing to compare */
		return DESK_OK;
	f.split = 0;
	if (f.articles != NULL && (json = export_ids_json(&f)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if ((rc = export_select(d, &st, export_articles_sql, &f, json)) != DESK_OK)
		goto done;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if (desk_grow(&ids, &cap, n, sizeof *ids) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	if (s != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "release articles");
		goto done;
	}
	o.articles = ids;
	o.narticles = n;
	o.label = f.label;
	rc = desk_agreement_get(&ri->agree, d, &o);
	if (rc == DESK_NOTFOUND) { /* fewer than two editors after all: no section */
		ri->agree = NULL;
		rc = DESK_OK;
	}
done:
	sqlite3_finalize(st);
	free(ids);
	free(json);
	return rc;
}
