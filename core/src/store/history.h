/* history.h - what history.c, history_actions.c and history_undo.c share; not public. */
#ifndef COPYDESK_HISTORY_H
#define COPYDESK_HISTORY_H

#include "internal.h"

/*
 * What undo and redo do for each action.  The statements are bound to
 *   ?1 the edit's target_id, ?2 its data, ?3 "before" or "after" (the state
 *   that must hold now), ?4 the other one (the state to put back), ?5 the
 *   editor, ?6 the edit's article_id, ?7 the flip: 1 to undo, 0 to redo
 *   (span-delete counts the other way round: its undo restores).
 * check gives one row and one column: NULL when the current state is ?3's,
 * else the message saying who changed it; no row means the thing is gone.
 * apply runs one or two statements that put back ?4's state.
 */
typedef struct history_action {
	const char *name;
	const char *words; /* in an editor's words: "cannot undo the tagging: ..." */
	int flip;
	const char *what; /* for "... no longer exists" */
	const char *check;
	const char *apply[3];
	const char *like; /* without check: the action whose statements it runs, flipped */
	int soft;         /* a conflict leaves it as it is instead of refusing */
} history_action;

/* The action called name, or NULL (history_actions.c). */
const history_action *history_actions_find(const char *name);
/* An action in an editor's words: "the tagging", "the edits made together". */
const char *history_actions_words(const char *action);

#endif
