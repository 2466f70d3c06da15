/*
 * export/export.h - the export's run (export.c) with a writer of the
 * caller's, for the tests that record what a writer is given; desk_export()
 * is this with its format's writer from formats/format_table.c.
 */
#ifndef COPYDESK_EXPORT_INTERNAL_H
#define COPYDESK_EXPORT_INTERNAL_H

#include "formats/format.h"
#include "internal.h"

/* desk_export() through writer w, the options already checked (out or dir as w needs). */
int export_run(desk *d, const desk_export_opts *o, const format_writer *w, FILE *out,
               const char *dir, desk_export_stats *stats);

/*
 * The articles a filter selects, the split aside: "SELECT id, hash FROM
 * article a WHERE ... ORDER BY a.id" with the filter as ?1 to ?7, which
 * export_select() prepares and binds (ids: export_ids_json(f), kept alive by
 * the caller, freed with free()).  The statistics count over the same
 * selection (stats.c), so that a filter means one thing.
 */
extern const char export_articles_sql[];
char *export_ids_json(const desk_filter *f);
int export_select(desk *d, sqlite3_stmt **st, const char *sql, const desk_filter *f,
                  const char *ids);

#endif
