/*
 * import_annot.c - the annotations a reader put in its documents (spans,
 * entities, claims with their research, evidence and history, tokens),
 * checked before the file is queued (a bad one refuses the whole file, with
 * its line and why) and stored in the batch's transaction with the rows of
 * the editing functions (annotate/), the file's authors and times kept.
 *
 * The edit log gets one "import-annotations" entry per article that got
 * annotations, listing what was stored (as the articles' "import" entry
 * lists them); like the import itself it is on nobody's undo stack, so an
 * editor's undo never walks back through thousands of imported rows.  A
 * claim's history from the file is written into the log as the events it
 * tells (claim_history_put), so that it reads back the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "import_annot.h"
#include "roles.h"

/* The database's label set and verdict scale, read once at the start of a run. */
int
import_annot_open(import_annot *r, desk *d)
{
	static const char *const sql[2] = {"SELECT name FROM label ORDER BY name",
	                                   "SELECT name FROM verdict ORDER BY name"};
	import_names *to[2] = {&r->labels, &r->verdicts};
	int rc = DESK_OK;

	memset(r, 0, sizeof *r);
	r->d = d;
	if ((rc = roles_is_chief(&r->chief, d)) != DESK_OK)
		return rc;
	for (int i = 0; i < 2 && rc == DESK_OK; i++) {
		sqlite3_stmt *st = NULL;
		size_t cap = 0;
		int s;

		if ((rc = desk_prepare(r->d, &st, sql[i])) != DESK_OK)
			break;
		while ((s = sqlite3_step(st)) == SQLITE_ROW) {
			char *name = desk_strdup((const char *)sqlite3_column_text(st, 0));

			if (name == NULL ||
			    desk_grow(&to[i]->v, &cap, to[i]->n, sizeof *to[i]->v) != DESK_OK) {
				free(name);
				rc = desk_error(r->d, DESK_NOMEM, "out of memory");
				break;
			}
			to[i]->v[to[i]->n++] = name;
		}
		if (rc == DESK_OK && s != SQLITE_DONE)
			rc = desk_sqlite_error(r->d, "label set");
		sqlite3_finalize(st);
	}
	return rc;
}

void
import_annot_close(import_annot *r)
{
	import_names *v[2] = {&r->labels, &r->verdicts};

	for (int i = 0; i < 2; i++) {
		for (size_t j = 0; j < v[i]->n; j++)
			free(v[i]->v[j]);
		free(v[i]->v);
		v[i]->v = NULL;
		v[i]->n = 0;
	}
	free(r->rmap.v);
	memset(&r->rmap, 0, sizeof r->rmap);
	free(r->rmap_file);
	r->rmap_file = NULL;
	import_notes_drop(r);
}

void
import_note_add(void *ctx, int64_t line, const char *msg)
{
	import_annot *r = ctx;
	char *m = desk_strdup(msg);

	if (m == NULL ||
	    desk_grow(&r->notes, &r->capnotes, r->nnotes, sizeof *r->notes) != DESK_OK) {
		free(m); /* a note lost for memory: the import goes on */
		return;
	}
	r->notes[r->nnotes].line = line;
	r->notes[r->nnotes++].msg = m;
}

void
import_notes_free(import_note *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].msg);
	free(v);
}

void
import_notes_drop(import_annot *r)
{
	import_notes_free(r->notes, r->nnotes);
	r->notes = NULL;
	r->nnotes = r->capnotes = 0;
}

/* The name of the set as it spells it (labels ignoring case), or NULL. */
static const char *
import_name_of(const import_names *set, const char *name, int nocase)
{
	for (size_t i = 0; name && i < set->n; i++)
		if (strcmp(set->v[i], name) == 0)
			return set->v[i];
	for (size_t i = 0; name && nocase && i < set->n; i++)
		if (strcasecmp(set->v[i], name) == 0)
			return set->v[i];
	return NULL;
}

int
import_annotated(const format_article *a)
{
	return a->nspans || a->nclaims || a->ntokens || a->nentities || a->id > 0 || a->layer ||
	       a->status || a->imported_by || a->imported_at || a->updated_by || a->updated_at;
}

