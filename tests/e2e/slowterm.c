/*
 * slowterm.c - a terminal on a slow link, for the e2e tests: runs a command
 * in a pseudo-terminal of its own terminal's size, passes keys and output
 * through, and answers the command's cursor position requests (DSR, ESC [ 6
 * n) itself, MS milliseconds late, with ESC [ ANSWER R; the request is not
 * passed on.  Each request is logged to LOG as a line "asked", each answer
 * sent as "answered".
 *
 *   slowterm MS ANSWER LOG -- COMMAND [ARGS...]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static double
slow_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
slow_log(const char *path, const char *what)
{
	FILE *f = fopen(path, "a");

	if (f) {
		fprintf(f, "%s\n", what);
		fclose(f);
	}
}

static int
slow_write(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const char dsr[] = "\033[6n";
	struct termios old, raw;
	struct winsize ws;
	char answer[64];
	double due = -1;
	size_t matched = 0;
	int fd, status, ms, tty;
	pid_t pid;

	if (argc < 6 || strcmp(argv[4], "--") != 0) {
		fprintf(stderr, "usage: slowterm MS ANSWER LOG -- COMMAND [ARGS...]\n");
		return 2;
	}
	ms = atoi(argv[1]);
	snprintf(answer, sizeof answer, "\033[%sR", argv[2]);
	tty = tcgetattr(STDIN_FILENO, &old) == 0;
	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0) {
		memset(&ws, 0, sizeof ws);
		ws.ws_col = 80;
		ws.ws_row = 24;
	}
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) < 0) {
		perror("slowterm: forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[5], argv + 5);
		perror("slowterm: exec");
		_exit(127);
	}
	if (tty) {
		raw = old;
		cfmakeraw(&raw);
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	for (;;) {
		struct pollfd p[2] = {{STDIN_FILENO, POLLIN, 0}, {fd, POLLIN, 0}};
		int wait = due < 0 ? -1 : (int)(due - slow_now()) + 1;
		char buf[4096], out[4096 + sizeof dsr];
		size_t nout = 0;
		ssize_t n;

		if (due >= 0 && wait <= 0) {
			slow_write(fd, answer, strlen(answer));
			slow_log(argv[3], "answered");
			due = -1;
			continue;
		}
		if (poll(p, 2, wait) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[0].revents & POLLIN) {
			if ((n = read(STDIN_FILENO, buf, sizeof buf)) <= 0)
				break;
			slow_write(fd, buf, (size_t)n);
		}
		if (p[1].revents & (POLLIN | POLLHUP)) {
			if ((n = read(fd, buf, sizeof buf)) <= 0)
				break;
			/* The output passed on without the requests (one may be cut between reads).
			 */
			for (ssize_t i = 0; i < n; i++) {
				if (buf[i] == dsr[matched]) {
					if (++matched < sizeof dsr - 1)
						continue;
					matched = 0;
					slow_log(argv[3], "asked");
					due = slow_now() + ms;
					continue;
				}
				memcpy(out + nout, dsr, matched);
				nout += matched;
				matched = 0;
				if (buf[i] == dsr[0])
					matched = 1;
				else
					out[nout++] = buf[i];
			}
			slow_write(STDOUT_FILENO, out, nout);
		}
	}
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
	close(fd); /* the command's terminal hangs up, if it is still there */
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
