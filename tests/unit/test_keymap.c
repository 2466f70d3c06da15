/*
 * test_keymap.c - keys to commands (tui/model/keymap.c), key names, the `:` prompt's
 * parsing (tui/ui/ui_cmds.c, run on a stand-in view that records what it was
 * asked), and that the help and the table agree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keymap.h"
#include "ui_cmds.h"
#include "ui_state.h"
#include "view.h"

static void
expect_lookup(const char *view, int key, const char *want)
{
	const char *got = keymap_lookup(view, key);

	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
}

static void
test_lookup_view_then_global(void **state)
{
	(void)state;
	/* A reader key overrides the global one; elsewhere the global one holds. */
	expect_lookup("reader", 'b', "word-prev");
	expect_lookup("list", 'b', "page-up");
	expect_lookup("help", 'b', "page-up");
	expect_lookup("reader", 'l', "right");
	expect_lookup("list", 'l', "open");
	expect_lookup("help", 'l', NULL);
	expect_lookup("reader", 'q', "close");
	expect_lookup("help", 'q', "close");
	expect_lookup("list", 'q', "quit");
	/* Global keys resolve in every view, and with no view. */
	for (const struct keymap_view *v = keymap_views; v->name; v++) {
		expect_lookup(v->name, 'j', "down");
		expect_lookup(v->name, KEYMAP_DOWN, "down");
		expect_lookup(v->name, ' ', "page-down");
		expect_lookup(v->name, KEYMAP_CTRL('f'), "page-down");
		expect_lookup(v->name, KEYMAP_PGUP, "page-up");
		expect_lookup(v->name, '/', "search");
		expect_lookup(v->name, ':', "prompt");
		expect_lookup(v->name, KEYMAP_CTRL('l'), "redraw");
	}
	expect_lookup(NULL, 'j', "down");
	expect_lookup(NULL, 'h', NULL);
	expect_lookup("nosuchview", 'G', "bottom");
	/* Reader-only keys are not global. */
	expect_lookup("list", 'h', NULL);
	expect_lookup("list", 'z', NULL);
	expect_lookup("reader", 'z', "boilerplate");
	expect_lookup("list", KEYMAP_ENTER, "open");
	expect_lookup("reader", KEYMAP_ENTER, NULL);
	/* Keys no table row has. */
	expect_lookup("reader", 'Q', NULL);
	expect_lookup("reader", 'x', "untag");
	expect_lookup("reader", 'u', "undo");
	expect_lookup("reader", KEYMAP_BTAB, "span-prev");
	expect_lookup("reader", 0x1ea1, NULL); /* ạ */
	expect_lookup("reader", KEYMAP_RESIZE, NULL);
	expect_lookup("reader", -1, NULL);
}

static void
expect_name(int key, const char *want)
{
	char buf[32];

	assert_string_equal(keymap_key_name(key, buf, sizeof buf), want);
	assert_int_equal(keymap_key_parse(want), key);
}

static void
test_key_names(void **state)
{
	char buf[32];

	(void)state;
	expect_name('j', "j");
	expect_name('$', "$");
	expect_name(' ', "Space");
	expect_name(KEYMAP_CTRL('f'), "C-f");
	expect_name(KEYMAP_CTRL('l'), "C-l");
	expect_name(KEYMAP_PGDN, "PgDn");
	expect_name(KEYMAP_PGUP, "PgUp");
	expect_name(KEYMAP_UP, "Up");
	expect_name(KEYMAP_DELETE, "Delete");
	expect_name(KEYMAP_ENTER, "Enter");
	expect_name(KEYMAP_ESC, "Esc");
	expect_name('\t', "Tab");
	expect_name(0x1ea1, "U+1EA1");
	/* The C0 controls without a letter: as terminals and Emacs name them. */
	expect_name(0, "C-@");
	expect_name(0x1c, "C-\\");
	expect_name(0x1d, "C-]");
	expect_name(0x1e, "C-^");
	expect_name(0x1f, "C-_");
	/* DEL is Backspace on most terminals. */
	assert_string_equal(keymap_key_name(0x7f, buf, sizeof buf), "Backspace");
	/* Names nothing has. */
	assert_int_equal(keymap_key_parse(""), -1);
	assert_int_equal(keymap_key_parse("jj"), -1);
	assert_int_equal(keymap_key_parse("C-"), -1);
	assert_int_equal(keymap_key_parse("C-1"), -1);
	assert_int_equal(keymap_key_parse("U+"), -1);
	assert_int_equal(keymap_key_parse("U+12G"), -1);
	assert_int_equal(keymap_key_parse("U+110000"), -1);
	assert_int_equal(keymap_key_parse("pgdn"), -1);
	/* Every name given is printable and leads back to its key (Backspace aside). */
	for (int key = 0; key < 0x80; key++) {
		const char *name = keymap_key_name(key, buf, sizeof buf);

		for (const char *p = name; *p; p++)
			assert_true(*p > 0x20 && *p < 0x7f);
		if (key != 0x7f)
			assert_int_equal(keymap_key_parse(name), key);
	}
	for (int key = KEYMAP_SPECIAL; key < KEYMAP_NONE; key++)
		assert_int_equal(keymap_key_parse(keymap_key_name(key, buf, sizeof buf)), key);
}

