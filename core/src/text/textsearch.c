/*
 * textsearch.c - the words full-text search indexes and looks for, each in
 * two forms: folded (desk_fold: no accents, no case, đ -> d), which the
 * accentless search matches, and exact (NFC, lower case, accents kept),
 * which the exact search matches.  A word is a run of letters, digits and
 * combining marks: a syllable in Vietnamese, a word in English; so an NFD
 * "Lương" is one word, folded "luong", exact "lương".
 */
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "internal.h"

/* Whether c belongs to a word: a letter, a digit or a mark (of the letter before it). */
static int
textsearch_is_word(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	return uc_is_general_category(
	    c, uc_general_category_or(uc_general_category_or(UC_CATEGORY_L, UC_CATEGORY_N),
	                              UC_CATEGORY_M));
}

/* The code point at s (n bytes left) into *c; its length. */
static int
textsearch_char(ucs4_t *c, const char *s, size_t n)
{
	if ((unsigned char)*s < 0x80) {
		*c = (unsigned char)*s;
		return 1;
	}
	return u8_mbtouc(c, (const uint8_t *)s, n);
}

/* Room for n bytes in *buf (of *cap). */
static int
textsearch_room(char **buf, size_t *cap, size_t n)
{
	char *p;

	if (n <= *cap)
		return DESK_OK;
	if ((p = realloc(*buf, n)) == NULL)
		return DESK_NOMEM;
	*buf = p;
	*cap = n;
	return DESK_OK;
}

/*
 * Whether c is NFC whatever surrounds it, with no mark: Latin (up to IPA) and
 * Latin Extended Additional (Vietnamese), whose precomposed letters are all
 * canonical.  A word of these is its own NFC.
 */
static int
textsearch_is_nfc_letter(ucs4_t c)
{
	return c < 0x0300 || (c >= 0x1E00 && c <= 0x1EFF);
}

/* The exact form: NFC, then each code point lower-cased. */
static int
textsearch_exact(textsearch_scratch *sc, const char *w, size_t n, int nfc)
{
	char *tmp = NULL;
	size_t tn = 0, o = 0;
	int rc = DESK_OK;

	if (!nfc) {
		if (desk_nfc(&tmp, &tn, w, n) != DESK_OK)
			return DESK_NOMEM;
		w = tmp;
		n = tn;
	}
	/* a lower-case letter is never more than 2 bytes longer in UTF-8 */
	if (textsearch_room(&sc->exact, &sc->exactcap, 2 * n + 4) != DESK_OK) {
		free(tmp);
		return DESK_NOMEM;
	}
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)w + i, n - i);
		int m;

		i += (size_t)(k > 0 ? k : 1);
		c = c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : uc_tolower(c);
		if (o + 4 > sc->exactcap &&
		    textsearch_room(&sc->exact, &sc->exactcap, 2 * sc->exactcap) != DESK_OK) {
			rc = DESK_NOMEM;
			break;
		}
		m = u8_uctomb((uint8_t *)sc->exact + o, c, 4);
		o += (size_t)(m > 0 ? m : 0);
	}
	sc->exactlen = o;
	free(tmp);
	return rc;
}

/* The folded and exact forms of the word w[0..n) (ascii: only ASCII in it) into sc. */
static int
textsearch_forms(textsearch_scratch *sc, const char *w, size_t n, int ascii, int nfc,
                 int want_exact)
{
	char *tmp = NULL;
	size_t tn = 0;

	if (textsearch_room(&sc->fold, &sc->foldcap, n + 1) != DESK_OK)
		return DESK_NOMEM;
	if (ascii) {
		for (size_t i = 0; i < n; i++)
			sc->fold[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
		sc->foldlen = n;
		if (want_exact) {
			if (textsearch_room(&sc->exact, &sc->exactcap, n + 1) != DESK_OK)
				return DESK_NOMEM;
			memcpy(sc->exact, sc->fold, n);
			sc->exactlen = n;
		}
		return DESK_OK;
	}
	if (!textfold_quick(sc->fold, &sc->foldlen, w, n)) {
		if (desk_fold(&tmp, &tn, w, n) != DESK_OK)
			return DESK_NOMEM;
		if (textsearch_room(&sc->fold, &sc->foldcap, tn + 1) != DESK_OK) {
			free(tmp);
			return DESK_NOMEM;
		}
		memcpy(sc->fold, tmp, tn);
		sc->foldlen = tn;
		free(tmp);
	}
	return want_exact ? textsearch_exact(sc, w, n, nfc) : DESK_OK;
}

int
textsearch_words(textsearch_scratch *sc, const char *s, size_t len, int want_exact,
                 textsearch_fn fn, void *ctx)
{
	size_t i = 0;

	while (i < len) {
		size_t start, end;
		int ascii = 1, nfc = 1, rc;
		ucs4_t c;
		int k;

		/* Skip to a word's first character (a mark alone starts none). */
		k = textsearch_char(&c, s + i, len - i);
		if (!textsearch_is_word(c) ||
		    (c >= 0x300 && uc_is_general_category(c, UC_CATEGORY_M))) {
			i += (size_t)(k > 0 ? k : 1);
			continue;
		}
		start = i;
		while (i < len) {
			k = textsearch_char(&c, s + i, len - i);
			if (!textsearch_is_word(c))
				break;
			ascii = ascii && c < 0x80;
			nfc = nfc && textsearch_is_nfc_letter(c);
			i += (size_t)(k > 0 ? k : 1);
		}
		end = i;
		if ((rc = textsearch_forms(sc, s + start, end - start, ascii, nfc, want_exact)) !=
		    DESK_OK)
			return rc;
		if (sc->foldlen == 0)
			continue;
		if ((rc = fn(ctx, sc, start, end)) != 0)
			return rc;
	}
	return DESK_OK;
}

void
textsearch_scratch_free(textsearch_scratch *sc)
{
	free(sc->fold);
	free(sc->exact);
	memset(sc, 0, sizeof *sc);
}
