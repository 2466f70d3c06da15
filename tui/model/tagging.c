/*
 * tagging.c - entity tagging's plain logic (see tagging.h): no curses, no
 * database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "tagging.h"

/* Whether the grapheme at cp starts with a letter or digit. */
static int
tagging_alnum(const desk_text *t, int64_t cp)
{
	uint32_t c = desk_text_char(t, cp);

	return uc_is_alnum(c) ||
	       uc_is_general_category(c, uc_general_category_or(UC_CATEGORY_L, UC_CATEGORY_N));
}

static int
tagging_space(const desk_text *t, int64_t cp)
{
	uint32_t c = desk_text_char(t, cp);

	return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || uc_is_space(c) ||
	       uc_is_general_category(c, UC_CATEGORY_Z);
}

/* Whether a word starts at the grapheme g. */
static int
tagging_word_start(const desk_text *t, int64_t g)
{
	int64_t len = desk_text_len(t);

	if (g >= len || !tagging_alnum(t, g))
		return 0;
	return desk_text_prev_word(t, desk_text_next_grapheme(t, g)) == g;
}

int
tagging_word_at(int64_t *start, int64_t *end, const desk_text *t, int64_t cp)
{
	int64_t len = desk_text_len(t), ws, we, g;
	int rc = DESK_NOTFOUND;

	*start = *end = 0;
	if (cp < 0 || cp >= len)
		goto done;
	g = desk_text_grapheme_start(t, cp);
	ws = desk_text_prev_word(t, desk_text_next_grapheme(t, g));
	we = desk_text_next_word(t, ws);
	/* The word's segment holds the spaces and stops after it: trim them. */
	while (ws < we && !tagging_alnum(t, ws))
		ws = desk_text_next_grapheme(t, ws);
	while (we > ws && !tagging_alnum(t, desk_text_prev_grapheme(t, we)))
		we = desk_text_prev_grapheme(t, we);
	if (ws >= we || g < ws || g >= we)
		goto done;
	*start = ws;
	*end = we;
	rc = DESK_OK;
done:
	return rc;
}

void
tagging_selection(int64_t *start, int64_t *end, const desk_text *t, int64_t anchor, int64_t cursor)
{
	int64_t len = desk_text_len(t), a = anchor < cursor ? anchor : cursor;
	int64_t b = anchor < cursor ? cursor : anchor, ws, we;

	a = a < 0 ? 0 : a > len ? len : a;
	b = b < 0 ? 0 : b > len ? len : b;
	*start = desk_text_grapheme_start(t, a);
	*end = b < len ? desk_text_next_grapheme(t, desk_text_grapheme_start(t, b)) : len;
	if (b < len && tagging_word_start(t, desk_text_grapheme_start(t, b)) &&
	    tagging_word_at(&ws, &we, t, b) == DESK_OK && we > *end)
		*end = we;
	while (*start < *end && tagging_space(t, *start))
		*start = desk_text_next_grapheme(t, *start);
	while (*end > *start && tagging_space(t, desk_text_prev_grapheme(t, *end)))
		*end = desk_text_prev_grapheme(t, *end);
}

void
tagging_prepare(struct tagging_span *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		s[i].reach = i > 0 && s[i - 1].reach > s[i].end ? s[i - 1].reach : s[i].end;
}

long
tagging_innermost(const struct tagging_span *s, size_t n, int64_t cp, int *depth)
{
	size_t lo = 0, hi = n; /* the first span starting after cp */
	long best = -1;

	*depth = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s[mid].start <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* Back while some span at or before i still reaches past cp. */
	for (size_t i = lo; i-- > 0 && s[i].reach > cp;) {
		if (cp >= s[i].end)
			continue;
		++*depth;
		/* Shortest wins; of equal ones, the later (nested after its twin). */
		if (best < 0 || s[i].end - s[i].start < s[best].end - s[best].start)
			best = (long)i;
	}
	return best;
}

size_t
tagging_holding(long *out, size_t max, const struct tagging_span *s, size_t n, int64_t cp)
{
	size_t lo = 0, hi = n, k = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s[mid].start <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i-- > 0 && s[i].reach > cp && k < max;) {
		size_t j = k;

		if (cp >= s[i].end)
			continue;
		/* Insert by length; of equal ones the later first, as tagging_innermost. */
		while (j > 0 && s[out[j - 1]].end - s[out[j - 1]].start > s[i].end - s[i].start) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = (long)i;
		k++;
	}
	return k;
}

long
tagging_next(const struct tagging_span *s, size_t n, int64_t cp)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].start > cp)
			return (long)i;
	return -1;
}

