/* test_migrate.c - a database made at schema version 1 opens migrated, with the default labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "copydesk/copydesk.h"

/* The schema version a new or migrated database has: the last of annotations/schema/. */
#define SCHEMA_LATEST 12

/* The migrations as embedded in libcopydesk (cmake/embed.cmake). */
struct embed_file {
	const char *name;
	const char *data;
	size_t len;
};
extern const struct embed_file schema_sql[];

static char db_path[64];

static void
migrate_unlink(void)
{
	char p[80];

	unlink(db_path);
	snprintf(p, sizeof p, "%s-wal", db_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db_path);
	unlink(p);
}

static int64_t
migrate_int(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n;

	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void
migrate_exec(const char *sql)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s", err);
	sqlite3_close(db);
}

/* A database as copydesk 0.1 made it: migration 1 only, with one article. */
static void
migrate_make_v1(void)
{
	const struct embed_file *f = schema_sql;
	int fd;

	snprintf(db_path, sizeof db_path, "/tmp/copydesk_migrateXXXXXX");
	assert_true((fd = mkstemp(db_path)) >= 0);
	close(fd);
	assert_non_null(f->name);
	assert_string_equal(f->name, "001-init.sql");
	migrate_exec(f->data);
	migrate_exec(
	    "PRAGMA user_version = 1; INSERT INTO article (title, lang, body, chars, hash, "
	    "imported_by, imported_at, updated_by, updated_at) VALUES ('Cũ', 'vi', "
	    "'Lương Cường ở Hà Nội.', 21, '0123456789abcdef', 'old', "
	    "'2025-01-01T00:00:00.000Z', 'old', '2025-01-01T00:00:00.000Z')");
	assert_int_equal(migrate_int("PRAGMA user_version"), 1);
	assert_int_equal(migrate_int("SELECT count(*) FROM sqlite_master WHERE name = 'label'"), 0);
}

static void
test_v1_opens_migrated(void **state)
{
	desk *d = NULL;
	desk_article *a = NULL;
	desk_labels *l = NULL;
	int64_t s = 0;

	(void)state;
	migrate_make_v1();
	assert_int_equal(desk_open(&d, db_path, "tester"), DESK_OK);
	assert_int_equal(desk_schema_version(d), SCHEMA_LATEST);
	/* Migration 9's sort keys: the old article's come in a step after the open, not in it. */
	{
		desk_article_filter f = {.status = DESK_STATUS_ANY, .sort = DESK_SORT_TITLE};
		desk_article **p = NULL;
		size_t n = 0;
		int64_t left = 0;

		assert_int_equal(desk_article_page(&p, &n, d, &f, 0, 0, 10), DESK_BUSY);
		assert_int_equal(desk_article_sort_index(&left, d, 0), DESK_OK);
		assert_int_equal(left, 1);
		assert_int_equal(desk_article_sort_index(&left, d, 100), DESK_OK);
		assert_int_equal(left, 0);
		assert_int_equal(desk_article_page(&p, &n, d, &f, 0, 0, 10), DESK_OK);
		assert_int_equal(n, 1);
		desk_article_list_free(p, n);
	}
	assert_int_equal(desk_article_get(&a, d, 1), DESK_OK);
	assert_string_equal(desk_article_title(a), "Cũ");
	assert_string_equal(desk_article_body(a), "Lương Cường ở Hà Nội.");
	assert_string_equal(desk_article_imported_by(a), "old");
	desk_article_free(a);
	assert_int_equal(desk_labels_get(&l, d), DESK_OK);
	assert_int_equal(desk_labels_count(l), 8);
	assert_string_equal(desk_labels_at(l, 0)->name, "PER");
	assert_string_equal(desk_labels_at(l, 5)->key, "#");
	desk_labels_free(l);
	/* The old article takes spans. */
	assert_int_equal(desk_span_add(&s, d, 1, 0, 11, "PER", 0), DESK_OK);
	assert_true(s > 0);
	desk_close(d);
	assert_int_equal(migrate_int("PRAGMA user_version"), SCHEMA_LATEST);
	assert_int_equal(migrate_int("SELECT count(*) FROM span WHERE text = 'Lương Cường'"), 1);
	assert_int_equal(
	    migrate_int("SELECT count(*) FROM edit_log WHERE action = 'labels-import'"), 1);
	migrate_unlink();
}

static void
test_labels_loaded_once(void **state)
{
	desk *d = NULL;
	desk_labels *l = NULL;

	(void)state;
	migrate_make_v1();
	assert_int_equal(desk_open(&d, db_path, "tester"), DESK_OK);
	desk_close(d);
	/* The defaults come with the migration, not with every open: an emptied set stays empty. */
	migrate_exec("DELETE FROM label");
	assert_int_equal(desk_open(&d, db_path, "tester"), DESK_OK);
	assert_int_equal(desk_labels_get(&l, d), DESK_OK);
	assert_int_equal(desk_labels_count(l), 0);
	desk_labels_free(l);
	desk_close(d);
	assert_int_equal(
	    migrate_int("SELECT count(*) FROM edit_log WHERE action = 'labels-import'"), 1);
	migrate_unlink();
}

