/*
 * prompthist.c - a prompt's history (see prompthist.h).
 */
#include <stdlib.h>
#include <string.h>

#include "copydesk/copydesk.h"
#include "prompthist.h"

void
prompthist_init(struct prompthist *h)
{
	memset(h, 0, sizeof *h);
}

void
prompthist_free(struct prompthist *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h->lines);
	free(h->typed);
	prompthist_init(h);
}

void
prompthist_reset(struct prompthist *h)
{
	free(h->typed);
	h->typed = NULL;
	h->at = h->n;
}

int
prompthist_add(struct prompthist *h, const char *line)
{
	char *s, **l;

	prompthist_reset(h);
	if (*line == '\0' || (h->n > 0 && strcmp(h->lines[h->n - 1], line) == 0))
		return DESK_OK;
	if ((s = strdup(line)) == NULL)
		return DESK_NOMEM;
	if (h->n == PROMPTHIST_MAX) {
		free(h->lines[0]);
		memmove(h->lines, h->lines + 1, (h->n - 1) * sizeof *h->lines);
		h->n--;
	} else if ((l = realloc(h->lines, (h->n + 1) * sizeof *l)) == NULL) {
		free(s);
		return DESK_NOMEM;
	} else {
		h->lines = l;
	}
	h->lines[h->n++] = s;
	h->at = h->n;
	return DESK_OK;
}

const char *
prompthist_older(struct prompthist *h, const char *current)
{
	if (h->at == 0)
		return NULL;
	if (h->at == h->n) {
		free(h->typed);
		h->typed = strdup(current ? current : "");
	}
	return h->lines[--h->at];
}

const char *
prompthist_newer(struct prompthist *h)
{
	if (h->at >= h->n)
		return NULL;
	if (++h->at == h->n)
		return h->typed ? h->typed : "";
	return h->lines[h->at];
}

void
prompthist_read(struct prompthist *h, FILE *f, int kind)
{
	char buf[4096];

	while (fgets(buf, sizeof buf, f)) {
		size_t n = strlen(buf);
		int ok = 1;

		if (n == 0 || buf[n - 1] != '\n')
			continue; /* too long, or cut: not one of ours */
		buf[--n] = '\0';
		if ((unsigned char)buf[0] != kind || desk_utf8_check(buf, n, NULL) != DESK_OK)
			continue;
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
				ok = 0;
		if (ok)
			prompthist_add(h, buf + 1);
	}
}

void
prompthist_write(const struct prompthist *h, FILE *f, int kind)
{
	for (size_t i = 0; i < h->n; i++)
		fprintf(f, "%c%s\n", kind, h->lines[i]);
}