long
tagging_prev(const struct tagging_span *s, size_t n, int64_t cp)
{
	long found = -1;

	for (size_t i = 0; i < n && s[i].start < cp; i++)
		if (found < 0 || s[i].start != s[found].start)
			found = (long)i; /* the outermost of those starting there */
	return found;
}

static const char *
tagging_key(const struct tagging_span *sp, const char *const *keys, size_t nkeys)
{
	return sp->label >= 0 && (size_t)sp->label < nkeys && keys[sp->label] ? keys[sp->label]
	                                                                      : "?";
}

/* Append s to insert in (its text and width: a wide key takes two columns). */
static void
tagging_put(struct layout_insert *in, const char *s)
{
	size_t n = strlen(in->text), k = strlen(s);

	if (n + k >= sizeof in->text)
		return;
	memcpy(in->text + n, s, k + 1);
	in->width += desk_utf8_width(s, k);
}

int
tagging_inserts(struct layout_insert **out, size_t *nout, const struct tagging_span *s, size_t n,
                const char *const *keys, size_t nkeys)
{
	struct layout_insert *ins = NULL;
	size_t *open = NULL, nopen = 0, nins = 0;
	int rc = DESK_NOMEM;

	*out = NULL;
	*nout = 0;
	if (n == 0)
		return DESK_OK;
	if ((ins = calloc(2 * n, sizeof *ins)) == NULL || (open = malloc(n * sizeof *open)) == NULL)
		goto done;
	/* Walk the offsets where something opens or closes, in order. */
	for (size_t next = 0; next < n || nopen > 0;) {
		int64_t at = next < n ? s[next].start : INT64_MAX;
		struct layout_insert *in;

		for (size_t k = 0; k < nopen; k++)
			if (s[open[k]].end < at)
				at = s[open[k]].end;
		in = &ins[nins++];
		in->cp = at;
		/* Close what ends here, the last opened first. */
		for (size_t k = nopen; k-- > 0;) {
			if (s[open[k]].end != at)
				continue;
			if (k != nopen - 1)
				tagging_put(in, tagging_key(&s[open[k]], keys, nkeys));
			tagging_put(in, "]");
			memmove(open + k, open + k + 1, (nopen - k - 1) * sizeof *open);
			nopen--;
		}
		for (; next < n && s[next].start == at; next++) {
			tagging_put(in, "[");
			tagging_put(in, tagging_key(&s[next], keys, nkeys));
			tagging_put(in, " ");
			open[nopen++] = next;
		}
	}
	*out = ins;
	*nout = nins;
	ins = NULL;
	rc = DESK_OK;
done:
	free(ins);
	free(open);
	return rc;
}

char *
tagging_render(const struct layout *l, size_t row, const struct tagging_span *s, size_t n,
               const char *const *keys, size_t nkeys)
{
	struct layout_cell *cells = NULL;
	char *text = NULL, *out = NULL, *style = NULL, *under = NULL;
	size_t ncells, len;
	int cols = 0;

	if ((text = layout_render_line(l, row)) == NULL ||
	    (cells = malloc((size_t)l->width * sizeof *cells)) == NULL ||
	    (style = malloc((size_t)l->width * LAYOUT_ESCMAX + 1)) == NULL ||
	    (under = malloc((size_t)l->width * LAYOUT_ESCMAX + 1)) == NULL)
		goto done;
	ncells = layout_cells(l, row, cells, (size_t)l->width);
	memset(style, ' ', (size_t)l->lines[row].indent);
	memset(under, ' ', (size_t)l->lines[row].indent);
	cols = l->lines[row].indent;
	for (size_t i = 0; i < ncells; i++) {
		const struct layout_cell *c = &cells[i];
		int depth = 0;
		long in = c->kind == LAYOUT_INSERT ? -1 : tagging_innermost(s, n, c->cp, &depth);
		const char *k = in >= 0 ? tagging_key(&s[in], keys, nkeys) : ".";
		int w = c->kind == LAYOUT_LONE ? 1 : c->width;

		for (int j = 0; j < w; j++) {
			style[cols] = c->kind == LAYOUT_INSERT ? ' ' : k[0];
			under[cols] = depth >= 2 ? '_' : ' ';
			cols++;
		}
	}
	style[cols] = under[cols] = '\0';
	len = strlen(text) + 2 * (size_t)cols + 3;
	if ((out = malloc(len)) != NULL)
		snprintf(out, len, "%s\n%s\n%s", text, style, under);
done:
	free(text);
	free(cells);
	free(style);
	free(under);
	return out;
}
