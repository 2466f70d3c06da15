/*
 * ui_cmds.h - the interface's commands, as rows of the command table (cmd.c).
 * Each is {name, NULL, fn, args, help}; keymap.c binds keys to the names.
 */
#ifndef COPYDESK_UI_CMDS_H
#define COPYDESK_UI_CMDS_H

#include "cmd.h"

#define UI_COMMANDS /* filled in by the interface */

#endif
