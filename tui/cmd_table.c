/*
 * cmd_table.c - the one table of commands (model/cmd.h), for the shell and
 * the `:` prompt: the rows of cli/ and of ui/ put together here, on top
 * beside main(), so that neither layer names the other's functions.
 */
#include "cmd.h"
#include "cmd_cli.h"
#include "ui_cmds.h"

const struct cmd cmd_table[] = {
    /* Subcommands (cmd_*.c). */
    {"import", cmd_import, NULL, "[--format text|jsonl|doccano|conll|brat] PATH...",
     "import article files, directories (their *.txt and *.jsonl; *.txt + *.ann pairs for "
     "brat) or - for standard input, with their annotations (spans, claims, tokens)"},
    {"export", cmd_export, NULL,
     "--format jsonl|doccano|conll|brat|claimreview|fever|csv [--output PATH] [--scheme "
     "iob2|iob1|bioes] [--doccano-entities] [--layer gold|editors] [FILTERS]",
     "write the annotated corpus (one consistent snapshot) in another tool's format: to "
     "standard output, PATH, or the directory PATH for brat; FILTERS: --status S --label L "
     "--user NAME --since DATE --articles IDS --verdict V --claim-status S --with-boilerplate; "
     "--layer: the gold layer (only articles that have one) or every editor's spans (default: "
     "the gold layer where an article has one, else every editor's spans)"},
    {"list", cmd_list, NULL,
     "[--sort id|date|title] [--status S] [--lang vi|en] [--from DATE] [--to DATE] [--label L] "
     "[--claim-status S] [--after ID] [--limit N] | [--status S] --json",
     "list the articles: id, status, date, language, title; read and written a page at a time, "
     "in id order, by date (newest first, undated last) or by title (accents and case "
     "ignored); --after ID starts after that article in the order, --limit N stops after N; "
     "--label L keeps the articles with a span labelled L, --claim-status S those with a "
     "claim in status S; --json: every article (of a status) as one array"},
    {"show", cmd_show, NULL, "ID [--json]", "print an article; --json gives its stored fields"},
    {"status", cmd_status, NULL, "ID new|progress|done", "set an article's review status"},
    {"labels", cmd_labels, NULL, "[--json] | import [--replace] FILE",
     "list the label set (name, key, colour, description), or load a label file into it"},
    {"tag", cmd_tag, NULL,
     "ID START END LABEL [--entity NAME] | ID --text TEXT LABEL [--all] [--fold] [--entity NAME]",
     "tag code points START to END (end exclusive) of an article, or the first (--all: every) "
     "whole-word occurrence of TEXT; prints the span"},
    {"untag", cmd_untag, NULL, "ID SPAN_ID", "remove a span from an article"},
    {"span", cmd_span, NULL, "ID SPAN_ID --label LABEL | --entity NAME | --unlink",
     "relabel a span, link it to an entity (made if there is none by that name) or unlink it; "
     "prints the span"},
    {"spans", cmd_spans, NULL, "ID [--json]",
     "list an article's spans: id, start, end, label, text, entity, author"},
    {"entities", cmd_entities, NULL, "[--limit N] [--json]",
     "list the entities by name: id, name, external id, mentions, aliases"},
    {"entity", cmd_entity, NULL, "rename ID NAME [--external QID] | merge INTO FROM | delete ID",
     "rename an entity (and set its external id), merge one into another, or delete one no span "
     "mentions"},
    {"undo", cmd_undo, NULL, "", "undo your last edit (a span, an entity, a status)"},
    {"redo", cmd_redo, NULL, "", "redo the edit you last undid"},
    {"claim", cmd_claim, NULL,
     "ID START END | ID --sentence CP | ID --text TEXT, [--verdict V] [--source URL --quote TEXT "
     "[--consulted YYYY-MM-DD]] [--note TEXT]",
     "make a claim to check of code points START to END, of the sentence holding code point CP, "
     "or of the first whole-word occurrence of TEXT, with what is given of its research; prints "
     "id, article, start, end, status, verdict, text"},
    {"claims", cmd_claims, NULL,
     "[ID] [--status check|proposed|verified|disputed] [--verdict V] [--limit N] [--after "
     "CLAIM_ID] [--json] | --id CLAIM_ID",
     "list the claims (of an article): id, article, status, verdict, repeats elsewhere, text"},
    {"claim-show", cmd_claim_show, NULL, "CLAIM_ID [--json]",
     "print a claim with its evidence, note, review, entities and repeats"},
    {"evidence", cmd_evidence, NULL,
     "CLAIM_ID --source URL|CITATION --quote TEXT [--consulted YYYY-MM-DD] | --delete EVIDENCE_ID",
     "add a piece of evidence to a claim's research (consulted today if not given), or delete one"},
    {"verdict", cmd_verdict, NULL, "CLAIM_ID VERDICT",
     "set a claim's verdict, by name, label or key (see verdicts)"},
    {"note", cmd_note, NULL, "CLAIM_ID TEXT", "set a claim's research note ('' clears it)"},
    {"approve", cmd_approve, NULL, "CLAIM_ID",
     "approve a proposed verdict (not your own; a disputed one: chiefs only): the claim is "
     "verified"},
    {"dispute", cmd_dispute, NULL, "CLAIM_ID --reason TEXT",
     "dispute a proposed verdict (not your own; a verified one: chiefs only), saying why"},
    {"candidates", cmd_candidates, NULL, "ID [--json]",
     "list an article's check-worthy statements not yet claimed: start, end, score, reasons, "
     "text"},
    {"dismiss", cmd_dismiss, NULL, "ID START END",
     "dismiss a candidate so that it is not listed again"},
    {"repeats", cmd_repeats, NULL, "CLAIM_ID",
     "list the same claim in other articles: article, start, end, text"},
    {"apply", cmd_apply, NULL, "CLAIM_ID",
     "claim the repeats of a claim with the same research; lists the claims sharing it"},
    {"verdicts", cmd_verdicts, NULL, "[--json] | import FILE",
     "list the verdict scale (name, key, label, ClaimReview rating and name, FEVER label), or "
     "add and update verdicts from a file"},
    {"config", cmd_config, NULL, "[KEY [VALUE]] | --unset KEY | --json",
     "list the settings (org.name, org.url, license, dataset.name, dataset.description), "
     "print one, or set or unset one (undo takes a change back)"},
    {"release", cmd_release, NULL,
     "DIR [--formats jsonl,conll,...] [--split 80/10/10] [--seed N] [--force] [--scheme S] "
     "[--doccano-entities] [--layer gold|editors] [FILTERS]",
     "write a dataset release into DIR: the formats split into train, dev and test by a hash "
     "of each article, a README.md dataset card and a MANIFEST with every file's SHA-256"},
    {"stats", cmd_stats, NULL, "[--json] [FILTERS]",
     "the corpus's figures: articles by status, spans per label, spans and claims per editor "
     "(all time and the last 7 days), claims by status and by verdict"},
    {"agreement", cmd_agreement, NULL, "[--users A,B,...] [--label L] [--json]",
     "agreement between the editors' layers (each editor's spans) over the articles more than "
     "one annotated, as bratiaa reports it: per pair precision, recall and F1 with exact match "
     "(offsets and label), with overlap and by token, per article, per label and overall the "
     "mean and SD of the pairs' F1; token kappa; Krippendorff's alpha_u with three editors or "
     "more; --json: {editors, instance, overlap, token, kappa, alpha}"},
    {"search", cmd_search, NULL,
     "[QUERY] [--json] [--limit N] [--after ID] [--exact] [--entity ID] [FILTERS]",
     "find articles by their title and body, accents optional (--exact: respected): words, "
     "\"phrases\", prefixes (kinh t*), AND, OR, NOT; best first, with a snippet, matches in "
     "[brackets]; --json: [{id, date, title, snippet}]; --label L: spans of L holding the "
     "query; --claim-status S/--verdict V: such claims holding it; --entity ID: the articles "
     "that mention it"},
    {"gold", cmd_gold, NULL,
     "ID [--json] | ID --diff [--json] | ID --from EDITOR | ID --add SPAN_ID | ID --remove "
     "GOLD_SPAN_ID | ID --none | ID --verdict CLAIM_ID=VERDICT",
     "an article's gold layer (the adjudicated spans, kept apart from the editors'): show it, "
     "show where the editors' layers differ (--diff), take one editor's spans as the gold "
     "layer, add an editor's span, remove a gold span, keep no span, or settle the verdict of "
     "the claims that overlap CLAIM_ID; each change is one undo step"},
    {"init-shared", cmd_init_shared, NULL, "DIR --group G [--install PATH]",
     "as root: set up a database editors share on this host: the group G (made if missing), "
     "DIR root:G mode 2770 holding DIR/copydesk.db (root:G 0660, WAL), and with --install "
     "copydesk copied to PATH root:G mode 2755 (setgid), else the command that does it"},
    {"users", cmd_users, NULL, "[--json] | add NAME --role editor|chief | remove NAME",
     "for chiefs: list the user list (name, role, added by, added at), add a user or change "
     "their role, or remove one; once a chief adds someone, only those on it may open the "
     "database"},
    {"demo", cmd_demo, NULL, "", "open the interface on a fresh copy of the sample corpus"},
    {"help", cmd_help, NULL, "[COMMAND | --keys | --keys=man | --commands]",
     "list the commands, describe one, or list the interface's keys"},
    /* Interface commands (ui_cmds.c); keymap.c binds keys to these names. */
    UI_COMMANDS{NULL, NULL, NULL, NULL, NULL},
};
