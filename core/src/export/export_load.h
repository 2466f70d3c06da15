/*
 * export/export_load.h - one stored article with everything on it, as a
 * document of the formats' model (formats/format.h), for the exporter
 * (export.c) to hand to a writer.
 */
#ifndef COPYDESK_EXPORT_LOAD_H
#define COPYDESK_EXPORT_LOAD_H

#include "copydesk/export.h"
#include "formats/format.h"
#include "internal.h"

/*
 * The statements an export reads each document with, prepared once
 * (export_loader_new, with the export's filter) and reused for every
 * article (export_load), inside the caller's read snapshot.
 */
typedef struct export_loader export_loader;

int export_loader_new(export_loader **out, desk *d, const desk_filter *f);
void export_loader_free(export_loader *l);

/*
 * Fill out (zeroed first; format_article_clear() frees it) with the stored
 * article: its metadata, body and marks; its standing spans by start, end,
 * label (with text, entity, author and time); the entities they refer to
 * (with the distinct texts of those spans as aliases); its standing claims
 * by start with their research, standing evidence and history; the tokens
 * it keeps.  The loader's filter's span and claim parts apply (user: that
 * editor's spans and claims; label: that label's spans; verdict,
 * claim_status: those claims); it may be NULL.  Offsets are of the stored
 * body.  DESK_NOTFOUND for no such article.
 */
int export_load(export_loader *l, int64_t article_id, format_article *out);

#endif
