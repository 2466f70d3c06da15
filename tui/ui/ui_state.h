/*
 * ui_state.h - the interface's state, shared by ui*.c, the views and the
 * commands (ui_cmds*.c), and what changes it from below them (ui_state.c),
 * drawing (ui_draw.c) and probing the terminal (ui_probe.c).  Not for
 * main.c: it brings in curses.
 */
#ifndef COPYDESK_UI_STATE_H
#define COPYDESK_UI_STATE_H

#include <curses.h>

#include "copydesk/copydesk.h"
#include "lineedit.h"
#include "prompthist.h"

/* The smallest terminal the views are drawn in; below it a message says so. */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 10

/* Looks, set once from what the terminal can do (ui_draw.c). */
enum {
	UI_NORMAL,
	UI_DIM,       /* boilerplate, an untitled article's first words */
	UI_ESCAPE,    /* a control character's escape: always reverse video */
	UI_SELECT,    /* the list's cursor line */
	UI_BAR,       /* the status line */
	UI_MATCH,     /* the current search match */
	UI_CURSOR,    /* the reader's cursor grapheme */
	UI_ERROR,     /* an error message */
	UI_HEADING,   /* help headings, the list's header */
	UI_NEW,       /* status "new" in the list */
	UI_PROGRESS,  /* status "progress" */
	UI_DONE,      /* status "done" */
	UI_BYLINE,    /* the byline mark */
	UI_TITLE,     /* the article's title in the reader */
	UI_SUGGEST,   /* a pending suggestion: dim and underlined, never a span's colour */
	UI_BRACKET,   /* a span's bracket without colour */
	UI_CLAIM,     /* a claim's marker before it has a verdict (view_claim.c) */
	UI_CANDIDATE, /* a check-worthy candidate's marker: dim */
	UI_NATTRS
};

struct view_ops;
struct view_list;
struct view_reader;
struct view_help;
struct view_spans;
struct view_entities;
struct view_claims;
struct view_stats;
struct view_search;
struct view_gold;
struct evform;

/*
 * Verdict looks: pairs UI_NATTRS + i; label looks: pairs UI_NATTRS +
 * UI_MAXVERDICTS + i while the terminal has them (as many labels as the
 * database holds: past the terminal's pairs a label shares another's colour).
 */
#define UI_MAXVERDICTS 16

struct ui {
	desk *d;
	const struct view_ops *view; /* on screen */
	const struct view_ops *back; /* where the help returns to */
	struct view_list *list;      /* each view's state lives as long as the ui */
	struct view_reader *reader;
	struct view_help *help;
	struct view_spans *spans;
	struct view_entities *entities;
	desk_labels *labels; /* the database's label set */
	attr_t *label_attr;  /* [desk_labels_count(labels)] */
	short *label_pair;
	int label_warned;    /* the colliding label keys were reported */
	const char *pending; /* a command waiting for a label key ("relabel"), or NULL */
	char confirm[64];    /* a command waiting for y to confirm, or "" */
	int default_colors;  /* the terminal's own colours (-1) can be used */

	/* Fact verification (view_claim.c, view_claims.c, view_evidence.c). */
	desk_verdicts *verdicts; /* the database's verdict scale */
	attr_t verdict_attr[UI_MAXVERDICTS];
	short verdict_pair[UI_MAXVERDICTS];
	struct view_claims *claims;  /* the claims screen and a claim's detail */
	struct view_stats *stats;    /* the statistics screen */
	struct view_search *searchv; /* the corpus search's results (view_search.c) */
	struct view_gold *gold;      /* adjudication (view_gold.c) */
	struct evform *evform;       /* the evidence form being filled in, or NULL */
	int64_t evform_claim;
	char evform_error[512]; /* why the core refused the last try, shown before the field */
	int64_t pending_claim;  /* the claim a pending "verdict" waits for a verdict's key for */
	int cand_marks; /* candidates between dim brackets, not only in italics (:candidates) */
	int bp_marks;   /* boilerplate between [~ ~]: the terminal has no colour and cannot dim */

