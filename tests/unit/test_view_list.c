/*
 * test_view_list.c - the interface's article list follows the statuses that
 * edits, undo, redo and :status change (its own, a bulk edit's over several
 * articles, another editor's) by reading what changed, never the whole list
 * again (at 100,000 articles a whole read took 590 ms a key), except after
 * an import.
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

#include "ui_cmds.h"
#include "view.h"

static const char *const bodies[] = {"Ông Nguyễn Văn An là chủ tịch tỉnh.",
                                     "Ông Nguyễn Văn An về hưu.", "Ông Nguyễn Văn An nói."};

static int64_t fake_article_id;

static int64_t
fake_article(struct ui *ui)
{
	(void)ui;
	return fake_article_id;
}

static const struct view_ops fake_view = {
    .name = "fake",
    .article = fake_article,
};

typedef struct fx {
	char path[40];
	struct ui ui;
	desk *other;
} fx;

static int
fx_setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	int fd;

	assert_non_null(f);
	strcpy(f->path, "/tmp/copydesk-list-XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(f->path);
	assert_int_equal(desk_open(&f->ui.d, f->path, "alice"), DESK_OK);
	assert_int_equal(desk_open(&f->other, f->path, "bob"), DESK_OK);
	for (int i = 0; i < 3; i++) {
		desk_article_in in = {
		    .body = bodies[i], .body_len = strlen(bodies[i]), .lang = "vi"};
		char title[16];

		snprintf(title, sizeof title, "bài %d", i + 1);
		in.title = title;
		assert_int_equal(desk_article_add(f->ui.d, &in, 1, NULL, NULL), DESK_OK);
	}
	f->ui.view = &fake_view;
	assert_int_equal(view_list_new(&f->ui), DESK_OK);
	assert_int_equal(view_list_reload(&f->ui), DESK_OK);
	assert_int_equal(view_list_loads(&f->ui), 1);
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	fx *f = *state;
	char p[64];

	view_list_free(&f->ui);
	desk_close(f->ui.d);
	desk_close(f->other);
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	free(f);
	return 0;
}

/* The statuses the list shows for articles 1, 2 and 3, as "n p d". */
static void
statuses_(fx *f, const char *want, int line)
{
	char got[8];

	for (int i = 0; i < 3; i++) {
		got[2 * i] = "npd"[view_list_status(&f->ui, i + 1)];
		got[2 * i + 1] = ' ';
	}
	got[5] = '\0';
	if (strcmp(got, want) != 0)
		fail_msg("line %d: the list shows \"%s\", wanted \"%s\"", line, got, want);
	/* Never by reading the whole list again. */
	assert_int_equal(view_list_loads(&f->ui), 1);
}
#define statuses(f, want) statuses_(f, want, __LINE__)

static void
run(fx *f, const char *line)
{
	assert_int_equal(ui_cmds_run_line(&f->ui, line), DESK_OK);
	if (f->ui.message_error)
		fail_msg("%s: %s", line, f->ui.message);
}

static void
test_undo_redo(void **state)
{
	fx *f = *state;

	/* A tag puts article 2 in progress; the list sees it when it refreshes. */
	assert_int_equal(desk_span_add(NULL, f->ui.d, 2, 4, 17, "PER", 0), DESK_OK);
	statuses(f, "n n n");
	assert_int_equal(view_list_refresh(&f->ui), DESK_OK);
	statuses(f, "n p n");
	run(f, "undo");
	statuses(f, "n n n");
	run(f, "redo");
	statuses(f, "n p n");
}

static void
test_status(void **state)
{
	fx *f = *state;

	fake_article_id = 3;
	run(f, "status done");
	statuses(f, "n n d");
	run(f, "undo");
	statuses(f, "n n n");
	run(f, "redo");
	statuses(f, "n n d");
}

/* One undo step over several articles. */
static void
test_group(void **state)
{
	fx *f = *state;

	assert_int_equal(desk_edit_begin(f->ui.d), DESK_OK);
	assert_int_equal(desk_span_add(NULL, f->ui.d, 1, 4, 17, "PER", 0), DESK_OK);
	assert_int_equal(desk_span_add(NULL, f->ui.d, 3, 4, 17, "PER", 0), DESK_OK);
	assert_int_equal(desk_edit_commit(f->ui.d), DESK_OK);
	assert_int_equal(view_list_refresh(&f->ui), DESK_OK);
	statuses(f, "p n p");
	run(f, "undo");
	statuses(f, "n n n");
	run(f, "redo");
	statuses(f, "p n p");
}

/* Another editor's status change, and the undo of it. */
static void
test_other_editor(void **state)
{
	fx *f = *state;
	int64_t art = 0;

	assert_int_equal(desk_article_set_status(f->other, 2, DESK_STATUS_DONE), DESK_OK);
	assert_int_equal(view_list_refresh(&f->ui), DESK_OK);
	statuses(f, "n d n");
	assert_int_equal(desk_undo(&art, f->other), DESK_OK);
	assert_int_equal(view_list_refresh(&f->ui), DESK_OK);
	statuses(f, "n n n");
	/* Nothing new: nothing read. */
	assert_int_equal(view_list_refresh(&f->ui), DESK_OK);
	statuses(f, "n n n");
}

/* An import is what makes the list read every article again. */
static void
test_import(void **state)
{
	fx *f = *state;
	desk_article_in in = {.body = "Bài mới.", .body_len = strlen("Bài mới."), .lang = "vi"};

	assert_int_equal(desk_article_add(f->other, &in, 1, NULL, NULL), DESK_OK);
	assert_int_equal(view_list_refresh(&f->ui), DESK_OK);
	assert_int_equal(view_list_count(&f->ui), 4);
	assert_int_equal(view_list_loads(&f->ui), 2);
	assert_int_equal(view_list_status(&f->ui, 4), DESK_STATUS_NEW);
}

int
main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
	    T(test_undo_redo), T(test_status), T(test_group), T(test_other_editor), T(test_import),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
