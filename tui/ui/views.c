/*
 * views.c - the views' table: each view's view_ops by its id (view.h).  The
 * one place that names every view: the event loop makes, starts, refreshes
 * and frees them through their rows, and a view or a command that puts
 * another on screen asks for its row by id.
 */
#include "view.h"

extern const struct view_ops view_list_ops;
extern const struct view_ops view_reader_ops;
extern const struct view_ops view_help_ops;
extern const struct view_ops view_spans_ops;
extern const struct view_ops view_entities_ops;
extern const struct view_ops view_claims_ops;
extern const struct view_ops view_claim_ops;
extern const struct view_ops view_stats_ops;
extern const struct view_ops view_search_ops;
extern const struct view_ops view_gold_ops;

const struct view_ops *const views[VIEW_NVIEWS] = {
    [VIEW_LIST] = &view_list_ops,         [VIEW_READER] = &view_reader_ops,
    [VIEW_HELP] = &view_help_ops,         [VIEW_SPANS] = &view_spans_ops,
    [VIEW_ENTITIES] = &view_entities_ops, [VIEW_CLAIMS] = &view_claims_ops,
    [VIEW_CLAIM] = &view_claim_ops,       [VIEW_STATS] = &view_stats_ops,
    [VIEW_SEARCH] = &view_search_ops,     [VIEW_GOLD] = &view_gold_ops,
};
