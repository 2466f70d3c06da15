/*
 * cmd_span.c - `copydesk tag`, `untag` and `spans`: entity spans from the shell.
 *
 * The checks here are for clear messages and for refusing before anything
 * is written (an --entity is made only when the span will be); span.c checks
 * everything again and widens the offsets to grapheme boundaries.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"

struct cmd_span_range {
	int64_t start, end;
};

struct cmd_span_args {
	int64_t id, start, end;
	const char *label, *text, *entity;
	int all, fold;
};

static int
cmd_span_is_number(const char *s)
{
	int64_t v;

	return desk_parse_int(&v, s) == DESK_OK;
}

/* tag ID START END LABEL | tag ID --text TEXT LABEL, with --entity, --all, --fold. */
static int
cmd_span_parse(struct cli *c, struct cmd_span_args *a, int argc, char **argv)
{
	const char *pos[4];
	int npos = 0, opts = 1;

	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];

		if (opts && strcmp(s, "--") == 0) {
			opts = 0;
		} else if (opts && strcmp(s, "--text") == 0 && i + 1 < argc) {
			a->text = argv[++i];
		} else if (opts && strncmp(s, "--text=", 7) == 0) {
			a->text = s + 7;
		} else if (opts && strcmp(s, "--entity") == 0 && i + 1 < argc) {
			a->entity = argv[++i];
		} else if (opts && strncmp(s, "--entity=", 9) == 0) {
			a->entity = s + 9;
		} else if (opts && strcmp(s, "--all") == 0) {
			a->all = 1;
		} else if (opts && strcmp(s, "--fold") == 0) {
			a->fold = 1;
		} else if (opts && s[0] == '-' && s[1] != '\0' && !cmd_span_is_number(s)) {
			return cmd_usage(c, "tag", "unknown option %s", s);
		} else if (npos < 4) {
			pos[npos++] = s;
		} else {
			return cmd_usage(c, "tag", "unexpected argument %s", s);
		}
	}
	if (npos == 0)
		return cmd_usage(c, "tag", "which article?");
	if (cmd_parse_id(c, "tag", "an article", pos[0], &a->id) != 0)
		return EXIT_USAGE;
	if (a->text != NULL) {
		if (npos != 2)
			return cmd_usage(c, "tag", "with --text, give the article id and a label");
		if (*a->text == '\0')
			return cmd_usage(c, "tag", "--text is empty");
		a->label = pos[1];
		return 0;
	}
	if (a->all || a->fold)
		return cmd_usage(c, "tag", "--all and --fold go with --text");
	if (npos != 4)
		return cmd_usage(c, "tag", "give the article id, start, end and label, or --text");
	if (desk_parse_int(&a->start, pos[1]) != DESK_OK)
		return cmd_usage(c, "tag", "not an offset: %s", pos[1]);
	if (desk_parse_int(&a->end, pos[2]) != DESK_OK)
		return cmd_usage(c, "tag", "not an offset: %s", pos[2]);
	a->label = pos[3];
	return 0;
}

/* The whole-word occurrences of needle (NFC), the first or all, into *out. */
static int
cmd_span_find(struct cmd_span_range **out, size_t *n, const desk_text *t, const char *needle,
              int fold, int all)
{
	struct cmd_span_range *r = NULL, *grown;
	size_t cap = 0;
	int64_t pos = 0, s, e;
	int rc = DESK_OK;

	*n = 0;
	while (pos < desk_text_len(t)) {
		rc = desk_text_find(t, needle, pos, DESK_FIND_WORD | (fold ? DESK_FIND_FOLD : 0),
		                    &s, &e);
		if (rc == DESK_NOTFOUND) {
			rc = DESK_OK;
			break;
		}
		if (rc != DESK_OK)
			goto done;
		if (e <= s) {
			pos = desk_text_next_grapheme(t, s);
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((grown = realloc(r, cap * sizeof *r)) == NULL) {
				rc = DESK_NOMEM;
				goto done;
			}
			r = grown;
		}
		r[(*n)++] = (struct cmd_span_range){s, e};
		if (!all)
			break;
		pos = e;
	}
done:
	if (rc != DESK_OK) {
		free(r);
		r = NULL;
		*n = 0;
	}
	*out = r;
	return rc;
}

/* The standing span of the article with this range and label, or NULL. */
static const desk_span *
cmd_span_tagged(const desk_spans *spans, int64_t start, int64_t end, const char *label)
{
	for (size_t i = 0; i < desk_spans_count(spans); i++) {
		const desk_span *s = desk_spans_at(spans, i);

		if (s->start == start && s->end == end && strcmp(s->label, label) == 0)
			return s;
	}
	return NULL;
}

