/* article.c - articles in the store: add in batches, read, list, status (keys: article_keys.c). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

struct desk_article {
	int64_t id;
	char *title, *date, *lang, *source, *hash, *imported_by, *imported_at;
	char *body; /* NULL in lists */
	char *excerpt;
	size_t body_len;
	int64_t chars;
	desk_status status;
	desk_mark *marks;
	size_t nmarks;
};

static const char *const article_status_names[] = {"new", "progress", "done"};
static const char *const article_mark_names[] = {
    [DESK_MARK_BOILERPLATE] = "boilerplate", [DESK_MARK_BYLINE] = "byline"};

const char *
desk_status_name(desk_status s)
{
	if (s < DESK_STATUS_NEW || s > DESK_STATUS_DONE)
		return "any";
	return article_status_names[s];
}

int
desk_status_parse(desk_status *out, const char *name)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(name, article_status_names[i]) == 0) {
			*out = (desk_status)i;
			return DESK_OK;
		}
	if (strcmp(name, "in-progress") == 0) {
		*out = DESK_STATUS_PROGRESS;
		return DESK_OK;
	}
	if (strcmp(name, "any") == 0 || strcmp(name, "all") == 0) {
		*out = DESK_STATUS_ANY;
		return DESK_OK;
	}
	return DESK_MISUSE;
}

static int
article_mark_parse(const char *name)
{
	for (size_t i = 0; i < sizeof article_mark_names / sizeof *article_mark_names; i++)
		if (article_mark_names[i] && strcmp(name, article_mark_names[i]) == 0)
			return (int)i;
	return 0;
}

/* The id of a stored article with exactly this body, or 0. */
static int
article_find_same(desk *d, sqlite3_stmt *st, const char *hash, const char *body, size_t len,
                  int64_t *id)
{
	int rc = DESK_OK, r;

	*id = 0;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		const void *b = sqlite3_column_blob(st, 1);
		if ((size_t)sqlite3_column_bytes(st, 1) == len && memcmp(b, body, len) == 0) {
			*id = sqlite3_column_int64(st, 0);
			break;
		}
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "find duplicate");
	sqlite3_reset(st);
	return rc;
}

/*
 * What the caller hands in, before any of it is read: the body's length
 * within the limit, each mark a known kind over a non-empty range of the body.
 */
static int
article_check_in(desk *d, const desk_article_in *a, size_t i, int64_t *chars)
{

	if (a->body_len > DESK_BODY_MAX)
		return desk_error(d, DESK_INVALID,
		                  "article %zu: body too long (%zu bytes; at most %zu)", i + 1,
		                  a->body_len, DESK_BODY_MAX);
	if (a->marks == NULL && a->nmarks > 0)
		return desk_error(d, DESK_MISUSE, "article %zu: no marks", i + 1);
	*chars = a->nmarks > 0 ? desk_utf8_count(a->body, a->body_len) : 0; /* for the marks */
	for (size_t m = 0; m < a->nmarks; m++) {
		const desk_mark *k = &a->marks[m];

		if (k->kind != DESK_MARK_BOILERPLATE && k->kind != DESK_MARK_BYLINE)
			return desk_error(d, DESK_INVALID, "article %zu: mark %zu: no kind %d",
			                  i + 1, m + 1, (int)k->kind);
		if (k->start < 0 || k->start >= k->end || k->end > *chars)
			return desk_error(d, DESK_INVALID,
			                  "article %zu: mark %zu: %lld-%lld is not a range of its "
			                  "%lld characters",
			                  i + 1, m + 1, (long long)k->start, (long long)k->end,
			                  (long long)*chars);
	}
	return DESK_OK;
}

int
desk_article_add(desk *d, const desk_article_in *in, size_t n, int64_t *ids, int *dup)
{
	int rc = article_add(d, in, NULL, n, NULL, ids, dup, NULL);

	if (rc == DESK_OK)
		search_index_all(d); /* what is left stays pending */
	return rc;
}

/*
 * The batch's rows of the index with the new articles' ids for their places
 * in the batch, added to out; a duplicate's rows go.  Ids grow with the
 * place, so the rows stay in the index's order.
 */
