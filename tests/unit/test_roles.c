/*
 * test_roles.c - roles are kept in the core: the creator is the first chief,
 * the user list (in force once a chief adds someone) refuses a stranger at
 * open naming the chiefs, chiefs alone change the label set, the verdict
 * scale and the list and overturn a review, nobody approves their own
 * verdict, and an editor changes only their own spans and claims, by any
 * path: edit, research, evidence, apply, undo and redo.  Every refusal is
 * DESK_DENIED with its rule.  Over a temp file that alice (the creator), bob
 * and carol open (two handles cannot share one ":memory:" database).
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
#include <sqlite3.h>

#include "copydesk/copydesk.h"
#include "roles.h"

static const char body[] = "Tỷ lệ hộ nghèo giảm còn 38,5% trong năm 2024. Ông Nguyễn Văn An là "
                           "chủ tịch tỉnh. Ông Nguyễn Văn An nói thêm.";

typedef struct fx {
	char path[40];
	desk *a, *b, *c; /* alice (the creator), bob and carol on the same file */
	int64_t art;
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
	fx *f = calloc(1, sizeof *f);
	desk_article_in in = {.body = body, .body_len = sizeof body - 1, .lang = "vi"};
	int fd;

	assert_non_null(f);
	strcpy(f->path, "/tmp/copydesk-roles-XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(f->path);
	assert_int_equal(desk_open(&f->a, f->path, "alice"), DESK_OK);
	assert_int_equal(desk_open(&f->b, f->path, "bob"), DESK_OK);
	assert_int_equal(desk_open(&f->c, f->path, "carol"), DESK_OK);
	assert_int_equal(desk_article_add(f->a, &in, 1, &f->art, NULL), DESK_OK);
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	fx *f = *state;

	desk_close(f->a);
	desk_close(f->b);
	desk_close(f->c);
	fx_unlink(f->path);
	free(f);
	return 0;
}

