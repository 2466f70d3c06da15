/*
 * cmd_demo.c - `copydesk demo`: the interface on a fresh copy of the sample
 * corpus (annotations/samples/, embedded at build time), in a throwaway
 * database that is removed on the way out.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_cli.h"

struct embed_file {
	const char *name;
	const char *data;
	size_t len;
};
extern const struct embed_file samples_data[];

/* What SQLite leaves beside the demo database. */
static const char *const cmd_demo_files[] = {"", "-wal", "-shm", "-journal"};

/* Import the embedded samples; returns a libcopydesk result code. */
static int
cmd_demo_import(desk *d, struct cli *c)
{
	desk_import_stats stats = {0};
	char name[256];
	int rc;

	for (const struct embed_file *f = samples_data; f->name; f++) {
		snprintf(name, sizeof name, "samples/%s", f->name);
		if ((rc = desk_import_buffer(d, name, f->data, f->len, DESK_FORMAT_AUTO, NULL, NULL,
		                             &stats)) != DESK_OK) {
			cmd_printf(c->err, "copydesk demo: %s: %s\n", name, desk_errmsg(d));
			return rc;
		}
	}
	return DESK_OK;
}

int
cmd_demo(struct cli *c, int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], path[4200];
	struct cli demo = *c;
	desk *d = NULL;
	int rc, ret;

	(void)argv;
	if (argc > 1)
		return cmd_usage(c, "demo", "takes no arguments");
	if (!cmd_have_terminal()) {
		cmd_printf(c->err, "copydesk demo: not a terminal: the interface needs one "
		                   "(use list or show to read articles from a script)\n");
		return EXIT_FAIL;
	}
	snprintf(dir, sizeof dir, "%s/copydesk-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		cmd_printf(c->err, "copydesk demo: %s: %s\n", dir, strerror(errno));
		return EXIT_IOERR;
	}
	snprintf(path, sizeof path, "%s/demo.db", dir);
	demo.db_path = path;
	if ((ret = cmd_open_create(&d, &demo)) != EXIT_OK_)
		goto done;
	if ((rc = cmd_demo_import(d, c)) != DESK_OK) {
		ret = cmd_exit_status(rc);
		goto done;
	}
	ret = c->interface(d);
done:
	desk_close(d);
	for (size_t i = 0; i < sizeof cmd_demo_files / sizeof *cmd_demo_files; i++) {
		char f[4300];
		snprintf(f, sizeof f, "%s%s", path, cmd_demo_files[i]);
		unlink(f);
	}
	rmdir(dir);
	return ret;
}
