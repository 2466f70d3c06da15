/*
 * cmd_claim.c - `copydesk claim`, `claims` and `claim-show`: claims to check
 * from the shell.
 *
 * `claim` checks everything it is given (the range, the verdict, the
 * evidence) before it writes anything; the claim and then each of its
 * research fields are separate transactions of the core, so should one of
 * the later ones still be refused, the new claim is deleted again (an
 * undoable edit in the log) and the command fails.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "claimview.h"
#include "cmd_cli.h"

/* How many code points `claims` shows of a claim's text. */
#define CMD_CLAIM_SHORT 60

struct cmd_claim_args {
	int64_t id, start, end, sentence;
	int have_offsets, have_sentence;
	const char *text, *verdict, *source, *quote, *consulted, *note;
};

/* s[0:len) on one line: line breaks and tabs as spaces. */
static void
cmd_claim_write_line(FILE *f, const char *s, size_t len)
{
	char *copy = malloc(len + 1);

	if (copy == NULL)
		return;
	for (size_t i = 0; i < len; i++)
		copy[i] = s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i];
	cmd_write_text(f, copy, len);
	free(copy);
}

/* At most max code points of s, cut at a grapheme boundary, with … when cut. */
static void
cmd_claim_write_short(FILE *f, const char *s, int64_t max)
{
	desk_text *t = NULL;
	int64_t cut;

	if (desk_text_new(&t, s, strlen(s)) != DESK_OK || desk_text_len(t) <= max) {
		cmd_claim_write_line(f, s, strlen(s));
		desk_text_free(t);
		return;
	}
	cut = desk_text_grapheme_start(t, max - 1);
	cmd_claim_write_line(f, s, desk_text_byte(t, cut));
	fputs("…", f);
	desk_text_free(t);
}

void
cmd_claim_print(FILE *f, const desk_claim *cl)
{
	cmd_printf(f, "%lld\t%lld\t%lld\t%lld\t%s\t%s\t", (long long)cl->id,
	           (long long)cl->article_id, (long long)cl->start, (long long)cl->end,
	           desk_claim_status_name(cl->status), *cl->verdict ? cl->verdict : "-");
	cmd_claim_write_line(f, cl->text, strlen(cl->text));
	fputc('\n', f);
}

/*
 * claim ID START END | ID --sentence CP | ID --text TEXT, with --verdict,
 * --source and --quote, --consulted and --note.
 */
static int
cmd_claim_parse(struct cli *c, struct cmd_claim_args *a, int argc, char **argv)
{
	static const char *const opts[] = {"--text",  "--sentence",  "--verdict", "--source",
	                                   "--quote", "--consulted", "--note"};
	const char **vals[] = {&a->text,  NULL,          &a->verdict, &a->source,
	                       &a->quote, &a->consulted, &a->note};
	const char *pos[3], *sentence = NULL;
	int npos = 0, i, k;

	for (i = 1; i < argc; i++) {
		const char *s = argv[i];
		int64_t num;

		for (k = 0; k < 7; k++)
			if (strcmp(s, opts[k]) == 0)
				break;
		if (k < 7) {
			if (i + 1 >= argc)
				return cmd_usage(c, "claim", "%s needs a value", s);
			if (k == 1)
				sentence = argv[++i];
			else
				*vals[k] = argv[++i];
		} else if (s[0] == '-' && s[1] != '\0' && desk_parse_int(&num, s) != DESK_OK) {
			return cmd_usage(c, "claim", "unknown option %s", s);
		} else if (npos < 3) {
			pos[npos++] = s;
		} else {
			return cmd_usage(c, "claim", "unexpected argument %s", s);
		}
	}
	if (npos == 0)
		return cmd_usage(c, "claim", "which article?");
	if (cmd_parse_id(c, "claim", "an article", pos[0], &a->id) != 0)
		return EXIT_USAGE;
	if ((npos == 3) + (sentence != NULL) + (a->text != NULL) != 1 || npos == 2)
		return cmd_usage(c, "claim",
		                 "give START END, --sentence CP or --text TEXT (one of them)");
	if (npos == 3) {
		a->have_offsets = 1;
		if (desk_parse_int(&a->start, pos[1]) != DESK_OK)
			return cmd_usage(c, "claim", "not an offset: %s", pos[1]);
		if (desk_parse_int(&a->end, pos[2]) != DESK_OK)
			return cmd_usage(c, "claim", "not an offset: %s", pos[2]);
	}
	if (sentence != NULL) {
		a->have_sentence = 1;
		if (desk_parse_int(&a->sentence, sentence) != DESK_OK)
			return cmd_usage(c, "claim", "not a code point: %s", sentence);
	}
	if (a->text != NULL && *a->text == '\0')
		return cmd_usage(c, "claim", "--text is empty");
	if ((a->source == NULL) != (a->quote == NULL))
		return cmd_usage(c, "claim",
		                 "--source and --quote go together (one piece of evidence)");
	if (a->note != NULL && desk_utf8_check(a->note, strlen(a->note), NULL) != DESK_OK) {
		cmd_printf(c->err, "copydesk claim: --note is not valid UTF-8\n");
		return EXIT_DATAERR;
	}
	if (a->consulted != NULL && a->source == NULL)
		return cmd_usage(c, "claim", "--consulted goes with --source and --quote");
	return 0;
}

