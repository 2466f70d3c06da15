/*
 * exportargs.c - the options of `export` and the FILTERS it shares with
 * `release` and `stats`: one parser for the command line and the `:` prompt.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exportargs.h"

static int
exportargs_fail(exportargs *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->err, sizeof a->err, fmt, ap);
	va_end(ap);
	return -1;
}

/* The value of option name at argv[*i] (`--name V` or `--name=V`) into *v: 1, else 0. */
static int
exportargs_value(const char *name, int argc, char **argv, int *i, const char **v, int *missing)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*v = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		*missing = 1;
		return 1;
	}
	*v = argv[++*i];
	return 1;
}

/* "3,5,10-12": ids and ranges of ids. */
static int
exportargs_ids(exportargs *a, const char *s)
{
	const char *p = s;

	while (*p != '\0') {
		char buf[48];
		size_t n = strcspn(p, ",");
		char *dash;
		int64_t lo, hi;

		if (n == 0 || n >= sizeof buf)
			return exportargs_fail(a, "--articles: not a list of ids: %s", s);
		memcpy(buf, p, n);
		buf[n] = '\0';
		p += n + (p[n] == ',');
		if ((dash = strchr(buf, '-')) != NULL)
			*dash = '\0';
		if (desk_parse_id(&lo, buf) != DESK_OK ||
		    (dash ? desk_parse_id(&hi, dash + 1) != DESK_OK : (hi = lo, 0)) || hi < lo ||
		    hi - lo > 10000000)
			return exportargs_fail(a, "--articles: not an id or a range of ids: %s", s);
		for (int64_t id = lo; id <= hi; id++) {
			if (a->nids == a->capids) {
				size_t cap = a->capids ? 2 * a->capids : 16;
				int64_t *v = realloc(a->ids, cap * sizeof *v);

				if (v == NULL)
					return exportargs_fail(a, "out of memory");
				a->ids = v;
				a->capids = cap;
			}
			a->ids[a->nids++] = id;
		}
	}
	a->o.filter.articles = a->ids;
	a->o.filter.narticles = a->nids;
	return 1;
}

/* Whether v is one of ok. */
static int
exportargs_one_of(const char *v, const char *const *ok)
{
	for (const char *const *k = ok; *k; k++)
		if (strcmp(v, *k) == 0)
			return 1;
	return 0;
}

static const char *const exportargs_statuses[] = {"new", "progress", "done", NULL};
static const char *const exportargs_claim_statuses[] = {"check", "proposed", "verified", "disputed",
                                                        NULL};

static int
exportargs_filter(exportargs *a, int argc, char **argv, int *i)
{
	desk_filter *f = &a->o.filter;
	const char *v = NULL;
	int missing = 0;

	if (exportargs_value("--status", argc, argv, i, &v, &missing)) {
		if (!missing && !exportargs_one_of(v, exportargs_statuses))
			return exportargs_fail(a, "--status: %s is not new, progress or done", v);
		f->status = v;
	} else if (exportargs_value("--label", argc, argv, i, &v, &missing))
		f->label = v;
	else if (exportargs_value("--user", argc, argv, i, &v, &missing))
		f->user = v;
	else if (exportargs_value("--since", argc, argv, i, &v, &missing)) {
		if (!missing && !desk_date_valid(v, strlen(v)))
			return exportargs_fail(a, "--since: not a date (YYYY-MM-DD): %s", v);
		f->since = v;
	} else if (exportargs_value("--articles", argc, argv, i, &v, &missing)) {
		if (!missing)
			return exportargs_ids(a, v);
	} else if (exportargs_value("--verdict", argc, argv, i, &v, &missing))
		f->verdict = v;
	else if (exportargs_value("--claim-status", argc, argv, i, &v, &missing)) {
		if (!missing && !exportargs_one_of(v, exportargs_claim_statuses))
			return exportargs_fail(
			    a, "--claim-status: %s is not check, proposed, verified or disputed",
			    v);
		f->claim_status = v;
	} else if (strcmp(argv[*i], "--with-boilerplate") == 0)
		a->o.with_boilerplate = 1;
	else
		return 0;
	if (missing)
		return exportargs_fail(a, "%s needs a value", argv[*i]);
	return 1;
}

static int
exportargs_export(exportargs *a, int argc, char **argv, int *i)
{
	const char *v = NULL;
	int missing = 0;

	if (exportargs_value("--format", argc, argv, i, &v, &missing)) {
		if (!missing &&
		    (desk_format_parse(&a->o.format, v) != DESK_OK ||
		     a->o.format == DESK_FORMAT_TEXT || a->o.format == DESK_FORMAT_AUTO))
			return exportargs_fail(
			    a,
			    "--format: %s is not one of jsonl, doccano, conll, brat, "
			    "claimreview, fever, csv",
			    v);
	} else if (exportargs_value("--output", argc, argv, i, &v, &missing))
		a->output = v;
	else if (exportargs_value("--scheme", argc, argv, i, &v, &missing)) {
		if (missing)
			;
		else if (strcmp(v, "iob2") == 0)
			a->o.scheme = DESK_SCHEME_IOB2;
		else if (strcmp(v, "iob1") == 0)
			a->o.scheme = DESK_SCHEME_IOB1;
		else if (strcmp(v, "bioes") == 0 || strcmp(v, "iobes") == 0)
			a->o.scheme = DESK_SCHEME_BIOES;
		else
			return exportargs_fail(a, "--scheme: %s is not iob2, iob1 or bioes", v);
	} else if (exportargs_value("--layer", argc, argv, i, &v, &missing)) {
		if (!missing && strcmp(v, "gold") != 0 && strcmp(v, "editors") != 0)
			return exportargs_fail(a, "--layer: %s is not gold or editors", v);
		a->o.filter.layer = v;
	} else if (strcmp(argv[*i], "--doccano-entities") == 0)
		a->o.doccano_entities = 1;
	else
		return 0;
	if (missing)
		return exportargs_fail(a, "%s needs a value", argv[*i]);
	return 1;
}

