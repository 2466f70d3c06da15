/*
 * view.h - the views' own functions, which the commands (ui_cmds*.c) and
 * the views that lead to another call: one file each (view_list.c,
 * view_reader.c, view_help.c, ...).  What the event loop runs of a view is
 * its view_ops (ui_state.h), a row of the views' table (views.c).
 */
#ifndef COPYDESK_VIEW_H
#define COPYDESK_VIEW_H

#include "ui_state.h"

/* --- view_list.c: its state lives from ui start to end ------------------ */
int view_list_new(struct ui *ui);
void view_list_free(struct ui *ui);
/* Read the list again, keeping the cursor on the same article (or its place). */
int view_list_reload(struct ui *ui);
/* The selected article's id (0 if none), and its place (1-based) and the count. */
int64_t view_list_selected(struct ui *ui);
size_t view_list_index(struct ui *ui);
size_t view_list_count(struct ui *ui);
/* Select the article id; its neighbour delta places away (0 at the ends). */
void view_list_select(struct ui *ui, int64_t id);
int64_t view_list_neighbour(struct ui *ui, int delta);
/* The selected article's status changed (:status). */
void view_list_set_status(struct ui *ui, int64_t id, desk_status s);
/*
 * Read again the statuses the edits, undos and redos since the last look
 * changed (the whole list only after an import).
 */
int view_list_refresh(struct ui *ui);
/* Article id's status as the list shows it (DESK_STATUS_ANY: not listed); the whole reads. */
desk_status view_list_status(struct ui *ui, int64_t id);
size_t view_list_loads(struct ui *ui);
/*
 * The list's filter and sort (listfilter.h): set them (the cursor stays on
 * its article if the new list has it; on failure the list stays as it was
 * and err says why), read them; and move the cursor to the first article
 * of a date (YYYY-MM-DD) in the list's order (failure: desk_errmsg()).
 */
struct listfilter;
int view_list_set_filter(struct ui *ui, const struct listfilter *lf, char *err, size_t errlen);
const struct listfilter *view_list_filter(struct ui *ui);
int view_list_date(struct ui *ui, const char *date);

/* --- view_reader.c ------------------------------------------------------ */
int view_reader_new(struct ui *ui);
void view_reader_free(struct ui *ui);
/* Open article id in the reader at the editor's remembered position. */
int view_reader_show(struct ui *ui, int64_t id);
/* Remember the reading position of the article in the reader, if any. */
int view_reader_save(struct ui *ui);
/* Show or hide boilerplate. */
int view_reader_toggle_hide(struct ui *ui);
/* Take the search match's highlight away (:nohlsearch, Esc); whether there was one. */
int view_reader_nohl(struct ui *ui);
/* The reading width or alignment changed (:set): lay the article out again. */
void view_reader_reflow(struct ui *ui);

/* --- view_tag.c: tagging in the reader --------------------------------- */
/*
 * Read the article's spans (and suggestions) again and draw again the lines
 * that changed.  With follow, the cursor goes to the first span that came
 * or went, and the message line says which.
 */
int view_tag_load(struct ui *ui, int follow);
/* Tag the selection, else the word under the cursor, with label. */
int view_tag_add(struct ui *ui, const char *label);
/* The span under the cursor (view_tag_span): untag, relabel, link to the entity named name. */
int view_tag_delete(struct ui *ui);
int view_tag_relabel(struct ui *ui, const char *label);
int view_tag_link(struct ui *ui, const char *name);
/* The span under the cursor: the one picked with o while it holds it, else the innermost. */
const desk_span *view_tag_span(struct ui *ui);
/* Pick the next span out of those holding the cursor (o); pick span_id (the span list). */
int view_tag_outer(struct ui *ui);
void view_tag_choose(struct ui *ui, int64_t span_id);
/* Start the selection at the cursor (or end it); end it. */
int view_tag_select(struct ui *ui);
int view_tag_cancel(struct ui *ui);
/* To the next (delta 1) or previous (-1) span. */
int view_tag_jump(struct ui *ui, int delta);
/* Put the reader's cursor on cp. */
void view_tag_goto(struct ui *ui, int64_t cp);
/* The suggestion under the cursor: accept it or reject it; accept all of the article's. */
int view_tag_accept(struct ui *ui, int all);
/* How many suggestions the article in the reader has. */
size_t view_tag_suggestions(struct ui *ui);
int view_tag_reject(struct ui *ui);
/* Tag every occurrence of the span under the cursor: in this article, or all (count only: dry). */
int view_tag_same(struct ui *ui, int article_only, int dry, size_t *count);

