/*
 * text.c - everything Unicode, over libunistring: validation, NFC, folding,
 * and the desk_text object with its boundaries (escapes, widths and keys of
 * single characters: text_escape.c; the fold table: textfold.c).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <uniwbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "internal.h"

int
desk_utf8_check(const char *s, size_t len, size_t *bad)
{
	const uint8_t *p = u8_check((const uint8_t *)s, len);
	const char *nul = len ? memchr(s, '\0', len) : NULL;
	size_t at;

	if (p == NULL && nul == NULL)
		return DESK_OK;
	at = p ? (size_t)((const char *)p - s) : len;
	if (nul && (size_t)(nul - s) < at)
		at = (size_t)(nul - s);
	if (bad)
		*bad = at;
	return DESK_INVALID;
}

int64_t
desk_utf8_count(const char *s, size_t len)
{
	int64_t n = 0;

	/* Every code point has exactly one byte that is not a continuation byte. */
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

void
desk_utf8_line_col(const char *s, size_t byte, int64_t *line, int64_t *col)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + byte;
	int64_t l = 1, c = 1;

	while (p < end) {
		ucs4_t uc;
		int n = u8_mbtoucr(&uc, p, (size_t)(end - p));

		if (n <= 0)
			n = 1; /* a bad byte is one column */
		if (*p == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
		p += n;
	}
	*line = l;
	*col = c;
}

int
desk_nfc(char **out, size_t *outlen, const char *s, size_t len)
{
	size_t n = 0;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, len, NULL, &n);
	char *z;

	*out = NULL;
	if (r == NULL && len > 0)
		return DESK_NOMEM;
	if ((z = malloc(n + 1)) == NULL) {
		free(r);
		return DESK_NOMEM;
	}
	if (n)
		memcpy(z, r, n);
	z[n] = '\0';
	free(r);
	*out = z;
	if (outlen)
		*outlen = n;
	return DESK_OK;
}

/*
 * Letters with no decomposition that readers still see as a base letter plus
 * a stroke, as that letter in the same case.
 */
static ucs4_t
text_fold_stroke(ucs4_t c)
{
	switch (c) {
	case 0x0111: /* đ */
		return 'd';
	case 0x0110: /* Đ */
		return 'D';
	case 0x0142: /* ł */
		return 'l';
	case 0x0141:
		return 'L';
	case 0x00F8: /* ø */
		return 'o';
	case 0x00D8:
		return 'O';
	case 0x0127: /* ħ */
		return 'h';
	case 0x0126:
		return 'H';
	default:
		return c;
	}
}

/*
 * The second half of folding accents, in place over NFD text: drop combining
 * marks and fold stroked letters.  Never grows the string.
 */
static size_t
text_fold_strip(uint8_t *f, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, f + i, n - i);

		i += (size_t)k;
		if (uc_is_general_category(c, UC_CATEGORY_Mn))
			continue;
		w += (size_t)u8_uctomb(f + w, text_fold_stroke(c), (int)(i - w));
	}
	return w;
}

int
desk_fold_as(char **out, size_t *outlen, const char *s, size_t len, int how)
{
	size_t n = 0;
	uint8_t *f;
	char *z;

	*out = NULL;
	if (outlen)
		*outlen = 0;
	if ((how & DESK_FOLD_CASE) && (how & DESK_FOLD_ACCENT))
		f = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFD, NULL, &n);
	else if (how & DESK_FOLD_CASE)
		f = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFC, NULL, &n);
	else if (how & DESK_FOLD_ACCENT)
		f = u8_normalize(UNINORM_NFD, (const uint8_t *)s, len, NULL, &n);
	else
		f = u8_normalize(UNINORM_NFC, (const uint8_t *)s, len, NULL, &n);
	if (f == NULL && len > 0)
		return DESK_NOMEM;
	if ((z = malloc(n + 1)) == NULL) {
		free(f);
		return DESK_NOMEM;
	}
	if (how & DESK_FOLD_ACCENT)
		n = f ? text_fold_strip(f, n) : 0;
	if (n)
		memcpy(z, f, n);
	z[n] = '\0';
	free(f);
	*out = z;
	if (outlen)
		*outlen = n;
	return DESK_OK;
}

