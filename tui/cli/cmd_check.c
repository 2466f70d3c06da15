/*
 * cmd_check.c - what the claims' subcommands check before they write: a
 * verdict's name and a piece of evidence, the reason on stderr.  They let
 * `copydesk claim` refuse before it writes anything (it makes a claim only
 * when its verdict and evidence will be taken) as `verdict` and `evidence`
 * do; research.c does the checking.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd_cli.h"

int
cmd_check_verdict(char **out, struct cli *c, const char *name, desk *d, const char *v)
{
	desk_verdicts *vs = NULL;
	const desk_verdict *found;
	int rc;

	*out = NULL;
	if ((rc = desk_verdicts_get(&vs, d)) != DESK_OK) {
		cmd_printf(c->err, "copydesk %s: %s\n", name, desk_errmsg(d));
		goto done;
	}
	if ((found = desk_verdicts_find(vs, v)) != NULL) {
		if ((*out = strdup(found->name)) == NULL)
			rc = DESK_NOMEM;
		goto done;
	}
	rc = DESK_NOTFOUND;
	cmd_printf(c->err, "copydesk %s: unknown verdict %s (the verdicts are", name, v);
	for (size_t i = 0; i < desk_verdicts_count(vs); i++)
		cmd_printf(c->err, "%s %s", i ? "," : "", desk_verdicts_at(vs, i)->name);
	cmd_printf(c->err, "; see copydesk verdicts)\n");
done:
	desk_verdicts_free(vs);
	return rc;
}

/*
 * Evidence checked before anything is written (desk_evidence_check), the
 * reason on stderr with the option to correct (the field the core names).
 */
int
cmd_check_evidence(struct cli *c, const char *name, desk *d, const char *source, const char *quote,
                   const char *consulted)
{
	int rc = desk_evidence_check(d, source, quote, consulted);

	if (rc == DESK_OK)
		return rc;
	if (*desk_errfield(d))
		cmd_printf(c->err, "copydesk %s: %s (correct --%s)\n", name, desk_errmsg(d),
		           desk_errfield(d));
	else
		cmd_printf(c->err, "copydesk %s: %s\n", name, desk_errmsg(d));
	return rc;
}
