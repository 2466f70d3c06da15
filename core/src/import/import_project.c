/*
 * import_project.c - a brat project annotated by several people, as brat
 * and bratiaa lay it out: one folder per annotator, each holding the same
 * documents (NAME.txt and NAME.ann, at the same path within the folder).
 * Each text is imported once (the other folders' copies are duplicates of
 * it) and each folder's .ann is the layer of the editor the folder names
 * (import_brat.c's document, with the spans' author and a layer row).
 *
 * Before anything is stored, the whole project is checked: every folder's
 * name must be an editor's (desk_field_check), and a document's texts must
 * be the same in every folder that has one (byte for byte, or once
 * normalised as the importer stores them).  Either failure refuses the
 * whole project, naming the files; nothing of it is imported.  After the
 * checks the documents are stored as every import's are (a refused .ann
 * refuses that file alone; batches share transactions).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import_brat.h"

/* A document of a folder: its path within the folder without .txt/.ann. */
typedef struct project_doc {
	char *stem;
	int folder, txt, ann;
} project_doc;

typedef struct project {
	char **folders; /* names, sorted */
	size_t nfolders, capf;
	project_doc *docs;
	size_t ndocs, capd;
	int top_docs; /* the project's own directory holds documents */
} project;

static void
project_free(project *p)
{
	for (size_t i = 0; i < p->nfolders; i++)
		free(p->folders[i]);
	free(p->folders);
	for (size_t i = 0; i < p->ndocs; i++)
		free(p->docs[i].stem);
	free(p->docs);
	memset(p, 0, sizeof *p);
}

static int
project_ends(const char *s, const char *ext)
{
	size_t n = strlen(s);

	return n > 4 && strcmp(s + n - 4, ext) == 0;
}

static char *
project_join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s%s%s", a, *a && *b ? "/" : "", b);
	return s;
}

static int
project_add(project *p, const char *stem, int folder, int txt)
{
	for (size_t i = p->ndocs; i-- > 0 && p->docs[i].folder == folder;)
		if (strcmp(p->docs[i].stem, stem) == 0) {
			p->docs[i].txt |= txt;
			p->docs[i].ann |= !txt;
			return DESK_OK;
		}
	if (desk_grow(&p->docs, &p->capd, p->ndocs, sizeof *p->docs) != DESK_OK)
		return DESK_NOMEM;
	if ((p->docs[p->ndocs].stem = desk_strdup(stem)) == NULL)
		return DESK_NOMEM;
	p->docs[p->ndocs].folder = folder;
	p->docs[p->ndocs].txt = txt;
	p->docs[p->ndocs].ann = !txt;
	p->ndocs++;
	return DESK_OK;
}

/* The documents of folder (number f) under root/rel, recursively; hidden entries skipped. */
static int
project_walk(project *p, const char *root, const char *rel, int f)
{
	char *dir = project_join(root, rel);
	DIR *dp = dir ? opendir(dir) : NULL;
	struct dirent *e;
	int rc = DESK_OK;

	if (dp == NULL) {
		free(dir);
		return dir ? DESK_IO : DESK_NOMEM;
	}
	while (rc == DESK_OK && (e = readdir(dp)) != NULL) {
		char *path, *r;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		if ((path = project_join(dir, e->d_name)) == NULL ||
		    (r = project_join(rel, e->d_name)) == NULL) {
			free(path);
			rc = DESK_NOMEM;
			break;
		}
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = project_walk(p, root, r, f);
		} else if (project_ends(r, ".txt") || project_ends(r, ".ann")) {
			int txt = project_ends(r, ".txt");

			r[strlen(r) - 4] = '\0';
			rc = project_add(p, r, f, txt);
		}
		free(path);
		free(r);
	}
	closedir(dp);
	free(dir);
	return rc;
}

static int
project_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
project_doc_cmp(const void *a, const void *b)
{
	const project_doc *x = a, *y = b;
	int c = strcmp(x->stem, y->stem);

	return c ? c : x->folder - y->folder;
}

