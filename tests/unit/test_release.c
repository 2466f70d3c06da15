/*
 * test_release.c - a dataset release (export/release.c) with the exports
 * run by the real driver (export_run: filters, snapshot, split) through a
 * small writer of this test's, so that the release's own work is checked
 * whatever the formats' writers do: the files of each split, the card's
 * front matter and tables, the MANIFEST's SHA-256s, two releases byte for
 * byte the same, a directory that is not empty refused (or replaced with
 * force), and a failed release leaving nothing.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "export/export.h"
#include "export/export_cut.h"
#include "export/release_int.h"

static const char *const bodies[] = {
    "Ông Nguyễn Văn An gặp bà Lê Thị Bình tại Hà Nội.",
    "Donald Trump met Xi Jinping in Busan on Thursday.",
    "Thủ tướng đến Đà Nẵng chiều nay.",
    "Reuters reported that Hanoi had 8 million people.",
    "Giá vàng hôm nay tăng mạnh.",
    "The Mekong delta floods every year.",
};

/* One line per article ("ID TITLE"); CoNLL: one "WORD O" line per space-separated word. */
static int
fake_article(format_sink *s, const format_article *a)
{
	if (s->dir) {
		char p[512];
		FILE *f;

		snprintf(p, sizeof p, "%s/%lld.txt", s->dir, (long long)a->id);
		if ((f = fopen(p, "wb")) == NULL)
			return DESK_IO;
		fwrite(a->in.body, 1, a->in.body_len, f);
		return fclose(f) == 0 ? DESK_OK : DESK_IO;
	}
	if (s->info->opts->format == DESK_FORMAT_CONLL) {
		const char *p = a->in.body, *end = p + a->in.body_len;

		fputs("-DOCSTART- O\n\n", s->f);
		while (p < end) {
			const char *sp = memchr(p, ' ', (size_t)(end - p));
			size_t n = sp ? (size_t)(sp - p) : (size_t)(end - p);

			fprintf(s->f, "%.*s O\n", (int)n, p);
			p += n + (sp != NULL);
		}
		fputc('\n', s->f);
		return DESK_OK;
	}
	fprintf(s->f, "%lld %zu %zu\n", (long long)a->id, a->nspans, a->nclaims);
	return DESK_OK;
}

static const format_writer fake_writer = {NULL, fake_article, NULL};
static int fail_split;  /* the split whose export fails (0: none) */
static desk *meanwhile; /* an editor who adds an article while the dev split is written */

static int
fake_run(desk *d, const desk_export_opts *o, FILE *out, const char *dir, desk_export_stats *st)
{
	if (o->filter.split == fail_split)
		return desk_error(d, DESK_IO, "the disk is full (the test says)");
	if (dir && mkdir(dir, 0777) != 0)
		return DESK_IO;
	if (meanwhile && o->filter.split == 2) {
		/* a text whose split is test, still to be written */
		char body[64], hash[17];
		desk_article_in in;
		int64_t id;

		for (int i = 0;; i++) {
			snprintf(body, sizeof body, "Tin mới số %d, thêm vào giữa chừng.", i);
			hash_hex(hash, body, strlen(body));
			if (export_split(hash, o->filter.seed, o->filter.split_pct) == 3)
				break;
		}
		memset(&in, 0, sizeof in);
		in.body = body;
		in.body_len = strlen(body);
		in.lang = "vi";
		assert_int_equal(desk_article_add(meanwhile, &in, 1, &id, NULL), DESK_OK);
		meanwhile = NULL;
	}
	return export_run(d, o, &fake_writer, out, dir, st);
}

static int
fake_kind(desk_format f)
{
	return f == DESK_FORMAT_BRAT ? 1 : f == DESK_FORMAT_TEXT ? -1 : 0;
}

static const release_exporter fake = {fake_run, fake_kind};

typedef struct fx {
	char root[64], db[96];
	desk *a, *b;
	int64_t art[6];
} fx;

static int
fx_setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	int64_t id;

	assert_non_null(f);
	strcpy(f->root, "/tmp/copydesk-release-XXXXXX");
	assert_non_null(mkdtemp(f->root));
	snprintf(f->db, sizeof f->db, "%s/cd.db", f->root);
	assert_int_equal(desk_open(&f->a, f->db, "alice"), DESK_OK);
	assert_int_equal(desk_open(&f->b, f->db, "bob"), DESK_OK);
	for (size_t i = 0; i < 6; i++) {
		desk_article_in in = {.body = bodies[i],
		                      .body_len = strlen(bodies[i]),
		                      .lang = i % 2 ? "en" : "vi",
		                      .date = i == 0   ? "2025-03-01"
		                              : i == 5 ? "2025-11-30"
		                                       : ""};

		assert_int_equal(desk_article_add(f->a, &in, 1, &f->art[i], NULL), DESK_OK);
	}
	assert_int_equal(desk_span_add(&id, f->a, f->art[0], 4, 17, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&id, f->a, f->art[1], 0, 12, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(&id, f->a, f->art[1], 40, 45, "LOC", 0), DESK_OK);
	assert_int_equal(desk_claim_add(&id, f->a, f->art[3], 0, 49), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->a, id, "false"), DESK_OK);
	assert_int_equal(desk_config_set(NULL, f->a, "license", "CC-BY-4.0"), DESK_OK);
	assert_int_equal(desk_config_set(NULL, f->a, "dataset.name", "Tin \"tức\" | <b>VN</b>"),
	                 DESK_OK);
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	fx *f = *state;
	char cmd[128];

	desk_close(f->a);
	desk_close(f->b);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->root);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static desk_release_opts
