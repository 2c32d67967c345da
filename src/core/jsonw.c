/* The buffered JSON writer (see jsonw.h). */
#include <stddef.h>

#include "buf.h"
#include "jsonw.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "charset.h"

void jsonw_flush(jsonw *w)
{
    if (w->len && !w->failed && w->write(w->user, w->buf, w->len)) w->failed = 1;
    w->len = 0;
}

void jsonw_put(jsonw *w, const char *p, size_t n)
{
    while (n) {
        if (w->len == sizeof w->buf) jsonw_flush(w);
        size_t k = sizeof w->buf - w->len;
        if (k > n) k = n;
        memcpy(w->buf + w->len, p, k);
        w->len += k;
        p += k;
        n -= k;
    }
}

void jsonw_newline(jsonw *w)
{
    if (!w->pretty) return;
    jsonw_put(w, "\n", 1);
    for (int i = 0; i < w->depth; i++) jsonw_put(w, "  ", 2);
}

/* A JSON string: valid UTF-8 passes, other bytes are read as Windows-1252. */
void jsonw_str(jsonw *w, const char *p, size_t n)
{
    jsonw_put(w, "\"", 1);
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n) {
            unsigned char c = (unsigned char)p[run];
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
            run++;
        }
        jsonw_put(w, p + i, run - i);
        i = run;
        if (i >= n) break;
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x80) {
            /* one sequence at a time: valid UTF-8 passes, a bad byte is cp1252 */
            size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (len <= n - i && utf8_valid_prefix(p + i, len) == len) {
                jsonw_put(w, p + i, len);
                i += len;
            } else {
                char u[3];
                jsonw_put(w, u, cp1252_to_utf8(c, u));
                i++;
            }
            continue;
        }
        char esc[8];
        switch (c) {
        case '"': jsonw_put(w, "\\\"", 2); break;
        case '\\': jsonw_put(w, "\\\\", 2); break;
        case '\n': jsonw_put(w, "\\n", 2); break;
        case '\r': jsonw_put(w, "\\r", 2); break;
        case '\t': jsonw_put(w, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            jsonw_put(w, esc, 6);
        }
        i++;
    }
    jsonw_put(w, "\"", 1);
}


void jsonw_cstr(jsonw *w, const char *s)
{
    if (s) jsonw_str(w, s, strlen(s));
    else jsonw_put(w, "null", 4);
}

void jsonw_key(jsonw *w, const char *k)
{
    if (!w->first) jsonw_put(w, ",", 1);
    w->first = 0;
    jsonw_newline(w);
    jsonw_cstr(w, k);
    jsonw_put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
}

void jsonw_elem(jsonw *w)
{
    if (!w->first) jsonw_put(w, ",", 1);
    w->first = 0;
    jsonw_newline(w);
}

void jsonw_open(jsonw *w, char c)
{
    jsonw_put(w, &c, 1);
    w->depth++;
    w->first = 1;
}

void jsonw_close(jsonw *w, char c)
{
    w->depth--;
    if (!w->first) jsonw_newline(w);
    jsonw_put(w, &c, 1);
    w->first = 0;
}

void jsonw_num(jsonw *w, int64_t v)
{
    char b[32];
    int n = snprintf(b, sizeof b, "%" PRId64, v);
    jsonw_put(w, b, (size_t)n);
}

void jsonw_kstr(jsonw *w, const char *k, const char *v)
{
    jsonw_key(w, k);
    jsonw_cstr(w, v);
}

void jsonw_knum(jsonw *w, const char *k, int64_t v)
{
    jsonw_key(w, k);
    jsonw_num(w, v);
}

static int mem_put(void *user, const char *p, size_t n)
{
    jsonw_mem *m = user;
    if (buf_append(&m->b, p, n, m->cap)) return m->nomem = 1;
    return 0;
}

void jsonw_mem_init(jsonw_mem *m, size_t cap)
{
    memset(m, 0, offsetof(jsonw_mem, w) + offsetof(jsonw, buf));
    memset(&m->b, 0, sizeof m->b);
    m->w.write = mem_put, m->w.user = m, m->w.first = 1;
    m->cap = cap, m->nomem = 0;
}

int jsonw_finish(jsonw *w)
{
    jsonw_put(w, "\n", 1);
    jsonw_flush(w);
    return w->failed;
}