static int64_t
fx_int(fx *f, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* rc is DESK_DENIED with rule, and the message holds each of the words given. */
static void
denied(desk *d, int rc, int rule, const char *w1, const char *w2)
{
	assert_int_equal(rc, DESK_DENIED);
	assert_int_equal(desk_errrule(d), rule);
	assert_non_null(strstr(desk_errmsg(d), desk_rule_name(rule)));
	if (w1)
		assert_non_null(strstr(desk_errmsg(d), w1));
	if (w2)
		assert_non_null(strstr(desk_errmsg(d), w2));
}

static int64_t
fx_span(fx *f, desk *d, int64_t start)
{
	int64_t id = 0;

	assert_int_equal(desk_span_add(&id, d, f->art, start, start + 5, "PER", 0), DESK_OK);
	return id;
}

/* A claim by d of the first sentence, proposed by d (a verdict and evidence). */
static int64_t
fx_claim(fx *f, desk *d, int64_t *ev)
{
	int64_t id = 0, e = 0;

	assert_int_equal(desk_claim_add(&id, d, f->art, 0, 45), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(d, id, "false"), DESK_OK);
	assert_int_equal(desk_claim_add_evidence(&e, d, id, "https://gso.gov.vn/a", "38,5%", NULL),
	                 DESK_OK);
	if (ev)
		*ev = e;
	return id;
}

static desk_claim_status
fx_status(desk *d, int64_t id)
{
	desk_claim *c = NULL;
	desk_claim_status s;

	assert_int_equal(desk_claim_get(&c, d, id), DESK_OK);
	s = c->status;
	desk_claim_free(c);
	return s;
}

/* --- The list ------------------------------------------------------------- */

static void
test_creator_is_chief(void **state)
{
	fx *f = *state;
	desk_role r;
	desk_users *u = NULL;
	int chief = -1;

	assert_int_equal(desk_user_role(&r, f->a, NULL), DESK_OK);
	assert_int_equal(r, DESK_ROLE_CHIEF);
	/* Not in force: whoever opens it is an editor. */
	assert_int_equal(desk_user_role(&r, f->b, NULL), DESK_OK);
	assert_int_equal(r, DESK_ROLE_EDITOR);
	assert_int_equal(desk_user_role(&r, f->a, "dave"), DESK_OK);
	assert_int_equal(r, DESK_ROLE_EDITOR);
	assert_int_equal(roles_is_chief(&chief, f->b), DESK_OK);
	assert_int_equal(chief, 0);
	assert_int_equal(desk_users_get(&u, f->a), DESK_OK);
	assert_int_equal(desk_users_count(u), 1);
	assert_string_equal(desk_users_at(u, 0)->name, "alice");
	assert_int_equal(desk_users_at(u, 0)->role, DESK_ROLE_CHIEF);
	assert_true(desk_users_at(u, 0)->creator);
	desk_users_free(u);
	/* The one function the gold layer's adjudication calls. */
	assert_int_equal(roles_require_chief(f->a, "adjudicate"), DESK_OK);
	denied(f->b, roles_require_chief(f->b, "adjudicate"), DESK_RULE_CHIEF_ONLY, "adjudicate",
	       "alice");
}

static void
test_list_chiefs_only(void **state)
{
	fx *f = *state;
	desk_users *u = NULL;
	char *json = NULL;

	denied(f->b, desk_users_get(&u, f->b), DESK_RULE_CHIEF_ONLY, "alice", NULL);
	assert_null(u);
	denied(f->b, desk_users_json(&json, f->b), DESK_RULE_CHIEF_ONLY, NULL, NULL);
	denied(f->b, desk_user_add(f->b, "bob", DESK_ROLE_CHIEF), DESK_RULE_CHIEF_ONLY, NULL, NULL);
	denied(f->b, desk_user_remove(f->b, "alice"), DESK_RULE_CHIEF_ONLY, NULL, NULL);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM users"), 1);
	/* Names are checked as editors' names. */
	assert_int_equal(desk_user_add(f->a, "", DESK_ROLE_EDITOR), DESK_INVALID);
	assert_int_equal(desk_user_add(f->a, "ev\x1b[2Jil", DESK_ROLE_EDITOR), DESK_INVALID);
	assert_int_equal(desk_user_add(f->a, "a\tb", DESK_ROLE_EDITOR), DESK_INVALID);
	assert_int_equal(desk_user_remove(f->a, "nobody"), DESK_NOTFOUND);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM users"), 1);
}

static void
test_list_in_force(void **state)
{
	fx *f = *state;
	desk *d = NULL;
	desk_role r;
	char *json = NULL;

	/* Before: a stranger opens it. */
	assert_int_equal(desk_open(&d, f->path, "dave"), DESK_OK);
	desk_close(d);
	assert_int_equal(desk_user_add(f->a, "bob", DESK_ROLE_EDITOR), DESK_OK);
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_CHIEF), DESK_OK);
	/* After: refused at open, naming the chiefs to ask. */
	d = NULL;
	assert_int_equal(desk_open(&d, f->path, "dave"), DESK_DENIED);
	denied(d, DESK_DENIED, DESK_RULE_NOT_USER, "dave", "alice, carol");
	desk_close(d);
	d = NULL;
	assert_int_equal(desk_open(&d, f->path, "bob"), DESK_OK);
	desk_close(d);
	assert_int_equal(desk_user_role(&r, f->a, "dave"), DESK_OK);
	assert_int_equal(r, DESK_ROLE_NONE);
	assert_int_equal(desk_user_role(&r, f->a, "carol"), DESK_OK);
	assert_int_equal(r, DESK_ROLE_CHIEF);
	/* Carol, a chief now, keeps the list too; the last chief stays. */
	assert_int_equal(desk_user_remove(f->c, "alice"), DESK_OK);
	denied(f->c, desk_user_remove(f->c, "carol"), DESK_RULE_LAST_CHIEF, "carol", NULL);
	denied(f->c, desk_user_add(f->c, "carol", DESK_ROLE_EDITOR), DESK_RULE_LAST_CHIEF, NULL,
	       NULL);
	/* Removed: refused at open; alice's handle, open already, is no chief now. */
	d = NULL;
	assert_int_equal(desk_open(&d, f->path, "alice"), DESK_DENIED);
	assert_int_equal(desk_errrule(d), DESK_RULE_NOT_USER);
	desk_close(d);
	denied(f->a, desk_user_add(f->a, "dave", DESK_ROLE_EDITOR), DESK_RULE_CHIEF_ONLY, "carol",
	       NULL);
	/* Bob made a chief, then an editor again: each change in the log, in its transaction. */
	assert_int_equal(desk_user_add(f->c, "bob", DESK_ROLE_CHIEF), DESK_OK);
	assert_int_equal(desk_user_add(f->c, "bob", DESK_ROLE_CHIEF), DESK_OK); /* no change */
	assert_int_equal(desk_user_add(f->b, "bob", DESK_ROLE_EDITOR), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM edit_log WHERE action = 'user-add'"), 3);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM edit_log WHERE action = 'user-role' AND "
	                           "json_extract(data, '$.name') = 'bob'"),
	                 2);
	assert_int_equal(fx_int(f,
	                        "SELECT count(*) FROM edit_log WHERE action = 'user-remove' "
	                        "AND editor = 'carol' AND json_extract(data, '$.name') = 'alice'"),
	                 1);
	assert_int_equal(desk_users_json(&json, f->c), DESK_OK);
	assert_non_null(strstr(json, "\"in_force\":true"));
	assert_null(strstr(json, "\"name\":\"alice\""));
	free(json);
}

