/* menu.h - a cursor over rows, one a line, for the span, entity and claim lists. */
#ifndef COPYDESK_MENU_H
#define COPYDESK_MENU_H

#include "ui_state.h"

struct menu {
	size_t n, sel, top;
	int head; /* rows above the items: the column headers (menu_header) */
};

/* Keep the cursor on screen and within the rows (all lines dirty when it scrolls). */
void menu_scroll(struct ui *ui, struct menu *m);
/* The hooks every list view has alike: the window changed size; place the terminal's cursor. */
void menu_resize(struct ui *ui, struct menu *m);
void menu_cursor(struct ui *ui, const struct menu *m);
/* A motion over the rows: the cursor's old and new lines dirty; DESK_MISUSE for one it has not. */
int menu_move(struct ui *ui, struct menu *m, enum view_move mv, int64_t n);
/* The screen row of item i (it may be off the screen), and the item on screen row r (or m->n). */
int menu_row(const struct menu *m, size_t i);
size_t menu_item(const struct menu *m, int r);
/* Draw s in a column of w cells at x of row, never past the window's edge; the cells used. */
int menu_cell(struct ui *ui, int row, int x, const char *s, int w, int look);
/* Draw the column headers on row 0: the text, columns at the list's own. */
void menu_header(struct ui *ui, const char *text);

#endif
