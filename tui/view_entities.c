/*
 * view_entities.c - the corpus's entities with their mention counts and
 * names: r renames, m marks, M merges the marked ones into the one under
 * the cursor, Enter goes to a mention in the reader's article.  Read again
 * after every edit and when another editor changed the database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "menu.h"
#include "ui_cmds.h"
#include "view_claim.h"

struct view_entities {
	struct menu m;
	desk_entities *ents;
	int64_t *marked; /* entity ids */
	size_t nmarked;
	const struct view_ops *back;
};

int
view_entities_new(struct ui *ui)
{
	return (ui->entities = calloc(1, sizeof *ui->entities)) ? DESK_OK : DESK_NOMEM;
}

void
view_entities_free(struct ui *ui)
{
	if (ui->entities == NULL)
		return;
	desk_entities_free(ui->entities->ents);
	free(ui->entities->marked);
	free(ui->entities);
	ui->entities = NULL;
}

const struct view_ops *
view_entities_back(struct ui *ui)
{
	return ui->entities->back ? ui->entities->back : &view_list_ops;
}

void
view_entities_from(struct ui *ui, const struct view_ops *back)
{
	ui->entities->back = back;
}

static const desk_entity *
view_entities_selected(struct ui *ui)
{
	struct view_entities *v = ui->entities;

	return v->ents && v->m.sel < v->m.n ? desk_entities_at(v->ents, v->m.sel) : NULL;
}

int
view_entities_reload(struct ui *ui)
{
	struct view_entities *v = ui->entities;
	const desk_entity *cur = view_entities_selected(ui);
	int64_t id = cur ? cur->id : 0;
	desk_entities *e = NULL;
	int rc;

	if ((rc = desk_entities_get(&e, ui->d)) != DESK_OK)
		return rc;
	desk_entities_free(v->ents);
	v->ents = e;
	v->m.n = desk_entities_count(e);
	for (size_t i = 0; i < v->m.n; i++)
		if (desk_entities_at(e, i)->id == id)
			v->m.sel = i;
	menu_scroll(ui, &v->m);
	ui_dirty_body(ui);
	ui_dirty_bar(ui);
	return DESK_OK;
}

static int
view_entities_is_marked(const struct view_entities *v, int64_t id)
{
	for (size_t i = 0; i < v->nmarked; i++)
		if (v->marked[i] == id)
			return 1;
	return 0;
}

static void
view_entities_draw_row(struct ui *ui, int row)
{
	struct view_entities *v = ui->entities;
	size_t i = v->m.top + (size_t)row;
	const desk_entity *e;
	char num[32], *aliases;
	int sel, x = 0;
	attr_t a;
	short p;

	wmove(ui->body, row, 0);
	wclrtoeol(ui->body);
	if (v->m.n == 0 && row == 0)
		ui_draw_text(ui, ui->body, 0, 1,
		             "No entities yet: in the reader, e links a span to one", ui->cols - 1,
		             UI_NORMAL);
	if (i >= v->m.n)
		return;
	e = desk_entities_at(v->ents, i);
	sel = i == v->m.sel;
	snprintf(num, sizeof num, "%s%5lld ", view_entities_is_marked(v, e->id) ? "*" : " ",
	         (long long)e->mentions);
	x += ui_draw_text(ui, ui->body, row, x, num, 8, sel ? UI_SELECT : UI_HEADING);
	x += ui_draw_text(ui, ui->body, row, x, e->name, 30, sel ? UI_SELECT : UI_NORMAL) + 2;
	if ((aliases = strdup(e->aliases)) != NULL) {
		for (char *c = aliases; *c; c++)
			if (*c == '\n')
				*c = ';';
		ui_draw_text(ui, ui->body, row, x, aliases, ui->cols - x - 1,
		             sel ? UI_SELECT : UI_DIM);
		free(aliases);
	}
	if (sel) {
		ui_draw_look(ui, UI_SELECT, &a, &p);
		mvwchgat(ui->body, row, 0, -1, a, p, NULL);
	}
}

static void
view_entities_draw(struct ui *ui)
{
	for (int r = 0; r < ui->rows; r++)
		if (ui->dirty[r])
			view_entities_draw_row(ui, r);
}

static void
view_entities_draw_bar(struct ui *ui)
{
	struct view_entities *v = ui->entities;
	char s[128];

	snprintf(s, sizeof s, " Entities %zu/%zu%s  (r rename, m mark, M merge, q back)",
	         v->m.n ? v->m.sel + 1 : 0, v->m.n, v->nmarked ? "  *marked" : "");
	ui_draw_text(ui, ui->bar, 0, 0, s, ui->cols, UI_BAR);
}

