/*
 * users.c - the user list as chiefs keep it: listed, added to, changed and
 * removed from (include/copydesk/users.h).  The checks every edit runs are
 * roles.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

struct desk_users {
	desk_user *v;
	size_t n, cap;
};

#define USERS_COLS                                                                                 \
	"name, role, how = 'creator', added_by, added_at FROM users WHERE removed_at IS NULL "     \
	"ORDER BY role = 'chief' DESC, name"

const char *
desk_role_name(desk_role r)
{
	return r == DESK_ROLE_CHIEF ? "chief" : r == DESK_ROLE_EDITOR ? "editor" : "";
}

int
desk_role_parse(desk_role *out, const char *name)
{
	*out = DESK_ROLE_NONE;
	if (name && strcmp(name, "editor") == 0)
		*out = DESK_ROLE_EDITOR;
	else if (name && strcmp(name, "chief") == 0)
		*out = DESK_ROLE_CHIEF;
	else
		return DESK_INVALID;
	return DESK_OK;
}

int
desk_user_role(desk_role *out, desk *d, const char *name)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*out = DESK_ROLE_NONE;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT coalesce((SELECT role FROM users WHERE name = ?1 AND "
	                       "removed_at IS NULL), CASE WHEN EXISTS (SELECT 1 FROM users WHERE "
	                       "how = 'added') THEN '' ELSE 'editor' END)")) != DESK_OK)
		return rc;
	sqlite3_bind_text(st, 1, name ? name : d->editor, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		desk_role_parse(out, (const char *)sqlite3_column_text(st, 0));
	else
		rc = desk_sqlite_error(d, "users");
	sqlite3_finalize(st);
	return rc;
}

static void
users_clear(desk_user *u)
{
	free((char *)u->name);
	free((char *)u->added_by);
	free((char *)u->added_at);
}

void
desk_users_free(desk_users *u)
{
	if (u == NULL)
		return;
	for (size_t i = 0; i < u->n; i++)
		users_clear(&u->v[i]);
	free(u->v);
	free(u);
}

size_t
desk_users_count(const desk_users *u)
{
	return u ? u->n : 0;
}

const desk_user *
desk_users_at(const desk_users *u, size_t i)
{
	return u && i < u->n ? &u->v[i] : NULL;
}

int
desk_users_get(desk_users **out, desk *d)
{
	sqlite3_stmt *st = NULL;
	desk_users *u = NULL;
	int rc, r;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = roles_require_chief(d, "list the users")) != DESK_OK ||
	    (rc = desk_prepare(d, &st, "SELECT " USERS_COLS)) != DESK_OK)
		goto done;
	if ((u = calloc(1, sizeof *u)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		desk_user *x;

		if (desk_grow(&u->v, &u->cap, u->n, sizeof *u->v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		x = &u->v[u->n++];
		memset(x, 0, sizeof *x);
		x->name = desk_strdup((const char *)sqlite3_column_text(st, 0));
		desk_role_parse(&x->role, (const char *)sqlite3_column_text(st, 1));
		x->creator = sqlite3_column_int(st, 2);
		x->added_by = desk_strdup((const char *)sqlite3_column_text(st, 3));
		x->added_at = desk_strdup((const char *)sqlite3_column_text(st, 4));
		if (!x->name || !x->added_by || !x->added_at) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
	}
	if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "users");
done:
	sqlite3_finalize(st);
	if (rc == DESK_OK)
		*out = u;
	else
		desk_users_free(u);
	return rc;
}

int
desk_users_json(char **out, desk *d)
{
	int rc;

	*out = NULL;
	if (d == NULL)
		return DESK_MISUSE;
	if ((rc = roles_require_chief(d, "list the users")) != DESK_OK)
		return rc;
	return desk_query_text(
	    out, d,
	    "SELECT json_object('in_force', json(CASE WHEN EXISTS (SELECT 1 FROM users WHERE how = "
	    "'added') THEN 'true' ELSE 'false' END), 'users', (SELECT json_group_array(json_object("
	    "'name', name, 'role', role, 'creator', json(CASE WHEN c THEN 'true' ELSE 'false' "
	    "END), "
	    "'added_by', added_by, 'added_at', added_at)) FROM (SELECT name, role, how = 'creator' "
	    "AS c, added_by, added_at FROM users WHERE removed_at IS NULL ORDER BY role = 'chief' "
	    "DESC, name)))",
	    0, "users");
}

/* The standing row of name: its id and role, or 0. */
static int
users_find(int64_t *id, desk_role *role, desk *d, const char *name)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*id = 0;
	*role = DESK_ROLE_NONE;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT id, role FROM users WHERE name = ?1 AND removed_at IS "
	                       "NULL")) != DESK_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		desk_role_parse(role, (const char *)sqlite3_column_text(st, 1));
	} else if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "users");
	}
	sqlite3_finalize(st);
	return rc;
}

