/*
 * ui.c - curses start and stop, signals, the windows and the event loop:
 * read a key, dispatch it through the keymap to a command, and draw what the
 * command marked dirty with one doupdate().  Nothing clears the screen per
 * key; only dirty lines are drawn again and curses sends the difference.
 * The views come through their table (views.c): the loop names none of them.
 */
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "keymap.h"
#include "upgrade.h"
#include "ui.h"
#include "ui_cmds.h"
#include "view.h"

/* How long a key is waited for before the loop looks at signals and the database. */
#define UI_TICK_MS 250
/* The reader's widest line unless :set width says otherwise. */
#define UI_READ_WIDTH 100
/* How many ticks between looks at the database for other editors' changes. */
#define UI_POLL_TICKS 4
/* Articles an idle tick upgrades: tens of milliseconds of write lock. */
#define UI_UPGRADE_STEP 250

static volatile sig_atomic_t ui_signo;

static void
ui_on_signal(int signo)
{
	ui_signo = signo;
}

/* The signals that end the interface, and what was there before. */
static const int ui_signals[] = {SIGHUP, SIGTERM, SIGINT};
static struct sigaction ui_old_actions[sizeof ui_signals / sizeof *ui_signals];

static void
ui_signals_catch(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns and the loop sees the flag */
	for (size_t i = 0; i < sizeof ui_signals / sizeof *ui_signals; i++)
		sigaction(ui_signals[i], &sa, &ui_old_actions[i]);
}

static void
ui_signals_restore(void)
{
	for (size_t i = 0; i < sizeof ui_signals / sizeof *ui_signals; i++)
		sigaction(ui_signals[i], &ui_old_actions[i], NULL);
}

/* (Re)make the windows for the terminal's size: the body, the status line, the messages. */
static int
ui_windows(struct ui *ui)
{
	unsigned char *dirty;
	attr_t a;
	short p;

	if (ui->body)
		delwin(ui->body);
	if (ui->bar)
		delwin(ui->bar);
	if (ui->msg)
		delwin(ui->msg);
	ui->body = ui->bar = ui->msg = NULL;
	ui->small = COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
	if (ui->small)
		return DESK_OK;
	if ((dirty = realloc(ui->dirty, (size_t)LINES)) == NULL)
		return DESK_NOMEM;
	ui->dirty = dirty;
	ui->rows = LINES - 2;
	ui->cols = COLS;
	ui->body = newwin(ui->rows, ui->cols, 0, 0);
	ui->bar = newwin(1, COLS, LINES - 2, 0);
	ui->msg = newwin(1, COLS, LINES - 1, 0);
	if (!ui->body || !ui->bar || !ui->msg)
		return DESK_NOMEM;
	idlok(ui->body, TRUE); /* curses may scroll the terminal instead of sending lines */
	ui_draw_look(ui, UI_BAR, &a, &p);
	wbkgdset(ui->bar, ' ' | a | COLOR_PAIR(p));
	ui_dirty_all(ui);
	return DESK_OK;
}

static int
ui_resize(struct ui *ui)
{
	int rc, was_small = ui->small;

	if ((rc = ui_windows(ui)) != DESK_OK)
		return rc;
	if (!ui->small) {
		views[VIEW_HOME]->resize(ui);
		if (ui->view != views[VIEW_HOME] && ui->view->resize)
			ui->view->resize(ui);
	}
	if (ui->small || was_small)
		touchwin(stdscr);
	return DESK_OK;
}

/*
 * Below the minimum size: a plain message, drawn in stdscr.  It is ASCII, so
 * a byte is a column: split it on spaces into lines of the width (a word
 * longer than the width is cut), as many as there are rows.
 */
static void
ui_draw_small(void)
{
	char s[128];
	const char *p = s;
	int y = 0;

	werase(stdscr);
	snprintf(s, sizeof s, "window too small (%dx%d, need %dx%d)", COLS, LINES, UI_MIN_COLS,
	         UI_MIN_ROWS);
	while (*p && y < LINES && COLS > 0) {
		int n = (int)strlen(p);

		if (n > COLS) {
			for (n = COLS; n > 0 && p[n] != ' '; n--)
				;
			if (n == 0)
				n = COLS;
		}
		mvwaddnstr(stdscr, y++, 0, p, n);
		for (p += n; *p == ' '; p++)
			;
	}
	wnoutrefresh(stdscr);
	doupdate();
}