/* --- Chiefs' work ----------------------------------------------------------- */

static void
test_label_verdict_sets(void **state)
{
	fx *f = *state;
	static const char labels[] = "[{\"name\": \"PER\", \"key\": \"p\", \"color\": \"red\"},"
	                             "{\"name\": \"MISC\", \"key\": \"m\", \"color\": \"blue\"}]";
	static const char verdicts[] =
	    "[{\"name\": \"satire\", \"label\": \"Satire\", \"key\": \"s\", \"color\": \"cyan\", "
	    "\"rating\": 3, \"rating_name\": \"Satire\", \"fever\": \"NOT ENOUGH INFO\"}]";
	int64_t before = fx_int(f, "SELECT count(*) FROM label");

	denied(f->b, desk_labels_import(f->b, "l.json", labels, sizeof labels - 1, 0),
	       DESK_RULE_CHIEF_ONLY, "label set", "alice");
	assert_int_equal(fx_int(f, "SELECT count(*) FROM label"), before);
	denied(f->b, desk_verdicts_import(f->b, "v.json", verdicts, sizeof verdicts - 1),
	       DESK_RULE_CHIEF_ONLY, "verdict scale", NULL);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM verdict WHERE name = 'satire'"), 0);
	assert_int_equal(desk_labels_import(f->a, "l.json", labels, sizeof labels - 1, 0), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM label WHERE name = 'MISC'"), 1);
	assert_int_equal(desk_verdicts_import(f->a, "v.json", verdicts, sizeof verdicts - 1),
	                 DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM verdict WHERE name = 'satire'"), 1);
}

/* --- Spans ------------------------------------------------------------------ */

static void
test_spans_own(void **state)
{
	fx *f = *state;
	int64_t s = fx_span(f, f->b, 0), e = 0;

	assert_int_equal(desk_entity_ensure(&e, f->c, "Tỷ lệ", NULL), DESK_OK);
	denied(f->c, desk_span_relabel(f->c, s, "ORG"), DESK_RULE_OWNER, "bob", "span");
	denied(f->c, desk_span_link(f->c, s, e), DESK_RULE_OWNER, "bob", NULL);
	denied(f->c, desk_span_delete(f->c, s), DESK_RULE_OWNER, "bob", "alice");
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE label = 'PER' AND entity_id "
	                           "IS NULL AND deleted_at IS NULL"),
	                 1);
	/* Their own, and a chief's on anyone's. */
	assert_int_equal(desk_span_relabel(f->b, s, "ORG"), DESK_OK);
	assert_int_equal(desk_span_link(f->a, s, e), DESK_OK);
	assert_int_equal(desk_span_delete(f->a, s), DESK_OK);
	/* A chief made an editor is held to the rule too. */
	s = fx_span(f, f->b, 0);
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_CHIEF), DESK_OK);
	assert_int_equal(desk_span_relabel(f->c, s, "LOC"), DESK_OK);
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_EDITOR), DESK_OK);
	denied(f->c, desk_span_relabel(f->c, s, "ORG"), DESK_RULE_OWNER, "bob", NULL);
}

