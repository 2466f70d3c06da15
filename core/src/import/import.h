/*
 * import.h - the importer's internals: one file's bytes into articles in
 * the format it is in (import.c), over what the formats share
 * (formats/format.h).  Not part of the public API; the parsers are pure
 * functions (no database) so that unit tests can call them directly.
 */
#ifndef COPYDESK_IMPORT_H
#define COPYDESK_IMPORT_H

#include "copydesk/copydesk.h"
#include "formats/format.h"
#include "internal.h"

/* A JSON Lines file larger than this is parsed and stored a part of this size at a time. */
#define IMPORT_PART_BYTES ((size_t)4 << 20)

/* The format of a file: fmt, or for AUTO by name's extension or first character. */
desk_format import_format(desk_format fmt, const char *name, const char *data, size_t len);

/*
 * The lines s[0..len) of a normalised JSON Lines file, whose first is line
 * ln0 + 1, into articles (source for those that give none): a large file is
 * parsed a part at a time, each stored while the next is parsed.
 */
int import_parse_jsonl(format_article **out, size_t *n, const char *source, const char *s,
                       size_t len, int64_t ln0, format_error *err);

/*
 * Normalise and parse a whole file's bytes in the given format (AUTO: by
 * name's extension).  source is stored as the articles' source unless a
 * record gives its own.  On failure nothing is returned and err says why.
 */
int import_parse(format_article **out, size_t *n, const char *name, const char *source,
                 const char *data, size_t len, desk_format fmt, const format_notes *notes,
                 format_error *err);

/*
 * A brat document: its .txt and .ann (NULL: none) as read from disk, name
 * its title; *in_ann tells which file a refusal is about.
 */
int import_parse_brat(format_article **out, size_t *n, const char *name, const char *source,
                      const char *txt, size_t txtlen, const char *ann, size_t annlen,
                      const format_notes *notes, format_error *err, int *in_ann);

#endif
