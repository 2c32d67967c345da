/*
 * Which documents may hold XBRL, and which standard taxonomy a concept
 * belongs to: the questions the CLI and the store ask before and after
 * edgr_xbrl_read.
 */
#include <string.h>

#include "edgr/xbrl.h"

static int span_ends(edgr_span s, const char *suffix)
{
    size_t k = strlen(suffix);
    if (s.len < k) return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s.ptr[s.len - k + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != suffix[i]) return 0;
    }
    return 1;
}

int edgr_xbrl_may_hold(const edgr_document *d)
{
    if (!d) return 0;
    if (d->type.len >= 10 && !memcmp(d->type.ptr, "EX-101.INS", 10)) return 1;
    if (d->format == EDGR_FMT_HTML) return 1;
    return span_ends(d->filename, ".xml") || span_ends(d->filename, ".htm") || span_ends(d->filename, ".html") ||
           span_ends(d->filename, ".xhtml") || !d->filename.len;
}

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
