/* edgr facts: cover page, signatures and exhibits of each filing as JSON
 * (one object per filing, one per line unless --pretty). */
#include "cli.h"
#include "edgr/facts.h"

typedef struct fctx {
    const opts *o;
    sink *out, *err;
    edgr_facts facts;
} fctx;

static int facts_filing(void *user, const filing *f)
{
    fctx *c = user;
    /* the main document's text is the last reading of it (edgr/facts.h):
     * its bytes go as the text is made */
    edgr_facts_options fo = EDGR_FACTS_OPTIONS_INIT;
    fo.release = filing_release;
    fo.release_user = (void *)(uintptr_t)f;
    edgr_status st = edgr_facts_extract_opt(f->sub, f->docs, f->doc_count, &fo, &c->facts);
    if (st != EDGR_OK) {
        sink_printf(c->err, "%s: 0: %s\n", f->name, edgr_strerror(st));
        return 1;
    }
    edgr_facts_write_json(&c->facts, f->sub, f->docs, &f->src, c->o->pretty ? EDGR_JSON_PRETTY : 0,
                          sink_write_cb, c->out);
    sink_write(c->out, "\n", 1);
    /* a document over --max-document-size (said by each_filing) was read
     * as empty: the filing's facts are written, but it failed */
    for (size_t i = 0; f->over && i < f->doc_count; i++)
        if (f->over[i]) return 1;
    return c->out->failed;
}

int cmd_facts_run(const command *cmd, const opts *o, unit *u, sink *out, sink *err)
{
    (void)cmd;
    fctx c = {.o = o, .out = out, .err = err};
    int rc = each_filing(u, o, err, facts_filing, &c);
    edgr_facts_free(&c.facts);
    return rc;
}
