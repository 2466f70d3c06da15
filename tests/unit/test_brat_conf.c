/*
 * test_brat_conf.c - a brat project's annotation.conf read as a label set
 * (formats/brat_conf.c): types flattened, abstract ones, macros and
 * separators left out, keys from kb_shortcuts.conf, colours from
 * visual.conf, bad type names refused with their line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "formats/format.h"
#include "internal.h"

#include "brat_util.h"

/* annotation.conf as a label set: types flattened, abstract ones and macros left out. */
static void
test_conf_labels(void **state)
{
	static const char conf[] = "# a comment\n"
	                           "[entities]\n"
	                           "!Thing\n"
	                           "\tPerson\n"
	                           "\t\tPolitician | Pol\n"
	                           "\tPlace\n"
	                           "----\n"
	                           "Money\n"
	                           "[relations]\n"
	                           "<POG>=Person|Place\n"
	                           "Located\tArg1:Person, Arg2:<POG>\n"
	                           "[events]\n"
	                           "Move\tGiver:Person\n"
	                           "[attributes]\n"
	                           "Negated\tArg:Move\n";
	static const char kb[] = "# keys\nX\tMoney\nP\tPlace\n";
	static const char visual[] = "[drawing]\nPerson\tbgColor:#ff5f5f, fgColor:black\n";
	format_error err = {0};
	json_t *root, *labels;
	json_error_t jerr;
	char *json = NULL;
	const char *names[] = {"Person", "Politician", "Place", "Money", "Move"};
	const char *keys[] = {"E", "O", "P", "X", "M"};

	(void)state;
	assert_int_equal(fmt_brat_conf_labels(&json, conf, strlen(conf), kb, strlen(kb), visual,
	                                      strlen(visual), NULL, &err),
	                 DESK_OK);
	assert_non_null(root = json_loads(json, 0, &jerr));
	labels = json_object_get(root, "labels");
	assert_int_equal(json_array_size(labels), 5);
	for (size_t i = 0; i < 5; i++) {
		json_t *o = json_array_get(labels, i);

		assert_string_equal(json_string_value(json_object_get(o, "name")), names[i]);
		assert_string_equal(json_string_value(json_object_get(o, "key")), keys[i]);
	}
	/* #ff5f5f: 256-colour 203, red on 8 colours. */
	assert_int_equal(json_integer_value(json_object_get(json_array_get(labels, 0), "color256")),
	                 203);
	assert_string_equal(json_string_value(json_object_get(json_array_get(labels, 0), "color")),
	                    "red");
	json_decref(root);
	free(json);
	assert_int_equal(fmt_brat_conf_labels(&json, "[entities]\nNg\xc3\xa0y\n", 17, NULL, 0, NULL,
	                                      0, NULL, &err),
	                 DESK_INVALID);
	assert_int_equal(err.line, 2);
	assert_int_equal(fmt_brat_conf_labels(&json, "[relations]\nR\tArg1:A\n", 21, NULL, 0, NULL,
	                                      0, NULL, &err),
	                 DESK_INVALID);
	assert_non_null(strstr(err.msg, "[entities]"));
}

/* KEEPHA-Ja's project: its 15 entity types with kb_shortcuts.conf's keys. */
static void
test_conf_keepha(void **state)
{
	char p[1024], *conf, *kb, *vis, *json = NULL;
	size_t cl, kl, vl;
	format_error err = {0};
	json_t *root, *labels;
	json_error_t jerr;

	(void)state;
	snprintf(p, sizeof p, "%s/brat/keepha_ja/annotation.conf", datasets());
	if ((conf = slurp(p, &cl)) == NULL)
		skip();
	snprintf(p, sizeof p, "%s/brat/keepha_ja/kb_shortcuts.conf", datasets());
	assert_non_null(kb = slurp(p, &kl));
	snprintf(p, sizeof p, "%s/brat/keepha_ja/visual.conf", datasets());
	assert_non_null(vis = slurp(p, &vl));
	assert_int_equal(fmt_brat_conf_labels(&json, conf, cl, kb, kl, vis, vl, NULL, &err),
	                 DESK_OK);
	assert_non_null(root = json_loads(json, 0, &jerr));
	labels = json_object_get(root, "labels");
	assert_int_equal(json_array_size(labels), 15);
	assert_string_equal(json_string_value(json_object_get(json_array_get(labels, 0), "name")),
	                    "DRUG");
	assert_string_equal(json_string_value(json_object_get(json_array_get(labels, 0), "key")),
	                    "M");
	assert_string_equal(json_string_value(json_object_get(json_array_get(labels, 14), "name")),
	                    "OTHER");
	json_decref(root);
	free(json);
	free(conf);
	free(kb);
	free(vis);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_conf_labels),
	    cmocka_unit_test(test_conf_keepha),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
