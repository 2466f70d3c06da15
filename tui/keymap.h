/* keymap.h - keys bound to command names, per view, with a global fallback. */
#ifndef COPYDESK_KEYMAP_H
#define COPYDESK_KEYMAP_H

#include <stdio.h>

/* Every binding as plain text (copydesk help --keys). */
void keymap_print_text(FILE *f);
/* Every binding as man(7) .TP entries, grouped by view (copydesk help --keys=man). */
void keymap_print_man(FILE *f);

#endif
