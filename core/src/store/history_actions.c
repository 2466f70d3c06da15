/*
 * history_actions.c - what undo and redo do for each action of the edit
 * log: the statements that check that an edit's target is as the edit left
 * it and put back its other state, and the action in an editor's words.
 *
 * The data of each action (JSON):
 *   span-add, span-delete      {"span": ID, "label": "PER", "entity_id": 0}: taking
 *                              the span away is refused when they changed
 *   span-relabel               {"before": {"label": "PER"}, "after": {"label": "ORG"}}
 *   span-link                  {"before": {"entity_id": 0}, "after": {"entity_id": 5}}
 *   entity-rename              {"before": {"name": "...", "external_id": "..."},
 *                               "after": {"name": "...", "external_id": "..."}}
 *   entity-merge               {"into": 3, "from": 7, "spans": [12, 15]}
 *   status                     {"before": "new", "after": "done"}
 *   status-auto                {"before": "new", "after": "progress"}: the first edit
 *                              of a new article puts it in progress; soft: when someone
 *                              set another status since, undo and redo leave it
 *   group                      {"edits": [log ids]}: the edits of one transaction
 *                              (a bulk edit, a claim with its research, an edit and its
 *                              status-auto), undone last first and redone first first,
 *                              all or none
 *   suggestion-reject          {"article_id": 1, "start": 4, "end": 9, "label": "PER"}
 *   claim-add, claim-delete    {"claim": ID, "research": RID, "state": R, "evidence": [EIDs]}:
 *                              the claim with its research as the edit left it (R as
 *                              below, the standing evidence); taking the claim away is
 *                              refused when they changed (older edits: {"claim": ID})
 *   research-verdict, research-note, claim-approve, claim-dispute
 *                              {"claim": ID, "research": RID, "before": R, "after": R}
 *   evidence-add, evidence-delete
 *                              {"evidence": EID, "research": RID, "before": R, "after": R}
 *       where R is the research row's state: {"status", "verdict", "note", "proposed_by",
 *       "proposed_at", "reviewed_by", "reviewed_at", "review_reason"} (null for NULL);
 *       undo puts "before" back whole (so undoing an approval makes it proposed again,
 *       without the review), redo "after"
 *   claim-apply                {"claim": ID, "research": RID, "claims": [new claim ids],
 *                               "relinked": [{"claim": ID, "before": old RID}],
 *                               "state": R, "evidence": [EIDs]}: undo refuses when the
 *                               research changed since (older edits: no state)
 *   candidate-dismiss          {"article_id": 1, "start": 0, "end": 42}
 *   config                     {"key": "org.name", "before": "..." or null, "after": ...}:
 *                              a setting (config.c); null when unset
 *   entity-delete              {"entities": [the rows of the entity and those merged into it],
 *                               "spans": [[span id, entity id] of deleted spans naming one]}
 *   gold                       {"span_on": [gold span ids], "span_off": [...],
 *                               "layer_on": [article ids], "layer_off": [...],
 *                               "verdict_on": [gold verdict ids], "verdict_off": [...]}:
 *                              a change of the gold layer (annotate/gold.c): the rows
 *                              it made stand (on) and took away (off); undo takes the
 *                              "on" away and brings the "off" back, refused when any
 *                              of them changed since; redo the reverse
 */
#include <string.h>

#include "history.h"

#define HISTORY_SPAN_ID "coalesce(json_extract(?2, '$.span'), ?1)"
#define HISTORY_SPAN_GONE                                                                          \
	"WHEN s.deleted_at IS NOT NULL THEN printf('span %d was deleted by %s', s.id, "            \
	"s.deleted_by) "

#define HISTORY_CLAIM_ID "coalesce(json_extract(?2, '$.claim'), ?1)"
#define HISTORY_DISMISSED                                                                          \
	"r.article_id = json_extract(?2, '$.article_id') AND r.start = json_extract(?2, "          \
	"'$.start') AND r.\"end\" = json_extract(?2, '$.end')"
