/*
 * test_entity_page.c - the entities a page at a time (core/src/annotate/
 * entity_page.c): keyset pages by name then id both ways, their ends, ranks,
 * the entity at an index, merged entities left out, and an entity another
 * editor adds between two pages.
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

#define EP_N 25

/* Entities "Name 00" ... made in reverse order, so that name order is not id order. */
static void
ep_fill(desk *d, int64_t *ids)
{
	for (int k = EP_N - 1; k >= 0; k--) {
		char name[32];

		snprintf(name, sizeof name, "Name %02d", k);
		assert_int_equal(desk_entity_ensure(&ids[k], d, name, ""), DESK_OK);
	}
}

/* A page's ids, its names checked ascending; names[i] copied when asked. */
static size_t
ep_page(desk *d, const desk_entity_place *key, int backward, size_t max, int64_t *ids,
        char names[][32])
{
	desk_entities *es = NULL;
	size_t n;

	assert_int_equal(desk_entities_page(&es, d, key, backward, max), DESK_OK);
	n = desk_entities_count(es);
	for (size_t i = 0; i < n; i++) {
		const desk_entity *e = desk_entities_at(es, i);

		ids[i] = e->id;
		snprintf(names[i], 32, "%s", e->name);
		if (i > 0)
			assert_true(strcmp(names[i - 1], names[i]) < 0);
	}
	desk_entities_free(es);
	return n;
}

static void
test_entity_page_order(void **state)
{
	int64_t ids[EP_N], got[EP_N], r, id;
	char names[EP_N][32], *name = NULL;
	desk_entity_place key;
	size_t n, seen = 0, left = EP_N;
	desk *d = NULL;

	(void)state;
	assert_int_equal(desk_open(&d, ":memory:", "anna"), DESK_OK);
	ep_fill(d, ids);
	/* Forward pages of 4: every entity once, by name. */
	n = ep_page(d, NULL, 0, 4, got, names);
	while (n > 0) {
		for (size_t i = 0; i < n; i++)
			assert_int_equal(got[i], ids[seen + i]);
		seen += n;
		key = (desk_entity_place){names[n - 1], got[n - 1]};
		n = ep_page(d, &key, 0, 4, got, names);
	}
	assert_int_equal(seen, EP_N);
	/* Backward pages from the end: the same, the last page first. */
	n = ep_page(d, NULL, 1, 4, got, names);
	while (n > 0) {
		left -= n;
		for (size_t i = 0; i < n; i++)
			assert_int_equal(got[i], ids[left + i]);
		key = (desk_entity_place){names[0], got[0]};
		n = ep_page(d, &key, 1, 4, got, names);
	}
	assert_int_equal(left, 0);
	/* Ranks and nth. */
	assert_int_equal(desk_entities_rank(&r, d, NULL), DESK_OK);
	assert_int_equal(r, EP_N);
	assert_int_equal(desk_entities_rank(&r, d, &(desk_entity_place){"Name 07", ids[7]}),
	                 DESK_OK);
	assert_int_equal(r, 7);
	assert_int_equal(desk_entities_nth(&id, &name, d, 7), DESK_OK);
	assert_int_equal(id, ids[7]);
	assert_string_equal(name, "Name 07");
	free(name);
	assert_int_equal(desk_entities_nth(&id, &name, d, EP_N), DESK_OK);
	assert_int_equal(id, 0);
	assert_null(name);
	/* A merged entity leaves the list and its count. */
	assert_int_equal(desk_entity_merge(d, ids[0], ids[3]), DESK_OK);
	assert_int_equal(desk_entities_rank(&r, d, NULL), DESK_OK);
	assert_int_equal(r, EP_N - 1);
	assert_int_equal(ep_page(d, NULL, 0, 5, got, names), 5);
	assert_int_equal(got[3], ids[4]);
	desk_close(d);
}

/* Another editor adds an entity between two pages: the next page has it in its place. */
static void
test_entity_page_concurrent_add(void **state)
{
	char path[] = "/tmp/test_entity_page.XXXXXX", side[64], names[EP_N][32];
	int64_t ids[EP_N], got[EP_N], added, r;
	desk *a = NULL, *b = NULL;
	desk_entity_place key;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(desk_open(&a, path, "anna"), DESK_OK);
	assert_int_equal(desk_open(&b, path, "binh"), DESK_OK);
	ep_fill(a, ids);
	assert_int_equal(ep_page(a, NULL, 0, 3, got, names), 3);
	assert_int_equal(desk_entity_ensure(&added, b, "Name 02a", ""), DESK_OK);
	key = (desk_entity_place){names[2], got[2]};
	assert_int_equal(ep_page(a, &key, 0, 2, got, names), 2);
	assert_int_equal(got[0], added);
	assert_int_equal(got[1], ids[3]);
	assert_int_equal(desk_entities_rank(&r, a, NULL), DESK_OK);
	assert_int_equal(r, EP_N + 1);
	desk_close(b);
	desk_close(a);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_entity_page_order),
	    cmocka_unit_test(test_entity_page_concurrent_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