/* A name (an editor's, an entity's, an id): one line, not empty, not too long. */
static const char *
import_bad_name(char why[DESK_FIELD_WHY], const char *s, size_t max)
{
	return desk_field_check(why, s, strlen(s), max, DESK_FIELD_LINE | DESK_FIELD_NONEMPTY);
}

/* At most 60 bytes of s[0..len) for a message, not cutting a character in two. */
static int
import_cut(const char *s, size_t len)
{
	if (len <= 60)
		return (int)len;
	len = 60;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	return (int)len;
}

/*
 * A range of the body: inside it, its text the file's when the file gives
 * one; widened to whole graphemes as the editing functions do, its text then
 * the body's (in the document's pool).
 */
static int
import_range(import_annot *r, format_article *a, const desk_text *t, int64_t *start, int64_t *end,
             const char **text, int64_t line, const char *what, size_t i, format_error *err)
{
	int64_t len = desk_text_len(t), s0 = *start, e0 = *end;
	char *snap = NULL;
	size_t b0, b1, n;

	if (*start < 0 || *start >= *end || *end > len)
		return format_fail(err, DESK_INVALID, line, 1,
		                   "%s %zu: %lld-%lld is not a range of the text (%lld characters)",
		                   what, i + 1, (long long)*start, (long long)*end, (long long)len);
	b0 = desk_text_byte(t, *start);
	b1 = desk_text_byte(t, *end);
	if (*text != NULL && (strlen(*text) != b1 - b0 || memcmp(*text, a->in.body + b0, b1 - b0)))
		return format_fail(
		    err, DESK_INVALID, line, 1,
		    "%s %zu: its text \"%.*s\" is not the text at %lld-%lld (\"%.*s\")", what,
		    i + 1, import_cut(*text, strlen(*text)), *text, (long long)*start,
		    (long long)*end, import_cut(a->in.body + b0, b1 - b0), a->in.body + b0);
	if (span_range_text(t, start, end, &snap, &n) != DESK_OK ||
	    (*text = format_pool_strdup(&a->pool, snap, n)) == NULL) {
		free(snap);
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	}
	free(snap);
	if (*start != s0 || *end != e0) {
		char msg[160];

		snprintf(msg, sizeof msg,
		         "%s %zu: %lld-%lld widened to %lld-%lld, whole characters (a letter with "
		         "its marks)",
		         what, i + 1, (long long)s0, (long long)e0, (long long)*start,
		         (long long)*end);
		import_note_add(r, line, msg);
	}
	return DESK_OK;
}

/*
 * A name the file records as who did something (an author, a proposer, a
 * reviewer, an editor of the history) is the importing editor's own, or the
 * importer is a chief: an editor cannot bring in work, reviews above all, in
 * another editor's name (store/roles.c; the edit log keeps who imported).
 */
static int
import_check_own(import_annot *r, const char *name, int64_t line, const char *what, size_t i,
                 format_error *err)
{
	if (name == NULL || *name == '\0' || r->chief || strcmp(name, desk_editor(r->d)) == 0)
		return DESK_OK;
	return format_fail(err, DESK_DENIED, line, 1,
	                   "%s %zu: in the name of %.64s: refused (rule chief-only): only a "
	                   "chief imports other editors' work, and %.64s is an editor",
	                   what, i + 1, name, desk_editor(r->d));
}

