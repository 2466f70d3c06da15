/*
 * view_entities.c - the corpus's entities with their mention counts and
 * names, by name, and the marks for a merge.  Only a window of
 * VIEW_ENTITIES_WINDOW rows is held, read a page at a time by keyset
 * queries (desk_entities_page) as the cursor moves, as the article list does; Enter goes to the
 * next mention across the corpus (opening the article it is in).  Read again after every edit and
 * when another editor changed the database.  The commands that edit them (r renames, m marks, M
 * merges, d deletes) are in ui_cmds_entity.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "listwin.h"
#include "menu.h"
#include "view_reader_state.h"

/* Rows held at most: a few screens. */
#define VIEW_ENTITIES_WINDOW 64

struct view_entities {
	struct menu m;     /* m.n: the whole list; m.sel, m.top: indexes into it */
	desk_entity *rows; /* [w.len], rows [w.base, w.base + w.len), their strings owned */
	struct listwin w;
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
	ui->entities->w.cap = VIEW_ENTITIES_WINDOW;
	return DESK_OK;
}

static void
view_entities_row_free(desk_entity *e)
{
	free((char *)e->name);
	free((char *)e->external_id);
	free((char *)e->aliases);
}

static void
view_entities_clear(struct view_entities *v)
{
	for (size_t i = 0; i < v->w.len; i++)
		view_entities_row_free(&v->rows[i]);
	free(v->rows);
	v->rows = NULL;
	v->w.len = v->w.base = 0;
}

void
view_entities_free(struct ui *ui)
{
	if (ui->entities == NULL)
		return;
	view_entities_clear(ui->entities);
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

/* Row i of the list if the window holds it. */
static const desk_entity *
view_entities_row(const struct view_entities *v, size_t i)
{
	return i >= v->w.base && i < v->w.base + v->w.len ? &v->rows[i - v->w.base] : NULL;
}

const desk_entity *
view_entities_selected(struct ui *ui)
{
	return view_entities_row(ui->entities, ui->entities->m.sel);
}

/* Read what plan p says into the window (as view_list_read does for articles). */
static int
view_entities_read(struct ui *ui, const struct listwin_plan *p)
{
	struct view_entities *v = ui->entities;
	desk_entity_place key = {NULL, 0};
	desk_entity *rows;
	desk_entities *es = NULL;
	char *name = NULL;
	size_t n, keep = 0, at = 0, drop;
	int rc = DESK_OK, backward = 0;

	switch (p->read) {
	case LISTWIN_NONE:
		return DESK_OK;
	case LISTWIN_AFTER:
		key = (desk_entity_place){v->rows[v->w.len - 1].name, v->rows[v->w.len - 1].id};
		break;
	case LISTWIN_BEFORE:
		key = (desk_entity_place){v->rows[0].name, v->rows[0].id};
		backward = 1;
		break;
	case LISTWIN_TOP:
		break;
	case LISTWIN_BOTTOM:
		backward = 1;
		break;
	case LISTWIN_AT:
		if ((rc = desk_entities_nth(&key.id, &name, ui->d, (int64_t)p->start)) != DESK_OK)
			return rc;
		if (name == NULL) /* the list got shorter: its end */
			return view_entities_read(
			    ui, &(struct listwin_plan){LISTWIN_BOTTOM, 0, p->count});
		key.name = name;
		key.id--; /* the page starts at that entity */
		break;
	}
	rc = desk_entities_page(&es, ui->d, &key, backward, p->count);
	free(name);
	if (rc != DESK_OK)
		return rc;
	n = desk_entities_count(es);
	if (p->read == LISTWIN_AFTER || p->read == LISTWIN_BEFORE) {
		keep = v->w.len;
		at = p->read == LISTWIN_BEFORE ? 0 : keep;
	} else {
		view_entities_clear(v);
	}
	if ((rows = realloc(v->rows, (keep + n + 1) * sizeof *rows)) == NULL) {
		desk_entities_free(es);
		return DESK_NOMEM;
	}
	v->rows = rows;
	if (at == 0 && keep > 0)
		memmove(rows + n, rows, keep * sizeof *rows);
	for (size_t i = 0; i < n; i++) {
		const desk_entity *e = desk_entities_at(es, i);

		rows[at + i] = (desk_entity){e->id, strdup(e->name), strdup(e->external_id),
		                             e->mentions, strdup(e->aliases)};
		if (!rows[at + i].name || !rows[at + i].external_id || !rows[at + i].aliases)
			rc = DESK_NOMEM; /* kept as it is: freed with the window */
	}
	desk_entities_free(es);
	if (p->read == LISTWIN_BOTTOM)
		v->w.total = v->m.n;
	drop = listwin_got(&v->w, p, n);
	for (size_t i = 0; i < drop; i++)
		view_entities_row_free(&rows[p->read == LISTWIN_AFTER ? i : keep + n - drop + i]);
	if (p->read == LISTWIN_AFTER && drop > 0)
		memmove(rows, rows + drop, (keep + n - drop) * sizeof *rows);
	v->m.n = v->w.total;
	return rc;
}

/* Keep the cursor on screen and the window holding the screen's rows. */
static void
view_entities_hold(struct ui *ui)
{
	struct view_entities *v = ui->entities;
	size_t rows = ui->rows - v->m.head > 0 ? (size_t)(ui->rows - v->m.head) : 1;
	struct listwin_plan p;

	menu_scroll(ui, &v->m);
	p = listwin_plan(&v->w, v->m.top, v->m.top + rows);
	if (view_entities_read(ui, &p) != DESK_OK)
		ui_error(ui, "entities: %s", desk_errmsg(ui->d));
}

int
view_entities_reload(struct ui *ui)
{
	struct view_entities *v = ui->entities;
	const desk_entity *cur = view_entities_selected(ui);
	desk_entity_place at = {cur ? strdup(cur->name) : NULL, cur ? cur->id : 0};
	desk_entities *one = NULL;
	int64_t total, rank;
	int rc;

	if ((rc = desk_entities_rank(&total, ui->d, NULL)) != DESK_OK)
		goto done;
	view_entities_clear(v);
	v->m.n = v->w.total = (size_t)total;
	/* The same entity if it is still there (under the same name), else the one in its place. */
	if (at.name != NULL && (rc = desk_entities_rank(&rank, ui->d, &at)) == DESK_OK &&
	    (rc = desk_entities_page(&one, ui->d, &(desk_entity_place){at.name, at.id - 1}, 0,
	                             1)) == DESK_OK &&
	    desk_entities_count(one) == 1 && desk_entities_at(one, 0)->id == at.id)
		v->m.sel = (size_t)rank;
	view_entities_hold(ui);
	ui_dirty_body(ui);
	ui_dirty_bar(ui);
done:
	desk_entities_free(one);
	free((char *)at.name);
	return rc;
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
	if (i >= v->m.n || (e = view_entities_row(v, i)) == NULL)
		return;
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
	view_entities_hold(ui);
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
	int rc = menu_move(ui, &ui->entities->m, mv, n);

	view_entities_hold(ui);
	return rc;
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
