typedef int unused_fixture_t;
