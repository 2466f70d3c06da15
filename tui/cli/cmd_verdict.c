/*
 * cmd_verdict.c - `copydesk verdicts`, `verdict`, `evidence`, `note`,
 * `approve` and `dispute`: a claim's research from the shell.
 *
 * The checks of a verdict's name and of evidence are in cmd_check.c.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"

/* verdicts [--json] */
/* verdicts import FILE */
static int
cmd_verdict_import(struct cli *c, int argc, char **argv)
{
	const char *path = NULL;
	desk_verdicts *vs = NULL;
	char *json = NULL;
	size_t len = 0;
	desk *d = NULL;
	int rc, ret;

	for (int i = 2; i < argc; i++) {
		if (path == NULL && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0))
			path = argv[i];
		else
			return cmd_usage(c, "verdicts", "unexpected argument %s", argv[i]);
	}
	if (path == NULL)
		return cmd_usage(c, "verdicts", "import needs a verdict file");
	if ((ret = cmd_read_file(&json, &len, c, "verdicts", path)) != EXIT_OK_)
		return ret;
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		goto done;
	rc = desk_verdicts_import(d, strcmp(path, "-") == 0 ? "<stdin>" : path, json, len);
	if (rc == DESK_OK && (rc = desk_verdicts_get(&vs, d)) == DESK_OK) {
		cmd_printf(c->err, "copydesk verdicts: loaded %s: %zu verdicts now\n", path,
		           desk_verdicts_count(vs));
	}
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk verdicts: %s\n", desk_errmsg(d));
	ret = cmd_exit_status(rc);
done:
	desk_verdicts_free(vs);
	desk_close(d);
	free(json);
	return ret;
}

int
cmd_verdicts(struct cli *c, int argc, char **argv)
{
	desk_verdicts *vs = NULL;
	char *json = NULL;
	desk *d = NULL;
	int json_out = 0, rc, ret;

	if (argc > 1 && strcmp(argv[1], "import") == 0)
		return cmd_verdict_import(c, argc, argv);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else
			return cmd_usage(c, "verdicts", "unexpected argument %s", argv[i]);
	}
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (json_out) {
		if ((rc = desk_verdicts_json(&json, d)) == DESK_OK)
			cmd_write_json(c->out, json);
	} else if ((rc = desk_verdicts_get(&vs, d)) == DESK_OK) {
		for (size_t i = 0; i < desk_verdicts_count(vs); i++) {
			const desk_verdict *v = desk_verdicts_at(vs, i);

			cmd_printf(c->out, "%s\t%s\t%s\t%d\t%s\t%s\n", v->name, v->key, v->label,
			           v->rating, v->rating_name, v->fever);
		}
	}
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk verdicts: %s\n", desk_errmsg(d));
	free(json);
	desk_verdicts_free(vs);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* The claim after an edit, as `copydesk claim` prints it. */
static int
cmd_verdict_print(struct cli *c, const char *name, desk *d, int64_t claim_id)
{
	desk_claim *cl = NULL;
	int rc;

	if ((rc = desk_claim_get(&cl, d, claim_id)) != DESK_OK)
		cmd_printf(c->err, "copydesk %s: %s\n", name, desk_errmsg(d));
	else
		cmd_claim_print(c->out, cl);
	desk_claim_free(cl);
	return rc;
}

