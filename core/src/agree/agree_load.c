/*
 * agree_load.c - what agreement reads, and only that: the editors (given,
 * or every author of a standing span or of a layer row, found by skipping
 * through the span_author index, never by a scan), each editor's articles
 * from the indexes alone (span_author, layer_editor), and of the articles
 * more than one of them annotated, each one's text and spans.
 */
#include <stdlib.h>
#include <string.h>

#include "agree_load.h"

static int
agree_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether name has a layer: a standing span or a layer row. */
static int
agree_has_layer(int *yes, desk *d, const char *name)
{
	static const char sql[] =
	    "SELECT EXISTS (SELECT 1 FROM span WHERE author = ?1 AND deleted_at IS NULL) OR "
	    "EXISTS (SELECT 1 FROM layer WHERE editor = ?1)";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*yes = sqlite3_column_int(st, 0);
	else
		rc = desk_sqlite_error(d, "layers");
	sqlite3_finalize(st);
	return rc;
}

static int
agree_push_name(agree_data *x, const char *name)
{
	char *s = desk_strdup(name);

	if (s == NULL ||
	    desk_grow(&x->names, &x->capnames, x->nnames, sizeof *x->names) != DESK_OK) {
		free(s);
		return desk_error(x->d, DESK_NOMEM, "out of memory");
	}
	x->names[x->nnames++] = s;
	return DESK_OK;
}

int
agree_load_editors(agree_data *x, const desk_agree_opts *o)
{
	/* Each next author (and layer editor) after the one before: one index seek per editor. */
	static const char all_sql[] =
	    "WITH RECURSIVE e(a) AS (SELECT (SELECT min(author) FROM span WHERE deleted_at IS "
	    "NULL) UNION ALL SELECT (SELECT min(author) FROM span WHERE deleted_at IS NULL AND "
	    "author > e.a) FROM e WHERE e.a IS NOT NULL), l(a) AS (SELECT (SELECT min(editor) "
	    "FROM layer) UNION ALL SELECT (SELECT min(editor) FROM layer WHERE editor > l.a) FROM "
	    "l WHERE l.a IS NOT NULL) SELECT a FROM e WHERE a IS NOT NULL UNION SELECT a FROM l "
	    "WHERE a IS NOT NULL ORDER BY 1";
	sqlite3_stmt *st = NULL;
	int rc = DESK_OK, s;

	if (o && o->users) {
		for (size_t i = 0; i < o->nusers && rc == DESK_OK; i++) {
			int yes = 0;

			if ((rc = agree_has_layer(&yes, x->d, o->users[i])) != DESK_OK)
				break;
			if (!yes)
				return desk_error_field(x->d, DESK_NOTFOUND, "users",
				                        DESK_RULE_UNKNOWN,
				                        "%s has no layer: no span and no imported "
				                        "annotation file",
				                        o->users[i]);
			rc = agree_push_name(x, o->users[i]);
		}
		if (rc != DESK_OK)
			return rc;
		qsort(x->names, x->nnames, sizeof *x->names, agree_str_cmp);
		for (size_t i = 1, k = 0; i <= x->nnames; i++) { /* each once */
			if (i == x->nnames) {
				x->nnames = x->nnames ? k + 1 : 0;
				break;
			}
			if (strcmp(x->names[k], x->names[i]) == 0)
				free(x->names[i]);
			else
				x->names[++k] = x->names[i];
		}
		return DESK_OK;
	}
	if ((rc = desk_prepare(x->d, &st, all_sql)) != DESK_OK)
		return rc;
	while (rc == DESK_OK && (s = sqlite3_step(st)) == SQLITE_ROW)
		rc = agree_push_name(x, (const char *)sqlite3_column_text(st, 0));
	if (rc == DESK_OK && s != SQLITE_DONE)
		rc = desk_sqlite_error(x->d, "editors");
	sqlite3_finalize(st);
	return rc;
}

/* The number of name in the sorted names[0..n), or -1. */
static int
agree_find(char *const *names, size_t n, const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(names[mid], name);

		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int
agree_editor_of(const agree_data *x, const char *name)
{
	return agree_find(x->names, x->nnames, name);
}

static int
agree_ae_cmp(const void *a, const void *b)
{
	const agree_ae *x = a, *y = b;

	if (x->article != y->article)
		return x->article < y->article ? -1 : 1;
	return x->editor - y->editor;
}

static int
agree_id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

int
agree_load_articles(agree_data *x, const desk_agree_opts *o)
{
	static const char sql[] =
	    "SELECT article_id FROM span WHERE author = ?1 AND deleted_at IS NULL UNION SELECT "
	    "article_id FROM layer WHERE editor = ?1 ORDER BY 1";
	sqlite3_stmt *st = NULL;
	int64_t *only = NULL;
	size_t cap = 0, k = 0;
	int rc;

	if ((rc = desk_prepare(x->d, &st, sql)) != DESK_OK)
		return rc;
	for (size_t e = 0; e < x->nnames && rc == DESK_OK; e++) {
		int s;

		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, x->names[e], -1, SQLITE_STATIC);
		while ((s = sqlite3_step(st)) == SQLITE_ROW) {
			if (desk_grow(&x->ae, &cap, x->nae, sizeof *x->ae) != DESK_OK) {
				rc = desk_error(x->d, DESK_NOMEM, "out of memory");
				break;
			}
			x->ae[x->nae++] = (agree_ae){sqlite3_column_int64(st, 0), (int)e};
		}
		if (rc == DESK_OK && s != SQLITE_DONE)
			rc = desk_sqlite_error(x->d, "layers");
	}
	sqlite3_finalize(st);
	if (rc != DESK_OK)
		return rc;
	if (o && o->articles) {
		if (o->narticles > 0 && (only = malloc(o->narticles * sizeof *only)) == NULL)
			return desk_error(x->d, DESK_NOMEM, "out of memory");
		if (o->narticles > 0)
			memcpy(only, o->articles, o->narticles * sizeof *only);
		qsort(only, o->narticles, sizeof *only, agree_id_cmp);
	}
	qsort(x->ae, x->nae, sizeof *x->ae, agree_ae_cmp);
	/* Keep the articles more than one editor annotated (and the caller's, if it lists them). */
	for (size_t i = 0; i < x->nae;) {
		size_t j = i;

		while (j < x->nae && x->ae[j].article == x->ae[i].article)
			j++;
		if (j - i > 1 && (only == NULL || bsearch(&x->ae[i].article, only, o->narticles,
		                                          sizeof *only, agree_id_cmp) != NULL))
			for (size_t m = i; m < j; m++)
				x->ae[k++] = x->ae[m];
		i = j;
	}
	x->nae = k;
	free(only);
	return DESK_OK;
}