/* --- the `:` prompt, run on a stand-in view ---------------------------- */

static struct {
	int calls;
	enum view_move move;
	int64_t n;
	char pattern[64];
	int backward;
} seen;

static int
fake_motion(struct ui *ui, enum view_move m, int64_t n)
{
	(void)ui;
	seen.calls++;
	seen.move = m;
	seen.n = n;
	return DESK_OK;
}

static int
fake_search(struct ui *ui, const char *pattern, int backward)
{
	(void)ui;
	seen.calls++;
	snprintf(seen.pattern, sizeof seen.pattern, "%s", pattern);
	seen.backward = backward;
	return DESK_OK;
}

static const struct view_ops fake_view = {
    .name = "reader",
    .motion = fake_motion,
    .search = fake_search,
};

static struct ui *
fake_ui(void)
{
	struct ui *ui = calloc(1, sizeof *ui);

	assert_non_null(ui);
	ui->view = &fake_view;
	return ui;
}

/* Run line; the motion it asked for (or none), and the message it left ("" if none). */
static void
expect_line(const char *line, int rc, int move, int64_t n, const char *message)
{
	struct ui *ui = fake_ui();

	memset(&seen, 0, sizeof seen);
	assert_int_equal(ui_cmds_run_line(ui, line), rc);
	if (move < 0) {
		assert_int_equal(seen.calls, 0);
	} else {
		assert_int_equal(seen.calls, 1);
		assert_int_equal(seen.move, move);
		assert_int_equal(seen.n, n);
	}
	if (*message == '\0')
		assert_string_equal(ui->message, "");
	else if (strstr(ui->message, message) == NULL)
		fail_msg("\"%s\": message \"%s\", wanted \"%s\" in it", line, ui->message, message);
	assert_int_equal(ui->message_error, *message != '\0');
	free(ui->search);
	free(ui);
}

static void
test_prompt_commands(void **state)
{
	(void)state;
	expect_line("down", 0, VIEW_DOWN, 1, "");
	expect_line("down 5", 0, VIEW_DOWN, 5, "");
	expect_line("  :down   12  ", 0, VIEW_DOWN, 12, "");
	expect_line("word-prev 3", 0, VIEW_WORD_PREV, 3, "");
	expect_line("page-down", 0, VIEW_PAGE_DOWN, 1, "");
	expect_line("line-end", 0, VIEW_LINE_END, 1, "");
	/* A unique prefix will do. */
	expect_line("d 2", 0, VIEW_DOWN, 2, "");
	expect_line("page-u", 0, VIEW_PAGE_UP, 1, "");
	expect_line("bot", 0, VIEW_BOTTOM, 1, "");
	expect_line("word-n 4", 0, VIEW_WORD_NEXT, 4, "");
	/* :N and :goto N go to a line. */
	expect_line("42", 0, VIEW_GOTO, 42, "");
	expect_line(":7", 0, VIEW_GOTO, 7, "");
	expect_line("goto 120", 0, VIEW_GOTO, 120, "");
	expect_line("go 3", 0, VIEW_GOTO, 3, "");
	/* A prefix of several commands is refused, and says so. */
	expect_line("p", DESK_ERROR, -1, 0, "p: ambiguous");
	expect_line("page", DESK_ERROR, -1, 0, "page: ambiguous");
	expect_line("re", DESK_ERROR, -1, 0, "re: ambiguous");
	expect_line("word 2", DESK_ERROR, -1, 0, "word: ambiguous");
	/* Unknown commands, and the shell's. */
	expect_line("frobnicate", DESK_ERROR, -1, 0, "frobnicate: no such command");
	expect_line("downx", DESK_ERROR, -1, 0, "downx: no such command");
	expect_line("import", DESK_ERROR, -1, 0, "a shell command");
	/* Bad counts and lines. */
	expect_line("down 0", DESK_ERROR, -1, 0, "not a count");
	expect_line("down -3", DESK_ERROR, -1, 0, "not a count");
	expect_line("down five", DESK_ERROR, -1, 0, "five: not a count");
	expect_line("down 5x", DESK_ERROR, -1, 0, "not a count");
	expect_line("down 99999999999999999999999", DESK_ERROR, -1, 0, "not a count");
	expect_line("42abc", DESK_ERROR, -1, 0, "not a count");
	expect_line("goto", DESK_ERROR, -1, 0, "which line");
	/* Nothing typed does nothing. */
	expect_line("", 0, -1, 0, "");
	expect_line("   ", 0, -1, 0, "");
	expect_line(":", 0, -1, 0, "");
}

