/*
 * test_agree.c - agreement (agree.h) on projects whose every figure is
 * worked by hand: tests/fixtures/agree/project (three annotators, two
 * documents, an empty .ann, overlapping spans; the working is in
 * tests/fixtures/agree/README.md) and bratiaa's own test project agree-2
 * (its test asserts the mean F1 0.787878 and SD 0); Krippendorff's alpha_u
 * against his published examples (1995, 2004); white-space tokens as
 * Python's str.isspace() cuts them; and the multi-annotator import's
 * refusals (texts that differ, a folder name no editor can have), each of
 * which leaves nothing imported.  All on :memory: databases.
 */
#include <math.h>
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

#include "agree/agree_int.h"
#include "copydesk/copydesk.h"

#define EPS        1e-9
#define near(x, y) assert_true(fabs((x) - (y)) < EPS)

static desk *
open_project(const char *dir)
{
	desk *d = NULL;

	assert_int_equal(desk_open(&d, ":memory:", "chief"), DESK_OK);
	assert_int_equal(desk_import_path(d, dir, DESK_FORMAT_BRAT, NULL, NULL, NULL), DESK_OK);
	return d;
}

static const desk_agree_pair *
pair_of(const desk_agree_figures *f, const char *a, const char *b)
{
	for (size_t i = 0; i < f->npairs; i++)
		if (strcmp(f->pairs[i].a, a) == 0 && strcmp(f->pairs[i].b, b) == 0)
			return &f->pairs[i];
	fail_msg("no pair %s %s", a, b);
	return NULL;
}

static const desk_agree_row *
label_of(const desk_agree_figures *f, const char *name)
{
	for (size_t i = 0; i < f->nlabels; i++)
		if (strcmp(f->labels[i].name, name) == 0)
			return &f->labels[i];
	fail_msg("no label %s", name);
	return NULL;
}

/* mean and population SD of three values, as the README works them */
static void
meansd3(double *m, double *s, double a, double b, double c)
{
	*m = (a + b + c) / 3;
	*s = sqrt(((a - *m) * (a - *m) + (b - *m) * (b - *m) + (c - *m) * (c - *m)) / 3);
}

static void
check_row(double mean, double sd, double a, double b, double c)
{
	double m, s;

	meansd3(&m, &s, a, b, c);
	near(mean, m);
	near(sd, s);
}

