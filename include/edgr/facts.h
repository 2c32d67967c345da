/* edgr/facts.h - cover page, signatures and exhibits (in progress). */
#ifndef EDGR_FACTS_H
#define EDGR_FACTS_H
#include "edgr/edgr.h"
#endif