static void
test_prompt_other_commands(void **state)
{
	struct ui *ui = fake_ui();

	(void)state;
	/* An exact name wins over the longer ones it begins. */
	memset(&seen, 0, sizeof seen);
	assert_int_equal(ui_cmds_run_line(ui, "search da nang"), 0);
	assert_int_equal(seen.calls, 1);
	assert_string_equal(seen.pattern, "da nang");
	assert_int_equal(seen.backward, 0);
	assert_string_equal(ui->search, "da nang");
	assert_int_equal(ui_cmds_run_line(ui, "search-p"), 0);
	assert_int_equal(seen.calls, 2);
	assert_string_equal(seen.pattern, "da nang");
	assert_int_equal(seen.backward, 1);
	assert_int_equal(ui_cmds_run_line(ui, "sea"), DESK_ERROR);
	assert_non_null(strstr(ui->message, "ambiguous"));
	assert_int_equal(seen.calls, 2);
	/* :q quits. */
	assert_int_equal(ui->quit, 0);
	assert_int_equal(ui_cmds_run_line(ui, "q"), 0);
	assert_int_equal(ui->quit, 1);
	free(ui->search);
	free(ui);

	/* Searching again before any search says how to search. */
	ui = fake_ui();
	memset(&seen, 0, sizeof seen);
	assert_int_equal(ui_cmds_run_line(ui, "search-next"), DESK_ERROR);
	assert_string_equal(ui->message, "No previous search; / searches");
	assert_int_equal(seen.calls, 0);
	free(ui);
}

static void
test_find(void **state)
{
	int ambiguous;
	const struct cmd *c;

	(void)state;
	assert_non_null(c = ui_cmds_find("down", &ambiguous));
	assert_string_equal(c->name, "down");
	assert_non_null(c = ui_cmds_find("status", &ambiguous));
	assert_non_null(c->ui); /* the interface's :status, not the shell's */
	assert_non_null(c = ui_cmds_find("prev", &ambiguous));
	assert_string_equal(c->name, "prev-article");
	assert_null(ui_cmds_find("", &ambiguous));
	assert_int_equal(ambiguous, 0);
	assert_null(ui_cmds_find("import", &ambiguous));
	assert_int_equal(ambiguous, 0);
	assert_null(ui_cmds_find("search-", &ambiguous));
	assert_int_equal(ambiguous, 1);
}

/* --- the table and the help agree ------------------------------------- */