int
desk_fold(char **out, size_t *outlen, const char *s, size_t len)
{
	return desk_fold_as(out, outlen, s, len, DESK_FOLD_CASE | DESK_FOLD_ACCENT);
}

/* --- desk_text ---------------------------------------------------------- */

/* Per code point flags; the entry at len describes the end of the text. */
/* TEXT_GRAPHEME (internal.h): a grapheme starts here */
#define TEXT_WORD      0x02 /* a word starts here */
#define TEXT_BRK_SHIFT 2    /* DESK_BREAK_* before this code point, 2 bits */

struct desk_text {
	char *s;       /* NUL-terminated copy */
	size_t bytes;  /* bytes of s */
	int64_t len;   /* code points */
	uint32_t *cp;  /* [len] code points */
	uint32_t *off; /* [len + 1] byte offsets */
	uint8_t *flag; /* [len + 1] TEXT_* */
	/* Word starts and line breaks are worked out on first use (the sentence
	 * index needs graphemes only); brk is their scratch until then. */
	char *brk; /* [len + 1], NULL once they are */
	/* The folded text for DESK_FIND_FOLD, built on first use. */
	char *fold;       /* folded graphemes, concatenated */
	size_t foldlen;   /* bytes of fold */
	uint32_t *foldcp; /* [foldlen + 1] grapheme start cp owning each folded byte */
	uint32_t *cpfold; /* [len + 1] folded offset of each cp's grapheme */
};

static int64_t
text_clamp(const desk_text *t, int64_t cp)
{
	return cp < 0 ? 0 : cp > t->len ? t->len : cp;
}

/* Separators that UAX #29 keeps inside a word (WB6, WB7) but that end a word for us. */
static int
text_is_stop(uint32_t c)
{
	switch (c) {
	case '.':
	case ':':
	case 0x00B7: /* MIDDLE DOT */
	case 0x0387:
	case 0x2024: /* ONE DOT LEADER */
	case 0x2027:
	case 0xFE13:
	case 0xFE52:
	case 0xFE55:
	case 0xFF0E:
	case 0xFF1A:
		return 1;
	default:
		return 0;
	}
}

static int
text_is_alnum(uint32_t c)
{
	return uc_is_alnum(c) ||
	       uc_is_general_category(c, uc_general_category_or(UC_CATEGORY_L, UC_CATEGORY_N));
}

/* Word starts: libunistring's word breaks, cut again at "Nam.Chủ", keeping "3.14" and "Nam’s". */
static void
text_mark_words(desk_text *t, char *brk)
{
	int64_t n = t->len, seg = 0;
	int alnum = 0;

	u32_wordbreaks(t->cp, (size_t)n, brk);
	for (int64_t i = 1; i + 1 < n; i++) {
		if (!brk[i] && !brk[i + 1] && text_is_stop(t->cp[i]) &&
		    !uc_is_general_category(t->cp[i - 1], UC_CATEGORY_Nd))
			brk[i] = brk[i + 1] = 1;
	}
	for (int64_t i = 0; i <= n; i++) {
		if (i == n || (i > 0 && brk[i])) {
			if (alnum)
				t->flag[seg] |= TEXT_WORD;
			seg = i;
			alnum = 0;
		}
		if (i < n && !alnum)
			alnum = text_is_alnum(t->cp[i]);
	}
}

/*
 * Whether nothing in UAX #29 joins c to a neighbour: its grapheme break
 * property is Other, Control, CR or LF.  Latin and Vietnamese letters,
 * punctuation and digits are; marks, joiners, Hangul and flags are not.
 */
