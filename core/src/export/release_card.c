/*
 * release_card.c - a release's README.md: a dataset card as dataset hubs
 * (Hugging Face) read it.  YAML front matter (language, license,
 * task_categories, task_ids, size_categories, pretty_name, and a configs
 * entry pointing the hub's loader at the JSON Lines splits), then the label
 * set with descriptions, per-split counts of articles, tokens and spans per
 * label, the verdict distribution, how the data was annotated, and whether
 * several editors' layers overlap.  Everything comes from the database and
 * the options, nothing from the clock: the dates are the articles'.  Text
 * from the store is escaped (controls as escapes; |, <, >, & for Markdown).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "release_int.h"

/* s as a YAML double-quoted scalar. */
static void
card_yaml(FILE *f, const char *s)
{
	char *e = NULL;
	size_t n = 0;

	fputc('"', f);
	if (desk_escape(&e, &n, s, strlen(s), DESK_ESCAPE_LINES) == DESK_OK)
		for (size_t i = 0; i < n; i++) {
			if (e[i] == '"' || e[i] == '\\')
				fputc('\\', f);
			fputc(e[i], f);
		}
	fputc('"', f);
	free(e);
}

/* s as Markdown text (in a table cell too): escaped, one line. */
static void
card_md(FILE *f, const char *s)
{
	char *e = NULL;
	size_t n = 0;

	if (desk_escape(&e, &n, s ? s : "", strlen(s ? s : ""), DESK_ESCAPE_LINES) != DESK_OK)
		return;
	for (size_t i = 0; i < n; i++)
		switch (e[i]) {
		case '|':
			fputs("\\|", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '&':
			fputs("&amp;", f);
			break;
		default:
			fputc(e[i], f);
		}
	free(e);
}

/* A description of several lines: each line escaped as Markdown, the breaks kept. */
static void
card_paragraph(FILE *f, const char *s)
{
	const char *p = s;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, len);

		if (line) {
			card_md(f, line);
			free(line);
		}
		fputc('\n', f);
		p += len + (nl != NULL);
	}
}

static int64_t
card_n(const desk_count *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return v[i].n;
	return 0;
}

/* Hugging Face's size bucket for n examples. */
static const char *
card_size(int64_t n)
{
	return n < 1000       ? "n<1K"
	       : n < 10000    ? "1K<n<10K"
	       : n < 100000   ? "10K<n<100K"
	       : n < 1000000  ? "100K<n<1M"
	       : n < 10000000 ? "1M<n<10M"
	                      : "10M<n<100M";
}

/* Hugging Face writes licence ids in lower case ("cc-by-4.0"). */
static void
card_license(FILE *f, const char *spdx)
{
	if (spdx == NULL || strchr(spdx, ' ')) {
		fputs(spdx ? "other" : "unknown", f);
		return;
	}
	for (const char *p = spdx; *p; p++)
		fputc(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p, f);
}

static void
card_front(FILE *f, const release_info *ri, int64_t articles, int64_t claims)
{
	int jsonl = 0;

	fputs("---\nlanguage:\n", f);
	/* the languages of the released articles (stats of each split), in order */
	for (const char *lang = "vi";; lang = "en") {
		int64_t n = 0;

		for (int k = 0; k < 3; k++)
			n += card_n(ri->split[k]->langs, ri->split[k]->nlangs, lang);
		if (n > 0)
			fprintf(f, "- %s\n", lang);
		if (strcmp(lang, "en") == 0)
			break;
	}
	fputs("license: ", f);
	card_license(f, ri->license);
	if (ri->license && strchr(ri->license, ' ')) {
		fputs("\nlicense_name: ", f);
		card_yaml(f, ri->license);
	}
	fputs("\ntask_categories:\n- token-classification\n", f);
	if (claims > 0)
		fputs("- text-classification\n", f);
	fputs("task_ids:\n- named-entity-recognition\n", f);
	if (claims > 0)
		fputs("- fact-checking\n", f);
	fprintf(f, "size_categories:\n- %s\npretty_name: ", card_size(articles));
	card_yaml(f, ri->name ? ri->name : "copydesk corpus");
	fputc('\n', f);
	for (size_t i = 0; i < ri->nformats; i++)
		jsonl |= ri->formats[i] == DESK_FORMAT_JSONL;
	if (jsonl)
		fputs("configs:\n- config_name: default\n  data_files:\n  - split: train\n"
		      "    path: train.jsonl\n  - split: validation\n    path: dev.jsonl\n"
		      "  - split: test\n    path: test.jsonl\n",
		      f);
	fputs("---\n\n", f);
}

