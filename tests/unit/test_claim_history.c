/*
 * test_claim_history.c - a claim's history from the edit log: who marked it,
 * set the verdict, added evidence, disputed with what reason (kept after the
 * verdict changed), approved, applied it elsewhere, undid, in the order it
 * happened; two editors on one temp file database.
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

static const char body1[] = "Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024. Ông An là chủ tịch.";
static const char body2[] = "Báo cáo mới. TỶ LỆ HỘ NGHÈO GIẢM CÒN 38.5 % TRONG NĂM 2024. Hết.";

typedef struct fx {
	char path[48];
	desk *a, *b; /* alice and bob on the same file */
	int64_t art[2];
} fx;

static void
fx_unlink(const char *path)
{
	char p[64];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static int
fx_setup(void **state)
{
	const char *bodies[] = {body1, body2};
	fx *f = calloc(1, sizeof *f);
	int fd;

	assert_non_null(f);
	strcpy(f->path, "/tmp/copydesk-history-XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(f->path);
	assert_int_equal(desk_open(&f->a, f->path, "alice"), DESK_OK);
	assert_int_equal(desk_open(&f->b, f->path, "bob"), DESK_OK);
	/* bob changes alice's spans and claims to test conflicts: a chief may (roles.c). */
	assert_int_equal(desk_user_add(f->a, "bob", DESK_ROLE_CHIEF), DESK_OK);
	for (size_t i = 0; i < 2; i++) {
		desk_article_in in = {
		    .body = bodies[i], .body_len = strlen(bodies[i]), .lang = "vi"};

		assert_int_equal(desk_article_add(f->a, &in, 1, &f->art[i], NULL), DESK_OK);
	}
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	fx *f = *state;

	desk_close(f->a);
	desk_close(f->b);
	fx_unlink(f->path);
	free(f);
	return 0;
}

/* The history as one line an event: "editor action status verdict text undid this". */
static char *
fx_history(desk *d, int64_t claim)
{
	desk_claim_event *v = NULL;
	size_t n = 0, len = 0;
	char *out = calloc(1, 8192);

	assert_non_null(out);
	assert_int_equal(desk_claim_history(&v, &n, d, claim), DESK_OK);
	for (size_t i = 0; i < n; i++) {
		assert_true(strlen(v[i].at) == 24 && v[i].at[10] == 'T');
		if (i > 0) {
			assert_true(v[i].log_id > v[i - 1].log_id);
			assert_true(strcmp(v[i].at, v[i - 1].at) >= 0); /* never out of order */
		}
		len += (size_t)snprintf(out + len, 8192 - len, "%s %s %s %s %s %s %d\n",
		                        v[i].editor, v[i].action, v[i].status, v[i].verdict,
		                        v[i].text, v[i].undid, v[i].this_claim);
	}
	desk_claim_history_free(v, n);
	return out;
}

static void
test_review_kept(void **state)
{
	fx *f = *state;
	int64_t id = 0, ev = 0, art = 0;
	char *h;

	assert_int_equal(desk_claim_add(&id, f->a, f->art[0], 0, 45), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->a, id, "false"), DESK_OK);
	assert_int_equal(desk_claim_add_evidence(&ev, f->a, id, "GSO", "38,5%", "2025-01-02"),
	                 DESK_OK);
	assert_int_equal(desk_claim_dispute(f->b, id, "the GSO report says 3,85%"), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->a, id, "true"), DESK_OK);
	assert_int_equal(desk_claim_set_note(f->a, id, "checked again"), DESK_OK);
	assert_int_equal(desk_claim_approve(f->b, id), DESK_OK);
	assert_int_equal(desk_undo(&art, f->b), DESK_OK); /* bob takes his approval back */
	h = fx_history(f->a, id);
	/* The dispute's reason stays in the history after the verdict changed. */
	assert_string_equal(h, "alice claim-add     1\n"
	                       "alice research-verdict check false   1\n"
	                       "alice evidence-add proposed false GSO  0\n"
	                       "bob claim-dispute disputed false the GSO report says 3,85%  1\n"
	                       "alice research-verdict proposed true   1\n"
	                       "alice research-note proposed true checked again  1\n"
	                       "bob claim-approve verified true   1\n"
	                       "bob undo proposed true  claim-approve 1\n");
	free(h);
	{
		desk_claim_event *v = NULL;
		size_t n = 0;

		assert_int_equal(desk_claim_history(&v, &n, f->a, 999), DESK_NOTFOUND);
		assert_null(v);
	}
}

/* A claim the research was applied to: its history begins with the research's, then the apply. */
static void
test_applied(void **state)
{
	fx *f = *state;
	desk_claims *all = NULL;
	desk_claim_filter flt = {0, DESK_CLAIM_ANY, NULL};
	int64_t id = 0, ev = 0, other = 0;
	size_t added = 0;
	char *h;

	assert_int_equal(desk_claim_add(&id, f->a, f->art[0], 0, 45), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->a, id, "true"), DESK_OK);
	assert_int_equal(desk_claim_add_evidence(&ev, f->a, id, "GSO", "38,5%", NULL), DESK_OK);
	assert_int_equal(desk_claim_apply(&added, f->b, id), DESK_OK);
	assert_int_equal(added, 1);
	assert_int_equal(desk_claims_get(&all, f->a, &flt), DESK_OK);
	for (size_t i = 0; i < desk_claims_count(all); i++)
		if (desk_claims_at(all, i)->article_id == f->art[1])
			other = desk_claims_at(all, i)->id;
	desk_claims_free(all);
	assert_true(other > 0);
	h = fx_history(f->a, other);
	/* The research was proposed before this claim was made: said in that order, with
	 * the apply that made it. */
	assert_string_equal(h, "alice research-verdict check true   0\n"
	                       "alice evidence-add proposed true GSO  0\n"
	                       "bob claim-apply     1\n");
	free(h);
	h = fx_history(f->a, id);
	assert_non_null(strstr(h, "bob claim-apply     1\n"));
	free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_review_kept, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_applied, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
