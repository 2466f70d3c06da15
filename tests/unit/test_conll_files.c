/*
 * test_conll_files.c - CoNLL files from other tools (../shared/datasets:
 * allennlp, spaCy, PhoNLP, NCRF++, doccano; skipped when it is absent):
 * read then written back, the same tokens and tags; files that are not
 * CoNLL NER refused at their line; and the CoNLL shared tasks' conlleval
 * script (tests/tools/conlleval/README.md) on the writer's output, which it
 * must read whole and score 100% against itself.
 */
#include "conll_test.h"

/* IOB1 tags to IOB2 (an I- starting a chunk becomes B-), independently of the reader. */
static void
iob1_to_iob2(parsed *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const char *prev = i > 0 && !p->send[i - 1] ? p->tag[i - 1] : "O";

		if (p->tag[i][0] == 'I' && (prev[0] == 'O' || strcmp(prev + 1, p->tag[i] + 1) != 0))
			p->tag[i][0] = 'B';
	}
}

/* Both files have the same tokens, tags and sentence ends. */
static void
same_tokens_tags(const parsed *a, const parsed *b, const char *name)
{
	if (a->n != b->n)
		fail_msg("%s: %zu tokens, then %zu", name, a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->tok[i], b->tok[i]) != 0 || strcmp(a->tag[i], b->tag[i]) != 0 ||
		    a->send[i] != b->send[i])
			fail_msg("%s: token %zu: %s %s%s, then %s %s%s", name, i + 1, a->tok[i],
			         a->tag[i], a->send[i] ? " (end)" : "", b->tok[i], b->tag[i],
			         b->send[i] ? " (end)" : "");
}

/* The shared CoNLL files, the scheme to write them back in, and whether they are IOB1. */
static const struct {
	const char *path;
	desk_scheme scheme;
	int iob1, articles;
} shared_files[] = {
    {"conll2003-like/allennlp_conll2003.txt", DESK_SCHEME_IOB1, 1, 2},
    {"conll2003-like/spacy_ner-token-per-line-conll2003.iob", DESK_SCHEME_IOB2, 0, 1},
    {"conll2003-like/ncrfpp_iobes/dev.bmes", DESK_SCHEME_BIOES, 0, 7},
    {"conll2003-like/ncrfpp_iobes/dev.cappos.bmes", DESK_SCHEME_BIOES, 0, 0},
    {"conll2003-like/phonlp_vi/ner_test.txt", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/test_sequence_labeling.conll", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/test_labeling.trailing.conll", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/import_sequence_labeling_conll.txt", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/doccano_transformer/labeling.conll2003.user1", DESK_SCHEME_IOB2, 0, 1},
    {"doccano/doccano_transformer/labeling.conll2003.user2", DESK_SCHEME_IOB2, 0, 2},
    {"doccano/doccano_transformer/labeling_text_label.conll2003.user0", DESK_SCHEME_IOB2, 0, 2},
};

/* Read the shared file rel as the importer does, its bytes into *data (malloc'ed). */
static int
read_shared(const char *dir, const char *rel, char **data, size_t *len, format_article **a,
            size_t *n, notes_seen *ns, format_error *err)
{
	char path[1200];

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	assert_non_null(*data = slurp(path, len));
	return read_conll(a, n, *data, *len, ns, err);
}

/* The shared files that are not CoNLL NER files, refused at their first line. */
static void
test_refused_shared(void **state)
{
	static const struct {
		const char *path, *reason;
		int64_t line;
	} bad[] = {
	    {"doccano/test_labeling.invalid.conll", "\"SOCCERO\" is not a tag", 1},
	    {"conll2003-like/phonlp_vi/pos_test.txt", "is not a tag", 1},
	    {"doccano/export_sequence_labeling.jsonl", "", 1},
	};
	const char *dir = datasets();

	(void)state;
	if (dir == NULL)
		skip();
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		format_article *a = NULL;
		size_t n = 0, len = 0;
		notes_seen ns = {0};
		format_error err;
		char *data;

		assert_int_equal(read_shared(dir, bad[i].path, &data, &len, &a, &n, &ns, &err),
		                 DESK_INVALID);
		assert_null(a);
		if (err.line != bad[i].line || strstr(err.msg, bad[i].reason) == NULL)
			fail_msg("%s: refused at %lld (%s)", bad[i].path, (long long)err.line,
			         err.msg);
		free(data);
	}
}

