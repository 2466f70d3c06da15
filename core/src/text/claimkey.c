/*
 * claimkey.c - the matching key of a statement, so that the same claim is
 * found in other articles whatever their spelling of numbers, case, accents,
 * punctuation and spacing.
 *
 * The key is the text folded (desk_fold: canonical decomposition, case,
 * accents, đ as d), then rewritten token by token:
 *   - a number's "," or "." between digits is a thousands separator, dropped,
 *     when exactly three digits and then a non-digit follow it (and the digits
 *     before are not just "0"); otherwise it is the decimal point, written ".":
 *     "1.000" = "1,000" = "1000", "38,5" = "38.5", "1.000,5" = "1000.5";
 *     digits of other scripts are written as ASCII digits;
 *   - "%", "phần trăm", "percent" and "per cent" are "%", with no space before;
 *   - currency signs ($, €, ₫) are kept;
 *   - an apostrophe inside a word and the dot after a one-letter word
 *     ("U.S.", "v.v.") are dropped; other punctuation and symbols are word
 *     breaks ("TP.HCM" = "TP. HCM", "kinh tế-xã hội" = "kinh tế - xã hội");
 *   - runs of white space are one space, and the key is trimmed.
 * The result is NFC.
 */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "internal.h"

typedef struct claimkey_buf {
	char *s;
	size_t n, cap;
	int space; /* a word break is pending */
} claimkey_buf;

static int
claimkey_put(claimkey_buf *b, const char *s, size_t n)
{
	if (b->n + n + 2 > b->cap) {
		size_t c = (b->cap + n + 2) * 2;
		char *w = realloc(b->s, c);

		if (w == NULL)
			return DESK_NOMEM;
		b->s = w;
		b->cap = c;
	}
	if (b->space && b->n > 0)
		b->s[b->n++] = ' ';
	b->space = 0;
	memcpy(b->s + b->n, s, n);
	b->n += n;
	return DESK_OK;
}

/* The code point at s[i] (0 at the end) and its length in *k. */
static ucs4_t
claimkey_char(const char *s, size_t n, size_t i, int *k)
{
	ucs4_t c = 0;

	*k = 0;
	if (i >= n)
		return 0;
	if ((unsigned char)s[i] < 0x80) {
		*k = 1;
		return (unsigned char)s[i];
	}
	*k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
	return c;
}

/* A decimal digit of any script, as its value, or -1. */
static int
claimkey_digit(ucs4_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c < 0x80)
		return -1;
	return uc_decimal_value(c);
}

static int
claimkey_is_word(ucs4_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	return uc_is_general_category(
	    c, uc_general_category_or(uc_general_category_or(UC_CATEGORY_L, UC_CATEGORY_N),
	                              UC_CATEGORY_M));
}

static int
claimkey_is_currency(ucs4_t c)
{
	if (c < 0x80)
		return c == '$';
	return uc_is_general_category(c, UC_CATEGORY_Sc);
}

static int
claimkey_is_apostrophe(ucs4_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x02BC;
}

/* The number at s[*i], normalised into b; *i moves past it. */
static int
claimkey_number(claimkey_buf *b, const char *s, size_t n, size_t *i)
{
	char num[128];
	size_t w = 0, p = *i;
	int k, d, intdigits = 0, zero = 1, point = 0, rc;

	for (;;) {
		ucs4_t c = claimkey_char(s, n, p, &k);

		if ((d = claimkey_digit(c)) >= 0) {
			if (w + 2 >= sizeof num) {
				if ((rc = claimkey_put(b, num, w)) != DESK_OK)
					return rc;
				w = 0;
			}
			num[w++] = (char)('0' + d);
			if (!point) {
				intdigits++;
				zero = zero && d == 0;
			}
			p += (size_t)k;
			continue;
		}
		if ((c == '.' || c == ',') && claimkey_digit(claimkey_char(s, n, p + 1, &k)) >= 0) {
			size_t q = p + 1;
			int after = 0;

			while (after < 4 && claimkey_digit(claimkey_char(s, n, q, &k)) >= 0) {
				q += (size_t)k;
				after++;
			}
			if (after == 3 && !(intdigits == 1 && zero) && !point) {
				p++; /* thousands */
				continue;
			}
			if (point)
				break; /* "1.2.3": the second dot is punctuation */
			num[w++] = '.';
			point = 1;
			p++;
			continue;
		}
		break;
	}
	*i = p;
	return claimkey_put(b, num, w);
}

