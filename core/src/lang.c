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

#include <unitypes.h>

#include "import.h"

/* Enough text to decide; the rest of a long article changes nothing. */
#define LANG_SAMPLE 65536

/* English function words of 2 to 5 letters, packed into integers, by length. */
#define LANG_W2(a, b)          ((uint64_t)(a) << 8 | (uint64_t)(b))
#define LANG_W3(a, b, c)       (LANG_W2(a, b) << 8 | (uint64_t)(c))
#define LANG_W4(a, b, c, d)    (LANG_W3(a, b, c) << 8 | (uint64_t)(d))
#define LANG_W5(a, b, c, d, e) (LANG_W4(a, b, c, d) << 8 | (uint64_t)(e))

static const uint64_t lang_en_words[] = {
    LANG_W2('o', 'f'),
    LANG_W2('t', 'o'),
    LANG_W2('i', 'n'),
    LANG_W2('i', 's'),
    LANG_W2('o', 'n'),
    LANG_W2('b', 'y'),
    LANG_W2('a', 't'),
    LANG_W2('i', 't'),
    LANG_W2('a', 'n'),
    LANG_W2('a', 's'),
    LANG_W3('t', 'h', 'e'),
    LANG_W3('a', 'n', 'd'),
    LANG_W3('f', 'o', 'r'),
    LANG_W3('w', 'a', 's'),
    LANG_W3('a', 'r', 'e'),
    LANG_W3('h', 'a', 's'),
    LANG_W3('i', 't', 's'),
    LANG_W3('h', 'i', 's'),
    LANG_W3('h', 'e', 'r'),
    LANG_W4('w', 'i', 't', 'h'),
    LANG_W4('t', 'h', 'a', 't'),
    LANG_W4('f', 'r', 'o', 'm'),
    LANG_W4('h', 'a', 'v', 'e'),
    LANG_W4('t', 'h', 'i', 's'),
    LANG_W4('s', 'a', 'i', 'd'),
    LANG_W4('w', 'e', 'r', 'e'),
    LANG_W4('b', 'e', 'e', 'n'),
    LANG_W4('w', 'i', 'l', 'l'),
    LANG_W5('w', 'h', 'i', 'c', 'h'),
    LANG_W5('t', 'h', 'e', 'i', 'r'),
};

static int
lang_is_vi_letter(ucs4_t c)
{
	switch (c) {
	case 0x00C0:
	case 0x00C1:
	case 0x00C2:
	case 0x00C3: /* À Á Â Ã */
	case 0x00C8:
	case 0x00C9:
	case 0x00CA: /* È É Ê */
	case 0x00CC:
	case 0x00CD: /* Ì Í */
	case 0x00D2:
	case 0x00D3:
	case 0x00D4:
	case 0x00D5: /* Ò Ó Ô Õ */
	case 0x00D9:
	case 0x00DA:
	case 0x00DD: /* Ù Ú Ý */
	case 0x0102:
	case 0x0110:
	case 0x0128:
	case 0x0168: /* Ă Đ Ĩ Ũ */
	case 0x01A0:
	case 0x01AF: /* Ơ Ư */
		return 1;
	default:
		break;
	}
	if (c >= 0x00E0 && c <= 0x00FD)
		return lang_is_vi_letter(c - 0x20); /* the lower case of the above */
	if (c == 0x0103 || c == 0x0111 || c == 0x0129 || c == 0x0169 || c == 0x01A1 || c == 0x01B0)
		return 1;
	return c >= 0x1EA0 && c <= 0x1EF9; /* Ạ ... ỹ: the tone-marked vowels */
}

static int
lang_is_letter(ucs4_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) ||
	       (c >= 0x1E00 && c <= 0x1EFF);
}

/* ASCII letters, for the fast path. */
static int
lang_ascii_letter(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* w[0..n) is ASCII letters; the packing keeps words of different lengths apart. */
static int
lang_is_en_word(const char *w, size_t n)
{
	uint64_t v = 0;

	if (n < 2 || n > 5)
		return 0;
	for (size_t i = 0; i < n; i++)
		v = v << 8 | (uint64_t)(unsigned char)(w[i] | 0x20);
	for (size_t i = 0; i < sizeof lang_en_words / sizeof *lang_en_words; i++)
		if (lang_en_words[i] == v)
			return 1;
	return 0;
}

/* Decode one character of valid UTF-8; 0 at a cut-off sequence. */
static int
lang_decode(const uint8_t *p, const uint8_t *end, ucs4_t *c)
{
	if (*p < 0xE0) {
		if (end - p < 2)
			return 0;
		*c = (ucs4_t)(*p & 0x1F) << 6 | (p[1] & 0x3F);
		return 2;
	}
	if (*p < 0xF0) {
		if (end - p < 3)
			return 0;
		*c = (ucs4_t)(*p & 0x0F) << 12 | (ucs4_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		return 3;
	}
	if (end - p < 4)
		return 0;
	*c = (ucs4_t)(*p & 0x07) << 18 | (ucs4_t)(p[1] & 0x3F) << 12 | (ucs4_t)(p[2] & 0x3F) << 6 |
	     (p[3] & 0x3F);
	return 4;
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
		while (p < end) {
			ucs4_t c;
			int k;

			if (*p < 0x80) {
				if (!lang_ascii_letter(*p))
					break;
				p++;
				continue;
			}
			if ((k = lang_decode(p, end, &c)) == 0 || !lang_is_letter(c))
				break;
			ascii = 0;
			viet |= lang_is_vi_letter(c);
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
		else if (ascii && lang_is_en_word((const char *)w, (size_t)(p - w)))
			en++;
	}
	return vi > 2 * en ? "vi" : "en";
}