static int
article_rows(sentindex_rows *out, const sentindex_rows *rows, const int64_t *newid)
{
	int sorted = out->n == 0;

	if (out->n + rows->n > out->cap) {
		size_t cap = out->cap ? out->cap : 1024;
		sentindex_row *v;

		while (cap < out->n + rows->n)
			cap *= 2;
		if ((v = realloc(out->v, cap * sizeof *v)) == NULL)
			return DESK_NOMEM;
		out->v = v;
		out->cap = cap;
	}
	for (size_t i = 0; i < rows->n; i++)
		if (newid[rows->v[i].article_id] != 0) {
			out->v[out->n] = rows->v[i];
			out->v[out->n++].article_id = newid[rows->v[i].article_id];
		}
	out->sorted = sorted;
	return DESK_OK;
}

/* The highest article id so far (0: none). */
static int
article_max_id(desk *d, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	if ((rc = desk_prepare(d, &st, "SELECT coalesce(max(id), 0) FROM article")) != DESK_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		rc = desk_sqlite_error(d, "article ids");
	sqlite3_finalize(st);
	return rc;
}

int
article_add(desk *d, const desk_article_in *in, const article_keys *keys, size_t n,
            const int64_t *want, int64_t *ids, int *dup, sentindex_rows *defer)
{
	static const char ins_sql[] =
	    "INSERT INTO article (title, date, lang, source, body, chars, hash, imported_by, "
	    "imported_at, updated_by, updated_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "?8, ?9, ?10)";
	static const char mark_sql[] =
	    "INSERT INTO mark (article_id, kind, start, \"end\") VALUES (?1, ?2, ?3, ?4)";
	static const char same_sql[] = "SELECT id, body FROM article WHERE hash = ?1";
	/*
	 * One log entry for the batch (its articles are the ids first..last, made
	 * in this transaction), naming the article when there is one: each row
	 * holds its own who and when, and an entry each cost a sixth of an import.
	 */
	static const char log_sql[] =
	    "INSERT INTO edit_log (at, editor, action, article_id, data, uid) SELECT ?1, ?2, "
	    "'import', CASE WHEN count(*) = 1 THEN min(id) END, json_object('articles', "
	    "json_array(min(id), max(id)), 'count', count(*), 'sources', json_group_array(DISTINCT "
	    "source)), " DESK_SQL_UID " FROM "
	    "article WHERE id BETWEEN ?3 AND ?4";
	sqlite3_stmt *ins = NULL, *mark = NULL, *same = NULL, *log = NULL, *sent = NULL,
	             *fts = NULL;
	article_keys own = {0};
	sentindex_rows rows = {0};
	article_keys_job job = {.in = in, .n = n, .rc = DESK_OK};
	int64_t *newid = NULL; /* each article's new id, or 0 */
	pthread_t kt;
	int bg = 0, began = 0;
	char hash[17], now[DESK_NOW_SIZE];
	int64_t first = 0, last = 0, maxid = 0;
	int rc;

	if (in == NULL && n > 0)
		return desk_error(d, DESK_MISUSE, "no articles");
	/* What the caller hands in is checked before any of it is read, keys included. */
	for (size_t i = 0; i < n; i++) {
		int64_t chars;

		if (in[i].body == NULL ||
		    (in[i].lang && strcmp(in[i].lang, "vi") && strcmp(in[i].lang, "en")))
			return desk_error(d, DESK_MISUSE, "article %zu: no body or bad language",
			                  i + 1);
		if ((rc = article_check_in(d, &in[i], i, &chars)) != DESK_OK)
			return rc;
	}
	if ((newid = calloc(n ? n : 1, sizeof *newid)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if (keys == NULL && n >= ARTICLE_KEYS_OVERLAP) {
		/* Its lock is long anyway: the keys are needed only for the rows at the end. */
		bg = pthread_create(&kt, NULL, article_keys_job_main, &job) == 0;
		if (!bg)
			article_keys_job_main(&job);
	} else if (keys == NULL) {
		if ((rc = article_keys_make(d, &own, in, n)) != DESK_OK)
			goto done;
		keys = &own;
	}
	if ((rc = desk_begin(d)) != DESK_OK)
		goto done;
	began = 1;
	desk_now(now); /* one time for the batch: it is one transaction */
	if ((rc = desk_prepare(d, &ins, ins_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &mark, mark_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &same, same_sql)) != DESK_OK ||
	    (rc = desk_prepare(d, &log, log_sql)) != DESK_OK)
		goto done;
	if (want != NULL && (rc = article_max_id(d, &maxid)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		const desk_article_in *a = &in[i];
		const char *h = hash;
		int64_t id, chars;

		if (keys != NULL) {
			h = keys->hash[i];
			chars = keys->chars[i];
		} else { /* worked out meanwhile: the body's own are needed now */
			hash_hex(hash, a->body, a->body_len);
			chars = desk_utf8_count(a->body, a->body_len); /* checked above */
		}
		if ((rc = article_find_same(d, same, h, a->body, a->body_len, &id)) != DESK_OK)
			goto done;
		if (dup)
			dup[i] = id != 0;
		if (id == 0) {
			sqlite3_reset(ins);
			sqlite3_bind_text(ins, 1, a->title ? a->title : "", -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 2, a->date ? a->date : "", -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 3, a->lang ? a->lang : "en", -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 4, a->source ? a->source : "", -1, SQLITE_STATIC);
			sqlite3_bind_text64(ins, 5, a->body, a->body_len, SQLITE_STATIC,
			                    SQLITE_UTF8);
			sqlite3_bind_int64(ins, 6, chars);
			sqlite3_bind_text(ins, 7, h, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 8, d->editor, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 9, now, -1, SQLITE_STATIC);
			/* A wanted id is taken above every stored one: ids keep growing. */
			if (want != NULL && want[i] > maxid)
				sqlite3_bind_int64(ins, 10, want[i]);
			else
				sqlite3_bind_null(ins, 10);
			if (sqlite3_step(ins) != SQLITE_DONE) {
				rc = desk_sqlite_error(d, "store article");
				goto done;
			}
			id = sqlite3_last_insert_rowid(d->db);
			maxid = id > maxid ? id : maxid;
			for (size_t m = 0; m < a->nmarks; m++) {
				sqlite3_reset(mark);
				sqlite3_bind_int64(mark, 1, id);
				sqlite3_bind_text(mark, 2, article_mark_names[a->marks[m].kind], -1,
				                  SQLITE_STATIC);
				sqlite3_bind_int64(mark, 3, a->marks[m].start);
				sqlite3_bind_int64(mark, 4, a->marks[m].end);
				if (sqlite3_step(mark) != SQLITE_DONE) {
					rc = desk_sqlite_error(d, "store mark");
					goto done;
				}
			}
			newid[i] = id;
			if (first == 0)
				first = id;
			last = id;
		}
		if (ids)
			ids[i] = id;
	}
	if (keys == NULL) {
		if (bg)
			pthread_join(kt, NULL);
		bg = 0;
		if (job.rc != DESK_OK) {
			rc = desk_error(d, job.rc, "article %zu: sentences: %s", job.bad,
			                desk_strerror(job.rc));
			goto done;
		}
		keys = &job.k;
	}
	if ((rc = article_rows(defer ? defer : &rows, &keys->rows, newid)) != DESK_OK) {
		rc = desk_error(d, rc, "out of memory");
		goto done;
	}
	if (defer == NULL && (rc = sentindex_rows_store(d, &sent, &rows)) != DESK_OK)
		goto done;
	/* The new articles' ids grow: first..last holds no article stored before. */
	if (first != 0 && (rc = search_index_pending(d, &fts, first, last)) != DESK_OK)
		goto done;
	if (first != 0 && (rc = article_sort_range(d, first, last)) != DESK_OK)
		goto done;
	if (first != 0) {
		sqlite3_bind_text(log, 1, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(log, 2, d->editor, -1, SQLITE_STATIC);
		sqlite3_bind_int64(log, 3, first);
		sqlite3_bind_int64(log, 4, last);
		if (sqlite3_step(log) != SQLITE_DONE) {
			rc = desk_sqlite_error(d, "edit log");
			goto done;
		}
	}
	rc = desk_commit(d);
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(mark);
	sqlite3_finalize(same);
	sqlite3_finalize(log);
	sqlite3_finalize(sent);
	sqlite3_finalize(fts);
	sentindex_rows_free(&rows);
	if (rc != DESK_OK && began)
		desk_rollback(d);
	if (bg)
		pthread_join(kt, NULL);
	article_keys_free(&job.k);
	free(newid);
	article_keys_free(&own);
	return rc;
}

void
desk_article_free(desk_article *a)
{
	if (a == NULL)
		return;
	free(a->title);
	free(a->date);
	free(a->lang);
	free(a->source);
	free(a->hash);
	free(a->imported_by);
	free(a->imported_at);
	free(a->body);
	free(a->excerpt);
	free(a->marks);
	free(a);
}

static char *
article_col(sqlite3_stmt *st, int i)
{
	return desk_strdup((const char *)sqlite3_column_text(st, i));
}

/* Fill a from a row of ARTICLE_COLS (and the body as column 11 when with_body). */
desk_article *
article_from_row(sqlite3_stmt *st, int with_body)
{
	desk_article *a = calloc(1, sizeof *a);
	desk_status s = DESK_STATUS_NEW;

	if (a == NULL)
		return NULL;
	a->id = sqlite3_column_int64(st, 0);
	a->title = article_col(st, 1);
	a->date = article_col(st, 2);
	a->lang = article_col(st, 3);
	a->source = article_col(st, 4);
	a->hash = article_col(st, 5);
	a->imported_by = article_col(st, 6);
	a->imported_at = article_col(st, 7);
	desk_status_parse(&s, (const char *)sqlite3_column_text(st, 8));
	a->status = s;
	a->chars = sqlite3_column_int64(st, 9);
	a->excerpt = article_col(st, 10);
	if (with_body) {
		a->body_len = (size_t)sqlite3_column_bytes(st, 11);
		if ((a->body = malloc(a->body_len + 1)) != NULL) {
			memcpy(a->body, sqlite3_column_text(st, 11), a->body_len);
			a->body[a->body_len] = '\0';
		}
	}
	if (!a->title || !a->date || !a->lang || !a->source || !a->hash || !a->imported_by ||
	    !a->imported_at || !a->excerpt || (with_body && !a->body)) {
		desk_article_free(a);
		return NULL;
	}
	return a;
}

int
desk_article_get(desk_article **out, desk *d, int64_t id)
{
	sqlite3_stmt *st = NULL;
	desk_article *a = NULL;
	size_t cap = 0;
	int rc, r;

	*out = NULL;
	if ((rc = desk_prepare(
	         d, &st, "SELECT " ARTICLE_COLS ", body FROM article WHERE id = ?1")) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if ((r = sqlite3_step(st)) != SQLITE_ROW) {
		rc = r == SQLITE_DONE
		         ? desk_error(d, DESK_NOTFOUND, "no article %lld", (long long)id)
		         : desk_sqlite_error(d, "read article");
		goto done;
	}
	if ((a = article_from_row(st, 1)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT kind, start, \"end\" FROM mark WHERE article_id = ?1 "
	                       "ORDER BY start, \"end\"")) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (a->nmarks == cap) {
			desk_mark *m = realloc(a->marks, (cap = cap ? 2 * cap : 8) * sizeof *m);
			if (m == NULL) {
				rc = desk_error(d, DESK_NOMEM, "out of memory");
				goto done;
			}
			a->marks = m;
		}
		a->marks[a->nmarks].kind =
		    (desk_mark_kind)article_mark_parse((const char *)sqlite3_column_text(st, 0));
		a->marks[a->nmarks].start = sqlite3_column_int64(st, 1);
		a->marks[a->nmarks].end = sqlite3_column_int64(st, 2);
		a->nmarks++;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "read marks");
		goto done;
	}
	*out = a;
	a = NULL;
done:
	sqlite3_finalize(st);
	desk_article_free(a);
	return rc;
}

int
desk_article_list(desk_article ***out, size_t *n, desk *d, desk_status status)
{
	sqlite3_stmt *st = NULL;
	desk_article **list = NULL;
	size_t len = 0, cap = 0;
	int rc, r;

	*out = NULL;
	*n = 0;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT " ARTICLE_COLS
	                       " FROM article WHERE ?1 IS NULL OR status = ?1 "
	                       "ORDER BY id")) != DESK_OK)
		goto done;
	if (status != DESK_STATUS_ANY)
		sqlite3_bind_text(st, 1, desk_status_name(status), -1, SQLITE_STATIC);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (desk_grow(&list, &cap, len, sizeof *list) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		if ((list[len] = article_from_row(st, 0)) == NULL) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		len++;
	}
	if (r != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "list articles");
		goto done;
	}
	*out = list;
	*n = len;
	list = NULL;
	len = 0;
