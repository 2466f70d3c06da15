/*
 * termcache.c - the answers terminals gave the interface's probe (see
 * termcache.h), so that it asks each kind of terminal once.  The file is
 * lines of "ANSWER KEY", ANSWER one of joined, apart or silent and KEY
 * termcache_key()'s: printable ASCII only.  Anything else in it (a cut or
 * overlong line, control bytes, an unknown answer) is passed over and
 * dropped when it is written again.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "termcache.h"

/* A line: the answer, a space, the key, a newline. */
#define TERMCACHE_LINE (TERMCACHE_KEY_MAX + 16)

static const char *const termcache_names[] = {"joined", "apart", "silent"};

/* Append name=value (escaped) to buf at *at; -1 when it does not fit. */
static int
termcache_put(char *buf, size_t size, size_t *at, const char *name, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";
	int n = snprintf(buf + *at, size - *at, "%s%s=", *at ? " " : "", name);

	if (n < 0 || (size_t)n >= size - *at)
		return -1;
	*at += (size_t)n;
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		if (*p > 0x20 && *p < 0x7f && *p != '%') {
			if (*at + 1 >= size)
				return -1;
			buf[(*at)++] = (char)*p;
		} else {
			if (*at + 3 >= size)
				return -1;
			buf[(*at)++] = '%';
			buf[(*at)++] = hex[*p >> 4];
			buf[(*at)++] = hex[*p & 15];
		}
	}
	buf[*at] = '\0';
	return 0;
}

int
termcache_key(char *buf, size_t size, const char *term, const char *program, const char *version)
{
	size_t at = 0;

	if (size > TERMCACHE_KEY_MAX + 1)
		size = TERMCACHE_KEY_MAX + 1;
	if (size == 0)
		return -1;
	buf[0] = '\0';
	if (termcache_put(buf, size, &at, "TERM", term ? term : "") != 0 ||
	    (program && termcache_put(buf, size, &at, "TERM_PROGRAM", program) != 0) ||
	    (version && termcache_put(buf, size, &at, "TERM_PROGRAM_VERSION", version) != 0)) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

/*
 * The next sound line of f into buf (its newline taken off), its answer in
 * *tones and its key in *key; 0 at the end of f.
 */
static int
termcache_next(FILE *f, char *buf, int *tones, const char **key)
{
	int whole = 1; /* the last piece fgets() gave ended a line */

	while (fgets(buf, TERMCACHE_LINE, f)) {
		size_t n = strlen(buf);
		int cut = whole == 0, ok = 1;
		char *sp;

		whole = n > 0 && buf[n - 1] == '\n';
		if (cut || !whole)
			continue; /* a piece of an overlong line */
		buf[--n] = '\0';
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)buf[i] < 0x20 || (unsigned char)buf[i] > 0x7e)
				ok = 0;
		if (!ok || (sp = strchr(buf, ' ')) == NULL || sp[1] == '\0' ||
		    strlen(sp + 1) > TERMCACHE_KEY_MAX)
			continue;
		*sp = '\0';
		*tones = TERMCACHE_NONE;
		for (int i = 0; i < 3; i++)
			if (strcmp(buf, termcache_names[i]) == 0)
				*tones = i;
		if (*tones == TERMCACHE_NONE)
			continue;
		*key = sp + 1;
		return 1;
	}
	return 0;
}

int
termcache_read(FILE *f, const char *key)
{
	char buf[TERMCACHE_LINE];
	const char *k;
	int tones, found = TERMCACHE_NONE;

	/* The last line for a key is its answer (a file written by hand may repeat one). */
	for (int lines = 0; lines < 4 * TERMCACHE_MAX && termcache_next(f, buf, &tones, &k);
	     lines++)
		if (strcmp(k, key) == 0)
			found = tones;
	return found;
}

int
termcache_write(FILE *in, FILE *out, const char *key, int tones)
{
	char(*keep)[TERMCACHE_LINE] = NULL;
	char buf[TERMCACHE_LINE];
	const char *k;
	size_t n = 0, first = 0;
	int t, rc = -1;

	if (tones < TERMCACHE_JOINED || tones > TERMCACHE_SILENT ||
	    strlen(key) > TERMCACHE_KEY_MAX ||
	    (keep = malloc(TERMCACHE_MAX * sizeof *keep)) == NULL)
		return -1;
	/* The other terminals' lines, the last TERMCACHE_MAX - 1 in a ring. */
	for (int lines = 0; in && lines < 4 * TERMCACHE_MAX && termcache_next(in, buf, &t, &k);
	     lines++) {
		if (strcmp(k, key) == 0)
			continue;
		snprintf(keep[(first + n) % (TERMCACHE_MAX - 1)], TERMCACHE_LINE, "%s %s",
		         termcache_names[t], k);
		if (n < TERMCACHE_MAX - 1)
			n++;
		else
			first = (first + 1) % (TERMCACHE_MAX - 1);
	}
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s\n", keep[(first + i) % (TERMCACHE_MAX - 1)]);
	fprintf(out, "%s %s\n", termcache_names[tones], key);
	rc = ferror(out) ? -1 : 0;
	free(keep);
	return rc;
}

int
termcache_load(const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	int tones;

	if (f == NULL)
		return TERMCACHE_NONE;
	tones = termcache_read(f, key);
	fclose(f);
	return tones;
}

int
termcache_store(const char *path, const char *key, int tones)
{
	FILE *in = NULL, *out = NULL;
	char *tmp;
	int fd = -1, made = 0, rc = -1;

	/* A new file of its own (another interface may be starting too), then rename(). */
	if ((tmp = malloc(strlen(path) + 8)) == NULL)
		return -1;
	sprintf(tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0)
		goto done;
	made = 1;
	if ((out = fdopen(fd, "w")) == NULL)
		goto done;
	fd = -1;
	in = fopen(path, "r");
	if (termcache_write(in, out, key, tones) != 0)
		goto done;
	rc = fclose(out);
	out = NULL;
	if (rc == 0)
		rc = rename(tmp, path);
done:
	if (in)
		fclose(in);
	if (out)
		fclose(out);
	if (fd >= 0)
		close(fd);
	if (rc != 0 && made)
		remove(tmp);
	free(tmp);
	return rc;
}