/* Undo and redo take back nobody else's span: carol's edit as a chief stays when she is not. */
static void
test_undo_others_span(void **state)
{
	fx *f = *state;
	int64_t s = fx_span(f, f->b, 0);

	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_CHIEF), DESK_OK);
	assert_int_equal(desk_span_relabel(f->c, s, "ORG"), DESK_OK);
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_EDITOR), DESK_OK);
	denied(f->c, desk_undo(NULL, f->c), DESK_RULE_OWNER, "bob", "undo");
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE label = 'ORG'"), 1);
	/* As a chief she may; then, an editor again, not redo it. */
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_CHIEF), DESK_OK);
	assert_int_equal(desk_undo(NULL, f->c), DESK_OK);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE label = 'PER'"), 1);
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_EDITOR), DESK_OK);
	denied(f->c, desk_redo(NULL, f->c), DESK_RULE_OWNER, "redo", NULL);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE label = 'PER'"), 1);
	/* A deleted span of bob's: carol's delete as a chief is not undone by carol the editor. */
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_CHIEF), DESK_OK);
	assert_int_equal(desk_span_delete(f->c, s), DESK_OK);
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_EDITOR), DESK_OK);
	denied(f->c, desk_undo(NULL, f->c), DESK_RULE_OWNER, NULL, NULL);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM span WHERE deleted_at IS NULL"), 0);
	/* Bob's own undo of his span works. */
	s = fx_span(f, f->b, 10);
	assert_int_equal(desk_undo(NULL, f->b), DESK_OK);
}

/* --- Claims ----------------------------------------------------------------- */

static void
test_claims_own(void **state)
{
	fx *f = *state;
	int64_t ev = 0, ev2 = 0, id = fx_claim(f, f->b, &ev);
	size_t added = 9;

	denied(f->c, desk_claim_set_verdict(f->c, id, "true"), DESK_RULE_OWNER, "bob", NULL);
	denied(f->c, desk_claim_set_note(f->c, id, "x"), DESK_RULE_OWNER, "bob", NULL);
	denied(f->c, desk_claim_add_evidence(&ev2, f->c, id, "https://a.vn/b", "q", NULL),
	       DESK_RULE_OWNER, "bob", NULL);
	denied(f->c, desk_claim_delete_evidence(f->c, ev), DESK_RULE_OWNER, "bob", NULL);
	denied(f->c, desk_claim_apply(&added, f->c, id), DESK_RULE_OWNER, "bob", NULL);
	denied(f->c, desk_claim_delete(f->c, id), DESK_RULE_OWNER, "bob", "claim");
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_PROPOSED);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM evidence WHERE deleted_at IS NULL"), 1);
	/* A chief may; the chief's evidence is the chief's. */
	assert_int_equal(desk_claim_add_evidence(&ev2, f->a, id, "https://a.vn/b", "q", NULL),
	                 DESK_OK);
	denied(f->b, desk_claim_delete_evidence(f->b, ev2), DESK_RULE_OWNER, "alice", NULL);
	assert_int_equal(desk_claim_set_note(f->a, id, "chief's note"), DESK_OK);
	assert_int_equal(desk_claim_delete(f->a, id), DESK_OK);
}