static int
import_check_claim(import_annot *r, format_article *a, const desk_text *t, format_claim *c,
                   size_t i, format_error *err)
{
	static const char *const statuses[] = {"check", "proposed", "verified", "disputed"};
	int64_t line = c->line > 0 ? c->line : a->line;
	char why[DESK_FIELD_WHY];
	const char *bad, *v = NULL;
	int rc, known = c->status == NULL;

	if ((rc = import_range(r, a, t, &c->start, &c->end, &c->text, line, "claim", i, err)) !=
	    DESK_OK)
		return rc;
	for (size_t k = 0; !known && k < 4; k++)
		known = strcmp(c->status, statuses[k]) == 0;
	if (!known)
		return format_fail(err, DESK_INVALID, line, 1,
		                   "claim %zu: no status \"%.40s\" (check, proposed, verified, "
		                   "disputed)",
		                   i + 1, c->status);
	if (c->verdict && *c->verdict == '\0')
		c->verdict = NULL;
	if (c->verdict && (v = import_name_of(&r->verdicts, c->verdict, 0)) == NULL)
		return format_fail(err, DESK_INVALID, line, 1,
		                   "claim %zu: no verdict \"%.40s\" in the database's scale", i + 1,
		                   c->verdict);
	c->verdict = c->verdict ? v : NULL;
	if (c->author && (bad = import_bad_name(why, c->author, DESK_EDITOR_MAX)) != NULL)
		return format_fail(err, DESK_INVALID, line, 1, "claim %zu: author %s", i + 1, bad);
	if ((rc = import_check_own(r, c->author, line, "claim", i, err)) != DESK_OK ||
	    (rc = import_check_own(r, c->proposed_by, line, "claim", i, err)) != DESK_OK ||
	    (rc = import_check_own(r, c->reviewed_by, line, "claim", i, err)) != DESK_OK)
		return rc;
	for (size_t k = 0; k < c->nevidence; k++) {
		const format_evidence *e = &c->evidence[k];

		if ((rc = import_check_own(r, e->added_by, line, "claim", i, err)) != DESK_OK)
			return rc;

		if (e->source == NULL || *e->source == '\0' || e->quote == NULL ||
		    *e->quote == '\0' || e->consulted == NULL || strlen(e->consulted) != 10 ||
		    !desk_date_valid(e->consulted, 10))
			return format_fail(
			    err, DESK_INVALID, line, 1,
			    "claim %zu: evidence %zu needs a source, a quote and the "
			    "day it was consulted (YYYY-MM-DD)",
			    i + 1, k + 1);
	}
	for (size_t k = 0; k < c->nhistory; k++) {
		const format_event *e = &c->history[k];

		if ((rc = import_check_own(r, e->editor, line, "claim", i, err)) != DESK_OK)
			return rc;

		if (!claim_history_word_known(e->action) || e->editor == NULL || e->at == NULL ||
		    *e->editor == '\0' || *e->at == '\0')
			return format_fail(
			    err, DESK_INVALID, line, 1,
			    "claim %zu: history event %zu: \"%.40s\" is not an event "
			    "with an editor and a time",
			    i + 1, k + 1, e->action ? e->action : "");
		if (k == 0 &&
		    (strcmp(e->action, "undone") == 0 || strcmp(e->action, "redone") == 0))
			return format_fail(
			    err, DESK_INVALID, line, 1,
			    "claim %zu: history event 1: \"%s\" with no event before it", i + 1,
			    e->action);
		if (e->verdict && import_name_of(&r->verdicts, e->verdict, 0) == NULL)
			return format_fail(err, DESK_INVALID, line, 1,
			                   "claim %zu: history event %zu: no verdict \"%.40s\"",
			                   i + 1, k + 1, e->verdict);
	}
	return DESK_OK;
}

static int
import_check_span(import_annot *r, format_article *a, const desk_text *t, format_span *s, size_t i,
                  format_error *err)
{
	int64_t line = s->line > 0 ? s->line : a->line;
	char why[DESK_FIELD_WHY];
	const char *label, *bad;
	int rc, found = s->entity == 0;

	if ((label = import_name_of(&r->labels, s->label, 1)) == NULL)
		return format_fail(err, DESK_INVALID, line, 1,
		                   "span %zu: no label \"%.40s\" in the database's label set",
		                   i + 1, s->label ? s->label : "");
	s->label = label;
	if ((rc = import_range(r, a, t, &s->start, &s->end, &s->text, line, "span", i, err)) !=
	    DESK_OK)
		return rc;
	for (size_t k = 0; !found && k < a->nentities; k++)
		found = a->entities[k].id == s->entity;
	if (!found)
		return format_fail(err, DESK_INVALID, line, 1, "span %zu: no entity %lld", i + 1,
		                   (long long)s->entity);
	if (s->author && (bad = import_bad_name(why, s->author, DESK_EDITOR_MAX)) != NULL)
		return format_fail(err, DESK_INVALID, line, 1, "span %zu: author %s", i + 1, bad);
	if ((rc = import_check_own(r, s->author, line, "span", i, err)) != DESK_OK)
		return rc;
	return DESK_OK;
}

