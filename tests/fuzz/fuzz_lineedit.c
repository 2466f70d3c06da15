/*
 * fuzz_lineedit.c - the prompts' line editor against arbitrary keys.  The
 * input is read as keys: UTF-8 sequences are code points typed, bytes
 * 0xF8-0xFF the editing keys (arrows, Home, End, Backspace, Delete), and
 * bad bytes control keys.  Checked after each key: the line is valid UTF-8
 * of its length, and the cursor on a grapheme of it; and its layout at a
 * width from the input keeps the cursor on the screen.
 */
#include "fuzz.h"
#include "keymap.h"
#include "lineedit.h"

static void
fuzz_check_edit(const struct lineedit *le, int width)
{
	desk_text *t = NULL, *lt = NULL;
	struct layout *l = NULL;
	size_t row = 0;
	int col = 0;

	FUZZ_CHECK(le->cursor <= le->len);
	if (le->buf == NULL) { /* nothing typed yet */
		FUZZ_CHECK(le->len == 0);
	} else {
		FUZZ_CHECK(strlen(le->buf) == le->len);
		FUZZ_CHECK(desk_utf8_check(le->buf, le->len, NULL) == DESK_OK);
	}
	FUZZ_CHECK(desk_text_new(&t, le->buf ? le->buf : "", le->len) == DESK_OK);
	FUZZ_CHECK(le->cursor == le->len || desk_text_is_grapheme(t, desk_text_cp(t, le->cursor)));
	desk_text_free(t);
	FUZZ_CHECK(lineedit_layout(le, width, &lt, &l, &row, &col) == DESK_OK);
	/* Spaces past the edge hang (ui_prompt.c keeps the cursor at the edge then). */
	FUZZ_CHECK(col >= 0 && (col <= width || le->buf[le->cursor - 1] == ' '));
	FUZZ_CHECK(l == NULL || row < l->nlines);
	layout_free(l);
	desk_text_free(lt);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const int keys[] = {KEYMAP_LEFT, KEYMAP_RIGHT, KEYMAP_HOME,      KEYMAP_END,
	                           KEYMAP_UP,   KEYMAP_DOWN,  KEYMAP_BACKSPACE, KEYMAP_DELETE};
	struct lineedit le;
	int width;

	if (size < 1)
		return 0;
	/* At least as wide as the widest escape ("<U+10FFFF>"): one wider cannot be shown whole. */
	width = 10 + data[0] % 100;
	lineedit_init(&le);
	for (size_t i = 1; i < size;) {
		size_t ok = fuzz_valid_prefix(data + i, size - i < 4 ? size - i : 4);
		int key, k = 1;

		if (data[i] >= 0xF8) {
			key = keys[data[i] - 0xF8];
		} else if (ok > 0 && data[i] >= 0x80) {
			uint32_t c = 0;
			int n = data[i] < 0xE0 ? 2 : data[i] < 0xF0 ? 3 : 4;

			if ((size_t)n > ok) {
				key = KEYMAP_CTRL(data[i]);
			} else {
				c = data[i] & (0x7F >> n);
				for (int j = 1; j < n; j++)
					c = c << 6 | (data[i + (size_t)j] & 0x3F);
				key = (int)c;
				k = n;
			}
		} else if (data[i] >= 0x80) {
			key = KEYMAP_CTRL(data[i]); /* a bad byte: a control key */
		} else {
			key = data[i];
		}
		i += (size_t)k;
		if (lineedit_key(&le, key) != LINEEDIT_CONTINUE && (data[0] & 0x80))
			lineedit_clear(&le);
		fuzz_check_edit(&le, width);
	}
	lineedit_free(&le);
	return 0;
}
