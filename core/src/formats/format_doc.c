/*
 * formats/format_doc.c - the document every reader fills and every writer
 * reads (format.h's format_article): its pool of strings and arrays, its
 * marks, and what a reader says of a file: an error with its position
 * (format_fail) or a note of what it could not keep (format_note).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

int
format_fail(format_error *err, int rc, int64_t line, int64_t column, const char *fmt, ...)
{
	va_list ap;

	err->rc = rc;
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return rc;
}

/* A block of a pool: its strings and arrays follow the header, aligned for any of them. */
struct format_pool_block {
	format_pool_block *next;
	size_t used, cap;
	max_align_t data[];
};

#define FORMAT_POOL_BLOCK ((size_t)16 << 10)

void *
format_pool_alloc(format_pool *p, size_t n)
{
	format_pool_block *b = p->head;
	size_t align = sizeof(max_align_t), need = (n + align - 1) / align * align;
	void *mem;

	if (need < n)
		return NULL;
	if (b == NULL || b->cap - b->used < need) {
		size_t cap = need > FORMAT_POOL_BLOCK ? need : FORMAT_POOL_BLOCK;

		if ((b = malloc(sizeof *b + cap)) == NULL)
			return NULL;
		b->used = 0;
		b->cap = cap;
		/* A block made for one large request goes second, so the current one stays in use.
		 */
		if (p->head != NULL && cap > FORMAT_POOL_BLOCK) {
			b->next = p->head->next;
			p->head->next = b;
		} else {
			b->next = p->head;
			p->head = b;
		}
	}
	mem = (char *)b->data + b->used;
	b->used += need;
	memset(mem, 0, n);
	return mem;
}

char *
format_pool_strdup(format_pool *p, const char *s, size_t len)
{
	char *c = format_pool_alloc(p, len + 1);

	if (c != NULL) {
		memcpy(c, s, len);
		c[len] = '\0';
	}
	return c;
}

void
format_pool_free(format_pool *p)
{
	format_pool_block *b, *next;

	for (b = p->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	p->head = NULL;
}

void
format_note(const format_notes *n, int64_t line, const char *fmt, ...)
{
	char msg[384];
	va_list ap;

	if (n == NULL || n->note == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	n->note(n->ctx, line, msg);
}

void
format_article_clear(format_article *a)
{
	format_pool_free(&a->pool);
	free(a->mem);
	free(a->title);
	free(a->source);
	free(a->marks);
	memset(a, 0, sizeof *a);
}

void
format_articles_free(format_article *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		format_article_clear(&a[i]);
	free(a);
}

int
format_article_mark(format_article *a, desk_mark_kind kind, int64_t start, int64_t end)
{
	if (start >= end)
		return DESK_OK;
	if (a->nmarks == a->capmarks) {
		size_t cap = a->capmarks ? 2 * a->capmarks : 8;
		desk_mark *m = realloc(a->marks, cap * sizeof *m);

		if (m == NULL)
			return DESK_NOMEM;
		a->marks = m;
		a->capmarks = cap;
	}
	a->marks[a->nmarks].start = start;
	a->marks[a->nmarks].end = end;
	a->marks[a->nmarks].kind = kind;
	a->nmarks++;
	return DESK_OK;
}