/* id, start, end, label, text, and with full the entity and author; tab-separated. */
static void
cmd_span_print(FILE *f, const desk_span *s, int full)
{
	cmd_printf(f, "%lld\t%lld\t%lld\t%s\t", (long long)s->id, (long long)s->start,
	           (long long)s->end, s->label);
	cmd_write_text(f, s->text, strlen(s->text));
	if (full) {
		fputc('\t', f);
		if (*s->entity)
			cmd_write_text(f, s->entity, strlen(s->entity));
		else
			fputc('-', f);
		cmd_printf(f, "\t%s", s->author);
	}
	fputc('\n', f);
}

/* The label as the database spells it ("per" is PER) into *out, or a message listing them. */
static int
cmd_span_check_label(char **out, struct cli *c, desk *d, const char *name)
{
	const desk_label *found;
	desk_labels *l = NULL;
	int rc;

	*out = NULL;
	if ((rc = desk_labels_get(&l, d)) != DESK_OK) {
		cmd_printf(c->err, "copydesk tag: %s\n", desk_errmsg(d));
		goto done;
	}
	if ((found = desk_labels_find(l, name)) != NULL) {
		if ((*out = strdup(found->name)) == NULL)
			rc = DESK_NOMEM;
		goto done;
	}
	rc = DESK_NOTFOUND;
	cmd_printf(c->err, "copydesk tag: unknown label %s (the labels are", name);
	for (size_t i = 0; i < desk_labels_count(l); i++)
		cmd_printf(c->err, "%s %s", i ? "," : "", desk_labels_at(l, i)->name);
	cmd_printf(c->err, "; see copydesk labels)\n");
done:
	desk_labels_free(l);
	return rc;
}

/* Offsets within the article, start before end: else DESK_RANGE with the reason. */
static int
cmd_span_check_range(struct cli *c, const struct cmd_span_args *a, int64_t len)
{
	if (a->start < 0)
		cmd_printf(c->err, "copydesk tag: start %lld is negative\n", (long long)a->start);
	else if (a->start >= a->end)
		cmd_printf(c->err, "copydesk tag: start %lld is not before end %lld\n",
		           (long long)a->start, (long long)a->end);
	else if (a->end > len)
		cmd_printf(c->err,
		           "copydesk tag: end %lld is past the end of article %lld (%lld code "
		           "points)\n",
		           (long long)a->end, (long long)a->id, (long long)len);
	else
		return DESK_OK;
	return DESK_RANGE;
}

/*
 * The ranges to tag: the offsets given, or the text's occurrences (those
 * already tagged with the label left out with --all).
 */
