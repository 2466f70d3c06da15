/*
 * datadir.c - the editor's data directory, $XDG_DATA_HOME/copydesk (else
 * ~/.local/share/copydesk): where the default database and the interface's
 * history sit, by one rule for the command line and the interface.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "datadir.h"

/* mkdir -p of the directories above path. */
int
datadir_mkdirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

char *
datadir_path(const char *name)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME"), *base, *sub;
	char *path;
	size_t len;

	if (xdg && *xdg == '/') {
		base = xdg;
		sub = "/copydesk/";
	} else {
		base = home && *home ? home : ".";
		sub = "/.local/share/copydesk/";
	}
	len = strlen(base) + strlen(sub) + strlen(name) + 1;
	if ((path = malloc(len)) != NULL)
		snprintf(path, len, "%s%s%s", base, sub, name);
	return path;
}