/* The range to claim: the offsets, the sentence holding a code point, or the text's first. */
static int
cmd_claim_range(desk_range *r, struct cli *c, const struct cmd_claim_args *a, const desk_text *t)
{
	int64_t len = desk_text_len(t);
	char *needle = NULL;
	size_t nlen;
	int rc = DESK_RANGE;

	if (a->have_offsets) {
		if (a->start < 0)
			cmd_printf(c->err, "copydesk claim: start %lld is negative\n",
			           (long long)a->start);
		else if (a->start >= a->end)
			cmd_printf(c->err, "copydesk claim: start %lld is not before end %lld\n",
			           (long long)a->start, (long long)a->end);
		else if (a->end > len)
			cmd_printf(c->err,
			           "copydesk claim: end %lld is past the end of article %lld (%lld "
			           "code points)\n",
			           (long long)a->end, (long long)a->id, (long long)len);
		else
			rc = DESK_OK;
		*r = (desk_range){a->start, a->end};
	} else if (a->have_sentence) {
		if (a->sentence < 0 || a->sentence >= len) {
			cmd_printf(
			    c->err,
			    "copydesk claim: code point %lld is outside article %lld (%lld code "
			    "points)\n",
			    (long long)a->sentence, (long long)a->id, (long long)len);
		} else if ((rc = desk_sentence_at(r, t, a->sentence)) != DESK_OK ||
		           r->start >= r->end) {
			cmd_printf(
			    c->err,
			    "copydesk claim: no sentence at code point %lld of article %lld\n",
			    (long long)a->sentence, (long long)a->id);
			rc = DESK_NOTFOUND;
		}
	} else {
		/* A terminal may give NFD (macOS); the body is NFC. */
		if ((rc = desk_nfc(&needle, &nlen, a->text, strlen(a->text))) != DESK_OK) {
			cmd_printf(c->err, "copydesk claim: --text is not valid UTF-8\n");
			goto done;
		}
		rc = desk_text_find(t, needle, 0, DESK_FIND_WORD, &r->start, &r->end);
		if (rc == DESK_NOTFOUND)
			cmd_printf(c->err, "copydesk claim: text not found in article %lld: %s\n",
			           (long long)a->id, needle);
	}
done:
	free(needle);
	return rc;
}

/* Set what was given besides the range, in the claim's transaction; the first refusal. */
static int
cmd_claim_research(struct cli *c, desk *d, int64_t id, const char *verdict,
                   const struct cmd_claim_args *a)
{
	int64_t eid;
	int rc = DESK_OK;

	if (verdict != NULL && (rc = desk_claim_set_verdict(d, id, verdict)) != DESK_OK)
		goto done;
	if (a->source != NULL && (rc = desk_claim_add_evidence(&eid, d, id, a->source, a->quote,
	                                                       a->consulted)) != DESK_OK)
		goto done;
	if (a->note != NULL)
		rc = desk_claim_set_note(d, id, a->note);
done:
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk claim: %s\n", desk_errmsg(d));
	return rc;
}

