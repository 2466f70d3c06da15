/*
 * formats/format.c - what every format reader shares: text made fit to
 * store: a file's bytes checked (UTF-8, NUL bytes, binary data, a BOM)
 * and normalised (LF line ends, NFC), a whole file, a part of one, or one
 * field.  Calls nothing of the importer's: the parsers (text.c, jsonl.c)
 * and the importer above them (import.c) call it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "format.h"

/*
 * A bad byte this close to the start, with control characters near it, means
 * "binary" (PNG, gzip, ...) rather than text in a wrong encoding.
 */
#define FORMAT_BINARY_PREFIX 8
#define FORMAT_BINARY_SNIFF  64

/*
 * Characters whose every occurrence is already NFC and cannot compose with
 * what precedes them: all below U+0300, Vietnamese precomposed letters
 * (U+1E00..U+1EFF), general punctuation but for U+2000 and U+2001 (dashes,
 * quotes, ellipsis: U+2002..U+207F) and currency signs (U+20A0..U+20BF).
 * Text of these alone needs no normalisation; anything else goes through
 * desk_nfc().  s must be valid UTF-8: this looks at the bytes only, since it
 * runs over every byte of every file.  test_import checks the ranges
 * against desk_nfc().
 */
/* Whether the 8 bytes at p are all ASCII, NUL bytes included. */
static int
format_ascii8(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return (v & 0x8080808080808080ULL) == 0;
}

/* Whether the 8 bytes at p are all ASCII and none of them is NUL. */
static int
format_text8(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return ((v | ((v - 0x0101010101010101ULL) & ~v)) & 0x8080808080808080ULL) == 0;
}

/* Whether the 3-byte sequence at p is one of the NFC ranges above. */
static int
format_nfc3(const uint8_t *p)
{
	return (p[0] == 0xE1 && p[1] >= 0xB8 && p[1] <= 0xBB) || /* U+1E00..U+1EFF */
	       (p[0] == 0xE2 &&
	        ((p[1] == 0x80 && p[2] >= 0x82) || p[1] == 0x81 ||
	         (p[1] == 0x82 && p[2] >= 0xA0))); /* U+2002..U+207F, U+20A0..U+20BF */
}

int
format_is_nfc(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;

	while (p < end) {
		if (end - p >= 8 && format_ascii8(p))
			p += 8;
		else if (*p < 0x80)
			p++;
		else if (*p < 0xCC) /* U+0080..U+02FF */
			p += 2;
		else if (end - p >= 3 && format_nfc3(p))
			p += 3;
		else
			return 0;
	}
	return 1;
}

/* Whether p[0..n) are continuation bytes. */
static int
format_cont(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return 1;
}

/*
 * One pass over s: 1 when it is valid UTF-8 without NUL bytes, with *nfc
 * set to format_is_nfc(s, len); 0 (and *nfc 0) when it is not, and
 * desk_utf8_check() then says where.  The same rules as u8_check(): no overlong forms, no
 * surrogates, nothing above U+10FFFF.
 */
static int
format_utf8_scan(const char *s, size_t len, int *nfc)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	int simple = 1;

	*nfc = 0;
	while (p < end) {
		size_t left = (size_t)(end - p);
		uint8_t c = *p;

		if (left >= 8 && format_text8(p)) {
			p += 8;
		} else if (c < 0x80) {
			if (c == 0)
				return 0;
			p++;
		} else if (c < 0xC2) {
			return 0;
		} else if (c < 0xE0) {
			if (left < 2 || !format_cont(p + 1, 1))
				return 0;
			simple &= c < 0xCC;
			p += 2;
		} else if (c < 0xF0) {
			if (left < 3 || !format_cont(p + 1, 2) || (c == 0xE0 && p[1] < 0xA0) ||
			    (c == 0xED && p[1] >= 0xA0))
				return 0;
			simple &= format_nfc3(p);
			p += 3;
		} else if (c < 0xF5) {
			if (left < 4 || !format_cont(p + 1, 3) || (c == 0xF0 && p[1] < 0x90) ||
			    (c == 0xF4 && p[1] >= 0x90))
				return 0;
			simple = 0;
			p += 4;
		} else {
			return 0;
		}
	}
	*nfc = simple;
	return 1;
}

/* Copy s to a new buffer, CRLF and lone CR turned into LF. */
static char *
format_copy_lf(const char *s, size_t len, size_t *outlen)
{
	char *buf = malloc(len + 1), *w = buf;
	const char *p = s, *end = s + len, *cr;

	if (buf == NULL)
		return NULL;
	while ((cr = memchr(p, '\r', (size_t)(end - p))) != NULL) {
		memcpy(w, p, (size_t)(cr - p));
		w += cr - p;
		*w++ = '\n';
		p = cr + 1;
		if (p < end && *p == '\n')
			p++;
	}
	memcpy(w, p, (size_t)(end - p));
	w += end - p;
	*w = '\0';
	*outlen = (size_t)(w - buf);
	return buf;
}

static int
format_is_blank(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;

	while (p < end) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (k <= 0)
			return 0;
		if (!uc_is_property_white_space(c) && c != 0x200B && c != 0xFEFF)
			return 0;
		p += k;
	}
	return 1;
}