static int
cmd_span_ranges(struct cmd_span_range **out, size_t *n, struct cli *c,
                const struct cmd_span_args *a, const desk_text *t, const desk_spans *spans)
{
	const desk_span *had;
	char *needle = NULL;
	size_t len, kept = 0, found;
	int rc;

	*out = NULL;
	*n = 0;
	if (a->text == NULL) {
		struct cmd_span_range r = {desk_text_grapheme_start(t, a->start), a->end};

		if ((rc = cmd_span_check_range(c, a, desk_text_len(t))) != DESK_OK)
			goto done;
		if (!desk_text_is_grapheme(t, r.end))
			r.end = desk_text_next_grapheme(t, r.end);
		if ((*out = malloc(sizeof **out)) == NULL) {
			rc = DESK_NOMEM;
			goto done;
		}
		**out = r;
		*n = 1;
	} else {
		/* A terminal may give NFD (macOS); the body is NFC. */
		if ((rc = desk_nfc(&needle, &len, a->text, strlen(a->text))) != DESK_OK) {
			cmd_printf(c->err, "copydesk tag: --text is not valid UTF-8\n");
			goto done;
		}
		if ((rc = cmd_span_find(out, &found, t, needle, a->fold, a->all)) != DESK_OK)
			goto done;
		if (found == 0) {
			cmd_printf(c->err, "copydesk tag: text not found in article %lld: %s%s\n",
			           (long long)a->id, needle,
			           a->fold ? "" : " (--fold ignores case and accents)");
			rc = DESK_NOTFOUND;
			goto done;
		}
		for (size_t i = 0; i < found; i++)
			if (!a->all ||
			    !cmd_span_tagged(spans, (*out)[i].start, (*out)[i].end, a->label))
				(*out)[kept++] = (*out)[i];
		*n = kept;
		if (kept == 0)
			cmd_printf(
			    c->err,
			    "copydesk tag: all %zu occurrences of %s are already tagged %s\n",
			    found, needle, a->label);
	}
	if (*n == 1 && (had = cmd_span_tagged(spans, (*out)[0].start, (*out)[0].end, a->label))) {
		cmd_printf(c->err,
		           "copydesk tag: span %lld already tags %lld-%lld of article %lld as %s\n",
		           (long long)had->id, (long long)had->start, (long long)had->end,
		           (long long)a->id, a->label);
		rc = DESK_DUPLICATE;
	}
done:
	if (rc != DESK_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	free(needle);
	return rc;
}

/*
 * Add a span for each range, as one edit (one transaction, one undo step,
 * all or none), then print them; a range tagged meanwhile is skipped with --all.
 */
static int
cmd_span_add_all(struct cli *c, desk *d, const struct cmd_span_args *a,
                 const struct cmd_span_range *r, size_t n)
{
	int64_t entity = 0, *ids = NULL;
	desk_span *s = NULL;
	size_t added = 0;
	int rc;

	if ((ids = calloc(n ? n : 1, sizeof *ids)) == NULL) {
		cmd_printf(c->err, "copydesk tag: out of memory\n");
		return DESK_NOMEM;
	}
	if ((rc = desk_edit_begin(d)) != DESK_OK)
		goto done;
	if (n > 0 && a->entity && (rc = desk_entity_ensure(&entity, d, a->entity, NULL)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		rc = desk_span_add(&ids[added], d, a->id, r[i].start, r[i].end, a->label, entity);
		if (rc == DESK_DUPLICATE && a->all) {
			rc = DESK_OK;
			continue;
		}
		if (rc != DESK_OK)
			goto done;
		added++;
	}
	if ((rc = desk_edit_commit(d)) != DESK_OK)
		goto done;
	for (size_t i = 0; i < added; i++) {
		if ((rc = desk_span_get(&s, d, ids[i])) != DESK_OK)
			goto done;
		cmd_span_print(c->out, s, 0);
		desk_span_free(s);
		s = NULL;
	}
done:
	if (rc != DESK_OK) {
		desk_edit_rollback(d);
		cmd_printf(c->err, "copydesk tag: %s\n", desk_errmsg(d));
	}
	free(ids);
	return rc;
}

int
cmd_tag(struct cli *c, int argc, char **argv)
{
	struct cmd_span_args a = {0};
	struct cmd_span_range *r = NULL;
	desk_article *art = NULL;
	desk_spans *spans = NULL;
	desk_text *t = NULL;
	desk *d = NULL;
	char *label = NULL;
	size_t n = 0;
	int rc, ret;

	if ((ret = cmd_span_parse(c, &a, argc, argv)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_article_get(&art, d, a.id)) != DESK_OK ||
	    (rc = desk_spans_get(&spans, d, a.id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk tag: %s\n", desk_errmsg(d));
		goto done;
	}
	if ((rc = cmd_span_check_label(&label, c, d, a.label)) != DESK_OK)
		goto done;
	a.label = label;
	if ((rc = desk_text_new(&t, desk_article_body(art), desk_article_body_len(art))) !=
	    DESK_OK) {
		cmd_printf(c->err, "copydesk tag: article %lld: %s\n", (long long)a.id,
		           desk_strerror(rc));
		goto done;
	}
	if ((rc = cmd_span_ranges(&r, &n, c, &a, t, spans)) != DESK_OK)
		goto done;
	rc = cmd_span_add_all(c, d, &a, r, n);
done:
	free(label);
	free(r);
	desk_text_free(t);
	desk_spans_free(spans);
	desk_article_free(art);
	desk_close(d);
	return cmd_exit_status(rc);
}

/*
 * The span sid of article id (both typed), with the database open: EXIT_OK_,
 * or the exit status with what was wrong said under name.
 */
static int
cmd_span_open(desk **d, desk_span **s, struct cli *c, const char *name, const char *art,
              const char *span)
{
	int64_t id, sid;
	int rc, ret;

	*d = NULL;
	*s = NULL;
	if ((ret = cmd_parse_id(c, name, "an article", art, &id)) != 0)
		return ret;
	if (desk_parse_id(&sid, span) != DESK_OK)
		return cmd_usage(c, name, "not a span id: %s", span);
	if ((ret = cmd_open(d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_span_get(s, *d, sid)) != DESK_OK)
		cmd_printf(c->err, "copydesk %s: %s\n", name, desk_errmsg(*d));
	else if ((*s)->article_id != id) {
		cmd_printf(c->err,
		           "copydesk %s: span %lld is in article %lld, not in article %lld\n", name,
		           (long long)sid, (long long)(*s)->article_id, (long long)id);
		rc = DESK_NOTFOUND;
	}
	if (rc == DESK_OK)
		return EXIT_OK_;
	desk_span_free(*s);
	*s = NULL;
	desk_close(*d);
	*d = NULL;
	return cmd_exit_status(rc);
}

int
cmd_untag(struct cli *c, int argc, char **argv)
{
	desk_span *s = NULL;
	desk *d = NULL;
	int rc, ret;

	if (argc != 3)
		return cmd_usage(c, "untag", "needs an article id and a span id");
	if ((ret = cmd_span_open(&d, &s, c, "untag", argv[1], argv[2])) != EXIT_OK_)
		return ret;
	if ((rc = desk_span_delete(d, s->id)) != DESK_OK)
		cmd_printf(c->err, "copydesk untag: %s\n", desk_errmsg(d));
	desk_span_free(s);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* span ID SPAN_ID --label LABEL | --entity NAME | --unlink: one change, one undo step. */
int
cmd_span(struct cli *c, int argc, char **argv)
{
	const char *label = NULL, *entity = NULL, *pos[2];
	desk_span *s = NULL;
	desk *d = NULL;
	int64_t sid, ent = 0;
	int npos = 0, unlink = 0, rc, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
			label = argv[++i];
		else if (strcmp(argv[i], "--entity") == 0 && i + 1 < argc)
			entity = argv[++i];
		else if (strcmp(argv[i], "--unlink") == 0)
			unlink = 1;
		else if (argv[i][0] != '-' && npos < 2)
			pos[npos++] = argv[i];
		else
			return cmd_usage(c, "span", "unexpected argument %s", argv[i]);
	}
	if (npos != 2)
		return cmd_usage(c, "span", "needs an article id and a span id");
	if ((label != NULL) + (entity != NULL) + unlink != 1)
		return cmd_usage(c, "span", "give one of --label, --entity and --unlink");
	if (entity != NULL && *entity == '\0')
		return cmd_usage(c, "span", "--entity is empty (--unlink takes the link away)");
	if ((ret = cmd_span_open(&d, &s, c, "span", pos[0], pos[1])) != EXIT_OK_)
		return ret;
	sid = s->id;
	/*
	 * As the interface's link: the entity of that canonical name, made if
	 * there is none, in the same transaction and undo step as the link.
	 */
	if ((rc = desk_edit_begin(d)) != DESK_OK)
		goto fail;
	if (entity != NULL && (rc = desk_entity_ensure(&ent, d, entity, NULL)) == DESK_OK)
		rc = desk_span_link(d, sid, ent);
	else if (entity == NULL)
		rc = label != NULL ? desk_span_relabel(d, sid, label) : desk_span_link(d, sid, 0);
	if (rc == DESK_OK)
		rc = desk_edit_commit(d);
	if (rc != DESK_OK) {
		desk_edit_rollback(d);
		goto fail;
	}
	desk_span_free(s);
	s = NULL;
	if ((rc = desk_span_get(&s, d, sid)) != DESK_OK)
		goto fail;
	cmd_span_print(c->out, s, 1);
	goto done;
fail:
	cmd_printf(c->err, "copydesk span: %s\n", desk_errmsg(d));
done:
	desk_span_free(s);
	desk_close(d);
	return cmd_exit_status(rc);
}

int
cmd_spans(struct cli *c, int argc, char **argv)
{
	desk_article *art = NULL;
	desk_spans *spans = NULL;
	const char *arg = NULL;
	char *json = NULL;
	desk *d = NULL;
	int64_t id;
	int json_out = 0, rc, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else if (argv[i][0] != '-' && arg == NULL)
			arg = argv[i];
		else
			return cmd_usage(c, "spans", "unexpected argument %s", argv[i]);
	}
	if (arg == NULL)
		return cmd_usage(c, "spans", "which article?");
	if ((ret = cmd_parse_id(c, "spans", "an article", arg, &id)) != 0)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_article_get(&art, d, id)) != DESK_OK)
		goto done;
	if (json_out) {
		if ((rc = desk_spans_json(&json, d, id)) == DESK_OK)
			cmd_write_json(c->out, json);
	} else if ((rc = desk_spans_get(&spans, d, id)) == DESK_OK) {
		for (size_t i = 0; i < desk_spans_count(spans); i++)
			cmd_span_print(c->out, desk_spans_at(spans, i), 1);
	}
done:
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk spans: %s\n", desk_errmsg(d));
	free(json);
	desk_spans_free(spans);
	desk_article_free(art);
	desk_close(d);
	return cmd_exit_status(rc);
}