/* One document's annotations and metadata. */
static int
import_check_one(import_annot *r, format_article *a, format_error *err)
{
	static const char *const statuses[] = {"new", "progress", "done"};
	char why[DESK_FIELD_WHY];
	const char *bad;
	desk_text *t = NULL;
	int rc = DESK_OK, known = a->status == NULL;

	for (size_t k = 0; !known && k < 3; k++)
		known = strcmp(a->status, statuses[k]) == 0;
	if (!known)
		return format_fail(err, DESK_INVALID, a->line, 1,
		                   "no article status \"%.40s\" (new, progress, done)", a->status);
	for (size_t i = 0; i < a->nentities; i++) {
		const format_entity *e = &a->entities[i];

		if ((bad = import_bad_name(why, e->name ? e->name : "", DESK_NAME_MAX)) != NULL ||
		    (e->external_id && *e->external_id &&
		     (bad = import_bad_name(why, e->external_id, DESK_ID_MAX)) != NULL))
			return format_fail(err, DESK_INVALID, a->line, 1, "entity %lld: %s",
			                   (long long)e->id, bad);
	}
	if (a->nspans == 0 && a->nclaims == 0 && a->ntokens == 0)
		return DESK_OK;
	if (desk_text_new(&t, a->in.body, a->in.body_len) != DESK_OK)
		return format_fail(err, DESK_NOMEM, 0, 0, "out of memory");
	for (size_t i = 0; i < a->nspans && rc == DESK_OK; i++)
		rc = import_check_span(r, a, t, &a->spans[i], i, err);
	for (size_t i = 0; i < a->nclaims && rc == DESK_OK; i++)
		rc = import_check_claim(r, a, t, &a->claims[i], i, err);
	for (size_t i = 0; i < a->ntokens && rc == DESK_OK; i++)
		if (a->tokens[i].start < 0 || a->tokens[i].start >= a->tokens[i].end ||
		    a->tokens[i].end > desk_text_len(t))
			rc =
			    format_fail(err, DESK_INVALID, a->line, 1,
			                "token %zu: %lld-%lld is not a range of the text", i + 1,
			                (long long)a->tokens[i].start, (long long)a->tokens[i].end);
	desk_text_free(t);
	return rc;
}

int
import_annot_check(import_annot *r, format_article *arts, size_t n, int *annotated,
                   format_error *err)
{
	int rc;

	for (size_t i = 0; i < n; i++) {
		if (!import_annotated(&arts[i]))
			continue;
		*annotated = 1;
		if ((rc = import_check_one(r, &arts[i], err)) != DESK_OK)
			return rc;
	}
	return DESK_OK;
}

/* --- Storing ------------------------------------------------------------- */

/* The statements of one batch's store. */
typedef struct import_stmts {
	sqlite3_stmt *meta, *span_same, *span_ins, *ent_find, *ent_ins, *res_ins, *ev_ins,
	    *claim_at, *claim_ins, *hist, *tokens, *layer;
} import_stmts;

static void
import_stmts_free(import_stmts *s)
{
	sqlite3_stmt **v = (sqlite3_stmt **)s;

	for (size_t i = 0; i < sizeof *s / sizeof *v; i++)
		sqlite3_finalize(v[i]);
}

/* The file's research ids to the store's, for the file being stored. */
static int64_t
import_rmap_get(const import_rmap *m, int64_t file_id)
{
	for (size_t i = 0; m->cap > 0; i = (i + 1) & (m->cap - 1)) {
		size_t at = ((size_t)file_id * 0x9E3779B97F4A7C15ull + i) & (m->cap - 1);

		if (m->v[at].file == 0)
			return 0;
		if (m->v[at].file == file_id)
			return m->v[at].store;
		if (i + 1 == m->cap)
			break;
	}
	return 0;
}

static int
import_rmap_put(import_rmap *m, int64_t file_id, int64_t store_id)
{
	if (2 * (m->n + 1) > m->cap) {
		import_rmap old = *m;

		m->cap = old.cap ? 2 * old.cap : 64;
		m->n = 0;
		if ((m->v = calloc(m->cap, sizeof *m->v)) == NULL) {
			*m = old;
			return DESK_NOMEM;
		}
		for (size_t i = 0; i < old.cap; i++)
			if (old.v[i].file != 0)
				import_rmap_put(m, old.v[i].file, old.v[i].store);
		free(old.v);
	}
	for (size_t i = 0;; i++) {
		size_t at = ((size_t)file_id * 0x9E3779B97F4A7C15ull + i) & (m->cap - 1);

		if (m->v[at].file == 0) {
			m->v[at].file = file_id;
			m->v[at].store = store_id;
			m->n++;
			return DESK_OK;
		}
	}
}

