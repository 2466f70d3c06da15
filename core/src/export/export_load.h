/*
 * export/export_load.h - one document out of the store for an export: the
 * article with everything annotated on it, as formats/format.h's
 * format_article, in the offsets of the stored body.  Runs inside the
 * export's read snapshot; the statements are prepared once per export.
 */
#ifndef COPYDESK_EXPORT_LOAD_H
#define COPYDESK_EXPORT_LOAD_H

#include "formats/format.h"
#include "internal.h"

typedef struct export_loader export_loader;

/* Prepare the loader for an export with filter f (its span and claim parts apply). */
int export_loader_new(export_loader **out, desk *d, const desk_filter *f);
/* Load article id into *out (cleared first by the caller); DESK_NOTFOUND if none. */
int export_load(export_loader *l, int64_t id, format_article *out);
void export_loader_free(export_loader *l);

#endif