/* DESK_DENIED (rule last-chief) when name is the only standing chief. */
static int
users_not_last_chief(desk *d, const char *name, const char *what)
{
	sqlite3_stmt *st = NULL;
	int rc, n = 0;

	if ((rc = desk_prepare(d, &st,
	                       "SELECT count(*) FROM users WHERE role = 'chief' AND removed_at IS "
	                       "NULL AND name <> ?1")) != DESK_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		rc = desk_sqlite_error(d, "users");
	sqlite3_finalize(st);
	if (rc == DESK_OK && n == 0)
		rc = desk_error_field(d, DESK_DENIED, "name", DESK_RULE_LAST_CHIEF,
		                      "refused (rule last-chief): cannot %s %s: the last chief; "
		                      "make another chief first",
		                      what, name);
	return rc;
}

/* Run sql bound to (?1 id, ?2 the editor, ?3 name, ?4 role) and log action for the row. */
static int
users_write(desk *d, const char *sql, int64_t id, const char *name, desk_role role,
            const char *action)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, d->editor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, desk_role_name(role), -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "users");
	sqlite3_finalize(st);
	if (rc == DESK_OK)
		rc = roles_log(d, action, id ? id : sqlite3_last_insert_rowid(d->db));
	return rc;
}

int
desk_user_add(desk *d, const char *name, desk_role role)
{
	char why[DESK_FIELD_WHY];
	const char *bad;
	desk_role was;
	int64_t id;
	int rc;

	if (d == NULL || name == NULL || (role != DESK_ROLE_EDITOR && role != DESK_ROLE_CHIEF))
		return DESK_MISUSE;
	if ((bad = desk_field_check(why, name, strlen(name), DESK_EDITOR_MAX,
	                            DESK_FIELD_LINE | DESK_FIELD_NONEMPTY)) != NULL)
		return desk_error_field(d, DESK_INVALID, "name", DESK_RULE_TEXT,
		                        "the user's name %s", bad);
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = roles_require_chief(d, "change the user list")) != DESK_OK ||
	    (rc = users_find(&id, &was, d, name)) != DESK_OK)
		goto done;
	if (id == 0)
		rc = users_write(d,
		                 "INSERT INTO users (name, role, how, added_by, added_at) VALUES "
		                 "(?3, ?4, 'added', ?2, " DESK_SQL_NOW ")",
		                 0, name, role, "user-add");
	else if (was != role &&
	         (role == DESK_ROLE_CHIEF ||
	          (rc = users_not_last_chief(d, name, "make an editor of")) == DESK_OK))
		rc = users_write(d, "UPDATE users SET role = ?4 WHERE id = ?1", id, name, role,
		                 "user-role");
	/* Someone already there with that role: nothing changes. */
	if (rc == DESK_OK)
		rc = desk_commit(d);
done:
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_user_remove(desk *d, const char *name)
{
	desk_role was;
	int64_t id;
	int rc;

	if (d == NULL || name == NULL)
		return DESK_MISUSE;
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = roles_require_chief(d, "change the user list")) != DESK_OK ||
	    (rc = users_find(&id, &was, d, name)) != DESK_OK)
		goto done;
	if (id == 0) {
		rc = desk_error_field(d, DESK_NOTFOUND, "name", DESK_RULE_UNKNOWN,
		                      "%s is not on the user list", name);
		goto done;
	}
	if ((was == DESK_ROLE_CHIEF && (rc = users_not_last_chief(d, name, "remove")) != DESK_OK) ||
	    (rc = users_write(
	         d, "UPDATE users SET removed_by = ?2, removed_at = " DESK_SQL_NOW " WHERE id = ?1",
	         id, name, was, "user-remove")) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}
