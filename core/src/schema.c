/*
 * schema.c - ordered migrations by PRAGMA user_version.
 *
 * The migrations are annotations/schema/NNN-name.sql, embedded at build time;
 * NNN is the version the file brings the database to.  The pending ones run
 * in one transaction with the version bump, so a crash leaves the database
 * as it was, and an older copydesk's database opens in a newer one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct embed_file {
	const char *name;
	const char *data;
	size_t len;
};
extern const struct embed_file schema_sql[];

/* label.c: load the default label set into an empty label table. */
int label_defaults(desk *d);

/* verdict.c: load the default verdict scale into an empty verdict table. */
int verdict_defaults(desk *d);

/* sentindex.c: after migration 4, drop migration 3's sentence table if it is empty. */
int sentindex_migrated(desk *d);

/* The migrations that make the label and verdict tables; the defaults go in with them. */
#define SCHEMA_LABELS_VERSION   2
#define SCHEMA_VERDICTS_VERSION 3
#define SCHEMA_SENTENCE_VERSION 4

static int
schema_file_version(const char *name)
{
	return atoi(name);
}

int
schema_latest(void)
{
	int v = 0;

	for (const struct embed_file *f = schema_sql; f->name; f++)
		if (schema_file_version(f->name) > v)
			v = schema_file_version(f->name);
	return v;
}

int
schema_migrate(desk *d)
{
	int rc = DESK_OK, cur, latest = schema_latest();
	char bump[64];

	/* Nothing to migrate: no write lock (in WAL a reader never waits for a writer). */
	if ((cur = desk_schema_version(d)) == latest)
		return DESK_OK;
	if (cur <= latest && (rc = desk_begin(d)) != DESK_OK)
		goto done;
	cur = desk_schema_version(d); /* again: another editor may have migrated meanwhile */
	if (cur > latest) {
		rc = desk_error(d, DESK_SCHEMA,
		                "database schema version %d is newer than this copydesk's (%d)",
		                cur, latest);
		goto done;
	}
	for (const struct embed_file *f = schema_sql; f->name; f++) {
		int v = schema_file_version(f->name);

		if (v <= cur)
			continue;
		if (sqlite3_exec(d->db, f->data, NULL, NULL, NULL) != SQLITE_OK) {
			rc = desk_sqlite_error(d, f->name);
			goto done;
		}
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v);
		if (sqlite3_exec(d->db, bump, NULL, NULL, NULL) != SQLITE_OK) {
			rc = desk_sqlite_error(d, f->name);
			goto done;
		}
		if (v == SCHEMA_LABELS_VERSION && (rc = label_defaults(d)) != DESK_OK)
			goto done;
		if (v == SCHEMA_VERDICTS_VERSION && (rc = verdict_defaults(d)) != DESK_OK)
			goto done;
		if (v == SCHEMA_SENTENCE_VERSION && (rc = sentindex_migrated(d)) != DESK_OK)
			goto done;
		cur = v;
	}
	rc = desk_commit(d);
done:
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}
