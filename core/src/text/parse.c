/* parse.c - ids, whole numbers and dates as editors type them (parse.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "internal.h"

int
desk_parse_int(int64_t *out, const char *s)
{
	char *end;
	long long v;

	if (s == NULL || !(*s == '-' || *s == '+' || (*s >= '0' && *s <= '9')))
		return DESK_INVALID; /* strtoll would skip spaces */
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end)
		return DESK_INVALID;
	*out = (int64_t)v;
	return DESK_OK;
}

int
desk_parse_id(int64_t *out, const char *s)
{
	int64_t v;

	if (desk_parse_int(&v, s) != DESK_OK || v < 1)
		return DESK_INVALID;
	*out = v;
	return DESK_OK;
}

int
desk_date_form(const char *s, size_t len)
{
	if (s == NULL || len != 10)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

int
desk_date_valid(const char *s, size_t len)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;

	if (!desk_date_form(s, len))
		return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

static int
parse_has_space(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
		    (unsigned char)s[i] >= 0x80) {
			ucs4_t c;

			if ((unsigned char)s[i] < 0x80)
				return 1;
			u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
			if (uc_is_property_white_space(c))
				return 1;
		}
	return 0;
}

size_t
desk_url_scheme(const char *s, size_t len)
{
	if (len >= 7 && strncasecmp(s, "http://", 7) == 0)
		return 7;
	if (len >= 8 && strncasecmp(s, "https://", 8) == 0)
		return 8;
	return 0;
}

/* A URL's host: letters, digits, '-' and non-ASCII, with a dot between labels. */
static int
parse_host_valid(const char *s, size_t len)
{
	size_t a = 0, b, dots = 0;

	for (size_t i = 0; i < len; i++)
		if (s[i] == '/' || s[i] == '?' || s[i] == '#') {
			len = i;
			break;
		}
	for (size_t i = 0; i < len; i++)
		if (s[i] == '@')
			a = i + 1;
	b = len;
	for (size_t i = a; i < len; i++)
		if (s[i] == ':') {
			b = i;
			break;
		}
	if (b <= a || s[a] == '.' || s[b - 1] == '.')
		return 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '.') {
			if (s[i - 1] == '.')
				return 0;
			dots++;
		} else if (!(c >= 0x80 || c == '-' || (c >= '0' && c <= '9') ||
		             (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
			return 0;
		}
	}
	for (size_t i = b + (b < len); i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return dots > 0;
}

int
desk_url_check(const char *s, size_t len)
{
	size_t k = desk_url_scheme(s, len);

	if (k == 0)
		return DESK_URL_NOSCHEME;
	if (parse_has_space(s, len))
		return DESK_URL_SPACE;
	if (!parse_host_valid(s + k, len - k))
		return DESK_URL_NOHOST;
	return DESK_URL_OK;
}
