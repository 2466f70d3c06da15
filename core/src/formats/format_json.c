/*
 * formats/format_json.c - strings from the store written as JSON strings,
 * for the writers of JSON formats (doccano, fever, claimreview): one rule
 * for what is escaped, the one desk_char_escape() keeps for the terminal.
 */
#include <stdio.h>
#include <string.h>

#include <unistr.h>

#include "format.h"

/* Whether c is written as \uXXXX: what desk_char_escape() escapes for the terminal. */
static int
format_json_escaped(uint32_t c)
{
	char esc[12];

	return desk_char_escape(c, esc) != 0;
}

static void
format_json_u(FILE *f, uint32_t c)
{
	if (c > 0xFFFF) {
		c -= 0x10000;
		fprintf(f, "\\u%04X\\u%04X", 0xD800 + (unsigned)(c >> 10),
		        0xDC00 + (unsigned)(c & 0x3FF));
	} else {
		fprintf(f, "\\u%04X", (unsigned)c);
	}
}

int
format_json_string(FILE *f, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len, *run = p;

	putc('"', f);
	while (p < end) {
		uint32_t c = *p;
		int n = 1;

		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			p++;
			continue;
		}
		if (c >= 0x80) {
			ucs4_t u;

			if ((n = u8_mbtoucr(&u, p, (size_t)(end - p))) < 1) {
				n = 1; /* a bad byte (another program's store): \ufffd, never raw */
				u = 0xFFFD;
			} else if (!format_json_escaped(u)) {
				p += n;
				continue;
			}
			c = u;
		}
		fwrite(run, 1, (size_t)(p - run), f);
		switch (c) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			format_json_u(f, c);
		}
		p += n;
		run = p;
	}
	fwrite(run, 1, (size_t)(p - run), f);
	putc('"', f);
	return ferror(f);
}

int
format_json_str(FILE *f, const char *s)
{
	if (s == NULL) {
		fputs("null", f);
		return ferror(f);
	}
	return format_json_string(f, s, strlen(s));
}