int
exportargs_take(exportargs *a, unsigned which, int argc, char **argv, int *i)
{
	int r = 0;

	if ((which & EXPORTARGS_FILTERS) && (r = exportargs_filter(a, argc, argv, i)) != 0)
		return r;
	if ((which & EXPORTARGS_EXPORT) && (r = exportargs_export(a, argc, argv, i)) != 0)
		return r;
	return 0;
}

const char *
exportargs_usage(unsigned which)
{
	if (which & EXPORTARGS_EXPORT)
		return "--format jsonl|doccano|conll|brat|claimreview|fever|csv [--output PATH] "
		       "[--scheme iob2|iob1|bioes] [--doccano-entities] [--layer gold|editors] "
		       "[FILTERS]";
	return "[--status S] [--label L] [--user NAME] [--since DATE] [--articles IDS] "
	       "[--verdict V] [--claim-status S] [--with-boilerplate]";
}

void
exportargs_free(exportargs *a)
{
	free(a->ids);
	a->ids = NULL;
	a->nids = a->capids = 0;
}

int
exportargs_split(char *line, char **argv, int max, char *err, size_t errlen)
{
	char *r = line, *w = line;
	int n = 0;

	for (;;) {
		char quote = 0;

		while (*r == ' ' || *r == '\t')
			r++;
		if (*r == '\0')
			return n;
		if (n == max) {
			snprintf(err, errlen, "too many words (at most %d)", max);
			return -1;
		}
		argv[n++] = w;
		for (; *r != '\0' && (quote || (*r != ' ' && *r != '\t')); r++) {
			if (quote ? *r == quote : (*r == '"' || *r == '\'')) {
				quote = quote ? 0 : *r;
				continue;
			}
			*w++ = *r;
		}
		if (quote) {
			snprintf(err, errlen, "unclosed %c quote", quote);
			return -1;
		}
		if (*r != '\0')
			r++;
		*w++ = '\0';
	}
}

/* A temporary file beside path, to be renamed over it when the export is complete. */
static FILE *
exportargs_temp(char **tmp, const char *path)
{
	int fd;
	FILE *f;

	if ((*tmp = malloc(strlen(path) + 16)) == NULL)
		return NULL;
	sprintf(*tmp, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(*tmp)) < 0)
		return NULL;
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(*tmp);
	}
	return f;
}

int
exportargs_run(exportargs *a, desk *d, FILE *out, desk_export_stats *st, char *err, size_t errlen)
{
	int kind = desk_format_export_kind(a->o.format), rc;
	int to_file = a->output != NULL && strcmp(a->output, "-") != 0;
	char *tmp = NULL;
	FILE *f = out;

	*err = '\0';
	if (kind < 0) {
		snprintf(err, errlen, "this copydesk cannot write that format");
		return DESK_MISUSE;
	}
	if (kind == 1 && !to_file) {
		snprintf(err, errlen, "this format is a directory: give it with --output DIR");
		return DESK_MISUSE;
	}
	if (kind == 1) {
		if ((rc = desk_export(d, &a->o, NULL, a->output, st)) != DESK_OK)
			snprintf(err, errlen, "%s", desk_errmsg(d));
		return rc;
	}
	if (to_file && (f = exportargs_temp(&tmp, a->output)) == NULL) {
		snprintf(err, errlen, "%s: %s", a->output, strerror(errno));
		free(tmp);
		return DESK_IO;
	}
	if (f == NULL) {
		snprintf(err, errlen, "give the file to write with --output PATH");
		return DESK_MISUSE;
	}
	/* Large writes: an export is a stream of megabytes. */
	setvbuf(f, NULL, _IOFBF, (size_t)1 << 16);
	rc = desk_export(d, &a->o, f, NULL, st);
	if (rc != DESK_OK)
		snprintf(err, errlen, "%s", desk_errmsg(d));
	if (to_file) {
		if (fclose(f) != 0 && rc == DESK_OK) {
			snprintf(err, errlen, "%s: %s", a->output, strerror(errno));
			rc = DESK_IO;
		}
		if (rc == DESK_OK && rename(tmp, a->output) != 0) {
			snprintf(err, errlen, "%s: %s", a->output, strerror(errno));
			rc = DESK_IO;
		}
		if (rc != DESK_OK)
			unlink(tmp);
		free(tmp);
	}
	return rc;
}
