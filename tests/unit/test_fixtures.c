typedef int unused_t;
