/* libFuzzer: the inline XBRL reader (src/xbrl/ixbrl.c) and what it shares
 * with the instance reader (model.c, resources.c, value.c, transform.c).
 * The input is read as an inline document whatever it holds: the first
 * byte picks the preamble put before it (none; the ix and ixt namespaces
 * declared, so that short inputs reach the facts).  Oracles: every fact's
 * strings are NUL-terminated where they say; a numeric fact's value is a
 * canonical decimal unless it is untransformed; offsets are inside the
 * input; every fact writes as JSON; reading twice gives the same facts. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/xbrl.h"
#include "xbrl_fuzz.h"

static const char PREAMBLE[] =
    "<html xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" "
    "xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\" "
    "xmlns:ixt-sec=\"http://www.sec.gov/inlineXBRL/transformation/2015-08-31\" "
    "xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" "
    "xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\">";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *in = xf_input(data, size, PREAMBLE, &n);
    if (!in) return 0;
    edgr_xbrl *x = NULL, *y = NULL;
    if (edgr_xbrl_read(in, n, NULL, &x) == EDGR_ERR_NOMEM) {
        free(in);
        return 0;
    }
    xf_check(x, n);
    if (edgr_xbrl_read(in, n, NULL, &y) == EDGR_OK && x && y) {
        if (edgr_xbrl_count(x) != edgr_xbrl_count(y)) __builtin_trap();
        for (size_t i = 0; i < edgr_xbrl_count(x); i++) {
            const char *a = edgr_xbrl_fact_at(x, i)->value, *b = edgr_xbrl_fact_at(y, i)->value;
            if ((a == NULL) != (b == NULL) || (a && strcmp(a, b))) __builtin_trap();
        }
    }
    edgr_xbrl_free(x);
    edgr_xbrl_free(y);
    free(in);
    return 0;
}