static void
card_files(FILE *f, const release_info *ri)
{
	fputs("## Files\n\n| split | articles | tokens | spans | claims | files |\n"
	      "|---|---:|---:|---:|---:|---|\n",
	      f);
	for (int k = 0; k < 3; k++) {
		const desk_stats *s = ri->split[k];

		fprintf(f, "| %s | %lld | %lld | %lld | %lld |", release_split_name(k + 1),
		        (long long)s->total_articles, (long long)ri->tokens[k],
		        (long long)s->total_spans, (long long)s->total_claims);
		for (size_t i = 0; i < ri->nformats; i++) {
			char name[64];

			desk_release_file(name, sizeof name, ri->formats[i], k + 1);
			fprintf(f, "%s`%s%s`", i ? ", " : " ", name,
			        ri->formats[i] == DESK_FORMAT_BRAT ? "/" : "");
		}
		fputs(" |\n", f);
	}
	fputs("\nTokens are counted as the CoNLL export has them (Vietnamese by syllable, "
	      "English by word).  `MANIFEST` lists how the release was made and the SHA-256 of "
	      "every file; annotations/FORMATS.md in copydesk describes each format.\n\n",
	      f);
}

static void
card_labels(FILE *f, const release_info *ri)
{
	fputs("## Labels\n\nSpans per label in each split.\n\n"
	      "| label | description | train | dev | test | total |\n"
	      "|---|---|---:|---:|---:|---:|\n",
	      f);
	for (size_t i = 0; i < desk_labels_count(ri->labels); i++) {
		const desk_label *l = desk_labels_at(ri->labels, i);
		int64_t n[3], total = 0;

		for (int k = 0; k < 3; k++)
			total += n[k] =
			    card_n(ri->split[k]->labels, ri->split[k]->nlabels, l->name);
		fputs("| ", f);
		card_md(f, l->name);
		fputs(" | ", f);
		card_md(f, l->description);
		fprintf(f, " | %lld | %lld | %lld | %lld |\n", (long long)n[0], (long long)n[1],
		        (long long)n[2], (long long)total);
	}
	fputc('\n', f);
}

static void
card_verdicts(FILE *f, const release_info *ri)
{
	fputs("## Claims and verdicts\n\nClaims with each verdict in each split (FEVER's label "
	      "and ClaimReview's rating as the scale maps them).  A claim without a verdict is "
	      "still to check.\n\n| verdict | label | FEVER | rating | train | dev | test |\n"
	      "|---|---|---|---:|---:|---:|---:|\n",
	      f);
	for (size_t i = 0; i < desk_verdicts_count(ri->verdicts); i++) {
		const desk_verdict *v = desk_verdicts_at(ri->verdicts, i);

		fputs("| ", f);
		card_md(f, v->name);
		fputs(" | ", f);
		card_md(f, v->label);
		fputs(" | ", f);
		card_md(f, v->fever);
		fprintf(f, " | %d |", v->rating);
		for (int k = 0; k < 3; k++)
			fprintf(f, " %lld |",
			        (long long)card_n(ri->split[k]->verdicts, ri->split[k]->nverdicts,
			                          v->name));
		fputc('\n', f);
	}
	fputs("\nBy status: ", f);
	for (size_t i = 0; i < ri->split[0]->nclaim_status; i++) {
		const char *st = ri->split[0]->claim_status[i].name;
		int64_t n = 0;

		for (int k = 0; k < 3; k++)
			n += card_n(ri->split[k]->claim_status, ri->split[k]->nclaim_status, st);
		fprintf(f, "%s%s %lld", i ? ", " : "", st, (long long)n);
	}
	fputs(" (verified: approved by an editor other than the one who proposed the "
	      "verdict).\n\n",
	      f);
}

