/*
 * export/export.c - the annotated corpus out: one read transaction over the
 * store, a document at a time, through a writer of formats/format_table.c.
 * (Being written: the skeleton the writers build on.)
 */
#include "formats/format.h"
#include "internal.h"

int
desk_format_export_kind(desk_format f)
{
	const format_entry *e = format_find(f);

	if (e == NULL || e->write == NULL)
		return -1;
	return e->dir;
}

int
desk_export(desk *d, const desk_export_opts *o, FILE *out, const char *dir,
            desk_export_stats *stats)
{
	(void)o;
	(void)out;
	(void)dir;
	(void)stats;
	return desk_error(d, DESK_MISUSE, "export: not yet");
}
