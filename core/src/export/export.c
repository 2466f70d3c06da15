/*
 * export/export.c - the annotated corpus out: one read snapshot of the
 * store, the articles the filter selects taken one at a time by id (so
 * memory stays that of one document whatever the corpus size), each loaded
 * (export_load.c), its boilerplate cut out with every offset moved to the
 * text written (unless asked to keep it), and handed to the writer of its
 * format (formats/format_table.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "export.h"
#include "export_cut.h"
#include "export_load.h"

/* How often progress is told, in articles. */
#define EXPORT_PROGRESS_EVERY 256

int
desk_format_export_kind(desk_format f)
{
	const format_entry *e = format_find(f);

	if (e == NULL || e->write == NULL)
		return -1;
	return e->dir;
}

/*
 * The articles the filter selects, by id, with the hash of their text (for
 * the split).  Each condition is an indexed lookup on the article's id; the
 * split is decided in C (export_split).
 */
const char export_articles_sql[] =
    "SELECT id, hash FROM article a WHERE (?1 IS NULL OR a.status = ?1)"
    " AND (?2 IS NULL OR a.id IN (SELECT value FROM json_each(?2)))"
    " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM span s WHERE s.article_id = a.id"
    "  AND s.deleted_at IS NULL AND s.label = ?3 AND (?4 IS NULL OR s.author = ?4)))"
    " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM span s WHERE s.article_id = a.id"
    "  AND s.deleted_at IS NULL AND s.author = ?4) OR EXISTS (SELECT 1 FROM claim c"
    "  WHERE c.article_id = a.id AND c.deleted_at IS NULL AND c.author = ?4))"
    " AND (?5 IS NULL OR EXISTS (SELECT 1 FROM edit_log e WHERE e.article_id = a.id"
    "  AND e.at >= ?5))"
    " AND (?6 IS NULL AND ?7 IS NULL OR EXISTS (SELECT 1 FROM claim c JOIN research r"
    "  ON r.id = c.research_id WHERE c.article_id = a.id AND c.deleted_at IS NULL"
    "  AND (?6 IS NULL OR r.verdict = ?6) AND (?7 IS NULL OR r.status = ?7)"
    "  AND (?4 IS NULL OR c.author = ?4)))"
    " AND (?8 IS NOT 'gold' OR EXISTS (SELECT 1 FROM gold_article g WHERE g.article_id = a.id"
    "  AND g.deleted_at IS NULL))"
    " ORDER BY a.id";

static void
export_sink_warn(format_sink *s, const format_article *a, int64_t start, int64_t end,
                 const char *msg)
{
	const desk_export_opts *o = s->warn_ctx;
	desk_export_warning w = {a->id, start, end, msg};

	if (o->warn != NULL)
		o->warn(o->ctx, &w);
}

/* A setting of `copydesk config` through its own API, "" when unset. */
static char *
export_config(desk *d, const char *key)
{
	char *v = NULL;

	if (desk_config_get(&v, d, key) != DESK_OK)
		v = NULL;
	return v ? v : desk_strdup("");
}

/* The filter's article ids as a JSON array for json_each, or NULL for all. */
char *
export_ids_json(const desk_filter *f)
{
	char *s, *p;

	if (f->articles == NULL)
		return NULL;
	if ((s = p = malloc(f->narticles * 21 + 3)) == NULL)
		return NULL;
	*p++ = '[';
	for (size_t i = 0; i < f->narticles; i++)
		p += sprintf(p, "%s%lld", i ? "," : "", (long long)f->articles[i]);
	strcpy(p, "]");
	return s;
}

static void
export_bind(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* The articles statement bound to the filter (ids: its JSON, kept alive by the caller). */
int
export_select(desk *d, sqlite3_stmt **st, const char *sql, const desk_filter *f, const char *ids)
{
	int rc;

	if ((rc = desk_prepare(d, st, sql)) != DESK_OK)
		return rc;
	export_bind(*st, 1, f->status);
	export_bind(*st, 2, ids);
	export_bind(*st, 3, f->label);
	export_bind(*st, 4, f->user);
	export_bind(*st, 5, f->since);
	export_bind(*st, 6, f->verdict);
	export_bind(*st, 7, f->claim_status);
	export_bind(*st, 8, f->layer);
	return DESK_OK;
}

/* How many articles the export will take, for its progress (the filter without the split). */
static int
export_total(desk *d, int64_t *total, const desk_filter *f, const char *ids)
{
	sqlite3_stmt *st = NULL;
	char sql[sizeof export_articles_sql + 32];
	int rc;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM (%.*s)",
	         (int)(strstr(export_articles_sql, " ORDER BY") - export_articles_sql),
	         export_articles_sql);
	if ((rc = export_select(d, &st, sql, f, ids)) == DESK_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*total = sqlite3_column_int64(st, 0);
		else
			rc = desk_sqlite_error(d, "export");
	}
	sqlite3_finalize(st);
	return rc;
}

/* Check the options against the format; DESK_MISUSE with the reason. */
static int
export_check(desk *d, const desk_export_opts *o, FILE *out, const char *dir,
             const format_entry **fe)
{
	const desk_filter *f = &o->filter;

	if (f->since != NULL && !desk_date_valid(f->since, strlen(f->since)))
		return desk_error_field(d, DESK_INVALID, "since", DESK_RULE_DATE,
		                        "not a date (YYYY-MM-DD): %s", f->since);
	*fe = format_find(o->format);
	if (*fe == NULL || (*fe)->write == NULL)
		return desk_error(d, DESK_MISUSE, "%s: this format is imported, not exported",
		                  *fe ? (*fe)->name : "auto");
	if ((*fe)->dir ? dir == NULL : out == NULL)
		return desk_error(d, DESK_MISUSE, "%s is written to %s", (*fe)->name,
		                  (*fe)->dir ? "a directory" : "a file or standard output");
	if (f->layer != NULL && strcmp(f->layer, "gold") != 0 && strcmp(f->layer, "editors") != 0)
		return desk_error_field(d, DESK_INVALID, "layer", DESK_RULE_UNKNOWN,
		                        "no layer %s (gold or editors)", f->layer);
	if (f->split < 0 || f->split > 3)
		return desk_error(d, DESK_MISUSE, "no split %d", f->split);
	return DESK_OK;
}

/* Make the directory of a directory format if it is missing. */
static int
export_mkdir(desk *d, const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0777) == 0 ||
	    (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
		return DESK_OK;
	return desk_error(d, DESK_IO, "%s: %s", dir,
	                  errno == EEXIST ? "not a directory" : strerror(errno));
}

int
export_run(desk *d, const desk_export_opts *o, const format_writer *w, FILE *out, const char *dir,
           desk_export_stats *stats)
{
	const desk_filter *f = &o->filter;
	desk_labels *labels = NULL;
	desk_verdicts *verdicts = NULL;
	char *org_name = NULL, *org_url = NULL, *license = NULL, *ids = NULL;
	format_info info = {0};
	format_sink sink = {0};
	format_article a = {0};
	export_loader *loader = NULL;
	export_cuts cuts = {0};
	sqlite3_stmt *st = NULL;
	int64_t total = 0, done = 0;
	int rc, snapshot = 0, begun = 0;

	if ((rc = desk_read_begin(d)) != DESK_OK)
		return rc;
	snapshot = 1;
	if ((rc = desk_labels_get(&labels, d)) != DESK_OK ||
	    (rc = desk_verdicts_get(&verdicts, d)) != DESK_OK)
		goto done;
	org_name = export_config(d, "org.name");
	org_url = export_config(d, "org.url");
	license = export_config(d, "license");
	if (org_name == NULL || org_url == NULL || license == NULL ||
	    (f->articles != NULL && (ids = export_ids_json(f)) == NULL)) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	info = (format_info){labels,
	                     verdicts,
	                     org_name,
	                     org_url,
	                     license,
	                     o,
	                     COPYDESK_VERSION,
	                     desk_schema_version(d),
	                     desk_verdicts_find};
	sink = (format_sink){out, dir, &info, NULL, {0}, export_sink_warn, (void *)o};
	if (o->progress != NULL && (rc = export_total(d, &total, f, ids)) != DESK_OK)
		goto done;
	if ((rc = export_loader_new(&loader, d, f)) != DESK_OK ||
	    (rc = export_select(d, &st, export_articles_sql, f, ids)) != DESK_OK)
		goto done;
	if (w->begin != NULL && (rc = w->begin(&sink)) != DESK_OK)
		goto written;
	begun = 1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *hash = (const char *)sqlite3_column_text(st, 1);

		if (f->split != 0 && export_split(hash, f->seed, f->split_pct) != f->split)
			continue;
		if ((rc = export_load(loader, sqlite3_column_int64(st, 0), &a)) != DESK_OK)
			goto done;
		if (!o->with_boilerplate &&
		    (rc = export_cut_boilerplate(&cuts, &a, o)) != DESK_OK) {
			rc = desk_error(d, rc, "out of memory");
			goto done;
		}
		if ((rc = w->article(&sink, &a)) != DESK_OK)
			goto written;
		if (stats != NULL) {
			stats->articles++;
			stats->spans += (int64_t)a.nspans;
			stats->claims += (int64_t)a.nclaims;
		}
		format_article_clear(&a);
		if (o->progress != NULL && ++done % EXPORT_PROGRESS_EVERY == 0)
			o->progress(o->ctx, done, total);
	}
	if (rc != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "export");
		goto done;
	}
	begun = 0;
	if (w->end != NULL && (rc = w->end(&sink)) != DESK_OK)
		goto written;
	if (out != NULL && fflush(out) != 0) {
		rc = desk_error(d, DESK_IO, "writing the export: %s", strerror(errno));
		goto done;
	}
	if (o->progress != NULL)
		o->progress(o->ctx, done, total);
	rc = DESK_OK;
	goto done;
written:
	/* A writer's failure: its message, with where it was. */
	rc = desk_error(d, sink.err.rc ? sink.err.rc : rc, "%s", sink.err.msg);
done:
	if (begun && w->end != NULL)
		w->end(&sink); /* frees the writer's state; the export failed anyway */
	format_article_clear(&a);
	free(cuts.v);
	sqlite3_finalize(st);
	export_loader_free(loader);
	if (snapshot)
		desk_read_end(d);
	desk_labels_free(labels);
	desk_verdicts_free(verdicts);
	free(org_name);
	free(org_url);
	free(license);
	free(ids);
	return rc;
}

int
desk_export(desk *d, const desk_export_opts *o, FILE *out, const char *dir,
            desk_export_stats *stats)
{
	const format_entry *fe = NULL;
	int rc;

	if (d == NULL || o == NULL)
		return DESK_MISUSE;
	if ((rc = export_check(d, o, out, dir, &fe)) != DESK_OK)
		return rc;
	if (fe->dir && (rc = export_mkdir(d, dir)) != DESK_OK)
		return rc;
	return export_run(d, o, fe->write, out, dir, stats);
}