static void
test_project(void **state)
{
	desk *d = open_project(FIXTURES "/agree/project");
	desk_agreement *a = NULL;
	const desk_agree_pair *p;

	(void)state;
	assert_int_equal(desk_agreement_get(&a, d, NULL), DESK_OK);
	assert_int_equal(a->neditors, 3);
	assert_string_equal(a->editors[0], "anna");
	assert_string_equal(a->editors[2], "chi");
	assert_int_equal(a->articles, 2);

	/* Instance-based: the pairs, over d1 and d2. */
	p = pair_of(&a->instance, "anna", "ben");
	assert_int_equal(p->tp, 2);
	assert_int_equal(p->fp, 3);
	assert_int_equal(p->fn, 4);
	near(p->precision, 2.0 / 5);
	near(p->recall, 2.0 / 6);
	near(p->f1, 4.0 / 11);
	p = pair_of(&a->instance, "anna", "chi");
	near(p->precision, 1);
	near(p->recall, 0.5);
	near(p->f1, 2.0 / 3);
	p = pair_of(&a->instance, "ben", "chi");
	near(p->f1, 2.0 / 8);
	check_row(a->instance.mean_f1, a->instance.sd_f1, 4.0 / 11, 2.0 / 3, 2.0 / 8);
	assert_int_equal(a->instance.narticles, 2);
	check_row(a->instance.articles[0].mean_f1, a->instance.articles[0].sd_f1, 1.0 / 3, 1,
	          1.0 / 3);
	check_row(a->instance.articles[1].mean_f1, a->instance.articles[1].sd_f1, 0.4, 0, 0);
	assert_int_equal(a->instance.nlabels, 4); /* LOC MISC ORG PER, by name */
	check_row(label_of(&a->instance, "LOC")->mean_f1, label_of(&a->instance, "LOC")->sd_f1, 0.8,
	          0.5, 2.0 / 3);
	check_row(label_of(&a->instance, "ORG")->mean_f1, label_of(&a->instance, "ORG")->sd_f1, 0,
	          2.0 / 3, 0);
	check_row(label_of(&a->instance, "PER")->mean_f1, label_of(&a->instance, "PER")->sd_f1, 0,
	          1, 0);
	/* MISC: anna and chi have none, 0/0 for that pair: bratiaa's NaN, JSON's null. */
	assert_true(isnan(label_of(&a->instance, "MISC")->mean_f1));

	/* Overlap. */
	near(pair_of(&a->overlap, "anna", "ben")->f1, 8.0 / 11);
	near(pair_of(&a->overlap, "anna", "chi")->f1, 2.0 / 3);
	near(pair_of(&a->overlap, "ben", "chi")->f1, 6.0 / 8);
	check_row(a->overlap.mean_f1, a->overlap.sd_f1, 8.0 / 11, 2.0 / 3, 6.0 / 8);
	check_row(a->overlap.articles[0].mean_f1, a->overlap.articles[0].sd_f1, 1, 1, 1);

	/* Token-based and kappa. */
	near(pair_of(&a->token, "anna", "ben")->f1, 10.0 / 16);
	near(pair_of(&a->token, "anna", "chi")->f1, 10.0 / 13);
	near(pair_of(&a->token, "ben", "chi")->f1, 8.0 / 13);
	check_row(a->token.mean_f1, a->token.sd_f1, 10.0 / 16, 10.0 / 13, 8.0 / 13);
	check_row(a->token.articles[0].mean_f1, a->token.articles[0].sd_f1, 0.8, 1, 0.8);
	check_row(a->token.articles[1].mean_f1, a->token.articles[1].sd_f1, 1.0 / 3, 0, 0);
	near(pair_of(&a->token, "anna", "ben")->kappa, 83.0 / 158);
	near(pair_of(&a->token, "anna", "chi")->kappa, 96.0 / 141);
	near(pair_of(&a->token, "ben", "chi")->kappa, 70.0 / 145);
	near(a->kappa, (83.0 / 158 + 96.0 / 141 + 70.0 / 145) / 3);

	/* alpha_u over d1 then d2 (72 characters), three raters. */
	assert_int_equal(a->alpha_articles, 2);
	near(a->alpha, 430136422211357.0 / 752795723683557.0);
	desk_agreement_free(a);
	desk_close(d);
}

static void
test_project_json(void **state)
{
	desk *d = open_project(FIXTURES "/agree/project");
	desk_agreement *a = NULL;
	char *json = NULL;

	(void)state;
	assert_int_equal(desk_agreement_get(&a, d, NULL), DESK_OK);
	assert_int_equal(desk_agreement_json(&json, a), DESK_OK);
	assert_non_null(strstr(json, "{\"editors\": [\"anna\", \"ben\", \"chi\"]"));
	assert_non_null(strstr(json, "\"instance\": {\"overall\": {\"mean_f1\": "));
	assert_non_null(strstr(json, "\"MISC\": {\"mean_f1\": null, \"sd_f1\": null}"));
	assert_non_null(strstr(json, "\"pairs\": [{\"a\": \"anna\", \"b\": \"ben\", \"precision\": "
	                             "0.4, \"recall\": 0.333333333333333"));
	assert_non_null(strstr(json, "\"token\": {\"overall\""));
	assert_non_null(strstr(json, "\"kappa\": 0.5"));
	assert_non_null(strstr(json, "\"alpha\": 0.57"));
	free(json);
	desk_agreement_free(a);
	desk_close(d);
}