static void
ui_draw_msg(struct ui *ui)
{
	werase(ui->msg);
	if (ui->prompt) {
		ui_prompt_draw(ui);
	} else if (ui->message[0]) {
		ui_draw_text(ui, ui->msg, 0, 0, ui->message, ui->cols - 1,
		             ui->message_error ? UI_ERROR : UI_NORMAL);
	}
	ui->dirty_msg = 0;
}

void
ui_flush_message(struct ui *ui)
{
	if (ui->small || ui->msg == NULL)
		return;
	ui_draw_msg(ui);
	wnoutrefresh(ui->msg);
	doupdate();
}

/* Draw what is dirty, place the cursor, and send it all with one doupdate(). */
static void
ui_render(struct ui *ui)
{
	int any = 0;

	if (ui->small) {
		if (ui->redraw || is_wintouched(stdscr)) {
			if (ui->redraw)
				clearok(curscr, TRUE);
			ui->redraw = 0;
			ui_draw_small();
		}
		return;
	}
	if (ui->redraw) {
		clearok(curscr, TRUE);
		ui_dirty_all(ui);
		ui->redraw = 0;
	}
	if (is_wintouched(stdscr)) {
		/* After a resize stdscr is touched; refresh it first, under the windows. */
		wnoutrefresh(stdscr);
		ui_dirty_all(ui);
	}
	if (memchr(ui->dirty, 1, (size_t)ui->rows)) {
		ui->view->draw(ui);
		ui_prompt_draw_over(ui);
		memset(ui->dirty, 0, (size_t)ui->rows);
		wnoutrefresh(ui->body);
		any = 1;
	}
	if (ui->dirty_bar) {
		werase(ui->bar);
		if (ui->prompt && ui->matches[0]) /* what Tab found, while the prompt is open */
			ui_draw_text(ui, ui->bar, 0, 0, ui->matches, ui->cols, UI_BAR);
		else
			ui->view->draw_bar(ui);
		ui->dirty_bar = 0;
		wnoutrefresh(ui->bar);
		any = 1;
	}
	if (ui->dirty_msg) {
		ui_draw_msg(ui);
		wnoutrefresh(ui->msg);
		any = 1;
	}
	if (!any)
		return;
	/* The terminal's cursor goes where the last window refreshed has its own. */
	if (ui->prompt) {
		curs_set(1);
		wnoutrefresh(ui->msg);
	} else {
		ui->view->cursor(ui);
		wnoutrefresh(ui->body);
	}
	doupdate();
}

/* curses' special keys as the keymap's. */
static const struct {
	int curses, key;
} ui_keys[] = {
    {KEY_UP, KEYMAP_UP},       {KEY_DOWN, KEYMAP_DOWN},   {KEY_LEFT, KEYMAP_LEFT},
    {KEY_RIGHT, KEYMAP_RIGHT}, {KEY_HOME, KEYMAP_HOME},   {KEY_END, KEYMAP_END},
    {KEY_PPAGE, KEYMAP_PGUP},  {KEY_NPAGE, KEYMAP_PGDN},  {KEY_BACKSPACE, KEYMAP_BACKSPACE},
    {KEY_DC, KEYMAP_DELETE},   {KEY_ENTER, KEYMAP_ENTER}, {KEY_RESIZE, KEYMAP_RESIZE},
    {KEY_A1, KEYMAP_HOME},     {KEY_C1, KEYMAP_END},      {KEY_A3, KEYMAP_PGUP},
    {KEY_C3, KEYMAP_PGDN},     {KEY_BTAB, KEYMAP_BTAB},
};

/*
 * Whether the terminal is gone (the link dropped, the pty's other end
 * closed): curses then gives ERR at once, as for a tick without a key, and
 * the loop would spin on it for ever where the hang-up's SIGHUP did not
 * reach the program (a session leader that ignores it, nohup).
 */
static int
ui_terminal_gone(void)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};

	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* The next key, KEYMAP_NONE after a tick without one, or -1 for a key nothing knows. */