/* Open the database and check that the claim exists (its message if not). */
static int
cmd_verdict_open(desk **d, struct cli *c, const char *name, int64_t claim_id)
{
	desk_claim *cl = NULL;
	int rc, ret;

	if ((ret = cmd_open(d, c)) != EXIT_OK_)
		return ret;
	if ((rc = desk_claim_get(&cl, *d, claim_id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk %s: %s\n", name, desk_errmsg(*d));
		desk_close(*d);
		*d = NULL;
		return cmd_exit_status(rc);
	}
	desk_claim_free(cl);
	return EXIT_OK_;
}

/* verdict CLAIM_ID V */
int
cmd_verdict(struct cli *c, int argc, char **argv)
{
	char *name = NULL;
	desk *d = NULL;
	int64_t id = 0;
	int rc, ret;

	if (argc != 3)
		return cmd_usage(c, "verdict", "needs a claim id and a verdict");
	if ((ret = cmd_parse_id(c, "verdict", "a claim", argv[1], &id)) != 0)
		return ret;
	if ((ret = cmd_verdict_open(&d, c, "verdict", id)) != EXIT_OK_)
		return ret;
	if ((rc = cmd_check_verdict(&name, c, "verdict", d, argv[2])) != DESK_OK)
		goto done;
	if ((rc = desk_claim_set_verdict(d, id, name)) != DESK_OK) {
		cmd_printf(c->err, "copydesk verdict: %s\n", desk_errmsg(d));
		goto done;
	}
	rc = cmd_verdict_print(c, "verdict", d, id);
done:
	free(name);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* evidence CLAIM_ID --delete EVIDENCE_ID: the evidence must be the claim's. */
static int
cmd_evidence_delete(struct cli *c, desk *d, int64_t id, const char *which)
{
	desk_claim *cl = NULL;
	int64_t eid = 0;
	int rc, found = 0;

	if (desk_parse_id(&eid, which) != DESK_OK) {
		cmd_printf(c->err, "copydesk evidence: not an evidence id: %s\n", which);
		return DESK_MISUSE;
	}
	if ((rc = desk_claim_get(&cl, d, id)) != DESK_OK) {
		cmd_printf(c->err, "copydesk evidence: %s\n", desk_errmsg(d));
		return rc;
	}
	for (size_t i = 0; i < cl->nevidence; i++)
		found |= cl->evidence[i].id == eid;
	desk_claim_free(cl);
	if (!found) {
		cmd_printf(c->err, "copydesk evidence: claim %lld has no evidence %lld\n",
		           (long long)id, (long long)eid);
		return DESK_NOTFOUND;
	}
	if ((rc = desk_claim_delete_evidence(d, eid)) != DESK_OK) {
		cmd_printf(c->err, "copydesk evidence: %s\n", desk_errmsg(d));
		return rc;
	}
	cmd_printf(c->err,
	           "copydesk evidence: evidence %lld deleted from claim %lld (undo brings it "
	           "back)\n",
	           (long long)eid, (long long)id);
	return cmd_verdict_print(c, "evidence", d, id);
}

/* evidence CLAIM_ID --source S --quote Q [--consulted DATE] | --delete EVIDENCE_ID */
int
cmd_evidence(struct cli *c, int argc, char **argv)
{
	const char *source = NULL, *quote = NULL, *consulted = NULL, *arg = NULL, *del = NULL;
	desk *d = NULL;
	int64_t id = 0, eid = 0;
	int rc, ret;

	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];

		if (strcmp(s, "--source") == 0 && i + 1 < argc)
			source = argv[++i];
		else if (strcmp(s, "--quote") == 0 && i + 1 < argc)
			quote = argv[++i];
		else if (strcmp(s, "--consulted") == 0 && i + 1 < argc)
			consulted = argv[++i];
		else if (strcmp(s, "--delete") == 0 && i + 1 < argc)
			del = argv[++i];
		else if (arg == NULL && s[0] != '-')
			arg = s;
		else
			return cmd_usage(c, "evidence", "unexpected argument %s", s);
	}
	if (arg == NULL)
		return cmd_usage(c, "evidence", "which claim?");
	if (del != NULL && (source || quote || consulted))
		return cmd_usage(c, "evidence", "--delete goes alone");
	if (del == NULL && (source == NULL || quote == NULL))
		return cmd_usage(c, "evidence", "give both --source and --quote");
	if ((ret = cmd_parse_id(c, "evidence", "a claim", arg, &id)) != 0)
		return ret;
	if ((ret = cmd_verdict_open(&d, c, "evidence", id)) != EXIT_OK_)
		return ret;
	if (del != NULL) {
		rc = cmd_evidence_delete(c, d, id, del);
		goto done;
	}
	if ((rc = cmd_check_evidence(c, "evidence", d, source, quote, consulted)) != DESK_OK)
		goto done;
	if ((rc = desk_claim_add_evidence(&eid, d, id, source, quote, consulted)) != DESK_OK) {
		cmd_printf(c->err, "copydesk evidence: %s\n", desk_errmsg(d));
		goto done;
	}
	cmd_printf(c->err, "copydesk evidence: evidence %lld added to claim %lld\n", (long long)eid,
	           (long long)id);
	rc = cmd_verdict_print(c, "evidence", d, id);
done:
	desk_close(d);
	return cmd_exit_status(rc);
}

/* note CLAIM_ID TEXT */
int
cmd_note(struct cli *c, int argc, char **argv)
{
	desk *d = NULL;
	int64_t id = 0;
	int rc, ret;

	if (argc != 3)
		return cmd_usage(c, "note", "needs a claim id and the note ('' clears it)");
	if ((ret = cmd_parse_id(c, "note", "a claim", argv[1], &id)) != 0)
		return ret;
	if ((ret = cmd_verdict_open(&d, c, "note", id)) != EXIT_OK_)
		return ret;
	if ((rc = desk_claim_set_note(d, id, argv[2])) != DESK_OK)
		cmd_printf(c->err, "copydesk note: %s\n", desk_errmsg(d));
	else
		rc = cmd_verdict_print(c, "note", d, id);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* approve CLAIM_ID */
int
cmd_approve(struct cli *c, int argc, char **argv)
{
	desk *d = NULL;
	int64_t id = 0;
	int rc, ret;

	if (argc != 2)
		return cmd_usage(c, "approve", "needs a claim id");
	if ((ret = cmd_parse_id(c, "approve", "a claim", argv[1], &id)) != 0)
		return ret;
	if ((ret = cmd_verdict_open(&d, c, "approve", id)) != EXIT_OK_)
		return ret;
	if ((rc = desk_claim_approve(d, id)) != DESK_OK)
		cmd_printf(c->err, "copydesk approve: %s\n", desk_errmsg(d));
	else
		rc = cmd_verdict_print(c, "approve", d, id);
	desk_close(d);
	return cmd_exit_status(rc);
}

/* dispute CLAIM_ID --reason TEXT */
int
cmd_dispute(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL, *arg = NULL;
	desk *d = NULL;
	int64_t id = 0;
	int rc, ret;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--reason") == 0 && i + 1 < argc)
			reason = argv[++i];
		else if (strncmp(argv[i], "--reason=", 9) == 0)
			reason = argv[i] + 9;
		else if (arg == NULL && argv[i][0] != '-')
			arg = argv[i];
		else
			return cmd_usage(c, "dispute", "unexpected argument %s", argv[i]);
	}
	if (arg == NULL)
		return cmd_usage(c, "dispute", "which claim?");
	if (reason == NULL)
		return cmd_usage(c, "dispute", "a dispute needs --reason");
	if ((ret = cmd_parse_id(c, "dispute", "a claim", arg, &id)) != 0)
		return ret;
	if ((ret = cmd_verdict_open(&d, c, "dispute", id)) != EXIT_OK_)
		return ret;
	if ((rc = desk_claim_dispute(d, id, reason)) != DESK_OK)
		cmd_printf(c->err, "copydesk dispute: %s\n", desk_errmsg(d));
	else
		rc = cmd_verdict_print(c, "dispute", d, id);
	desk_close(d);
	return cmd_exit_status(rc);
}
