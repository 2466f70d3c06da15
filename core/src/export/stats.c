/*
 * stats.c - the desk's figures (stats.h): read from the counts migration 6's
 * triggers keep (a few dozen rows), or, with a filter or while an upgraded
 * database is still being counted, counted over the articles the filter
 * takes in one query (its cost is the filtered set's).  desk_stats_index
 * counts an upgraded database's articles once, in short steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "export.h"
#include "export_cut.h"
#include "internal.h"

/* The rows both ways give: kind ('a', 'l', 'e', 'c'), name, four counts, a verdict. */
static const char stats_kept_sql[] =
    "SELECT 'a', status, n, 0, 0, 0, '' FROM stat_article "
    "UNION ALL SELECT 'l', label, n, 0, 0, 0, '' FROM stat_label "
    "UNION ALL SELECT 'e', editor, sum(spans), sum(claims), sum(iif(day >= :d7, spans, 0)), "
    "sum(iif(day >= :d7, claims, 0)), '' FROM stat_editor_day GROUP BY editor "
    "UNION ALL SELECT 'c', status, n, 0, 0, 0, verdict FROM stat_claim";

/* A growing SQL text. */
typedef struct stats_sql {
	char buf[4096];
	size_t len;
	int over;
} stats_sql;

static void
stats_add(stats_sql *q, const char *s)
{
	size_t n = strlen(s);

	if (q->len + n >= sizeof q->buf) {
		q->over = 1;
		return;
	}
	memcpy(q->buf + q->len, s, n + 1);
	q->len += n;
}

/* The spans counted: standing, of the filter's label and editor (x the span). */
static void
stats_span_cond(stats_sql *q, const desk_filter *f)
{
	stats_add(q, "x.deleted_at IS NULL");
	if (f->label)
		stats_add(q, " AND x.label = :label");
	if (f->user)
		stats_add(q, " AND x.author = :user");
}

/* The claims counted (x the claim, r its research). */
static void
stats_claim_cond(stats_sql *q, const desk_filter *f)
{
	stats_add(q, "x.deleted_at IS NULL");
	if (f->user)
		stats_add(q, " AND x.author = :user");
	if (f->verdict)
		stats_add(q, " AND r.verdict = :verdict");
	if (f->claim_status)
		stats_add(q, " AND r.status = :cstatus");
}

/*
 * The query that counts over the articles f takes: the export's own
 * selection (export_articles_sql, bound by export_select), the split
 * decided by export_split() as the export decides it.
 */
static void
stats_scan_sql(stats_sql *q, const desk_filter *f)
{
	const char *order = strstr(export_articles_sql, " ORDER BY");
	size_t n = order ? (size_t)(order - export_articles_sql) : strlen(export_articles_sql);

	stats_add(q, "WITH sel0 AS (");
	if (q->len + n >= sizeof q->buf) {
		q->over = 1;
		return;
	}
	memcpy(q->buf + q->len, export_articles_sql, n);
	q->buf[q->len += n] = '\0';
	stats_add(q, "), sel(id, status) AS MATERIALIZED (SELECT a.id, a.status FROM sel0 JOIN "
	             "article a ON a.id = sel0.id");
	if (f->split)
		stats_add(q, " WHERE copydesk_split(sel0.hash, :seed, :p0, :p1, :p2) = :split");
	stats_add(q,
	          ") SELECT 'a', status, count(*), 0, 0, 0, '' FROM sel GROUP BY status "
	          "UNION ALL SELECT 'l', x.label, count(*), 0, 0, 0, '' FROM sel CROSS JOIN span x "
	          "ON x.article_id = sel.id WHERE ");
	stats_span_cond(q, f);
	stats_add(
	    q, " GROUP BY x.label UNION ALL SELECT 'e', author, sum(sp), sum(cl), sum(sp7), "
	       "sum(cl7), '' FROM (SELECT x.author, 1 AS sp, 0 AS cl, "
	       "substr(x.created_at, 1, 10) >= :d7 AS sp7, 0 AS cl7 FROM sel CROSS JOIN span x ON "
	       "x.article_id = sel.id WHERE ");
	stats_span_cond(q, f);
	stats_add(q,
	          " UNION ALL SELECT x.author, 0, 1, 0, substr(x.created_at, 1, 10) >= :d7 "
	          "FROM sel CROSS JOIN claim x ON x.article_id = sel.id JOIN research r ON r.id = "
	          "x.research_id WHERE ");
	stats_claim_cond(q, f);
	stats_add(
	    q, ") GROUP BY author UNION ALL SELECT 'c', r.status, count(*), 0, 0, 0, "
	       "coalesce(r.verdict, '') FROM sel CROSS JOIN claim x ON x.article_id = sel.id JOIN "
	       "research r ON r.id = x.research_id WHERE ");
	stats_claim_cond(q, f);
	stats_add(q,
	          " GROUP BY 2, 7 UNION ALL SELECT 'g', a.lang, count(*), 0, 0, 0, '' FROM sel "
	          "JOIN article a ON a.id = sel.id GROUP BY a.lang UNION ALL SELECT 'd', "
	          "coalesce(min(nullif(a.date, '')), ''), 0, 0, 0, 0, coalesce(max(nullif(a.date, "
	          "'')), '') FROM sel JOIN article a ON a.id = sel.id UNION ALL SELECT 'm', '', "
	          "count(*), 0, 0, 0, '' FROM sel WHERE (SELECT count(DISTINCT x.author) FROM span "
	          "x WHERE x.article_id = sel.id AND ");
	stats_span_cond(q, f);
	stats_add(q, ") > 1");
}

