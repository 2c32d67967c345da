/* items tests: in progress */
typedef int test_items_placeholder;
