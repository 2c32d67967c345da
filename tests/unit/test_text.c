/* text tests: in progress */
typedef int test_text_placeholder;
