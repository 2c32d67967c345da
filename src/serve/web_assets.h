/* The search page's files, embedded in the binary at build time
 * (cmake/embed.cmake makes web_assets.c from src/serve/web/). */
#ifndef EDGR_WEB_ASSETS_H
#define EDGR_WEB_ASSETS_H

#include <stddef.h>

typedef struct web_asset {
    const char *path;   /* "/app.js"; NULL ends the table */
    const char *data;
    size_t len;
} web_asset;

extern const web_asset web_assets[];

#endif
