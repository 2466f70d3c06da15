/*
 * ui_cmds.h - the interface's commands, as rows of the command table (cmd_table.c).
 * Each is {name, NULL, fn, args, help}; keymap.c binds keys to the names and
 * the `:` prompt runs them by name.  Motions act on the view on screen.
 */
#ifndef COPYDESK_UI_CMDS_H
#define COPYDESK_UI_CMDS_H

#include "cmd.h"

/* clang-format off */
#define UI_COMMANDS \
	{"quit", NULL, ui_cmds_quit, "", "leave copydesk; the reading position is saved"}, \
	{"close", NULL, ui_cmds_close, "", "close the view: the reader and the help return to the list"}, \
	{"help", NULL, ui_cmds_help, "", "show every key and command"}, \
	{"prompt", NULL, ui_cmds_prompt, "", "type a command by name at the : prompt: Tab completes it (and its argument), Up and Down bring back earlier lines, Esc or C-c leaves"}, \
	{"redraw", NULL, ui_cmds_redraw, "", "draw the whole screen again"}, \
	{"down", NULL, ui_cmds_down, "[N]", "down N lines (in the list: the next article); a count typed before a key, 5j, is its N"}, \
	{"up", NULL, ui_cmds_up, "[N]", "up N lines (in the list: the previous article)"}, \
	{"page-down", NULL, ui_cmds_page_down, "[N]", "forward a screen"}, \
	{"page-up", NULL, ui_cmds_page_up, "[N]", "back a screen"}, \
	{"top", NULL, ui_cmds_top, "", "to the first line (in the list: the first article)"}, \
	{"bottom", NULL, ui_cmds_bottom, "", "to the last line (in the list: the last article)"}, \
	{"goto", NULL, ui_cmds_goto, "LINE", "to screen line LINE (in the list: article LINE); :LINE does the same"}, \
	{"left", NULL, ui_cmds_left, "[N]", "back N graphemes (a letter with its accents)"}, \
	{"right", NULL, ui_cmds_right, "[N]", "forward N graphemes"}, \
	{"word-next", NULL, ui_cmds_word_next, "[N]", "to the start of the next word (a syllable in Vietnamese)"}, \
	{"word-prev", NULL, ui_cmds_word_prev, "[N]", "back to the start of the word"}, \
	{"line-start", NULL, ui_cmds_line_start, "", "to the start of the screen line"}, \
	{"line-end", NULL, ui_cmds_line_end, "", "to the end of the screen line"}, \
	{"open", NULL, ui_cmds_open, "", "read the article under the cursor"}, \
	{"next-article", NULL, ui_cmds_next_article, "", "read the next article of the list"}, \
	{"prev-article", NULL, ui_cmds_prev_article, "", "read the previous article of the list"}, \
	{"search", NULL, ui_cmds_search, "[TEXT]", "search ignoring case and accents (da nang finds Đà Nẵng): the list searches every article, the reader its own; asks for TEXT if not given"}, \
	{"search-next", NULL, ui_cmds_search_next, "", "to the next match of the last search, wrapping around"}, \
	{"search-prev", NULL, ui_cmds_search_prev, "", "to the previous match of the last search, wrapping around"}, \
	{"boilerplate", NULL, ui_cmds_boilerplate, "", "hide boilerplate (captions, follow and related links) or show it dimmed"}, \
	{"status", NULL, ui_cmds_status, "new|progress|done", "set the review status of the article read or under the cursor"}, \
	{"export", NULL, ui_cmds_export, "--format FMT --output PATH [FILTERS]", "write the annotated corpus to PATH in another tool's format, as copydesk export does (the same options and filters); progress shows on the message line"}, \
	{"reload", NULL, ui_cmds_reload, "", "read the list again from the database"}, \
	{"sort", NULL, ui_cmds_sort, "date|id|title", "sort the article list: by date (newest first, undated last), by id (import order) or by title (accents and case ignored, untitled last); the title bar names the order"}, \
	{"sort-next", NULL, ui_cmds_sort_next, "", "cycle the article list's order: id, date, title"}, \
	{"filter", NULL, ui_cmds_filter, "[status=S] [lang=L] [from=DATE] [to=DATE] [label=NAME] [claim=S]", "show only the articles in status S (new, progress, done), in language L (vi, en), dated from/to DATE (YYYY-MM-DD, both kept), with a span labelled NAME, with a claim in status S (check, proposed, verified, disputed); :filter alone shows them all; the title bar shows the filter and how many articles it keeps"}, \
	{"to-date", NULL, ui_cmds_date, "YYYY-MM-DD", "to the first article of that date in the list's order (by date: else the next older one; by id or title: the first article of the next date that has one)"}, \
	{"tag", NULL, ui_cmds_tag, "LABEL", "tag the selection, else the word under the cursor, with LABEL; in the reader a label's key (P O L E D # T M by default) does the same. Spans show in their label's colour, the innermost on top and underlined where spans nest or overlap; without colour (NO_COLOR) in brackets with the label's key, [P Lương Cường], where K] closes a span out of nesting order"}, \
	{"select", NULL, ui_cmds_select, "", "start a selection at the cursor (again: end it); motions extend it, a label's key tags it"}, \
	{"cancel", NULL, ui_cmds_cancel, "", "end the selection without tagging"}, \
	{"untag", NULL, ui_cmds_untag, "", "delete the span under the cursor (the innermost)"}, \
	{"relabel", NULL, ui_cmds_relabel, "[LABEL]", "give the span under the cursor another label (without LABEL: the next key's)"}, \
	{"link", NULL, ui_cmds_link, "[NAME]", "link the span under the cursor to the entity NAME, made if new (- unlinks); asks for NAME if not given"}, \
	{"span-next", NULL, ui_cmds_span_next, "", "to the next span"}, \
	{"span-prev", NULL, ui_cmds_span_prev, "", "to the previous span"}, \
	{"tag-all", NULL, ui_cmds_tag_all, "", "tag every other occurrence of the span under the cursor in this article"}, \
	{"tag-corpus", NULL, ui_cmds_tag_corpus, "[yes]", "tag every occurrence of the span under the cursor in all articles, after asking (yes: without asking)"}, \
	{"span-outer", NULL, ui_cmds_span_outer, "", "of nested or overlapping spans at the cursor, pick the next one out (x, r and e then act on it)"}, \
	{"fold", NULL, ui_cmds_fold, "[on|off]", "whether tag-all and tag-corpus also find the text in other case and without accents (Viet Nam for Việt Nam)"}, \
	{"accept", NULL, ui_cmds_accept, "", "make the suggestion under the cursor (dim and underlined: text tagged elsewhere) a span"}, \
	{"accept-all", NULL, ui_cmds_accept_all, "[yes]", "accept every suggestion of the article, after asking (yes: without asking)"}, \
	{"reject", NULL, ui_cmds_reject, "", "turn down the suggestion under the cursor for good"}, \
	{"adjudicate", NULL, ui_cmds_adjudicate, "", "adjudicate the article read or under the cursor: the editors' spans side by side where they differ (agreed ones dimmed), one key settles each into the gold layer"}, \
	{"settle-take", NULL, ui_cmds_gold_take, "N", "in the adjudication: take editor N's spans (1 the first editor listed) for the difference under the cursor; on claims whose verdicts differ, keep claim N of the group with its verdict"}, \
	{"settle-both", NULL, ui_cmds_gold_both, "", "in the adjudication: take every editor's spans for the difference (the same range and label once)"}, \
	{"settle-none", NULL, ui_cmds_gold_none, "", "in the adjudication: take none of the difference's spans"}, \
	{"settle-edit", NULL, ui_cmds_gold_edit, "START END LABEL", "in the adjudication: one gold span of START to END labelled LABEL for the difference"}, \
	{"settle-verdict", NULL, ui_cmds_gold_verdict, "N VERDICT", "in the adjudication, on claims whose verdicts differ: keep claim N of the group with VERDICT"}, \
	{"settle-next", NULL, ui_cmds_gold_next, "", "in the adjudication: to the next difference"}, \
	{"settle-prev", NULL, ui_cmds_gold_prev, "", "in the adjudication: to the previous difference"}, \
	{"undo", NULL, ui_cmds_undo, "", "undo your last edit, also after a restart, and show where it was"}, \
	{"redo", NULL, ui_cmds_redo, "", "redo the edit last undone"}, \
	{"status-next", NULL, ui_cmds_status_next, "", "cycle the article's status: new, progress, done"}, \
	{"spans", NULL, ui_cmds_spans, "", "list the article's spans: label, text, entity, author, time"}, \
	{"entities", NULL, ui_cmds_entities, "", "list the entities with their mentions"}, \
	{"jump", NULL, ui_cmds_jump, "", "to the span (spans) or to the entity's next mention across the corpus (entities) in the reader"}, \
	{"rename", NULL, ui_cmds_rename, "[NAME]", "rename the entity under the cursor; asks for NAME if not given"}, \
	{"mark", NULL, ui_cmds_mark, "", "mark the entity under the cursor for a merge (again: unmark)"}, \
	{"merge", NULL, ui_cmds_merge, "", "merge the marked entities into the one under the cursor"}, \
	{"entity-delete", NULL, ui_cmds_entity_delete, "", "delete the entity under the cursor if no span mentions it (u brings it back)"}, \
	{"claim", NULL, ui_cmds_claim, "", "make the selection, else the candidate or the sentence under the cursor, a claim to check. Claims show between \u27e6 \u27e7 with their verdict's key and status sign (? to check, ~ proposed, \u2713 verified, \u2717 disputed), \u27e6f~ ...\u27e7, in the verdict's colour; check-worthy candidates (figures, percentages, money, dates, superlatives, quotes, comparisons) in italics"}, \
	{"candidates", NULL, ui_cmds_candidates, "[on|off]", "also show check-worthy candidates between dim \u27e8 \u27e9 (for terminals without italics)"}, \
	{"unclaim", NULL, ui_cmds_unclaim, "", "delete the claim (its research stays with the claims it was applied to)"}, \
	{"candidate-dismiss", NULL, ui_cmds_dismiss, "", "dismiss the candidate under the cursor: it is not suggested again"}, \
	{"candidate-next", NULL, ui_cmds_candidate_next, "", "to the next check-worthy candidate"}, \
	{"candidate-prev", NULL, ui_cmds_candidate_prev, "", "to the previous check-worthy candidate"}, \
	{"claim-next", NULL, ui_cmds_claim_next, "", "to the next claim"}, \
	{"claim-prev", NULL, ui_cmds_claim_prev, "", "to the previous claim"}, \
	{"verdict", NULL, ui_cmds_verdict, "[NAME]", "set the claim's verdict (without NAME: the next key's, t m l f u by default); with evidence it is proposed"}, \
	{"evidence", NULL, ui_cmds_evidence, "", "add evidence to the claim: source (a URL or a citation), quote and consulted date (today unless changed), asked for in turn; Esc drops it"}, \
	{"note", NULL, ui_cmds_note, "[TEXT]", "set the claim's note (- clears it); asks for TEXT if not given"}, \
	{"evidence-delete", NULL, ui_cmds_evidence_delete, "[N]", "delete the claim's evidence number N (as the detail lists it); asks for N if not given"}, \
	{"approve", NULL, ui_cmds_approve, "", "approve another editor's proposed verdict: the claim is verified (nobody approves their own)"}, \
	{"claim-dispute", NULL, ui_cmds_dispute, "[REASON]", "dispute another editor's proposed verdict, with the reason; asks for REASON if not given"}, \
	{"apply", NULL, ui_cmds_apply, "[yes]", "give the claim's verdict and evidence to the same claim in other articles, after asking (yes: without asking)"}, \
	{"claim-info", NULL, ui_cmds_claim_info, "", "show the claim: verdict, status, note, review, entities, evidence, other articles"}, \
	{"stats", NULL, ui_cmds_stats, "", "the corpus's figures: articles by status, spans per label, spans and claims per editor (all time and the last 7 days), claims by status and by verdict, as bars"}, \
	{"claims", NULL, ui_cmds_claims, "[all]", "list the claims of the article read (elsewhere, or with all: of every article), by article then place"}, \
	{"claims-status", NULL, ui_cmds_claims_status, "", "in the claims screen, show one status only, the next each time, then all"}, \
	{"claims-verdict", NULL, ui_cmds_claims_verdict, "", "in the claims screen, show one verdict only, the next each time, then all"}, \
	{"claims-scope", NULL, ui_cmds_claims_scope, "", "in the claims screen, switch between the article's claims and all"}, \
	{"nohlsearch", NULL, ui_cmds_nohlsearch, "", "take the search match's highlight away (:noh; Esc in the reader does too)"}, \
	{"set", NULL, ui_cmds_set, "width=N|align=left|align=centre", "the reader's widest line (width=0: the window's; 100 by default) and, in a wider window, its lines at the left or centred; remembered between runs"},
