/*
 * formats/text.c - the scrapers' plain text: one article per file.
 *
 *   [ date YYYY-MM-DD ]<body continues on the same line>
 *   [Title line]
 *   [Byline]
 *   Body paragraphs, with web-page furniture left in by the scraper.
 *
 * The date prefix and the title line are taken out of the body into their
 * fields; everything else stays in the body verbatim.  A byline and web-page
 * boilerplate (follow-us lines, repeated headlines, photo captions, repeated
 * related-link headlines and the related-links tail) are marked as ranges
 * of the body, never removed.  See annotations/FORMATS.md.
 */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "format.h"

/* A title is a short line: at most this many code points and words. */
#define TEXT_TITLE_CHARS 150
#define TEXT_TITLE_WORDS 25
/* A line counts as a repeat of an earlier one from this many words. */
#define TEXT_REPEAT_WORDS 3

/* Lines that start the related-links tail, which runs to the end. */
static const char *const text_tail_lines[] = {
    "Xem nhiều",         "Đọc thêm",     "Tin liên quan", "Bài liên quan",    "Tin cùng chuyên mục",
    "Phiên bản di động", "Related news", "Read more",     "Related articles",
};

/* One line of the text: bytes [b, e) with white space trimmed, and code points. */
typedef struct text_line {
	size_t b, e, next; /* next: the start of the following line */
	int64_t cb, ce;    /* code points of b and e from the start of the body */
} text_line;

static int
text_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

/* The line starting at byte `at`, trimmed; cp is the code point of `at`. */
static text_line
text_line_at(const char *s, size_t len, size_t at, int64_t cp)
{
	const char *nl = memchr(s + at, '\n', len - at);
	size_t end = nl ? (size_t)(nl - s) : len, b = at, e = end;
	text_line l;

	while (b < e && text_is_space(s[b]))
		b++;
	while (e > b && text_is_space(s[e - 1]))
		e--;
	l.b = b;
	l.e = e;
	l.next = nl ? end + 1 : len;
	l.cb = cp + (int64_t)(b - at); /* white space is ASCII: a byte a code point */
	l.ce = l.cb + desk_utf8_count(s + b, e - b);
	return l;
}

static int
text_line_is(const char *s, const text_line *l, const char *lit)
{
	size_t n = strlen(lit);

	return l->e - l->b == n && memcmp(s + l->b, lit, n) == 0;
}

static int
text_starts(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return n >= k && memcmp(s, lit, k) == 0;
}

static int
text_ends(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return n >= k && memcmp(s + n - k, lit, k) == 0;
}

/* memmem() and memrchr() are GNU extensions; these are enough here. */
static const char *
text_find(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	const char *p = s, *end = s + n;

	while (k <= (size_t)(end - p) &&
	       (p = memchr(p, lit[0], (size_t)(end - p) - k + 1)) != NULL) {
		if (memcmp(p, lit, k) == 0)
			return p;
		p++;
	}
	return NULL;
}

static const char *
text_find_last(const char *s, size_t n, const char *lit)
{
	const char *last = NULL, *p = s;

	while ((p = text_find(p, n - (size_t)(p - s), lit)) != NULL)
		last = p++;
	return last;
}

/* The number of words in s[0..n), counting no further than max. */
static size_t
text_words(const char *s, size_t n, size_t max)
{
	size_t w = 0;

	for (size_t i = 0; i < n && w < max; i++)
		if (!text_is_space(s[i]) && (i == 0 || text_is_space(s[i - 1])))
			w++;
	return w;
}

/* Short, one line, not ending like a sentence or a clause: a headline. */
static int
text_is_headline(const char *s, const text_line *l)
{
	size_t n = l->e - l->b;
	int letter = 0;

	if (n == 0 || l->ce - l->cb > TEXT_TITLE_CHARS ||
	    text_words(s + l->b, n, TEXT_TITLE_WORDS + 1) > TEXT_TITLE_WORDS ||
	    strchr(".,;:", s[l->e - 1]) != NULL || text_ends(s + l->b, n, "…"))
		return 0;
	for (size_t i = l->b; i < l->e && !letter; i++)
		letter =
		    (unsigned char)s[i] >= 0x80 || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
	return letter;
}