/* The editors who made the released spans and claims, by name, each once. */
static size_t
card_editors(const release_info *ri, const char **names, size_t max)
{
	size_t n = 0;

	for (int k = 0; k < 3; k++)
		for (size_t i = 0; i < ri->split[k]->neditors; i++) {
			const char *e = ri->split[k]->editors[i].name;
			size_t j = 0;

			while (j < n && strcmp(names[j], e) != 0)
				j++;
			if (j == n && n < max)
				names[n++] = e;
		}
	return n;
}

static int
card_name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
card_agree_num(FILE *f, double v)
{
	if (isnan(v))
		fputs("–", f);
	else
		fprintf(f, "%.3f", v);
}

static void
card_agree_meansd(FILE *f, double mean, double sd)
{
	card_agree_num(f, mean);
	fputs(" | ", f);
	card_agree_num(f, sd);
}

/* The agreement section: each way's overall mean and SD, the labels' and the pairs'. */
static void
card_agree(FILE *f, const desk_agreement *a)
{
	const desk_agree_figures *g[3] = {&a->instance, &a->overlap, &a->token};
	static const char *const what[3] = {"instance (exact offsets and label)",
	                                    "overlap (same label, sharing a character)",
	                                    "token (white-space tokens)"};

	fprintf(f,
	        "The editors' layers (each editor's spans) compared over the %lld released "
	        "article%s that more than one of them annotated, as bratiaa reports agreement "
	        "(copydesk's `agreement` command gives the same figures; its man page and "
	        "core/src/agree/README.md define them).  Editors: ",
	        (long long)a->articles, a->articles == 1 ? "" : "s");
	for (size_t i = 0; i < a->neditors; i++) {
		fputs(i ? ", " : "", f);
		card_md(f, a->editors[i]);
	}
	fputs(".\n\n| F1 | mean | SD |\n|---|---:|---:|\n", f);
	for (int k = 0; k < 3; k++) {
		fprintf(f, "| %s | ", what[k]);
		card_agree_meansd(f, g[k]->mean_f1, g[k]->sd_f1);
		fputs(" |\n", f);
	}
	fputs("\nPer label (instance-based F1 over the pairs):\n\n| label | mean | SD |\n"
	      "|---|---:|---:|\n",
	      f);
	for (size_t i = 0; i < a->instance.nlabels; i++) {
		fputs("| ", f);
		card_md(f, a->instance.labels[i].name);
		fputs(" | ", f);
		card_agree_meansd(f, a->instance.labels[i].mean_f1, a->instance.labels[i].sd_f1);
		fputs(" |\n", f);
	}
	fputs("\nPairs (b measured against a):\n\n| a | b | articles | P | R | F1 | overlap F1 "
	      "| token F1 | token kappa |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
	      f);
	for (size_t i = 0; i < a->instance.npairs; i++) {
		const desk_agree_pair *p = &a->instance.pairs[i];

		fputs("| ", f);
		card_md(f, p->a);
		fputs(" | ", f);
		card_md(f, p->b);
		fprintf(f, " | %lld | ", (long long)p->articles);
		card_agree_num(f, p->precision);
		fputs(" | ", f);
		card_agree_num(f, p->recall);
		fputs(" | ", f);
		card_agree_num(f, p->f1);
		fputs(" | ", f);
		card_agree_num(f, a->overlap.pairs[i].f1);
		fputs(" | ", f);
		card_agree_num(f, a->token.pairs[i].f1);
		fputs(" | ", f);
		card_agree_num(f, a->token.pairs[i].kappa);
		fputs(" |\n", f);
	}
	fputs("\nToken kappa (mean of the pairs'): ", f);
	card_agree_num(f, a->kappa);
	fputs("; Krippendorff's alpha_u: ", f);
	card_agree_num(f, a->alpha);
	if (isnan(a->alpha))
		fputs(a->neditors < 3 ? " (it needs three editors or more)"
		                      : " (no article every editor annotated)",
		      f);
	else
		fprintf(f, " (over the %lld articles every editor annotated)",
		        (long long)a->alpha_articles);
	fputs(".  – : not defined (no span on either side of a pair).\n\n", f);
}

