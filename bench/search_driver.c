/*
 * search_driver.c - the search latencies for search_bench.sh, inside one
 * process (no process start):
 *
 *   search_driver copydesk DB QUERIES [RUNS]
 *       for each query (one a line), desk_search() for the first screen
 *       (opts.newest) and for the ranked page (top 20 with snippets);
 *   search_driver fts5 DB QUERIES [RUNS]
 *       the baseline: a plain FTS5 top 20 by bm25 with snippets over the
 *       table t(title, body) of DB (stock tokenizer), each query's words
 *       quoted as for copydesk.
 *
 * Each query's time is the best of RUNS (default 1) runs; it prints one
 * line a query ("ms ms hits query") then "p50"/"p95" lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "copydesk/copydesk.h"

#define DRIVER_MAXQ 1000

static double
driver_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
driver_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The p-th percentile (nearest rank) of v[0..n), sorted in place. */
static double
driver_pct(double *v, size_t n, double p)
{
	size_t k;

	qsort(v, n, sizeof *v, driver_cmp);
	k = (size_t)(p / 100.0 * (double)n + 0.999999);
	return n ? v[k > 0 ? k - 1 : 0] : 0;
}

/*
 * q as a stock FTS5 query: bare words quoted, operators, quotes, parentheses
 * and * kept, AND put beside parentheses (FTS5 has no implicit AND there).
 */
static void
driver_fts5_query(char *out, size_t cap, const char *q)
{
	size_t o = 0, i = 0, n = strlen(q);
	int term = 0; /* a term or ")" came last */

	while (i < n && o + 8 < cap) {
		size_t s;

		if (q[i] == ' ' || q[i] == ')' || q[i] == '*') {
			term = term || q[i] == ')';
			out[o++] = q[i++];
			continue;
		}
		if (term) {
			int op = (n - i >= 3 && (memcmp(q + i, "OR ", 3) == 0)) ||
			         (n - i >= 4 &&
			          (memcmp(q + i, "AND ", 4) == 0 || memcmp(q + i, "NOT ", 4) == 0));

			if (!op) {
				memcpy(out + o, " AND ", 5);
				o += 5;
			}
			term = 0;
		}
		if (q[i] == '(') {
			out[o++] = q[i++];
			continue;
		}
		if (q[i] == '"') {
			term = 1;
			s = i++;
			while (i < n && q[i] != '"')
				i++;
			i += i < n;
			if (o + (i - s) + 2 >= cap)
				break;
			memcpy(out + o, q + s, i - s);
			o += i - s;
			continue;
		}
		s = i;
		while (i < n && q[i] != ' ' && q[i] != '"' && q[i] != '(' && q[i] != ')' &&
		       q[i] != '*')
			i++;
		if (o + (i - s) + 4 >= cap)
			break;
		if ((i - s == 2 && memcmp(q + s, "OR", 2) == 0) ||
		    (i - s == 3 &&
		     (memcmp(q + s, "AND", 3) == 0 || memcmp(q + s, "NOT", 3) == 0))) {
			memcpy(out + o, q + s, i - s);
			o += i - s;
			continue;
		}
		term = 1;
		out[o++] = '"';
		memcpy(out + o, q + s, i - s);
		o += i - s;
		out[o++] = '"';
	}
	out[o] = '\0';
}

/* The plain FTS5 baseline's top 20 of q: its time in ms (< 0: error), hits in *hits. */
static double
driver_fts5(sqlite3 *db, const char *q, size_t *hits)
{
	static const char sql[] = "SELECT rowid, snippet(t, 1, '[', ']', '…', 16) FROM t "
	                          "WHERE t MATCH ?1 ORDER BY bm25(t, 10.0, 1.0) LIMIT 20";
	char fq[4096];
	sqlite3_stmt *st = NULL;
	double t0 = driver_ms();
	int s;

	driver_fts5_query(fq, sizeof fq, q);
	*hits = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, fq, -1, SQLITE_STATIC);
	while ((s = sqlite3_step(st)) == SQLITE_ROW)
		(*hits)++;
	sqlite3_finalize(st);
	return s == SQLITE_DONE ? driver_ms() - t0 : -1;
}

/* desk_search's time for q in ms (< 0: error), hits in *hits. */
static double
driver_desk(desk *d, const char *q, int newest, size_t *hits)
{
	desk_search_opts o;
	desk_search_results *r = NULL;
	double t0 = driver_ms(), t;

	memset(&o, 0, sizeof o);
	o.newest = newest;
	o.limit = 20;
	if (desk_search(&r, d, q, &o) != DESK_OK) {
		fprintf(stderr, "search_driver: %s: %s\n", q, desk_errmsg(d));
		return -1;
	}
	t = driver_ms() - t0;
	*hits = desk_search_count(r);
	desk_search_free(r);
	return t;
}

int
main(int argc, char **argv)
{
	static char qs[DRIVER_MAXQ][512];
	static double a[DRIVER_MAXQ], b[DRIVER_MAXQ];
	int fts5 = argc > 1 && strcmp(argv[1], "fts5") == 0;
	int runs = argc > 4 ? atoi(argv[4]) : 1, rc = 0;
	size_t n = 0;
	desk *d = NULL;
	sqlite3 *db = NULL;
	FILE *f;

	if (argc < 4 || (!fts5 && strcmp(argv[1], "copydesk") != 0) || runs < 1) {
		fprintf(stderr, "usage: search_driver copydesk|fts5 DB QUERIES [RUNS]\n");
		return 2;
	}
	if ((f = fopen(argv[3], "r")) == NULL) {
		perror(argv[3]);
		return 2;
	}
	while (n < DRIVER_MAXQ && fgets(qs[n], sizeof qs[n], f)) {
		qs[n][strcspn(qs[n], "\n")] = '\0';
		if (qs[n][0] != '\0' && qs[n][0] != '#')
			n++;
	}
	fclose(f);
	if (fts5 ? sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
	         : desk_open_ext(&d, argv[2], NULL, DESK_OPEN_EXISTING) != DESK_OK) {
		fprintf(stderr, "search_driver: cannot open %s\n", argv[2]);
		rc = 1;
		goto done;
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t ha = 0, hb = 0;

		a[i] = b[i] = 1e30;
		for (int k = 0; k < runs && rc == 0; k++) {
			double x =
			    fts5 ? driver_fts5(db, qs[i], &ha) : driver_desk(d, qs[i], 1, &ha);
			double y = fts5 ? x : driver_desk(d, qs[i], 0, &hb);

			if (x < 0 || y < 0) {
				fprintf(stderr, "search_driver: query failed: %s\n", qs[i]);
				rc = 1;
			}
			a[i] = x < a[i] ? x : a[i];
			b[i] = y < b[i] ? y : b[i];
		}
		printf("%9.2f %9.2f %3zu  %s\n", a[i], b[i], fts5 ? ha : hb, qs[i]);
	}
	if (rc == 0 && n > 0) {
		printf("p50 %.2f %.2f\n", driver_pct(a, n, 50), driver_pct(b, n, 50));
		printf("p95 %.2f %.2f\n", driver_pct(a, n, 95), driver_pct(b, n, 95));
		printf("max %.2f %.2f\n", a[n - 1], b[n - 1]);
	}
done:
	desk_close(d);
	sqlite3_close(db);
	return rc;
}