opts(void)
{
	desk_release_opts o;

	memset(&o, 0, sizeof o);
	o.exp.filter.split_pct[0] = 50;
	o.exp.filter.split_pct[1] = 25;
	o.exp.filter.split_pct[2] = 25;
	o.exp.filter.seed = 3;
	return o;
}

static char *
slurp(const char *dir, const char *name)
{
	char p[256];
	FILE *f;
	char *buf = calloc(1, 65536);

	snprintf(p, sizeof p, "%s/%s", dir, name);
	assert_non_null(buf);
	if ((f = fopen(p, "rb")) == NULL) {
		free(buf);
		return NULL;
	}
	(void)!fread(buf, 1, 65535, f);
	fclose(f);
	return buf;
}

/* How many entries the directory holds besides the database (temporary siblings show). */
static int
entries(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL)
		n += strncmp(e->d_name, "cd.db", 5) != 0 &&
		     (e->d_name[0] != '.' || e->d_name[1] > '.');
	closedir(dp);
	return n;
}

static void
test_release(void **state)
{
	fx *f = *state;
	desk_release_opts o = opts();
	desk_format formats[] = {DESK_FORMAT_JSONL, DESK_FORMAT_CONLL, DESK_FORMAT_BRAT};
	desk_release_stats st;
	char dir[128], *card, *man, *line;
	int64_t words = 0;

	o.formats = formats;
	o.nformats = 3;
	snprintf(dir, sizeof dir, "%s/rel", f->root);
	meanwhile = f->b; /* its article is in no file and no count: one snapshot */
	assert_int_equal(release_run(f->a, dir, &o, &st, &fake), DESK_OK);
	assert_null(meanwhile);
	assert_int_equal(st.articles[0] + st.articles[1] + st.articles[2], 6);
	assert_int_equal(st.spans[0] + st.spans[1] + st.spans[2], 3);
	assert_int_equal(st.claims[0] + st.claims[1] + st.claims[2], 1);
	for (size_t i = 0; i < 6; i++) {
		const char *p = bodies[i];

		for (words++; (p = strchr(p, ' ')) != NULL; p++)
			words++;
	}
	assert_int_equal(st.tokens[0] + st.tokens[1] + st.tokens[2], words);
	assert_int_equal(entries(f->root), 1); /* the release: no temporary beside it */

	card = slurp(dir, "README.md");
	assert_non_null(card);
	assert_non_null(strstr(card, "---\nlanguage:\n- vi\n- en\nlicense: cc-by-4.0\n"
	                             "task_categories:\n- token-classification\n"
	                             "- text-classification\ntask_ids:\n"
	                             "- named-entity-recognition\n- fact-checking\n"
	                             "size_categories:\n- n<1K\n"
	                             "pretty_name: \"Tin \\\"tức\\\" | <b>VN</b>\"\n"));
	assert_non_null(strstr(card, "# Tin \"tức\" \\| &lt;b&gt;VN&lt;/b&gt;\n"));
	assert_non_null(strstr(card, "  path: train.jsonl\n"));
	assert_non_null(strstr(card, "| PER | a person, by name"));
	assert_non_null(strstr(card, "dated 2025-03-01 to 2025-11-30"));
	assert_non_null(strstr(card, "One layer per article"));
	assert_non_null(strstr(card, "by 1 editor:"));
	assert_non_null(strstr(card, "`brat/train/`"));
	assert_null(strstr(card, "2026-")); /* nothing from the clock */

	man = slurp(dir, "MANIFEST");
	assert_non_null(man);
	assert_non_null(strstr(man, "formats: jsonl conll brat\nsplit: 50/25/25"));
	assert_non_null(strstr(man, "seed: 3\n"));
	/* every file listed with its digest, in order; the manifest itself not */
	line = strstr(man, "  README.md\n");
	assert_non_null(line);
	{
		char path[256], hex[65];
		sha256_ctx c;
		char *readme = slurp(dir, "README.md");

		sha256_init(&c);
		sha256_update(&c, readme, strlen(readme));
		sha256_hex(hex, &c);
		assert_memory_equal(line - 64, hex, 64);
		free(readme);
		snprintf(path, sizeof path, "%s/dev.conll", dir);
		assert_int_equal(access(path, R_OK), 0);
	}
	assert_null(strstr(man, "  MANIFEST\n"));
	assert_non_null(strstr(man, "  brat/"));
	assert_true(strstr(man, "  README.md\n") < strstr(man, "  brat/"));
	assert_true(strstr(man, "  dev.conll\n") < strstr(man, "  test.jsonl\n"));
	free(card);
	free(man);
}