/* Undo of another's claim: carol's note on bob's claim, made as a chief. */
static void
test_undo_others_claim(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->b, NULL);

	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_CHIEF), DESK_OK);
	assert_int_equal(desk_claim_set_note(f->c, id, "carol's"), DESK_OK);
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_EDITOR), DESK_OK);
	denied(f->c, desk_undo(NULL, f->c), DESK_RULE_OWNER, "bob", NULL);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM research WHERE note = 'carol''s'"), 1);
	/* A claim carol deleted as a chief stays deleted. */
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_CHIEF), DESK_OK);
	assert_int_equal(desk_claim_delete(f->c, id), DESK_OK);
	assert_int_equal(desk_user_add(f->a, "carol", DESK_ROLE_EDITOR), DESK_OK);
	denied(f->c, desk_undo(NULL, f->c), DESK_RULE_OWNER, "claim", NULL);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM claim WHERE deleted_at IS NULL"), 0);
}

/* --- Reviews ---------------------------------------------------------------- */

static void
test_reviews(void **state)
{
	fx *f = *state;
	int64_t id = fx_claim(f, f->b, NULL), mine;

	/* Nobody approves their own verdict, a chief neither. */
	denied(f->b, desk_claim_approve(f->b, id), DESK_RULE_OWN_VERDICT, NULL, NULL);
	mine = 0;
	assert_int_equal(desk_claim_add(&mine, f->a, f->art, 46, 81), DESK_OK);
	assert_int_equal(desk_claim_set_verdict(f->a, mine, "true"), DESK_OK);
	assert_int_equal(desk_claim_add_evidence(NULL, f->a, mine, "GSO", "q", NULL), DESK_OK);
	denied(f->a, desk_claim_approve(f->a, mine), DESK_RULE_OWN_VERDICT, NULL, NULL);
	denied(f->a, desk_claim_dispute(f->a, mine, "no"), DESK_RULE_OWN_VERDICT, NULL, NULL);
	/* An editor reviews another's proposed verdict. */
	assert_int_equal(desk_claim_dispute(f->c, id, "the figure is from 2023"), DESK_OK);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_DISPUTED);
	/* Overturning a review given: a chief's, never an editor's. */
	denied(f->c, desk_claim_approve(f->c, id), DESK_RULE_CHIEF_ONLY, "overturn", "alice");
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_DISPUTED);
	assert_int_equal(desk_claim_dispute(f->c, id, "again"), DESK_CONFLICT); /* same review */
	assert_int_equal(desk_claim_approve(f->a, id), DESK_OK);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_VERIFIED);
	denied(f->c, desk_claim_dispute(f->c, id, "no"), DESK_RULE_CHIEF_ONLY, NULL, NULL);
	assert_int_equal(desk_claim_dispute(f->a, id, "on second thought"), DESK_OK);
	assert_int_equal(fx_status(f->a, id), DESK_CLAIM_DISPUTED);
	/* The proposer cannot overturn a review of their own verdict, even as a chief. */
	assert_int_equal(desk_user_add(f->a, "bob", DESK_ROLE_CHIEF), DESK_OK);
	denied(f->b, desk_claim_approve(f->b, id), DESK_RULE_OWN_VERDICT, NULL, NULL);
}

/* --- A database made before the roles ---------------------------------------- */

static void
test_migrated(void **state)
{
	fx *f = *state;
	sqlite3 *db = NULL;
	desk *d = NULL;
	desk_role r;

	desk_close(f->a);
	desk_close(f->b);
	desk_close(f->c);
	f->a = f->b = f->c = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db, "DROP TABLE users; PRAGMA user_version = 11", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	/* Bob opens it first: the first edit's editor (alice's import) is the chief. */
	assert_int_equal(desk_open(&d, f->path, "bob"), DESK_OK);
	assert_int_equal(desk_user_role(&r, d, "alice"), DESK_OK);
	assert_int_equal(r, DESK_ROLE_CHIEF);
	assert_int_equal(desk_user_role(&r, d, NULL), DESK_OK);
	assert_int_equal(r, DESK_ROLE_EDITOR);
	desk_close(d);
	assert_int_equal(fx_int(f, "SELECT count(*) FROM users WHERE how = 'creator'"), 1);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
	    T(test_creator_is_chief),   T(test_list_chiefs_only),  T(test_list_in_force),
	    T(test_label_verdict_sets), T(test_spans_own),         T(test_undo_others_span),
	    T(test_claims_own),         T(test_undo_others_claim), T(test_reviews),
	    T(test_migrated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
