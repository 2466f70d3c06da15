/*
 * text_escape.c - strings made safe to show: every character that must not
 * reach a terminal (desk_char_escape) written as its escape, for the
 * terminal and for JSON.  Article text, editor names, file names, labels and
 * notes all go through here, so there is one rule for what is shown raw.
 * And the same rule for what an editor may type into a field: nothing that
 * would have to be escaped, and not too long.  What each character is
 * (escaped, how wide) is textchar.c's.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "internal.h"

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

/* The end of a function that built *buf: handed to *out, or freed on error. */
static int
text_escape_end(char **out, size_t *outlen, char *buf, size_t used, int rc)
{
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
desk_utf8_repair(char **out, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	char *buf = NULL;
	size_t cap = 0, used = 0;
	int rc = text_escape_put(&buf, &cap, &used, "", 0);

	*out = NULL;
	while (p < end && rc == DESK_OK) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (n < 1 || c == 0) {
			rc = text_escape_put(&buf, &cap, &used, "\xEF\xBF\xBD", 3);
			n = 1;
		} else {
			rc = text_escape_put(&buf, &cap, &used, (const char *)p, (size_t)n);
		}
		p += n;
	}
	return text_escape_end(out, NULL, buf, used, rc);
}

/*
 * Whether c is replaced by U+FFFD where a format has no escapes (brat's
 * .txt, CoNLL's tokens): a C0 control but the line breaks and TAB (ESC,
 * BEL, BS...), DEL, a C1 control, a bidi embedding, override or isolate.  One character for one, so
 * that offsets in code points hold.
 */
static int
text_defang_char(ucs4_t c)
{
	/* Python's line breaks (VT, FF, CR, FS, GS, RS) stay: brat's reader cuts lines at them. */
	if (c == '\n' || c == '\t' || c == '\v' || c == '\f' || c == '\r' ||
	    (c >= 0x1C && c <= 0x1E))
		return 0;
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

int
desk_text_defang(char **out, size_t *outlen, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	char *buf = NULL;
	size_t cap = 0, used = 0;
	int rc = text_escape_put(&buf, &cap, &used, "", 0);

	*out = NULL;
	while (p < end && rc == DESK_OK) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (n < 1)
			n = 1, c = 0xFFFD;
		rc = text_defang_char(c) || c == 0xFFFD
		         ? text_escape_put(&buf, &cap, &used, "\xEF\xBF\xBD", 3)
		         : text_escape_put(&buf, &cap, &used, (const char *)p, (size_t)n);
		p += n;
	}
	return text_escape_end(out, outlen, buf, used, rc);
}

void
desk_text_defang_write(FILE *f, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len, *run = p;

	while (p < end) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (n < 1)
			n = 1, c = 0xFFFD;
		if (text_defang_char(c) || (c == 0xFFFD && n == 1)) {
			fwrite(run, 1, (size_t)(p - run), f);
			fwrite("\xEF\xBF\xBD", 1, 3, f);
			run = p + n;
		}
		p += n;
	}
	fwrite(run, 1, (size_t)(p - run), f);
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
	return text_escape_end(out, outlen, buf, used, rc);
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
		const uint8_t *run = p;
		ucs4_t c;
		int n;

		/* Printable ASCII, most of any text: copied a run at a time. */
		while (p < end && *p >= 0x20 && *p < 0x7F)
			p++;
		if (p > run && (rc = text_escape_put(&buf, &cap, &used, (const char *)run,
		                                     (size_t)(p - run))) != DESK_OK)
			break;
		if (p == end)
			break;
		n = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (n < 0) { /* a bad byte (another program's store): U+FFFD, never raw */
			rc = text_escape_put(&buf, &cap, &used, "\\ufffd", 6);
			p++;
			continue;
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
	return text_escape_end(out, outlen, buf, used, rc);
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
