/*
 * import_brat.c - a brat document (NAME.txt and NAME.ann) read from disk as
 * a pair and handed to the brat reader (formats/brat_read.c); what it could
 * not keep comes back as notes, reported once the document is accepted.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import_brat.h"

/* Read a whole file; errno set on failure. */
static int
import_brat_slurp(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 65536, n = 0;
	char *buf = NULL;

	*out = NULL;
	*len = 0;
	if (f == NULL)
		return DESK_IO;
	for (;;) {
		char *b;
		size_t k;

		if (n + 1 >= cap || buf == NULL) {
			if (buf != NULL)
				cap *= 2;
			if (cap > FORMAT_MAX_FILE + 4096 || (b = realloc(buf, cap)) == NULL) {
				free(buf);
				fclose(f);
				errno = cap > FORMAT_MAX_FILE ? EFBIG : ENOMEM;
				return errno == ENOMEM ? DESK_NOMEM : DESK_IO;
			}
			buf = b;
		}
		k = fread(buf + n, 1, cap - n - 1, f);
		n += k;
		if (k == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		free(buf);
		errno = e ? e : EIO;
		return DESK_IO;
	}
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return DESK_OK;
}

/* The notes of one document, kept until it is accepted. */
typedef struct import_brat_notes {
	char **msg;
	int64_t *line;
	size_t n, cap, capl;
	int nomem;
} import_brat_notes;

static void
import_brat_note(void *ctx, int64_t line, const char *msg)
{
	import_brat_notes *b = ctx;
	char *m = desk_strdup(msg);

	if (m == NULL || desk_grow(&b->msg, &b->cap, b->n, sizeof *b->msg) != DESK_OK ||
	    desk_grow(&b->line, &b->capl, b->n, sizeof *b->line) != DESK_OK) {
		free(m);
		b->nomem = 1;
		return;
	}
	b->msg[b->n] = m;
	b->line[b->n++] = line;
}

static int
import_brat_ends(const char *path, const char *ext)
{
	size_t n = strlen(path);

	return n > 4 && strcmp(path + n - 4, ext) == 0;
}

int
import_brat_skip(desk_format fmt, const char *path)
{
	char txt[4096];
	size_t n = strlen(path);
	struct stat st;

	if (fmt != DESK_FORMAT_BRAT || !import_brat_ends(path, ".ann") || n >= sizeof txt)
		return 0;
	memcpy(txt, path, n - 4);
	memcpy(txt + n - 4, ".txt", 5);
	return stat(txt, &st) == 0;
}

/* The spans and claims of a document as an annotator's layer: theirs, and recorded as such. */
static int
import_brat_layer(format_article *arts, size_t n, const char *editor, const char *apath)
{
	for (size_t i = 0; i < n; i++) {
		format_article *a = &arts[i];

		if ((a->layer = format_pool_strdup(&a->pool, editor, strlen(editor))) == NULL ||
		    (a->layer_source = format_pool_strdup(&a->pool, apath, strlen(apath))) == NULL)
			return DESK_NOMEM;
		for (size_t k = 0; k < a->nspans; k++)
			a->spans[k].author = a->layer;
		for (size_t k = 0; k < a->nclaims; k++)
			a->claims[k].author = a->layer;
	}
	return DESK_OK;
}

int
import_brat_doc(import_run *r, const char *tpath, const char *apath, const char *name,
                const char *editor, int given_ann)
{
	format_error err = {0};
	import_brat_notes nb = {0};
	format_notes notes = {import_brat_note, &nb};
	format_article *arts = NULL;
	size_t n = 0, tl = 0, al = 0;
	char *txt = NULL, *ann = NULL;
	int rc = DESK_OK, in_ann = 0, annotated = 0;

	if (r->stats)
		r->stats->files++;
	if (import_brat_slurp(tpath, &txt, &tl) != DESK_OK) {
		int e = errno;

		import_batch_flush(r);
		if (e == ENOENT && given_ann)
			import_batch_refuse(
			    r, apath, DESK_INVALID, 0, 0,
			    "no .txt beside it: a brat document is a .txt and its .ann");
		else
			import_batch_refuse(r, tpath, e == ENOENT ? DESK_NOTFOUND : DESK_IO, 0, 0,
			                    strerror(e));
		goto done;
	}
	if (import_brat_slurp(apath, &ann, &al) != DESK_OK && errno != ENOENT) {
		int e = errno;

		import_batch_flush(r);
		import_batch_refuse(r, apath, DESK_IO, 0, 0, strerror(e));
		goto done;
	}
	if (import_parse_brat(&arts, &n, name, tpath, txt, tl, ann, al, &notes, &err, &in_ann) !=
	    DESK_OK) {
		if ((rc = import_batch_flush(r)) != DESK_OK)
			goto done;
		import_batch_refuse(r, in_ann ? apath : tpath, err.rc, err.line, err.column,
		                    err.msg);
		rc = err.rc == DESK_NOMEM ? DESK_NOMEM : DESK_OK;
		goto done;
	}
	/* A project's annotator: an .ann, even empty, is the editor's layer of the article. */
	if (editor != NULL && ann != NULL && import_brat_layer(arts, n, editor, apath) != DESK_OK) {
		rc = import_batch_error(r, DESK_NOMEM, "out of memory");
		goto done;
	}
	/* The annotations checked as every format's are (labels, verdicts, offsets). */
	if (import_annot_check(&r->annot, arts, n, &annotated, &err) != DESK_OK) {
		import_notes_drop(&r->annot);
		if ((rc = import_batch_flush(r)) != DESK_OK)
			goto done;
		import_batch_refuse(r, ann ? apath : tpath, err.rc, err.line, err.column, err.msg);
		rc = err.rc == DESK_NOMEM ? DESK_NOMEM : DESK_OK;
		goto done;
	}
	if (nb.n > 0 && (rc = import_batch_flush(r)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < nb.n; i++) {
		desk_import_event ev = {0};

		ev.what = DESK_IMPORT_NOTE;
		ev.path = ann ? apath : tpath;
		ev.line = nb.line[i];
		ev.message = nb.msg[i];
		import_batch_emit(r, &ev);
	}
	/* Reported under the .ann, whose lines the notes and refusals give; the source is the .txt.
	 */
	rc = import_batch_add(r, ann ? apath : tpath, arts, n);
	arts = NULL;
	n = 0;
done:
	format_articles_free(arts, n);
	for (size_t i = 0; i < nb.n; i++)
		free(nb.msg[i]);
	free(nb.msg);
	free(nb.line);
	free(txt);
	free(ann);
	return rc;
}

int
import_brat_run(import_run *r, const char *path)
{
	size_t stem = strlen(path);
	char *tpath = NULL, *apath = NULL, *name = NULL;
	const char *base;
	int rc;

	if (import_brat_ends(path, ".ann") || import_brat_ends(path, ".txt"))
		stem -= 4;
	if ((tpath = malloc(stem + 5)) == NULL || (apath = malloc(stem + 5)) == NULL ||
	    (name = malloc(stem + 1)) == NULL) {
		free(tpath);
		free(apath);
		if (r->stats)
			r->stats->files++;
		return import_batch_error(r, DESK_NOMEM, "out of memory");
	}
	snprintf(tpath, stem + 5, "%.*s.txt", (int)stem, path);
	snprintf(apath, stem + 5, "%.*s.ann", (int)stem, path);
	base = strrchr(tpath, '/') ? strrchr(tpath, '/') + 1 : tpath;
	snprintf(name, stem + 1, "%.*s", (int)(stem - (size_t)(base - tpath)), base);
	rc = import_brat_doc(r, tpath, apath, name, NULL, import_brat_ends(path, ".ann"));
	free(tpath);
	free(apath);
	free(name);
	return rc;
}
