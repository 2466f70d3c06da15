/*
 * parse.h - one rule for each thing an editor types or a file holds that is
 * not free text: ids, whole numbers, dates and URLs.  The CLI, the interface and
 * the core all read them here.  (A label's or verdict's key is a character:
 * desk_key_valid() in text.h.)
 */
#ifndef COPYDESK_PARSE_H
#define COPYDESK_PARSE_H

#include "desk.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A whole number in decimal, optionally signed, the whole of s (no spaces):
 * DESK_OK with *out, or DESK_INVALID (*out unchanged) when s is empty, holds
 * anything else or does not fit in 64 bits.
 */
int desk_parse_int(int64_t *out, const char *s);

/* An id: a whole number from 1, as desk_parse_int(). */
int desk_parse_id(int64_t *out, const char *s);

/*
 * Whether s[0..len) is written as a date, YYYY-MM-DD in digits (len is 10),
 * whatever the calendar says: to tell "not a date" from "no such day".
 */
int desk_date_form(const char *s, size_t len);

/*
 * Whether s[0..len) is a date of the calendar written YYYY-MM-DD
 * (desk_date_form; a year from 1000 to 9999, leap years counted).
 */
int desk_date_valid(const char *s, size_t len);

/* "http://" or "https://", any case: the length of s's prefix, or 0. */
size_t desk_url_scheme(const char *s, size_t len);

/*
 * Whether s[0..len) is a URL with a host: DESK_URL_OK, or why not: no
 * http:// or https:// (NOSCHEME), white space in it (SPACE), no host such as
 * example.com after the scheme (NOHOST: letters, digits, '-' and non-ASCII,
 * with a dot between labels, an optional user@ and :port).
 */
enum { DESK_URL_OK = 0, DESK_URL_NOSCHEME, DESK_URL_SPACE, DESK_URL_NOHOST };
int desk_url_check(const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif
