/* edgr facts (placeholder until the segmenter lands). */
#include "cli.h"
int cmd_facts_run(const command *c, const opts *o, unit *u, sink *out, sink *err)
{ (void)c; (void)o; (void)u; (void)out; sink_printf(err, "not yet\n"); return 1; }
