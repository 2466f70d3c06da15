/* ui.h - the curses interface: entry point and the state its commands act on. */
#ifndef COPYDESK_UI_H
#define COPYDESK_UI_H

#include "copydesk/copydesk.h"

/*
 * Run the interface on an open database until the editor quits.  Requires a
 * terminal on stdin and stdout (the caller checks).  Restores the terminal on
 * every way out, SIGHUP, SIGTERM and SIGINT included.  Returns an exit status.
 */
int ui_main(desk *d);

#endif
