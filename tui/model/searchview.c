/*
 * searchview.c - the corpus search's logic for the interface: the `/`
 * line's mode, the snippet's pieces, the result limit as the cursor moves,
 * narrowing while typing, and an article's matches in turn (searchview.h).
 */
#include <stdio.h>
#include <string.h>

#include "searchview.h"

const char *
searchview_query(const char *line, int *exact)
{
	*exact = 0;
	if (line == NULL)
		return "";
	if (*line == SEARCHVIEW_EXACT) {
		*exact = 1;
		line++;
	}
	while (*line == ' ' || *line == '\t')
		line++;
	return line;
}

size_t
searchview_pieces(const char *snippet, struct searchview_piece *out, size_t max)
{
	const char *s = snippet ? snippet : "";
	size_t k = 0;
	int marked = 0;

	while (*s && k < max) {
		const char *mark = marked ? SEARCHVIEW_CLOSE : SEARCHVIEW_OPEN;
		const char *e = strstr(s, mark);
		size_t n = e ? (size_t)(e - s) : strlen(s);

		if (n > 0)
			out[k++] = (struct searchview_piece){s, n, marked};
		s += n;
		if (*s) {
			s += strlen(mark);
			marked = !marked;
		}
	}
	return k;
}

size_t
searchview_limit(size_t sel, size_t rows, size_t have, size_t asked)
{
	size_t want;

	if (have < asked || asked >= SEARCHVIEW_MAX)
		return 0; /* all there is, or all we hold */
	if (sel + rows < have)
		return 0;
	want = asked + SEARCHVIEW_STEP;
	return want > SEARCHVIEW_MAX ? SEARCHVIEW_MAX : want;
}

const char *
searchview_typing(char *out, size_t size, const char *line)
{
	size_t len = strlen(line), start = len, cps = 0, quotes = 0;

	for (size_t i = 0; i < len; i++)
		quotes += line[i] == '"';
	while (start > 0) {
		unsigned char c = (unsigned char)line[start - 1];

		if (c < 0x80 &&
		    !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			break;
		start--;
		cps += (c & 0xC0) != 0x80;
	}
	if (len + 2 > size || cps < SEARCHVIEW_PREFIX || quotes % 2 ||
	    (start > 0 && line[start - 1] == '*') || strcmp(line + start, "AND") == 0 ||
	    strcmp(line + start, "OR") == 0 || strcmp(line + start, "NOT") == 0)
		return line;
	memcpy(out, line, len);
	memcpy(out + len, "*", 2);
	return out;
}

int
searchview_count(char *buf, size_t size, size_t n, int more)
{
	if (n == 0)
		return snprintf(buf, size, "No result");
	return snprintf(buf, size, "%zu%s result%s", n, more ? "+" : "",
	                n == 1 && !more ? "" : "s");
}

size_t
searchview_step(size_t cur, size_t n, int backward, int *wrapped)
{
	*wrapped = 0;
	if (n == 0)
		return 0;
	if (cur >= n)
		return backward ? n - 1 : 0;
	if (backward) {
		if (cur > 0)
			return cur - 1;
		*wrapped = 1;
		return n - 1;
	}
	if (cur + 1 < n)
		return cur + 1;
	*wrapped = 1;
	return 0;
}

int
searchview_in(const desk_search_range *r, size_t n, int64_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) { /* the first range ending after cp */
		size_t mid = lo + (hi - lo) / 2;

		if (r[mid].end <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && r[lo].start <= cp;
}