/* copydesk_split(HASH, SEED, P0, P1, P2): export_split() in SQL. */
static void
stats_sql_split(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	unsigned pct[3];

	(void)argc;
	for (int i = 0; i < 3; i++)
		pct[i] = (unsigned)sqlite3_value_int(argv[2 + i]);
	sqlite3_result_int(ctx, export_split((const char *)sqlite3_value_text(argv[0]),
	                                     (uint64_t)sqlite3_value_int64(argv[1]), pct));
}

static void
stats_bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static void
stats_bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

static void
stats_bind(sqlite3_stmt *st, const desk_filter *f, const char *d7)
{
	stats_bind_text(st, ":d7", d7);
	if (f == NULL)
		return;
	stats_bind_text(st, ":label", f->label);
	stats_bind_text(st, ":user", f->user);
	stats_bind_text(st, ":verdict", f->verdict);
	stats_bind_text(st, ":cstatus", f->claim_status);
	stats_bind_int(st, ":seed", (int64_t)f->seed);
	stats_bind_int(st, ":p0", f->split_pct[0]);
	stats_bind_int(st, ":p1", f->split_pct[1]);
	stats_bind_int(st, ":p2", f->split_pct[2]);
	stats_bind_int(st, ":split", f->split);
}

/* Whether f takes anything less than every article. */
static int
stats_filtered(const desk_filter *f)
{
	return f && (f->status || f->label || f->user || f->since || f->articles || f->verdict ||
	             f->claim_status || f->split);
}

/* The entry called name in v[0..*n), added with n 0 when missing (names copied). */
static desk_count *
stats_count(desk_count **v, size_t *n, size_t *cap, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0)
			return &(*v)[i];
	if (desk_grow(v, cap, *n, sizeof **v) != DESK_OK)
		return NULL;
	(*v)[*n].name = desk_strdup(name);
	(*v)[*n].n = 0;
	if ((*v)[*n].name == NULL)
		return NULL;
	return &(*v)[(*n)++];
}

typedef struct stats_caps {
	size_t articles, labels, editors, claim_status, verdicts, langs;
} stats_caps;

/* The names of the rows sql gives, each as an entry with n 0 (the order of the lists). */
static int
stats_names(desk *d, desk_count **v, size_t *n, size_t *cap, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		return rc;
	while ((r = sqlite3_step(st)) == SQLITE_ROW)
		if (stats_count(v, n, cap, (const char *)sqlite3_column_text(st, 0)) == NULL) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			break;
		}
	if (rc == DESK_OK && r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "statistics");
	sqlite3_finalize(st);
	return rc;
}