/*
 * Whether s[i..] starts with the word w (ASCII) followed by a non-word
 * character.  What claimkey_build() joins inside a word is skipped as it is
 * there: an apostrophe between letters ("perc'ent"), a dot after a lone
 * letter ("p.ercent"); so the key of a key is itself.
 */
static int
claimkey_word_at(const char *s, size_t n, size_t i, const char *w, size_t *after)
{
	size_t m = strlen(w), j = 0, run = 0;
	int k, k2;

	while (j < m) {
		ucs4_t c = claimkey_char(s, n, i, &k);

		if (k == 0)
			return 0;
		if (j > 0 && (claimkey_is_apostrophe(c) || (c == '.' && run == 1)) &&
		    claimkey_is_word(claimkey_char(s, n, i + (size_t)k, &k2))) {
			i += (size_t)k;
			run = 0;
			continue;
		}
		if (c != (ucs4_t)(unsigned char)w[j])
			return 0;
		i += (size_t)k;
		j++;
		run++;
	}
	if (claimkey_is_word(claimkey_char(s, n, i, &k)))
		return 0;
	*after = i;
	return 1;
}

/* A character the key writes as a space between words: not part of a word, number or sign. */
static int
claimkey_is_gap(ucs4_t c)
{
	return !claimkey_is_word(c) && claimkey_digit(c) < 0 && c != '%' && c != 0xFF05 &&
	       c != 0x066A && !claimkey_is_currency(c);
}

/* "phan tram", "percent", "per cent" at s[i] (folded): *after past it. */
static int
claimkey_percent_word(const char *s, size_t n, size_t i, size_t *after)
{
	static const char *const first[] = {"phan", "per"};
	static const char *const second[] = {"tram", "cent"};
	size_t p;
	int k;

	if (claimkey_word_at(s, n, i, "percent", after))
		return 1;
	for (size_t x = 0; x < 2; x++) {
		if (!claimkey_word_at(s, n, i, first[x], &p))
			continue;
		/* Whatever the key makes a space between them ("phần-trăm", "phần, trăm"). */
		while (p < n && claimkey_is_gap(claimkey_char(s, n, p, &k)))
			p += (size_t)k;
		if (claimkey_word_at(s, n, p, second[x], after))
			return 1;
	}
	return 0;
}

static int
claimkey_build(claimkey_buf *b, const char *s, size_t n)
{
	size_t i = 0, after;
	int rc = DESK_OK, k, k2, prevword = 0, wordlen = 0;

	while (i < n && rc == DESK_OK) {
		ucs4_t c = claimkey_char(s, n, i, &k);

		if (claimkey_digit(c) >= 0) {
			rc = claimkey_number(b, s, n, &i);
			prevword = 0;
			continue;
		}
		if (claimkey_is_word(c)) {
			size_t j = i + (size_t)k;
			int m = 1;

			/* The percent words are ASCII once folded: "phan", "per", "percent". */
			if (!prevword && c == 'p' && claimkey_percent_word(s, n, i, &after)) {
				b->space = 0;
				rc = claimkey_put(b, "%", 1);
				i = after;
				continue;
			}
			/* The ASCII letters that follow, in one go. */
			for (; j < n && (((unsigned char)s[j] | 0x20) >= 'a' &&
			                 ((unsigned char)s[j] | 0x20) <= 'z');
			     j++)
				m++;
			wordlen = prevword ? wordlen + m : m;
			prevword = 1;
			rc = claimkey_put(b, s + i, j - i);
			i = j;
			continue;
		}
		if (c == '%' || c == 0xFF05 || c == 0x066A) {
			b->space = 0;
			rc = claimkey_put(b, "%", 1);
		} else if (claimkey_is_currency(c)) {
			rc = claimkey_put(b, s + i, (size_t)k);
		} else if (prevword && claimkey_is_word(claimkey_char(s, n, i + (size_t)k, &k2)) &&
		           (claimkey_is_apostrophe(c) || (c == '.' && wordlen == 1))) {
			/* "don't", "U.S.": no break */
			i += (size_t)k;
			prevword = 0;
			continue;
		} else {
			b->space = 1;
		}
		prevword = 0;
		i += (size_t)k;
	}
	return rc;
}

