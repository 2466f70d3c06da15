/*
 * import.c - one file's bytes into articles by its format: the table of the
 * formats the importer reads (a name, file name endings, a parser in
 * formats/), the format of a file, and the file normalised (formats/format.c)
 * and handed to its parser.  Nothing here touches the store; import_run.c
 * walks the paths and stores what this returns.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "import.h"
#include "internal.h"

static const format_entry *
import_format_entry(desk_format id)
{
	return format_find(id);
}

int
desk_format_can_import(desk_format f)
{
	const format_entry *e = format_find(f);

	return f == DESK_FORMAT_AUTO || (e != NULL && e->read != NULL);
}

int
desk_format_parse(desk_format *out, const char *name)
{
	const format_entry *f;

	if (name == NULL)
		return DESK_MISUSE;
	if (strcmp(name, "auto") == 0) {
		*out = DESK_FORMAT_AUTO;
		return DESK_OK;
	}
	if ((f = format_named(name)) == NULL)
		return DESK_MISUSE;
	*out = f->id;
	return DESK_OK;
}

desk_format
import_format(desk_format fmt, const char *name, const char *data, size_t len)
{
	const char *dot = name ? strrchr(name, '.') : NULL;

	if (fmt != DESK_FORMAT_AUTO)
		return fmt;
	for (size_t i = 0; dot != NULL && i < format_count; i++)
		for (const char *const *e = format_table[i].ext; *e != NULL; e++)
			if (format_table[i].read != NULL && strcmp(dot, *e) == 0)
				return format_table[i].id;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	while (len > 0 && strchr(" \t\r\n", *data) != NULL) {
		data++;
		len--;
	}
	return len > 0 && *data == '{' ? DESK_FORMAT_JSONL : DESK_FORMAT_TEXT;
}

/*
 * Each article's source: its own, or the file's, whose name is bytes: made
 * UTF-8 (a bad byte as U+FFFD) before it is stored, as everything stored is.
 */
static int
import_sources(format_article *arts, size_t n, const char *source, format_error *err)
{
	for (size_t i = 0; i < n; i++) {
		if (arts[i].source == NULL &&
		    desk_utf8_repair(&arts[i].source, source, strlen(source)) != DESK_OK)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		arts[i].in.source = arts[i].source;
	}
	return DESK_OK;
}

int
import_parse_jsonl(format_article **out, size_t *n, const char *source, const char *s, size_t len,
                   int64_t ln0, format_error *err)
{
	int rc = fmt_jsonl_parse(out, n, s, len, ln0, err);

	if (rc == DESK_OK && (rc = import_sources(*out, *n, source, err)) != DESK_OK) {
		format_articles_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int
import_parse(format_article **out, size_t *n, const char *name, const char *source,
             const char *data, size_t len, desk_format fmt, const format_notes *notes,
             format_error *err)
{
	const format_entry *f;
	format_article *arts = NULL;
	size_t narts = 0;
	char *buf = NULL;
	size_t blen;
	int rc;

	*out = NULL;
	*n = 0;
	f = import_format_entry(import_format(fmt, name, data, len));
	if (f == NULL || f->read == NULL) {
		rc = format_fail(err, DESK_MISUSE, 0, 0,
		                 "%s: this format is exported, not imported", f ? f->name : "?");
		goto done;
	}
	if ((rc = format_normalize(&buf, &blen, data, len, f->nfc, err)) != DESK_OK)
		goto done;
	rc = f->read(&arts, &narts, buf, blen, notes, err);
	if (rc != DESK_OK || (rc = import_sources(arts, narts, source, err)) != DESK_OK)
		goto done;
	*out = arts;
	*n = narts;
	arts = NULL;
	narts = 0;
done:
	format_articles_free(arts, narts);
	return rc;
}

int
import_parse_brat(format_article **out, size_t *n, const char *name, const char *source,
                  const char *txt, size_t txtlen, const char *ann, size_t annlen,
                  const format_notes *notes, format_error *err, int *in_ann)
{
	int rc = fmt_brat_read_pair(out, n, name, txt, txtlen, ann, annlen, notes, err, in_ann);

	if (rc == DESK_OK && (rc = import_sources(*out, *n, source, err)) != DESK_OK) {
		format_articles_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
