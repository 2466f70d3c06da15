/*
 * lang.c - tell Vietnamese from English.
 *
 * A word holding a letter that only Vietnamese uses among the two languages
 * (ă â đ ê ô ơ ư, or a vowel with a tone mark) votes "vi"; a common English
 * function word ("the", "and", "of", ...) votes "en".  English news about
 * Viet Nam is full of Vietnamese names, but its function words still
 * outnumber them well, so "vi" needs twice the votes of "en".
 */
#include <stdint.h>
#include <string.h>

#include "format.h"

/* Enough text to decide; the rest of a long article changes nothing. */
#define LANG_SAMPLE 65536
/* Votes after which a clear lead decides (a few hundred words of text). */
#define LANG_VOTES 64

/* English function words of 2 to 5 letters, packed into integers. */
#define LANG_W2(a, b)          ((uint64_t)(a) << 8 | (uint64_t)(b))
#define LANG_W3(a, b, c)       (LANG_W2(a, b) << 8 | (uint64_t)(c))
#define LANG_W4(a, b, c, d)    (LANG_W3(a, b, c) << 8 | (uint64_t)(d))
#define LANG_W5(a, b, c, d, e) (LANG_W4(a, b, c, d) << 8 | (uint64_t)(e))

/* Bit c - U+00C0 of the Vietnamese letters among U+00C0..U+00FF. */
#define LANG_BIT(c) ((uint64_t)1 << ((c)-0xC0))
#define LANG_VI_LATIN1                                                                             \
	(LANG_BIT(0xC0) | LANG_BIT(0xC1) | LANG_BIT(0xC2) | LANG_BIT(0xC3) | /* À Á Â Ã */     \
	 LANG_BIT(0xC8) | LANG_BIT(0xC9) | LANG_BIT(0xCA) |                  /* È É Ê */        \
	 LANG_BIT(0xCC) | LANG_BIT(0xCD) |                                   /* Ì Í */           \
	 LANG_BIT(0xD2) | LANG_BIT(0xD3) | LANG_BIT(0xD4) | LANG_BIT(0xD5) | /* Ò Ó Ô Õ */     \
	 LANG_BIT(0xD9) | LANG_BIT(0xDA) | LANG_BIT(0xDD))                   /* Ù Ú Ý */
/* ... and their lower case, 0x20 further on. */
#define LANG_VI_LATIN1_BOTH (LANG_VI_LATIN1 | LANG_VI_LATIN1 << 0x20)

/* s[0..n) is ASCII letters; the packing keeps words of different lengths apart. */
static int
lang_is_en_word(const uint8_t *s, size_t n)
{
	uint64_t v = 0;

	if (n < 2 || n > 5)
		return 0;
	for (size_t i = 0; i < n; i++)
		v = v << 8 | (uint64_t)(s[i] | 0x20);
	switch (v) {
	case LANG_W2('o', 'f'):
	case LANG_W2('t', 'o'):
	case LANG_W2('i', 'n'):
	case LANG_W2('i', 's'):
	case LANG_W2('o', 'n'):
	case LANG_W2('b', 'y'):
	case LANG_W2('a', 't'):
	case LANG_W2('i', 't'):
	case LANG_W2('a', 'n'):
	case LANG_W2('a', 's'):
	case LANG_W3('t', 'h', 'e'):
	case LANG_W3('a', 'n', 'd'):
	case LANG_W3('f', 'o', 'r'):
	case LANG_W3('w', 'a', 's'):
	case LANG_W3('a', 'r', 'e'):
	case LANG_W3('h', 'a', 's'):
	case LANG_W3('i', 't', 's'):
	case LANG_W3('h', 'i', 's'):
	case LANG_W3('h', 'e', 'r'):
	case LANG_W4('w', 'i', 't', 'h'):
	case LANG_W4('t', 'h', 'a', 't'):
	case LANG_W4('f', 'r', 'o', 'm'):
	case LANG_W4('h', 'a', 'v', 'e'):
	case LANG_W4('t', 'h', 'i', 's'):
	case LANG_W4('s', 'a', 'i', 'd'):
	case LANG_W4('w', 'e', 'r', 'e'):
	case LANG_W4('b', 'e', 'e', 'n'):
	case LANG_W4('w', 'i', 'l', 'l'):
	case LANG_W5('w', 'h', 'i', 'c', 'h'):
	case LANG_W5('t', 'h', 'e', 'i', 'r'):
		return 1;
	default:
		return 0;
	}
}

/* ASCII letters. */
static int
lang_ascii_letter(uint8_t c)
{
	return (uint8_t)((c | 0x20) - 'a') < 26;
}

/*
 * The letter at p (valid UTF-8, not ASCII): its length in bytes, and in *vi
 * whether only Vietnamese uses it, or 0 when it is not a letter or is cut
 * off by the end.  Letters are U+00C0..U+024F but for × and ÷, and
 * U+1E00..U+1EFF; the Vietnamese ones are those of LANG_VI_LATIN1_BOTH,
 * Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư and the tone-marked vowels Ạ (U+1EA0) ... ỹ (U+1EF9).
 */
static int
lang_letter(const uint8_t *p, const uint8_t *end, int *vi)
{
	uint32_t c;

	if (*p < 0xE0) {
		if (end - p < 2 || *p < 0xC3 || *p > 0xC9)
			return 0; /* below U+00C0 or above U+027F */
		c = (uint32_t)(*p & 0x1F) << 6 | (p[1] & 0x3F);
		if (c < 0x100) {
			*vi = (int)(LANG_VI_LATIN1_BOTH >> (c - 0xC0) & 1);
			return c != 0xD7 && c != 0xF7 ? 2 : 0;
		}
		if (c > 0x24F)
			return 0;
		*vi = c == 0x102 || c == 0x103 || c == 0x110 || c == 0x111 || c == 0x128 ||
		      c == 0x129 || c == 0x168 || c == 0x169 || c == 0x1A0 || c == 0x1A1 ||
		      c == 0x1AF || c == 0x1B0;
		return 2;
	}
	/* U+1E00..U+1EFF is E1 B8 80 .. E1 BB BF. */
	if (*p != 0xE1 || end - p < 3 || p[1] < 0xB8 || p[1] > 0xBB)
		return 0;
	c = 0x1E00 | (uint32_t)(p[1] & 0x03) << 6 | (p[2] & 0x3F);
	*vi = c >= 0x1EA0 && c <= 0x1EF9;
	return 3;
}

const char *
lang_detect(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end;
	size_t vi = 0, en = 0;

	if (len > LANG_SAMPLE)
		len = LANG_SAMPLE;
	end = p + len;
	while (p < end) {
		const uint8_t *w = p;
		int ascii = 1, viet = 0;

		/* One word: a run of letters. */
		for (;;) {
			int k, v = 0;

			while (p < end && lang_ascii_letter(*p))
				p++;
			if (p == end || *p < 0x80 || (k = lang_letter(p, end, &v)) == 0)
				break;
			ascii = 0;
			viet |= v;
			p += k;
		}
		if (p == w) { /* not a letter: skip it */
			p++;
			while (p < end && (*p & 0xC0) == 0x80)
				p++;
			continue;
		}
		if (viet)
			vi++;
		else if (ascii && lang_is_en_word(w, (size_t)(p - w)))
			en++;
		/* Enough votes, and one side well ahead: the rest will not turn it. */
		if (vi + en >= LANG_VOTES && (vi > 4 * en || en >= vi))
			break;
	}
	return vi > 2 * en ? "vi" : "en";
}