static int
ui_getkey(void)
{
	wint_t wc;
	int r = ui_probe_getkey(&wc);

	if (r == ERR)
		return KEYMAP_NONE;
	if (r == KEY_CODE_YES) {
		for (size_t i = 0; i < sizeof ui_keys / sizeof *ui_keys; i++)
			if (ui_keys[i].curses == (int)wc)
				return ui_keys[i].key;
		return -1;
	}
	if (wc == '\n')
		return KEYMAP_ENTER;
	return wc < KEYMAP_SPECIAL ? (int)wc : -1;
}

/* A key outside the prompt: through the keymap to a command. */
static void
ui_key(struct ui *ui, int key)
{
	const char *cmd;

	if (key == KEYMAP_RESIZE) {
		if (ui_resize(ui) != DESK_OK)
			ui->quit = 1;
		return;
	}
	/* Below the minimum size nothing is seen: no key acts blind but q's (close, quit). */
	if (ui->small) {
		cmd = key >= 0 && !ui->prompt && !ui->pending && !ui->confirm[0]
		          ? keymap_lookup(ui->view->name, key)
		          : NULL;
		if (cmd && (strcmp(cmd, "quit") == 0 || strcmp(cmd, "close") == 0))
			ui_cmds_run(ui, cmd, NULL);
		return;
	}
	if (ui->message[0]) {
		ui->message[0] = '\0';
		ui->dirty_msg = 1;
	}
	if (ui->prompt) {
		ui_prompt_key(ui, key);
		return;
	}
	if (key < 0)
		return;
	if (ui->pending && strcmp(ui->pending, "verdict") == 0) {
		ui_cmds_verdict_key(ui, key);
		return;
	}
	if (ui->pending) {
		ui_cmds_pending_key(ui, key);
		return;
	}
	if (ui->confirm[0]) {
		ui_cmds_confirm_key(ui, key);
		return;
	}
	ui_cmds_key(ui, key); /* a count, a key of the keymap, or a label's key */
}

/* Nothing pressed for a while: see whether another editor changed the list or the spans. */
static void
ui_idle(struct ui *ui)
{
	if (!desk_changed(ui->d))
		return;
	for (int i = 0; i < VIEW_NVIEWS; i++)
		if (views[i]->changed)
			views[i]->changed(ui);
}

/*
 * On an idle tick, one step of what a database left by an older copydesk
 * still owes (upgrade.h): the interface opens at once, and indexes while
 * the editor reads.  The progress does not hide another message.
 */
static void
ui_upgrade(struct ui *ui)
{
	size_t which;
	int64_t left;
	char msg[sizeof ui->upgrade_msg];
	int show = ui->message[0] == '\0' || strcmp(ui->message, ui->upgrade_msg) == 0;

	if (upgrade_step(&which, &left, ui->d, UI_UPGRADE_STEP) != DESK_OK) {
		ui->upgrading = 0;
		ui_error(ui, "Left for the next time: %s", desk_errmsg(ui->d));
		return;
	}
	if (which < upgrade_count) {
		ui->upgraded = 1;
		snprintf(msg, sizeof msg, "%s: %lld left; %s", upgrade_table[which].what,
		         (long long)left, upgrade_table[which].meanwhile);
		if (show) {
			snprintf(ui->upgrade_msg, sizeof ui->upgrade_msg, "%s", msg);
			ui_message(ui, "%s", msg);
		}
		return;
	}
	ui->upgrading = 0;
	if (!ui->upgraded)
		return;
	for (int i = 0; i < VIEW_NVIEWS; i++)
		if (views[i]->changed)
			views[i]->changed(ui);
	if (show)
		ui_message(ui, "The indexes are up to date");
}

/* Curses needs a UTF-8 locale to read and draw Vietnamese; take C.UTF-8 if the user's is not. */
static void
ui_locale(void)
{
	static const char *const fallback[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return;
	for (size_t i = 0; i < sizeof fallback / sizeof *fallback; i++)
		if (setlocale(LC_CTYPE, fallback[i]) != NULL)
			return;
}

static SCREEN *
ui_start(void)
{
	SCREEN *s;
	char *cup;

	ui_locale();
	if ((s = newterm(NULL, stdout, stdin)) == NULL)
		return NULL;
	set_term(s);
	/* A terminal that cannot move the cursor (dumb, emacs' shell) would only get garbage. */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(s);
		return NULL;
	}
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	wtimeout(stdscr, UI_TICK_MS);
	set_escdelay(25);
	curs_set(0);
	leaveok(stdscr, TRUE);
	return s;
}

