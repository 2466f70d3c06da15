/*
 * cmd_release.c - `copydesk release DIR`: a dataset a researcher can use as
 * it is (desk_release): the chosen formats split into train, dev and test,
 * the dataset card and the MANIFEST; written whole or not at all.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"
#include "exportargs.h"

#define CMD_RELEASE_MAXFORMATS 8

/* --formats a,b,c into f[]; 0, or -1 with the reason printed. */
static int
cmd_release_formats(struct cli *c, const char *list, desk_format *f, size_t *n)
{
	char buf[256], *p, *save = NULL;

	snprintf(buf, sizeof buf, "%s", list);
	*n = 0;
	for (p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (*n == CMD_RELEASE_MAXFORMATS || desk_format_parse(&f[*n], p) != DESK_OK ||
		    f[*n] == DESK_FORMAT_AUTO || f[*n] == DESK_FORMAT_TEXT) {
			cmd_usage(
			    c, "release",
			    "--formats: %s is not one of jsonl, doccano, conll, brat, claimreview, "
			    "fever, csv",
			    p);
			return -1;
		}
		if (desk_format_export_kind(f[*n]) < 0) {
			cmd_usage(c, "release", "--formats: this copydesk cannot export %s yet", p);
			return -1;
		}
		for (size_t j = 0; j < *n; j++)
			if (f[j] == f[*n]) {
				cmd_usage(c, "release", "--formats: %s is given twice", p);
				return -1;
			}
		(*n)++;
	}
	if (*n == 0) {
		cmd_usage(c, "release", "--formats: no format given");
		return -1;
	}
	return 0;
}

/* --split 80/10/10 into pct; 0, or -1 with the reason printed. */
static int
cmd_release_split(struct cli *c, const char *s, unsigned pct[3])
{
	unsigned a, b, t;
	int end = 0;

	if (sscanf(s, "%3u/%3u/%3u%n", &a, &b, &t, &end) != 3 || s[end] != '\0' ||
	    a + b + t != 100 || a == 0) {
		cmd_usage(c, "release",
		          "--split: %s is not TRAIN/DEV/TEST adding up to 100 (80/10/10)", s);
		return -1;
	}
	pct[0] = a, pct[1] = b, pct[2] = t;
	return 0;
}

static void
cmd_release_warn(void *ctx, const desk_export_warning *w)
{
	struct cli *c = ctx;

	cmd_printf(c->err, "copydesk release: article %lld, %lld-%lld: %s\n",
	           (long long)w->article_id, (long long)w->start, (long long)w->end, w->message);
}

int
cmd_release(struct cli *c, int argc, char **argv)
{
	desk_format formats[CMD_RELEASE_MAXFORMATS];
	desk_release_opts ro;
	desk_release_stats st;
	exportargs a = {0};
	const char *dir = NULL;
	desk *d = NULL;
	int64_t seed = 0;
	int i, r, rc, status = EXIT_OK_;

	memset(&ro, 0, sizeof ro);
	a.o.filter.split_pct[0] = 80;
	a.o.filter.split_pct[1] = 10;
	a.o.filter.split_pct[2] = 10;
	for (i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(argv[i], "--force") == 0) {
			ro.force = 1;
		} else if (strcmp(argv[i], "--formats") == 0 && v) {
			if (cmd_release_formats(c, v, formats, &ro.nformats) != 0)
				goto usage;
			ro.formats = formats;
			i++;
		} else if (strcmp(argv[i], "--split") == 0 && v) {
			if (cmd_release_split(c, v, a.o.filter.split_pct) != 0)
				goto usage;
			i++;
		} else if (strcmp(argv[i], "--seed") == 0 && v) {
			if (desk_parse_int(&seed, v) != DESK_OK || seed < 0) {
				cmd_usage(c, "release", "--seed: %s is not a whole number from 0",
				          v);
				goto usage;
			}
			i++;
		} else if ((r = exportargs_take(&a, EXPORTARGS_FILTERS | EXPORTARGS_EXPORT, argc,
		                                argv, &i)) < 0) {
			cmd_usage(c, "release", "%s", a.err);
			goto usage;
		} else if (r > 0) {
			if (a.o.format != DESK_FORMAT_AUTO || a.output != NULL) {
				cmd_usage(c, "release",
				          "--formats and DIR say what is written where");
				goto usage;
			}
		} else if (argv[i][0] != '-' && dir == NULL) {
			dir = argv[i];
		} else {
			cmd_usage(c, "release", "unexpected argument %s", argv[i]);
			goto usage;
		}
	}
	if (dir == NULL) {
		cmd_usage(c, "release", "needs the directory to write the release into");
		goto usage;
	}
	if ((status = cmd_open(&d, c)) != EXIT_OK_)
		goto done;
	ro.exp = a.o;
	ro.exp.filter.seed = (uint64_t)seed;
	ro.exp.warn = cmd_release_warn;
	ro.exp.ctx = c;
	if ((rc = desk_release(d, dir, &ro, &st)) != DESK_OK) {
		cmd_printf(c->err, "copydesk release: %s\n", desk_errmsg(d));
		status = rc == DESK_CONFLICT ? EXIT_FAIL : cmd_exit_status(rc);
		goto done;
	}
	cmd_printf(c->err,
	           "copydesk release: %s: train %lld, dev %lld, test %lld articles; %zu files "
	           "with their SHA-256 in %s/MANIFEST\n",
	           dir, (long long)st.articles[0], (long long)st.articles[1],
	           (long long)st.articles[2], st.files, dir);
	goto done;
usage:
	status = EXIT_USAGE;
done:
	desk_close(d);
	exportargs_free(&a);
	return status;
}
