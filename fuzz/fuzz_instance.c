/* libFuzzer: the XBRL instance reader (src/xbrl/instance.c, on libxml2).
 * The first byte picks a preamble (none, or an xbrli:xbrl root with the
 * usual namespaces, so that short inputs reach contexts, units, facts and
 * footnote links).  Oracles: a result whatever the bytes (EDGR_ERR_DECODE
 * with a problem when they are not XML); numeric values canonical unless
 * untransformed; every fact writes as JSON. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/xbrl.h"
#include "xbrl_fuzz.h"

static const char PREAMBLE[] =
    "<xbrli:xbrl xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:link=\"http://www.xbrl.org/2003/linkbase\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" "
    "xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *in = xf_input(data, size, PREAMBLE, &n);
    if (!in) return 0;
    edgr_xbrl *x = NULL;
    edgr_status st = edgr_xbrl_read(in, n, NULL, &x);
    if (st != EDGR_ERR_NOMEM && !x) __builtin_trap();
    if (st == EDGR_ERR_DECODE && edgr_xbrl_problem_count(x) == 0) __builtin_trap();
    xf_check(x, n);
    edgr_xbrl_free(x);
    free(in);
    return 0;
}
