/*
 * roles.h - the editor's role, for the core's editing functions (not public).
 *
 * Editor and chief (annotations/schema/012-users.sql, store/roles.c).  Each
 * check gives DESK_OK or DESK_DENIED with its rule (DESK_RULE_CHIEF_ONLY,
 * DESK_RULE_OWNER, ...) and a message that names the rule and whom to ask.
 * They read inside the caller's transaction when there is one.
 */
#ifndef COPYDESK_ROLES_H
#define COPYDESK_ROLES_H

#include "internal.h"

/* Whether the handle's editor is a chief (*out 1) or not (0). */
int roles_is_chief(int *out, desk *d);
/*
 * DESK_OK when the handle's editor is a chief, else DESK_DENIED (rule
 * chief-only): "only a chief may WHAT ... ask NAME".  what: "change the
 * label set", "adjudicate", ...  The gold layer's adjudication calls it.
 */
int roles_require_chief(desk *d, const char *what);
/*
 * The thing of this kind and id ("span", "claim", "research", "evidence")
 * is the editor's own, or the editor is a chief: DESK_OK; else DESK_DENIED
 * (rule owner) naming its owner; what says the change ("delete", "relabel").
 * A thing that does not exist is DESK_OK (the caller says it is not found).
 */
int roles_require_owner(desk *d, const char *kind, int64_t id, const char *what);
/* At open: the editor is on the list, or the list is not in force; else rule not-user. */
int roles_check_open(desk *d);
/* Migration 12's step: the creator's row (the first chief). */
int roles_creator(desk *d);
/* Log a change of the list (user-add, user-role, user-remove) with the row as it is now. */
int roles_log(desk *d, const char *action, int64_t user_id);
/* The standing chiefs' names, ", "-separated, into buf (at most a few, then "..."). */
void roles_chiefs(char *buf, size_t size, desk *d);

#endif
