/* The User-Agent rule (edgr/fetch.h): a name and an e-mail address, not a
 * browser's string, no control characters. */
#include <string.h>

#include "edgr/fetch.h"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* case-insensitive substring */
static int has(const char *s, const char *lit)
{
    size_t k = strlen(lit);
    for (; *s; s++) {
        size_t i = 0;
        while (i < k && s[i] && lower((unsigned char)s[i]) == lower((unsigned char)lit[i])) i++;
        if (i == k) return 1;
    }
    return 0;
}

static int addr_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("._%+-'", c);
}

/* s[n] is local@label.label...: a plausible address */
static int is_email(const char *s, size_t n)
{
    /* a word may be wrapped in <...> or (...) */
    while (n && strchr("<(\"", s[0])) s++, n--;
    while (n && strchr(">)\",;", s[n - 1])) n--;
    const char *at = memchr(s, '@', n);
    if (!at || at == s || memchr(at + 1, '@', n - (size_t)(at + 1 - s))) return 0;
    for (const char *c = s; c < at; c++)
        if (!addr_char((unsigned char)*c)) return 0;
    const char *d = at + 1, *e = s + n;
    if (d == e || *d == '.' || e[-1] == '.') return 0;
    int dots = 0;
    for (const char *c = d; c < e; c++) {
        unsigned char ch = (unsigned char)*c;
        if (ch == '.') {
            if (c[-1] == '.') return 0;
            dots++;
        } else if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-')) {
            return 0;
        }
    }
    return dots > 0;
}

edgr_status edgr_user_agent_check(const char *ua, const char **reason)
{
    const char *why = NULL;
    static const char *const browsers[] = {"mozilla/", "applewebkit/", "chrome/", "chromium/", "safari/",
                                           "firefox/", "gecko/", "edg/", "edge/", "opr/", "opera/",
                                           "trident/", "msie "};
    size_t n = ua ? strlen(ua) : 0;
    if (!ua || !n) {
        why = "no User-Agent: the SEC requires one that names you and gives an e-mail address, "
              "\"Name email@domain\" (--user-agent or EDGR_USER_AGENT)";
    } else if (n > EDGR_USER_AGENT_MAX) {
        why = "the User-Agent is longer than 256 bytes";
    } else {
        for (size_t i = 0; i < n && !why; i++)
            if ((unsigned char)ua[i] < 0x20 || ua[i] == 0x7f)
                why = "the User-Agent holds a control character (a CR or LF would forge a header)";
        for (size_t i = 0; !why && i < sizeof browsers / sizeof *browsers; i++)
            if (has(ua, browsers[i]))
                why = "the User-Agent looks like a web browser's; the SEC blocks tools that pass as browsers: "
                      "give \"Name email@domain\"";
    }
    if (!why) {
        int email = 0, name = 0;
        const char *s = ua;
        while (*s) {
            while (*s == ' ' || *s == '\t') s++;
            const char *b = s;
            while (*s && *s != ' ' && *s != '\t') s++;
            if (s == b) break;
            if (is_email(b, (size_t)(s - b))) email = 1;
            else if (!memchr(b, '@', (size_t)(s - b))) name = 1;
        }
        if (!memchr(ua, '@', n))
            why = "the User-Agent has no e-mail address (no '@'): give \"Name email@domain\"";
        else if (!email)
            why = "the User-Agent's address is not of the form local@domain.tld: give \"Name email@domain\"";
        else if (!name)
            why = "the User-Agent has an address but no name: give \"Name email@domain\"";
    }
    if (reason) *reason = why;
    return why ? EDGR_ERR_ARG : EDGR_OK;
}
