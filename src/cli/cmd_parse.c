/* edgr parse / edgr header: one JSON object per submission. */
#include <string.h>

#include "cli.h"

typedef struct pctx {
    const opts *o;
    unit *u;
    sink *out, *err;
    int saw_error;
} pctx;

static int on_submission(void *user, const edgr_submission *s)
{
    pctx *c = user;
    if (submission_failed(c->u, s, c->err, c->o->quiet)) c->saw_error = 1;
    if (s->container == EDGR_C_NONE) return 0; /* nothing to print */
    unsigned flags = (c->o->pretty ? EDGR_JSON_PRETTY : 0) |
                     (c->o->header_only ? EDGR_JSON_NO_DOCS : 0);
    edgr_json_source src = unit_json_source(c->u);
    edgr_write_json(s, &src, flags, sink_write_cb, c->out);
    sink_write(c->out, "\n", 1);
    return c->out->failed;
}

int cmd_parse_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    pctx c = {o, u, out, err, 0};
    edgr_callbacks cb = {.struct_size = sizeof cb, .submission_end = on_submission};
    unsigned flags = o->header_only ? EDGR_PARSE_HEADER_ONLY : 0;
    return feed_unit(u, &cb, &c, flags, err, o->quiet, &c.saw_error);
}
