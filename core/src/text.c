/*
 * text.c - everything Unicode, over libunistring: validation, NFC, folding,
 * escapes, width, and the desk_text object with its boundaries.
 */
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "internal.h"

int
desk_utf8_check(const char *s, size_t len, size_t *bad)
{
	const uint8_t *p = u8_check((const uint8_t *)s, len);
	const char *nul = memchr(s, '\0', len);
	size_t at;

	if (p == NULL && nul == NULL)
		return DESK_OK;
	at = p ? (size_t)((const char *)p - s) : len;
	if (nul && (size_t)(nul - s) < at)
		at = (size_t)(nul - s);
	if (bad)
		*bad = at;
	return DESK_INVALID;
}

int64_t
desk_utf8_count(const char *s, size_t len)
{
	return (int64_t)u8_mbsnlen((const uint8_t *)s, len);
}

void
desk_utf8_line_col(const char *s, size_t byte, int64_t *line, int64_t *col)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + byte;
	int64_t l = 1, c = 1;

	while (p < end) {
		ucs4_t uc;
		int n = u8_mbtoucr(&uc, p, (size_t)(end - p));

		if (n <= 0)
			n = 1; /* a bad byte is one column */
		if (*p == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
		p += n;
	}
	*line = l;
	*col = c;
}

int
desk_nfc(char **out, size_t *outlen, const char *s, size_t len)
{
	size_t n = 0;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, len, NULL, &n);
	char *z;

	*out = NULL;
	if (r == NULL && len > 0)
		return DESK_NOMEM;
	if ((z = malloc(n + 1)) == NULL) {
		free(r);
		return DESK_NOMEM;
	}
	if (n)
		memcpy(z, r, n);
	z[n] = '\0';
	free(r);
	*out = z;
	if (outlen)
		*outlen = n;
	return DESK_OK;
}

/* Letters with no decomposition that readers still see as a base letter plus a stroke. */
static ucs4_t
text_fold_stroke(ucs4_t c)
{
	switch (c) {
	case 0x0111: /* đ */
	case 0x0110: /* Đ */
		return 'd';
	case 0x0142: /* ł */
	case 0x0141:
		return 'l';
	case 0x00F8: /* ø */
	case 0x00D8:
		return 'o';
	case 0x0127: /* ħ */
	case 0x0126:
		return 'h';
	default:
		return c;
	}
}

int
desk_fold(char **out, size_t *outlen, const char *s, size_t len)
{
	size_t n = 0, w = 0;
	uint8_t *f = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFD, NULL, &n);
	char *z;

	*out = NULL;
	if (f == NULL && len > 0)
		return DESK_NOMEM;
	if ((z = malloc(n + 1)) == NULL) {
		free(f);
		return DESK_NOMEM;
	}
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, f + i, n - i);

		i += (size_t)k;
		if (uc_is_general_category(c, UC_CATEGORY_Mn))
			continue;
		w += (size_t)u8_uctomb((uint8_t *)z + w, text_fold_stroke(c), 6);
	}
	z[w] = '\0';
	free(f);
	*out = z;
	if (outlen)
		*outlen = w;
	return DESK_OK;
}