done:
	sqlite3_finalize(st);
	desk_article_list_free(list, len);
	return rc;
}

void
desk_article_list_free(desk_article **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		desk_article_free(list[i]);
	free(list);
}

int
desk_article_count(int64_t *out, desk *d)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	if ((rc = desk_prepare(d, &st, "SELECT count(*) FROM article")) != DESK_OK)
		goto done;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "count articles");
		goto done;
	}
	*out = sqlite3_column_int64(st, 0);
done:
	sqlite3_finalize(st);
	return rc;
}

int
desk_article_set_status(desk *d, int64_t id, desk_status s)
{
	static const char sql[] = "UPDATE article SET status = ?2, updated_by = ?3, "
	                          "updated_at = " DESK_SQL_NOW " WHERE id = ?1";
	desk_article *before = NULL;
	sqlite3_stmt *st = NULL;
	char data[96];
	int rc;

	if (s < DESK_STATUS_NEW || s > DESK_STATUS_DONE)
		return desk_error(d, DESK_MISUSE, "bad status %d", (int)s);
	if ((rc = desk_begin(d)) != DESK_OK)
		return rc;
	if ((rc = desk_prepare(d, &st, "SELECT " ARTICLE_COLS " FROM article WHERE id = ?1")) !=
	    DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_error(d, DESK_NOTFOUND, "no article %lld", (long long)id);
		goto done;
	}
	if ((before = article_from_row(st, 0)) == NULL) {
		rc = desk_error(d, DESK_NOMEM, "out of memory");
		goto done;
	}
	sqlite3_finalize(st);
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, desk_status_name(s), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->editor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = desk_sqlite_error(d, "set status");
		goto done;
	}
	snprintf(data, sizeof data, "{\"before\":\"%s\",\"after\":\"%s\"}",
	         desk_status_name(before->status), desk_status_name(s));
	if ((rc = history_record(d, "status", id, 0, data)) != DESK_OK)
		goto done;
	rc = desk_commit(d);