/* A name alone: two to four capitalised words of letters, e.g. "Anh Sơn". */
static int
text_is_byline(const char *s, const text_line *l)
{
	const uint8_t *p = (const uint8_t *)s + l->b, *end = (const uint8_t *)s + l->e;
	int words = 0, start = 1;

	if (l->ce - l->cb > 50)
		return 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (k <= 0)
			return 0;
		if (c == ' ') {
			if (start) /* two spaces */
				return 0;
			start = 1;
		} else if (start) {
			if (!uc_is_upper(c) && !uc_is_property_titlecase(c))
				return 0;
			words++;
			start = 0;
		} else if (!uc_is_alpha(c)) {
			return 0;
		}
		p += k;
	}
	return words >= 2 && words <= 4;
}

/* "Theo dõi Báo X trên" / "Follow X on": a follow-us line. */
static int
text_is_follow(const char *s, const text_line *l)
{
	const char *t = s + l->b;
	size_t n = l->e - l->b;

	if (l->ce - l->cb > 100)
		return 0;
	if (text_starts(t, n, "Theo dõi "))
		return text_find(t, n, " trên") != NULL;
	if (text_starts(t, n, "Follow "))
		return text_find(t, n, " on") != NULL;
	return 0;
}

/*
 * A photo caption: ends with "(Ảnh: ...)" or "(Photo: ...)", or with a short
 * credit "Ảnh: TTXVN" / "Photo: VNA" after the caption text.
 */
static int
text_is_caption(const char *s, const text_line *l)
{
	static const char *const credits[] = {"Ảnh:", "Ảnh :", "Photo:", "Nguồn ảnh:"};
	const char *t = s + l->b, *open;
	size_t n = l->e - l->b;

	if (n == 0 || l->ce - l->cb > 400)
		return 0;
	if (t[n - 1] == ')' && (open = text_find_last(t, n, "(")) != NULL) {
		size_t k = n - (size_t)(open + 1 - t);

		for (size_t i = 0; i < sizeof credits / sizeof *credits; i++)
			if (text_starts(open + 1, k, credits[i]))
				return 1;
		if (text_starts(open + 1, k, "Ảnh minh họa") ||
		    text_starts(open + 1, k, "Ảnh minh hoạ"))
			return 1;
	}
	if (memchr(t, ':', n) == NULL) /* every credit has one */
		return 0;
	for (size_t i = 0; i < sizeof credits / sizeof *credits; i++) {
		size_t cl = strlen(credits[i]);
		const char *c = text_find_last(t, n, credits[i]);

		if (c == NULL || (c > t && c[-1] != ' ') || c + cl == t + n)
			continue;
		/* The credit: a few words, no sentence after it. */
		if (text_words(c + cl, n - (size_t)(c + cl - t), 6) <= 5 &&
		    memchr(c + cl, '.', n - (size_t)(c + cl - t)) == NULL)
			return 1;
	}
	return 0;
}

static int
text_is_tail(const char *s, const text_line *l)
{
	text_line t = *l;

	if (t.e - t.b > 32) /* longer than any of them */
		return 0;
	if (t.e > t.b && s[t.e - 1] == ':')
		t.e--;
	for (size_t i = 0; i < sizeof text_tail_lines / sizeof *text_tail_lines; i++)
		if (text_line_is(s, &t, text_tail_lines[i]))
			return 1;
	return 0;
}

/* A set of lines (their bytes) seen so far, for spotting repeats. */
typedef struct text_seen {
	size_t *slot; /* line start + 1, 0 when empty */
	size_t *slen;
	size_t mask;
} text_seen;

/*
 * FNV-1a of the length and of at most 32 bytes from each end: enough to
 * tell lines apart (equal lines are still compared whole), without going
 * through every byte of every paragraph.
 */