static void
test_new_database(void **state)
{
	desk *d = NULL;

	(void)state;
	snprintf(db_path, sizeof db_path, "/tmp/copydesk_migrate_new_%ld.db", (long)getpid());
	migrate_unlink();
	assert_int_equal(desk_open(&d, db_path, "tester"), DESK_OK);
	assert_int_equal(desk_schema_version(d), SCHEMA_LATEST);
	desk_close(d);
	assert_int_equal(migrate_int("SELECT count(*) FROM label"), 8);
	/* Nothing to upgrade: the old table of sentences went with the migration. */
	assert_int_equal(
	    migrate_int("SELECT count(*) FROM sqlite_schema WHERE name = 'sentence_v3'"), 0);
	assert_int_equal(migrate_int("SELECT count(*) FROM label WHERE key GLOB '[POLEDTM#]' AND "
	                             "color256 BETWEEN 0 AND 255"),
	                 8);
	migrate_unlink();
}

/*
 * A database as copydesk made it before the sentence index (migrations 1 to
 * 3), with two articles holding the same claim and the old table of folded
 * sentences: it opens migrated, the old table gone, and the upgrade indexes
 * the articles in steps, after which repeats are found.
 */
static void
test_v3_upgrade_indexes(void **state)
{
	desk *d = NULL;
	desk_range *r = NULL;
	int64_t left = -1, id = 0, *arts = NULL;
	size_t n = 0;
	int fd;

	(void)state;
	snprintf(db_path, sizeof db_path, "/tmp/copydesk_migrateXXXXXX");
	assert_true((fd = mkstemp(db_path)) >= 0);
	close(fd);
	for (const struct embed_file *f = schema_sql; f->name && atoi(f->name) <= 3; f++)
		migrate_exec(f->data);
	migrate_exec(
	    "PRAGMA user_version = 3; INSERT INTO article (title, lang, body, chars, hash, "
	    "imported_by, imported_at, updated_by, updated_at) VALUES ('A', 'vi', "
	    "'Giá tăng 5%. Hết.', 17, '1', 'old', '2025-01-01', 'old', '2025-01-01'), "
	    "('B', 'vi', 'Mở đầu. GIÁ TĂNG 5 %.', 21, '2', 'old', '2025-01-01', 'old', "
	    "'2025-01-01'); INSERT INTO sentence VALUES (1, 0, 12, 'gia tang 5%')");
	assert_int_equal(desk_open(&d, db_path, "tester"), DESK_OK);
	assert_int_equal(migrate_int("SELECT count(*) FROM sentence"), 0);
	/* The old rows go with the steps, not in the migration's transaction. */
	assert_int_equal(migrate_int("SELECT count(*) FROM sentence_v3"), 1);
	assert_int_equal(desk_claim_index(&left, d, 0), DESK_OK);
	assert_int_equal(left, 2);
	assert_int_equal(desk_claim_add(&id, d, 1, 0, 12), DESK_OK);
	assert_int_equal(desk_claim_index(&left, d, 1), DESK_OK);
	assert_int_equal(left, 1);
	assert_int_equal(desk_claim_index(&left, d, 1), DESK_OK);
	assert_int_equal(left, 0);
	assert_int_equal(migrate_int("SELECT count(*) FROM sentence_upgrade"), 0);
	assert_int_equal(migrate_int("SELECT count(*) FROM sentence"), 4);
	assert_int_equal(
	    migrate_int("SELECT count(*) FROM sqlite_schema WHERE name = 'sentence_v3'"), 0);
	assert_int_equal(desk_claim_repeats(&r, &arts, &n, d, id), DESK_OK);
	assert_int_equal(n, 1);
	assert_int_equal(arts[0], 2);
	assert_int_equal(r[0].start, 8);
	free(r);
	free(arts);
	desk_close(d);
	migrate_unlink();
}

/*
 * Opening a database that needs no migration takes no write lock: while
 * another connection holds one (an editor's transaction), it opens at once
 * (it waited out the busy timeout and failed with "database is locked").
 */
static void
test_open_while_locked(void **state)
{
	desk *d = NULL;
	sqlite3 *other;
	struct timespec t0, t1;
	double ms;

	(void)state;
	snprintf(db_path, sizeof db_path, "/tmp/copydesk_migrate_lock_%ld.db", (long)getpid());
	migrate_unlink();
	assert_int_equal(desk_open(&d, db_path, "tester"), DESK_OK);
	desk_close(d);
	assert_int_equal(sqlite3_open(db_path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other,
	                              "BEGIN IMMEDIATE; INSERT INTO position VALUES "
	                              "(1, 'x', 0, '')",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(desk_open(&d, db_path, "tester"), DESK_OK);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	assert_true(ms < 2000);
	assert_int_equal(desk_schema_version(d), SCHEMA_LATEST);
	desk_close(d);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	migrate_unlink();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_v1_opens_migrated), cmocka_unit_test(test_labels_loaded_once),
	    cmocka_unit_test(test_new_database),      cmocka_unit_test(test_v3_upgrade_indexes),
	    cmocka_unit_test(test_open_while_locked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
