/*
 * tui_keys.c - how long the program takes to draw its first screen and each
 * key's answer, and how many bytes it sends, measured on the real program
 * in a pseudo-terminal:
 *
 *   tui_keys [-x COLS] [-y ROWS] [-n REPEAT] [-q QUIET_MS] [-o LOG] [STEP...] -- PROGRAM [ARGS...]
 *   tui_keys -O RUNS [-x COLS] [-y ROWS] [-Q KEYS] -- PROGRAM [ARGS...]
 *
 * The program runs with TERM=xterm-256color in a COLSxROWS pty; the pty
 * answers a cursor position request (ESC [ 6 n) as a terminal does.  The
 * first screen is the output from the start (before fork) to its last byte
 * before the output stays quiet for FIRST_QUIET_MS.  After it, each STEP is
 * run in order:
 *
 *   -s KEYS        written once, its answer read and not measured (setup);
 *   -m NAME=KEYS   written REPEAT times, each press measured;
 *   -1 NAME=KEYS   written and measured once (a press that waits longer).
 *
 * Steps of the same name are pooled (G and g measured in turns: -1 G=G -1
 * g=g, again and again).
 * KEYS take \r, \n, \t, \e, \\ and \xHH.  Without steps, a script of the
 * reader and the list (open the first article, j, k, l, w, b, Space, -, G,
 * g, a search, n, a label key, u, C-r, S, then G, k, g, j in the list).
 * A press is measured from its write to the last byte of the answer (the
 * output then stays quiet for QUIET_MS, 40 by default): what an editor on a
 * slow link waits for.  It prints the first screen's time and bytes, then a
 * line per measured step (median and 95th percentile ms, bytes per press),
 * then q is written and the program's peak resident set (wait4) printed.
 * -o LOG keeps every byte the program sent, each press after a line
 * "=== NAME ===", to see what curses sends.
 *
 * -O RUNS starts the program RUNS times and prints each run's first screen
 * (ms and bytes), their median, and the largest peak RSS; each run is ended
 * by writing KEYS (-Q, default q).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 40
/* The first screen ends when nothing more comes for this long. */
#define FIRST_QUIET_MS 300
/* A press that sends nothing (a motion at the end) costs this long. */
#define FIRST_MS  300
#define MAX_STEPS 4096

static double
keys_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Where every byte the program sends goes too (-o), with a line before each press. */
static FILE *keys_log;

/* The last bytes read, to find a cursor position request cut across reads. */
static char keys_tail[4];

