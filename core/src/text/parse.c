/* parse.c - ids, whole numbers and dates as editors type them (parse.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

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
