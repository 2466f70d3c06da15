/*
 * text_escape.c - strings made safe to show: every character that must not
 * reach a terminal (desk_char_escape) written as its escape, for the
 * terminal and for JSON.  Article text, editor names, file names, labels and
 * notes all go through here, so there is one rule for what is shown raw.
 * And the same rule for what an editor may type into a field: nothing that
 * would have to be escaped, and not too long; and the width and key rules of
 * single characters.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "internal.h"

/* --- Escapes and width ------------------------------------------------- */

/* Characters shown as <U+XXXX>: they move the cursor, reorder text or show nothing. */
static int
text_is_hidden(uint32_t c)
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

	if (s == NULL || len == 0 || desk_utf8_check(s, len, NULL) != DESK_OK ||
	    u8_mbtouc(&c, (const uint8_t *)s, len) != (int)len)
		return 0;
	return !text_is_space(c) && desk_char_escape(c, esc) == 0 && desk_char_width(c) > 0;
}

/* Whether s[0..len) has only printable ASCII, LF and TAB: nothing to do. */
static int
text_escape_plain(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)s[i];

		if ((b < 0x20 && b != '\n' && b != '\t') || b >= 0x7F)
			return 0;
	}
	return 1;
}

/* Append n bytes to the growing buffer *buf (*cap allocated, *n used). */
static int
text_escape_put(char **buf, size_t *cap, size_t *used, const char *s, size_t n)
{
	if (n > SIZE_MAX / 4 - *used) /* no string is that long; also bounds n for the compiler */
		return DESK_NOMEM;
	if (*used + n + 1 > *cap) {
		size_t c = (*cap ? *cap : 64);
		char *b;

		while (c < *used + n + 1)
			c *= 2;
		if ((b = realloc(*buf, c)) == NULL)
			return DESK_NOMEM;
		*buf = b;
		*cap = c;
	}
	memcpy(*buf + *used, s, n);
	*used += n;
	(*buf)[*used] = '\0';
	return DESK_OK;
}

int
desk_escape(char **out, size_t *outlen, const char *s, size_t len, int flags)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	char *buf = NULL, esc[16];
	size_t cap = 0, used = 0;
	int rc = DESK_OK;

	*out = NULL;
	if (text_escape_plain(s, len) && !(flags & DESK_ESCAPE_LINES))
		p = end; /* copied whole below */
	if ((rc = text_escape_put(&buf, &cap, &used, s, p == end ? len : 0)) != DESK_OK)
		return rc;
	while (p < end && rc == DESK_OK) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p)), e;

		if (n < 0) { /* not UTF-8: the byte in hex */
			snprintf(esc, sizeof esc, "\\x%02X", *p);
			rc = text_escape_put(&buf, &cap, &used, esc, strlen(esc));
			p++;
			continue;
		}
		if ((c == '\n' || c == '\t') && (flags & DESK_ESCAPE_LINES)) {
			esc[0] = '^';
			esc[1] = c == '\n' ? 'J' : 'I';
			e = 2;
		} else {
			e = desk_char_escape(c, esc);
		}
		rc = e > 0 ? text_escape_put(&buf, &cap, &used, esc, (size_t)e)
		           : text_escape_put(&buf, &cap, &used, (const char *)p, (size_t)n);
		p += n;
	}
	if (rc != DESK_OK) {
		free(buf);
		return rc;
	}
	*out = buf;
	if (outlen)
		*outlen = used;
	return DESK_OK;
}

int
desk_json_escape(char **out, size_t *outlen, const char *json, size_t len)
{
	const uint8_t *p = (const uint8_t *)json, *end = p + len;
	char *buf = NULL, esc[16];
	size_t cap = 0, used = 0;
	int rc;

	*out = NULL;
	if ((rc = text_escape_put(&buf, &cap, &used, "", 0)) != DESK_OK)
		return rc;
	while (p < end && rc == DESK_OK) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (n < 0) { /* JSON writers give UTF-8; anything else is refused */
			free(buf);
			return DESK_INVALID;
		}
		/* Outside strings JSON is ASCII without DEL, so this is inside one. */
		if (c >= 0x20 && c != '\n' && c != '\t' && desk_char_escape(c, esc) > 0) {
			if (c >= 0x10000)
				snprintf(esc, sizeof esc, "\\u%04" PRIx32 "\\u%04" PRIx32,
				         (uint32_t)(0xD800 + ((c - 0x10000) >> 10)),
				         (uint32_t)(0xDC00 + ((c - 0x10000) & 0x3FF)));
			else
				snprintf(esc, sizeof esc, "\\u%04" PRIx32, (uint32_t)c);
			rc = text_escape_put(&buf, &cap, &used, esc, strlen(esc));
		} else {
			rc = text_escape_put(&buf, &cap, &used, (const char *)p, (size_t)n);
		}
		p += n;
	}
	if (rc != DESK_OK) {
		free(buf);
		return rc;
	}
	*out = buf;
	if (outlen)
		*outlen = used;
	return DESK_OK;
}

const char *
desk_field_check(char buf[DESK_FIELD_WHY], const char *s, size_t len, size_t max, int flags)
{
	const uint8_t *p = (const uint8_t *)s, *end;
	size_t n = 0, blank = 0;
	char esc[16];

	if (s == NULL || desk_utf8_check(s, len, NULL) != DESK_OK) {
		snprintf(buf, DESK_FIELD_WHY, "is not UTF-8");
		return buf;
	}
	for (end = p + len; p < end; n++) {
		ucs4_t c;

		p += u8_mbtouc(&c, p, (size_t)(end - p));
		if (c == ' ' || c == '\t' || c == '\n')
			blank++;
		if ((c == '\n' || c == '\t') && !(flags & DESK_FIELD_LINE))
			continue;
		if (c == '\n' || c == '\t' || desk_char_escape(c, esc) > 0) {
			if (c == '\n' || c == '\t')
				snprintf(esc, sizeof esc, "^%c", c == '\n' ? 'J' : 'I');
			snprintf(buf, DESK_FIELD_WHY, "holds a control character (%s)", esc);
			return buf;
		}
	}
	if (n > max) {
		snprintf(buf, DESK_FIELD_WHY, "is longer than %zu characters (%zu)", max, n);
		return buf;
	}
	if ((flags & DESK_FIELD_NONEMPTY) && blank == n) {
		snprintf(buf, DESK_FIELD_WHY, "is empty");
		return buf;
	}
	return NULL;
}
