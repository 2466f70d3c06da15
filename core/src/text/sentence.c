/*
 * sentence.c - sentence boundaries over a desk_text (libunistring has no
 * sentence breaking; these are the rules for Vietnamese and English news).
 *
 * A sentence ends after a run of stops (. ! ? …) and any closing quotes or
 * brackets right after it, when what follows is
 *   - the end of the text, or white space holding a line break, or
 *   - white space and then an uppercase letter, a digit, or an opening quote
 *     or bracket, unless the stop is a single "." after an abbreviation
 *     ("TP.", "Mr.", "No."), a capital initial ("J.") or an acronym ("U.S."),
 *   - or, run together without a space, a single "." between a letter or a
 *     digit and an uppercase letter followed by a lowercase one ("Việt
 *     Nam.Chủ tịch", "1,6 tỷ USD.Một số", "năm 2024.Chủ tịch"), unless the word before is an
 * abbreviation or a capital initial ("Tp.Hồ Chí Minh", "J.Smith"). A line break always ends a
 * sentence.  White space between sentences belongs to neither.  Everything works on graphemes, so
 * offsets stay on grapheme boundaries.  Decimals ("3.5", "1.000", "38,5%") and dots inside acronyms
 * ("TP.HCM") never end a sentence: no white space follows them and the letters around them do not
 * fit the run-together rule.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>

#include "internal.h"

/* Abbreviations whose "." never ends a sentence (the word before the dot, as written). */
static const char *const sentence_abbrevs[] = {
    /* Vietnamese: city, titles and degrees, district, ward */
    "TP", "Tp", "tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "CN", "NSND", "NSƯT", "TSKH", "Q", "P",
    "q", "p", "TX", "TT", "St",
    /* English titles, companies and references */
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Gen", "Gov", "Sen",
    "Rep", "Col", "Lt", "Capt", "Sgt", "Rev", "Hon", "Mt", "Ft", "Ave", "vs", "No", "Nos", "Vol",
    "Fig", "pp", "approx", "Ph.D", "e.g", "i.e", "E.g", "I.e", "U.S", "U.K", "U.N", "D.C",
    /* months */
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};

static int
sentence_is_space(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return uc_is_property_white_space(c) || c == 0x200B || c == 0xFEFF;
}

static int
sentence_is_linebreak(uint32_t c)
{
	return c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 ||
	       c == 0x2029;
}

static int
sentence_is_stop(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */ || c == 0x203C /* ‼ */ ||
	       c == 0x2047 || c == 0x2048 || c == 0x2049;
}

/* Closing quotes and brackets that stay with the sentence they end. */
static int
sentence_is_closer(uint32_t c)
{
	if (c < 0x80) /* no Pf, and Pe is ) ] } */
		return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x201D /* ” */ ||
	       c == 0x2019 /* ’ */ || c == 0x00BB /* » */ || c == 0x203A || c == 0x300D ||
	       c == 0x300F || uc_is_general_category(c, UC_CATEGORY_Pe) ||
	       uc_is_general_category(c, UC_CATEGORY_Pf);
}

/* Opening quotes and brackets that may begin a sentence. */
static int
sentence_is_opener(uint32_t c)
{
	if (c < 0x80) /* no Pi, and Ps is ( [ { */
		return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{';
	return c == '"' || c == '\'' || c == 0x201C /* “ */ || c == 0x2018 /* ‘ */ ||
	       c == 0x201E /* „ */ || c == 0x00AB /* « */ || c == 0x2039 ||
	       uc_is_general_category(c, UC_CATEGORY_Ps) ||
	       uc_is_general_category(c, UC_CATEGORY_Pi);
}

static int
sentence_is_upper(uint32_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_Lu) ||
	       uc_is_general_category(c, UC_CATEGORY_Lt);
}

static int
sentence_is_lower(uint32_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_Ll);
}

static int
sentence_is_letter(uint32_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_L);
}

/*
 * The code points below SENTENCE_PLAIN_MAX that are neither white space, a
 * line break nor a stop, worked out once from the three tests, for the loop
 * that walks over every grapheme of a sentence.
 */
