/*
 * test_config.c - the desk's settings: known keys only, values checked by
 * their rule, every change logged and undoable, unchanged values not logged.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

static int
fx_setup(void **state)
{
	desk *d;

	assert_int_equal(desk_open(&d, ":memory:", "alice"), DESK_OK);
	*state = d;
	return 0;
}

static int
fx_teardown(void **state)
{
	desk_close(*state);
	return 0;
}

static void
config_is(desk *d, const char *key, const char *want)
{
	char *v = NULL;

	assert_int_equal(desk_config_get(&v, d, key), DESK_OK);
	if (want == NULL)
		assert_null(v);
	else
		assert_string_equal(v, want);
	free(v);
}

static void
test_set_get_unset(void **state)
{
	desk *d = *state;
	int changed = -1;

	config_is(d, "org.name", NULL);
	assert_int_equal(desk_config_set(&changed, d, "org.name", "Báo Tuổi Trẻ"), DESK_OK);
	assert_int_equal(changed, 1);
	config_is(d, "org.name", "Báo Tuổi Trẻ");
	assert_int_equal(desk_config_set(&changed, d, "org.name", "Báo Tuổi Trẻ"), DESK_OK);
	assert_int_equal(changed, 0);
	assert_int_equal(desk_config_unset(&changed, d, "org.name"), DESK_OK);
	assert_int_equal(changed, 1);
	config_is(d, "org.name", NULL);
	assert_int_equal(desk_config_unset(&changed, d, "org.name"), DESK_OK);
	assert_int_equal(changed, 0);
}

static void
test_unknown_key(void **state)
{
	desk *d = *state;
	char *v = NULL;

	assert_int_equal(desk_config_set(NULL, d, "org.nme", "x"), DESK_NOTFOUND);
	assert_string_equal(desk_errfield(d), "key");
	assert_non_null(strstr(desk_errmsg(d), "org.name, org.url, license, dataset.name"));
	assert_int_equal(desk_config_get(&v, d, "colour"), DESK_NOTFOUND);
	assert_null(v);
	assert_int_equal(desk_config_unset(NULL, d, NULL), DESK_NOTFOUND);
}

static void
test_values_checked(void **state)
{
	desk *d = *state;
	static const char *const bad_urls[] = {"tuoitre.vn",        "ftp://tuoitre.vn",
	                                       "https://",          "https://tuoi tre.vn",
	                                       "https://localhost", NULL};
	static const char *const good_licenses[] = {"CC-BY-4.0",
	                                            "CC0-1.0",
	                                            "MIT",
	                                            "GPL-2.0+",
	                                            "LicenseRef-newsroom",
	                                            "CC-BY-4.0 OR MIT",
	                                            "GPL-2.0-only WITH Classpath-exception-2.0",
	                                            NULL};
	static const char *const bad_licenses[] = {
	    "CC BY 4.0",         "4.0",     "",          "MIT OR", "MIT  OR CC0-1.0",
	    "CC-BY-4.0 XOR MIT", "MIT/X11", "Giấy phép", NULL};

	for (size_t i = 0; bad_urls[i]; i++) {
		assert_int_equal(desk_config_set(NULL, d, "org.url", bad_urls[i]), DESK_INVALID);
		assert_int_equal(desk_errrule(d), DESK_RULE_URL);
		assert_string_equal(desk_errfield(d), "value");
	}
	assert_int_equal(desk_config_set(NULL, d, "org.url", "https://tuoitre.vn/"), DESK_OK);
	for (size_t i = 0; good_licenses[i]; i++)
		assert_int_equal(desk_config_set(NULL, d, "license", good_licenses[i]), DESK_OK);
	for (size_t i = 0; bad_licenses[i]; i++) {
		int rc = desk_config_set(NULL, d, "license", bad_licenses[i]);

		assert_int_equal(rc, DESK_INVALID);
		if (*bad_licenses[i])
			assert_int_equal(desk_errrule(d), DESK_RULE_LICENSE);
	}
	assert_string_equal(desk_rule_name(DESK_RULE_LICENSE), "license");
	/* a name is one line without controls; a description may have lines */
	assert_int_equal(desk_config_set(NULL, d, "dataset.name", "a\nb"), DESK_INVALID);
	assert_int_equal(desk_errrule(d), DESK_RULE_TEXT);
	assert_int_equal(desk_config_set(NULL, d, "dataset.name", "x\033[31m"), DESK_INVALID);
	assert_int_equal(desk_config_set(NULL, d, "dataset.name", "   "), DESK_INVALID);
	assert_int_equal(desk_errrule(d), DESK_RULE_EMPTY);
	assert_int_equal(desk_config_set(NULL, d, "dataset.description", "Line one.\nLine two."),
	                 DESK_OK);
	config_is(d, "license", "GPL-2.0-only WITH Classpath-exception-2.0");
}

static void
test_undo_redo(void **state)
{
	desk *d = *state;
	int64_t art = -1;
	char what[64];

	assert_int_equal(desk_config_set(NULL, d, "license", "CC-BY-4.0"), DESK_OK);
	assert_int_equal(desk_config_set(NULL, d, "license", "CC0-1.0"), DESK_OK);
	assert_int_equal(desk_history_next(what, sizeof what, d, 1), DESK_OK);
	assert_string_equal(what, "the setting");
	assert_int_equal(desk_undo(&art, d), DESK_OK);
	assert_int_equal(art, 0);
	config_is(d, "license", "CC-BY-4.0");
	assert_int_equal(desk_undo(&art, d), DESK_OK);
	config_is(d, "license", NULL);
	assert_int_equal(desk_redo(&art, d), DESK_OK);
	config_is(d, "license", "CC-BY-4.0");
	assert_int_equal(desk_config_unset(NULL, d, "license"), DESK_OK);
	assert_int_equal(desk_undo(&art, d), DESK_OK);
	config_is(d, "license", "CC-BY-4.0");
}

/* The list of every key; another editor's change since: undo refuses, naming them. */
static void
test_list_conflict(void **state)
{
	char path[] = "/tmp/copydesk-config-XXXXXX", p[64];
	desk_config_list l;
	desk *a, *b;
	int64_t art;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(desk_open(&a, path, "alice"), DESK_OK);
	assert_int_equal(desk_open(&b, path, "bob"), DESK_OK);
	assert_int_equal(desk_config_set(NULL, a, "org.name", "Tuổi Trẻ"), DESK_OK);
	assert_int_equal(desk_config_list_get(&l, b), DESK_OK);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0].key, "org.name");
	assert_string_equal(l.v[0].value, "Tuổi Trẻ");
	assert_string_equal(l.v[0].updated_by, "alice");
	assert_non_null(l.v[0].what);
	assert_null(l.v[1].value);
	desk_config_list_free(&l);
	assert_int_equal(desk_config_set(NULL, b, "org.name", "Thanh Niên"), DESK_OK);
	assert_int_equal(desk_undo(&art, a), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(a), "org.name was set to \"Thanh Niên\" by bob"));
	assert_int_equal(desk_undo(&art, b), DESK_OK);
	assert_int_equal(desk_undo(&art, a), DESK_OK);
	config_is(a, "org.name", NULL);
	desk_close(a);
	desk_close(b);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_set_get_unset, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_key, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_values_checked, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_undo_redo, fx_setup, fx_teardown),
	    cmocka_unit_test(test_list_conflict),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