/* Two releases of an unchanged database: the same bytes, file for file. */
static void
test_reproducible(void **state)
{
	fx *f = *state;
	desk_release_opts o = opts();
	char d1[128], d2[128], cmd[320];

	snprintf(d1, sizeof d1, "%s/one", f->root);
	snprintf(d2, sizeof d2, "%s/two", f->root);
	assert_int_equal(release_run(f->a, d1, &o, NULL, &fake), DESK_OK);
	sleep(1); /* a clock in the output would show */
	assert_int_equal(release_run(f->b, d2, &o, NULL, &fake), DESK_OK);
	snprintf(cmd, sizeof cmd, "diff -r '%s' '%s' >/dev/null", d1, d2);
	assert_int_equal(system(cmd), 0);
	/* another seed moves articles between the splits, and says so */
	o.exp.filter.seed = 4;
	snprintf(d2, sizeof d2, "%s/three", f->root);
	assert_int_equal(release_run(f->b, d2, &o, NULL, &fake), DESK_OK);
	snprintf(cmd, sizeof cmd, "diff '%s/MANIFEST' '%s/MANIFEST' >/dev/null", d1, d2);
	assert_int_not_equal(system(cmd), 0);
}

static void
test_refusals(void **state)
{
	fx *f = *state;
	desk_release_opts o = opts();
	desk_format text = DESK_FORMAT_TEXT;
	char dir[128], file[160];
	FILE *fp;

	snprintf(dir, sizeof dir, "%s/full", f->root);
	assert_int_equal(mkdir(dir, 0777), 0);
	snprintf(file, sizeof file, "%s/keep.txt", dir);
	assert_non_null(fp = fopen(file, "w"));
	fclose(fp);
	assert_int_equal(release_run(f->a, dir, &o, NULL, &fake), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(f->a), "not empty"));
	assert_int_equal(access(file, F_OK), 0);
	assert_int_equal(entries(f->root), 1);
	/* forced: replaced whole */
	o.force = 1;
	assert_int_equal(release_run(f->a, dir, &o, NULL, &fake), DESK_OK);
	assert_int_not_equal(access(file, F_OK), 0);
	assert_int_equal(entries(f->root), 1);
	o.force = 0;
	/* an empty directory is taken */
	snprintf(dir, sizeof dir, "%s/empty", f->root);
	assert_int_equal(mkdir(dir, 0777), 0);
	assert_int_equal(release_run(f->a, dir, &o, NULL, &fake), DESK_OK);
	/* a file is not a directory, even forced */
	o.force = 1;
	snprintf(dir, sizeof dir, "%s/cd.db", f->root);
	assert_int_equal(release_run(f->a, dir, &o, NULL, &fake), DESK_CONFLICT);
	o.force = 0;
	snprintf(dir, sizeof dir, "%s/new", f->root);
	o.exp.filter.split_pct[2] = 30;
	assert_int_equal(release_run(f->a, dir, &o, NULL, &fake), DESK_MISUSE);
	o = opts();
	o.formats = &text;
	o.nformats = 1;
	assert_int_equal(release_run(f->a, dir, &o, NULL, &fake), DESK_MISUSE);
	assert_int_not_equal(access(dir, F_OK), 0);
}

/* A failure half-way leaves nothing: no directory, no temporary beside it. */
static void
test_failure(void **state)
{
	fx *f = *state;
	desk_release_opts o = opts();
	char dir[128];

	snprintf(dir, sizeof dir, "%s/broken", f->root);
	fail_split = 2;
	assert_int_equal(release_run(f->a, dir, &o, NULL, &fake), DESK_IO);
	fail_split = 0;
	assert_non_null(strstr(desk_errmsg(f->a), "disk is full"));
	assert_int_not_equal(access(dir, F_OK), 0);
	assert_int_equal(entries(f->root), 0);
}

/* Two editors' spans in one article: the card names them and gives their agreement. */
static void
test_layers(void **state)
{
	fx *f = *state;
	desk_release_opts o = opts();
	char dir[128], *card;
	int64_t id;

	assert_int_equal(desk_span_add(&id, f->b, f->art[0], 4, 17, "PER", 0), DESK_DUPLICATE);
	assert_int_equal(desk_span_add(&id, f->b, f->art[0], 36, 47, "LOC", 0), DESK_OK);
	snprintf(dir, sizeof dir, "%s/layers", f->root);
	assert_int_equal(release_run(f->a, dir, &o, NULL, &fake), DESK_OK);
	card = slurp(dir, "README.md");
	assert_non_null(strstr(card, "over the 1 released article that more than one of them"));
	/* alice's PER 4-17 and bob's LOC 36-47: nothing in common */
	assert_non_null(strstr(card, "| alice | bob | 1 | 0.000 | 0.000 | 0.000 | 0.000 |"));
	assert_non_null(strstr(card, "Editors: alice, bob."));
	assert_non_null(strstr(card, "by 2 editors:"));
	free(card);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_release, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_reproducible, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_refusals, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_failure, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_layers, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
