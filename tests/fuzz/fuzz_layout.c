/*
 * fuzz_layout.c - screen layout against arbitrary text, widths, hidden
 * ranges, hanging indents and inserts.  The input's first bytes choose the
 * width (1-160), the flags, a hang and up to four hidden ranges; the rest is
 * the text (its valid UTF-8 prefix).  Checked: lines in order and within the
 * width (but for one cell wider than the screen); cells within their line;
 * each visible grapheme found again at its own row and column; every line
 * renders as valid UTF-8.
 */
#include "fuzz.h"
#include "layout.h"

static void
fuzz_check_layout(const struct layout *l, const desk_text *t)
{
	struct layout_cell *cells = malloc((size_t)(l->width + 1) * sizeof *cells);
	int64_t len = desk_text_len(t);

	FUZZ_CHECK(cells != NULL);
	for (size_t row = 0; row < l->nlines; row++) {
		const struct layout_line *ln = &l->lines[row];
		size_t nc = layout_cells(l, row, cells, (size_t)l->width);
		char *s = layout_render_line(l, row);

		FUZZ_CHECK(0 <= ln->start && ln->start <= ln->end && ln->end <= ln->next &&
		           ln->next <= len + 1);
		FUZZ_CHECK(row == 0 || l->lines[row - 1].next <= ln->start);
		FUZZ_CHECK(ln->indent >= 0 && ln->cols >= ln->indent);
		/*
		 * What is drawn fits: a grapheme never straddles the edge unless it
		 * is wider than the screen.  (Spaces and markers at a full line's
		 * edge hang past it, not drawn, by design: see test_claimview.)
		 */
		for (size_t i = 0, first = 1; i < nc; i++) {
			FUZZ_CHECK(cells[i].col >= ln->indent && cells[i].col < l->width);
			FUZZ_CHECK(i == 0 || cells[i - 1].col + cells[i - 1].width <= cells[i].col);
			FUZZ_CHECK(cells[i].col + cells[i].width <= l->width ||
			           cells[i].kind == LAYOUT_INSERT || first ||
			           (cells[i].kind == LAYOUT_GLYPH &&
			            desk_text_char(t, cells[i].cp) == ' '));
			first =
			    first && cells[i].kind == LAYOUT_INSERT; /* before the first grapheme */
		}
		FUZZ_CHECK(s != NULL && desk_utf8_check(s, strlen(s), NULL) == DESK_OK);
		free(s);
	}
	/* A grapheme drawn on screen is where layout_pos says, and found there. */
	for (int64_t cp = 0; cp < len; cp = desk_text_next_grapheme(t, cp)) {
		size_t row;
		int col;

		if (layout_is_hidden(l, cp) || desk_text_char(t, cp) == '\n')
			continue;
		layout_pos(l, cp, &row, &col);
		FUZZ_CHECK(row < l->nlines || l->nlines == 0);
		if (l->nlines == 0 || col >= l->width || col >= l->lines[row].cols)
			continue; /* a space hanging past the edge */
		FUZZ_CHECK(layout_cp_at(l, row, col) == cp);
	}
	free(cells);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct layout_range hidden[4];
	struct layout_insert ins[2];
	struct layout *l = NULL;
	desk_text *t = NULL;
	size_t len, nhidden, nins;
	int width, flags, hang;
	int64_t cps;

	if (size < 8)
		return 0;
	width = 1 + data[0] % 160;
	flags = data[1] & 1;
	hang = data[2] % 40;
	nhidden = data[3] % 5;
	nins = data[4] % 3;
	data += 8;
	size -= 8;
	len = fuzz_valid_prefix(data, size);
	if (desk_text_new(&t, (const char *)data, len) != DESK_OK)
		return 0;
	cps = desk_text_len(t);
	for (size_t i = 0; i < nhidden; i++) {
		int64_t a = cps ? (int64_t)(data[i % (len ? len : 1)] * 7 + i * 13) % (cps + 1) : 0;

		hidden[i].start = desk_text_grapheme_start(t, a);
		hidden[i].end = desk_text_next_grapheme(t, hidden[i].start);
	}
	FUZZ_CHECK(layout_new_hang(&l, t, width, hidden, nhidden, flags, &hang, 1) == DESK_OK);
	fuzz_check_layout(l, t);
	layout_free(l);
	/* Brackets as the reader draws them without colour. */
	for (size_t i = 0; i < nins; i++) {
		ins[i].cp = desk_text_grapheme_start(t, cps * (int64_t)(i + 1) / 3);
		snprintf(ins[i].text, sizeof ins[i].text, "%s", i ? "]" : "[\xe4\xba\xba ");
		ins[i].width = desk_utf8_width(ins[i].text, strlen(ins[i].text));
	}
	if (nins == 2 && ins[0].cp == ins[1].cp)
		nins = 1;
	FUZZ_CHECK(layout_new_insert(&l, t, width, hidden, nhidden, flags, ins, nins) == DESK_OK);
	fuzz_check_layout(l, t);
	layout_free(l);
	desk_text_free(t);
	return 0;
}