/* Two editors of three: one pair, no alpha; a label alone; an unknown editor. */
static void
test_project_options(void **state)
{
	desk *d = open_project(FIXTURES "/agree/project");
	const char *users[] = {"ben", "anna"}, *nobody[] = {"anna", "dora"};
	desk_agree_opts o = {.users = users, .nusers = 2};
	desk_agreement *a = NULL;

	(void)state;
	assert_int_equal(desk_agreement_get(&a, d, &o), DESK_OK);
	assert_int_equal(a->neditors, 2);
	assert_int_equal(a->instance.npairs, 1);
	near(a->instance.mean_f1, 4.0 / 11);
	near(a->instance.sd_f1, 0);
	assert_true(isnan(a->alpha));
	desk_agreement_free(a);

	o = (desk_agree_opts){.label = "LOC"};
	assert_int_equal(desk_agreement_get(&a, d, &o), DESK_OK);
	assert_int_equal(a->instance.nlabels, 1);
	check_row(a->instance.mean_f1, a->instance.sd_f1, 0.8, 0.5, 2.0 / 3);
	desk_agreement_free(a);

	o = (desk_agree_opts){.users = nobody, .nusers = 2};
	assert_int_equal(desk_agreement_get(&a, d, &o), DESK_NOTFOUND);
	assert_int_equal(desk_errrule(d), DESK_RULE_UNKNOWN);
	assert_null(a);
	o = (desk_agree_opts){.users = users, .nusers = 1};
	assert_int_equal(desk_agreement_get(&a, d, &o), DESK_NOTFOUND);
	assert_int_equal(desk_errrule(d), DESK_RULE_ONE_LAYER);
	desk_close(d);
}

/* bratiaa's data/agreement/agree-2: test_agree.py's total 0.787878 (26/33), SD 0. */
static void
test_bratiaa_agree2(void **state)
{
	desk *d = open_project(FIXTURES "/agree/bratiaa-agree-2");
	desk_agreement *a = NULL;

	(void)state;
	assert_int_equal(desk_agreement_get(&a, d, NULL), DESK_OK);
	assert_int_equal(a->neditors, 2);
	assert_true(fabs(a->instance.mean_f1 - 0.787878) < 1e-4);
	near(a->instance.mean_f1, 26.0 / 33);
	near(a->instance.sd_f1, 0);
	/* by hand: doc-29 tp 8, fn 2; doc-46 tp 5, fp 4, fn 1 */
	near(a->instance.articles[0].mean_f1, 16.0 / 18);
	near(a->instance.articles[1].mean_f1, 10.0 / 15);
	near(label_of(&a->instance, "LOC")->mean_f1, 4.0 / 6);
	near(label_of(&a->instance, "PER")->mean_f1, 14.0 / 15);
	near(label_of(&a->instance, "ORG")->mean_f1, 6.0 / 10);
	near(label_of(&a->instance, "MISC")->mean_f1, 1);
	assert_true(isnan(a->alpha)); /* two editors */
	desk_agreement_free(a);
	desk_close(d);
}

/* Krippendorff (2004, p. 254), as DKPro Statistics tests it: c .0144/.0532, alpha .8591. */
static void
test_alpha_2004(void **state)
{
	agree_unit u[] = {
	    {0, 0, 75, 145}, {0, 0, 220, 250}, {0, 1, 70, 150}, {0, 1, 205, 225}, {0, 1, 250, 270},
	    {1, 0, 30, 90},  {1, 0, 150, 200}, {1, 1, 30, 90},  {1, 1, 150, 200},
	};
	double o, e, alpha;

	(void)state;
	assert_int_equal(agree_alpha_cat(&o, &e, u, 9, 0, 2, 300), DESK_OK);
	assert_true(fabs(o - 0.0144) < 0.0001);
	assert_true(fabs(e - 0.0532) < 0.0001);
	assert_true(fabs((1 - o / e) - 0.7286) < 0.0001);
	assert_int_equal(agree_alpha_cat(&o, &e, u, 9, 1, 2, 300), DESK_OK);
	assert_true(fabs(o) < 1e-12);
	assert_true(fabs(e - 0.0490) < 0.0001);
	assert_int_equal(agree_alpha_u(&alpha, NULL, NULL, u, 9, 2, 300), DESK_OK);
	assert_true(fabs(alpha - 0.8591) < 0.0005);
}