#define SENTENCE_PLAIN_MAX 0x2000
static unsigned char sentence_plain[SENTENCE_PLAIN_MAX];
static pthread_once_t sentence_plain_once = PTHREAD_ONCE_INIT;

static void
sentence_plain_init(void)
{
	for (uint32_t c = 0; c < SENTENCE_PLAIN_MAX; c++)
		sentence_plain[c] =
		    !sentence_is_space(c) && !sentence_is_linebreak(c) && !sentence_is_stop(c);
}

/* The first code point of the grapheme at cp (its base character). */
static uint32_t
sentence_char(const desk_text *t, int64_t cp)
{
	return cp >= 0 && cp < desk_text_len(t) ? desk_text_char(t, cp) : 0;
}

/*
 * Whether the "." at cp follows an abbreviation: the letters and inner dots
 * before it (from after white space, a bracket or the sentence's start) are
 * in the list, are one capital initial ("J."), or capitals joined by dots
 * ("U.S.").
 */
int
sentence_is_abbrev(const desk_text *t, int64_t start, int64_t cp)
{
	const char *s = desk_text_utf8(t);
	int64_t a = cp;
	size_t x, y;
	int letters = 0, run = 0, single_caps = 1;

	while (a > start) {
		int64_t p = desk_text_prev_grapheme(t, a);
		uint32_t c = sentence_char(t, p);

		if (!sentence_is_letter(c) && c != '.')
			break;
		a = p;
	}
	/* The word starts with a letter and holds one. */
	if (a == cp || !sentence_is_letter(sentence_char(t, a)))
		return 0;
	x = desk_text_byte(t, a);
	y = desk_text_byte(t, cp);
	for (size_t i = 0; i < sizeof sentence_abbrevs / sizeof *sentence_abbrevs; i++)
		if (strlen(sentence_abbrevs[i]) == y - x &&
		    memcmp(sentence_abbrevs[i], s + x, y - x) == 0)
			return 1;
	/* "J" or "U.S": every part one capital letter. */
	for (int64_t i = a; i < cp; i = desk_text_next_grapheme(t, i)) {
		uint32_t c = sentence_char(t, i);

		if (c == '.') {
			if (run != 1)
				single_caps = 0;
			run = 0;
			continue;
		}
		letters++;
		run++;
		if (!sentence_is_upper(c))
			single_caps = 0;
	}
	return single_caps && run == 1 && letters > 0;
}

/*
 * Whether the stops [i, j) followed by closers up to k end the sentence that
 * started at start.
 */
static int
sentence_stop_ends(const desk_text *t, int64_t start, int64_t i, int64_t j, int64_t k)
{
	int64_t len = desk_text_len(t), m;
	int single_dot = sentence_char(t, i) == '.' && desk_text_next_grapheme(t, i) == j;
	uint32_t c, n;

	if (k >= len)
		return 1;
	c = sentence_char(t, k);
	if (sentence_is_space(c)) {
		for (m = k; m < len && sentence_is_space(sentence_char(t, m));
		     m = desk_text_next_grapheme(t, m))
			if (sentence_is_linebreak(sentence_char(t, m)))
				return 1;
		if (m >= len)
			return 1;
		n = sentence_char(t, m);
		if (!sentence_is_upper(n) && !uc_is_general_category(n, UC_CATEGORY_Nd) &&
		    !sentence_is_opener(n))
			return 0;
		if (single_dot && k == j && sentence_is_abbrev(t, start, i))
			return 0;
		return 1;
	}
	/* Run together: "Nam.Chủ tịch", "hợp.Hai", "USD.Một" (not "TP.Hồ", "J.Smith":
	 * abbreviations). */
	if (!single_dot || k != j || i <= start)
		return 0;
	c = sentence_char(t, desk_text_prev_grapheme(t, i));
	if (!sentence_is_letter(c) && !uc_is_general_category(c, UC_CATEGORY_Nd))
		return 0; /* "năm 2024.Chủ tịch" too: a decimal has a digit after the dot */
	c = sentence_char(t, k);
	if (!sentence_is_upper(c) ||
	    !sentence_is_lower(sentence_char(t, desk_text_next_grapheme(t, k))))
		return 0;
	return !sentence_is_abbrev(t, start, i);
}