/* Add one row of the counting query to s. */
static int
stats_row(desk_stats *s, stats_caps *caps, sqlite3_stmt *st)
{
	const char *kind = (const char *)sqlite3_column_text(st, 0);
	const char *name = (const char *)sqlite3_column_text(st, 1);
	int64_t n = sqlite3_column_int64(st, 2);
	desk_count *c;

	if (name == NULL || kind == NULL)
		return DESK_OK;
	switch (kind[0]) {
	case 'g':
		if ((c = stats_count(&s->langs, &s->nlangs, &caps->langs, name)) == NULL)
			return DESK_NOMEM;
		c->n += n;
		return DESK_OK;
	case 'd':
		snprintf(s->first_date, sizeof s->first_date, "%s", name);
		snprintf(s->last_date, sizeof s->last_date, "%s",
		         (const char *)sqlite3_column_text(st, 6));
		return DESK_OK;
	case 'm':
		s->shared_articles = n;
		return DESK_OK;
	case 'a':
		if (n == 0)
			return DESK_OK;
		if ((c = stats_count(&s->articles, &s->narticles, &caps->articles, name)) == NULL)
			return DESK_NOMEM;
		c->n += n;
		s->total_articles += n;
		return DESK_OK;
	case 'l':
		if (n == 0)
			return DESK_OK;
		if ((c = stats_count(&s->labels, &s->nlabels, &caps->labels, name)) == NULL)
			return DESK_NOMEM;
		c->n += n;
		s->total_spans += n;
		return DESK_OK;
	case 'c': {
		const char *verdict = (const char *)sqlite3_column_text(st, 6);

		if (n == 0)
			return DESK_OK;
		if ((c = stats_count(&s->claim_status, &s->nclaim_status, &caps->claim_status,
		                     name)) == NULL)
			return DESK_NOMEM;
		c->n += n;
		s->total_claims += n;
		if (verdict && *verdict) {
			if ((c = stats_count(&s->verdicts, &s->nverdicts, &caps->verdicts,
			                     verdict)) == NULL)
				return DESK_NOMEM;
			c->n += n;
		}
		return DESK_OK;
	}
	case 'e': {
		desk_editor_count *e;

		if (n == 0 && sqlite3_column_int64(st, 3) == 0)
			return DESK_OK;
		if (desk_grow(&s->editors, &caps->editors, s->neditors, sizeof *s->editors) !=
		    DESK_OK)
			return DESK_NOMEM;
		e = &s->editors[s->neditors];
		if ((e->name = desk_strdup(name)) == NULL)
			return DESK_NOMEM;
		s->neditors++;
		e->spans = n;
		e->claims = sqlite3_column_int64(st, 3);
		e->spans_7d = sqlite3_column_int64(st, 4);
		e->claims_7d = sqlite3_column_int64(st, 5);
		return DESK_OK;
	}
	}
	return DESK_OK;
}

static int
stats_editor_cmp(const void *a, const void *b)
{
	return strcmp(((const desk_editor_count *)a)->name, ((const desk_editor_count *)b)->name);
}

/* Whether an upgraded database's articles are still being counted. */
static int
stats_pending(int *out, desk *d)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	if ((rc = desk_prepare(d, &st, "SELECT 1 FROM stat_upgrade")) != DESK_OK)
		return rc;
	if ((r = sqlite3_step(st)) != SQLITE_ROW && r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "statistics");
	*out = r == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc;
}

