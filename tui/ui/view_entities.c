/*
 * view_entities.c - the corpus's entities with their mention counts and
 * names, and the marks for a merge; Enter goes to the next mention across
 * the corpus (opening the article it is in).  Read again after every edit
 * and when another editor changed the database.  The commands that edit
 * them (r renames, m marks, M merges, d deletes) are in ui_cmds_entity.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "menu.h"
#include "view_reader_state.h"

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
	if ((ui->entities = calloc(1, sizeof *ui->entities)) == NULL)
		return DESK_NOMEM;
	ui->entities->m.head = 1;
	return DESK_OK;
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
	return ui->entities->back ? ui->entities->back : views[VIEW_LIST];
}

void
view_entities_from(struct ui *ui, const struct view_ops *back)
{
	ui->entities->back = back;
}

const desk_entity *
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

/* The columns: mark, id, mentions, name, names in the text. */
#define VIEW_ENTITIES_ID       6
#define VIEW_ENTITIES_MENTIONS 8
#define VIEW_ENTITIES_NAME     30

static void
view_entities_draw_row(struct ui *ui, int row)
{
	struct view_entities *v = ui->entities;
	size_t i = menu_item(&v->m, row);
	const desk_entity *e;
	char num[64], *aliases;
	int sel, x = 0;
	attr_t a;
	short p;

	if (row < v->m.head) {
		snprintf(num, sizeof num, " %*s %*s %-*s ", VIEW_ENTITIES_ID, "Id",
		         VIEW_ENTITIES_MENTIONS, "Mentions", VIEW_ENTITIES_NAME, "Name");
		x = (int)strlen(num);
		if ((aliases = malloc((size_t)x + 64)) != NULL) {
			snprintf(aliases, (size_t)x + 64, "%s%s", num, "Names in the text");
			menu_header(ui, aliases);
			free(aliases);
		}
		return;
	}
	wmove(ui->body, row, 0);
	wclrtoeol(ui->body);
	if (v->m.n == 0 && row == v->m.head)
		ui_draw_text(ui, ui->body, row, 1,
		             "No entities yet: in the reader, e links a span to one", ui->cols - 1,
		             UI_NORMAL);
	if (i >= v->m.n)
		return;
	e = desk_entities_at(v->ents, i);
	sel = i == v->m.sel;
	snprintf(num, sizeof num, "%s%*lld %*lld ", view_entities_is_marked(v, e->id) ? "*" : " ",
	         VIEW_ENTITIES_ID, (long long)e->id, VIEW_ENTITIES_MENTIONS,
	         (long long)e->mentions);
	x += menu_cell(ui, row, x, num, (int)strlen(num), sel ? UI_SELECT : UI_HEADING);
	x += menu_cell(ui, row, x, e->name, VIEW_ENTITIES_NAME, sel ? UI_SELECT : UI_NORMAL);
	x = 1 + VIEW_ENTITIES_ID + 1 + VIEW_ENTITIES_MENTIONS + 1 + VIEW_ENTITIES_NAME + 1;
	if ((aliases = strdup(e->aliases)) != NULL) {
		for (char *c = aliases; *c; c++)
			if (*c == '\n')
				*c = ';';
		menu_cell(ui, row, x, aliases, ui->cols - x - 1, sel ? UI_SELECT : UI_DIM);
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

	snprintf(s, sizeof s, " Entities %zu/%zu%s  (r rename, m mark, M merge, d delete, q back)",
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

/* Another editor's edits: the entities again, if on screen. */
static void
view_entities_changed(struct ui *ui)
{
	if (ui->view == views[VIEW_ENTITIES])
		view_entities_reload(ui);
}

const struct view_ops view_entities_ops = {
    .name = "entities",
    .new = view_entities_new,
    .free = view_entities_free,
    .changed = view_entities_changed,
    .open = view_entities_open,
    .draw = view_entities_draw,
    .draw_bar = view_entities_draw_bar,
    .resize = view_entities_resize,
    .motion = view_entities_move,
    .cursor = view_entities_cursor,
};

/*
 * Enter on an entity: to its next mention across the corpus, after the
 * reader's article and cursor (by article, then place), opening the article
 * it is in; after the last, the first again.  Each Enter from the list goes
 * one further, so the mentions are gone through in turn.
 */
int
view_entities_jump(struct ui *ui)
{
	const desk_entity *e = view_entities_selected(ui);
	desk_mention *v = NULL;
	int64_t here = views[VIEW_READER]->article(ui), cur = here ? ui->reader->r.cur : -1;
	size_t n = 0, k = 0;
	char *name;
	int rc;

	if (e == NULL)
		return ui_error(ui, "No entity here");
	if (desk_entity_mentions(&v, &n, ui->d, e->id) != DESK_OK)
		return ui_error(ui, "jump: %s", desk_errmsg(ui->d));
	if (n == 0) {
		free(v);
		return ui_error(ui, "%s is mentioned nowhere: d deletes it", e->name);
	}
	while (k < n && (v[k].article_id < here || (v[k].article_id == here && v[k].start <= cur)))
		k++;
	if (k == n)
		k = 0; /* after the last: the first again */
	if ((name = strdup(e->name)) == NULL) {
		free(v);
		return ui_error(ui, "out of memory");
	}
	rc = v[k].article_id == here ? ui_switch(ui, views[VIEW_READER])
	                             : view_reader_show(ui, v[k].article_id);
	if (rc == DESK_OK && ui->view == views[VIEW_READER]) {
		view_tag_goto(ui, v[k].start);
		view_tag_choose(ui, v[k].span_id);
		ui_message(ui, "%s: mention %zu of %zu, in article %lld (@ then Enter: the next)",
		           name, k + 1, n, (long long)v[k].article_id);
	}
	free(name);
	free(v);
	return rc == DESK_OK ? DESK_OK : DESK_ERROR;
}

int
view_entities_mark(struct ui *ui, const desk_entity *e)
{
	struct view_entities *v = ui->entities;
	int64_t *m;

	for (size_t i = 0; i < v->nmarked; i++) {
		if (v->marked[i] == e->id) {
			v->marked[i] = v->marked[--v->nmarked];
			ui_dirty_line(ui, menu_row(&v->m, v->m.sel));
			ui_dirty_bar(ui);
			return 0;
		}
	}
	if ((m = realloc(v->marked, (v->nmarked + 1) * sizeof *m)) == NULL)
		return -1;
	v->marked = m;
	v->marked[v->nmarked++] = e->id;
	ui_dirty_line(ui, menu_row(&v->m, v->m.sel));
	ui_dirty_bar(ui);
	return 1;
}

const int64_t *
view_entities_marked(struct ui *ui, size_t *n)
{
	*n = ui->entities->nmarked;
	return ui->entities->marked;
}

void
view_entities_unmark(struct ui *ui)
{
	ui->entities->nmarked = 0;
}
