/* facts: in progress */
typedef int edgr_facts_placeholder;