/* --- view_spans.c, view_entities.c -------------------------------------- */
int view_spans_new(struct ui *ui);
void view_spans_free(struct ui *ui);
/* Enter in the span list: to the span in the reader. */
int view_spans_jump(struct ui *ui);
int view_entities_new(struct ui *ui);
void view_entities_free(struct ui *ui);
/* Enter in the entity list: to the entity's next mention, across the corpus. */
int view_entities_jump(struct ui *ui);
/* The entity under the cursor, or NULL. */
const desk_entity *view_entities_selected(struct ui *ui);
/* Mark e for a merge, or unmark it if marked: 1 marked, 0 unmarked, -1 out of memory. */
int view_entities_mark(struct ui *ui, const desk_entity *e);
/* The marked entities' ids; forgetting them. */
const int64_t *view_entities_marked(struct ui *ui, size_t *n);
void view_entities_unmark(struct ui *ui);
/* Read the entities again (another editor's changes). */
int view_entities_reload(struct ui *ui);
/* The view the entities return to, and setting it. */
const struct view_ops *view_entities_back(struct ui *ui);
void view_entities_from(struct ui *ui, const struct view_ops *back);
/* The reader's spans (NULL: none), for the span list. */
const desk_spans *view_tag_spans(struct ui *ui);

/* --- view_search.c, view_hits.c: the corpus search ---------------------- */
int view_search_new(struct ui *ui);
void view_search_free(struct ui *ui);
/* Search the corpus for the `/` line pattern and show the results (n, N on them: move). */
int view_search_corpus(struct ui *ui, const char *pattern, int backward);
/* The `/` prompt's line changed: narrow the results when the last search was quick. */
void view_search_live(struct ui *ui, const char *line);
/* The `/` prompt was left without Enter: back to the list if the results came while typing. */
void view_search_cancel(struct ui *ui);
/* Enter in the results: the article in the reader at its first match. */
int view_search_open_article(struct ui *ui);
/* Whether the reader shows the article opened from the results (its q goes back to them). */
int view_search_back(struct ui *ui);
/* The reader's article: highlight query's matches (of the `/` line line), cursor on the first. */
int view_reader_hits(struct ui *ui, const char *line, const char *query, int exact);

/* --- view_stats.c: the statistics screen ------------------------------ */
int view_stats_new(struct ui *ui);
void view_stats_free(struct ui *ui);
/* Put the screen on, returning to back on q; read the figures again. */
int view_stats_open_from(struct ui *ui, const struct view_ops *back);
int view_stats_reload(struct ui *ui);
const struct view_ops *view_stats_back(struct ui *ui);

/* --- view_help.c -------------------------------------------------------- */
int view_help_new(struct ui *ui);
void view_help_free(struct ui *ui);

/* --- view_gold.c: adjudication ----------------------------------------- */
int view_gold_new(struct ui *ui);
void view_gold_free(struct ui *ui);
/* Open the adjudication of article (from the view on screen, where q returns). */
int view_gold_open_for(struct ui *ui, int64_t article);
const struct view_ops *view_gold_back(struct ui *ui);
int view_gold_reload(struct ui *ui);
/* Settle the unit under the cursor: take editor take (0-based), DESK_GOLD_BOTH or _NONE. */
int view_gold_take(struct ui *ui, int take);
/* e: the : prompt offering the unit's range and label; the edit it runs. */
int view_gold_edit_prompt(struct ui *ui);
int view_gold_edit(struct ui *ui, int64_t start, int64_t end, const char *label);
/* To the next (1) or previous (-1) difference. */
int view_gold_next(struct ui *ui, int dir);
/* On a claims' group: keep claim take (0, 1, ...) of it with verdict (by name). */
int view_gold_verdict(struct ui *ui, int take, const char *verdict);

#endif