/* Krippendorff (1995, p. 57): the observed disagreements of his four pairs A to D. */
static void
test_alpha_1995(void **state)
{
	static const int v[][4] = {
	    {0, 0, 2, 8},  {0, 0, 14, 6}, {0, 1, 4, 4}, {0, 1, 15, 2}, {1, 0, 0, 18},
	    {1, 1, 0, 2},  {1, 1, 2, 1},  {1, 1, 3, 1}, {1, 1, 4, 1},  {1, 1, 5, 1},
	    {1, 1, 6, 3},  {1, 1, 9, 1},  {2, 0, 2, 6}, {2, 0, 10, 2}, {2, 0, 14, 4},
	    {2, 0, 20, 2}, {2, 1, 0, 2},  {2, 1, 4, 4}, {2, 1, 10, 4}, {2, 1, 16, 2},
	    {2, 1, 20, 2}, {3, 0, 0, 2},  {3, 0, 2, 8}, {3, 0, 10, 4}, {3, 0, 14, 6},
	    {3, 0, 20, 4}, {3, 1, 0, 4},  {3, 1, 4, 4}, {3, 1, 8, 7},  {3, 1, 15, 2},
	    {3, 1, 17, 7},
	};
	static const double want[4] = {0.03125, 2.26736, 0.02777, 0.38715};
	agree_unit u[sizeof v / sizeof *v];
	size_t n = sizeof v / sizeof *v;

	(void)state;
	for (size_t i = 0; i < n; i++)
		u[i] = (agree_unit){v[i][0], v[i][1], v[i][2], v[i][2] + v[i][3]};
	for (int c = 0; c < 4; c++) {
		double o, e;

		assert_int_equal(agree_alpha_cat(&o, &e, u, n, c, 2, 24), DESK_OK);
		assert_true(fabs(o - want[c]) < 0.00001);
	}
}

/* bratiaa's '\S+' over a Python string: str.isspace() splits, U+200B does not. */
static void
test_wstokens(void **state)
{
	const char s[] = "a\x1c"
	                 "b \xe2\x80\x8b"
	                 "c\xc2\xa0"
	                 "d\xe3\x80\x80";
	desk_range *v = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(wstokens_split(&v, &n, s, strlen(s)), DESK_OK);
	assert_int_equal(n, 4);
	assert_int_equal(v[0].start, 0);
	assert_int_equal(v[0].end, 1);
	assert_int_equal(v[1].start, 2);
	assert_int_equal(v[2].start, 4); /* U+200B c */
	assert_int_equal(v[2].end, 6);
	assert_int_equal(v[3].start, 7);
	assert_int_equal(v[3].end, 8);
	free(v);
}

/* A temporary project: dir/NAME/doc.txt and doc.ann for each folder. */
static void
put(const char *dir, const char *folder, const char *file, const char *data)
{
	char p[512];
	FILE *f;

	snprintf(p, sizeof p, "%s/%s", dir, folder);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/%s/%s", dir, folder, file);
	assert_non_null(f = fopen(p, "w"));
	fputs(data, f);
	fclose(f);
}

static int64_t
count(desk *d, const char *what)
{
	desk_stats *s = NULL;
	int64_t n;

	assert_int_equal(desk_stats_get(&s, d, NULL), DESK_OK);
	n = strcmp(what, "articles") == 0 ? s->total_articles : s->total_spans;
	desk_stats_free(s);
	return n;
}