	WINDOW *body, *bar, *msg; /* the view, the status line, the message line */
	int rows, cols;           /* the body's size */
	int small;                /* the terminal is below UI_MIN_COLS x UI_MIN_ROWS */
	unsigned char *dirty;     /* [rows] body lines to draw again */
	int dirty_bar, dirty_msg;
	int redraw; /* everything, the terminal too (C-l) */

	char message[512];
	int message_error;
	int upgrading;             /* an older database may still owe work (upgrade.h) */
	int upgraded;              /* some was done in this session */
	char upgrade_msg[160];     /* the progress shown last, replaced only by itself */
	struct lineedit edit;      /* the prompt's line */
	int prompt;                /* 0, or the prompt's character: ':' or '/' */
	char *search;              /* the last search pattern */
	const char *prompt_cmd;    /* the command a : prompt's line is the argument of, or NULL */
	struct prompthist hist[2]; /* the : and the / prompts' lines */
	char matches[256];         /* what Tab found, on the status line while the prompt is open */
	int64_t count;             /* a count being typed before a key (5j), or 0 */
	int width;                 /* the reader's widest line (:set width), 0: the window's */
	int centre;                /* the reader's lines centred in a wider window (:set align) */

	int quit;        /* leave the loop */
	int exit_status; /* what ui_main returns */
	int colors;      /* 0 (none or NO_COLOR), 8 or 256 */
	int fold;        /* tag-all and tag-corpus ignore case and accents (:fold) */
	attr_t attr[UI_NATTRS];
	short pair[UI_NATTRS];
};

/*
 * --- The views, as tig's view_ops --------------------------------------------
 * Each view registers its view_ops in the views' table (views.c), the one
 * place that names them all: the event loop (ui.c) runs the table's hooks
 * without knowing any view, and a view or a command names another view by
 * its id (views[VIEW_READER]).
 */

/* The motions a view may support; the commands of the same names ask for them. */
enum view_move {
	VIEW_DOWN,
	VIEW_UP,
	VIEW_PAGE_DOWN,
	VIEW_PAGE_UP,
	VIEW_TOP,
	VIEW_BOTTOM,
	VIEW_GOTO, /* n: a 1-based line */
	VIEW_LEFT,
	VIEW_RIGHT,
	VIEW_WORD_NEXT,
	VIEW_WORD_PREV,
	VIEW_LINE_START,
	VIEW_LINE_END,
	VIEW_NMOVES
};

struct view_ops {
	const char *name; /* the keymap's name for the view: "list", "reader", "help" */
	/* The view's state is made at start, and freed at the end (in ui, the struct). */
	int (*new)(struct ui *ui);
	void (*free)(struct ui *ui);
	/* At start, after every view is made: the first read of what it shows. */
	int (*start)(struct ui *ui);
	/* Another editor changed the database: read what the view shows again. */
	void (*changed)(struct ui *ui);
	/* The view comes on screen / leaves it (the state stays, in struct ui). */
	int (*open)(struct ui *ui);
	void (*close)(struct ui *ui);
	/* Draw the body's dirty lines, and the status line. */
	void (*draw)(struct ui *ui);
	void (*draw_bar)(struct ui *ui);
	/* The body changed size (ui->rows, ui->cols). */
	void (*resize)(struct ui *ui);
	/* A motion, n times; DESK_MISUSE when the view has no such motion. */
	int (*motion)(struct ui *ui, enum view_move m, int64_t n);
	/* Search for pattern from the cursor, forward or backward, wrapping around. */
	int (*search)(struct ui *ui, const char *pattern, int backward);
	/* Place the terminal's cursor in ui->body, or hide it. */
	void (*cursor)(struct ui *ui);
	/* The article the view is on (to set its status), or 0. */
	int64_t (*article)(struct ui *ui);
};

/* The views, by id: their rows of views[] (views.c). */
enum view_id {
	VIEW_LIST,
	VIEW_READER,
	VIEW_HELP,
	VIEW_SPANS,
	VIEW_ENTITIES,
	VIEW_CLAIMS, /* the claims of the article or of the corpus */
	VIEW_CLAIM,  /* one claim's detail */
	VIEW_STATS,  /* the desk's figures */
	VIEW_SEARCH, /* the corpus search's results */
	VIEW_GOLD,   /* adjudication: where the editors' layers differ */
	VIEW_NVIEWS,
	VIEW_HOME = VIEW_LIST /* where the interface starts, and a failed switch falls back */
};
extern const struct view_ops *const views[VIEW_NVIEWS];

