/* ui.h - the curses interface: its entry point (the state is in ui_state.h). */
#ifndef COPYDESK_UI_H
#define COPYDESK_UI_H

#include "copydesk/copydesk.h"

/*
 * Run the interface on an open database until the editor quits.  Requires a
 * terminal on stdin and stdout (the caller checks).  Restores the terminal on
 * every way out, SIGHUP, SIGTERM and SIGINT included.  Returns an exit status:
 * 0, or 128 + the signal's number.
 */
int ui_main(desk *d);

#endif
