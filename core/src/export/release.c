/*
 * release.c - a dataset release (release.h): each chosen format of each
 * split exported (desk_export with the split's filter) into a new
 * directory beside dir, the tokens counted from the CoNLL export, the
 * figures of each split (desk_stats_get), the card (release_card.c), the
 * MANIFEST with the SHA-256 of every file, then the directory renamed to
 * dir.  A failure removes the new directory: nothing half-written is left.
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "release_int.h"

void
release_put_line(FILE *f, const char *s)
{
	char *e = NULL;
	size_t n = 0;

	if (desk_escape(&e, &n, s ? s : "", strlen(s ? s : ""), DESK_ESCAPE_LINES) == DESK_OK)
		fwrite(e, 1, n, f);
	free(e);
}

static int
release_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Remove path and everything under it (not following links). */
static void
release_rm(const char *path)
{
	nftw(path, release_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* 1: dir is missing or an empty directory; 0: it has something; -1: not a directory. */
static int
release_dir_free(const char *dir)
{
	struct stat st;
	struct dirent *e;
	DIR *dp;
	int empty = 1;

	if (stat(dir, &st) != 0)
		return errno == ENOENT ? 1 : -1;
	if (!S_ISDIR(st.st_mode) || (dp = opendir(dir)) == NULL)
		return -1;
	while (empty && (e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, ".."))
			empty = 0;
	closedir(dp);
	return empty;
}

/* A new directory beside dir: "PARENT/.BASE.release-XXXXXX" (malloc'ed), or NULL. */
static char *
release_tmpdir(const char *dir)
{
	const char *slash;
	size_t len = strlen(dir);
	char *p;

	while (len > 1 && dir[len - 1] == '/')
		len--;
	if ((p = malloc(len + 32)) == NULL)
		return NULL;
	for (slash = dir + len; slash > dir && slash[-1] != '/'; slash--)
		;
	snprintf(p, len + 32, "%.*s.%.*s.release-XXXXXX", (int)(slash - dir), dir,
	         (int)(len - (size_t)(slash - dir)), slash);
	if (mkdtemp(p) == NULL) {
		free(p);
		return NULL;
	}
	return p;
}

/* tmp/name: a path (malloc'ed). */
static char *
release_path(const char *tmp, const char *name)
{
	size_t n = strlen(tmp) + strlen(name) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", tmp, name);
	return p;
}

/* Tokens of a CoNLL file: its lines that are neither blank nor -DOCSTART-. */
static int64_t
release_count_tokens(const char *path)
{
	FILE *f = fopen(path, "rb");
	char line[4096];
	int64_t n = 0;
	int start = 1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f)) {
		if (start && line[0] != '\n' && strncmp(line, "-DOCSTART-", 10) != 0)
			n++;
		start = strchr(line, '\n') != NULL; /* a long line's rest is no new line */
	}
	fclose(f);
	return n;
}