/* What was stored for one article, for its log entry. */
typedef struct import_logged {
	json_t *spans, *entities, *claims, *research, *evidence;
	size_t events, tokens;
} import_logged;

static int
import_push(json_t *a, int64_t id)
{
	return json_array_append_new(a, json_integer(id)) == 0 ? DESK_OK : DESK_NOMEM;
}

static int
import_store_meta(desk *d, import_stmts *st, const format_article *a, int64_t id)
{
	static const char sql[] =
	    "UPDATE article SET status = coalesce(?2, status), imported_by = coalesce(?3, "
	    "imported_by), imported_at = coalesce(?4, imported_at), updated_by = coalesce(?5, "
	    "updated_by), updated_at = coalesce(?6, updated_at) WHERE id = ?1";
	const char *v[] = {a->status, a->imported_by, a->imported_at, a->updated_by, a->updated_at};
	int rc;

	if (!(a->status || a->imported_by || a->imported_at || a->updated_by || a->updated_at))
		return DESK_OK;
	if (st->meta == NULL && (rc = desk_prepare(d, &st->meta, sql)) != DESK_OK)
		return rc;
	sqlite3_reset(st->meta);
	sqlite3_clear_bindings(st->meta);
	sqlite3_bind_int64(st->meta, 1, id);
	for (int i = 0; i < 5; i++)
		if (v[i])
			sqlite3_bind_text(st->meta, 2 + i, v[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(st->meta) == SQLITE_DONE ? DESK_OK : desk_sqlite_error(d, "article");
	sqlite3_reset(st->meta);
	return rc;
}

static int
import_store_spans(desk *d, import_stmts *st, const format_article *a, int64_t id,
                   import_logged *lg)
{
	int64_t *emap = NULL;
	int rc = DESK_OK;

	if (a->nentities > 0 && (emap = calloc(a->nentities, sizeof *emap)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	for (size_t i = 0; i < a->nentities && rc == DESK_OK; i++) {
		const format_entity *e = &a->entities[i];
		int made;

		rc = entity_import(&emap[i], &made, d, &st->ent_find, &st->ent_ins, e->name,
		                   e->external_id, e->id);
		if (rc == DESK_OK && made && import_push(lg->entities, emap[i]) != DESK_OK)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < a->nspans && rc == DESK_OK; i++) {
		const format_span *s = &a->spans[i];
		span_fields f = {.article_id = id,
		                 .start = s->start,
		                 .end = s->end,
		                 .label = s->label,
		                 .text = s->text,
		                 .author = s->author,
		                 .created_at = s->created_at};
		int64_t sid;
		int same;

		for (size_t k = 0; s->entity != 0 && k < a->nentities; k++)
			if (a->entities[k].id == s->entity)
				f.entity_id = emap[k];
		if ((rc = span_standing_same(&same, d, &st->span_same, &f)) != DESK_OK || same)
			continue;
		if ((rc = span_insert(&sid, d, &st->span_ins, &f)) == DESK_OK &&
		    import_push(lg->spans, sid) != DESK_OK)
			rc = desk_error(d, DESK_NOMEM, "out of memory");
	}
	free(emap);
	return rc;
}

/* A claim's research: the one made for its research id in this file, or a new one. */
static int
import_store_research(import_annot *r, import_stmts *st, const format_claim *c, int64_t *rid,
                      int *made, import_logged *lg)
{
	research_fields row = {.want_id = c->research,
	                       .status = c->status ? c->status : "check",
	                       .verdict = c->verdict,
	                       .note = c->note,
	                       .proposed_by = c->proposed_by,
	                       .proposed_at = c->proposed_at,
	                       .reviewed_by = c->reviewed_by,
	                       .reviewed_at = c->reviewed_at,
	                       .review_reason = c->review_reason,
	                       .created_by = c->author,
	                       .created_at = c->created_at};
	desk *d = r->d;
	int rc;

	*made = 0;
	if (c->research > 0 && (*rid = import_rmap_get(&r->rmap, c->research)) != 0)
		return DESK_OK;
	if ((rc = research_insert(rid, d, &st->res_ins, &row)) != DESK_OK)
		return rc;
	*made = 1;
	if (import_push(lg->research, *rid) != DESK_OK ||
	    (c->research > 0 && import_rmap_put(&r->rmap, c->research, *rid) != DESK_OK))
		return desk_error(d, DESK_NOMEM, "out of memory");
	for (size_t k = 0; k < c->nevidence; k++) {
		const format_evidence *e = &c->evidence[k];
		int64_t eid;

		if ((rc = evidence_insert(&eid, d, &st->ev_ins, *rid, e->source, e->quote,
		                          e->consulted, e->added_by, e->added_at)) != DESK_OK)
			return rc;
		if (import_push(lg->evidence, eid) != DESK_OK)
			return desk_error(d, DESK_NOMEM, "out of memory");
	}
	return DESK_OK;
}

static int
import_store_claims(import_annot *r, import_stmts *st, const format_article *a, int64_t id,
                    import_logged *lg)
{
	desk *d = r->d;
	int rc = DESK_OK;

	for (size_t i = 0; i < a->nclaims && rc == DESK_OK; i++) {
		const format_claim *c = &a->claims[i];
		claim_fields f = {.article_id = id,
		                  .start = c->start,
		                  .end = c->end,
		                  .text = c->text,
		                  .author = c->author,
		                  .created_at = c->created_at};
		int64_t cid, prev = 0;
		int made;

		if ((rc = claim_standing_at(&cid, d, &st->claim_at, id, c->start, c->end)) !=
		        DESK_OK ||
		    cid != 0)
			continue; /* a duplicate's claim already there */
		if ((rc = import_store_research(r, st, c, &f.research_id, &made, lg)) != DESK_OK ||
		    (rc = claim_insert(&cid, d, &st->claim_ins, &f)) != DESK_OK)
			break;
		if (import_push(lg->claims, cid) != DESK_OK)
			return desk_error(d, DESK_NOMEM, "out of memory");
		/* The research's events once, with the claim that made it (it is shared). */
		for (size_t k = 0; k < c->nhistory && rc == DESK_OK; k++) {
			const format_event *e = &c->history[k];
			claim_history_step step = {e->action, e->editor, e->at, e->verdict,
			                           e->reason};

			if (!made && strcmp(e->action, "marked") != 0 &&
			    strcmp(e->action, "unmarked") != 0)
				continue;
			rc = claim_history_put(d, &st->hist, &prev, id, cid, f.research_id, &step);
			lg->events++;
		}
	}
	return rc;
}

/* The tokens the document keeps, as migration 7 lays them out; a stored article's stay. */
static int
import_store_tokens(desk *d, import_stmts *st, const format_article *a, int64_t id,
                    import_logged *lg)
{
	json_t *v = json_array();
	char *data = NULL;
	int rc = DESK_OK;

	if (a->ntokens == 0) {
		json_decref(v);
		return DESK_OK;
	}
	for (size_t i = 0; v && i < a->ntokens; i++) {
		const format_token *t = &a->tokens[i];
		json_t *e = t->extra ? json_pack("[IIis]", (json_int_t)t->start, (json_int_t)t->end,
		                                 t->sentence_end ? 1 : 0, t->extra)
		            : t->sentence_end
		                ? json_pack("[IIi]", (json_int_t)t->start, (json_int_t)t->end, 1)
		                : json_pack("[II]", (json_int_t)t->start, (json_int_t)t->end);

		if (e == NULL || json_array_append_new(v, e) != 0) {
			json_decref(v);
			v = NULL;
		}
	}
	if (v == NULL || (data = json_dumps(v, JSON_COMPACT)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	if (st->tokens == NULL &&
	    (rc = desk_prepare(d, &st->tokens,
	                       "INSERT OR IGNORE INTO article_tokens (article_id, data) VALUES "
	                       "(?1, ?2)")) != DESK_OK)
		goto done;
	sqlite3_reset(st->tokens);
	sqlite3_bind_int64(st->tokens, 1, id);
	sqlite3_bind_text(st->tokens, 2, data, -1, SQLITE_STATIC);
	if (sqlite3_step(st->tokens) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "tokens");
	else
		lg->tokens = (size_t)sqlite3_changes(d->db) > 0 ? a->ntokens : 0;
	sqlite3_reset(st->tokens);
done:
	free(data);
	json_decref(v);
	return rc;
}

/* A brat project's annotator annotated the article, spans or none (migration 14's layer). */
static int
import_store_layer(desk *d, import_stmts *st, const format_article *a, int64_t id)
{
	int rc = DESK_OK;

	if (a->layer == NULL)
		return DESK_OK;
	if (st->layer == NULL &&
	    (rc = desk_prepare(
	         d, &st->layer,
	         "INSERT OR IGNORE INTO layer (article_id, editor, source, created_at) "
	         "VALUES (?1, ?2, ?3, " DESK_SQL_NOW ")")) != DESK_OK)
		return rc;
	sqlite3_reset(st->layer);
	sqlite3_bind_int64(st->layer, 1, id);
	sqlite3_bind_text(st->layer, 2, a->layer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->layer, 3, a->layer_source ? a->layer_source : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st->layer) != SQLITE_DONE)
		rc = desk_sqlite_error(d, "layer");
	sqlite3_reset(st->layer);
	return rc;
}

/* The article's "import-annotations" entry: the ids of what was stored. */
static int
import_store_log(desk *d, int64_t id, import_logged *lg)
{
	json_t *o;
	char *data = NULL;
	int rc;

	if (json_array_size(lg->spans) + json_array_size(lg->claims) +
	        json_array_size(lg->entities) + lg->tokens ==
	    0)
		return DESK_OK;
	o = json_pack("{sOsOsOsOsOsIsI}", "spans", lg->spans, "entities", lg->entities, "claims",
	              lg->claims, "research", lg->research, "evidence", lg->evidence, "history",
	              (json_int_t)lg->events, "tokens", (json_int_t)lg->tokens);
	if (o == NULL || (data = json_dumps(o, JSON_COMPACT)) == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
	else
		rc = desk_log(d, "import-annotations", id, 0, data);
	free(data);
	json_decref(o);
	return rc;
}

static int
import_store_one(import_annot *r, import_stmts *st, const format_article *a, int64_t id, int dup)
{
	import_logged lg = {
	    json_array(), json_array(), json_array(), json_array(), json_array(), 0, 0};
	int rc;

	if (!lg.spans || !lg.entities || !lg.claims || !lg.research || !lg.evidence)
		rc = desk_error(r->d, DESK_NOMEM, "out of memory");
	else if ((dup || (rc = import_store_meta(r->d, st, a, id)) == DESK_OK) &&
	         (rc = import_store_spans(r->d, st, a, id, &lg)) == DESK_OK &&
	         (rc = import_store_claims(r, st, a, id, &lg)) == DESK_OK &&
	         (rc = import_store_tokens(r->d, st, a, id, &lg)) == DESK_OK &&
	         (rc = import_store_layer(r->d, st, a, id)) == DESK_OK)
		rc = import_store_log(r->d, id, &lg);
	json_decref(lg.spans);
	json_decref(lg.entities);
	json_decref(lg.claims);
	json_decref(lg.research);
	json_decref(lg.evidence);
	return rc;
}

int
import_annot_store(import_annot *r, const import_file *files, size_t nfiles, const int64_t *ids,
                   const int *dup)
{
	import_stmts st = {0};
	int rc = DESK_OK;

	for (size_t i = 0, k = 0; i < nfiles && rc == DESK_OK; i++) {
		const import_file *f = &files[i];

		/* Research ids are the file's: a new file starts a new map. */
		if (r->rmap_file == NULL || strcmp(r->rmap_file, f->path) != 0) {
			free(r->rmap_file);
			free(r->rmap.v);
			memset(&r->rmap, 0, sizeof r->rmap);
			if ((r->rmap_file = desk_strdup(f->path)) == NULL)
				rc = desk_error(r->d, DESK_NOMEM, "out of memory");
		}
		for (size_t j = 0; j < f->n && rc == DESK_OK; j++, k++)
			if (import_annotated(&f->arts[j]))
				rc = import_store_one(r, &st, &f->arts[j], ids[k], dup[k]);
	}
	import_stmts_free(&st);
	return rc;
}