static int
text_is_lone_grapheme(uint32_t c)
{
	int p;

	if (c < 0x300 || (c >= 0x1E00 && c < 0x1F00))
		return 1;
	p = uc_graphemeclusterbreak_property(c);
	return p == GBP_OTHER || p == GBP_CONTROL || p == GBP_CR || p == GBP_LF;
}

static void
text_mark_graphemes(desk_text *t, char *brk)
{
	int64_t i, n = t->len;

	for (i = 0; i < n && text_is_lone_grapheme(t->cp[i]); i++)
		;
	if (i == n) { /* every code point its own grapheme, but CR LF */
		for (i = 0; i < n; i++)
			if (i == 0 || t->cp[i] != '\n' || t->cp[i - 1] != '\r')
				t->flag[i] |= TEXT_GRAPHEME;
	} else {
		u32_grapheme_breaks(t->cp, (size_t)n, brk);
		for (i = 0; i < n; i++)
			if (i == 0 || brk[i])
				t->flag[i] |= TEXT_GRAPHEME;
	}
	t->flag[n] |= TEXT_GRAPHEME;
}

static void
text_mark_breaks(desk_text *t, char *brk)
{
	int64_t n = t->len;

	u32_possible_linebreaks(t->cp, (size_t)n, "UTF-8", brk);
	for (int64_t i = 1; i <= n; i++) {
		int b = DESK_BREAK_NO;

		if (brk[i - 1] == UC_BREAK_MANDATORY)
			b = DESK_BREAK_MANDATORY;
		else if (i == n || brk[i] == UC_BREAK_POSSIBLE || brk[i] == UC_BREAK_HYPHENATION)
			b = DESK_BREAK_ALLOWED;
		t->flag[i] |= (uint8_t)(b << TEXT_BRK_SHIFT);
	}
}

int
desk_text_new(desk_text **out, const char *s, size_t len)
{
	desk_text *t = NULL;
	char *brk = NULL;
	int rc = DESK_NOMEM;
	size_t at = 0;

	*out = NULL;
	if (s == NULL && len > 0)
		return DESK_MISUSE;
	if (len >= UINT32_MAX)
		return DESK_INVALID;
	if (len > 0 && desk_utf8_check(s, len, NULL) != DESK_OK)
		return DESK_INVALID;
	if ((t = calloc(1, sizeof *t)) == NULL)
		goto done;
	t->bytes = len;
	t->len = desk_utf8_count(s, len);
	t->s = malloc(len + 1);
	t->cp = malloc(((size_t)t->len + 1) * sizeof *t->cp);
	t->off = malloc(((size_t)t->len + 1) * sizeof *t->off);
	t->flag = calloc((size_t)t->len + 1, 1);
	brk = malloc((size_t)t->len + 1);
	if (!t->s || !t->cp || !t->off || !t->flag || !brk)
		goto done;
	if (len)
		memcpy(t->s, s, len);
	t->s[len] = '\0';
	for (int64_t i = 0; i < t->len; i++) {
		ucs4_t c;

		t->off[i] = (uint32_t)at;
		if ((unsigned char)s[at] < 0x80)
			c = (unsigned char)s[at++];
		else
			at += (size_t)u8_mbtouc_unsafe(&c, (const uint8_t *)s + at, len - at);
		t->cp[i] = c;
	}
	t->off[t->len] = (uint32_t)len;

	text_mark_graphemes(t, brk);
	t->brk = brk;
	*out = t;
	t = NULL;
	rc = DESK_OK;
done:
	if (t)
		free(brk);
	desk_text_free(t);
	return rc;
}

/* Word starts and line breaks, the first time they are asked for. */
static const desk_text *
text_words(const desk_text *c)
{
	desk_text *t = (desk_text *)c; /* a cache: working them out changes nothing seen */

	if (t->brk != NULL) {
		text_mark_words(t, t->brk);
		text_mark_breaks(t, t->brk);
		free(t->brk);
		t->brk = NULL;
	}
	return c;
}