/* clang-format on */

struct ui;

int ui_cmds_quit(struct ui *ui, const char *arg);
int ui_cmds_close(struct ui *ui, const char *arg);
int ui_cmds_help(struct ui *ui, const char *arg);
int ui_cmds_prompt(struct ui *ui, const char *arg);
int ui_cmds_redraw(struct ui *ui, const char *arg);
int ui_cmds_down(struct ui *ui, const char *arg);
int ui_cmds_up(struct ui *ui, const char *arg);
int ui_cmds_page_down(struct ui *ui, const char *arg);
int ui_cmds_page_up(struct ui *ui, const char *arg);
int ui_cmds_top(struct ui *ui, const char *arg);
int ui_cmds_bottom(struct ui *ui, const char *arg);
int ui_cmds_goto(struct ui *ui, const char *arg);
int ui_cmds_left(struct ui *ui, const char *arg);
int ui_cmds_right(struct ui *ui, const char *arg);
int ui_cmds_word_next(struct ui *ui, const char *arg);
int ui_cmds_word_prev(struct ui *ui, const char *arg);
int ui_cmds_line_start(struct ui *ui, const char *arg);
int ui_cmds_line_end(struct ui *ui, const char *arg);
int ui_cmds_open(struct ui *ui, const char *arg);
int ui_cmds_next_article(struct ui *ui, const char *arg);
int ui_cmds_prev_article(struct ui *ui, const char *arg);
int ui_cmds_search(struct ui *ui, const char *arg);
int ui_cmds_search_next(struct ui *ui, const char *arg);
int ui_cmds_search_prev(struct ui *ui, const char *arg);
int ui_cmds_boilerplate(struct ui *ui, const char *arg);
int ui_cmds_status(struct ui *ui, const char *arg);
int ui_cmds_reload(struct ui *ui, const char *arg);
int ui_cmds_sort(struct ui *ui, const char *arg);
int ui_cmds_sort_next(struct ui *ui, const char *arg);
int ui_cmds_filter(struct ui *ui, const char *arg);
int ui_cmds_date(struct ui *ui, const char *arg);
int ui_cmds_export(struct ui *ui, const char *arg);
int ui_cmds_nohlsearch(struct ui *ui, const char *arg);
int ui_cmds_set(struct ui *ui, const char *arg);
int ui_cmds_status_next(struct ui *ui, const char *arg);
int ui_cmds_jump(struct ui *ui, const char *arg);
/* ui_cmds_tag.c */
int ui_cmds_tag(struct ui *ui, const char *arg);
int ui_cmds_select(struct ui *ui, const char *arg);
int ui_cmds_cancel(struct ui *ui, const char *arg);
int ui_cmds_untag(struct ui *ui, const char *arg);
int ui_cmds_relabel(struct ui *ui, const char *arg);
int ui_cmds_link(struct ui *ui, const char *arg);
int ui_cmds_span_next(struct ui *ui, const char *arg);
int ui_cmds_span_prev(struct ui *ui, const char *arg);
int ui_cmds_tag_all(struct ui *ui, const char *arg);
int ui_cmds_tag_corpus(struct ui *ui, const char *arg);
int ui_cmds_fold(struct ui *ui, const char *arg);
int ui_cmds_span_outer(struct ui *ui, const char *arg);
int ui_cmds_accept(struct ui *ui, const char *arg);
int ui_cmds_accept_all(struct ui *ui, const char *arg);
int ui_cmds_reject(struct ui *ui, const char *arg);
int ui_cmds_undo(struct ui *ui, const char *arg);
int ui_cmds_redo(struct ui *ui, const char *arg);
int ui_cmds_spans(struct ui *ui, const char *arg);
int ui_cmds_entities(struct ui *ui, const char *arg);
/* ui_cmds_entity.c */
int ui_cmds_rename(struct ui *ui, const char *arg);
int ui_cmds_mark(struct ui *ui, const char *arg);
int ui_cmds_merge(struct ui *ui, const char *arg);
int ui_cmds_entity_delete(struct ui *ui, const char *arg);
/* ui_cmds_claim.c */
int ui_cmds_claim(struct ui *ui, const char *arg);
int ui_cmds_unclaim(struct ui *ui, const char *arg);
int ui_cmds_dismiss(struct ui *ui, const char *arg);
int ui_cmds_candidate_next(struct ui *ui, const char *arg);
int ui_cmds_candidate_prev(struct ui *ui, const char *arg);
int ui_cmds_claim_next(struct ui *ui, const char *arg);
int ui_cmds_claim_prev(struct ui *ui, const char *arg);
int ui_cmds_verdict(struct ui *ui, const char *arg);
int ui_cmds_evidence(struct ui *ui, const char *arg);
int ui_cmds_note(struct ui *ui, const char *arg);
int ui_cmds_evidence_delete(struct ui *ui, const char *arg);
int ui_cmds_approve(struct ui *ui, const char *arg);
int ui_cmds_dispute(struct ui *ui, const char *arg);
int ui_cmds_apply(struct ui *ui, const char *arg);
int ui_cmds_claim_info(struct ui *ui, const char *arg);
int ui_cmds_claims(struct ui *ui, const char *arg);
int ui_cmds_stats(struct ui *ui, const char *arg);
int ui_cmds_adjudicate(struct ui *ui, const char *arg);
int ui_cmds_gold_take(struct ui *ui, const char *arg);
int ui_cmds_gold_both(struct ui *ui, const char *arg);
int ui_cmds_gold_none(struct ui *ui, const char *arg);
int ui_cmds_gold_edit(struct ui *ui, const char *arg);
int ui_cmds_gold_next(struct ui *ui, const char *arg);
int ui_cmds_gold_prev(struct ui *ui, const char *arg);
int ui_cmds_gold_verdict(struct ui *ui, const char *arg);
int ui_cmds_claims_status(struct ui *ui, const char *arg);
int ui_cmds_claims_verdict(struct ui *ui, const char *arg);
int ui_cmds_claims_scope(struct ui *ui, const char *arg);
int ui_cmds_candidates(struct ui *ui, const char *arg);
/* The key after "verdict" without a name (ui->pending "verdict"). */
void ui_cmds_verdict_key(struct ui *ui, int key);

