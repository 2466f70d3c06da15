/*
 * open.c - desk_open(): a handle on a database migrated to this copydesk's
 * schema.  The one file that wires the store to the modules above it: the
 * migrations are given the steps that fill their new tables (the default
 * label set and verdict scale, the end of the sentence index's upgrade), so
 * that the store never calls up into them.
 */
#include "roles.h"

/* The migrations that make the label, verdict and sentence tables. */
#define OPEN_LABELS_VERSION   2
#define OPEN_VERDICTS_VERSION 3
#define OPEN_SENTENCE_VERSION 4
#define OPEN_USERS_VERSION    12

static const schema_step open_steps[] = {
    {OPEN_LABELS_VERSION, label_defaults},
    {OPEN_VERDICTS_VERSION, verdict_defaults},
    {OPEN_SENTENCE_VERSION, sentindex_migrated},
    {OPEN_USERS_VERSION, roles_creator},
    {0, NULL},
};

int
desk_open(desk **out, const char *path, const char *editor)
{
	return desk_open_ext(out, path, editor, 0);
}

int
desk_open_ext(desk **out, const char *path, const char *editor, unsigned flags)
{
	int rc;

	if ((rc = desk_connect(out, path, editor, flags)) != DESK_OK)
		return rc;
	if ((rc = schema_migrate(*out, open_steps)) == DESK_SCHEMA)
		return desk_error(*out, rc, "%s: made by a newer copydesk (%s): upgrade copydesk",
		                  path, (*out)->errmsg);
	if (rc != DESK_OK || (rc = roles_check_open(*out)) != DESK_OK)
		return rc;
	(*out)->log_uid = 1;
	desk_changed(*out);
	desk_clear_error(*out);
	return DESK_OK;
}
