/*
 * textsearch.c - the words full-text search indexes and looks for, each in
 * two forms: folded (desk_fold: no accents, no case, đ -> d), which the
 * accentless search matches, and exact (case folded and NFC, accents kept),
 * which the exact search matches.  A word is a run of letters, digits and
 * combining marks: a syllable in Vietnamese, a word in English; so an NFD
 * "Lương" is one word, folded "luong", exact "lương".
 */
#include <stdlib.h>
#include <string.h>

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

/* The folded and exact forms of the word w[0..n) (ascii: only ASCII in it) into sc. */
static int
textsearch_forms(textsearch_scratch *sc, const char *w, size_t n, int ascii, int want_exact)
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
	if (want_exact) {
		if (desk_fold_as(&tmp, &tn, w, n, DESK_FOLD_CASE) != DESK_OK)
			return DESK_NOMEM;
		/* desk_fold_as() gives no NFC: the exact form is compared composed. */
		char *nfc = NULL;
		size_t nn = 0;
		int rc = desk_nfc(&nfc, &nn, tmp, tn);

		free(tmp);
		if (rc != DESK_OK)
			return DESK_NOMEM;
		rc = textsearch_room(&sc->exact, &sc->exactcap, nn + 1);
		if (rc == DESK_OK) {
			memcpy(sc->exact, nfc, nn);
			sc->exactlen = nn;
		}
		free(nfc);
		return rc;
	}
	return DESK_OK;
}

int
textsearch_words(textsearch_scratch *sc, const char *s, size_t len, int want_exact,
                 textsearch_fn fn, void *ctx)
{
	size_t i = 0;

	while (i < len) {
		size_t start, end;
		int ascii = 1, rc;
		ucs4_t c;
		int k;

		/* Skip to a word's first character (a mark alone starts none). */
		k = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
		if (!textsearch_is_word(c) ||
		    (c >= 0x80 && uc_is_general_category(c, UC_CATEGORY_M))) {
			i += (size_t)(k > 0 ? k : 1);
			continue;
		}
		start = i;
		while (i < len) {
			k = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
			if (!textsearch_is_word(c))
				break;
			ascii = ascii && c < 0x80;
			i += (size_t)(k > 0 ? k : 1);
		}
		end = i;
		if ((rc = textsearch_forms(sc, s + start, end - start, ascii, want_exact)) !=
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