static const struct cmd *
ui_command(const char *name)
{
	for (const struct cmd *c = cmd_table; c->name; c++)
		if (c->ui && strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static int
known_view(const char *name)
{
	for (const struct keymap_view *v = keymap_views; v->name; v++)
		if (strcmp(v->name, name) == 0)
			return 1;
	return 0;
}

static void
test_table(void **state)
{
	(void)state;
	for (const struct keymap_binding *b = keymap_table; b->view; b++) {
		const struct cmd *c = ui_command(b->command);
		int key = keymap_key_parse(b->key);

		if (!known_view(b->view) || key < 0 || c == NULL)
			fail_msg("%s %s %s: unknown view, key or command", b->view, b->key,
			         b->command);
		/* Help for every key: its own, else its command's. */
		assert_true(strlen(b->help ? b->help : c->help) > 10);
		/* No row is shadowed by an earlier one for the same key. */
		assert_string_equal(keymap_lookup(b->view, key), b->command);
	}
	for (const struct cmd *c = cmd_table; c->name; c++) {
		assert_non_null(c->args);
		assert_true(c->help && strlen(c->help) > 10);
	}
}

struct entries {
	size_t nrows[256]; /* per table row: how many entries listed it */
	size_t ncommands, nheadings;
};

static void
check_entry(void *ctx, const char *view, const char *keys, const char *command, const char *help)
{
	struct entries *e = ctx;
	char buf[128], *save = NULL;

	assert_non_null(help);
	assert_true(*help != '\0');
	if (keys == NULL) {
		e->nheadings++;
		return;
	}
	if (strcmp(view, KEYMAP_COMMANDS) == 0) {
		const struct cmd *c = ui_command(command);

		assert_non_null(c);
		snprintf(buf, sizeof buf, ":%s", command);
		assert_memory_equal(keys, buf, strlen(buf));
		assert_string_equal(help, c->help);
		e->ncommands++;
		return;
	}
	/* Every key listed is a row of the table for this view and command. */
	snprintf(buf, sizeof buf, "%s", keys);
	for (char *k = strtok_r(buf, ", ", &save); k; k = strtok_r(NULL, ", ", &save)) {
		const struct keymap_binding *b;

		for (b = keymap_table; b->view; b++)
			if (!strcmp(b->view, view) && !strcmp(b->key, k) &&
			    !strcmp(b->command, command))
				break;
		if (b->view == NULL)
			fail_msg("help lists %s for %s in %s: not in the table", k, command, view);
		assert_true((size_t)(b - keymap_table) < 256);
		e->nrows[b - keymap_table]++;
		assert_string_equal(keymap_lookup(view, keymap_key_parse(k)), command);
	}
}

static void
test_help_lists_the_table(void **state)
{
	struct entries e;
	size_t nviews = 0, nui = 0;

	(void)state;
	memset(&e, 0, sizeof e);
	keymap_describe(check_entry, &e);
	/* Every row listed once, every interface command once, every view a heading. */
	for (const struct keymap_binding *b = keymap_table; b->view; b++)
		assert_int_equal(e.nrows[b - keymap_table], 1);
	for (const struct keymap_view *v = keymap_views; v->name; v++)
		nviews++;
	for (const struct cmd *c = cmd_table; c->name; c++)
		nui += c->ui != NULL;
	assert_int_equal(e.nheadings, nviews + 1);
	assert_int_equal(e.ncommands, nui);
}

/*
 * As many labels as the database holds: the interface found the first 32
 * only, so the 33rd could be neither named nor keyed.
 */
static void
test_many_labels(void **state)
{
	static const char keys[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
	struct ui *ui = fake_ui();
	char json[4096], name[8];
	size_t len = 0;

	(void)state;
	assert_int_equal(desk_open(&ui->d, ":memory:", "tester"), DESK_OK);
	len += (size_t)snprintf(json + len, sizeof json - len, "[");
	for (int i = 0; i < 40; i++)
		len +=
		    (size_t)snprintf(json + len, sizeof json - len,
		                     "%s{\"name\": \"L%d\", \"key\": \"%c\", \"color\": \"red\"}",
		                     i ? "," : "", i + 1, keys[i]);
	len += (size_t)snprintf(json + len, sizeof json - len, "]");
	assert_int_equal(desk_labels_import(ui->d, "many.json", json, len, 1), DESK_OK);
	assert_int_equal(ui_draw_labels(ui), DESK_OK);
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "L%d", i + 1);
		assert_int_equal(ui_label_index(ui, name), i);
		assert_int_equal(ui_label_by_key(ui, keys[i]), i);
		assert_int_equal(ui->label_attr[i], A_BOLD); /* no colour: bold */
	}
	assert_int_equal(ui_label_index(ui, "L41"), -1);
	assert_int_equal(ui_draw_labels(ui), DESK_OK); /* again: the looks are replaced */
	desk_close(ui->d);
	desk_labels_free(ui->labels);
	free(ui->label_attr);
	free(ui->label_pair);
	free(ui);
}

static char *
printed(void (*print)(FILE *))
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	assert_non_null(f);
	print(f);
	assert_int_equal(fclose(f), 0);
	return s;
}