int
agree_load_labels(agree_data *x)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc, s;

	if ((rc = desk_prepare(x->d, &st, "SELECT name FROM label ORDER BY name")) != DESK_OK)
		return rc;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		char *name = desk_strdup((const char *)sqlite3_column_text(st, 0));

		if (name == NULL ||
		    desk_grow(&x->labels, &cap, x->nlabels, sizeof *x->labels) != DESK_OK) {
			free(name);
			rc = desk_error(x->d, DESK_NOMEM, "out of memory");
			break;
		}
		x->labels[x->nlabels++] = name;
	}
	if (rc == DESK_OK && s != SQLITE_DONE)
		rc = desk_sqlite_error(x->d, "labels");
	sqlite3_finalize(st);
	return rc;
}

int
agree_label_of(const agree_data *x, const char *name)
{
	return agree_find(x->labels, x->nlabels, name);
}

void
agree_doc_clear(agree_doc *doc)
{
	for (size_t e = 0; e < doc->cap; e++)
		doc->n[e] = 0;
	free(doc->title);
	free(doc->body);
	doc->title = doc->body = NULL;
}

void
agree_doc_free(agree_doc *doc)
{
	agree_doc_clear(doc);
	for (size_t e = 0; e < doc->cap; e++)
		free(doc->spans[e]);
	free(doc->spans);
	free(doc->n);
	free(doc->capv);
	sqlite3_finalize(doc->art);
	sqlite3_finalize(doc->sp);
	memset(doc, 0, sizeof *doc);
}

int
agree_load_doc(agree_doc *doc, agree_data *x, int64_t id, const char *label)
{
	static const char art_sql[] = "SELECT title, body, chars FROM article WHERE id = ?1";
	static const char sp_sql[] = "SELECT author, label, start, \"end\" FROM span WHERE "
	                             "article_id = ?1 AND deleted_at IS NULL";
	int rc = DESK_OK, s;

	if (doc->cap < x->nnames) {
		size_t n = x->nnames;

		if ((doc->spans = calloc(n, sizeof *doc->spans)) == NULL ||
		    (doc->n = calloc(n, sizeof *doc->n)) == NULL ||
		    (doc->capv = calloc(n, sizeof *doc->capv)) == NULL)
			return desk_error(x->d, DESK_NOMEM, "out of memory");
		doc->cap = n;
	}
	agree_doc_clear(doc);
	if ((doc->art == NULL && (rc = desk_prepare(x->d, &doc->art, art_sql)) != DESK_OK) ||
	    (doc->sp == NULL && (rc = desk_prepare(x->d, &doc->sp, sp_sql)) != DESK_OK))
		return rc;
	sqlite3_reset(doc->art);
	sqlite3_bind_int64(doc->art, 1, id);
	if (sqlite3_step(doc->art) != SQLITE_ROW)
		return desk_sqlite_error(x->d, "article");
	doc->title = desk_strdup((const char *)sqlite3_column_text(doc->art, 0));
	doc->blen = (size_t)sqlite3_column_bytes(doc->art, 1);
	doc->body = malloc(doc->blen + 1);
	doc->chars = sqlite3_column_int64(doc->art, 2);
	if (doc->title == NULL || doc->body == NULL)
		return desk_error(x->d, DESK_NOMEM, "out of memory");
	memcpy(doc->body, sqlite3_column_blob(doc->art, 1), doc->blen);
	doc->body[doc->blen] = '\0';
	sqlite3_reset(doc->art);
	sqlite3_reset(doc->sp);
	sqlite3_bind_int64(doc->sp, 1, id);
	while ((s = sqlite3_step(doc->sp)) == SQLITE_ROW) {
		int e = agree_editor_of(x, (const char *)sqlite3_column_text(doc->sp, 0));
		const char *ln = (const char *)sqlite3_column_text(doc->sp, 1);
		int l = agree_label_of(x, ln);

		if (e < 0 || l < 0 || (label && strcmp(label, ln) != 0))
			continue;
		if (desk_grow(&doc->spans[e], &doc->capv[e], doc->n[e], sizeof **doc->spans) !=
		    DESK_OK) {
			rc = desk_error(x->d, DESK_NOMEM, "out of memory");
			break;
		}
		doc->spans[e][doc->n[e]++] = (agree_span){sqlite3_column_int64(doc->sp, 2),
		                                          sqlite3_column_int64(doc->sp, 3), l};
	}
	if (rc == DESK_OK && s != SQLITE_DONE)
		rc = desk_sqlite_error(x->d, "spans");
	sqlite3_reset(doc->sp);
	return rc;
}
