/* datadir.h - the editor's data directory (datadir.c). */
#ifndef COPYDESK_DATADIR_H
#define COPYDESK_DATADIR_H

/* $XDG_DATA_HOME/copydesk/NAME, else ~/.local/share/copydesk/NAME; caller frees. */
char *datadir_path(const char *name);
/* mkdir -p of the directories above path (0700); -1 with errno. */
int datadir_mkdirs(char *path);

#endif
