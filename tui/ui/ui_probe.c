/*
 * ui_probe.c - ask the terminal what wcwidth() cannot tell: whether it draws
 * an emoji's skin tone joined to the emoji (two columns, most terminals) or
 * apart (four, as tmux 3.3 does).  Before curses starts, the emoji is written
 * at the start of the line, the cursor's place asked for (DSR, ESC [ 6 n) and
 * the line cleared again.  A terminal that does not answer in time is taken
 * to join them.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ui_state.h"

/* How long the terminal's answer is waited for, in milliseconds. */
#define UI_PROBE_WAIT 300

int
ui_probe_tones(void)
{
	static const char probe[] = "\r\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\033[6n",
	                  clear[] = "\r\033[K";
	const char *term = getenv("TERM");
	struct termios old, raw;
	char buf[64], *esc;
	size_t n = 0;
	int row, col = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || term == NULL ||
	    strcmp(term, "dumb") == 0 || tcgetattr(STDIN_FILENO, &old) != 0)
		return 0;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return 0;
	if (write(STDOUT_FILENO, probe, sizeof probe - 1) == (ssize_t)(sizeof probe - 1)) {
		while (n < sizeof buf - 1) {
			struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};

			if (poll(&pfd, 1, UI_PROBE_WAIT) <= 0 ||
			    read(STDIN_FILENO, buf + n, 1) != 1)
				break;
			if (buf[n++] == 'R')
				break;
		}
	}
	buf[n] = '\0';
	if (write(STDOUT_FILENO, clear, sizeof clear - 1) < 0) {
		/* nothing to do: curses clears the screen next */
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &old);
	/* The answer ESC [ row ; col R: after four columns the cursor is at column 5. */
	if ((esc = strrchr(buf, '\033')) != NULL && sscanf(esc, "\033[%d;%dR", &row, &col) == 2)
		return col == 5;
	return 0;
}
