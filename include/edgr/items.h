/* edgr/items.h - items of 8-K, 10-K and 10-Q (in progress). */
#ifndef EDGR_ITEMS_H
#define EDGR_ITEMS_H
#include "edgr/edgr.h"
#endif