static void
test_help_text_and_man(void **state)
{
	char *text = printed(keymap_print_text), *man = printed(keymap_print_man);

	(void)state;
	assert_non_null(strstr(text, "Everywhere:\n  j, Down            down              "));
	assert_non_null(strstr(text, "\n\nReader:\n  h, Left            left              "));
	assert_non_null(strstr(text,
	                       "  b                  word-prev         back to the start of the "
	                       "word (page up is -, PgUp or C-b)\n"));
	assert_non_null(strstr(text, "  Space, PgDn, C-f   page-down         forward a screen\n"));
	assert_non_null(strstr(text, "  :goto LINE                       to screen line LINE"));
	assert_non_null(strstr(man, ".SS Reader\n"));
	assert_non_null(strstr(man, ".TP\n.B \"Space, PgDn, C\\-f\"\nforward a screen "
	                            "(\\fBpage\\-down\\fP)\n"));
	/* What the reader's b says of page up is true. */
	expect_lookup("reader", '-', "page-up");
	expect_lookup("reader", KEYMAP_PGUP, "page-up");
	expect_lookup("reader", KEYMAP_CTRL('b'), "page-up");
	free(text);
	free(man);
}

/* --- counts before keys, Tab, ambiguous names, :set ------------------------ */

/* Press keys (a string of ASCII keys) on a fresh stand-in; the last motion asked for. */
static struct ui *
press(const char *k)
{
	struct ui *ui = fake_ui();

	memset(&seen, 0, sizeof seen);
	for (; *k; k++)
		ui_cmds_key(ui, *k);
	return ui;
}

static void
expect_keys(const char *k, int calls, enum view_move move, int64_t n)
{
	struct ui *ui = press(k);

	if (seen.calls != calls || (calls && (seen.move != move || seen.n != n)))
		fail_msg("keys \"%s\": %d calls, move %d n %lld; wanted %d, %d, %lld", k,
		         seen.calls, seen.move, (long long)seen.n, calls, move, (long long)n);
	assert_int_equal(ui->count, 0);
	free(ui->search);
	free(ui);
}

static void
test_counts(void **state)
{
	struct ui *ui;

	(void)state;
	/* A count moves N times as far, for every motion that takes N. */
	expect_keys("5j", 1, VIEW_DOWN, 5);
	expect_keys("j", 1, VIEW_DOWN, 1);
	expect_keys("3w", 1, VIEW_WORD_NEXT, 3);
	expect_keys("12k", 1, VIEW_UP, 12);
	expect_keys("2l", 1, VIEW_RIGHT, 2);
	expect_keys("4h", 1, VIEW_LEFT, 4);
	expect_keys("2b", 1, VIEW_WORD_PREV, 2);
	expect_keys("3 ", 1, VIEW_PAGE_DOWN, 3);
	expect_keys("2-", 1, VIEW_PAGE_UP, 2);
	/* 0 alone is a key (the line's start); after a digit it is one. */
	expect_keys("0", 1, VIEW_LINE_START, 1);
	expect_keys("10j", 1, VIEW_DOWN, 10);
	/* NG and Ng go to line N, as in vi and less. */
	expect_keys("7G", 1, VIEW_GOTO, 7);
	expect_keys("7g", 1, VIEW_GOTO, 7);
	expect_keys("G", 1, VIEW_BOTTOM, 1);
	/* The count is used once: the next key has none. */
	ui = press("5jj");
	assert_int_equal(seen.calls, 2);
	assert_int_equal(seen.n, 1);
	free(ui);
	/* A count repeats a jump (3n: the third match on). */
	ui = fake_ui();
	ui->search = strdup("x");
	memset(&seen, 0, sizeof seen);
	ui_cmds_key(ui, '3');
	assert_string_equal(ui->message, "3"); /* the count shows as it is typed */
	ui_cmds_key(ui, 'n');
	assert_int_equal(seen.calls, 3);
	free(ui->search);
	free(ui);
	/* A huge count is capped, not overflowed. */
	ui = press("99999999999999999999j");
	assert_int_equal(seen.calls, 1);
	assert_true(seen.n > 0 && seen.n <= 100000);
	free(ui);
}

