/*
 * formats/format_table.c - the one table of formats: for each, the name
 * --format takes, the file name endings it is known by on import, whether a
 * file is composed to NFC whole before it is read, its reader and its writer
 * (one file per format in this folder holds both), and whether it is
 * exported as a directory.  The importer and the exporter both look here.
 */
#include <string.h>

#include "format.h"

const format_entry format_table[] = {
    {DESK_FORMAT_TEXT, "text", "txt", {".txt", NULL}, 1, fmt_text_read, NULL, 0},
    {DESK_FORMAT_JSONL,
     "jsonl",
     NULL,
     {".jsonl", ".ndjson", NULL},
     0,
     fmt_jsonl_read,
     &fmt_jsonl_writer,
     0},
    {DESK_FORMAT_DOCCANO, "doccano", NULL, {NULL}, 0, fmt_doccano_read, &fmt_doccano_writer, 0},
    {DESK_FORMAT_CONLL, "conll", NULL, {".conll", NULL}, 1, fmt_conll_read, &fmt_conll_writer, 0},
    {DESK_FORMAT_BRAT, "brat", NULL, {".ann", NULL}, 1, fmt_brat_read, &fmt_brat_writer, 1},
    {DESK_FORMAT_CLAIMREVIEW, "claimreview", NULL, {NULL}, 0, NULL, &fmt_claimreview_writer, 0},
    {DESK_FORMAT_FEVER, "fever", NULL, {NULL}, 0, NULL, &fmt_fever_writer, 0},
    {DESK_FORMAT_CSV, "csv", NULL, {NULL}, 0, NULL, &fmt_csv_writer, 0},
};
const size_t format_count = sizeof format_table / sizeof *format_table;

const format_entry *
format_find(desk_format id)
{
	for (size_t i = 0; i < format_count; i++)
		if (format_table[i].id == id)
			return &format_table[i];
	return NULL;
}

const format_entry *
format_named(const char *name)
{
	for (size_t i = 0; name != NULL && i < format_count; i++)
		if (strcmp(name, format_table[i].name) == 0 ||
		    (format_table[i].alias && strcmp(name, format_table[i].alias) == 0))
			return &format_table[i];
	return NULL;
}