done:
	sqlite3_finalize(st);
	desk_article_free(before);
	if (rc != DESK_OK)
		desk_rollback(d);
	return rc;
}

int
desk_article_changes(desk_article_state **out, size_t *n, int *added, desk *d, int64_t *since)
{
	/* The status edits after ?1 up to ?2, those an undo or redo after ?1 took back or
	 * did again, and those inside groups of either: their articles' status now. */
	static const char sql[] =
	    "WITH new AS (SELECT id, action, undoes FROM edit_log WHERE id > ?1 AND id <= ?2), "
	    "edit(id) AS (SELECT id FROM new WHERE action NOT IN ('undo', 'redo') "
	    "UNION SELECT u.undoes FROM new u WHERE u.action = 'undo' "
	    "UNION SELECT o.undoes FROM new r JOIN edit_log o ON o.id = r.undoes WHERE r.action "
	    "= 'redo'), "
	    "touched(id) AS (SELECT e.article_id FROM edit JOIN edit_log e ON e.id = edit.id "
	    "WHERE e.action IN ('status', 'status-auto') "
	    "UNION SELECT m.article_id FROM edit JOIN edit_log g ON g.id = edit.id, "
	    "json_each(g.data, '$.edits') j JOIN edit_log m ON m.id = j.value WHERE g.action = "
	    "'group' AND m.action IN ('status', 'status-auto')) "
	    "SELECT a.id, a.status FROM article a WHERE a.id IN (SELECT id FROM touched) "
	    "ORDER BY a.id";
	sqlite3_stmt *st = NULL;
	desk_article_state *v = NULL;
	size_t len = 0, cap = 0;
	int64_t last = 0;
	int rc, r;

	*out = NULL;
	*n = 0;
	*added = 0;
	if (d == NULL)
		return DESK_MISUSE;
	if (since == NULL)
		return desk_error(d, DESK_MISUSE, "changes: no position in the log given");
	if ((rc = desk_prepare(d, &st, "SELECT coalesce(max(id), 0) FROM edit_log")) != DESK_OK)
		goto done;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "edit log");
		goto done;
	}
	last = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (*since < 0 || *since >= last)
		goto done;
	if ((rc = desk_prepare(d, &st,
	                       "SELECT EXISTS (SELECT 1 FROM edit_log WHERE id > ?1 AND "
	                       "id <= ?2 AND action = 'import')")) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, *since);
	sqlite3_bind_int64(st, 2, last);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = desk_sqlite_error(d, "edit log");
		goto done;
	}
	*added = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, *since);
	sqlite3_bind_int64(st, 2, last);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		desk_status s = DESK_STATUS_NEW;

		if (desk_grow(&v, &cap, len, sizeof *v) != DESK_OK) {
			rc = desk_error(d, DESK_NOMEM, "out of memory");
			goto done;
		}
		desk_status_parse(&s, (const char *)sqlite3_column_text(st, 1));
		v[len].id = sqlite3_column_int64(st, 0);
		v[len++].status = s;
	}
	if (r != SQLITE_DONE)
		rc = desk_sqlite_error(d, "article changes");