int
cmd_claim(struct cli *c, int argc, char **argv)
{
	struct cmd_claim_args a = {0};
	desk_article *art = NULL;
	desk_claim *cl = NULL;
	desk_text *t = NULL;
	char *verdict = NULL;
	desk_range r = {0, 0};
	desk *d = NULL;
	int64_t id = 0;
	int rc, ret;

	if ((ret = cmd_claim_parse(c, &a, argc, argv)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_article_get(&art, d, a.id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk claim: %s\n", desk_errmsg(d));
		goto done;
	}
	if ((rc = desk_text_new(&t, desk_article_body(art), desk_article_body_len(art))) !=
	    DESK_OK) {
		cmd_printf(c->err, "copydesk claim: article %lld: %s\n", (long long)a.id,
		           desk_strerror(rc));
		goto done;
	}
	if ((rc = cmd_claim_range(&r, c, &a, t)) != DESK_OK)
		goto done;
	if (a.verdict != NULL &&
	    (rc = cmd_check_verdict(&verdict, c, "claim", d, a.verdict)) != DESK_OK)
		goto done;
	if (a.source != NULL &&
	    (rc = cmd_check_evidence(c, "claim", d, a.source, a.quote, a.consulted)) != DESK_OK)
		goto done;
	/* The claim and its research: one transaction, one undo step, whole or nothing. */
	if ((rc = desk_edit_begin(d)) != DESK_OK) {
		cmd_printf(c->err, "copydesk claim: %s\n", desk_errmsg(d));
		goto done;
	}
	if ((rc = desk_claim_add(&id, d, a.id, r.start, r.end)) != DESK_OK)
		cmd_printf(c->err, "copydesk claim: %s\n", desk_errmsg(d));
	else if ((rc = cmd_claim_research(c, d, id, verdict, &a)) == DESK_OK &&
	         (rc = desk_edit_commit(d)) != DESK_OK)
		cmd_printf(c->err, "copydesk claim: %s\n", desk_errmsg(d));
	if (rc != DESK_OK) {
		desk_edit_rollback(d);
		goto done;
	}
	if ((rc = desk_claim_get(&cl, d, id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk claim: %s\n", desk_errmsg(d));
		goto done;
	}
	cmd_claim_print(c->out, cl);
done:
	desk_claim_free(cl);
	free(verdict);
	desk_text_free(t);
	desk_article_free(art);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* claim-show: one claim's object out of its article's desk_claims_json. */
static int
cmd_claim_show_json(struct cli *c, desk *d, const desk_claim *cl)
{
	desk_claim_filter f = {cl->article_id, DESK_CLAIM_ANY, NULL};
	json_t *all = NULL, *v;
	char *json = NULL, *one = NULL;
	size_t i;
	int rc;

	if ((rc = desk_claims_json(&json, d, &f)) != DESK_OK) {
		cmd_printf(c->err, "copydesk claim-show: %s\n", desk_errmsg(d));
		goto done;
	}
	rc = DESK_ERROR;
	if ((all = json_loads(json, 0, NULL)) == NULL)
		goto done;
	json_array_foreach(all, i, v)
	{
		if (json_integer_value(json_object_get(v, "id")) != cl->id)
			continue;
		if ((one = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) != NULL) {
			cmd_write_json(c->out, one);
			rc = DESK_OK;
		}
		break;
	}
done:
	if (rc == DESK_ERROR)
		cmd_printf(c->err,
		           "copydesk claim-show: claim %lld missing from its article's JSON\n",
		           (long long)cl->id);
	free(one);
	free(json);
	json_decref(all);
	return rc;
}

static void
cmd_claim_field(FILE *f, const char *name, const char *value)
{
	cmd_printf(f, "%-10s", name);
	cmd_claim_write_line(f, value, strlen(value));
	fputc('\n', f);
}

static void
cmd_claim_show_text(FILE *f, const desk_claim *cl)
{
	cmd_printf(f, "claim %lld, article %lld, code points %lld to %lld\n", (long long)cl->id,
	           (long long)cl->article_id, (long long)cl->start, (long long)cl->end);
	cmd_claim_field(f, "text", cl->text);
	cmd_printf(f, "%-10s%s\n", "status", desk_claim_status_name(cl->status));
	cmd_printf(f, "%-10s%s\n", "verdict", *cl->verdict ? cl->verdict : "-");
	if (*cl->note)
		cmd_claim_field(f, "note", cl->note);
	cmd_printf(f, "%-10s%s %s\n", "made", cl->author, cl->created_at);
	if (*cl->proposed_by)
		cmd_printf(f, "%-10s%s %s\n", "proposed", cl->proposed_by, cl->proposed_at);
	if (cl->reviewed_by && *cl->reviewed_by) {
		cmd_printf(f, "%-10s%s %s", "reviewed", cl->reviewed_by, cl->reviewed_at);
		if (cl->review_reason && *cl->review_reason) {
			fputs(": ", f);
			cmd_claim_write_line(f, cl->review_reason, strlen(cl->review_reason));
		}
		fputc('\n', f);
	}
	for (size_t i = 0; i < cl->nevidence; i++) {
		const desk_evidence *e = &cl->evidence[i];

		cmd_printf(f, "%-10s%lld\t", "evidence", (long long)e->id);
		cmd_claim_write_line(f, e->source, strlen(e->source));
		cmd_printf(f, "\t%s\t%s\n%-10s", e->consulted, e->added_by, "");
		cmd_claim_write_line(f, e->quote, strlen(e->quote));
		fputc('\n', f);
	}
	for (size_t i = 0; i < cl->nentities; i++) {
		const desk_span *s = cl->entities[i];

		cmd_printf(f, "%-10s%lld\t%s\t", "entity", (long long)s->id, s->label);
		cmd_claim_write_line(f, s->text, strlen(s->text));
		fputc('\t', f);
		if (*s->entity)
			cmd_claim_write_line(f, s->entity, strlen(s->entity));
		else
			fputc('-', f);
		fputc('\n', f);
	}
	cmd_printf(f, "%-10salso in %lld other article%s\n", "repeats", (long long)cl->repeats,
	           cl->repeats == 1 ? "" : "s");
}

/*
 * The claim's history, oldest first, with the real uid that made each event:
 * "history   2026-12-05 08:17  anna (uid 1001) disputed ...".
 */
static int
cmd_claim_show_history(struct cli *c, desk *d, const desk_claim *cl)
{
	desk_claim_event *ev = NULL;
	const char *prev = "";
	char what[1024], when[20];
	size_t n = 0;
	int rc;

	if ((rc = desk_claim_history(&ev, &n, d, cl->id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk claim-show: %s\n", desk_errmsg(d));
		return rc;
	}
	for (size_t i = 0; i < n; i++) {
		claimview_event(what, sizeof what, &ev[i], cl->id, NULL, prev);
		claimview_event_time(when, ev[i].at);
		cmd_printf(c->out, "%-10s%s  ", "history", when);
		cmd_claim_write_line(c->out, ev[i].editor, strlen(ev[i].editor));
		if (ev[i].uid >= 0)
			fprintf(c->out, " (uid %lld)", (long long)ev[i].uid);
		fputc(' ', c->out);
		cmd_claim_write_line(c->out, what, strlen(what));
		fputc('\n', c->out);
		if (*ev[i].status)
			prev = ev[i].status;
	}
	desk_claim_history_free(ev, n);
	return DESK_OK;
}

static int
cmd_claim_show_run(struct cli *c, const char *arg, int json_out)
{
	desk_claim *cl = NULL;
	desk *d = NULL;
	int64_t id = 0;
	int rc, ret;

	if ((ret = cmd_parse_id(c, "claim-show", "a claim", arg, &id)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_claim_get(&cl, d, id)) != DESK_OK)
		cmd_printf(c->err, "copydesk claim-show: %s\n", desk_errmsg(d));
	else if (json_out)
		rc = cmd_claim_show_json(c, d, cl);
	else {
		cmd_claim_show_text(c->out, cl);
		rc = cmd_claim_show_history(c, d, cl);
	}
	desk_claim_free(cl);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* claim-show CLAIM_ID [--json] */
int
cmd_claim_show(struct cli *c, int argc, char **argv)
{
	const char *arg = NULL;
	int json_out = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else if (arg == NULL && argv[i][0] != '-')
			arg = argv[i];
		else
			return cmd_usage(c, "claim-show", "unexpected argument %s", argv[i]);
	}
	if (arg == NULL)
		return cmd_usage(c, "claim-show", "which claim?");
	return cmd_claim_show_run(c, arg, json_out);
}

/* How many claims `claims` reads at a time: it never holds more. */
#define CMD_CLAIMS_PAGE 256

/* One line of `claims`: id, article, status, verdict, repeats, the text cut short. */
static void
cmd_claims_line(FILE *f, const desk_claim *cl)
{
	cmd_printf(f, "%lld\t%lld\t%s\t%s\t", (long long)cl->id, (long long)cl->article_id,
	           desk_claim_status_name(cl->status), *cl->verdict ? cl->verdict : "-");
	if (cl->repeats > 0)
		cmd_printf(f, "also in %lld\t", (long long)cl->repeats);
	else
		fputs("-\t", f);
	cmd_claim_write_short(f, cl->text, CMD_CLAIM_SHORT);
	fputc('\n', f);
}

/*
 * The claims of f after place `after` (NULL: from the first), at most limit
 * (0: all), a page at a time: a line each, or with json one array whose
 * objects come a line each.
 */
static int
cmd_claims_stream(struct cli *c, desk *d, const desk_claim_filter *f, const desk_claim_place *after,
                  int64_t limit, int json_out)
{
	desk_claim_place key = after ? *after : (desk_claim_place){INT64_MIN, 0, 0};
	int64_t done = 0;
	int rc = DESK_OK;

	if (json_out)
		fputc('[', c->out);
	for (;;) {
		size_t want = CMD_CLAIMS_PAGE, n;
		desk_claims *cs = NULL;

		if (limit > 0 && limit - done < (int64_t)want)
			want = (size_t)(limit - done);
		if (want == 0 || (rc = desk_claims_page(&cs, d, f, &key, 0, want)) != DESK_OK)
			break;
		n = desk_claims_count(cs);
		for (size_t i = 0; i < n && rc == DESK_OK; i++) {
			const desk_claim *cl = desk_claims_at(cs, i);
			char *json = NULL;

			if (!json_out) {
				cmd_claims_line(c->out, cl);
			} else if ((rc = desk_claim_json(&json, d, cl)) == DESK_OK) {
				if (done + (int64_t)i > 0)
					fputc(',', c->out);
				cmd_write_json(c->out, json);
			}
			free(json);
			key = (desk_claim_place){cl->article_id, cl->start, cl->id};
		}
		desk_claims_free(cs);
		done += (int64_t)n;
		if (rc != DESK_OK || n < want)
			break;
	}
	if (json_out)
		fputs("]\n", c->out);
	return rc;
}

/* claims [ID] [--status S] [--verdict V] [--limit N] [--after CLAIM_ID] [--json] | --id CLAIM_ID */
int
cmd_claims(struct cli *c, int argc, char **argv)
{
	desk_claim_filter f = {0, DESK_CLAIM_ANY, NULL};
	const char *arg = NULL, *status = NULL, *verdict = NULL, *one = NULL, *after = NULL;
	desk_claim_place place;
	desk_claim *from = NULL;
	char *vname = NULL;
	int64_t limit = 0, after_id = 0;
	desk *d = NULL;
	int json_out = 0, said = 0, rc, ret;

	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];

		if (strcmp(s, "--json") == 0)
			json_out = 1;
		else if (strcmp(s, "--status") == 0 && i + 1 < argc)
			status = argv[++i];
		else if (strcmp(s, "--verdict") == 0 && i + 1 < argc)
			verdict = argv[++i];
		else if (strcmp(s, "--id") == 0 && i + 1 < argc)
			one = argv[++i];
		else if (strcmp(s, "--after") == 0 && i + 1 < argc)
			after = argv[++i];
		else if (strcmp(s, "--limit") == 0 && i + 1 < argc) {
			if (desk_parse_int(&limit, argv[++i]) != DESK_OK || limit < 1)
				return cmd_usage(c, "claims",
				                 "--limit takes a number from 1, not %s", argv[i]);
		} else if (arg == NULL && s[0] != '-')
			arg = s;
		else
			return cmd_usage(c, "claims", "unexpected argument %s", s);
	}
	if (one != NULL) {
		if (arg || status || verdict || after || limit)
			return cmd_usage(c, "claims", "--id goes alone (with --json)");
		return cmd_claim_show_run(c, one, json_out);
	}
	if (arg != NULL && cmd_parse_id(c, "claims", "an article", arg, &f.article_id) != 0)
		return EXIT_USAGE;
	if (after != NULL && cmd_parse_id(c, "claims", "a claim", after, &after_id) != 0)
		return EXIT_USAGE;
	if (status != NULL && desk_claim_status_parse(&f.status, status) != DESK_OK)
		return cmd_usage(c, "claims",
		                 "not a status: %s (check, proposed, verified, disputed)", status);
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (verdict != NULL &&
	    (rc = cmd_check_verdict(&vname, c, "claims", d, verdict)) != DESK_OK) {
		said = 1;
		goto done;
	}
	f.verdict = vname;
	if (f.article_id > 0) {
		desk_article *art = NULL;

		if ((rc = desk_article_get(&art, d, f.article_id)) != DESK_OK)
			goto done;
		desk_article_free(art);
	}
	/* --after: the list goes on from that claim's place. */
	if (after_id > 0) {
		if ((rc = desk_claim_get(&from, d, after_id)) != DESK_OK)
			goto done;
		place = (desk_claim_place){from->article_id, from->start, from->id};
	}
	rc = cmd_claims_stream(c, d, &f, after_id > 0 ? &place : NULL, limit, json_out);
done:
	if (rc != DESK_OK && !said)
		cmd_printf(c->err, "copydesk claims: %s\n", desk_errmsg(d));
	free(vname);
	desk_claim_free(from);
	desk_close(d);
	return cmd_exit_status(rc);
}
