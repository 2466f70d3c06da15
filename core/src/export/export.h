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

#endif