/* Control characters other than TAB, LF, FF and ESC near the start. */
static int
format_has_controls(const char *s, size_t len)
{
	for (size_t i = 0; i < len && i < FORMAT_BINARY_SNIFF; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != 0x1B) || c == 0x7F)
			return 1;
	}
	return 0;
}

/* Why the bytes at s[bad] are not UTF-8, in words. */
static void
format_utf8_why(char *buf, size_t size, const unsigned char *s, size_t len, size_t bad)
{
	unsigned char b = s[bad];
	size_t need = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1, i;

	if (b >= 0x80 && b <= 0xBF) {
		snprintf(buf, size, "byte 0x%02X is a continuation byte without a lead byte", b);
		return;
	}
	if (b == 0xC0 || b == 0xC1 || b >= 0xF5) {
		snprintf(buf, size, "byte 0x%02X never occurs in UTF-8", b);
		return;
	}
	for (i = 1; i <= need && bad + i < len && (s[bad + i] & 0xC0) == 0x80; i++)
		;
	if (i <= need && need == 1)
		snprintf(buf, size, "byte 0x%02X is not followed by a continuation byte", b);
	else if (i <= need)
		snprintf(buf, size, "byte 0x%02X is not followed by %zu continuation bytes", b,
		         need);
	else
		snprintf(buf, size,
		         "byte 0x%02X starts an overlong, surrogate or too large sequence", b);
}

/*
 * Refuse text whose byte at bad is not UTF-8 or is NUL, at its line (after
 * ln0 lines) and column: binary data when head (the file's start) and
 * control characters lie near it, else the bad bytes in words.
 */
static int
format_bad_byte(format_error *err, const char *buf, size_t blen, size_t bad, int64_t ln0, int head)
{
	unsigned char b = (unsigned char)buf[bad];
	int64_t line, col;
	char why[128];

	desk_utf8_line_col(buf, bad, &line, &col);
	line += ln0;
	if (b == 0)
		return format_fail(err, DESK_INVALID, line, col,
		                   "NUL byte: this looks like a binary file, not text");
	if (head && bad < FORMAT_BINARY_PREFIX && format_has_controls(buf, blen))
		return format_fail(err, DESK_INVALID, line, col,
		                   "byte 0x%02X: this looks like a binary file, not text", b);
	format_utf8_why(why, sizeof why, (const unsigned char *)buf, blen, bad);
	return format_fail(err, DESK_INVALID, line, col, "invalid UTF-8 (%s)", why);
}

int
format_normalize(char **out, size_t *outlen, const char *s, size_t len, int nfc, format_error *err)
{
	char *buf = NULL, *n = NULL;
	size_t blen = 0, bad = 0, nlen = 0;
	int rc = DESK_OK, simple = 0;

	*out = NULL;
	*outlen = 0;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (len > FORMAT_MAX_FILE) {
		rc = format_fail(err, DESK_INVALID, 0, 0, "file too large (%zu bytes; at most %zu)",
		                 len, FORMAT_MAX_FILE);
		goto done;
	}
	if ((buf = format_copy_lf(s, len, &blen)) == NULL) {
		rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	/* The one-pass scan first; desk_utf8_check() finds what is wrong. */
	if (!format_utf8_scan(buf, blen, &simple) && desk_utf8_check(buf, blen, &bad) != DESK_OK) {
		rc = format_bad_byte(err, buf, blen, bad, 0, 1);
		goto done;
	}
	if (format_is_blank(buf, blen)) {
		rc = format_fail(err, DESK_INVALID, 1, 1, "empty file");
		goto done;
	}
	if (nfc && !simple && !format_is_nfc(buf, blen)) {
		if (desk_nfc(&n, &nlen, buf, blen) != DESK_OK) {
			rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		free(buf);
		buf = n;
		blen = nlen;
	}
	*out = buf;
	*outlen = blen;
	buf = NULL;
done:
	free(buf);
	return rc;
}

int
format_check_part(char **copy, size_t *copylen, const char *s, size_t len, int64_t ln0, int head,
                  format_error *err)
{
	const char *buf = s;
	char *lf = NULL;
	size_t blen = len, bad = 0;
	int simple;

	*copy = NULL;
	*copylen = 0;
	if (memchr(s, '\r', len) != NULL) {
		if ((lf = format_copy_lf(s, len, &blen)) == NULL)
			return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
		buf = lf;
	}
	if (format_utf8_scan(buf, blen, &simple) || desk_utf8_check(buf, blen, &bad) == DESK_OK) {
		*copy = lf;
		*copylen = blen;
		return DESK_OK;
	}
	format_bad_byte(err, buf, blen, bad, ln0, head);
	free(lf);
	return err->rc;
}

int
format_normalize_field(char **out, size_t *outlen, const char *s, size_t len, int trim)
{
	char *buf, *n = NULL;
	size_t blen, nlen;

	*out = NULL;
	if ((buf = format_copy_lf(s, len, &blen)) == NULL)
		return DESK_NOMEM;
	if (!format_is_nfc(buf, blen)) {
		if (desk_nfc(&n, &nlen, buf, blen) != DESK_OK) {
			free(buf);
			return DESK_NOMEM;
		}
		free(buf);
		buf = n;
		blen = nlen;
	}
	while (trim && blen > 0 && strchr(" \t\n\v\f", buf[blen - 1]) != NULL)
		blen--;
	buf[blen] = '\0';
	*out = buf;
	if (outlen)
		*outlen = blen;
	return DESK_OK;
}