/*
 * The row of the command table with a ui function named name, or whose name
 * name uniquely begins; NULL if none (*ambiguous set when several begin so).
 */
const struct cmd *ui_cmds_find(const char *name, int *ambiguous);

/* Run a command by name with its argument (may be NULL); 0 or the error's code. */
int ui_cmds_run(struct ui *ui, const char *name, const char *arg);

/* Run a line typed at the `:` prompt: "NAME [ARG]", or a line number. */
int ui_cmds_run_line(struct ui *ui, const char *line);

/* ui_cmds_keys.c */
/*
 * A key outside the prompt: digits make a count (5j), then the key's command
 * runs with it (a motion's N, G's line, a jump repeated), or a label's key
 * tags in the reader.
 */
void ui_cmds_key(struct ui *ui, int key);
/* The key after a command that waits for a label key (ui->pending) or a y (ui->confirm). */
void ui_cmds_pending_key(struct ui *ui, int key);
void ui_cmds_confirm_key(struct ui *ui, int key);

/*
 * Tab at the : prompt: complete the word at the end of line (a command's
 * name, or its argument: a label, on|off, ...); cmd is the command a fixed
 * prompt is for (the line is its argument), or NULL.  Writes the completed
 * line to out and the matches, when several, to list; returns how many.
 */
size_t ui_cmds_complete(struct ui *ui, const char *cmd, const char *line, char *out, size_t size,
                        char *list, size_t lsize);

/* :set NAME=VALUE without a message (the settings read at start); 0 or DESK_ERROR. */
int ui_cmds_set_quiet(struct ui *ui, const char *arg);

#endif