done:
	sqlite3_finalize(st);
	if (rc == DESK_OK) {
		*since = last;
		*out = v;
		*n = len;
	} else {
		*added = 0;
		free(v);
	}
	return rc;
}

int64_t
desk_article_id(const desk_article *a)
{
	return a->id;
}

const char *
desk_article_title(const desk_article *a)
{
	return a->title;
}

const char *
desk_article_date(const desk_article *a)
{
	return a->date;
}

const char *
desk_article_lang(const desk_article *a)
{
	return a->lang;
}

const char *
desk_article_source(const desk_article *a)
{
	return a->source;
}

const char *
desk_article_body(const desk_article *a)
{
	return a->body;
}

size_t
desk_article_body_len(const desk_article *a)
{
	return a->body_len;
}

int64_t
desk_article_body_chars(const desk_article *a)
{
	return a->chars;
}

const char *
desk_article_excerpt(const desk_article *a)
{
	return a->excerpt;
}

const char *
desk_article_hash(const desk_article *a)
{
	return a->hash;
}

const char *
desk_article_imported_by(const desk_article *a)
{
	return a->imported_by;
}

const char *
desk_article_imported_at(const desk_article *a)
{
	return a->imported_at;
}

desk_status
desk_article_status(const desk_article *a)
{
	return a->status;
}