/* Answer every ESC [ 6 n in buf[0..n) with a position, as a terminal would. */
static void
keys_answer(int fd, const char *buf, size_t n)
{
	static const char req[] = "\033[6n";

	for (size_t i = 0; i < n; i++) {
		memmove(keys_tail, keys_tail + 1, sizeof keys_tail - 1);
		keys_tail[sizeof keys_tail - 1] = buf[i];
		if (memcmp(keys_tail, req, sizeof keys_tail) == 0 && write(fd, "\033[1;3R", 6) < 0)
			perror("tui_keys: write");
	}
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
		keys_answer(fd, buf, (size_t)k);
		if (keys_log)
			fwrite(buf, 1, (size_t)k, keys_log);
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

/* The median and the 95th percentile of ms[0..n), sorted in place. */
static void
keys_stats(double *ms, int n, double *p50, double *p95)
{
	size_t i95 = (size_t)(n * 95) / 100;

	qsort(ms, (size_t)n, sizeof *ms, keys_cmp);
	*p50 = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
	*p95 = ms[i95 < (size_t)n ? i95 : (size_t)n - 1];
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

/* The presses of the steps of one name, pooled: a key measured in turns with others. */
struct keys_result {
	const char *name;
	double *ms;
	int n, cap;
	size_t bytes;
};

static struct keys_result keys_results[MAX_STEPS];
static size_t keys_nresults;

/* The result of name, made on first use. */
static struct keys_result *
keys_result(const char *name)
{
	for (size_t i = 0; i < keys_nresults; i++)
		if (strcmp(keys_results[i].name, name) == 0)
			return &keys_results[i];
	if (keys_nresults == MAX_STEPS)
		return NULL;
	keys_results[keys_nresults].name = name;
	return &keys_results[keys_nresults++];
}

static int
keys_result_add(struct keys_result *r, double ms, size_t bytes)
{
	if (r->n == r->cap) {
		int cap = r->cap ? 2 * r->cap : 64;
		double *p = realloc(r->ms, (size_t)cap * sizeof *p);

		if (p == NULL)
			return -1;
		r->ms = p;
		r->cap = cap;
	}
	r->ms[r->n++] = ms;
	r->bytes += bytes;
	return 0;
}

static int
keys_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The keys of s with its escapes (\r \n \t \e \\ \xHH) decoded, in place; NULL if malformed. */
static char *
keys_decode(char *s)
{
	char *o = s;

	for (const char *p = s; *p; p++) {
		if (*p != '\\') {
			*o++ = *p;
			continue;
		}
		switch (*++p) {
		case 'r':
			*o++ = '\r';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 't':
			*o++ = '\t';
			break;
		case 'e':
			*o++ = '\033';
			break;
		case '\\':
			*o++ = '\\';
			break;
		case 'x':
			if (keys_hex(p[1]) < 0 || keys_hex(p[2]) < 0)
				return NULL;
			*o++ = (char)(keys_hex(p[1]) * 16 + keys_hex(p[2]));
			p += 2;
			break;
		default:
			return NULL;
		}
	}
	*o = '\0';
	return s;
}

/* Start argv in a COLSxROWS pty; its pid, and the pty in *fd. */
static pid_t
keys_spawn(int *fd, int cols, int rows, char **argv)
{
	struct winsize ws;
	pid_t pid;

	memset(&ws, 0, sizeof ws);
	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	memset(keys_tail, 0, sizeof keys_tail);
	if ((pid = forkpty(fd, NULL, NULL, &ws)) < 0) {
		perror("tui_keys: forkpty");
		return -1;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		unsetenv("NO_COLOR");
		execvp(argv[0], argv);
		perror("tui_keys: exec");
		_exit(127);
	}
	return pid;
}

/*
 * Write quit, read to the end, reap the program: its peak RSS in KB, -1 if
 * it could not be started; its CPU time (user and system) in *cpu_ms.
 */
static long
keys_end(int fd, pid_t pid, const char *quit, double *cpu_ms)
{
	struct rusage ru;
	double last;
	int status;

	if (write(fd, quit, strlen(quit)) < 0)
		perror("tui_keys: write");
	keys_drain(fd, 5000, 300, &last);
	memset(&ru, 0, sizeof ru);
	status = 0;
	if (wait4(pid, &status, WNOHANG, &ru) == 0) {
		kill(pid, SIGTERM);
		keys_drain(fd, 1000, 100, &last);
		if (wait4(pid, &status, 0, &ru) < 0)
			perror("tui_keys: wait4");
	}
	close(fd);
	*cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	          (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return WIFEXITED(status) && WEXITSTATUS(status) == 127 ? -1 : ru.ru_maxrss;
}

/* -O: RUNS starts, each to its first screen. */
static int
keys_open(int runs, int cols, int rows, const char *quit, char **argv)
{
	double *ms = calloc((size_t)runs, sizeof *ms), *cpu = calloc((size_t)runs, sizeof *cpu);
	double p50, p95, c50, c95, last;
	long rss = 0;

	if (ms == NULL || cpu == NULL)
		return 1;
	printf("%-6s %10s %10s %10s %10s\n", "run", "ms", "cpu ms", "bytes", "rss KB");
	for (int i = 0; i < runs; i++) {
		double t0 = keys_now();
		int fd;
		pid_t pid = keys_spawn(&fd, cols, rows, argv);
		size_t bytes;
		long r;

		if (pid < 0)
			return 1;
		bytes = keys_drain(fd, 5000, FIRST_QUIET_MS, &last);
		ms[i] = last - t0;
		if ((r = keys_end(fd, pid, quit, &cpu[i])) < 0)
			return 1;
		rss = r > rss ? r : rss;
		printf("%-6d %10.2f %10.2f %10zu %10ld\n", i + 1, ms[i], cpu[i], bytes, r);
	}
	keys_stats(ms, runs, &p50, &p95);
	keys_stats(cpu, runs, &c50, &c95);
	printf("open median %.2f ms, p95 %.2f ms, cpu median %.2f ms, peak RSS %ld KB (%dx%d, %d "
	       "runs)\n",
	       p50, p95, c50, rss, cols, rows, runs);
	free(ms);
	free(cpu);
	return 0;
}

int
main(int argc, char **argv)
{
	static struct keys_step steps[MAX_STEPS];
	const struct keys_step *script = keys_script;
	size_t nsteps = sizeof keys_script / sizeof *keys_script, nown = 0;
	int cols = 80, rows = 24, repeat = 50, quiet = QUIET_MS, runs = 0, opt, fd;
	const char *quit = "q";
	double last, t0, c95;
	size_t first;
	long rss;
	pid_t pid;

	while ((opt = getopt(argc, argv, "x:y:n:q:O:Q:o:s:m:1:")) != -1) {
		char *eq;

		switch (opt) {
		case 'x':
			cols = atoi(optarg);
			break;
		case 'y':
			rows = atoi(optarg);
			break;
		case 'n':
			repeat = atoi(optarg);
			break;
		case 'q':
			quiet = atoi(optarg);
			break;
		case 'O':
			runs = atoi(optarg);
			break;
		case 'o':
			if ((keys_log = fopen(optarg, "w")) == NULL) {
				perror(optarg);
				return 2;
			}
			break;
		case 'Q':
			if ((quit = keys_decode(optarg)) == NULL)
				goto usage;
			break;
		case 's':
		case 'm':
		case '1':
			if (nown == MAX_STEPS)
				goto usage;
			eq = opt == 's' ? NULL : strchr(optarg, '=');
			if (opt != 's' && (eq == NULL || eq == optarg))
				goto usage;
			if (eq)
				*eq = '\0';
			steps[nown].name = opt == 's' ? "" : optarg;
			steps[nown].measure = opt == 's' ? 0 : opt == 'm' ? 1 : 2;
			if ((steps[nown].bytes = keys_decode(eq ? eq + 1 : optarg)) == NULL)
				goto usage;
			nown++;
			break;
		default:
			goto usage;
		}
	}
	if (optind >= argc || repeat < 1 || cols < 10 || rows < 5 || quiet < 1 || runs < 0)
		goto usage;
	if (runs > 0)
		return keys_open(runs, cols, rows, quit, argv + optind);
	if (nown > 0) {
		script = steps;
		nsteps = nown;
	}
	t0 = keys_now();
	if ((pid = keys_spawn(&fd, cols, rows, argv + optind)) < 0)
		return 1;
	first = keys_drain(fd, 5000, FIRST_QUIET_MS, &last);
	printf(
	    "first screen: %.1f ms, %zu bytes (%dx%d, TERM=xterm-256color, %d presses a key)\n\n",
	    last - t0, first, cols, rows, repeat);
	printf("%-14s %10s %10s %12s\n", "key", "median ms", "p95 ms", "bytes/key");
	for (size_t s = 0; s < nsteps; s++) {
		const struct keys_step *k = &script[s];
		int n = k->measure == 1 ? repeat : 1;
		struct keys_result *r = k->measure ? keys_result(k->name) : NULL;

		if (k->measure && r == NULL)
			return 1;
		for (int i = 0; i < n; i++) {
			double start = keys_now();
			size_t b;

			if (keys_log)
				fprintf(keys_log, "\n=== %s ===\n",
				        k->measure ? k->name : "(setup)");
			if (write(fd, k->bytes, strlen(k->bytes)) < 0)
				break;
			b = keys_drain(fd, k->measure == 1 ? FIRST_MS : 5000, quiet, &last);
			if (r && keys_result_add(r, last - start, b) != 0)
				return 1;
		}
	}
	for (size_t i = 0; i < keys_nresults; i++) {
		struct keys_result *r = &keys_results[i];
		double p50, p95;

		keys_stats(r->ms, r->n, &p50, &p95);
		printf("%-14s %10.2f %10.2f %12.0f\n", r->name, p50, p95, (double)r->bytes / r->n);
		free(r->ms);
	}
	rss = keys_end(fd, pid, quit, &c95);
	printf("\npeak RSS: %ld KB, cpu %.1f ms\n", rss, c95);
	return rss < 0;
usage:
	fprintf(stderr, "usage: tui_keys [-x COLS] [-y ROWS] [-n REPEAT] [-q QUIET_MS] [-o LOG] "
	                "[-s KEYS | -m NAME=KEYS | -1 NAME=KEYS]... -- PROGRAM [ARGS...]\n"
	                "       tui_keys -O RUNS [-x COLS] [-y ROWS] [-Q KEYS] -- PROGRAM "
	                "[ARGS...]\n");
	return 2;
}
