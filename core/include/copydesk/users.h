/*
 * users.h - the user list: who may open a database and in what role.
 *
 * Two roles.  A chief changes the label set and the verdict scale,
 * adjudicates, overturns a review already given and keeps this list; an
 * editor changes only their own spans and claims.  The creator of a
 * database is its first chief.  The list is in force once a chief has added
 * someone: from then on an editor not on it is refused at open
 * (DESK_DENIED, rule not-user).  Every function here but desk_user_role()
 * is a chief's (DESK_DENIED, rule chief-only, otherwise); every change is
 * one transaction with its edit-log entry.
 */
#ifndef COPYDESK_USERS_H
#define COPYDESK_USERS_H

#include "desk.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { DESK_ROLE_NONE = 0, DESK_ROLE_EDITOR, DESK_ROLE_CHIEF } desk_role;

/* "editor", "chief" ("" for none); parse gives DESK_INVALID for another word. */
const char *desk_role_name(desk_role r);
int desk_role_parse(desk_role *out, const char *name);

typedef struct desk_user {
	const char *name;
	desk_role role;
	int creator; /* the row made with the database (or by migration 12) */
	const char *added_by, *added_at;
} desk_user;

typedef struct desk_users desk_users;
/* The standing users, chiefs first, then by name. */
int desk_users_get(desk_users **out, desk *d);
size_t desk_users_count(const desk_users *u);
const desk_user *desk_users_at(const desk_users *u, size_t i);
void desk_users_free(desk_users *u);
/* {"in_force": true, "users": [{"name", "role", "creator", "added_by", "added_at"}]} */
int desk_users_json(char **out, desk *d);

/*
 * Add name (checked as an editor's name: DESK_INVALID) with role, or change
 * the role of one on the list; puts the list in force.  Taking the last
 * chief's role away is DESK_DENIED, rule last-chief.
 */
int desk_user_add(desk *d, const char *name, desk_role role);
/* Take name off the list (DESK_NOTFOUND if not on it; last-chief as above). */
int desk_user_remove(desk *d, const char *name);

/*
 * The role of name (NULL: the handle's editor) as the core applies it:
 * chief or editor when on the list, editor when the list is not in force,
 * none otherwise.  Anyone may ask (the interface shows it).
 */
int desk_user_role(desk_role *out, desk *d, const char *name);

#ifdef __cplusplus
}
#endif
#endif
