/*
 * lang.c - tell Vietnamese from English.
 *
 * A word holding a letter that only Vietnamese uses among the two languages
 * (ă â đ ê ô ơ ư, or a vowel with a tone mark) votes "vi"; a common English
 * function word ("the", "and", "of", ...) votes "en".  English news about
 * Viet Nam is full of Vietnamese names, but its function words still
 * outnumber them well, so "vi" needs twice the votes of "en".
 */
#include <string.h>

#include <unistr.h>

#include "import.h"

/* Enough text to decide; the rest of a long article changes nothing. */
#define LANG_SAMPLE 65536

static const char *const lang_en_words[] = {
    "the", "and",  "of",   "to",  "in",   "is",   "for",   "on",    "with", "that",
    "was", "are",  "from", "has", "have", "this", "said",  "by",    "at",   "it",
    "its", "were", "been", "his", "her",  "will", "which", "their", "an",   "as",
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

static int
lang_is_en_word(const char *w, size_t n)
{
	char low[8];

	if (n == 0 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + ('a' - 'A') : w[i]);
	for (size_t i = 0; i < sizeof lang_en_words / sizeof *lang_en_words; i++)
		if (strlen(lang_en_words[i]) == n && memcmp(lang_en_words[i], low, n) == 0)
			return 1;
	return 0;
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
		ucs4_t c;
		int k;

		/* One word: a run of letters. */
		while (p < end && (k = u8_mbtoucr(&c, p, (size_t)(end - p))) > 0 &&
		       lang_is_letter(c)) {
			ascii &= c < 0x80;
			viet |= lang_is_vi_letter(c);
			p += k;
		}
		if (p == w) { /* not a letter: skip one character */
			k = u8_mbtoucr(&c, p, (size_t)(end - p));
			p += k > 0 ? k : 1;
			continue;
		}
		if (viet)
			vi++;
		else if (ascii && lang_is_en_word((const char *)w, (size_t)(p - w)))
			en++;
	}
	return vi > 2 * en ? "vi" : "en";
}
