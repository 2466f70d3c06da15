/*
 * tui_keys.c - how long a key takes to reach the screen, and how many bytes
 * it sends, measured on the real program in a pseudo-terminal:
 *
 *   tui_keys [-x COLS] [-y ROWS] [-n REPEAT] -- copydesk --db DB
 *
 * The program runs with TERM=xterm-256color in a COLSxROWS pty.  After its
 * first screen, each key of a script (open the first article, then j, k,
 * Space, b, w, G, g, /search, a label key, u, C-r, S, then G, k, g, j back in the list)
 * is written REPEAT times; for each press
 * the time from the write to the last byte of the answer (the output then
 * stays quiet for QUIET_MS) and the bytes are recorded.  It prints the
 * median and the 95th percentile per key, and the bytes per key.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 40
/* A press that sends nothing (a motion at the end) costs this long. */
#define FIRST_MS 300

static double
keys_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/*
 * Wait up to first_ms for the answer to begin, then read until the output
 * has been quiet for quiet_ms; the bytes and the time of the last.
 */
static size_t
keys_drain(int fd, int first_ms, int quiet_ms, double *last)
{
	char buf[65536];
	size_t total = 0;
	struct pollfd p = {fd, POLLIN, 0};

	*last = keys_now();
	for (;;) {
		int r = poll(&p, 1, total == 0 ? first_ms : quiet_ms);
		ssize_t k;

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if ((k = read(fd, buf, sizeof buf)) <= 0)
			break;
		total += (size_t)k;
		*last = keys_now();
	}
	return total;
}

static int
keys_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

struct keys_step {
	const char *name; /* as printed */
	const char *bytes;
	int measure; /* 0: setup only, 1: REPEAT presses, 2: one press */
};

static const struct keys_step keys_script[] = {
    {"Enter (open)", "\r", 2},
    {"g (top)", "g", 0},
    {"j", "j", 1},
    {"k", "k", 1},
    {"l", "l", 1},
    {"w", "w", 1},
    {"b", "b", 1},
    {"Space", " ", 1},
    {"-", "-", 1},
    {"G", "G", 2},
    {"g", "g", 2},
    {"/ the\\n", "/the\r", 1},
    {"n", "n", 1},
    {"P (tag)", "P", 2},
    {"u (undo)", "u", 2},
    {"C-r (redo)", "\x12", 2},
    {"S (status)", "S", 2},
    {"q (list)", "q", 0},
    {"G (list)", "G", 2},
    {"k (list)", "k", 1},
    {"g (list)", "g", 2},
    {"j (list)", "j", 1},
};

int
main(int argc, char **argv)
{
	int cols = 80, rows = 24, repeat = 50, opt, fd, status;
	struct winsize ws;
	double last, t0;
	pid_t pid;

	while ((opt = getopt(argc, argv, "x:y:n:")) != -1) {
		if (opt == 'x')
			cols = atoi(optarg);
		else if (opt == 'y')
			rows = atoi(optarg);
		else if (opt == 'n')
			repeat = atoi(optarg);
		else
			goto usage;
	}
	if (optind >= argc || repeat < 1 || cols < 10 || rows < 5)
		goto usage;
	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) < 0) {
		perror("tui_keys: forkpty");
		return 1;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		unsetenv("NO_COLOR");
		execvp(argv[optind], argv + optind);
		perror("tui_keys: exec");
		_exit(127);
	}
	t0 = keys_now();
	keys_drain(fd, 5000, 300, &last);
	printf("first screen: %.1f ms (%dx%d, TERM=xterm-256color, %d presses a key)\n\n",
	       last - t0, cols, rows, repeat);
	printf("%-14s %10s %10s %12s\n", "key", "median ms", "p95 ms", "bytes/key");
	for (size_t s = 0; s < sizeof keys_script / sizeof *keys_script; s++) {
		const struct keys_step *k = &keys_script[s];
		int n = k->measure == 1 ? repeat : 1;
		double *ms = calloc((size_t)n, sizeof *ms);
		size_t bytes = 0;

		if (ms == NULL)
			return 1;
		for (int i = 0; i < n; i++) {
			double start = keys_now();

			if (write(fd, k->bytes, strlen(k->bytes)) < 0)
				break;
			bytes += keys_drain(fd, k->measure == 1 ? FIRST_MS : 5000, QUIET_MS, &last);
			ms[i] = last - start;
		}
		if (k->measure) {
			qsort(ms, (size_t)n, sizeof *ms, keys_cmp);
			printf("%-14s %10.2f %10.2f %12.0f\n", k->name, ms[n / 2],
			       ms[(size_t)(n * 95) / 100 < (size_t)n ? (size_t)(n * 95) / 100
			                                             : (size_t)n - 1],
			       (double)bytes / n);
		}
		free(ms);
	}
	if (write(fd, "q", 1) < 0)
		perror("tui_keys: write");
	keys_drain(fd, 5000, 300, &last);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	return 0;
usage:
	fprintf(stderr, "usage: tui_keys [-x COLS] [-y ROWS] [-n REPEAT] -- PROGRAM [ARGS...]\n");
	return 2;
}