/* The folders of dir and their documents, by stem then folder. */
static int
project_read(project *p, const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int rc = DESK_OK;

	memset(p, 0, sizeof *p);
	if (dp == NULL)
		return DESK_IO;
	while (rc == DESK_OK && (e = readdir(dp)) != NULL) {
		char *path, *name;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		if ((path = project_join(dir, e->d_name)) == NULL) {
			rc = DESK_NOMEM;
			break;
		}
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			if ((name = desk_strdup(e->d_name)) == NULL ||
			    desk_grow(&p->folders, &p->capf, p->nfolders, sizeof *p->folders) !=
			        DESK_OK) {
				free(name);
				rc = DESK_NOMEM;
			} else {
				p->folders[p->nfolders++] = name;
			}
		} else if (project_ends(e->d_name, ".txt") || project_ends(e->d_name, ".ann")) {
			p->top_docs = 1;
		}
		free(path);
	}
	closedir(dp);
	if (rc != DESK_OK)
		return rc;
	if (p->nfolders > 1) /* qsort's array may not be NULL, even with no element */
		qsort(p->folders, p->nfolders, sizeof *p->folders, project_name_cmp);
	for (size_t f = 0; f < p->nfolders && rc == DESK_OK; f++) {
		char *sub = project_join(dir, p->folders[f]);

		rc = sub ? project_walk(p, sub, "", (int)f) : DESK_NOMEM;
		free(sub);
	}
	if (p->ndocs > 1)
		qsort(p->docs, p->ndocs, sizeof *p->docs, project_doc_cmp);
	return rc;
}

int
import_project_is(const char *dir)
{
	project p;
	int yes = 0;

	if (project_read(&p, dir) == DESK_OK && !p.top_docs && p.nfolders >= 2)
		for (size_t i = 1; i < p.ndocs && !yes; i++)
			yes = strcmp(p.docs[i].stem, p.docs[i - 1].stem) == 0;
	project_free(&p);
	return yes;
}

/* A file of the project: dir/folder/stem.ext (malloc'ed). */
static char *
project_file(const char *dir, const project *p, const project_doc *d, const char *ext)
{
	size_t n = strlen(dir) + strlen(p->folders[d->folder]) + strlen(d->stem) + 8;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s/%s/%s%s", dir, p->folders[d->folder], d->stem, ext);
	return s;
}

/* Refuse a file of the project for a rule: the event, and the handle's message with its rule. */
static void
project_refuse(import_run *r, const char *path, int rule, const char *msg)
{
	import_batch_refuse(r, path, DESK_INVALID, 0, 0, msg);
	desk_error_field(r->d, DESK_INVALID, NULL, rule, "%s: %s", path, msg);
}

/* A text as the importer would store it: normalised (NULL: it is refused anyway). */
static char *
project_text(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	format_error err = {0};
	char *raw = NULL, *out = NULL;
	size_t cap = 0, n = 0, k;

	*len = 0;
	if (f == NULL)
		return NULL;
	do {
		if (n + 65536 > cap) {
			char *b = realloc(raw, cap = 2 * cap + 65536);

			if (b == NULL || cap > FORMAT_MAX_FILE) {
				free(b ? b : raw);
				fclose(f);
				return NULL;
			}
			raw = b;
		}
		k = fread(raw + n, 1, cap - n, f);
		n += k;
	} while (k > 0);
	fclose(f);
	if (format_normalize(&out, len, raw, n, 1, &err) != DESK_OK)
		out = NULL;
	free(raw);
	return out;
}