static void
expect_complete(const char *cmd, const char *line, size_t n, const char *out, const char *list)
{
	struct ui *ui = fake_ui();
	char got[256] = "", matches[256] = "";

	assert_int_equal(ui_cmds_complete(ui, cmd, line, got, sizeof got, matches, sizeof matches),
	                 n);
	if (n > 0)
		assert_string_equal(got, out);
	if (list)
		assert_string_equal(matches, list);
	free(ui);
}

static void
test_complete(void **state)
{
	(void)state;
	/* A command's name: unique, then a space when it takes an argument. */
	expect_complete(NULL, "nohl", 1, "nohlsearch", NULL);
	expect_complete(NULL, "stat", 3, "stat", "status  status-next  stats");
	expect_complete(NULL, "stats", 1, "stats", NULL);
	expect_complete(NULL, "status-", 1, "status-next", NULL);
	expect_complete(NULL, "fo", 1, "fold ", NULL);
	expect_complete(NULL, ":boil", 1, ":boilerplate", NULL);
	/* Several: their common beginning, and the list of them. */
	expect_complete(NULL, "sea", 3, "search", "search  search-next  search-prev");
	expect_complete(NULL, "zz", 0, "", "");
	/* An argument from the table's alternatives. */
	expect_complete(NULL, "status p", 1, "status progress", NULL);
	expect_complete(NULL, "status ", 3, "status ", "new  progress  done");
	expect_complete(NULL, "fold o", 2, "fold o", "on  off");
	expect_complete(NULL, "set a", 2, "set align=", "align=left  align=centre");
	expect_complete(NULL, "set w", 1, "set width=", NULL);
	/* A fixed prompt's line is the argument alone. */
	expect_complete("status", "d", 1, "done", NULL);
	expect_complete("candidates", "of", 1, "off", NULL);
	/* Nothing for a placeholder (a name, a line). */
	expect_complete(NULL, "goto 1", 0, "", "");
}

static void
test_ambiguous_lists(void **state)
{
	(void)state;
	expect_line("sea", DESK_ERROR, -1, 0, "search, search-next, search-prev");
	expect_line("claims-", DESK_ERROR, -1, 0, "claims-status, claims-verdict, claims-scope");
}

static void
test_set(void **state)
{
	struct ui *ui = fake_ui();

	(void)state;
	assert_int_equal(ui_cmds_run_line(ui, "set width=72"), 0);
	assert_int_equal(ui->width, 72);
	assert_int_equal(ui_cmds_run_line(ui, "set align=centre"), 0);
	assert_int_equal(ui->centre, 1);
	assert_non_null(strstr(ui->message, "72 columns wide, centred"));
	assert_int_equal(ui_cmds_run_line(ui, "set align=left"), 0);
	assert_int_equal(ui->centre, 0);
	assert_int_equal(ui_cmds_run_line(ui, "set width=0"), 0);
	assert_int_equal(ui->width, 0);
	assert_int_equal(ui_cmds_run_line(ui, "set width=5"), DESK_ERROR);
	assert_int_equal(ui_cmds_run_line(ui, "set width=abc"), DESK_ERROR);
	assert_int_equal(ui_cmds_run_line(ui, "set width="), DESK_ERROR);
	assert_int_equal(ui_cmds_run_line(ui, "set align=right"), DESK_ERROR);
	assert_non_null(strstr(ui->message, "align=left|centre"));
	assert_int_equal(ui->width, 0);
	free(ui);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookup_view_then_global),
	    cmocka_unit_test(test_key_names),
	    cmocka_unit_test(test_prompt_commands),
	    cmocka_unit_test(test_prompt_other_commands),
	    cmocka_unit_test(test_find),
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_help_lists_the_table),
	    cmocka_unit_test(test_help_text_and_man),
	    cmocka_unit_test(test_counts),
	    cmocka_unit_test(test_complete),
	    cmocka_unit_test(test_ambiguous_lists),
	    cmocka_unit_test(test_set),
	    cmocka_unit_test(test_many_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