/* --- ui_state.c: what views and commands change, below them both ------- */

/* Mark for drawing: one line of the body, all of it, the status line, everything. */
void ui_dirty_line(struct ui *ui, int row);
void ui_dirty_body(struct ui *ui);
void ui_dirty_bar(struct ui *ui);
void ui_dirty_all(struct ui *ui);

/*
 * The first line on screen of a view that scrolls a page of text, after
 * motion m taken n times (pages of page lines), within 0..max; *top is
 * unchanged and DESK_MISUSE returned for a motion that does not scroll.
 */
int ui_scroll(size_t *top, enum view_move m, int64_t n, size_t page, size_t max);

/* Show a message (or an error) on the message line until the next key. */
void ui_message(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int ui_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Draw the message line now, inside a long command (an export's progress); ui.c. */
void ui_flush_message(struct ui *ui);

/* Put view (a row of views[]) on screen, closing the one there. */
int ui_switch(struct ui *ui, const struct view_ops *view);

/* Open the prompt of kind (':', '/', or a form's); its line starts empty. */
void ui_prompt_open(struct ui *ui, int kind);
/* A : prompt for command name's argument: the name a fixed label, offer the line offered. */
void ui_prompt_command(struct ui *ui, const char *name, const char *offer);

/* The commands (ui_cmds.c, ui_cmds.h) run by name: ui_cmds_run(), ui_cmds_run_line(). */

/* --- ui_draw.c: looks and the drawing of text, never a raw control ----- */

void ui_draw_init(struct ui *ui);

/* Set a cell's look: (attr, pair) of one of UI_*. */
void ui_draw_look(const struct ui *ui, int look, attr_t *attr, short *pair);

struct layout_cell;
/* Draw one cell of a layout at (y, x) of w with a look (escapes are always reversed). */
void ui_draw_cell(const struct ui *ui, WINDOW *w, int y, int x, const struct layout_cell *c,
                  int look);
/* The same with an attribute and a colour pair. */
void ui_draw_cell_ap(const struct ui *ui, WINDOW *w, int y, int x, const struct layout_cell *c,
                     attr_t a, short p);

/* Read the label set and give each label its look; a DESK_* code. */
int ui_draw_labels(struct ui *ui);
/* The label named name's index in ui->labels, or -1; by its key (a code point): the same. */
int ui_label_index(const struct ui *ui, const char *name);
int ui_label_by_key(const struct ui *ui, int key);

/*
 * Draw s from (y, x) in at most cols columns, cut at a grapheme (an ellipsis
 * marks the cut), control characters as escapes.  Returns the columns used.
 */
int ui_draw_text(const struct ui *ui, WINDOW *w, int y, int x, const char *s, int cols, int look);

/* The display width of s as ui_draw_text() would draw it whole. */
int ui_text_width(const char *s);

/*
 * ui_probe.c: whether the terminal draws a skin tone apart from its emoji (1)
 * or joined (0), before curses starts: remembered, else asked.
 */
int ui_probe_tones(void);
/* Once curses has started: the keys typed while the terminal was asked, back to curses. */
void ui_probe_give_back(void);
/* wget_wch(stdscr) without the terminal's answer when it came late. */
int ui_probe_getkey(wint_t *wc);

/* --- ui_prompt.c: the `:` and `/` prompts' keys, above the commands ------ */

void ui_prompt_key(struct ui *ui, int key);
void ui_prompt_draw(struct ui *ui);
/* After the body is drawn: what an open form shows over it (the evidence's refusal). */
void ui_prompt_draw_over(struct ui *ui);
/* The interface ends: a form still open is dropped. */
void ui_prompt_end(struct ui *ui);
/* The prompts' histories and the settings, from and to $XDG_DATA_HOME/copydesk/interface. */
void ui_prompt_load(struct ui *ui);
void ui_prompt_save(struct ui *ui);

#endif