static int
stats_read(desk_stats *s, desk *d, const desk_filter *f)
{
	stats_caps caps = {0, 0, 0, 0, 0, 0};
	sqlite3_stmt *st = NULL;
	stats_sql q = {.len = 0, .over = 0};
	desk_filter none;
	char *ids = NULL;
	int rc, r, pending;

	/* The lists' order: statuses, the label set, the verdict scale. */
	if ((rc = stats_names(d, &s->articles, &s->narticles, &caps.articles,
	                      "VALUES ('new'), ('progress'), ('done')")) != DESK_OK ||
	    (rc = stats_names(d, &s->labels, &s->nlabels, &caps.labels,
	                      "SELECT name FROM label ORDER BY ord, name")) != DESK_OK ||
	    (rc = stats_names(d, &s->claim_status, &s->nclaim_status, &caps.claim_status,
	                      "VALUES ('check'), ('proposed'), ('verified'), ('disputed')")) !=
	        DESK_OK ||
	    (rc = stats_names(d, &s->verdicts, &s->nverdicts, &caps.verdicts,
	                      "SELECT name FROM verdict ORDER BY ord, name")) != DESK_OK ||
	    (rc = stats_pending(&pending, d)) != DESK_OK)
		return rc;
	if ((rc = desk_prepare(d, &st, "SELECT date('now', '-6 days')")) != DESK_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(s->since_7d, sizeof s->since_7d, "%s",
		         (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	st = NULL;
	s->counted = !pending && !stats_filtered(f);
	s->shared_articles = s->counted ? -1 : 0;
	memset(&none, 0, sizeof none);
	if (f == NULL)
		f = &none;
	if (!s->counted) {
		stats_scan_sql(&q, f);
		if (q.over)
			return desk_error(d, DESK_ERROR, "statistics: query too long");
		if (sqlite3_create_function(d->db, "copydesk_split", 5,
		                            SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
		                            stats_sql_split, NULL, NULL) != SQLITE_OK)
			return desk_sqlite_error(d, "statistics");
	}
	if (s->counted)
		rc = desk_prepare(d, &st, stats_kept_sql);
	else if ((ids = export_ids_json(f)) == NULL && f->articles != NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
	else
		rc = export_select(d, &st, q.buf, f, ids);
	if (rc != DESK_OK)
		goto done;
	stats_bind(st, s->counted ? NULL : f, s->since_7d);
	while ((r = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = stats_row(s, &caps, st)) != DESK_OK) {
			rc = desk_error(d, rc, "out of memory");
			goto done;
		}
	if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "statistics");
	if (s->neditors > 1)
		qsort(s->editors, s->neditors, sizeof *s->editors, stats_editor_cmp);
done:
	sqlite3_finalize(st);
	free(ids);
	return rc;
}

int
desk_stats_get(desk_stats **out, desk *d, const desk_filter *f)
{
	desk_stats *s;
	int rc, snap = d->depth == 0; /* inside an edit, its own view */

	*out = NULL;
	if ((s = calloc(1, sizeof *s)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	/* One snapshot: the store's read transaction (no write lock). */
	if (snap && (rc = desk_read_begin(d)) != DESK_OK)
		goto done;
	rc = stats_read(s, d, f);
	if (snap)
		desk_read_end(d);
done:
	if (rc != DESK_OK)
		desk_stats_free(s);
	else
		*out = s;
	return rc;
}

static void
stats_counts_free(desk_count *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((char *)v[i].name);
	free(v);
}

void
desk_stats_free(desk_stats *s)
{
	if (s == NULL)
		return;
	stats_counts_free(s->articles, s->narticles);
	stats_counts_free(s->labels, s->nlabels);
	stats_counts_free(s->claim_status, s->nclaim_status);
	stats_counts_free(s->verdicts, s->nverdicts);
	stats_counts_free(s->langs, s->nlangs);
	for (size_t i = 0; i < s->neditors; i++)
		free((char *)s->editors[i].name);
	free(s->editors);
	free(s);
}

static json_t *
stats_json_counts(const desk_count *v, size_t n)
{
	json_t *o = json_object();

	for (size_t i = 0; o && i < n; i++)
		if (json_object_set_new(o, v[i].name, json_integer(v[i].n)) != 0) {
			json_decref(o);
			return NULL;
		}
	return o;
}

int
desk_stats_json(char **out, const desk_stats *s)
{
	json_t *editors = json_object(), *root;

	*out = NULL;
	for (size_t i = 0; editors && i < s->neditors; i++) {
		const desk_editor_count *e = &s->editors[i];

		if (json_object_set_new(editors, e->name,
		                        json_pack("{sI sI sI sI}", "spans", (json_int_t)e->spans,
		                                  "claims", (json_int_t)e->claims, "spans_7d",
		                                  (json_int_t)e->spans_7d, "claims_7d",
		                                  (json_int_t)e->claims_7d)) != 0) {
			json_decref(editors);
			return DESK_NOMEM;
		}
	}
	root = json_pack("{s{so*} so* so* s{so* so*}}", "articles", "by_status",
	                 stats_json_counts(s->articles, s->narticles), "labels",
	                 stats_json_counts(s->labels, s->nlabels), "editors", editors, "claims",
	                 "by_status", stats_json_counts(s->claim_status, s->nclaim_status),
	                 "by_verdict", stats_json_counts(s->verdicts, s->nverdicts));
	if (root == NULL)
		return DESK_NOMEM;
	*out = json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT);
	json_decref(root);
	return *out ? DESK_OK : DESK_NOMEM;
}