static uint64_t
text_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ n;
	size_t head = n < 64 ? n : 32;

	for (size_t i = 0; i < head; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	for (size_t i = n < 64 ? n : n - 32; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

/* Whether the line was seen before; remembers it if not. */
static int
text_seen_check(text_seen *t, const char *s, const text_line *l)
{
	size_t n = l->e - l->b, i = (size_t)text_hash(s + l->b, n) & t->mask;

	for (; t->slot[i]; i = (i + 1) & t->mask)
		if (t->slen[i] == n && memcmp(s + t->slot[i] - 1, s + l->b, n) == 0)
			return 1;
	t->slot[i] = l->b + 1;
	t->slen[i] = n;
	return 0;
}

/*
 * Mark the boilerplate of body s[0..len) from byte `at` on: one mark per
 * line, except the related-links tail, which is one mark to the end.
 */
static int
text_mark(format_article *a, const char *s, size_t len, size_t at, const char *title, size_t tlen)
{
	text_seen seen = {0};
	text_line prev = {0}, l;
	size_t lines = 1, size = 16;
	int64_t cp = desk_utf8_count(s, at);
	int have_prev = 0, prev_marked = 0, teaser = 0, rc = DESK_OK;

	for (const char *p = s; (p = memchr(p, '\n', len - (size_t)(p - s))) != NULL; p++)
		lines++;
	while (size < 2 * lines)
		size *= 2;
	seen.mask = size - 1;
	seen.slot = calloc(size, sizeof *seen.slot);
	seen.slen = calloc(size, sizeof *seen.slen);
	if (seen.slot == NULL || seen.slen == NULL) {
		rc = DESK_NOMEM;
		goto done;
	}
	/* Past the line's end there are only white space and the newline. */
	for (; at < len; cp = l.ce + (int64_t)(l.next - l.e), at = l.next) {
		int marked = 0;

		l = text_line_at(s, len, at, cp);
		if (l.b == l.e)
			continue;
		if (text_is_tail(s, &l)) {
			rc = format_article_mark(a, DESK_MARK_BOILERPLATE, l.cb,
			                         desk_utf8_count(s, len));
			goto done;
		}
		if (text_is_follow(s, &l) ||
		    (title && l.e - l.b == tlen && memcmp(s + l.b, title, tlen) == 0) ||
		    text_is_caption(s, &l)) {
			marked = 1;
		} else if (text_words(s + l.b, l.e - l.b, TEXT_REPEAT_WORDS) >= TEXT_REPEAT_WORDS &&
		           text_seen_check(&seen, s, &l)) {
			marked = 1;
			/* A headline printed twice in a row is a related link; both
			 * copies and the teaser after them are furniture. */
			if (have_prev && prev.e - prev.b == l.e - l.b &&
			    memcmp(s + prev.b, s + l.b, l.e - l.b) == 0 &&
			    text_is_headline(s, &l)) {
				if (!prev_marked &&
				    (rc = format_article_mark(a, DESK_MARK_BOILERPLATE, prev.cb,
				                              prev.ce)) != DESK_OK)
					goto done;
				teaser = 2;
			}
		} else if (teaser == 1) {
			marked = 1;
		}
		if (marked &&
		    (rc = format_article_mark(a, DESK_MARK_BOILERPLATE, l.cb, l.ce)) != DESK_OK)
			goto done;
		teaser = teaser > 0 ? teaser - 1 : 0;
		prev = l;
		prev_marked = marked;
		have_prev = 1;
	}
done:
	free(seen.slot);
	free(seen.slen);
	return rc;
}

/* " date YYYY-MM-DD " at the start: the date, and where the body goes on. */
static int
text_date_prefix(format_article *a, const char *s, size_t len, size_t *after, format_error *err)
{
	size_t i = 0;

	*after = 0;
	while (i < len && text_is_space(s[i]))
		i++;
	if (!text_starts(s + i, len - i, "date") || i + 5 >= len || !text_is_space(s[i + 4]))
		return DESK_OK;
	i += 4;
	while (i < len && text_is_space(s[i]))
		i++;
	if (len - i < 10 || (len - i > 10 && !text_is_space(s[i + 10]) && s[i + 10] != '\n'))
		return DESK_OK;
	if (!desk_date_form(s + i, 10))
		return DESK_OK; /* not a date prefix: the text just starts "date" */
	if (!desk_date_valid(s + i, 10))
		return format_fail(err, DESK_INVALID, 1, (int64_t)i + 1,
		                   "no such date %.10s in the date prefix", s + i);
	memcpy(a->date, s + i, 10);
	a->date[10] = '\0';
	i += 10;
	while (i < len && text_is_space(s[i]))
		i++;
	*after = i;
	return DESK_OK;
}

int
fmt_text_parse(format_article *a, char *s, size_t len, format_error *err)
{
	size_t at, body, end;
	text_line first, next, by;
	int rc;

	memset(a, 0, sizeof *a);
	a->mem = s;
	a->line = 1;
	if ((rc = text_date_prefix(a, s, len, &at, err)) != DESK_OK)
		goto done;
	while (at < len && (text_is_space(s[at]) || s[at] == '\n'))
		at++;
	end = len;
	while (end > at && (text_is_space(s[end - 1]) || s[end - 1] == '\n'))
		end--;
	if (at == end) {
		rc = format_fail(err, DESK_INVALID, 1, 1, "no article text after the date prefix");
		goto done;
	}
	body = at;
	/* A title: a headline followed by a blank line, a byline or a paragraph. */
	first = text_line_at(s, end, at, 0);
	if (first.next < end && text_is_headline(s, &first)) {
		next = text_line_at(s, end, first.next, 0);
		if (next.b == next.e || text_is_byline(s, &next) ||
		    next.e - next.b > first.e - first.b || !text_is_headline(s, &next)) {
			if ((a->title = malloc(first.e - first.b + 1)) == NULL) {
				rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
				goto done;
			}
			memcpy(a->title, s + first.b, first.e - first.b);
			a->title[first.e - first.b] = '\0';
			for (body = first.next;
			     body < end && (text_is_space(s[body]) || s[body] == '\n'); body++)
				;
		}
	}
	if (end - body > FORMAT_MAX_BODY) {
		rc = format_fail(err, DESK_INVALID, 1, 1,
		                 "article too long (%zu bytes; at most %zu)", end - body,
		                 FORMAT_MAX_BODY);
		goto done;
	}
	s[end] = '\0';
	/* A byline: a name alone on the line after the title, with more after it. */
	by = text_line_at(s + body, end - body, 0, 0);
	if (a->title && by.next < end - body && text_is_byline(s + body, &by)) {
		if ((rc = format_article_mark(a, DESK_MARK_BYLINE, by.cb, by.ce)) != DESK_OK)
			goto nomem;
	} else {
		by.next = 0;
	}
	if ((rc = text_mark(a, s + body, end - body, by.next, a->title,
	                    a->title ? strlen(a->title) : 0)) != DESK_OK)
		goto nomem;
	a->in.title = a->title;
	a->in.date = a->date[0] ? a->date : NULL;
	a->in.lang = lang_detect(s + body, end - body);
	a->in.body = s + body;
	a->in.body_len = end - body;
	a->in.marks = a->marks;
	a->in.nmarks = a->nmarks;
	goto done;
nomem:
	rc = format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
done:
	if (rc != DESK_OK)
		format_article_clear(a);
	return rc;
}

int
fmt_text_read(format_article **out, size_t *n, char *s, size_t len, const format_notes *notes,
              format_error *err)
{
	int rc;

	(void)notes;
	*n = 0;
	if ((*out = calloc(1, sizeof **out)) == NULL) {
		free(s);
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	}
	if ((rc = fmt_text_parse(*out, s, len, err)) != DESK_OK) {
		format_articles_free(*out, 1);
		*out = NULL;
		return rc;
	}
	*n = 1;
	return DESK_OK;
}
