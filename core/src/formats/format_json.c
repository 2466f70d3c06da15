/*
 * formats/format_json.c - strings from the store written as JSON strings,
 * for the writers of JSON formats (doccano, fever, claimreview): one rule
 * for what is escaped, the one desk_char_escape() keeps for the terminal.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <unistr.h>

#include "format.h"

/*
 * Which characters of the BMP desk_char_escape() escapes, worked out once:
 * asking it for every character of every text was most of a writer's time.
 */
static uint8_t format_json_hidden[0x10000 / 8];
static pthread_once_t format_json_once = PTHREAD_ONCE_INIT;

static void
format_json_init(void)
{
	char esc[12];

	for (uint32_t c = 0; c < 0x10000; c++)
		if (desk_char_escape(c, esc) != 0)
			format_json_hidden[c >> 3] |= (uint8_t)(1u << (c & 7));
}

static int
format_json_escaped(uint32_t c)
{
	char esc[12];

	if (c < 0x10000)
		return format_json_hidden[c >> 3] >> (c & 7) & 1;
	return desk_char_escape(c, esc) != 0;
}

/* \uXXXX, as a surrogate pair beyond the BMP. */
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

	pthread_once(&format_json_once, format_json_init);
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

			if ((n = u8_mbtouc(&u, p, (size_t)(end - p))) < 1)
				n = 1;
			c = u; /* a bad byte (never from the store) decodes to U+FFFD */
			if (!format_json_escaped(c)) {
				p += n;
				continue;
			}
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
