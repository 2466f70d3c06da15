/*
 * cpr.c - a cursor position report (ESC [ row ; col R, the answer to DSR
 * ESC [ 6 n) picked out of a stream of keys: what an editor types around it
 * is given back in its order, the report taken out (see cpr.h).
 */
#include <string.h>

#include "cpr.h"

/* At most this many digits in a row or column. */
#define CPR_DIGITS 4

void
cpr_init(struct cpr *c)
{
	memset(c, 0, sizeof *c);
}

/* Whether held + key still begin a report. */
static int
cpr_continues(const struct cpr *c, int key)
{
	size_t n = c->nheld, digits = 0, i;
	int semi = 0;

	if (n == 0)
		return key == 0x1b;
	if (n == 1)
		return key == '[';
	/* After ESC [: digits, one ';' after at least one, digits, then R after one. */
	for (i = 2; i < n; i++) {
		if (c->held[i] == ';') {
			semi = 1;
			digits = 0;
		} else {
			digits++;
		}
	}
	if (key >= '0' && key <= '9')
		return digits < CPR_DIGITS;
	if (key == ';')
		return !semi && digits > 0;
	return key == 'R' && semi && digits > 0;
}

int
cpr_feed(struct cpr *c, int key, int *out, size_t *nout)
{
	*nout = 0;
	if (cpr_continues(c, key)) {
		if (key != 'R') {
			c->held[c->nheld++] = key;
			return 0;
		}
		c->row = c->col = 0;
		for (size_t i = 2, semi = 0; i < c->nheld; i++) {
			if (c->held[i] == ';')
				semi = 1;
			else if (semi)
				c->col = c->col * 10 + (c->held[i] - '0');
			else
				c->row = c->row * 10 + (c->held[i] - '0');
		}
		c->nheld = 0;
		return 1;
	}
	/* Not a report: what was held goes out; an ESC may begin the next one. */
	*nout = cpr_flush(c, out);
	if (key == 0x1b)
		c->held[c->nheld++] = key;
	else
		out[(*nout)++] = key;
	return 0;
}

size_t
cpr_flush(struct cpr *c, int *out)
{
	size_t n = c->nheld;

	memcpy(out, c->held, n * sizeof *out);
	c->nheld = 0;
	return n;
}

int
cpr_parse(const char *s, size_t n, int *row, int *col)
{
	struct cpr c;
	int out[CPR_HELD_MAX + 1];
	size_t nout;

	cpr_init(&c);
	for (size_t i = 0; i < n; i++) {
		int found = cpr_feed(&c, (unsigned char)s[i], out, &nout);

		if (nout > 0)
			return 0;
		if (found) {
			*row = c.row;
			*col = c.col;
			return i == n - 1;
		}
	}
	return 0;
}