static void
card_annotation(FILE *f, const release_info *ri)
{
	const char *names[256];
	size_t n = card_editors(ri, names, 256);
	int64_t shared = 0;
	const char *first = "", *last = "";

	if (n > 1)
		qsort(names, n, sizeof *names, card_name_cmp);
	for (int k = 0; k < 3; k++) {
		const desk_stats *s = ri->split[k];

		shared += s->shared_articles > 0 ? s->shared_articles : 0;
		if (s->first_date[0] && (!first[0] || strcmp(s->first_date, first) < 0))
			first = s->first_date;
		if (s->last_date[0] && strcmp(s->last_date, last) > 0)
			last = s->last_date;
	}
	fprintf(f,
	        "## Annotation\n\nAnnotated in copydesk %s (database schema %d) by %zu "
	        "editor%s: names tagged with the label set above, claims marked to check, "
	        "and a claim's verdict, with its evidence, proposed by one editor and verified "
	        "by another.  Offsets are Unicode code points of the NFC text, end "
	        "exclusive.",
	        desk_version(), ri->schema, n, n == 1 ? "" : "s");
	if (first[0])
		fprintf(f, "  The articles are dated %s to %s.", first, last);
	fputs("\n\n## Agreement\n\n", f);
	if (shared == 0) {
		fputs("One layer per article: no article has spans by more than one editor, so "
		      "there is nothing to measure agreement on.\n\n",
		      f);
	} else if (ri->agree != NULL) {
		card_agree(f, ri->agree);
	} else {
		fprintf(
		    f,
		    "%lld article%s ha%s spans by more than one editor (each span's author is in "
		    "copydesk's JSON Lines); this release computes no agreement figures.  The "
		    "editors: ",
		    (long long)shared, shared == 1 ? "" : "s", shared == 1 ? "s" : "ve");
		for (size_t i = 0; i < n; i++) {
			fputs(i ? ", " : "", f);
			card_md(f, names[i]);
		}
		fputs(".\n\n", f);
	}
}

int
release_card(FILE *f, const release_info *ri)
{
	const desk_filter *flt = &ri->o->exp.filter;
	int64_t articles = 0, claims = 0;

	for (int k = 0; k < 3; k++) {
		articles += ri->split[k]->total_articles;
		claims += ri->split[k]->total_claims;
	}
	card_front(f, ri, articles, claims);
	fputs("# ", f);
	card_md(f, ri->name ? ri->name : "copydesk corpus");
	fputs("\n\n", f);
	if (ri->description) {
		card_paragraph(f, ri->description);
		fputc('\n', f);
	}
	if (ri->org_name || ri->org_url) {
		fputs("Published by ", f);
		card_md(f, ri->org_name ? ri->org_name : ri->org_url);
		if (ri->org_name && ri->org_url) {
			fputs(" (", f);
			card_md(f, ri->org_url);
			fputc(')', f);
		}
		fputs(".  ", f);
	}
	fputs("Licence: ", f);
	card_md(f, ri->license ? ri->license : "not set (copydesk config license SPDX-ID)");
	fputs(".\n\n", f);
	card_files(f, ri);
	fprintf(f,
	        "The splits are %u/%u/%u (train/dev/test) by a hash of each article's text "
	        "and the seed %llu: an article keeps its split when the corpus grows.\n\n",
	        flt->split_pct[0], flt->split_pct[1], flt->split_pct[2],
	        (unsigned long long)flt->seed);
	card_labels(f, ri);
	if (claims > 0)
		card_verdicts(f, ri);
	card_annotation(f, ri);
	return ferror(f) ? DESK_IO : DESK_OK;
}
