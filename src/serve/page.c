/*
 * The search page's files (src/serve/web/, embedded by cmake/embed.cmake):
 * "/" is index.html.  Each answer is a copy (the server frees what a
 * route answers), with the type its name says.
 */
#include <stdlib.h>
#include <string.h>

#include "serve.h"
#include "web_assets.h"

int serve_page(const char *path, serve_answer *a)
{
    if (!strcmp(path, "/")) path = "/index.html";
    for (const web_asset *w = web_assets; w->path; w++) {
        if (strcmp(w->path, path)) continue;
        const char *dot = strrchr(path, '.');
        a->content_type = !strcmp(dot, ".html") ? "text/html; charset=utf-8"
                          : !strcmp(dot, ".js") ? "text/javascript; charset=utf-8"
                                                : "text/css; charset=utf-8";
        a->body = malloc(w->len ? w->len : 1);
        if (!a->body) {
            a->status = 503;
            strcpy(a->error, "out of memory: try again");
            return 1;
        }
        memcpy(a->body, w->data, w->len);
        a->len = w->len;
        a->status = 200;
        return 1;
    }
    return 0;
}
