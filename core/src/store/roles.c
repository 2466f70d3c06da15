/*
 * roles.c - who may do what: the editor's role (chief or editor) from the
 * user list of migration 12, and the checks the editing functions run.
 *
 * The list is "in force" once a chief has added someone with `users add`
 * (a row added, standing or removed).  Before that, everyone who can open
 * the database edits as an editor, and the creator (its one row) is its
 * chief: private databases work as they did.  Chiefs change the label set
 * and the verdict scale, adjudicate, overturn reviews and keep the list, and
 * may change anyone's spans and claims; an editor changes only their own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roles.h"

/* The one integer a query bound to (?1 the editor, ?2 the id) gives, or -1 on failure. */
static int
roles_int(desk *d, const char *sql, int64_t id)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	if (desk_prepare(d, &st, sql) != DESK_OK)
		return -1;
	sqlite3_bind_text(st, 1, d->editor, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	else
		desk_sqlite_error(d, "users");
	sqlite3_finalize(st);
	return v;
}

int
roles_is_chief(int *out, desk *d)
{
	int v = roles_int(d,
	                  "SELECT count(*) FROM users WHERE name = ?1 AND role = 'chief' "
	                  "AND removed_at IS NULL",
	                  0);

	*out = v > 0;
	return v < 0 ? DESK_ERROR : DESK_OK;
}

void
roles_chiefs(char *buf, size_t size, desk *d)
{
	static const char sql[] = "SELECT name FROM users WHERE role = 'chief' AND removed_at IS "
	                          "NULL ORDER BY id LIMIT 4";
	sqlite3_stmt *st = NULL;
	size_t len = 0;
	int n = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	if (desk_prepare(d, &st, sql) != DESK_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW && len < size) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		int w = snprintf(buf + len, size - len, "%s%s", n ? ", " : "",
		                 n == 3 ? "..." : (name ? name : ""));

		len += w > 0 ? (size_t)w : 0;
		n++;
	}
	if (n == 0)
		snprintf(buf, size, "none");
	sqlite3_finalize(st);
}

int
roles_require_chief(desk *d, const char *what)
{
	char chiefs[256];
	int chief, rc;

	if ((rc = roles_is_chief(&chief, d)) != DESK_OK || chief)
		return rc;
	roles_chiefs(chiefs, sizeof chiefs, d);
	return desk_error_field(d, DESK_DENIED, "", DESK_RULE_CHIEF_ONLY,
	                        "refused (rule chief-only): only a chief may %s, and %s is an "
	                        "editor; ask a chief: %s",
	                        what, d->editor, chiefs);
}

/* The owner column of each kind of thing. */
static const struct {
	const char *kind, *sql;
} roles_owners[] = {
    {"span", "SELECT author FROM span WHERE id = ?1"},
    {"claim", "SELECT author FROM claim WHERE id = ?1"},
    {"research", "SELECT created_by FROM research WHERE id = ?1"},
    {"evidence", "SELECT added_by FROM evidence WHERE id = ?1"},
};

int
roles_require_owner(desk *d, const char *kind, int64_t id, const char *what)
{
	sqlite3_stmt *st = NULL;
	const char *sql = NULL, *owner;
	char chiefs[256];
	int rc = DESK_OK, chief, r;

	for (size_t i = 0; i < sizeof roles_owners / sizeof *roles_owners; i++)
		if (strcmp(roles_owners[i].kind, kind) == 0)
			sql = roles_owners[i].sql;
	if (sql == NULL)
		return desk_error(d, DESK_MISUSE, "roles: no owner of a %s", kind);
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if ((r = sqlite3_step(st)) != SQLITE_ROW) {
		rc = r == SQLITE_DONE ? DESK_OK : desk_sqlite_error(d, kind);
		goto done;
	}
	owner = (const char *)sqlite3_column_text(st, 0);
	if (owner == NULL || strcmp(owner, d->editor) == 0)
		goto done;
	if ((rc = roles_is_chief(&chief, d)) != DESK_OK || chief)
		goto done;
	roles_chiefs(chiefs, sizeof chiefs, d);
	rc = desk_error_field(d, DESK_DENIED, "", DESK_RULE_OWNER,
	                      "refused (rule owner): cannot %s %s %lld: it is %s's, and an editor "
	                      "changes only their own; ask %s or a chief: %s",
	                      what, kind, (long long)id, owner, owner, chiefs);
done:
	sqlite3_finalize(st);
	return rc;
}

int
roles_check_open(desk *d)
{
	char chiefs[256];
	int v;

	/* In force (someone added) and the editor not standing on it. */
	v = roles_int(d,
	              "SELECT EXISTS (SELECT 1 FROM users WHERE how = 'added') AND NOT EXISTS "
	              "(SELECT 1 FROM users WHERE name = ?1 AND removed_at IS NULL)",
	              0);
	if (v < 0)
		return DESK_ERROR;
	if (v == 0)
		return DESK_OK;
	roles_chiefs(chiefs, sizeof chiefs, d);
	return desk_error_field(d, DESK_DENIED, "", DESK_RULE_NOT_USER,
	                        "refused (rule not-user): %s is not on this database's user "
	                        "list; ask a chief (%s) to add you: copydesk users add %s "
	                        "--role editor",
	                        d->editor, chiefs, d->editor);
}

int
roles_creator(desk *d)
{
	static const char sql[] =
	    "INSERT INTO users (name, role, how, added_by, added_at) SELECT c, 'chief', 'creator', "
	    "c, " DESK_SQL_NOW " FROM (SELECT coalesce((SELECT editor FROM edit_log ORDER BY id "
	    "LIMIT 1), ?1) AS c) WHERE NOT EXISTS (SELECT 1 FROM users)";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_text(st, 1, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "users");
	if (rc == DESK_OK && sqlite3_changes(d->db) == 1)
		rc = roles_log(d, "user-add", sqlite3_last_insert_rowid(d->db));
	sqlite3_finalize(st);
	return rc;
}

int
roles_log(desk *d, const char *action, int64_t user_id)
{
	char *data = NULL;
	int rc;

	if ((rc = desk_query_text(&data, d,
	                          "SELECT json_object('name', name, 'role', role, 'how', how) "
	                          "FROM users WHERE id = ?1",
	                          user_id, "users")) == DESK_OK)
		rc = desk_log(d, action, 0, user_id, data);
	free(data);
	return rc;
}
