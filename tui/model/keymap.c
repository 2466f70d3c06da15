/*
 * keymap.c - the one table of keys: {view, key, command}.  A view's own row
 * wins over a "global" row for the same key.  The help view, `copydesk help
 * --keys` and the man page's KEYS section are all printed from this table.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "keymap.h"

const struct keymap_view keymap_views[] = {
    {"global", "Everywhere"},          {"list", "Article list"}, {"reader", "Reader"},
    {"spans", "Spans of the article"}, {"entities", "Entities"}, {"claims", "Claims"},
    {"claim", "A claim's detail"},     {"stats", "Statistics"},  {"search", "Search results"},
    {"gold", "Adjudication"},          {"help", "Help"},         {NULL, NULL},
};

const struct keymap_binding keymap_table[] = {
    {"global", "j", "down", NULL},
    {"global", "Down", "down", NULL},
    {"global", "k", "up", NULL},
    {"global", "Up", "up", NULL},
    {"global", "Space", "page-down", NULL},
    {"global", "PgDn", "page-down", NULL},
    {"global", "C-f", "page-down", NULL},
    {"global", "b", "page-up", NULL},
    {"global", "-", "page-up", NULL},
    {"global", "PgUp", "page-up", NULL},
    {"global", "C-b", "page-up", NULL},
    {"global", "g", "top", NULL},
    {"global", "Home", "top", NULL},
    {"global", "G", "bottom", NULL},
    {"global", "End", "bottom", NULL},
    {"global", "/", "search", NULL},
    {"global", "n", "search-next", NULL},
    {"global", "N", "search-prev", NULL},
    {"global", ":", "prompt", NULL},
    {"global", "?", "help", NULL},
    {"global", "C-l", "redraw", NULL},
    {"global", "u", "undo", NULL},
    {"global", "C-r", "redo", NULL},
    {"global", "@", "entities", NULL},
    {"global", "S", "status-next", NULL},

    {"list", "Enter", "open", NULL},
    {"list", "l", "open", NULL},
    {"list", "Right", "open", NULL},
    {"list", "r", "reload", NULL},
    {"list", "o", "sort-next", NULL},
    {"list", "q", "quit", NULL},
    {"list", "E", "entities", NULL},
    {"list", "C", "claims", "list the claims of every article"},
    {"list", "J", "adjudicate", NULL},
    {"list", "/", "search",
     "search every article's title and body, ignoring case and accents (=TEXT: exact, "
     "accents respected); the results narrow as you type"},

    {"search", "Enter", "open", "read the article at its first match, matches highlighted"},
    {"search", "l", "open", "read the article at its first match, matches highlighted"},
    {"search", "Right", "open", "read the article at its first match, matches highlighted"},
    {"search", "n", "search-next", "to the next article found"},
    {"search", "N", "search-prev", "to the previous article found"},
    {"search", "q", "close", "back to the list"},

    {"reader", "h", "left", NULL},
    {"reader", "Left", "left", NULL},
    {"reader", "l", "right", NULL},
    {"reader", "Right", "right", NULL},
    {"reader", "w", "word-next", NULL},
    {"reader", "b", "word-prev", "back to the start of the word (page up is -, PgUp or C-b)"},
    {"reader", "0", "line-start", NULL},
    {"reader", "$", "line-end", NULL},
    {"reader", "j", "down", "down a screen line, keeping the column"},
    {"reader", "Down", "down", "down a screen line, keeping the column"},
    {"reader", "k", "up", "up a screen line, keeping the column"},
    {"reader", "Up", "up", "up a screen line, keeping the column"},
    {"reader", "]", "next-article", NULL},
    {"reader", "[", "prev-article", NULL},
    {"reader", "z", "boilerplate", NULL},
    {"reader", "n", "search-next",
     "to the next match; opened from the search's results: the next of its matches"},
    {"reader", "q", "close",
     "back to the list (or to the search's results it was opened from), remembering the "
     "reading position"},
    {"reader", "v", "select", NULL},
    {"reader", "Esc", "cancel", NULL},
    {"reader", "x", "untag", NULL},
    {"reader", "o", "span-outer", NULL},
    {"reader", "r", "relabel",
     "give the span under the cursor another label: r then the label's key"},
    {"reader", "e", "link", NULL},
    {"reader", "}", "span-next", NULL},
    {"reader", "Tab", "span-next", NULL},
    {"reader", "{", "span-prev", NULL},
    {"reader", "S-Tab", "span-prev", NULL},
    {"reader", "a", "tag-all", NULL},
    {"reader", "F", "fold", NULL},
    {"reader", "A", "tag-corpus", NULL},
    {"reader", "y", "accept", NULL},
    {"reader", "Y", "accept-all", NULL},
    {"reader", "X", "reject", NULL},
    {"reader", "s", "spans", NULL},
    {"reader", "c", "claim", NULL},
    {"reader", "d", "candidate-dismiss", NULL},
    {"reader", ")", "candidate-next", NULL},
    {"reader", "(", "candidate-prev", NULL},
    {"reader", ">", "claim-next", NULL},
    {"reader", "<", "claim-prev", NULL},
    {"reader", "V", "verdict",
     "set the verdict of the claim under the cursor: V then the verdict's key (t m l f u by "
     "default)"},
    {"reader", "+", "evidence", NULL},
    {"reader", "m", "note", NULL},
    {"reader", "=", "approve", NULL},
    {"reader", "!", "claim-dispute", NULL},
    {"reader", "R", "apply", NULL},
    {"reader", "i", "claim-info", NULL},
    {"reader", "Delete", "unclaim", NULL},
    {"reader", "C", "claims", NULL},
    {"reader", "J", "adjudicate", NULL},

    {"spans", "Enter", "jump", "to the span in the reader"},
    {"spans", "q", "close", "back to the reader"},

    {"entities", "Enter", "jump", "to the entity's next mention across the corpus, in turn"},
    {"entities", "r", "rename", NULL},
    {"entities", "m", "mark", NULL},
    {"entities", "M", "merge", NULL},
    {"entities", "d", "entity-delete", NULL},
    {"entities", "q", "close", "back to the view it was opened from"},

    {"claims", "Enter", "jump", "to the claim in its article"},
    {"claims", "f", "claims-status", NULL},
    {"claims", "v", "claims-verdict", NULL},
    {"claims", "a", "claims-scope", NULL},
    {"claims", "i", "claim-info", NULL},
    {"claims", "V", "verdict", "set the selected claim's verdict: V then the verdict's key"},
    {"claims", "+", "evidence", NULL},
    {"claims", "m", "note", NULL},
    {"claims", "=", "approve", NULL},
    {"claims", "!", "claim-dispute", NULL},
    {"claims", "R", "apply", NULL},
    {"claims", "q", "close", "back to the view the claims were opened from"},

    {"claim", "V", "verdict", "set the claim's verdict: V then the verdict's key"},
    {"claim", "+", "evidence", NULL},
    {"claim", "m", "note", NULL},
    {"claim", "x", "evidence-delete", NULL},
    {"claim", "=", "approve", NULL},
    {"claim", "!", "claim-dispute", NULL},
    {"claim", "R", "apply", NULL},
    {"claim", "q", "close", "back to the view the detail was opened from"},

    {"stats", "r", "reload", "read the figures again"},
    {"stats", "q", "close", "back to the view the statistics were opened from"},
    {"help", "q", "close", "back to the view the help was opened from"},
    {"gold", "1", "settle-take",
     "take editor N's spans for the difference under the cursor (1 the first editor listed); on "
     "claims whose verdicts differ, keep claim N's verdict"},
    {"gold", "2", "settle-take", NULL},
    {"gold", "3", "settle-take", NULL},
    {"gold", "4", "settle-take", NULL},
    {"gold", "5", "settle-take", NULL},
    {"gold", "6", "settle-take", NULL},
    {"gold", "7", "settle-take", NULL},
    {"gold", "8", "settle-take", NULL},
    {"gold", "9", "settle-take", NULL},
    {"gold", "b", "settle-both", NULL},
    {"gold", "x", "settle-none", NULL},
    {"gold", "e", "settle-edit",
     "edit: the : prompt offers the difference's range and label (on claims: :settle-verdict)"},
    {"gold", "n", "settle-next", NULL},
    {"gold", "N", "settle-prev", NULL},
    {"gold", "q", "close", "back to the view the adjudication was opened from"},
    {NULL, NULL, NULL, NULL},
};

/* Names of keys that are not one printable character. */
static const struct {
	int key;
	const char *name;
} keymap_names[] = {
    {KEYMAP_UP, "Up"},
    {KEYMAP_DOWN, "Down"},
    {KEYMAP_LEFT, "Left"},
    {KEYMAP_RIGHT, "Right"},
    {KEYMAP_HOME, "Home"},
    {KEYMAP_END, "End"},
    {KEYMAP_PGUP, "PgUp"},
    {KEYMAP_PGDN, "PgDn"},
    {KEYMAP_BACKSPACE, "Backspace"},
    {KEYMAP_DELETE, "Delete"},
    {KEYMAP_RESIZE, "Resize"},
    {KEYMAP_BTAB, "S-Tab"},
    {KEYMAP_ENTER, "Enter"},
    {KEYMAP_ESC, "Esc"},
    {'\t', "Tab"},
    {' ', "Space"},
    {0x7f, "Backspace"},
};