static void
test_import_refusals(void **state)
{
	char dir[] = "/tmp/copydesk-agree-XXXXXX", cmd[600];
	desk *d = NULL;

	(void)state;
	assert_non_null(mkdtemp(dir));
	put(dir, "ann", "a.txt", "Hanoi is big");
	put(dir, "ann", "a.ann", "T1\tLOC 0 5\tHanoi\n");
	put(dir, "bo", "a.txt", "Hanoi is big");
	put(dir, "bo", "a.ann", "T1\tLOC 0 5\tHanoi\n");
	put(dir, "ann", "b.txt", "Paris too");
	put(dir, "bo", "b.txt", "Paris, too");
	put(dir, "bo", "b.ann", "");
	assert_int_equal(desk_open(&d, ":memory:", "chief"), DESK_OK);
	assert_int_equal(desk_import_path(d, dir, DESK_FORMAT_BRAT, NULL, NULL, NULL),
	                 DESK_INVALID);
	assert_int_equal(desk_errrule(d), DESK_RULE_TEXT_DIFFERS);
	assert_non_null(strstr(desk_errmsg(d), "bo/b.txt"));
	assert_int_equal(count(d, "articles"), 0); /* not even a.txt, which is the same */
	desk_close(d);

	/* The same texts, but a folder named with an escape: refused, nothing imported. */
	put(dir, "bo", "b.txt", "Paris too");
	put(dir, "x\x1b[2J", "a.txt", "Hanoi is big");
	put(dir, "x\x1b[2J", "a.ann", "");
	assert_int_equal(desk_open(&d, ":memory:", "chief"), DESK_OK);
	assert_int_equal(desk_import_path(d, dir, DESK_FORMAT_BRAT, NULL, NULL, NULL),
	                 DESK_INVALID);
	assert_int_equal(desk_errrule(d), DESK_RULE_TEXT);
	assert_int_equal(count(d, "articles"), 0);
	desk_close(d);

	/* Without it: two articles, a's spans by ann and bo, b's empty layer by bo alone. */
	snprintf(cmd, sizeof cmd, "rm -rf '%s/x'*", dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(desk_open(&d, ":memory:", "chief"), DESK_OK);
	assert_int_equal(desk_import_path(d, dir, DESK_FORMAT_BRAT, NULL, NULL, NULL), DESK_OK);
	assert_int_equal(count(d, "articles"), 2);
	assert_int_equal(count(d, "spans"), 2);
	{
		desk_agreement *a = NULL;

		assert_int_equal(desk_agreement_get(&a, d, NULL), DESK_OK);
		assert_int_equal(a->articles, 1); /* b: only bo's .ann */
		near(a->instance.mean_f1, 1);
		desk_agreement_free(a);
	}
	desk_close(d);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* The dataset card of a release carries the same figures. */
static void
test_release_card(void **state)
{
	desk *d = open_project(FIXTURES "/agree/project");
	desk_release_opts o = {0};
	char dir[] = "/tmp/copydesk-agree-rel-XXXXXX", path[300], buf[16384], cmd[300];
	size_t n;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	o.exp.filter.split_pct[0] = 50;
	o.exp.filter.split_pct[1] = 25;
	o.exp.filter.split_pct[2] = 25;
	o.force = 1;
	assert_int_equal(desk_release(d, dir, &o, NULL), DESK_OK);
	snprintf(path, sizeof path, "%s/README.md", dir);
	assert_non_null(f = fopen(path, "r"));
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_non_null(strstr(buf, "| instance (exact offsets and label) | 0.427 | 0.176 |"));
	assert_non_null(strstr(buf, "| token (white-space tokens) | 0.670 | 0.070 |"));
	assert_non_null(
	    strstr(buf, "| anna | ben | 2 | 0.400 | 0.333 | 0.364 | 0.727 | 0.625 | 0.525 |"));
	assert_non_null(strstr(buf, "alpha_u: 0.571"));
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	desk_close(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_project),         cmocka_unit_test(test_project_json),
	    cmocka_unit_test(test_project_options), cmocka_unit_test(test_bratiaa_agree2),
	    cmocka_unit_test(test_alpha_2004),      cmocka_unit_test(test_alpha_1995),
	    cmocka_unit_test(test_wstokens),        cmocka_unit_test(test_import_refusals),
	    cmocka_unit_test(test_release_card),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