/* Read a shared file and write it back: the same tokens and tags. */
static void
test_roundtrip_shared(void **state)
{
	const char *dir = datasets();
	const char *path;

	(void)state;
	if (dir == NULL)
		skip();
	for (size_t f = 0; f < sizeof shared_files / sizeof *shared_files; f++) {
		format_article *a = NULL;
		size_t n = 0, len = 0;
		notes_seen ns = {0};
		format_error err;
		warned w = {0};
		parsed in, out, again;
		char *data, *written, *nfc = NULL;
		size_t nfclen = 0;

		path = shared_files[f].path;
		if (read_shared(dir, path, &data, &len, &a, &n, &ns, &err) != DESK_OK)
			fail_msg("%s refused at %lld:%lld: %s", path, (long long)err.line,
			         (long long)err.column, err.msg);
		if (shared_files[f].articles > 0)
			assert_int_equal(n, shared_files[f].articles);
		assert_int_equal(ns.n > 0, shared_files[f].iob1 ||
		                               shared_files[f].scheme == DESK_SCHEME_BIOES);
		written = write_conll(a, n, shared_files[f].scheme, &w);
		assert_int_equal(w.n, 0);
		assert_int_equal(format_normalize(&nfc, &nfclen, data, len, 1, &err), DESK_OK);
		parse_conll(&in, nfc);
		parse_conll(&out, written);
		assert_int_equal(out.docstarts, (int)n);
		same_tokens_tags(&in, &out, path);
		parsed_free(&out);
		free(written);
		/* IOB2 by default: the IOB1 file's tags as IOB2. */
		if (shared_files[f].iob1) {
			written = write_conll(a, n, DESK_SCHEME_IOB2, &w);
			iob1_to_iob2(&in);
			parse_conll(&out, written);
			same_tokens_tags(&in, &out, path);
			parsed_free(&out);
			free(written);
		}
		/* The writer's output read again gives the same output. */
		written = write_conll(a, n, shared_files[f].scheme, &w);
		format_articles_free(a, n);
		assert_int_equal(read_conll(&a, &n, written, strlen(written), &ns, &err), DESK_OK);
		parse_conll(&out, written);
		free(written);
		written = write_conll(a, n, shared_files[f].scheme, &w);
		parse_conll(&again, written);
		same_tokens_tags(&out, &again, path);
		parsed_free(&again);
		parsed_free(&out);
		parsed_free(&in);
		free(written);
		free(nfc);
		free(data);
		format_articles_free(a, n);
	}
}

/* --- conlleval ------------------------------------------------------------ */

/* The conlleval script: $CONLLEVAL, or tests/tools/conlleval/conlleval.pl (see its README). */
static const char *
conlleval(void)
{
	static char path[1024];
	const char *env = getenv("CONLLEVAL");

	snprintf(path, sizeof path, "%s", env ? env : FIXTURES "/../tools/conlleval/conlleval.pl");
	if (access(path, R_OK) != 0 || system("perl -e 1 >/dev/null 2>&1") != 0)
		return NULL;
	return path;
}

/*
 * Run conlleval on the writer's output with its own tags as the predictions
 * (each line's last column repeated): it must take every line and score
 * 100%, with as many phrases as the output has chunks.
 */
