/* items: in progress */
typedef int edgr_items_placeholder;
