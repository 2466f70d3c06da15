/*
 * ui_cmds_keys.c - how keys reach the commands outside the prompt (a count
 * typed before a key, then the keymap or a label's key; the key a command
 * waits for: a label's, or y to confirm) and Tab at the `:` prompt (a
 * command's name or argument completed).
 */
#include <string.h>
#include <strings.h>

#include "keymap.h"
#include "ui_cmds.h"
#include "view.h"

/* --- Tab at the : prompt --------------------------------------------------- */

struct ui_cmds_completion {
	const char *word; /* what is completed */
	size_t n;         /* matches */
	char common[128]; /* their longest common beginning */
	char *list;       /* "a  b  c" */
	size_t size, len;
};

static void
ui_cmds_candidate(struct ui_cmds_completion *c, const char *s, size_t slen)
{
	size_t wn = strlen(c->word), k;

	if (slen < wn || strncasecmp(s, c->word, wn) != 0)
		return;
	if (c->n++ == 0) {
		k = slen < sizeof c->common ? slen : sizeof c->common - 1;
		memcpy(c->common, s, k);
		c->common[k] = '\0';
	} else {
		for (k = 0; c->common[k] && k < slen && c->common[k] == s[k]; k++)
			;
		c->common[k] = '\0';
	}
	if (c->len < c->size)
		c->len += (size_t)snprintf(c->list + c->len, c->size - c->len, "%s%.*s",
		                           c->len ? "  " : "", (int)slen, s);
}

/* An argument's alternatives from the table's args ("[on|off]", "new|progress|done"). */
static void
ui_cmds_alternatives(struct ui_cmds_completion *c, const char *args)
{
	const char *p = args;

	while (*p) {
		size_t n = strcspn(p, "|[] "), k = n;

		/* A placeholder (LINE, NAME) is not offered; "width=N" offers "width=". */
		for (size_t i = 0; i < n && k == n; i++)
			if (p[i] >= 'A' && p[i] <= 'Z')
				k = i > 0 && p[i - 1] == '=' ? i : 0;
		if (k > 0)
			ui_cmds_candidate(c, p, k);
		p += n;
		if (*p)
			p++;
	}
}

size_t
ui_cmds_complete(struct ui *ui, const char *cmd, const char *line, char *out, size_t size,
                 char *list, size_t lsize)
{
	struct ui_cmds_completion c = {.list = list, .size = lsize};
	const char *word, *sp, *start;
	const struct cmd *found = NULL;
	size_t head;
	int ambiguous;

	list[0] = '\0';
	start = line;
	while (cmd == NULL && (*line == ' ' || *line == ':'))
		line++;
	sp = strchr(line, ' ');
	if (cmd == NULL && sp == NULL) {
		/* The command's name. */
		c.word = word = line;
		for (const struct cmd *t = cmd_table; t->name; t++)
			if (t->ui && strncmp(t->name, word, strlen(word)) == 0)
				ui_cmds_candidate(&c, t->name, strlen(t->name));
		if (c.n == 1)
			found = ui_cmds_find(c.common, &ambiguous);
	} else {
		char name[64];

		if (cmd == NULL) {
			snprintf(name, sizeof name, "%.*s", (int)(sp - line), line);
			cmd = name;
			while (*sp == ' ')
				sp++;
			word = sp;
		} else {
			word = line;
		}
		c.word = word;
		if ((found = ui_cmds_find(cmd, &ambiguous)) == NULL)
			return 0;
		if (strstr(found->args, "LABEL")) {
			size_t nl = ui->labels ? desk_labels_count(ui->labels) : 0;

			for (size_t i = 0; i < nl; i++) {
				const char *l = desk_labels_at(ui->labels, i)->name;

				ui_cmds_candidate(&c, l, strlen(l));
			}
		} else {
			ui_cmds_alternatives(&c, found->args);
		}
		found = NULL; /* no space after an argument */
	}
	if (c.n == 0)
		return 0;
	head = (size_t)(word - start);
	snprintf(out, size, "%.*s%s%s", (int)head, start, c.common,
	         c.n == 1 && found && *found->args ? " " : "");
	/* Matches that differ in case from what was typed: what was typed stays. */
	if (c.n > 1 && strlen(c.common) < strlen(word))
		snprintf(out, size, "%s", start);
	return c.n;
}