/* Export format f of split k into tmp; the tokens too when it is CoNLL. */
static int
release_export(desk *d, release_info *ri, const char *tmp, desk_format f, int k, int tokens_only)
{
	desk_export_opts eo = ri->o->exp;
	desk_export_stats es;
	char name[64], *path;
	FILE *out = NULL;
	int rc, dir = ri->ex->kind(f) == 1;

	eo.format = f;
	eo.filter.split = k;
	if (tokens_only)
		snprintf(name, sizeof name, ".tokens.conll");
	else
		desk_release_file(name, sizeof name, f, k);
	if ((path = release_path(tmp, name)) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if (dir) {
		char *brat = release_path(tmp, "brat");

		if (brat == NULL || (mkdir(brat, 0777) != 0 && errno != EEXIST)) {
			free(brat);
			free(path);
			return desk_error(d, DESK_IO, "%s: %s", tmp, strerror(errno));
		}
		free(brat);
	} else if ((out = fopen(path, "wb")) == NULL) {
		rc = desk_error(d, DESK_IO, "%s: %s", path, strerror(errno));
		free(path);
		return rc;
	}
	memset(&es, 0, sizeof es);
	rc = ri->ex->run(d, &eo, out, dir ? path : NULL, &es);
	if (out && fclose(out) != 0 && rc == DESK_OK)
		rc = desk_error(d, DESK_IO, "%s: %s", path, strerror(errno));
	if (rc == DESK_OK && f == DESK_FORMAT_CONLL &&
	    (ri->tokens[k - 1] = release_count_tokens(path)) < 0)
		rc = desk_error(d, DESK_IO, "%s: %s", path, strerror(errno));
	if (tokens_only)
		unlink(path);
	free(path);
	return rc;
}

/* The files under tmp/rel (relative paths), for the MANIFEST. */
typedef struct release_files {
	char **v;
	size_t n, cap;
} release_files;

static int
release_walk(release_files *fl, const char *tmp, const char *rel)
{
	char *path = rel[0] ? release_path(tmp, rel) : strdup(tmp);
	struct dirent *e;
	DIR *dp;
	int rc = DESK_OK;

	if (path == NULL || (dp = opendir(path)) == NULL) {
		free(path);
		return path ? DESK_IO : DESK_NOMEM;
	}
	while (rc == DESK_OK && (e = readdir(dp)) != NULL) {
		char *sub;
		struct stat st;
		size_t n;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		n = strlen(rel) + strlen(e->d_name) + 2;
		if ((sub = malloc(n)) == NULL) {
			rc = DESK_NOMEM;
			break;
		}
		snprintf(sub, n, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
		{
			char *full = release_path(tmp, sub);

			if (full == NULL || lstat(full, &st) != 0) {
				free(full);
				free(sub);
				rc = DESK_IO;
				break;
			}
			free(full);
		}
		if (S_ISDIR(st.st_mode)) {
			rc = release_walk(fl, tmp, sub);
			free(sub);
		} else if (desk_grow(&fl->v, &fl->cap, fl->n, sizeof *fl->v) != DESK_OK) {
			free(sub);
			rc = DESK_NOMEM;
		} else {
			fl->v[fl->n++] = sub;
		}
	}
	closedir(dp);
	free(path);
	return rc;
}

static int
release_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The SHA-256 of a file as 64 hex digits. */
static int
release_sha256(char out[65], const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char buf[65536];
	sha256_ctx c;
	size_t n;
	int bad;

	if (f == NULL)
		return DESK_IO;
	sha256_init(&c);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sha256_update(&c, buf, n);
	bad = ferror(f);
	fclose(f);
	sha256_hex(out, &c);
	return bad ? DESK_IO : DESK_OK;
}

static void
release_counts(FILE *f, const char *what, const int64_t v[3])
{
	fprintf(f, "%s: train %lld, dev %lld, test %lld\n", what, (long long)v[0], (long long)v[1],
	        (long long)v[2]);
}

/* The MANIFEST: what made the release, its counts, then sha256sum's lines for every file. */
static int
release_manifest(desk *d, const release_info *ri, const char *tmp, desk_release_stats *rs)
{
	const desk_filter *flt = &ri->o->exp.filter;
	release_files fl = {NULL, 0, 0};
	char *path = release_path(tmp, "MANIFEST"), hex[65];
	int64_t v[3];
	FILE *f = NULL;
	int rc;

	if (path == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if ((rc = release_walk(&fl, tmp, "")) != DESK_OK) {
		rc = desk_error(d, rc, "%s: cannot list what was written", tmp);
		goto done;
	}
	if (fl.n > 1)
		qsort(fl.v, fl.n, sizeof *fl.v, release_cmp);
	if ((f = fopen(path, "wb")) == NULL) {
		rc = desk_error(d, DESK_IO, "%s: %s", path, strerror(errno));
		goto done;
	}
	fprintf(f, "copydesk release\nversion: %s\nschema: %d\nformats:", desk_version(),
	        ri->schema);
	for (size_t i = 0; i < ri->nformats; i++) {
		char name[64];

		desk_release_file(name, sizeof name, ri->formats[i], 1);
		fprintf(f, " %s", strchr(name, '.') ? strchr(name, '.') + 1 : "brat");
	}
	fprintf(
	    f, "\nsplit: %u/%u/%u (train/dev/test, by a hash of each article's text)\nseed: %llu\n",
	    flt->split_pct[0], flt->split_pct[1], flt->split_pct[2], (unsigned long long)flt->seed);
	fprintf(f, "boilerplate: %s\nscheme: %s\n",
	        ri->o->exp.with_boilerplate ? "kept" : "left out",
	        ri->o->exp.scheme == DESK_SCHEME_IOB1    ? "iob1"
	        : ri->o->exp.scheme == DESK_SCHEME_BIOES ? "bioes"
	                                                 : "iob2");
	if (ri->o->exp.doccano_entities)
		fprintf(f, "doccano: entities\n");
#define RELEASE_FILTER(field, name)                                                                \
	if (flt->field) {                                                                          \
		fprintf(f, "filter " name ": ");                                                   \
		release_put_line(f, flt->field);                                                   \
		fputc('\n', f);                                                                    \
	}
	RELEASE_FILTER(status, "status")
	RELEASE_FILTER(label, "label")
	RELEASE_FILTER(user, "user")
	RELEASE_FILTER(since, "since")
	RELEASE_FILTER(verdict, "verdict")
	RELEASE_FILTER(claim_status, "claim-status")
#undef RELEASE_FILTER
	if (flt->narticles > 0) {
		fprintf(f, "filter articles:");
		for (size_t i = 0; i < flt->narticles; i++)
			fprintf(f, "%s%lld", i ? "," : " ", (long long)flt->articles[i]);
		fputc('\n', f);
	}
	for (int k = 0; k < 3; k++)
		v[k] = ri->split[k]->total_articles;
	release_counts(f, "articles", v);
	release_counts(f, "tokens", ri->tokens);
	for (int k = 0; k < 3; k++)
		v[k] = ri->split[k]->total_spans;
	release_counts(f, "spans", v);
	for (int k = 0; k < 3; k++)
		v[k] = ri->split[k]->total_claims;
	release_counts(f, "claims", v);
	fprintf(f, "\nsha256 (check: grep -E '^[0-9a-f]{64}  ' MANIFEST | sha256sum -c):\n");
	for (size_t i = 0; i < fl.n; i++) {
		char *p = release_path(tmp, fl.v[i]);

		if (p == NULL || release_sha256(hex, p) != DESK_OK) {
			rc = desk_error(d, DESK_IO, "%s: cannot be read back", fl.v[i]);
			free(p);
			goto done;
		}
		free(p);
		fprintf(f, "%s  %s\n", hex, fl.v[i]);
	}
	rs->files = fl.n;
	if (fclose(f) != 0) {
		f = NULL;
		rc = desk_error(d, DESK_IO, "%s: %s", path, strerror(errno));
		goto done;
	}
	f = NULL;
done:
	if (f)
		fclose(f);
	for (size_t i = 0; i < fl.n; i++)
		free(fl.v[i]);
	free(fl.v);
	free(path);
	return rc;
}

/* The settings the card shows. */
static int
release_config(desk *d, release_info *ri)
{
	int rc;

	if ((rc = desk_config_get(&ri->org_name, d, "org.name")) != DESK_OK ||
	    (rc = desk_config_get(&ri->org_url, d, "org.url")) != DESK_OK ||
	    (rc = desk_config_get(&ri->license, d, "license")) != DESK_OK ||
	    (rc = desk_config_get(&ri->name, d, "dataset.name")) != DESK_OK ||
	    (rc = desk_config_get(&ri->description, d, "dataset.description")) != DESK_OK)
		return rc;
	return DESK_OK;
}

/* Everything into tmp. */
static int
release_write(desk *d, release_info *ri, const char *tmp, desk_release_stats *rs)
{
	int has_conll = 0, rc;
	char *card;
	FILE *f;

	for (int k = 1; k <= 3; k++) {
		desk_filter flt = ri->o->exp.filter;

		flt.split = k;
		for (size_t i = 0; i < ri->nformats; i++) {
			has_conll |= ri->formats[i] == DESK_FORMAT_CONLL;
			if ((rc = release_export(d, ri, tmp, ri->formats[i], k, 0)) != DESK_OK)
				return rc;
		}
		/* The card counts tokens as the CoNLL export has them. */
		if (!has_conll &&
		    (rc = release_export(d, ri, tmp, DESK_FORMAT_CONLL, k, 1)) != DESK_OK)
			return rc;
		if ((rc = desk_stats_get(&ri->split[k - 1], d, &flt)) != DESK_OK)
			return rc;
		rs->articles[k - 1] = ri->split[k - 1]->total_articles;
		rs->spans[k - 1] = ri->split[k - 1]->total_spans;
		rs->claims[k - 1] = ri->split[k - 1]->total_claims;
		rs->tokens[k - 1] = ri->tokens[k - 1];
	}
	if ((rc = release_agree(d, ri)) != DESK_OK ||
	    (rc = desk_labels_get(&ri->labels, d)) != DESK_OK ||
	    (rc = desk_verdicts_get(&ri->verdicts, d)) != DESK_OK ||
	    (rc = release_config(d, ri)) != DESK_OK)
		return rc;
	ri->schema = desk_schema_version(d);
	if ((card = release_path(tmp, "README.md")) == NULL)
		return desk_error(d, DESK_NOMEM, "out of memory");
	if ((f = fopen(card, "wb")) == NULL) {
		rc = desk_error(d, DESK_IO, "%s: %s", card, strerror(errno));
	} else {
		rc = release_card(f, ri);
		if (fclose(f) != 0 || rc != DESK_OK)
			rc = desk_error(d, DESK_IO, "%s: cannot be written", card);
	}
	free(card);
	if (rc != DESK_OK)
		return rc;
	return release_manifest(d, ri, tmp, rs);
}

/* tmp becomes dir: over an empty one, or (force) with the old one removed after. */
static int
release_finish(desk *d, const char *tmp, const char *dir)
{
	char *old = NULL;
	int rc = DESK_OK;

	if (rename(tmp, dir) == 0)
		return DESK_OK;
	if (errno != ENOTEMPTY && errno != EEXIST)
		return desk_error(d, DESK_IO, "%s: %s", dir, strerror(errno));
	/* forced over a directory with something in it: move it aside first */
	if ((old = release_tmpdir(dir)) == NULL || rmdir(old) != 0 || rename(dir, old) != 0) {
		rc = desk_error(d, DESK_IO, "%s: cannot be replaced: %s", dir, strerror(errno));
	} else if (rename(tmp, dir) != 0) {
		rc = desk_error(d, DESK_IO, "%s: %s", dir, strerror(errno));
		rename(old, dir);
	} else {
		release_rm(old);
	}
	free(old);
	return rc;
}

int
desk_release(desk *d, const char *dir, const desk_release_opts *o, desk_release_stats *stats)
{
	static const release_exporter ex = {desk_export, desk_format_export_kind};

	return release_run(d, dir, o, stats, &ex);
}

int
release_run(desk *d, const char *dir, const desk_release_opts *o, desk_release_stats *stats,
            const release_exporter *ex)
{
	static const desk_format defaults[] = {DESK_FORMAT_JSONL, DESK_FORMAT_CONLL};
	const desk_filter *flt = &o->exp.filter;
	desk_release_stats rs;
	release_info ri;
	char *tmp = NULL;
	int rc, free_dir;

	memset(&ri, 0, sizeof ri);
	memset(&rs, 0, sizeof rs);
	ri.o = o;
	ri.ex = ex;
	ri.nformats = o->formats ? o->nformats : 2;
	if (ri.nformats == 0 || ri.nformats > RELEASE_MAXFORMATS)
		return desk_error(d, DESK_MISUSE, "release: give one to %d formats",
		                  RELEASE_MAXFORMATS);
	for (size_t i = 0; i < ri.nformats; i++) {
		char name[64];

		ri.formats[i] = o->formats ? o->formats[i] : defaults[i];
		if (ex->kind(ri.formats[i]) < 0 ||
		    desk_release_file(name, sizeof name, ri.formats[i], 1) == NULL)
			return desk_error(d, DESK_MISUSE,
			                  "release: a format that cannot be exported");
		for (size_t j = 0; j < i; j++)
			if (ri.formats[j] == ri.formats[i])
				return desk_error(d, DESK_MISUSE, "release: a format given twice");
	}
	if (flt->split_pct[0] + flt->split_pct[1] + flt->split_pct[2] != 100)
		return desk_error(d, DESK_MISUSE,
		                  "release: the split %u/%u/%u does not add up to 100",
		                  flt->split_pct[0], flt->split_pct[1], flt->split_pct[2]);
	if ((free_dir = release_dir_free(dir)) < 0)
		return desk_error(d, DESK_CONFLICT, "%s: exists and is not a directory", dir);
	if (free_dir == 0 && !o->force)
		return desk_error(
		    d, DESK_CONFLICT,
		    "%s: exists and is not empty: give a new directory, or --force to "
		    "replace it",
		    dir);
	if ((tmp = release_tmpdir(dir)) == NULL)
		return desk_error(d, DESK_IO, "%s: cannot make a directory beside it: %s", dir,
		                  strerror(errno));
	/* One snapshot for every export and figure: edits meanwhile are in none of them. */
	if ((rc = desk_read_begin(d)) == DESK_OK) {
		rc = release_write(d, &ri, tmp, &rs);
		desk_read_end(d);
	}
	if (rc == DESK_OK)
		rc = release_finish(d, tmp, dir);
	if (rc != DESK_OK)
		release_rm(tmp);
	else if (stats)
		*stats = rs;
	free(tmp);
	for (int k = 0; k < 3; k++)
		desk_stats_free(ri.split[k]);
	desk_agreement_free(ri.agree);
	desk_labels_free(ri.labels);
	desk_verdicts_free(ri.verdicts);
	free(ri.org_name);
	free(ri.org_url);
	free(ri.license);
	free(ri.name);
	free(ri.description);
	return rc;
}