void
claimkey_scratch_free(claimkey_scratch *sc)
{
	free(sc->fold);
	free(sc->key);
	free(sc->nfc);
	memset(sc, 0, sizeof *sc);
}

/*
 * The key of valid UTF-8 text into *key (keylen bytes, NUL-terminated, held
 * by sc until its next use).  The fold is desk_fold's, by its table where the
 * text allows (textfold_quick); a key of ASCII needs no NFC.
 */
static int
claimkey_of(const char **key, size_t *keylen, claimkey_scratch *sc, const char *text, size_t len)
{
	claimkey_buf b = {sc->key, 0, sc->keycap, 0};
	char *slow = NULL;
	const char *folded = sc->fold;
	size_t nf = 0;
	int rc = DESK_OK, ascii = 1;

	if (len + 1 > sc->foldcap) {
		char *w = realloc(sc->fold, len + 1);

		if (w == NULL)
			return DESK_NOMEM;
		sc->fold = w;
		sc->foldcap = len + 1;
		folded = w;
	}
	if (!textfold_quick(sc->fold, &nf, text, len)) {
		if ((rc = desk_fold(&slow, &nf, text, len)) != DESK_OK)
			return rc;
		folded = slow;
	}
	rc = claimkey_build(&b, folded, nf);
	free(slow);
	sc->key = b.s;
	sc->keycap = b.cap;
	if (rc == DESK_OK && b.s == NULL)
		rc = claimkey_put(&b, "", 0);
	sc->key = b.s;
	sc->keycap = b.cap;
	if (rc != DESK_OK)
		return rc;
	b.s[b.n] = '\0';
	for (size_t i = 0; i < b.n && ascii; i++)
		ascii = (unsigned char)b.s[i] < 0x80;
	if (ascii) {
		*key = b.s;
		*keylen = b.n;
		return DESK_OK;
	}
	free(sc->nfc);
	sc->nfc = NULL;
	if ((rc = desk_nfc(&sc->nfc, keylen, b.s, b.n)) != DESK_OK)
		return rc;
	*key = sc->nfc;
	return DESK_OK;
}

int
claimkey_hash(int64_t *hash, int *empty, claimkey_scratch *sc, const char *text, size_t len)
{
	const char *key = NULL;
	size_t n = 0;
	int rc = claimkey_of(&key, &n, sc, text, len);

	if (rc == DESK_OK) {
		*hash = hash_key(key, n);
		*empty = n == 0;
	}
	return rc;
}

int
claimkey_reference(char **out, const char *text, size_t len)
{
	claimkey_buf b = {NULL, 0, 0, 0};
	char *folded = NULL;
	size_t nf = 0, nn = 0;
	int rc;

	*out = NULL;
	if ((rc = desk_fold(&folded, &nf, len ? text : "", len)) == DESK_OK &&
	    (rc = claimkey_build(&b, folded, nf)) == DESK_OK)
		rc = desk_nfc(out, &nn, b.s ? b.s : "", b.n);
	free(b.s);
	free(folded);
	return rc;
}

int
desk_claim_key(char **out, const char *text, size_t len)
{
	claimkey_scratch sc = {0};
	const char *key = NULL;
	size_t n = 0;
	int rc = DESK_MISUSE;

	if (out == NULL || (text == NULL && len > 0))
		goto done;
	*out = NULL;
	rc = DESK_INVALID;
	if (len > 0 && desk_utf8_check(text, len, NULL) != DESK_OK)
		goto done;
	if ((rc = claimkey_of(&key, &n, &sc, len ? text : "", len)) != DESK_OK)
		goto done;
	rc = DESK_NOMEM;
	if ((*out = malloc(n + 1)) == NULL)
		goto done;
	memcpy(*out, key, n + 1);
	rc = DESK_OK;
done:
	claimkey_scratch_free(&sc);
	return rc;
}