/* The research row r is not in ?3's state; put it in ?4's. */
#define HISTORY_RF(f) "r." f " IS NOT json_extract(?2, '$.' || ?3 || '." f "')"
#define HISTORY_RS(f) f " = json_extract(?2, '$.' || ?4 || '." f "'), "
/* clang-format off */
#define HISTORY_RESEARCH_CHANGED                                                                   \
	"(" HISTORY_RF("status") " OR " HISTORY_RF("verdict") " OR " HISTORY_RF("note")            \
	" OR " HISTORY_RF("proposed_by") " OR " HISTORY_RF("proposed_at")                          \
	" OR " HISTORY_RF("reviewed_by") " OR " HISTORY_RF("reviewed_at")                          \
	" OR " HISTORY_RF("review_reason") ")"
/* The research r of a claim-add or -delete is not as its "state" and "evidence". */
#define HISTORY_CS(f) "r." f " IS NOT json_extract(?2, '$.state." f "')"
#define HISTORY_CLAIM_RESEARCH_CHANGED                                                             \
	"(" HISTORY_CS("status") " OR " HISTORY_CS("verdict") " OR " HISTORY_CS("note")            \
	" OR " HISTORY_CS("proposed_by") " OR " HISTORY_CS("proposed_at")                          \
	" OR " HISTORY_CS("reviewed_by") " OR " HISTORY_CS("reviewed_at")                          \
	" OR " HISTORY_CS("review_reason") " OR (SELECT json_group_array(id) FROM (SELECT id "     \
	"FROM evidence WHERE research_id = r.id AND deleted_at IS NULL ORDER BY id)) IS NOT "      \
	"json_extract(?2, '$.evidence'))"
#define HISTORY_RESEARCH_PUT                                                                       \
	"UPDATE research SET " HISTORY_RS("status") HISTORY_RS("verdict") HISTORY_RS("note")       \
	HISTORY_RS("proposed_by") HISTORY_RS("proposed_at") HISTORY_RS("reviewed_by")              \
	HISTORY_RS("reviewed_at") HISTORY_RS("review_reason")                                      \
	"updated_by = ?5, updated_at = " DESK_SQL_NOW " WHERE id = json_extract(?2, '$.research')"
/*
 * The gold rows of the list k of a 'gold' edit (k "span", "layer" or
 * "verdict": table t, key column c): a row of k_on must stand now for an
 * undo (?7) and be away for a redo; a row of k_off the reverse.
 */
#define HISTORY_GOLD_IN(k) "(SELECT value FROM json_each(?2, '$." k "'))"
#define HISTORY_GOLD_CHANGED(k, t, c, what)                                                        \
	"(SELECT printf('" what " %d was changed by %s', g." c ", g.updated_by) FROM " t " g "     \
	"WHERE (g." c " IN " HISTORY_GOLD_IN(k "_on") " AND (g.deleted_at IS NULL) <> ?7) OR "      \
	"(g." c " IN " HISTORY_GOLD_IN(k "_off") " AND (g.deleted_at IS NULL) = ?7) LIMIT 1)"
/* clang-format off */
#define HISTORY_GOLD_CHECK                                                                         \
	"SELECT coalesce(" HISTORY_GOLD_CHANGED("span", "gold_span", "id", "gold span") ", "       \
	HISTORY_GOLD_CHANGED("layer", "gold_article", "article_id", "the gold layer of article")   \
	", " HISTORY_GOLD_CHANGED("verdict", "gold_verdict", "id", "settled verdict") ")"
/* clang-format on */
/* Take away what must go and bring back what must come (see HISTORY_GOLD_CHANGED). */
#define HISTORY_GOLD_PUT(k, t, c)                                                                  \
	"UPDATE " t " SET deleted_at = CASE WHEN (" c " IN " HISTORY_GOLD_IN(                      \
	    k                                                                                      \
	    "_on") ") = ?7 "                                                                       \
	           "THEN " DESK_SQL_NOW " END, deleted_by = CASE WHEN (" c " IN " HISTORY_GOLD_IN( \
	               k "_on") ") = ?7 THEN ?5 END, updated_by = ?5, updated_at = " DESK_SQL_NOW  \
	                        " WHERE " c                                                        \
	                        " IN " HISTORY_GOLD_IN(k "_on") " OR " c                           \
	                                                        " IN " HISTORY_GOLD_IN(k "_off")
