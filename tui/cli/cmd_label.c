/* cmd_label.c - `copydesk labels`: the database's label set, listed or loaded from a file. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_cli.h"

static const char *const cmd_label_colors[] = {"black", "red",     "green", "yellow",
                                               "blue",  "magenta", "cyan",  "white"};

/* A file beside path (a brat project's kb_shortcuts.conf, visual.conf), if it is there. */
static char *
cmd_label_sibling(size_t *len, struct cli *c, const char *path, const char *name)
{
	const char *slash = strrchr(path, '/');
	size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
	char *p = malloc(dlen + strlen(name) + 1), *data = NULL;

	if (p == NULL)
		return NULL;
	memcpy(p, path, dlen);
	strcpy(p + dlen, name);
	if (access(p, F_OK) == 0 && cmd_read_file(&data, len, c, "labels", p) != EXIT_OK_)
		data = NULL;
	free(p);
	return data;
}

/* A brat annotation.conf (a name ending in .conf), with its kb_shortcuts.conf and visual.conf. */
static int
cmd_label_import_brat(desk *d, struct cli *c, const char *path, const char *conf, size_t len,
                      int replace)
{
	size_t kblen = 0, vlen = 0;
	char *kb = cmd_label_sibling(&kblen, c, path, "kb_shortcuts.conf"),
	     *vis = cmd_label_sibling(&vlen, c, path, "visual.conf");
	int rc = desk_labels_import_brat(d, path, conf, len, kb, kblen, vis, vlen, replace);

	free(kb);
	free(vis);
	return rc;
}

static int
cmd_label_is_conf(const char *path)
{
	size_t n = strlen(path);

	return n >= 5 && strcmp(path + n - 5, ".conf") == 0;
}

/* labels import [--replace] FILE (a label file, or a brat annotation.conf) */
static int
cmd_label_import(struct cli *c, int argc, char **argv)
{
	const char *path = NULL;
	desk_labels *l = NULL;
	char *json = NULL;
	size_t len = 0;
	desk *d = NULL;
	int replace = 0, rc, ret;

	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--replace") == 0)
			replace = 1;
		else if (path == NULL && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0))
			path = argv[i];
		else
			return cmd_usage(c, "labels", "unexpected argument %s", argv[i]);
	}
	if (path == NULL)
		return cmd_usage(c, "labels", "import needs a label file");
	if ((ret = cmd_read_file(&json, &len, c, "labels", path)) != EXIT_OK_)
		return ret;
	if ((ret = cmd_open_create(&d, c)) != EXIT_OK_)
		goto done;
	if (cmd_label_is_conf(path))
		rc = cmd_label_import_brat(d, c, path, json, len, replace);
	else
		rc = desk_labels_import(d, strcmp(path, "-") == 0 ? "<stdin>" : path, json, len,
		                        replace);
	if (rc == DESK_OK && (rc = desk_labels_get(&l, d)) == DESK_OK)
		cmd_printf(c->err, "copydesk labels: %s %s: %zu labels now\n",
		           replace ? "replaced by" : "loaded", path, desk_labels_count(l));
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk labels: %s\n", desk_errmsg(d));
	ret = cmd_exit_status(rc);
done:
	desk_labels_free(l);
	desk_close(d);
	free(json);
	return ret;
}

int
cmd_labels(struct cli *c, int argc, char **argv)
{
	desk_labels *l = NULL;
	char *json = NULL;
	desk *d = NULL;
	int json_out = 0, rc, ret;

	if (argc > 1 && strcmp(argv[1], "import") == 0)
		return cmd_label_import(c, argc, argv);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json_out = 1;
		else
			return cmd_usage(c, "labels", "unexpected argument %s", argv[i]);
	}
	if ((ret = cmd_open(&d, c)) != EXIT_OK_)
		return ret;
	if (json_out) {
		if ((rc = desk_labels_json(&json, d)) == DESK_OK)
			cmd_write_json(c->out, json);
	} else if ((rc = desk_labels_get(&l, d)) == DESK_OK) {
		for (size_t i = 0; i < desk_labels_count(l); i++) {
			const desk_label *lb = desk_labels_at(l, i);
			unsigned col = (unsigned)lb->color;

			cmd_printf(c->out, "%s\t%s\t%s\t", lb->name, lb->key,
			           col < 8 ? cmd_label_colors[col] : "?");
			cmd_write_text(c->out, lb->description, strlen(lb->description));
			fputc('\n', c->out);
		}
	}
	if (rc != DESK_OK)
		cmd_printf(c->err, "copydesk labels: %s\n", desk_errmsg(d));
	free(json);
	desk_labels_free(l);
	desk_close(d);
	return cmd_exit_status(rc);
}
