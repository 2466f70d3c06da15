/*
 * tokens.c - a text cut into the tokens a CoNLL-style file has, one a line:
 * what the CoNLL writer uses when a document keeps no tokenization of its
 * own.  Works on graphemes, so a combining mark (NFD "Hà Nội") stays with
 * its letter.
 *
 *   - Tokens are separated by white space and control characters, which no
 *     token ever holds (tokens_space() finds them in a token read from a
 *     file), and by U+200B and U+FEFF, which the sentence splitter counts as
 *     space (a file's token may hold them).
 *   - Punctuation and symbols (Unicode P and S) at either end of a piece
 *     are tokens of their own, a run of the same grapheme one token ("...",
 *     "--", "!!!"); inside a piece they stay ("COVID-19", "TP.HCM", "3.5",
 *     "Hà_Nội", "e-mail").  A final "." stays with an abbreviation, as the
 *     sentence splitter knows them ("U.S.", "Mr.", "TP.", "J.").
 *   - English only: the clitics of the Penn Treebank (and CoNLL-2003) are
 *     split off ("do n't", "Germany 's", "they 're"), with ' or ’.
 * Vietnamese is thus cut at the syllable (the layout of PhoNER_COVID19's
 * syllable files), English at the word.
 */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "internal.h"

/* White space and control characters: what no column of a CoNLL line may hold. */
static int
tokens_is_space(uint32_t c)
{
	if (c < 0x80)
		return c <= ' ' || c == 0x7F;
	return c <= 0x9F || uc_is_property_white_space(c) || c == 0x2028 || c == 0x2029;
}

/* Where the tokenizer cuts: white space, controls, and U+200B, U+FEFF as sentence.c has them. */
static int
tokens_is_sep(uint32_t c)
{
	return tokens_is_space(c) || c == 0x200B || c == 0xFEFF;
}

static int
tokens_is_punct(uint32_t c)
{
	if (c < 0x80)
		return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
		       (c >= '{' && c <= '~');
	return uc_is_general_category(c, uc_general_category_or(UC_CATEGORY_P, UC_CATEGORY_S));
}

size_t
tokens_space(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);

		if (tokens_is_space(c))
			return i;
		i += k > 0 ? (size_t)k : 1;
	}
	return len;
}

/* Append [start, end) to the vector (internal.h). */
int
tokens_push(desk_range **v, size_t *n, size_t *cap, int64_t start, int64_t end)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 256;
		desk_range *w = realloc(*v, c * sizeof *w);

		if (w == NULL)
			return DESK_NOMEM;
		*v = w;
		*cap = c;
	}
	(*v)[*n].start = start;
	(*v)[*n].end = end;
	(*n)++;
	return DESK_OK;
}

/* Whether the graphemes at a and b are the same characters. */
static int
tokens_same(const desk_text *t, int64_t a, int64_t b)
{
	int64_t ae = desk_text_next_grapheme(t, a), be = desk_text_next_grapheme(t, b);

	if (ae - a != be - b)
		return 0;
	for (int64_t i = 0; i < ae - a; i++)
		if (desk_text_char(t, a + i) != desk_text_char(t, b + i))
			return 0;
	return 1;
}

/* The length in code points of an English clitic ending the piece [a, b), or 0. */
static int64_t
tokens_clitic(const desk_text *t, int64_t a, int64_t b)
{
	static const char *const tails[] = {"s", "re", "ve", "ll", "d", "m", "t"};

	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
		int64_t k = (int64_t)strlen(tails[i]), q = b - k - 1; /* q: the apostrophe */
		uint32_t ap;
		int ok = 1;

		if (q <= a)
			continue;
		ap = desk_text_char(t, q);
		if (ap != '\'' && ap != 0x2019)
			continue;
		for (int64_t j = 0; j < k && ok; j++)
			ok = (desk_text_char(t, q + 1 + j) | 0x20) == (uint32_t)tails[i][j];
		if (!ok || !desk_text_is_grapheme(t, q))
			continue;
		if (tails[i][0] != 't')
			return b - q;
		/* "n't": the n goes with it ("do n't"), and something must be left. */
		if (q - 1 > a && (desk_text_char(t, q - 1) | 0x20) == 'n')
			return b - q + 1;
	}
	return 0;
}

/* The tokens of one piece [a, b) (no white space in it). */
static int
tokens_piece(desk_range **v, size_t *n, size_t *cap, const desk_text *t, int64_t a, int64_t b,
             int english)
{
	int64_t tail[64], clitic;
	size_t ntail = 0;
	int rc;

	/* Leading punctuation, a run of one grapheme a token. */
	while (a < b && tokens_is_punct(desk_text_char(t, a))) {
		int64_t e = desk_text_next_grapheme(t, a);

		while (e < b && tokens_same(t, a, e))
			e = desk_text_next_grapheme(t, e);
		if ((rc = tokens_push(v, n, cap, a, e)) != DESK_OK)
			return rc;
		a = e;
	}
	/* Trailing punctuation, kept aside to come after the word. */
	while (b > a && ntail < sizeof tail / sizeof *tail) {
		int64_t s = desk_text_prev_grapheme(t, b);

		if (!tokens_is_punct(desk_text_char(t, s)))
			break;
		if (desk_text_char(t, s) == '.' && desk_text_next_grapheme(t, s) == b &&
		    (s == a || desk_text_char(t, desk_text_prev_grapheme(t, s)) != '.') &&
		    sentence_is_abbrev(t, a, s))
			break;
		while (s > a && tokens_same(t, desk_text_prev_grapheme(t, s), s))
			s = desk_text_prev_grapheme(t, s);
		tail[ntail++] = b;
		tail[ntail++] = s;
		b = s;
		if (ntail + 2 > sizeof tail / sizeof *tail)
			break;
	}
	if (a < b) {
		clitic = english ? tokens_clitic(t, a, b) : 0;
		if ((rc = tokens_push(v, n, cap, a, b - clitic)) != DESK_OK)
			return rc;
		if (clitic > 0 && (rc = tokens_push(v, n, cap, b - clitic, b)) != DESK_OK)
			return rc;
	}
	while (ntail > 0) {
		int64_t s = tail[--ntail], e = tail[--ntail];

		if ((rc = tokens_push(v, n, cap, s, e)) != DESK_OK)
			return rc;
	}
	return DESK_OK;
}

/*
 * Whether the grapheme at a holds a cut: any of its characters, not only its
 * first (a prepended mark such as U+0602 makes one grapheme with the space
 * after it, which must still cut, and is left out with it).
 */
static int
tokens_grapheme_sep(const desk_text *t, int64_t a)
{
	int64_t e = desk_text_next_grapheme(t, a);

	for (; a < e; a++)
		if (tokens_is_sep(desk_text_char(t, a)))
			return 1;
	return 0;
}

int
tokens_split(desk_range **v, size_t *n, size_t *cap, const desk_text *t, int64_t start, int64_t end,
             int english)
{
	int64_t len = desk_text_len(t), a;
	int rc;

	start = start < 0 ? 0 : start;
	end = end > len ? len : end;
	a = start;
	while (a < end) {
		int64_t b;

		while (a < end && tokens_grapheme_sep(t, a))
			a = desk_text_next_grapheme(t, a);
		if (a >= end)
			break;
		b = a;
		while (b < end && !tokens_grapheme_sep(t, b))
			b = desk_text_next_grapheme(t, b);
		if ((rc = tokens_piece(v, n, cap, t, a, b, english)) != DESK_OK)
			return rc;
		a = b;
	}
	return DESK_OK;
}
