/*
 * test_entity_delete.c - deleting an entity no span mentions (with those
 * merged into it), refused while spans mention it, undone and redone, and
 * undo refused when another editor linked a span to it since; over a temp
 * file database shared by two editors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "copydesk/copydesk.h"

/* "Lương Cường" 14-25, "Tập Cận Bình" 30-42. */
static const char body[] = "Chủ tịch nước Lương Cường đón Tập Cận Bình tại Hà Nội.";

typedef struct fx {
	char path[48];
	desk *a, *b;
	int64_t art;
} fx;

static int
fx_setup(void **state)
{
	desk_article_in in = {.lang = "vi", .body = body, .body_len = strlen(body)};
	fx *f = calloc(1, sizeof *f);
	int fd;

	assert_non_null(f);
	strcpy(f->path, "/tmp/copydesk-entdel-XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(f->path);
	assert_int_equal(desk_open(&f->a, f->path, "alice"), DESK_OK);
	assert_int_equal(desk_open(&f->b, f->path, "bob"), DESK_OK);
	assert_int_equal(desk_article_add(f->a, &in, 1, &f->art, NULL), DESK_OK);
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	fx *f = *state;
	char p[64];

	desk_close(f->a);
	desk_close(f->b);
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	free(f);
	return 0;
}

/* Whether entity id is listed (standing, not merged). */
static int
fx_listed(desk *d, int64_t id)
{
	desk_entities *e = NULL;
	int found = 0;

	assert_int_equal(desk_entities_get(&e, d), DESK_OK);
	for (size_t i = 0; i < desk_entities_count(e); i++)
		found |= desk_entities_at(e, i)->id == id;
	desk_entities_free(e);
	return found;
}

static void
test_delete_unused(void **state)
{
	fx *f = *state;
	int64_t e = 0, alias = 0, sp = 0, art = 0, found = 0;
	desk_span *s = NULL;

	assert_int_equal(desk_entity_ensure(&e, f->a, "Lương Cường", "Q123"), DESK_OK);
	assert_int_equal(desk_entity_ensure(&alias, f->a, "Luong Cuong", ""), DESK_OK);
	assert_int_equal(desk_span_add(&sp, f->a, f->art, 14, 25, "PER", alias), DESK_OK);
	assert_int_equal(desk_entity_merge(f->a, e, alias), DESK_OK);
	/* Mentioned: refused, with the rule as data. */
	assert_int_equal(desk_entity_delete(f->a, e), DESK_CONFLICT);
	assert_int_equal(desk_errrule(f->a), DESK_RULE_IN_USE);
	assert_non_null(strstr(desk_errmsg(f->a), "mentioned 1 time"));
	/* A merged entity is not deleted by itself. */
	assert_int_equal(desk_entity_delete(f->a, alias), DESK_CONFLICT);
	assert_int_equal(desk_entity_delete(f->a, 999), DESK_NOTFOUND);
	/* Untagged: no mentions, the deleted span still names it; deleted with its alias. */
	assert_int_equal(desk_span_delete(f->a, sp), DESK_OK);
	assert_int_equal(desk_entity_delete(f->a, e), DESK_OK);
	assert_false(fx_listed(f->a, e));
	assert_int_equal(desk_entity_find(&found, f->a, "Luong Cuong"), DESK_NOTFOUND);
	/* Undo: both back, the alias merged, the span (undone too) linked again. */
	assert_int_equal(desk_undo(&art, f->a), DESK_OK);
	assert_true(fx_listed(f->a, e));
	assert_int_equal(desk_entity_find(&found, f->a, "Luong Cuong"), DESK_OK);
	assert_int_equal(found, e);
	assert_int_equal(desk_undo(&art, f->a), DESK_OK); /* the untag */
	assert_int_equal(desk_span_get(&s, f->a, sp), DESK_OK);
	assert_int_equal(s->entity_id, e);
	desk_span_free(s);
	/* Redo the untag and the deletion. */
	assert_int_equal(desk_redo(&art, f->a), DESK_OK);
	assert_int_equal(desk_redo(&art, f->a), DESK_OK);
	assert_false(fx_listed(f->a, e));
}

/* Undo refuses when bob made the entity's id used again; redo when he linked a span to it. */
static void
test_delete_undo_conflict(void **state)
{
	fx *f = *state;
	int64_t e = 0, sp = 0, art = 0;

	assert_int_equal(desk_entity_ensure(&e, f->a, "Tập Cận Bình", ""), DESK_OK);
	assert_int_equal(desk_entity_delete(f->a, e), DESK_OK);
	assert_int_equal(desk_undo(&art, f->a), DESK_OK);
	assert_int_equal(desk_span_add(&sp, f->b, f->art, 30, 42, "PER", e), DESK_OK);
	assert_int_equal(desk_redo(&art, f->a), DESK_CONFLICT);
	assert_non_null(strstr(desk_errmsg(f->a), "linked to it by bob"));
	assert_true(fx_listed(f->a, e));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_delete_unused, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_delete_undo_conflict, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