static void
view_entities_resize(struct ui *ui)
{
	menu_resize(ui, &ui->entities->m);
}

static int
view_entities_open(struct ui *ui)
{
	int rc;

	if ((rc = view_entities_reload(ui)) != DESK_OK)
		ui_error(ui, "entities: %s", desk_errmsg(ui->d));
	return rc;
}

static void
view_entities_cursor(struct ui *ui)
{
	menu_cursor(ui, &ui->entities->m);
}

static int
view_entities_move(struct ui *ui, enum view_move mv, int64_t n)
{
	return menu_move(ui, &ui->entities->m, mv, n);
}

const struct view_ops view_entities_ops = {
    .name = "entities",
    .open = view_entities_open,
    .draw = view_entities_draw,
    .draw_bar = view_entities_draw_bar,
    .resize = view_entities_resize,
    .motion = view_entities_move,
    .cursor = view_entities_cursor,
};

int view_spans_jump(struct ui *ui);

int
ui_cmds_jump(struct ui *ui, const char *arg)
{
	const desk_entity *e;
	const desk_spans *ss = view_tag_spans(ui);

	(void)arg;
	if (ui->view == &view_spans_ops)
		return view_spans_jump(ui);
	if (ui->view == &view_claims_ops)
		return view_claims_jump(ui); /* (a hook for view_claims.c) */
	if (ui->view != &view_entities_ops)
		return ui_error(ui, "jump: in the span and entity lists");
	if ((e = view_entities_selected(ui)) == NULL)
		return ui_error(ui, "No entity here");
	for (size_t i = 0; ss && i < desk_spans_count(ss); i++) {
		const desk_span *s = desk_spans_at(ss, i);

		if (s->entity_id == e->id) {
			if (ui_switch(ui, &view_reader_ops) != DESK_OK)
				return DESK_ERROR;
			view_tag_goto(ui, s->start);
			return DESK_OK;
		}
	}
	ui_message(ui, "%s: %lld mentions, none in the article read; named %s", e->name,
	           (long long)e->mentions, *e->aliases ? e->aliases : e->name);
	for (char *c = ui->message; *c; c++)
		if (*c == '\n')
			*c = ',';
	return DESK_OK;
}

int
ui_cmds_rename(struct ui *ui, const char *arg)
{
	const desk_entity *e;
	char *old;
	int rc;

	if (ui->view != &view_entities_ops)
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
	struct view_entities *v = ui->entities;
	const desk_entity *e;
	int64_t *m;

	(void)arg;
	if (ui->view != &view_entities_ops)
		return ui_error(ui, "mark: in the entity list");
	if ((e = view_entities_selected(ui)) == NULL)
		return ui_error(ui, "No entity here");
	for (size_t i = 0; i < v->nmarked; i++) {
		if (v->marked[i] == e->id) {
			v->marked[i] = v->marked[--v->nmarked];
			ui_dirty_line(ui, (int)(v->m.sel - v->m.top));
			ui_dirty_bar(ui);
			return DESK_OK;
		}
	}
	if ((m = realloc(v->marked, (v->nmarked + 1) * sizeof *m)) == NULL)
		return ui_error(ui, "out of memory");
	v->marked = m;
	v->marked[v->nmarked++] = e->id;
	ui_message(ui, "Marked %s; M merges the marked into the entity under the cursor", e->name);
	ui_dirty_line(ui, (int)(v->m.sel - v->m.top));
	ui_dirty_bar(ui);
	return DESK_OK;
}

int
ui_cmds_merge(struct ui *ui, const char *arg)
{
	struct view_entities *v = ui->entities;
	const desk_entity *e;
	int64_t into;
	size_t done = 0;
	int rc = DESK_OK;
	char name[256];

	(void)arg;
	if (ui->view != &view_entities_ops)
		return ui_error(ui, "merge: in the entity list");
	if ((e = view_entities_selected(ui)) == NULL)
		return ui_error(ui, "No entity here");
	into = e->id;
	snprintf(name, sizeof name, "%s", e->name); /* the list is read again below */
	for (size_t i = 0; i < v->nmarked && rc == DESK_OK; i++)
		if (v->marked[i] != into &&
		    (rc = desk_entity_merge(ui->d, into, v->marked[i])) == DESK_OK)
			done++;
	if (rc != DESK_OK)
		ui_error(ui, "merge: %s", desk_errmsg(ui->d));
	else if (done == 0)
		return ui_error(ui, "merge: mark (m) the entities to merge into this one first");
	v->nmarked = 0;
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