/* clang-format on */

static const history_action history_actions[] = {
    {"span-add",
     "the tagging",
     0,
     "span",
     /* ?7: the span stands now and goes; else it is deleted now and comes back. */
     "SELECT CASE WHEN ?7 AND s.deleted_at IS NOT NULL THEN printf('span %d was deleted by %s', "
     "s.id, s.deleted_by) "
     /* the span goes with its label and entity as the edit left them (older edits: any) */
     "WHEN ?7 AND s.label IS NOT coalesce(json_extract(?2, '$.label'), s.label) THEN "
     "printf('span %d was relabelled %s by %s', s.id, s.label, s.updated_by) "
     "WHEN ?7 AND coalesce(s.entity_id, 0) IS NOT coalesce(json_extract(?2, '$.entity_id'), "
     "coalesce(s.entity_id, 0)) THEN printf('span %d was linked to %s by %s', s.id, "
     "coalesce((SELECT printf('\"%s\"', name) FROM entity WHERE id = s.entity_id), 'no "
     "entity'), s.updated_by) "
     "WHEN NOT ?7 AND s.deleted_at IS NULL THEN printf('span %d was restored by %s', s.id, "
     "s.updated_by) "
     "WHEN NOT ?7 AND EXISTS (SELECT 1 FROM span o WHERE o.article_id = s.article_id AND "
     "o.start = s.start AND o.\"end\" = s.\"end\" AND o.label = s.label AND o.deleted_at IS "
     "NULL) THEN (SELECT printf('span %d tags the same range as %s, by %s', o.id, o.label, "
     "o.author) FROM span o WHERE o.article_id = s.article_id AND o.start = s.start AND "
     "o.\"end\" = s.\"end\" AND o.label = s.label AND o.deleted_at IS NULL) END "
     "FROM span s WHERE s.id = " HISTORY_SPAN_ID,
     {"UPDATE span SET deleted_at = CASE WHEN ?7 THEN " DESK_SQL_NOW " END, "
      "deleted_by = CASE WHEN ?7 THEN ?5 END, updated_by = ?5, updated_at = " DESK_SQL_NOW
      " WHERE id = " HISTORY_SPAN_ID,
      NULL},
     NULL,
     0},
    {"span-delete", "the untagging", 1, "span", NULL, {NULL, NULL}, "span-add", 0},
    {"span-relabel",
     "the new label",
     0,
     "span",
     "SELECT CASE " HISTORY_SPAN_GONE
     "WHEN s.label IS NOT json_extract(?2, '$.' || ?3 || '.label') THEN "
     "printf('span %d was relabelled %s by %s', s.id, s.label, s.updated_by) "
     "WHEN NOT EXISTS (SELECT 1 FROM label WHERE name = json_extract(?2, '$.' || ?4 || "
     "'.label')) THEN printf('label %s no longer exists', json_extract(?2, '$.' || ?4 || "
     "'.label')) "
     "WHEN EXISTS (SELECT 1 FROM span o WHERE o.article_id = s.article_id AND o.start = "
     "s.start AND o.\"end\" = s.\"end\" AND o.deleted_at IS NULL AND o.id <> s.id AND o.label "
     "= json_extract(?2, '$.' || ?4 || '.label')) THEN printf('another span tags the same "
     "range as %s', json_extract(?2, '$.' || ?4 || '.label')) END "
     "FROM span s WHERE s.id = ?1",
     {"UPDATE span SET label = json_extract(?2, '$.' || ?4 || '.label'), updated_by = ?5, "
      "updated_at = " DESK_SQL_NOW " WHERE id = ?1",
      NULL},
     NULL,
     0},
    {"span-link",
     "the link to an entity",
     0,
     "span",
     "SELECT CASE " HISTORY_SPAN_GONE
     "WHEN coalesce(s.entity_id, 0) <> json_extract(?2, '$.' || ?3 || '.entity_id') THEN "
     "printf('span %d was linked to %s by %s', s.id, coalesce((SELECT printf('\"%s\"', name) "
     "FROM entity WHERE id = s.entity_id), 'no entity'), s.updated_by) END "
     "FROM span s WHERE s.id = ?1",
     {"UPDATE span SET entity_id = nullif(json_extract(?2, '$.' || ?4 || '.entity_id'), 0), "
      "updated_by = ?5, updated_at = " DESK_SQL_NOW " WHERE id = ?1",
      NULL},
     NULL,
     0},
    {"entity-rename",
     "the renaming of an entity",
     0,
     "entity",
     "SELECT CASE WHEN name IS NOT json_extract(?2, '$.' || ?3 || '.name') OR external_id IS "
     "NOT coalesce(json_extract(?2, '$.' || ?3 || '.external_id'), '') THEN "
     "printf('entity %d was renamed \"%s\" by %s', id, name, updated_by) END "
     "FROM entity WHERE id = ?1",
     {"UPDATE entity SET name = json_extract(?2, '$.' || ?4 || '.name'), external_id = "
      "coalesce(json_extract(?2, '$.' || ?4 || '.external_id'), ''), updated_by = ?5, "
      "updated_at = " DESK_SQL_NOW " WHERE id = ?1",
      NULL},
     NULL,
     0},
    {"entity-merge",
     "the merging of entities",
     0,
     "entity",
     /* ?7: "from" is merged into "into" now and comes apart; else it merges again. */
     "SELECT CASE WHEN ?7 AND f.merged_into IS NOT json_extract(?2, '$.into') THEN "
     "printf('entity %d was changed by %s', f.id, f.updated_by) "
     "WHEN NOT ?7 AND f.merged_into IS NOT NULL THEN printf('entity %d was merged again by "
     "%s', f.id, f.updated_by) "
     "ELSE (SELECT printf('span %d was linked elsewhere by %s', s.id, s.updated_by) FROM "
     "json_each(?2, '$.spans') j JOIN span s ON s.id = j.value WHERE s.entity_id IS NOT "
     "json_extract(?2, CASE WHEN ?7 THEN '$.into' ELSE '$.from' END) LIMIT 1) END "
     "FROM entity f WHERE f.id = json_extract(?2, '$.from')",
     {"UPDATE span SET entity_id = json_extract(?2, CASE WHEN ?7 THEN '$.from' ELSE '$.into' "
      "END), updated_by = ?5, updated_at = " DESK_SQL_NOW
      " WHERE id IN (SELECT value FROM json_each(?2, '$.spans'))",
      "UPDATE entity SET merged_into = CASE WHEN ?7 THEN NULL ELSE json_extract(?2, '$.into') "
      "END, updated_by = ?5, updated_at = " DESK_SQL_NOW " WHERE id = json_extract(?2, "
      "'$.from')"},
     NULL,
     0},
    {"status",
     "the change of status",
     0,
     "article",
     "SELECT CASE WHEN status IS NOT json_extract(?2, '$.' || ?3) THEN "
     "printf('article %d was set to %s by %s', id, status, updated_by) END "
     "FROM article WHERE id = ?6",
     {"UPDATE article SET status = json_extract(?2, '$.' || ?4), updated_by = ?5, "
      "updated_at = " DESK_SQL_NOW " WHERE id = ?6",
      NULL},
     NULL,
     0},
    {"config",
     "the setting",
     0,
     "setting",
     "SELECT CASE WHEN c.value IS NOT json_extract(?2, '$.' || ?3) THEN CASE WHEN c.value IS "
     "NULL THEN printf('%s was unset', k.key) ELSE printf('%s was set to \"%s\" by %s', k.key, "
     "c.value, c.updated_by) END END FROM (SELECT json_extract(?2, '$.key') AS key) k LEFT "
     "JOIN config c ON c.key = k.key",
     {"DELETE FROM config WHERE key = json_extract(?2, '$.key') AND json_extract(?2, '$.' || "
      "?4) IS NULL",
      "INSERT INTO config (key, value, updated_by, updated_at) SELECT json_extract(?2, "
      "'$.key'), json_extract(?2, '$.' || ?4), ?5, " DESK_SQL_NOW " WHERE json_extract(?2, "
      "'$.' || ?4) IS NOT NULL ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
      "updated_by = excluded.updated_by, updated_at = excluded.updated_at"},
     NULL,
     0},
    {"status-auto", "the change of status", 0, "article", NULL, {NULL, NULL}, "status", 1},
    {"suggestion-reject",
     "the rejection of a suggestion",
     0,
     "suggestion",
     /* ?7: the rejection stands now and goes; else it comes back. */
     "SELECT CASE WHEN ?7 AND NOT EXISTS (SELECT 1 FROM suggestion_rejected r WHERE "
     "r.article_id = json_extract(?2, '$.article_id') AND r.start = json_extract(?2, "
     "'$.start') AND r.\"end\" = json_extract(?2, '$.end') AND r.label = json_extract(?2, "
     "'$.label')) THEN 'the rejection was taken back' "
     "WHEN NOT ?7 THEN (SELECT printf('rejected again by %s', r.editor) FROM "
     "suggestion_rejected r WHERE r.article_id = json_extract(?2, '$.article_id') AND "
     "r.start = json_extract(?2, '$.start') AND r.\"end\" = json_extract(?2, '$.end') AND "
     "r.label = json_extract(?2, '$.label')) END",
     {"DELETE FROM suggestion_rejected WHERE ?7 AND article_id = json_extract(?2, "
      "'$.article_id') AND start = json_extract(?2, '$.start') AND \"end\" = "
      "json_extract(?2, '$.end') AND label = json_extract(?2, '$.label')",
      "INSERT INTO suggestion_rejected (article_id, start, \"end\", label, editor, at) "
      "SELECT json_extract(?2, '$.article_id'), json_extract(?2, '$.start'), "
      "json_extract(?2, '$.end'), json_extract(?2, '$.label'), ?5, " DESK_SQL_NOW " WHERE NOT ?7"},
     NULL,
     0},
    {"claim-add",
     "the new claim",
     0,
     "claim",
     /* ?7: the claim stands now and goes; else it is deleted now and comes back. */
     "SELECT CASE WHEN ?7 AND c.deleted_at IS NOT NULL THEN printf('claim %d was deleted by "
     "%s', c.id, c.deleted_by) "
     /* the claim goes with its research as the edit left it (older edits: an empty one) */
     "WHEN ?7 AND c.research_id IS NOT coalesce(json_extract(?2, '$.research'), "
     "c.research_id) THEN printf('claim %d was given the research of another claim by %s', "
     "c.id, c.updated_by) "
     "WHEN ?7 AND (SELECT CASE WHEN json_type(?2, '$.state') IS NULL THEN r.status <> "
     "'check' OR r.verdict IS NOT NULL OR r.note <> '' OR EXISTS (SELECT 1 FROM evidence e "
     "WHERE e.research_id = r.id AND e.deleted_at IS NULL) ELSE " HISTORY_CLAIM_RESEARCH_CHANGED
     " END FROM research r WHERE r.id = c.research_id) THEN (SELECT printf('claim %d was "
     "researched by %s', c.id, coalesce(r.proposed_by, (SELECT e.added_by FROM evidence e "
     "WHERE e.research_id = r.id AND e.deleted_at IS NULL ORDER BY e.id DESC LIMIT 1), "
     "r.updated_by)) FROM research r WHERE r.id = c.research_id) "
     "WHEN NOT ?7 AND c.deleted_at IS NULL THEN printf('claim %d was restored by %s', c.id, "
     "c.updated_by) "
     "WHEN NOT ?7 THEN (SELECT printf('claim %d holds the same range, by %s', o.id, o.author) "
     "FROM claim o WHERE o.article_id = c.article_id AND o.start = c.start AND o.\"end\" = "
     "c.\"end\" AND o.deleted_at IS NULL) END "
     "FROM claim c WHERE c.id = " HISTORY_CLAIM_ID,
     {"UPDATE claim SET deleted_at = CASE WHEN ?7 THEN " DESK_SQL_NOW " END, "
      "deleted_by = CASE WHEN ?7 THEN ?5 END, updated_by = ?5, updated_at = " DESK_SQL_NOW
      " WHERE id = " HISTORY_CLAIM_ID,
      NULL},
     NULL,
     0},
    {"claim-delete", "the deletion of a claim", 1, "claim", NULL, {NULL, NULL}, "claim-add", 0},
    {"research-verdict",
     "the verdict",
     0,
     "research",
     "SELECT CASE WHEN " HISTORY_RESEARCH_CHANGED " THEN printf('the research of claim %d was "
     "changed by %s', json_extract(?2, '$.claim'), r.updated_by) END FROM research r WHERE "
     "r.id = json_extract(?2, '$.research')",
     {HISTORY_RESEARCH_PUT, NULL},
     NULL,
     0},
    {"research-note", "the note", 0, "research", NULL, {NULL, NULL}, "research-verdict", 0},
    {"claim-approve",
     "the approval of a verdict",
     0,
     "research",
     NULL,
     {NULL, NULL},
     "research-verdict",
     0},
    {"claim-dispute",
     "the dispute of a verdict",
     0,
     "research",
     NULL,
     {NULL, NULL},
     "research-verdict",
     0},
    {"evidence-add",
     "the evidence added",
     0,
     "evidence",
     /* ?7: the evidence stands now and goes; else it is deleted now and comes back. */
     "SELECT CASE WHEN ?7 AND e.deleted_at IS NOT NULL THEN printf('evidence %d was deleted by "
     "%s', e.id, e.deleted_by) "
     "WHEN NOT ?7 AND e.deleted_at IS NULL THEN printf('evidence %d was restored', e.id) "
     "ELSE (SELECT printf('the research was changed by %s', r.updated_by) FROM research r "
     "WHERE r.id = json_extract(?2, '$.research') AND " HISTORY_RESEARCH_CHANGED ") END "
     "FROM evidence e WHERE e.id = ?1",
     {"UPDATE evidence SET deleted_at = CASE WHEN ?7 THEN " DESK_SQL_NOW " END, "
      "deleted_by = CASE WHEN ?7 THEN ?5 END WHERE id = ?1",
      HISTORY_RESEARCH_PUT},
     NULL,
     0},
    {"evidence-delete",
     "the evidence deleted",
     1,
     "evidence",
     NULL,
     {NULL, NULL},
     "evidence-add",
     0},
    {"claim-apply",
     "giving the research to the same claim elsewhere",
     0,
     "claim",
     /* ?7: the claims it made stand and go, the ones it relinked go back; else again. */
     "SELECT coalesce((SELECT printf('claim %d was changed by %s', c.id, c.updated_by) FROM "
     "json_each(?2, '$.claims') j JOIN claim c ON c.id = j.value WHERE CASE WHEN ?7 THEN "
     "c.deleted_at IS NOT NULL OR c.research_id IS NOT json_extract(?2, '$.research') ELSE "
     "c.deleted_at IS NULL OR EXISTS (SELECT 1 FROM claim o WHERE o.article_id = "
     "c.article_id AND o.start = c.start AND o.\"end\" = c.\"end\" AND o.deleted_at IS NULL) "
     "END LIMIT 1), (SELECT printf('claim %d was changed by %s', c.id, c.updated_by) FROM "
     "json_each(?2, '$.relinked') j JOIN claim c ON c.id = json_extract(j.value, '$.claim') "
     "WHERE c.deleted_at IS NOT NULL OR c.research_id IS NOT CASE WHEN ?7 THEN "
     "json_extract(?2, '$.research') ELSE json_extract(j.value, '$.before') END LIMIT 1), "
     /* the research the claims go with, as the edit left it (older edits: any) */
     "(SELECT printf('the research of claim %d was changed by %s', json_extract(?2, "
     "'$.claim'), r.updated_by) FROM research r WHERE ?7 AND json_type(?2, '$.state') IS NOT "
     "NULL AND r.id = json_extract(?2, '$.research') AND " HISTORY_CLAIM_RESEARCH_CHANGED "))",
     {"UPDATE claim SET deleted_at = CASE WHEN ?7 THEN " DESK_SQL_NOW " END, "
      "deleted_by = CASE WHEN ?7 THEN ?5 END, updated_by = ?5, updated_at = " DESK_SQL_NOW
      " WHERE id IN (SELECT value FROM json_each(?2, '$.claims'))",
      "UPDATE claim SET research_id = CASE WHEN ?7 THEN (SELECT json_extract(j.value, "
      "'$.before') FROM json_each(?2, '$.relinked') j WHERE json_extract(j.value, '$.claim') "
      "= claim.id) ELSE json_extract(?2, '$.research') END, updated_by = ?5, updated_at "
      "= " DESK_SQL_NOW " WHERE id IN (SELECT json_extract(value, '$.claim') FROM json_each(?2, "
      "'$.relinked'))"},
     NULL,
     0},
    {"candidate-dismiss",
     "the dismissal of a candidate",
     0,
     "candidate",
     /* ?7: the dismissal stands now and goes; else it comes back. */
     "SELECT CASE WHEN ?7 AND NOT EXISTS (SELECT 1 FROM candidate_dismissed r "
     "WHERE " HISTORY_DISMISSED ") THEN 'the dismissal was taken back' "
     "WHEN NOT ?7 THEN (SELECT printf('dismissed again by %s', r.editor) FROM "
     "candidate_dismissed r WHERE " HISTORY_DISMISSED ") END",
     {"DELETE FROM candidate_dismissed AS r WHERE ?7 AND " HISTORY_DISMISSED,
      "INSERT INTO candidate_dismissed (article_id, start, \"end\", editor, at) "
      "SELECT json_extract(?2, '$.article_id'), json_extract(?2, '$.start'), "
      "json_extract(?2, '$.end'), ?5, " DESK_SQL_NOW " WHERE NOT ?7"},
     NULL,
     0},
    {"entity-delete",
     "the deletion of an entity",
     0,
     "entity",
     /* ?7: the entities are gone and come back; else they are there and go again. */
     "SELECT CASE WHEN ?7 THEN (SELECT printf('entity %d was made again', e.id) FROM entity e "
     "WHERE e.id IN (SELECT json_extract(value, '$.id') FROM json_each(?2, '$.entities')) "
     "LIMIT 1) "
     "WHEN NOT EXISTS (SELECT 1 FROM entity WHERE id = ?1) THEN 'the entity was deleted' "
     "ELSE (SELECT printf('span %d was linked to it by %s', s.id, s.updated_by) FROM span s "
     "WHERE s.entity_id IN (SELECT json_extract(value, '$.id') FROM json_each(?2, "
     "'$.entities')) AND s.deleted_at IS NULL LIMIT 1) END",
     {"INSERT INTO entity (id, name, external_id, merged_into, created_by, created_at, "
      "updated_by, updated_at) SELECT json_extract(value, '$.id'), json_extract(value, "
      "'$.name'), json_extract(value, '$.external_id'), json_extract(value, '$.merged_into'), "
      "json_extract(value, '$.created_by'), json_extract(value, '$.created_at'), "
      "json_extract(value, '$.updated_by'), json_extract(value, '$.updated_at') FROM "
      "json_each(?2, '$.entities') WHERE ?7",
      "UPDATE span SET entity_id = CASE WHEN ?7 THEN (SELECT json_extract(value, '$[1]') FROM "
      "json_each(?2, '$.spans') WHERE json_extract(value, '$[0]') = span.id) END WHERE id IN "
      "(SELECT json_extract(value, '$[0]') FROM json_each(?2, '$.spans'))",
      "DELETE FROM entity WHERE NOT ?7 AND id IN (SELECT json_extract(value, '$.id') FROM "
      "json_each(?2, '$.entities'))"},
     NULL,
     0},
    {"gold",
     "the adjudication",
     0,
     "gold layer",
     HISTORY_GOLD_CHECK,
     {HISTORY_GOLD_PUT("span", "gold_span", "id"),
      HISTORY_GOLD_PUT("layer", "gold_article", "article_id"),
      HISTORY_GOLD_PUT("verdict", "gold_verdict", "id")},
     NULL,
     0},
};

const history_action *
history_actions_find(const char *name)
{
	for (size_t i = 0; i < sizeof history_actions / sizeof history_actions[0]; i++)
		if (strcmp(history_actions[i].name, name) == 0)
			return &history_actions[i];
	return NULL;
}

const char *
history_actions_words(const char *action)
{
	const history_action *a = history_actions_find(action);

	if (strcmp(action, "group") == 0) /* no statements of its own: its edits have */
		return "the edits made together";
	return a ? a->words : "the last edit";
}
