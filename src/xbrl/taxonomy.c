/*
 * Which standard taxonomy a concept belongs to: what the SEC's views
 * select by (src/store/xbrl_views.c).
 */
#include <string.h>

#include "edgr/xbrl.h"

static int starts(const char *s, const char *prefix) { return !strncmp(s, prefix, strlen(prefix)); }

const char *edgr_xbrl_taxonomy(const char *ns)
{
    if (!ns) return NULL;
    /* the year after the stem is the taxonomy's release: any release */
    if (starts(ns, "http://fasb.org/us-gaap/")) return "us-gaap";
    if (starts(ns, "http://fasb.org/srt/")) return "srt";
    /* the SEC's own taxonomies, named by their path: dei, ecd (executive
     * compensation), ffd (filing fees), invest, cyd, ... (companyfacts
     * keeps the numeric facts of each) */
    static const char *const SEC[] = {"dei", "ecd", "ffd", "invest", "cyd", "spac", "sbs", "rxp", "oef", "vip",
                                      "snj", "cef", "rocr", "ham"};
    if (starts(ns, "http://xbrl.sec.gov/"))
        for (size_t i = 0; i < sizeof SEC / sizeof *SEC; i++) {
            size_t k = strlen(SEC[i]);
            if (!strncmp(ns + 20, SEC[i], k) && ns[20 + k] == '/') return SEC[i];
        }
    if (starts(ns, "http://xbrl.ifrs.org/taxonomy/")) {
        size_t n = strlen(ns);
        if (n > 10 && !strcmp(ns + n - 10, "/ifrs-full")) return "ifrs-full";
    }
    return NULL;
}
