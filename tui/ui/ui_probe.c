/*
 * ui_probe.c - ask the terminal what wcwidth() cannot tell: whether it draws
 * an emoji's skin tone joined to the emoji (two columns, most terminals) or
 * apart (four, as tmux 3.3 does).  Before curses starts, the emoji is written
 * at the start of the line, the cursor's place asked for (DSR, ESC [ 6 n) and
 * the line cleared again; the column of the answer tells.
 *
 * Asked once per kind of terminal: the answer is remembered in the data
 * directory's "terminals" file (termcache.c), keyed by $TERM,
 * $TERM_PROGRAM and $TERM_PROGRAM_VERSION, and a start that finds it there
 * writes and waits for nothing.  A terminal that does not answer within
 * UI_PROBE_WAIT is taken to join them and remembered as silent, so that it
 * costs the wait once, not at every start.
 *
 * What the editor types before or while the terminal answers is read with
 * the answer; every key but the answer's is given back to curses, in order,
 * once it starts (ui_probe_give_back).  An answer that comes after the wait
 * (a slow link) would reach curses as keys ([ is a command, digits counts):
 * so, for the rest of a run that asked and had no answer, ui_probe_getkey()
 * passes the keys through the same filter (cpr.c) and takes out a complete
 * report wherever it comes, held keys being let go when the next does not
 * continue a report or none comes within UI_PROBE_PIECE.  That holds on a
 * link of any speed, where a bounded drain before curses would not; its cost
 * is that a lone Esc waits UI_PROBE_PIECE longer, in that one run only.  The
 * late answer is remembered for the next start.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cpr.h"
#include "datadir.h"
#include "termcache.h"
#include "ui_state.h"

/* How long the terminal's answer is waited for before curses, in milliseconds. */
#define UI_PROBE_WAIT 300
/* How long the rest of a report is waited for once its start came, in milliseconds. */
#define UI_PROBE_PIECE 50
/* Keys read before the answer are kept up to this many bytes (curses' queue is short). */
#define UI_PROBE_AHEAD 64
/* The cache's file in the data directory. */
#define UI_PROBE_CACHE "terminals"
/* Put after the keys given back: none of them goes through the filter. */
#define UI_PROBE_MARK KEY_MAX
/* A curses key code (KEY_CODE_YES) as the filter sees it: never part of a report. */
#define UI_PROBE_CODE 0x200000

static struct {
	char key[TERMCACHE_KEY_MAX + 1]; /* the terminal's key in the cache, "" for none */
	char ahead[UI_PROBE_AHEAD];      /* keys typed ahead, to give back */
	size_t nahead;
	int late;    /* an answer is still to come: filter the keys */
	int passing; /* the keys given back are being read: up to the mark */
	struct cpr cpr;
	int queue[CPR_HELD_MAX + 1]; /* keys let go by the filter, to be read */
	size_t nqueue, at;
} ui_probe;

static double
ui_probe_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Remember tones for this terminal, if it has a key. */
static void
ui_probe_remember(int tones)
{
	char *path;

	if (ui_probe.key[0] == '\0' || (path = datadir_path(UI_PROBE_CACHE)) == NULL)
		return;
	if (datadir_mkdirs(path) == 0)
		termcache_store(path, ui_probe.key, tones);
	free(path);
}

/* The answer's column to the tones: after four columns the cursor is at column 5. */
static int
ui_probe_tones_of(int col)
{
	return col == 5 ? TERMCACHE_APART : TERMCACHE_JOINED;
}

/*
 * Write the probe and read until the answer, the wait's end or a full
 * buffer of keys; 1 with *tones when it answered.
 */
static int
ui_probe_ask(int *tones)
{
	static const char probe[] = "\r\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\033[6n";
	double end = ui_probe_now() + UI_PROBE_WAIT;
	int out[CPR_HELD_MAX + 1];
	size_t nout;

	if (write(STDOUT_FILENO, probe, sizeof probe - 1) != (ssize_t)(sizeof probe - 1))
		return 0;
	for (;;) {
		struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
		double left = end - ui_probe_now();
		unsigned char c;

		/* Room for what a byte may let go: else the rest waits in the terminal's queue. */
		if (left <= 0 || ui_probe.nahead + CPR_HELD_MAX + 1 > UI_PROBE_AHEAD ||
		    poll(&pfd, 1, (int)left + 1) <= 0 || read(STDIN_FILENO, &c, 1) != 1)
			break;
		if (cpr_feed(&ui_probe.cpr, c, out, &nout)) {
			*tones = ui_probe_tones_of(ui_probe.cpr.col);
			return 1;
		}
		for (size_t i = 0; i < nout; i++)
			ui_probe.ahead[ui_probe.nahead++] = (char)out[i];
	}
	return 0;
}

