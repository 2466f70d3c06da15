/*
 * keymap.h - keys -> command names, per view with a global fallback (cmus,
 * tig).  The help view, `copydesk help --keys` and the man page's key list
 * are generated from the one table in keymap.c and the command table.
 *
 * A key is an int: a Unicode code point for a character (control keys are
 * their C0 code, so Ctrl-L is 12), or one of the KEYMAP_* values below for
 * the terminal's special keys.  ui.c maps curses' KEY_* codes onto these so
 * that the keymap and the line editor need no curses.
 */
#ifndef COPYDESK_KEYMAP_H
#define COPYDESK_KEYMAP_H

#include <stddef.h>
#include <stdio.h>

enum {
	KEYMAP_SPECIAL = 0x110000, /* above every code point */
	KEYMAP_UP = KEYMAP_SPECIAL,
	KEYMAP_DOWN,
	KEYMAP_LEFT,
	KEYMAP_RIGHT,
	KEYMAP_HOME,
	KEYMAP_END,
	KEYMAP_PGUP,
	KEYMAP_PGDN,
	KEYMAP_BACKSPACE,
	KEYMAP_DELETE,
	KEYMAP_RESIZE,
	KEYMAP_BTAB, /* Shift-Tab */
	KEYMAP_NONE  /* no key (a timeout) */
};

#define KEYMAP_CTRL(c) ((c)&0x1f)
#define KEYMAP_ENTER   '\r'
#define KEYMAP_ESC     0x1b

/* One binding: in view ("global", "list", "reader", "help"), key runs command. */
struct keymap_binding {
	const char *view;
	const char *key;     /* a key name: "j", "Space", "PgDn", "C-l", ... */
	const char *command; /* a row of the command table with a ui function */
	const char *help;    /* what the key does in this view; NULL: the command's help */
};

extern const struct keymap_binding keymap_table[]; /* ends with a NULL view */

/* The views in the order the help lists them, with their headings. */
struct keymap_view {
	const char *name;
	const char *title;
};
extern const struct keymap_view keymap_views[]; /* ends with a NULL name */

/* The command bound to key in view, else in "global", else NULL. */
const char *keymap_lookup(const char *view, int key);

/* A key's name ("j", "C-l", "Down", "U+1EA1" for what has no better name). */
const char *keymap_key_name(int key, char *buf, size_t size);

/* The key a name stands for, or -1. */
int keymap_key_parse(const char *name);

/*
 * One line of the key list: a view's heading (keys and command NULL, help its
 * title), or the keys bound to one command in that view ("j, Down"), the
 * command and what it does.
 */
typedef void (*keymap_entry_fn)(void *ctx, const char *view, const char *keys, const char *command,
                                const char *help);

/*
 * Every view's bindings, in table order, one call per command per view; then
 * the view KEYMAP_COMMANDS: every interface command, keys being how it is
 * typed at the : prompt (":goto LINE").
 */
#define KEYMAP_COMMANDS "commands"
void keymap_describe(keymap_entry_fn fn, void *ctx);

/* One entry as a line of the help (a heading ends with ':'); snprintf's result. */
int keymap_format(char *buf, size_t size, const char *view, const char *keys, const char *command,
                  const char *help);

/* The key list as plain text (the help view's content) and as man(7) .TP entries. */
void keymap_print_text(FILE *f);
void keymap_print_man(FILE *f);

#endif