static void
conlleval_full_marks(const char *script, const char *written, const char *name)
{
	char in[] = "/tmp/test_conll_XXXXXX", cmd[2300], report[4096], want[256];
	parsed p;
	size_t tokens = 0, chunks = 0, got;
	int fd = mkstemp(in);
	FILE *f, *r;

	assert_true(fd >= 0);
	assert_non_null(f = fdopen(fd, "w"));
	for (const char *s = written; *s;) {
		const char *nl = strchr(s, '\n'), *sp;

		assert_non_null(nl);
		if (nl > s) {
			for (sp = nl; sp > s && sp[-1] != ' '; sp--)
				;
			fprintf(f, "%.*s %.*s\n", (int)(nl - s), s, (int)(nl - sp), sp);
		} else
			putc('\n', f);
		s = nl + 1;
	}
	assert_int_equal(fclose(f), 0);
	snprintf(cmd, sizeof cmd, "perl '%s' < '%s' 2>&1", script, in);
	assert_non_null(r = popen(cmd, "r"));
	got = fread(report, 1, sizeof report - 1, r);
	report[got] = '\0';
	assert_int_equal(pclose(r), 0);
	unlink(in);
	parse_conll(&p, written);
	tokens = p.n + (size_t)p.docstarts; /* conlleval counts -DOCSTART- lines as tokens */
	for (size_t i = 0; i < p.n; i++)
		chunks += p.tag[i][0] == 'B' ||
		          (p.tag[i][0] == 'I' && (i == 0 || p.send[i - 1] ||
		                                  strcmp(p.tag[i - 1] + 1, p.tag[i] + 1) != 0));
	parsed_free(&p);
	snprintf(want, sizeof want,
	         "processed %zu tokens with %zu phrases; found: %zu phrases; correct: %zu.", tokens,
	         chunks, chunks, chunks);
	if (strstr(report, want) == NULL || strstr(report, "accuracy: 100.00%") == NULL ||
	    (chunks > 0 && strstr(report, "FB1: 100.00") == NULL))
		fail_msg("%s: conlleval said:\n%s\nwanted: %s", name, report, want);
}

static void
test_conlleval(void **state)
{
	const char *script = conlleval(), *dir = datasets();
	format_article a[2];
	warned w = {0};
	char *out;

	(void)state;
	if (script == NULL)
		skip();
	doc(&a[0], "Ann Lee Bob met Sue in New York City. The U.S. economy grew 3.5% in 2024.",
	    "en", SP(0, 7, "PER"), SP(8, 11, "PER"), SP(16, 19, "PER"), SP(23, 36, "LOC"),
	    SP(42, 46, "GPE"), SP(68, 72, "DATE"), END);
	doc(&a[1], "Bệnh nhân 91 ở TP.HCM, Hà Nội.\nPhi công người Anh.", "vi", SP(15, 21, "LOC"),
	    SP(23, 29, "LOC"), SP(31, 39, "JOB"), SP(46, 49, "LOC"), END);
	for (desk_scheme sc = DESK_SCHEME_IOB2; sc <= DESK_SCHEME_IOB1; sc++) {
		out = write_conll(a, 2, sc, &w);
		conlleval_full_marks(script, out, "hand-built");
		free(out);
	}
	assert_int_equal(w.n, 0);
	format_pool_free(&a[0].pool);
	format_pool_free(&a[1].pool);
	for (size_t f = 0; dir != NULL && f < sizeof shared_files / sizeof *shared_files; f++) {
		format_article *arts = NULL;
		size_t n = 0, len = 0;
		notes_seen ns = {0};
		format_error err;
		char *data;

		assert_int_equal(
		    read_shared(dir, shared_files[f].path, &data, &len, &arts, &n, &ns, &err),
		    DESK_OK);
		for (desk_scheme sc = DESK_SCHEME_IOB2; sc <= DESK_SCHEME_IOB1; sc++) {
			out = write_conll(arts, n, sc, &w);
			conlleval_full_marks(script, out, shared_files[f].path);
			free(out);
		}
		format_articles_free(arts, n);
		free(data);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_roundtrip_shared),
	    cmocka_unit_test(test_refused_shared),
	    cmocka_unit_test(test_conlleval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