int
ui_probe_tones(void)
{
	static const char clear[] = "\r\033[K";
	const char *term = getenv("TERM");
	struct termios old, raw;
	int tones = TERMCACHE_NONE;

	memset(&ui_probe, 0, sizeof ui_probe);
	cpr_init(&ui_probe.cpr);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || term == NULL ||
	    strcmp(term, "dumb") == 0)
		return 0;
	if (termcache_key(ui_probe.key, sizeof ui_probe.key, term, getenv("TERM_PROGRAM"),
	                  getenv("TERM_PROGRAM_VERSION")) == 0) {
		char *path = datadir_path(UI_PROBE_CACHE);

		tones = path ? termcache_load(path, ui_probe.key) : TERMCACHE_NONE;
		free(path);
		if (tones != TERMCACHE_NONE)
			return tones == TERMCACHE_APART;
	}
	if (tcgetattr(STDIN_FILENO, &old) != 0)
		return 0;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return 0;
	if (!ui_probe_ask(&tones)) {
		tones = TERMCACHE_SILENT;
		ui_probe.late = 1;
	}
	if (write(STDOUT_FILENO, clear, sizeof clear - 1) < 0) {
		/* nothing to do: curses clears the screen next */
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &old);
	ui_probe_remember(tones);
	return tones == TERMCACHE_APART;
}

void
ui_probe_give_back(void)
{
	int keys[UI_PROBE_AHEAD];
	size_t n = 0;

	if (ui_probe.nahead == 0)
		return;
	/* An escape sequence curses knows goes back as its key, as if curses had read it. */
	for (size_t i = 0; i < ui_probe.nahead;) {
		size_t len = 0;
		int code = 0;

		if (ui_probe.ahead[i] == 0x1b) {
			char s[UI_PROBE_AHEAD + 1];

			/* Up to a NUL (C-Space): key_defined() reads no further. */
			for (len = strnlen(ui_probe.ahead + i, ui_probe.nahead - i); len > 1;
			     len--) {
				memcpy(s, ui_probe.ahead + i, len);
				s[len] = '\0';
				if ((code = key_defined(s)) > 0)
					break;
				/*
				 * Typed before curses turned the keypad on, an arrow, Home or End
				 * came as ESC [ A; the terminal's description has ESC O A.
				 */
				if (len == 3 && s[1] == '[' && strchr("ABCDHF", s[2]) != NULL) {
					s[1] = 'O';
					if ((code = key_defined(s)) > 0)
						break;
				}
			}
		}
		if (code > 0) {
			keys[n++] = code;
			i += len;
		} else {
			keys[n++] = (unsigned char)ui_probe.ahead[i++];
		}
	}
	/* ungetch() puts a key in front: the mark first, then the keys from the last. */
	ui_probe.passing = ungetch(UI_PROBE_MARK) == OK;
	while (n > 0)
		ungetch(keys[--n]);
	ui_probe.nahead = 0;
}

/* The next key the filter let go, as wget_wch() gives it. */
static int
ui_probe_pop(wint_t *wc)
{
	int k = ui_probe.queue[ui_probe.at++];

	if (ui_probe.at == ui_probe.nqueue)
		ui_probe.at = ui_probe.nqueue = 0;
	if (k >= UI_PROBE_CODE) {
		*wc = (wint_t)(k - UI_PROBE_CODE);
		return KEY_CODE_YES;
	}
	*wc = (wint_t)k;
	return OK;
}

/* Whether a curses key is a report curses took for a key (ESC [ 1 ; 5 R is xterm's C-F3). */
static int
ui_probe_is_report(int code)
{
	char *s = keybound(code, 0);
	int row, col, yes = s && cpr_parse(s, strlen(s), &row, &col);

	if (yes)
		ui_probe.cpr.col = col;
	free(s);
	return yes;
}

int
ui_probe_getkey(wint_t *wc)
{
	for (;;) {
		int r, found;
		size_t nout = 0;

		if (ui_probe.nqueue > 0)
			return ui_probe_pop(wc);
		/* The rest of a report comes at once: a held start waits for it a little. */
		if (ui_probe.late && !ui_probe.passing && ui_probe.cpr.nheld > 0) {
			int delay = wgetdelay(stdscr);

			wtimeout(stdscr, UI_PROBE_PIECE);
			r = wget_wch(stdscr, wc);
			wtimeout(stdscr, delay);
		} else {
			r = wget_wch(stdscr, wc);
		}
		if (ui_probe.passing) {
			if (r == KEY_CODE_YES && *wc == UI_PROBE_MARK) {
				ui_probe.passing = 0;
				continue;
			}
			return r;
		}
		if (!ui_probe.late)
			return r;
		if (r == ERR) {
			if (ui_probe.cpr.nheld == 0)
				return r;
			ui_probe.nqueue = cpr_flush(&ui_probe.cpr, ui_probe.queue);
			continue;
		}
		if (r == KEY_CODE_YES && ui_probe.cpr.nheld == 0 && ui_probe_is_report((int)*wc))
			found = 1;
		else
			found = cpr_feed(&ui_probe.cpr,
			                 r == KEY_CODE_YES ? UI_PROBE_CODE + (int)*wc : (int)*wc,
			                 ui_probe.queue, &nout);
		if (found) {
			ui_probe.late = 0;
			ui_probe.nqueue = 0;
			ui_probe_remember(ui_probe_tones_of(ui_probe.cpr.col));
			continue;
		}
		ui_probe.nqueue = nout;
	}
}
