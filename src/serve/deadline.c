/*
 * A deadline on slow clients.  libmicrohttpd's connection timeout is idle
 * time: a client that sends one header byte every 10 s is never idle for
 * 30 s, and would hold its connection (and one of a client's 64) for
 * ever.  Here each connection is armed when it opens and after each answer,
 * disarmed once a request is whole; a watchdog thread shuts down the
 * socket of one armed for longer than the deadline, and libmicrohttpd then
 * closes it as it would any connection its peer dropped.
 *
 * A slot is freed when libmicrohttpd says the connection closed, which it
 * says before it closes the socket: under the lock, a shut-down never
 * reaches a descriptor that has been closed and reused.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

#include "deadline.h"

struct deadline_slot {
    int fd;
    double armed; /* when armed (monotonic seconds), 0 when not */
    deadline_slot *prev, *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static deadline_slot *slots;
static double limit;
static int stopping;
static pthread_t watchdog;

static double mono(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void *watch(void *unused)
{
    (void)unused;
    pthread_mutex_lock(&lock);
    while (!stopping) {
        double t = mono();
        for (deadline_slot *s = slots; s; s = s->next)
            if (s->armed > 0 && t - s->armed > limit) {
                shutdown(s->fd, SHUT_RDWR);
                s->armed = 0;
            }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 250 * 1000 * 1000; /* four looks a second: a deadline kept within 0.25 s */
        if (until.tv_nsec >= 1000000000) until.tv_sec++, until.tv_nsec -= 1000000000;
        pthread_cond_timedwait(&wake, &lock, &until);
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

int deadline_start(unsigned seconds)
{
    limit = seconds;
    stopping = 0;
    return pthread_create(&watchdog, NULL, watch, NULL) ? -1 : 0;
}

void deadline_stop(void)
{
    pthread_mutex_lock(&lock);
    stopping = 1;
    pthread_cond_signal(&wake);
    pthread_mutex_unlock(&lock);
    pthread_join(watchdog, NULL);
}

deadline_slot *deadline_open(int fd)
{
    deadline_slot *s = calloc(1, sizeof *s);
    if (!s) return NULL; /* no deadline for this one: the idle timeout still holds */
    s->fd = fd;
    s->armed = mono();
    pthread_mutex_lock(&lock);
    s->next = slots;
    if (slots) slots->prev = s;
    slots = s;
    pthread_mutex_unlock(&lock);
    return s;
}

void deadline_arm(deadline_slot *s, int on)
{
    if (!s) return;
    pthread_mutex_lock(&lock);
    s->armed = on ? mono() : 0;
    pthread_mutex_unlock(&lock);
}

void deadline_close(deadline_slot *s)
{
    if (!s) return;
    pthread_mutex_lock(&lock);
    if (s->prev) s->prev->next = s->next;
    else slots = s->next;
    if (s->next) s->next->prev = s->prev;
    pthread_mutex_unlock(&lock);
    free(s);
}