/* --- Keys outside the prompt: counts, then the keymap ---------------------- */

/* Commands a count repeats (5} is the fifth span on); edits never are. */
static const char *const ui_cmds_repeatable[] = {
    "span-next",  "span-prev",   "candidate-next", "candidate-prev", "claim-next",
    "claim-prev", "search-next", "search-prev",    "next-article",   "prev-article",
};

/* The most a count repeats a command, or moves. */
#define UI_CMDS_MAXCOUNT 100000

static int
ui_cmds_with_count(struct ui *ui, const char *name, int64_t count)
{
	int ambiguous;
	const struct cmd *c = ui_cmds_find(name, &ambiguous);
	char arg[32];
	int rc = 0;

	snprintf(arg, sizeof arg, "%lld", (long long)count);
	if (c && strncmp(c->args, "[N]", 3) == 0)
		return ui_cmds_run(ui, name, arg);
	if (c && (strcmp(name, "bottom") == 0 || strcmp(name, "top") == 0))
		return ui_cmds_run(ui, "goto", arg); /* 5G, as in vi and less */
	for (size_t i = 0; c && i < sizeof ui_cmds_repeatable / sizeof *ui_cmds_repeatable; i++)
		if (strcmp(name, ui_cmds_repeatable[i]) == 0) {
			while (count-- > 0 && rc == 0 && ui->message_error == 0)
				rc = ui_cmds_run(ui, name, NULL);
			return rc;
		}
	return ui_cmds_run(ui, name, NULL);
}

void
ui_cmds_key(struct ui *ui, int key)
{
	int64_t count = ui->count;
	const char *cmd;
	char name[16];
	int label = -1;

	cmd = keymap_lookup(ui->view->name, key);
	if (cmd == NULL && ui->view == views[VIEW_READER])
		label = ui_label_by_key(ui, key);
	/* In the adjudication view a digit is the editor it takes, not a count. */
	if (cmd != NULL && ui->view == views[VIEW_GOLD] && key >= '1' && key <= '9') {
		char digit[2] = {(char)key, '\0'};

		ui->count = 0;
		ui_cmds_run(ui, cmd, digit);
		return;
	}
	/* A count: digits before a key (0 alone is a key of its own). */
	if (key >= '0' && key <= '9' && (key != '0' || count > 0) && label < 0) {
		ui->count = count * 10 + (key - '0');
		if (ui->count > UI_CMDS_MAXCOUNT)
			ui->count = UI_CMDS_MAXCOUNT;
		ui_message(ui, "%lld", (long long)ui->count);
		return;
	}
	ui->count = 0;
	if (label >= 0) {
		ui_cmds_run(ui, "tag", desk_labels_at(ui->labels, (size_t)label)->name);
		return;
	}
	if (cmd == NULL) {
		ui_error(ui, "%s: no such key here; ? lists the keys",
		         keymap_key_name(key, name, sizeof name));
		return;
	}
	if (count > 0)
		ui_cmds_with_count(ui, cmd, count);
	else
		ui_cmds_run(ui, cmd, NULL);
}

/* --- The key a command waits for ------------------------------------------ */

void
ui_cmds_pending_key(struct ui *ui, int key)
{
	const char *cmd = ui->pending;
	int i = ui_label_by_key(ui, key);

	ui->pending = NULL;
	if (i < 0) {
		ui_message(ui, "Cancelled");
		return;
	}
	ui_cmds_run(ui, cmd, desk_labels_at(ui->labels, (size_t)i)->name);
}

void
ui_cmds_confirm_key(struct ui *ui, int key)
{
	char line[sizeof ui->confirm];

	snprintf(line, sizeof line, "%s", ui->confirm);
	ui->confirm[0] = '\0';
	if (key != 'y' && key != 'Y') {
		ui_message(ui, "Cancelled");
		return;
	}
	ui_cmds_run_line(ui, line);
}