/* The checks of the whole project; 1 when it is refused (said for each file). */
static int
project_check(import_run *r, const char *dir, const project *p)
{
	char why[DESK_FIELD_WHY], msg[600];
	const char *bad;
	int refused = 0;

	for (size_t f = 0; f < p->nfolders; f++)
		if ((bad = desk_field_check(why, p->folders[f], strlen(p->folders[f]),
		                            DESK_EDITOR_MAX,
		                            DESK_FIELD_LINE | DESK_FIELD_NONEMPTY)) != NULL) {
			char *path = project_join(dir, p->folders[f]);

			snprintf(msg, sizeof msg,
			         "an annotator's folder is named for its editor, and this name %s; "
			         "nothing of the project was imported",
			         bad);
			project_refuse(r, path ? path : dir, DESK_RULE_TEXT, msg);
			free(path);
			refused = 1;
		}
	for (size_t i = 0; i < p->ndocs;) {
		size_t j = i, first = SIZE_MAX, len0 = 0;
		char *t0 = NULL, *p0 = NULL;

		while (j < p->ndocs && strcmp(p->docs[j].stem, p->docs[i].stem) == 0)
			j++;
		for (size_t k = i; k < j; k++) {
			char *path, *t;
			size_t len;

			if (!p->docs[k].txt)
				continue;
			if ((path = project_file(dir, p, &p->docs[k], ".txt")) == NULL)
				continue;
			t = project_text(path, &len);
			if (first == SIZE_MAX) {
				first = k;
				t0 = t;
				len0 = len;
				p0 = path;
				continue;
			}
			if (t0 && t && (len != len0 || memcmp(t, t0, len) != 0)) {
				snprintf(
				    msg, sizeof msg,
				    "its text differs from %.200s: the annotators of a brat "
				    "project "
				    "must hold the same texts; nothing of the project was imported",
				    p0);
				project_refuse(r, path, DESK_RULE_TEXT_DIFFERS, msg);
				refused = 1;
			}
			free(t);
			free(path);
		}
		free(t0);
		free(p0);
		i = j;
	}
	return refused;
}

int
import_project_run(import_run *r, const char *dir)
{
	project p;
	int rc;

	if ((rc = project_read(&p, dir)) != DESK_OK) {
		project_free(&p);
		if (rc == DESK_NOMEM)
			return import_batch_error(r, rc, "out of memory");
		import_batch_refuse(r, dir, DESK_IO, 0, 0, strerror(errno));
		return DESK_OK;
	}
	if (project_check(r, dir, &p)) {
		project_free(&p);
		return DESK_OK;
	}
	for (size_t i = 0; i < p.ndocs && rc == DESK_OK;) {
		size_t j = i, txt = SIZE_MAX;
		int anns = 0;
		const char *base;
		char *tpath = NULL;

		while (j < p.ndocs && strcmp(p.docs[j].stem, p.docs[i].stem) == 0) {
			if (p.docs[j].txt && txt == SIZE_MAX)
				txt = j;
			anns += p.docs[j].ann;
			j++;
		}
		base = strrchr(p.docs[i].stem, '/') ? strrchr(p.docs[i].stem, '/') + 1
		                                    : p.docs[i].stem;
		if (txt != SIZE_MAX &&
		    (tpath = project_file(dir, &p, &p.docs[txt], ".txt")) == NULL)
			rc = import_batch_error(r, DESK_NOMEM, "out of memory");
		for (size_t k = i; k < j && rc == DESK_OK; k++) {
			char *own =
			         p.docs[k].txt ? project_file(dir, &p, &p.docs[k], ".txt") : NULL,
			     *apath = project_file(dir, &p, &p.docs[k], ".ann");
			const char *t = own ? own : tpath;

			if (apath == NULL || (p.docs[k].txt && own == NULL))
				rc = import_batch_error(r, DESK_NOMEM, "out of memory");
			else if (p.docs[k].ann && t == NULL) { /* an .ann with no text anywhere */
				if (r->stats)
					r->stats->files++;
				import_batch_refuse(r, apath, DESK_INVALID, 0, 0,
				                    "no .txt for it in any annotator's folder");
			} else if (p.docs[k].ann)
				rc = import_brat_doc(r, t, apath, base, p.folders[p.docs[k].folder],
				                     0);
			else if (anns == 0 && k == txt) /* a text nobody annotated: once */
				rc = import_brat_doc(r, t, apath, base, NULL, 0);
			free(own);
			free(apath);
		}
		free(tpath);
		i = j;
	}
	project_free(&p);
	return rc;
}
