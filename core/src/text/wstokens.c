/*
 * wstokens.c - a text cut at white space only, as bratiaa's token-based
 * agreement cuts it (its pattern '\S+' over a Python string): a token is a
 * maximal run of characters that are not white space by Python's
 * str.isspace(), offsets in code points.  That set is fixed here rather than
 * taken from a Unicode property, since Python's differs from White_Space
 * (it holds U+001C..U+001F, of bidi class B and S): agree/ counts tokens
 * exactly as bratiaa does.
 */
#include <stdlib.h>

#include <unistr.h>

#include "internal.h"

/* Python's str.isspace(): bidi class WS, B or S, or general category Zs. */
static int
wstokens_space(uint32_t c)
{
	if (c < 0x80)
		return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
	return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	       c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

int
wstokens_split(desk_range **out, size_t *n, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	desk_range *v = NULL;
	size_t cap = 0;
	int64_t cp = 0, start = -1;

	*out = NULL;
	*n = 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));

		if (wstokens_space(c)) {
			if (start >= 0) {
				if (tokens_push(&v, n, &cap, start, cp) != DESK_OK)
					goto nomem;
				start = -1;
			}
		} else if (start < 0) {
			start = cp;
		}
		p += k > 0 ? k : 1;
		cp++;
	}
	if (start >= 0) {
		if (tokens_push(&v, n, &cap, start, cp) != DESK_OK)
			goto nomem;
	}
	*out = v;
	return DESK_OK;
nomem:
	free(v);
	*n = 0;
	return DESK_NOMEM;
}
