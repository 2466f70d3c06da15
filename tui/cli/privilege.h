/* privilege.h - the desk's group of a setgid copydesk, held only to open the database. */
#ifndef COPYDESK_PRIVILEGE_H
#define COPYDESK_PRIVILEGE_H

/*
 * First thing in main(): on a setgid run (effective gid != real gid) drop
 * the group at once.  -1, with the reason on stderr, when it cannot be
 * dropped or copydesk was installed setuid (never a design of ours).
 */
int privilege_init(void);
/* Nonzero on a setgid run: the database is the desk's, the editor the real uid's login. */
int privilege_setgid(void);
/* The desk's group while the database opens (nothing on other runs); 0 or -1. */
int privilege_raise(void);
/* Back to the real group; aborts if the kernel says otherwise. */
void privilege_drop(void);
/* The desk's group (the effective gid copydesk started with). */
unsigned privilege_group(void);

#endif