/*
 * Each view's hook new (start 0: its state made) or start (1: what it shows
 * read the first time), in the table's order, up to the first failure; a
 * DESK_* code.
 */
static int
ui_views(struct ui *ui, int start)
{
	int rc = DESK_OK;

	for (int i = 0; i < VIEW_NVIEWS && rc == DESK_OK; i++) {
		int (*hook)(struct ui *) = start ? views[i]->start : views[i]->new;

		if (hook)
			rc = hook(ui);
	}
	return rc;
}

static void
ui_free(struct ui *ui)
{
	if (ui->view && ui->view->close)
		ui->view->close(ui);
	ui_prompt_end(ui);
	for (int i = VIEW_NVIEWS - 1; i >= 0; i--)
		if (views[i]->free)
			views[i]->free(ui);
	desk_labels_free(ui->labels);
	free(ui->label_attr);
	free(ui->label_pair);
	if (ui->body)
		delwin(ui->body);
	if (ui->bar)
		delwin(ui->bar);
	if (ui->msg)
		delwin(ui->msg);
	free(ui->dirty);
	free(ui->search);
	lineedit_free(&ui->edit);
	prompthist_free(&ui->hist[0]);
	prompthist_free(&ui->hist[1]);
}

int
ui_main(desk *d)
{
	struct ui ui;
	SCREEN *screen;
	int tick = 0;

	memset(&ui, 0, sizeof ui);
	ui.d = d;
	ui.width = UI_READ_WIDTH;
	ui.upgrading = 1; /* whether any is owed: the first idle tick finds out */
	lineedit_init(&ui.edit);
	layout_tone_cells(ui_probe_tones()); /* before curses: it writes and reads the terminal */
	if ((screen = ui_start()) == NULL) {
		const char *term = getenv("TERM") ? getenv("TERM") : "";
		char *e = NULL;

		desk_escape(&e, NULL, term, strlen(term), DESK_ESCAPE_LINES);
		fprintf(stderr, "copydesk: cannot use the terminal (TERM=%s)\n", e ? e : "");
		free(e);
		return 1;
	}
	ui_probe_give_back();
	/* The prompts' history and settings once the screen is ours (nothing to free before). */
	prompthist_init(&ui.hist[0]);
	prompthist_init(&ui.hist[1]);
	ui_prompt_load(&ui);
	ui_signo = 0;
	ui_signals_catch();
	ui_draw_init(&ui);
	if (ui_windows(&ui) != DESK_OK || ui_views(&ui, 0) != DESK_OK) {
		ui.exit_status = EXIT_SOFTWARE;
		goto done;
	}
	if (ui_views(&ui, 1) != DESK_OK || ui_draw_labels(&ui) != DESK_OK)
		ui_error(&ui, "%s", desk_errmsg(d));
	ui_switch(&ui, views[VIEW_HOME]);
	desk_changed(d);
	while (!ui.quit && !ui_signo) {
		int key;

		ui_render(&ui);
		key = ui_getkey();
		/* C-c at a prompt or a question cancels it, as in vim; elsewhere it quits. */
		if (ui_signo == SIGINT && !ui.small && (ui.prompt || ui.pending || ui.confirm[0])) {
			ui_signo = 0;
			key = KEYMAP_CTRL('c');
		}
		if (ui_signo)
			break;
		if (key == KEYMAP_NONE) {
			if (ui_terminal_gone()) { /* as if hung up: the same orderly end */
				ui_signo = SIGHUP;
				break;
			}
			if (ui.upgrading)
				ui_upgrade(&ui);
			if (++tick % UI_POLL_TICKS == 0)
				ui_idle(&ui);
			continue;
		}
		ui_key(&ui, key);
	}
	if (ui_signo)
		ui.exit_status = 128 + ui_signo;
	ui_prompt_save(&ui);
done:
	ui_free(&ui); /* the reader's close saves the reading position */
	endwin();
	delscreen(screen);
	ui_signals_restore();
	return ui.exit_status;
}
