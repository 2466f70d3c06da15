/*
 * textchar.c - what one character is to the screen: shown raw or as its
 * escape, how many columns it takes, and whether it can be a key.  Below
 * both text.c (the desk_text model) and text_escape.c (whole strings); it
 * calls libunistring only.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "internal.h"

/* Characters shown as <U+XXXX>: they move the cursor, reorder text or show nothing. */
static int
text_is_hidden_slow(uint32_t c)
{
	if (c >= 0x80 && c <= 0x9F) /* C1 controls */
		return 1;
	if (c > 0x10FFFF)
		return 1;
	switch (c) {
	case 0x061C: /* ARABIC LETTER MARK */
	case 0x200E: /* LRM */
	case 0x200F: /* RLM */
	case 0x2028: /* LINE SEPARATOR */
	case 0x2029: /* PARAGRAPH SEPARATOR */
	case 0xFEFF: /* BOM, ZWNBSP */
		return 1;
	}
	if ((c >= 0x202A && c <= 0x202E) || /* LRE RLE PDF LRO RLO */
	    (c >= 0x2066 && c <= 0x2069) || /* LRI RLI FSI PDI */
	    (c >= 0x206A && c <= 0x206F) || /* deprecated format characters */
	    (c >= 0xFFF9 && c <= 0xFFFB))   /* interlinear annotation */
		return 1;
	if (uc_width(c, "UTF-8") < 0)
		return 1;
	/* Unassigned, surrogates, private use: no agreed glyph or width. */
	return uc_is_general_category(
	    c, uc_general_category_or(UC_CATEGORY_Cn,
	                              uc_general_category_or(UC_CATEGORY_Cs, UC_CATEGORY_Co)));
}

/*
 * The answer for the Basic Multilingual Plane worked out once, a bit per
 * character: exports and JSON escape every character of the corpus, and
 * asking libunistring each time was most of an export's time.
 */
static uint8_t text_hidden_bmp[0x10000 / 8];
static pthread_once_t text_hidden_once = PTHREAD_ONCE_INIT;

static void
text_hidden_init(void)
{
	for (uint32_t c = 0; c < 0x10000; c++)
		if (text_is_hidden_slow(c))
			text_hidden_bmp[c >> 3] |= (uint8_t)(1u << (c & 7));
}

static int
text_is_hidden(uint32_t c)
{
	if (c >= 0x10000)
		return text_is_hidden_slow(c);
	pthread_once(&text_hidden_once, text_hidden_init);
	return text_hidden_bmp[c >> 3] >> (c & 7) & 1;
}

int
desk_char_escape(uint32_t c, char *buf)
{
	buf[0] = '\0';
	if (c == '\n' || c == '\t')
		return 0;
	if (c < 0x20 || c == 0x7F) {
		buf[0] = '^';
		buf[1] = c == 0x7F ? '?' : (char)(c + 0x40);
		buf[2] = '\0';
		return 2;
	}
	if (!text_is_hidden(c))
		return 0;
	if (c > 0x10FFFF)
		c = 0xFFFD; /* not a character at all; keep within 12 bytes */
	return snprintf(buf, 12, "<U+%04" PRIX32 ">", c);
}

int
desk_char_width(uint32_t c)
{
	char esc[12];
	int n;

	if (c == '\t')
		return 1;
	if (c == '\n')
		return 0;
	if ((n = desk_char_escape(c, esc)) > 0)
		return n;
	if (c == 0x00AD) /* SOFT HYPHEN: terminals (wcwidth) draw it as a hyphen */
		return 1;
	n = uc_width(c, "UTF-8");
	return n < 0 ? 0 : n;
}

int
desk_utf8_width(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	int w = 0;

	while (p < end) {
		ucs4_t c;
		int n = u8_mbtouc(&c, p, (size_t)(end - p)); /* a bad byte is U+FFFD */

		w += desk_char_width(c);
		p += n > 0 ? n : 1;
	}
	return w;
}

/* Spaces of every width, which a key pressed cannot be told from. */
static int
text_is_space(uint32_t c)
{
	return c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
	       c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
	       c == 0xFEFF;
}

int
desk_key_valid(const char *s, size_t len)
{
	char esc[12];
	ucs4_t c;

	/* One whole, valid code point, not NUL (u8_mbtoucr: -1 or -2 when not). */
	if (s == NULL || len == 0 || u8_mbtoucr(&c, (const uint8_t *)s, len) != (int)len || c == 0)
		return 0;
	return !text_is_space(c) && desk_char_escape(c, esc) == 0 && desk_char_width(c) > 0;
}