const char *
keymap_key_name(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof keymap_names / sizeof *keymap_names; i++)
		if (keymap_names[i].key == key)
			return keymap_names[i].name;
	if (key > 0 && key <= 26)
		snprintf(buf, size, "C-%c", key + 0x60);
	else if (key >= 0 && key < 0x20) /* C-@, C-\, C-], C-^, C-_ */
		snprintf(buf, size, "C-%c", key + 0x40);
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
	return buf;
}

int
keymap_key_parse(const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof keymap_names / sizeof *keymap_names; i++)
		if (strcmp(keymap_names[i].name, name) == 0)
			return keymap_names[i].key;
	if (n == 1 && name[0] > 0x20 && name[0] < 0x7f)
		return name[0];
	if (n == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 0x40 && name[2] < 0x7f)
		return KEYMAP_CTRL(name[2]);
	if (n > 2 && name[0] == 'U' && name[1] == '+') {
		char *end;
		long v = strtol(name + 2, &end, 16);

		if (*end == '\0' && v > 0 && v < KEYMAP_SPECIAL)
			return (int)v;
	}
	return -1;
}

static const char *
keymap_find(const char *view, int key)
{
	for (const struct keymap_binding *b = keymap_table; b->view; b++)
		if (strcmp(b->view, view) == 0 && keymap_key_parse(b->key) == key)
			return b->command;
	return NULL;
}