void
desk_text_free(desk_text *t)
{
	if (t == NULL)
		return;
	free(t->s);
	free(t->cp);
	free(t->off);
	free(t->flag);
	free(t->brk);
	free(t->fold);
	free(t->foldcp);
	free(t->cpfold);
	free(t);
}

void
text_view(const desk_text *t, const uint32_t **cp, const uint8_t **flag)
{
	*cp = t->cp;
	*flag = t->flag;
}

int64_t
desk_text_len(const desk_text *t)
{
	return t->len;
}

const char *
desk_text_utf8(const desk_text *t)
{
	return t->s;
}

size_t
desk_text_bytes(const desk_text *t)
{
	return t->bytes;
}

uint32_t
desk_text_char(const desk_text *t, int64_t cp)
{
	return cp < 0 || cp >= t->len ? 0 : t->cp[cp];
}

size_t
desk_text_byte(const desk_text *t, int64_t cp)
{
	return t->off[text_clamp(t, cp)];
}

int64_t
desk_text_cp(const desk_text *t, size_t byte)
{
	int64_t lo = 0, hi = t->len;

	if (byte >= t->bytes)
		return t->len;
	while (lo < hi) { /* the last cp with off <= byte */
		int64_t mid = lo + (hi - lo + 1) / 2;

		if (t->off[mid] <= byte)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

int
desk_text_is_grapheme(const desk_text *t, int64_t cp)
{
	if (cp < 0 || cp > t->len)
		return 0;
	return (t->flag[cp] & TEXT_GRAPHEME) != 0;
}

int64_t
desk_text_next_grapheme(const desk_text *t, int64_t cp)
{
	cp = text_clamp(t, cp);
	if (cp < t->len)
		cp++;
	while (cp < t->len && !(t->flag[cp] & TEXT_GRAPHEME))
		cp++;
	return cp;
}

int64_t
desk_text_prev_grapheme(const desk_text *t, int64_t cp)
{
	cp = text_clamp(t, cp);
	if (cp > 0)
		cp--;
	while (cp > 0 && !(t->flag[cp] & TEXT_GRAPHEME))
		cp--;
	return cp;
}

int64_t
desk_text_grapheme_start(const desk_text *t, int64_t cp)
{
	cp = text_clamp(t, cp);
	while (cp > 0 && !(t->flag[cp] & TEXT_GRAPHEME))
		cp--;
	return cp;
}

int64_t
desk_text_next_word(const desk_text *t, int64_t cp)
{
	t = text_words(t);
	cp = text_clamp(t, cp);
	if (cp < t->len)
		cp++;
	while (cp < t->len && !(t->flag[cp] & TEXT_WORD))
		cp++;
	return cp;
}

int64_t
desk_text_prev_word(const desk_text *t, int64_t cp)
{
	t = text_words(t);
	cp = text_clamp(t, cp);
	if (cp > 0)
		cp--;
	while (cp > 0 && !(t->flag[cp] & TEXT_WORD))
		cp--;
	return cp;
}

int
desk_text_break(const desk_text *t, int64_t cp)
{
	t = text_words(t);
	if (cp <= 0 || cp > t->len)
		return DESK_BREAK_NO;
	return (t->flag[cp] >> TEXT_BRK_SHIFT) & 3;
}

static int
text_is_ri(uint32_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

int
desk_text_grapheme_width(const desk_text *t, int64_t cp)
{
	int64_t a = desk_text_grapheme_start(t, cp), b = desk_text_next_grapheme(t, a);
	int w;

	if (a >= t->len)
		return 0;
	w = desk_char_width(t->cp[a]);
	if (uc_width(t->cp[a], "UTF-8") == 2)
		return 2; /* an ideograph, or an emoji with its modifiers and ZWJ parts */
	if (text_is_ri(t->cp[a]) && b - a == 2)
		return 2; /* a flag */
	for (int64_t i = a + 1; i < b; i++) {
		int cw = desk_char_width(t->cp[i]);

		if (t->cp[i - 1] == 0x200D) /* ZWJ: the parts share one glyph */
			w = cw > w ? cw : w;
		else if (t->cp[i] < 0x1F3FB || t->cp[i] > 0x1F3FF) /* skin tones join the base */
			w += cw;
	}
	return w;
}

/* --- Search -------------------------------------------------------------- */

/* Append n bytes folded from grapheme g to the fold index. */
static int
text_fold_put(desk_text *t, size_t *cap, const uint8_t *s, size_t n, uint32_t g)
{
	if (t->foldlen + n + 1 > *cap) {
		size_t c = (*cap + n) * 2;
		char *f = realloc(t->fold, c);
		uint32_t *m;

		if (f == NULL)
			return DESK_NOMEM;
		t->fold = f;
		if ((m = realloc(t->foldcp, c * sizeof *m)) == NULL)
			return DESK_NOMEM;
		t->foldcp = m;
		*cap = c;
	}
	memcpy(t->fold + t->foldlen, s, n);
	for (size_t i = 0; i < n; i++)
		t->foldcp[t->foldlen + i] = g;
	t->foldlen += n;
	return DESK_OK;
}

/* The folded text, one grapheme at a time, with the way back to code points. */
static int
text_fold_index(desk_text *t)
{
	struct {
		uint32_t c;
		uint8_t n;
		uint8_t s[11];
	} memo[256]; /* the fold of recent single-code-point graphemes */
	size_t cap = t->bytes + 16;
	int rc = DESK_NOMEM;

	memset(memo, 0, sizeof memo);
	t->foldlen = 0;
	t->fold = malloc(cap);
	t->foldcp = malloc(cap * sizeof *t->foldcp);
	t->cpfold = malloc(((size_t)t->len + 1) * sizeof *t->cpfold);
	if (!t->fold || !t->foldcp || !t->cpfold)
		goto done;
	for (int64_t a = 0, b; a < t->len; a = b) {
		const uint8_t *s = (const uint8_t *)t->s + t->off[a];
		uint8_t buf[64], *f = buf;
		uint32_t c = t->cp[a];
		size_t n = sizeof buf;

		b = desk_text_next_grapheme(t, a);
		for (int64_t i = a; i < b; i++)
			t->cpfold[i] = (uint32_t)t->foldlen;
		if (b == a + 1 && c < 0x80) {
			buf[0] = (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			n = 1;
		} else if (b == a + 1 && memo[c & 255].c == c && c) {
			f = memo[c & 255].s;
			n = memo[c & 255].n;
		} else {
			f = u8_casefold(s, t->off[b] - t->off[a], NULL, UNINORM_NFD, buf, &n);
			if (f == NULL)
				goto done;
			n = text_fold_strip(f, n);
			if (b == a + 1 && n <= sizeof memo[0].s) {
				memo[c & 255].c = c;
				memo[c & 255].n = (uint8_t)n;
				memcpy(memo[c & 255].s, f, n);
			}
		}
		rc = text_fold_put(t, &cap, f, n, (uint32_t)a);
		if (f != buf && f != memo[c & 255].s)
			free(f);
		if (rc != DESK_OK)
			goto done;
		rc = DESK_NOMEM;
	}
	t->cpfold[t->len] = (uint32_t)t->foldlen;
	t->foldcp[t->foldlen] = (uint32_t)t->len;
	t->fold[t->foldlen] = '\0';
	rc = DESK_OK;
done:
	if (rc != DESK_OK) {
		free(t->fold);
		free(t->foldcp);
		free(t->cpfold);
		t->fold = NULL;
		t->foldcp = NULL;
		t->cpfold = NULL;
	}
	return rc;
}

/* memmem() is not in C11 nor POSIX: the first byte with memchr, the rest with memcmp. */
static const char *
text_memmem(const char *hay, size_t haylen, const char *needle, size_t n)
{
	const char *p = hay, *end = hay + haylen;

	while ((size_t)(end - p) >= n && (p = memchr(p, needle[0], (size_t)(end - p) - n + 1))) {
		if (memcmp(p, needle, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* A letter, digit or mark: what a word boundary cannot fall between. */
static int
text_is_wordchar(ucs4_t c)
{
	return uc_is_general_category(
	    c, uc_general_category_or(uc_general_category_or(UC_CATEGORY_L, UC_CATEGORY_N),
	                              UC_CATEGORY_M));
}

int
desk_text_is_word_boundary(const desk_text *t, int64_t cp)
{
	if (cp <= 0 || cp >= desk_text_len(t))
		return 1;
	if (!text_is_wordchar(desk_text_char(t, cp - 1)) ||
	    !text_is_wordchar(desk_text_char(t, cp)))
		return 1;
	return desk_text_next_word(t, cp - 1) == cp; /* a word starts here (CJK) */
}

/*
 * The first match of needle in the haystack (the text, or its fold) at byte
 * pos or later that starts and ends on grapheme boundaries, in code points.
 */
static int
text_match(const desk_text *t, int flags, const char *needle, size_t n, size_t pos, int64_t *start,
           int64_t *end)
{
	int fold = (flags & DESK_FIND_FOLD) != 0;
	const char *hay = fold ? t->fold : t->s;
	size_t haylen = fold ? t->foldlen : t->bytes;

	while (pos + n <= haylen) {
		const char *m = text_memmem(hay + pos, haylen - pos, needle, n);
		size_t at, to;

		if (m == NULL)
			break;
		at = (size_t)(m - hay);
		to = at + n;
		pos = at + 1;
		if (fold) {
			/* The match must begin and end where a grapheme's fold does. */
			if (at > 0 && t->foldcp[at - 1] == t->foldcp[at])
				continue;
			if (to < haylen && t->foldcp[to - 1] == t->foldcp[to])
				continue;
			*start = t->foldcp[at];
			*end = t->foldcp[to];
		} else {
			*start = desk_text_cp(t, at);
			*end = desk_text_cp(t, to);
			if (!(t->flag[*start] & TEXT_GRAPHEME) || !(t->flag[*end] & TEXT_GRAPHEME))
				continue;
		}
		if ((flags & DESK_FIND_WORD) && (!desk_text_is_word_boundary(t, *start) ||
		                                 !desk_text_is_word_boundary(t, *end)))
			continue;
		return DESK_OK;
	}
	return DESK_NOTFOUND;
}

int
desk_text_find(const desk_text *t, const char *needle, int64_t cp, int flags, int64_t *start,
               int64_t *end)
{
	int fold = (flags & DESK_FIND_FOLD) != 0;
	char *pat = NULL;
	size_t n = 0, pos;
	int64_t s, e;
	int rc;

	if (t == NULL || needle == NULL || desk_utf8_check(needle, strlen(needle), NULL) != DESK_OK)
		return DESK_MISUSE;
	cp = text_clamp(t, cp);
	if (fold)
		rc = desk_fold(&pat, &n, needle, strlen(needle));
	else
		rc = desk_nfc(&pat, &n, needle, strlen(needle));
	if (rc != DESK_OK)
		goto done;
	rc = DESK_NOTFOUND;
	if (n == 0)
		goto done;
	/* The fold index is a cache: building it does not change the text. */
	if (fold && t->fold == NULL && (rc = text_fold_index((desk_text *)t)) != DESK_OK)
		goto done;
	if (!(flags & DESK_FIND_BACKWARD)) {
		cp = desk_text_is_grapheme(t, cp) ? cp : desk_text_next_grapheme(t, cp);
		pos = fold ? t->cpfold[cp] : t->off[cp];
		rc = text_match(t, flags, pat, n, pos, start, end);
		goto done;
	}
	rc = DESK_NOTFOUND;
	for (pos = 0; text_match(t, flags, pat, n, pos, &s, &e) == DESK_OK && s < cp;) {
		*start = s;
		*end = e;
		rc = DESK_OK;
		pos = (fold ? t->cpfold[s] : t->off[s]) + 1;
	}
done:
	free(pat);
	return rc;
}
