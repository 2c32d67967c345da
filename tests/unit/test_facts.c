/* facts tests: in progress */
typedef int test_facts_placeholder;