const desk_mark *
desk_article_marks(const desk_article *a, size_t *n)
{
	*n = a->nmarks;
	return a->marks;
}

#define ARTICLE_JSON_FIELDS                                                                        \
	"'id', id, 'title', title, 'date', date, 'lang', lang, 'source', source, 'status', "       \
	"status, 'chars', chars, 'hash', hash, 'imported_by', imported_by, 'imported_at', "        \
	"imported_at, 'updated_by', updated_by, 'updated_at', updated_at"

static int
article_json_query(char **out, desk *d, const char *sql, int64_t id, const char *status)
{
	sqlite3_stmt *st = NULL;
	int rc, r;

	*out = NULL;
	if ((rc = desk_prepare(d, &st, sql)) != DESK_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if (status)
		sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(st)) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		rc = r == SQLITE_ROW || r == SQLITE_DONE
		         ? desk_error(d, DESK_NOTFOUND, "no article %lld", (long long)id)
		         : desk_sqlite_error(d, "article as JSON");
		goto done;
	}
	if ((*out = desk_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
		rc = desk_error(d, DESK_NOMEM, "out of memory");
done:
	sqlite3_finalize(st);
	return rc;
}

int
desk_article_json(char **out, desk *d, int64_t id)
{
	return article_json_query(
	    out, d,
	    "SELECT json_object(" ARTICLE_JSON_FIELDS ", 'body', body, 'marks', "
	    "(SELECT json_group_array(json_object('kind', kind, 'start', start, 'end', \"end\")) "
	    "FROM (SELECT * FROM mark WHERE article_id = a.id ORDER BY start, \"end\"))) "
	    "FROM article a WHERE id = ?1",
	    id, NULL);
}

int
desk_article_list_json(char **out, desk *d, desk_status status)
{
	return article_json_query(out, d,
	                          "SELECT json_group_array(json_object(" ARTICLE_JSON_FIELDS "))"
	                          " FROM (SELECT * FROM article WHERE ?2 IS NULL OR status = ?2 "
	                          "ORDER BY id) WHERE ?1 = ?1",
	                          0, status == DESK_STATUS_ANY ? NULL : desk_status_name(status));
}