/* Skip white space (line breaks too) from cp. */
static int64_t
sentence_skip_space(const desk_text *t, int64_t cp)
{
	int64_t len = desk_text_len(t);
	const uint32_t *c;
	const uint8_t *flag;

	text_view(t, &c, &flag);
	cp = cp < 0 ? 0 : cp;
	while (cp < len && sentence_is_space(c[cp]))
		do
			cp++;
		while (cp < len && !(flag[cp] & TEXT_GRAPHEME));
	return cp;
}

/* The end of the sentence starting at start (not white space), trailing white space excluded. */
static int64_t
sentence_scan(const desk_text *t, int64_t start)
{
	int64_t len = desk_text_len(t), i = start, end = start;
	const uint32_t *cp;
	const uint8_t *flag;

	text_view(t, &cp, &flag);
	pthread_once(&sentence_plain_once, sentence_plain_init);
	while (i < len) {
		uint32_t c = cp[i];
		int64_t j, k;

		/* Letters, digits and most punctuation: on to the next grapheme. */
		if (c < SENTENCE_PLAIN_MAX && sentence_plain[c]) {
			do
				i++;
			while (i < len && !(flag[i] & TEXT_GRAPHEME));
			end = i;
			continue;
		}
		if (sentence_is_linebreak(c))
			return end;
		if (!sentence_is_stop(c)) {
			do /* the next grapheme */
				i++;
			while (i < len && !(flag[i] & TEXT_GRAPHEME));
			if (!sentence_is_space(c))
				end = i;
			continue;
		}
		for (j = i; j < len && sentence_is_stop(sentence_char(t, j));)
			j = desk_text_next_grapheme(t, j);
		for (k = j; k < len && sentence_is_closer(sentence_char(t, k));)
			k = desk_text_next_grapheme(t, k);
		if (sentence_stop_ends(t, start, i, j, k))
			return k;
		i = end = k;
	}
	return end;
}

int
desk_sentences(desk_range **out, size_t *n, const desk_text *t)
{
	desk_range *v = NULL;
	size_t cap = 0, count = 0;
	int64_t len, cp = 0;
	int rc = DESK_MISUSE;

	if (out == NULL || n == NULL || t == NULL)
		goto done;
	*out = NULL;
	*n = 0;
	len = desk_text_len(t);
	rc = DESK_NOMEM;
	while ((cp = sentence_skip_space(t, cp)) < len) {
		int64_t end = sentence_scan(t, cp);

		if (count == cap) {
			size_t c = cap ? cap * 2 : 16;
			desk_range *w = realloc(v, c * sizeof *w);

			if (w == NULL)
				goto done;
			v = w;
			cap = c;
		}
		v[count].start = cp;
		v[count].end = end;
		count++;
		cp = end > cp ? end : desk_text_next_grapheme(t, cp);
	}
	*out = v;
	*n = count;
	v = NULL;
	rc = DESK_OK;
done:
	free(v);
	return rc;
}

int
desk_sentence_at(desk_range *out, const desk_text *t, int64_t cp)
{
	int64_t len, at;
	int rc = DESK_MISUSE;

	if (out == NULL || t == NULL)
		goto done;
	len = desk_text_len(t);
	rc = DESK_RANGE;
	if (cp < 0 || cp > len)
		goto done;
	cp = desk_text_grapheme_start(t, cp);
	/* Sentences never hold a line break: the paragraph's start is a sentence start. */
	for (at = cp; at > 0 && !sentence_is_linebreak(desk_text_char(t, at - 1));)
		at--;
	at = desk_text_grapheme_start(t, at);
	rc = DESK_NOTFOUND;
	while ((at = sentence_skip_space(t, at)) < len) {
		int64_t end = sentence_scan(t, at);

		if (end > cp) {
			out->start = at;
			out->end = end;
			rc = DESK_OK;
			goto done;
		}
		at = end > at ? end : desk_text_next_grapheme(t, at);
	}
done:
	return rc;
}
