/*
 * fuzz.h - what the fuzz harnesses share: one database kept for the whole run
 * and put back as it was before each input, checks that abort, and the
 * replay main().
 *
 * Built with -fsanitize=fuzzer (COPYDESK_FUZZ=ON, clang) a harness is a
 * libFuzzer target; otherwise main() below replays the files (or the files
 * of the directories) named on the command line, which ctest does with the
 * harness's corpus.  See README in this directory.
 */
#ifndef COPYDESK_FUZZ_H
#define COPYDESK_FUZZ_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "copydesk/copydesk.h"
#include "internal.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Abort with the reason: a fuzzer reports the input, a replay names it. */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/*
 * The tables of a new database, copied once into temp.fuzz_*, and the
 * statements that put each back (prepared once: this runs for every input).
 */
static char fuzz_tables[64][64];
static size_t fuzz_ntables;
static sqlite3_stmt *fuzz_put_back[128];
static size_t fuzz_nput;
static sqlite3_int64 fuzz_changes; /* sqlite3_total_changes64 when last put back */

static inline void
fuzz_exec(desk *d, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(d->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "fuzz: %s: %s\n", sql, err ? err : "?");
		abort();
	}
}

/* One database for the whole run: opening one per input is most of the time. */
static inline desk *
fuzz_db(void)
{
	static desk *d;
	sqlite3_stmt *st = NULL;

	if (d != NULL)
		return d;
	FUZZ_CHECK(desk_open(&d, ":memory:", "fuzz") == DESK_OK);
	FUZZ_CHECK(sqlite3_prepare_v2(d->db,
	                              "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
	                              "name NOT LIKE 'sqlite_%' ORDER BY name",
	                              -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && fuzz_ntables < 64)
		snprintf(fuzz_tables[fuzz_ntables++], 64, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	for (size_t i = 0; i < fuzz_ntables; i++) {
		const char *t = fuzz_tables[i];
		char *sql = sqlite3_mprintf(
		    "CREATE TEMP TABLE \"fuzz_%w\" AS SELECT * FROM main.\"%w\"", t, t);
		char *del = sqlite3_mprintf("DELETE FROM main.\"%w\"", t);
		char *ins =
		    sqlite3_mprintf("INSERT INTO main.\"%w\" SELECT * FROM temp.\"fuzz_%w\"", t, t);

		FUZZ_CHECK(sql && del && ins);
		fuzz_exec(d, sql);
		FUZZ_CHECK(sqlite3_prepare_v2(d->db, del, -1, &fuzz_put_back[fuzz_nput++], NULL) ==
		           SQLITE_OK);
		FUZZ_CHECK(sqlite3_prepare_v2(d->db, ins, -1, &fuzz_put_back[fuzz_nput++], NULL) ==
		           SQLITE_OK);
		sqlite3_free(sql);
		sqlite3_free(del);
		sqlite3_free(ins);
	}
	fuzz_changes = sqlite3_total_changes64(d->db);
	return d;
}

/* Put every table back as it was when the database was new (when anything changed). */
static inline void
fuzz_reset(desk *d)
{
	if (sqlite3_total_changes64(d->db) == fuzz_changes)
		return; /* a refused input, say */
	fuzz_exec(d, "PRAGMA foreign_keys = OFF; BEGIN");
	for (size_t i = 0; i < fuzz_nput; i++) {
		FUZZ_CHECK(sqlite3_step(fuzz_put_back[i]) == SQLITE_DONE);
		sqlite3_reset(fuzz_put_back[i]);
	}
	fuzz_exec(d, "COMMIT; PRAGMA foreign_keys = ON");
	fuzz_changes = sqlite3_total_changes64(d->db);
}

/* The longest prefix of s[0..len) that desk_text_new takes (valid UTF-8, no NUL). */
static inline size_t
fuzz_valid_prefix(const unsigned char *s, size_t len)
{
	size_t bad = len;

	if (desk_utf8_check((const char *)s, len, &bad) != DESK_OK)
		return bad;
	return len;
}

#ifndef COPYDESK_LIBFUZZER
static int
fuzz_replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long len;

	if (f == NULL) {
		perror(path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	if (len < 0 || (buf = malloc((size_t)len + 1)) == NULL ||
	    fread(buf, 1, (size_t)len, f) != (size_t)len) {
		fclose(f);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)len);
	free(buf);
	return 1;
}

int
main(int argc, char **argv)
{
	int ran = 0;

	for (int i = 1; i < argc; i++) {
		struct stat sb;
		DIR *dir;
		struct dirent *e;

		if (stat(argv[i], &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			if (fuzz_replay_file(argv[i]) < 0)
				return 1;
			ran++;
			continue;
		}
		if ((dir = opendir(argv[i])) == NULL)
			return 1;
		while ((e = readdir(dir)) != NULL) {
			char path[4096];

			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
			if (fuzz_replay_file(path) < 0)
				return 1;
			ran++;
		}
		closedir(dir);
	}
	printf("replayed %d inputs\n", ran);
	return ran > 0 ? 0 : 1;
}
#endif
#endif
