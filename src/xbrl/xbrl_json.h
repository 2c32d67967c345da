/* Pieces of a fact's JSON that the store keeps as JSON text too (its
 * dimensions and footnotes columns), so the two are written alike. */
#ifndef EDGR_XBRL_JSON_H
#define EDGR_XBRL_JSON_H

#include "edgr/xbrl.h"
#include "jsonw.h"

/* {"axis": "member", "axis": {"typed": "text"}, ...} */
void xbrl_json_dimensions(jsonw *w, const edgr_xbrl_context *c);
/* ["footnote text", ...] */
void xbrl_json_footnotes(jsonw *w, const edgr_xbrl_fact *f);

#endif
