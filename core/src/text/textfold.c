/*
 * textfold.c - the text module's fold table: desk_fold() of the characters
 * of Latin and Vietnamese news text by a look-up, for the sentence index,
 * which folds every sentence of every imported article.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "internal.h"

/*
 * desk_fold() by a table, for the sentence index's keys: the fold of every
 * code point below TEXTFOLD_MAX, worked out once by desk_fold() itself, so
 * that the table agrees with it by construction.  A code point is in the
 * table when its fold is ASCII no longer than its UTF-8 (a Latin or
 * Vietnamese letter: "Ệ" -> "e", "đ" -> "d"; a mark: nothing), or when it
 * folds to itself and is no letter or mark (punctuation, spaces, digits,
 * symbols).  Folding such code points one at a time is folding the string:
 * a fold that is ASCII or a starter never reorders with its neighbours'
 * marks, and case folding without a language looks at no context.
 */
#define TEXTFOLD_MAX  0x2070
#define TEXTFOLD_NONE 0xFF /* not in the table: desk_fold() */
#define TEXTFOLD_SELF 0xFE /* folds to itself */

static struct {
	uint8_t n; /* bytes of s, or TEXTFOLD_* */
	char s[3];
} textfold_table[TEXTFOLD_MAX];
static pthread_once_t textfold_once = PTHREAD_ONCE_INIT;

static int
textfold_starts_with_starter(const uint8_t *u, size_t n)
{
	size_t dn = 0;
	uint8_t *d = u8_normalize(UNINORM_NFD, u, n, NULL, &dn);
	ucs4_t c = 0;
	int ok;

	if (d == NULL || dn == 0) {
		free(d);
		return 0;
	}
	u8_mbtouc(&c, d, dn);
	ok = uc_combining_class(c) == 0;
	free(d);
	return ok;
}

static void
textfold_init(void)
{
	for (ucs4_t c = 0; c < TEXTFOLD_MAX; c++) {
		uint8_t u[8];
		int n = u8_uctomb(u, c, (int)sizeof u);
		char *f = NULL;
		size_t fn = 0, ascii = 1;

		textfold_table[c].n = TEXTFOLD_NONE;
		if (c == 0 || n <= 0 || desk_fold(&f, &fn, (const char *)u, (size_t)n) != DESK_OK)
			continue;
		for (size_t i = 0; i < fn; i++)
			ascii = ascii && (unsigned char)f[i] < 0x80;
		if (ascii && fn <= (size_t)n && fn <= sizeof textfold_table[c].s &&
		    (fn == 0 || (!uc_is_general_category(c, UC_CATEGORY_M) &&
		                 textfold_starts_with_starter(u, (size_t)n)))) {
			textfold_table[c].n = (uint8_t)fn;
			memcpy(textfold_table[c].s, f, fn);
		} else if (fn == (size_t)n && memcmp(f, u, fn) == 0 && uc_combining_class(c) == 0 &&
		           !uc_is_general_category(
		               c, uc_general_category_or(UC_CATEGORY_L, UC_CATEGORY_M)) &&
		           textfold_starts_with_starter(u, (size_t)n)) {
			textfold_table[c].n = TEXTFOLD_SELF;
		}
		free(f);
	}
}

int
textfold_quick(char *out, size_t *outlen, const char *s, size_t len)
{
	size_t w = 0;

	pthread_once(&textfold_once, textfold_init);
	for (size_t i = 0; i < len;) {
		unsigned char b = (unsigned char)s[i];
		ucs4_t c;
		int k;

		if (b < 0x80) {
			if (textfold_table[b].n != 1)
				return 0; /* NUL */
			out[w++] = textfold_table[b].s[0];
			i++;
			continue;
		}
		k = u8_mbtouc_unsafe(&c, (const uint8_t *)s + i, len - i);
		if (c >= TEXTFOLD_MAX || textfold_table[c].n == TEXTFOLD_NONE)
			return 0;
		if (textfold_table[c].n == TEXTFOLD_SELF) {
			memcpy(out + w, s + i, (size_t)k);
			w += (size_t)k;
		} else {
			memcpy(out + w, textfold_table[c].s, textfold_table[c].n);
			w += textfold_table[c].n;
		}
		i += (size_t)k;
	}
	*outlen = w;
	return 1;
}
