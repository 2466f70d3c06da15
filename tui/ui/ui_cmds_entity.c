/*
 * ui_cmds_entity.c - the entity list's commands (rows of ui_cmds.h): rename,
 * mark for a merge, merge the marked into the entity under the cursor, and
 * delete one no span mentions.  Each edit is one core call (a merge of
 * several: one transaction, one undo step); the list is read again after.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_cmds.h"
#include "view.h"

int
ui_cmds_rename(struct ui *ui, const char *arg)
{
	const desk_entity *e;
	char *old;
	int rc;

	if (ui->view != views[VIEW_ENTITIES])
		return ui_error(ui, "rename: in the entity list");
	if ((e = view_entities_selected(ui)) == NULL)
		return ui_error(ui, "No entity here");
	if (arg == NULL) {
		ui_prompt_command(ui, "rename", e->name);
		return DESK_OK;
	}
	if ((old = strdup(e->name)) == NULL)
		return ui_error(ui, "out of memory");
	rc = desk_entity_rename(ui->d, e->id, arg, e->external_id);
	if (rc == DESK_OK && (rc = view_entities_reload(ui)) == DESK_OK)
		ui_message(ui, "Renamed %s to %s (u undoes)", old, arg);
	free(old);
	if (rc != DESK_OK)
		return ui_error(ui, "rename: %s", desk_errmsg(ui->d));
	view_tag_load(ui, 0); /* the reader's spans show the new name */
	return DESK_OK;
}

int
ui_cmds_mark(struct ui *ui, const char *arg)
{
	const desk_entity *e;
	int r;

	(void)arg;
	if (ui->view != views[VIEW_ENTITIES])
		return ui_error(ui, "mark: in the entity list");
	if ((e = view_entities_selected(ui)) == NULL)
		return ui_error(ui, "No entity here");
	if ((r = view_entities_mark(ui, e)) < 0)
		return ui_error(ui, "out of memory");
	if (r > 0)
		ui_message(ui, "Marked %s; M merges the marked into the entity under the cursor",
		           e->name);
	return DESK_OK;
}

int
ui_cmds_merge(struct ui *ui, const char *arg)
{
	const desk_entity *e;
	const int64_t *marked;
	int64_t into;
	size_t nmarked, done = 0;
	int rc = DESK_OK;
	char name[256];

	(void)arg;
	if (ui->view != views[VIEW_ENTITIES])
		return ui_error(ui, "merge: in the entity list");
	if ((e = view_entities_selected(ui)) == NULL)
		return ui_error(ui, "No entity here");
	into = e->id;
	snprintf(name, sizeof name, "%s", e->name); /* the list is read again below */
	marked = view_entities_marked(ui, &nmarked);
	/* The merges of the marked entities: one edit, one undo step. */
	if ((rc = desk_edit_begin(ui->d)) == DESK_OK) {
		for (size_t i = 0; i < nmarked && rc == DESK_OK; i++)
			if (marked[i] != into &&
			    (rc = desk_entity_merge(ui->d, into, marked[i])) == DESK_OK)
				done++;
		if (rc == DESK_OK)
			rc = desk_edit_commit(ui->d);
		if (rc != DESK_OK) {
			desk_edit_rollback(ui->d);
			done = 0;
		}
	}
	if (rc != DESK_OK)
		ui_error(ui, "merge: %s", desk_errmsg(ui->d));
	else if (done == 0)
		return ui_error(ui, "merge: mark (m) the entities to merge into this one first");
	view_entities_unmark(ui);
	if (view_entities_reload(ui) != DESK_OK)
		return ui_error(ui, "entities: %s", desk_errmsg(ui->d));
	view_tag_load(ui, 0);
	if (rc == DESK_OK)
		ui_message(ui,
		           "Merged %zu other entit%s into \u201c%s\u201d: the mentions now name it "
		           "(u undoes)",
		           done, done == 1 ? "y" : "ies", name);
	return rc == DESK_OK ? DESK_OK : DESK_ERROR;
}

int
ui_cmds_entity_delete(struct ui *ui, const char *arg)
{
	const desk_entity *e;
	char *name;
	int64_t id;
	int rc;

	(void)arg;
	if (ui->view != views[VIEW_ENTITIES])
		return ui_error(ui, "entity-delete: in the entity list");
	if ((e = view_entities_selected(ui)) == NULL)
		return ui_error(ui, "No entity here");
	if ((name = strdup(e->name)) == NULL)
		return ui_error(ui, "out of memory");
	id = e->id;
	rc = desk_entity_delete(ui->d, id);
	if (rc == DESK_OK && (rc = view_entities_reload(ui)) == DESK_OK)
		ui_message(ui, "Deleted entity %lld, %s (u brings it back)", (long long)id, name);
	else if (desk_errrule(ui->d) == DESK_RULE_IN_USE)
		ui_error(ui, "%s: %s", name, desk_errmsg(ui->d));
	else
		ui_error(ui, "entity-delete: %s", desk_errmsg(ui->d));
	free(name);
	return rc;
}
