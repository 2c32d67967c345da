/* A deadline on slow clients (deadline.c): a request must arrive whole
 * within the deadline of its connection's opening or its last answer. */
#ifndef EDGR_SERVE_DEADLINE_H
#define EDGR_SERVE_DEADLINE_H

typedef struct deadline_slot deadline_slot;

/* The watchdog thread, with a deadline of `seconds`: 0, or -1. */
int deadline_start(unsigned seconds);
void deadline_stop(void);
/* A connection on socket fd, armed; NULL when memory ran out (it then has
 * only the idle timeout). */
deadline_slot *deadline_open(int fd);
/* Armed from now (on), or not (off: a request is whole). */
void deadline_arm(deadline_slot *s, int on);
/* The connection closed, before its socket is. */
void deadline_close(deadline_slot *s);

#endif
