/*
 * fuzz_labels.c - label and verdict files against arbitrary bytes.  The
 * input's first byte chooses a label file, a label file with --replace, or
 * a verdict file; the rest is the file.  Checked: a refused file changes
 * nothing (the set and the log are as before); a loaded one leaves a set
 * whose names are unique ignoring case and whose keys are unique and pass
 * desk_key_valid().  One database serves every input (fuzz_reset()).
 */
#include <strings.h>

#include "fuzz.h"

static char *
fuzz_snapshot(desk *d)
{
	char *a = NULL, *b = NULL, *s;
	size_t n;

	FUZZ_CHECK(desk_labels_json(&a, d) == DESK_OK);
	FUZZ_CHECK(desk_verdicts_json(&b, d) == DESK_OK);
	n = strlen(a) + strlen(b) + 2;
	FUZZ_CHECK((s = malloc(n)) != NULL);
	snprintf(s, n, "%s\n%s", a, b);
	free(a);
	free(b);
	return s;
}

static void
fuzz_check_sets(desk *d)
{
	desk_labels *l = NULL;
	desk_verdicts *v = NULL;

	FUZZ_CHECK(desk_labels_get(&l, d) == DESK_OK);
	for (size_t i = 0; i < desk_labels_count(l); i++) {
		const desk_label *x = desk_labels_at(l, i);

		FUZZ_CHECK(desk_key_valid(x->key, strlen(x->key)));
		FUZZ_CHECK(desk_labels_find(l, x->name) == x);
		for (size_t j = 0; j < i; j++) {
			FUZZ_CHECK(strcasecmp(desk_labels_at(l, j)->name, x->name) != 0);
			FUZZ_CHECK(strcmp(desk_labels_at(l, j)->key, x->key) != 0);
		}
	}
	desk_labels_free(l);
	FUZZ_CHECK(desk_verdicts_get(&v, d) == DESK_OK);
	FUZZ_CHECK(desk_verdicts_count(v) > 0);
	for (size_t i = 0; i < desk_verdicts_count(v); i++) {
		const desk_verdict *x = desk_verdicts_at(v, i);

		FUZZ_CHECK(desk_key_valid(x->key, strlen(x->key)));
		FUZZ_CHECK(x->rating >= 1 && x->rating <= 5);
		for (size_t j = 0; j < i; j++) {
			FUZZ_CHECK(strcmp(desk_verdicts_at(v, j)->name, x->name) != 0);
			FUZZ_CHECK(strcmp(desk_verdicts_at(v, j)->key, x->key) != 0);
		}
	}
	desk_verdicts_free(v);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	desk *d = fuzz_db();
	const char *json;
	char *before, *after;
	int rc, how;

	if (size < 1)
		return 0;
	how = data[0] % 3;
	json = (const char *)data + 1;
	before = fuzz_snapshot(d);
	if (how == 2)
		rc = desk_verdicts_import(d, "fuzz.json", json, size - 1);
	else
		rc = desk_labels_import(d, "fuzz.json", json, size - 1, how);
	FUZZ_CHECK(rc == DESK_OK || rc == DESK_INVALID || rc == DESK_CONFLICT);
	FUZZ_CHECK(strncmp(desk_errmsg(d), "fuzz.json", 9) == 0 || rc == DESK_OK);
	after = fuzz_snapshot(d);
	if (rc != DESK_OK)
		FUZZ_CHECK(strcmp(before, after) == 0);
	fuzz_check_sets(d);
	free(before);
	free(after);
	fuzz_reset(d);
	return 0;
}
