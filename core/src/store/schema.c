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

extern const struct embed_file schema_sql[];

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
schema_migrate(desk *d, const schema_step *steps)
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
		for (const schema_step *step = steps; step && step->version; step++)
			if (step->version == v && (rc = step->run(d)) != DESK_OK)
				goto done;
		cur = v;
	}
	rc = desk_commit(d);
done:
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}