const char *
keymap_lookup(const char *view, int key)
{
	const char *cmd = view ? keymap_find(view, key) : NULL;

	return cmd ? cmd : keymap_find("global", key);
}

/* The command's help from the command table (its row with a ui function). */
static const char *
keymap_command_help(const char *name)
{
	for (const struct cmd *c = cmd_table; c->name; c++)
		if (c->ui && strcmp(c->name, name) == 0)
			return c->help;
	return "";
}

/* Whether an earlier row of view already described this command with the same help. */
static int
keymap_seen(const struct keymap_binding *row)
{
	for (const struct keymap_binding *b = keymap_table; b != row; b++)
		if (strcmp(b->view, row->view) == 0 && strcmp(b->command, row->command) == 0 &&
		    (b->help == row->help || (b->help && row->help && !strcmp(b->help, row->help))))
			return 1;
	return 0;
}

void
keymap_describe(keymap_entry_fn fn, void *ctx)
{
	for (const struct keymap_view *v = keymap_views; v->name; v++) {
		fn(ctx, v->name, NULL, NULL, v->title);
		for (const struct keymap_binding *b = keymap_table; b->view; b++) {
			char keys[128] = "";
			size_t len = 0;

			if (strcmp(b->view, v->name) != 0 || keymap_seen(b))
				continue;
			/* Every key of this view bound to the command with the same help. */
			for (const struct keymap_binding *o = b; o->view; o++) {
				if (strcmp(o->view, v->name) != 0 ||
				    strcmp(o->command, b->command) ||
				    !(o->help == b->help ||
				      (o->help && b->help && !strcmp(o->help, b->help))))
					continue;
				len += (size_t)snprintf(keys + len,
				                        len < sizeof keys ? sizeof keys - len : 0,
				                        "%s%s", len ? ", " : "", o->key);
				if (len >= sizeof keys)
					len = sizeof keys - 1;
			}
			fn(ctx, v->name, keys, b->command,
			   b->help ? b->help : keymap_command_help(b->command));
		}
	}
	/* Then every command of the interface, keys or not, as typed at the : prompt. */
	fn(ctx, KEYMAP_COMMANDS, NULL, NULL, "Commands at the : prompt (a unique prefix will do)");
	for (const struct cmd *c = cmd_table; c->name; c++) {
		char line[128];

		if (c->ui == NULL)
			continue;
		snprintf(line, sizeof line, ":%s%s%s", c->name, *c->args ? " " : "", c->args);
		fn(ctx, KEYMAP_COMMANDS, line, c->name, c->help);
	}
}

int
keymap_format(char *buf, size_t size, const char *view, const char *keys, const char *command,
              const char *help)
{
	if (keys == NULL)
		return snprintf(buf, size, "%s:", help);
	if (strcmp(view, KEYMAP_COMMANDS) == 0)
		return snprintf(buf, size, "  %-32s %s", keys, help);
	return snprintf(buf, size, "  %-18s %-17s %s", keys, command, help);
}

static void
keymap_text_entry(void *ctx, const char *view, const char *keys, const char *command,
                  const char *help)
{
	char line[512];

	keymap_format(line, sizeof line, view, keys, command, help);
	fprintf(ctx, "%s%s\n", keys == NULL && strcmp(view, keymap_views[0].name) ? "\n" : "",
	        line);
}

void
keymap_print_text(FILE *f)
{
	keymap_describe(keymap_text_entry, f);
}

/* Text for roff: escape backslashes, and a leading dot or quote. */
static void
keymap_man_put(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

static void
keymap_man_entry(void *ctx, const char *view, const char *keys, const char *command,
                 const char *help)
{
	FILE *f = ctx;

	if (keys == NULL) {
		fputs(".SS ", f);
		keymap_man_put(f, help);
		fputc('\n', f);
		return;
	}
	/* Keys hold no double quote; quote them as one argument for their spaces. */
	fputs(".TP\n.B \"", f);
	keymap_man_put(f, keys);
	fputs("\"\n", f);
	keymap_man_put(f, help);
	if (strcmp(view, KEYMAP_COMMANDS) != 0) {
		fputs(" (\\fB", f);
		keymap_man_put(f, command);
		fputs("\\fP)", f);
	}
	fputc('\n', f);
}

void
keymap_print_man(FILE *f)
{
	keymap_describe(keymap_man_entry, f);
}
