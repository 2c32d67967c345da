/* EDGAR index parsers (edgr/fetch.h): synthetic fixtures for the tricky
 * rows (fictional companies, CIKs 9900270-9900279), chunked feeding, and
 * every real index file of ../shared/corpus/index when it is there. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgr/fetch.h"
#include "test.h"

typedef struct {
    char *p;
    size_t n, cap;
} out_buf;

static void put(out_buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2 + 256;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

typedef struct {
    out_buf rows, errs;
    int stop_after; /* abort after this many rows (0: never) */
    int seen;
    int path_cik_mismatch;
} collect;

static void put_span(out_buf *b, edgr_span s, char sep)
{
    put(b, s.ptr, s.len);
    put(b, &sep, 1);
}

static int on_row(void *u, const edgr_index_row *r)
{
    collect *c = u;
    char num[64];
    put_span(&c->rows, r->cik, '|');
    put_span(&c->rows, r->company, '|');
    put_span(&c->rows, r->form, '|');
    snprintf(num, sizeof num, "%u|", (unsigned)r->date);
    put(&c->rows, num, strlen(num));
    put_span(&c->rows, r->accession, '@');
    snprintf(num, sizeof num, "%llu\n", (unsigned long long)r->offset);
    put(&c->rows, num, strlen(num));
    /* the path's CIK is the row's (multi-filer rows repeat the file under each) */
    char want[32];
    snprintf(want, sizeof want, "edgar/data/%llu/", (unsigned long long)r->cik_num);
    if (r->path.len < strlen(want) || memcmp(r->path.ptr, want, strlen(want)) != 0) c->path_cik_mismatch++;
    return c->stop_after && ++c->seen >= c->stop_after;
}

static void on_error(void *u, uint64_t off, const char *reason)
{
    collect *c = u;
    char num[32];
    snprintf(num, sizeof num, "%llu: ", (unsigned long long)off);
    put(&c->errs, num, strlen(num));
    put(&c->errs, reason, strlen(reason));
    put(&c->errs, "\n", 1);
}

static edgr_status run(const char *data, size_t len, size_t chunk, collect *c, edgr_index_stats *st)
{
    memset(&c->rows, 0, sizeof c->rows);
    memset(&c->errs, 0, sizeof c->errs);
    put(&c->rows, "", 0);
    put(&c->errs, "", 0);
    edgr_index_options o = EDGR_INDEX_OPTIONS_INIT;
    o.on_row = on_row;
    o.on_error = on_error;
    o.user = c;
    if (!chunk) return edgr_index_parse(data, len, &o, st);
    edgr_index_parser *p = edgr_index_new(&o);
    edgr_status s = EDGR_OK;
    for (size_t i = 0; i < len && s == EDGR_OK; i += chunk)
        s = edgr_index_feed(p, data + i, len - i < chunk ? len - i : chunk);
    edgr_status f = edgr_index_finish(p);
    if (s == EDGR_OK) s = f;
    edgr_index_get_stats(p, st);
    edgr_index_free(p);
    return s;
}

static void done(collect *c)
{
    free(c->rows.p);
    free(c->errs.p);
}

#define HEAD4 "Description:           Master Index of EDGAR Dissemination Feed\n" \
              "Last Data Received:    March 31, 2021\n"                           \
              "Comments:              webmaster@sec.gov\n"                        \
              "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n"

static const char master_crlf[] =
    "Description:           Master Index of EDGAR Dissemination Feed\r\n"
    "Last Data Received:    March 31, 2021\r\n"
    "Comments:              webmaster@sec.gov\r\n"
    "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\r\n"
    "\r\n\r\n\r\n\r\n"
    "CIK|Company Name|Form Type|Date Filed|Filename\r\n"
    "--------------------------------------------------------------------------------\r\n"
    "9900270|PELICAN HOLLOW MINING CO|10-K|2021-03-01|edgar/data/9900270/0009900270-21-000001.txt\r\n"
    "9900271|BRASSWORKS  &  SONS LTD /NV/|1-A POS|2021-03-02|edgar/data/9900271/0009900271-21-000002.txt\r\n"
    "9900272|ODD|PIPE TRUST|8-K|2021-03-03|edgar/data/9900272/0009900272-21-000003.txt\r\n"
    "9900273|ZEPHYR LANE FOODS INC|SC 13D/A|2021-03-04|edgar/data/9900273/00099002";

TEST(fetch_index_master_crlf_truncated)
{
    collect c = {0};
    edgr_index_stats st;
    CHECK(run(master_crlf, sizeof master_crlf - 1, 0, &c, &st) == EDGR_OK);
    CHECK(st.kind == EDGR_INDEX_MASTER);
    CHECK(st.rows == 3);
    CHECK(st.bad_rows == 1);
    const char *want = "9900270|PELICAN HOLLOW MINING CO|10-K|20210301|0009900270-21-000001@";
    CHECK(strncmp(c.rows.p, want, strlen(want)) == 0);
    CHECK(strstr(c.rows.p, "9900271|BRASSWORKS  &  SONS LTD /NV/|1-A POS|20210302|0009900271-21-000002@"));
    /* a '|' in a name: the company is what lies between the first bar and the last three */
    CHECK(strstr(c.rows.p, "9900272|ODD|PIPE TRUST|8-K|20210303|0009900272-21-000003@"));
    /* the cut last row is reported at its own offset, not delivered */
    const char *last = strstr(master_crlf, "9900273|");
    char want_err[64];
    snprintf(want_err, sizeof want_err, "%zu: ", (size_t)(last - master_crlf));
    CHECK(strncmp(c.errs.p, want_err, strlen(want_err)) == 0);
    CHECK(strstr(c.errs.p, "cut short"));
    CHECK(!strchr(c.rows.p, '\r'));
    /* offsets of rows: the first row's */
    char off[32];
    snprintf(off, sizeof off, "@%zu\n", (size_t)(strstr(master_crlf, "9900270|") - master_crlf));
    CHECK(strstr(c.rows.p, off) != NULL);
    done(&c);
}

/* form.idx, quarterly: a 64-character name shifts the later columns; forms
 * with spaces; a name with a double space; a form that fills its column. */
static const char form_idx[] =
    HEAD4 "\n\n\n\n"
    "Form Type   Company Name                                                  CIK         Date Filed  File Name\n"
    "---------------------------------------------------------------------------------------------------------------------------------------------\n"
    "1-A         PELICAN HOLLOW MINING CO                                      9900270     2021-02-05  edgar/data/9900270/0009900270-21-000001.txt\n"
    "1-A POS     PELICAN HOLLOW MINING CO                                      9900270     2021-02-06  edgar/data/9900270/0009900270-21-000002.txt         \n"
    "X-17A-5     QUARTERMASTER FIDUCIARY SECURITIES OF NORTH AMERICA A LIMITED PA  9900274      2021-02-24  edgar/data/9900274/0009900274-21-000004.txt\n"
    "SC 13D/A    BRASSWORKS  &  SONS LTD /NV/                                  9900271     2021-02-07  edgar/data/9900271/0009900271-21-000005.txt\n"
    "SEC STAFF A ORCHARD VALE BANCORP                                          9900275     2021-02-08  edgar/data/9900275/0009900275-21-000006.txt\n"
    "SEC STAFF A ORCHARD  VALE  TRUST                                          9900276     2021-02-09  edgar/data/9900276/0009900276-21-000007.txt\n"
    "\n";

TEST(fetch_index_form_by_fields)
{
    collect c = {0};
    edgr_index_stats st;
    CHECK(strlen("QUARTERMASTER FIDUCIARY SECURITIES OF NORTH AMERICA A LIMITED PA") == 64);
    CHECK(run(form_idx, sizeof form_idx - 1, 0, &c, &st) == EDGR_OK);
    CHECK(st.kind == EDGR_INDEX_FORM);
    CHECK(st.rows == 6 && st.bad_rows == 0);
    CHECK(strstr(c.rows.p, "9900270|PELICAN HOLLOW MINING CO|1-A|20210205|0009900270-21-000001@"));
    CHECK(strstr(c.rows.p, "9900270|PELICAN HOLLOW MINING CO|1-A POS|20210206|0009900270-21-000002@"));
    CHECK(strstr(c.rows.p,
                 "9900274|QUARTERMASTER FIDUCIARY SECURITIES OF NORTH AMERICA A LIMITED PA|X-17A-5|20210224|0009900274-21-000004@"));
    CHECK(strstr(c.rows.p, "9900271|BRASSWORKS  &  SONS LTD /NV/|SC 13D/A|20210207|"));
    /* no gap after the form: the heading's column decides */
    CHECK(strstr(c.rows.p, "9900275|ORCHARD VALE BANCORP|SEC STAFF A|20210208|"));
    /* ... even when the name has a double space of its own */
    CHECK(strstr(c.rows.p, "9900276|ORCHARD  VALE  TRUST|SEC STAFF A|20210209|"));
    CHECK(c.errs.n == 0);
    CHECK(c.path_cik_mismatch == 0);
    done(&c);
}

/* company.idx, daily: the heading wrapped on two lines, blank lines of one
 * space, YYYYMMDD dates, rows padded with blanks. */
static const char company_idx[] =
    "Description:           Daily Index of EDGAR Dissemination Feed by Company Name\n"
    "Last Data Received:    Oct  3, 2022\n"
    "Comments:              webmaster@sec.gov\n"
    "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n"
    " \n \n \n \n"
    "Company Name                                                  Form Type   CIK\n"
    "      Date Filed  File Name\n"
    "-------------------------------------------------------------------------------------------------------------------------------------------------\n"
    "Pelican Hollow Mining Co                                      1-A POS     9900270     20221003    edgar/data/9900270/0009900270-22-000007.txt         \n"
    "QUARTERMASTER FIDUCIARY SECURITIES OF NORTH AMERICA A LIMITED PA  D           9900274     20221003    edgar/data/9900274/0009900274-22-000008.txt\n"
    "BRASSWORKS  &  SONS LTD /NV/                                  SC 13D/A    9900271     20221003    edgar/data/9900271/0009900271-22-000009.txt\n"
    "Orchard Vale Bancorp                                          4           9900275     2022-13-03  edgar/data/9900275/0009900275-22-000010.txt\n"
    "Orchard Vale Bancorp                                          4           99002x5     20221003    edgar/data/9900275/0009900275-22-000011.txt\n";

TEST(fetch_index_company_by_fields)
{
    collect c = {0};
    edgr_index_stats st;
    CHECK(run(company_idx, sizeof company_idx - 1, 0, &c, &st) == EDGR_OK);
    CHECK(st.kind == EDGR_INDEX_COMPANY);
    CHECK(st.rows == 3 && st.bad_rows == 2);
    CHECK(strstr(c.rows.p, "9900270|Pelican Hollow Mining Co|1-A POS|20221003|0009900270-22-000007@"));
    CHECK(strstr(c.rows.p, "9900274|QUARTERMASTER FIDUCIARY SECURITIES OF NORTH AMERICA A LIMITED PA|D|20221003|"));
    CHECK(strstr(c.rows.p, "9900271|BRASSWORKS  &  SONS LTD /NV/|SC 13D/A|20221003|"));
    /* bad date and bad CIK: reported at their rows' offsets */
    char want[128];
    snprintf(want, sizeof want, "%zu: date filed is not a date",
             (size_t)(strstr(company_idx, "Orchard Vale Bancorp") - company_idx));
    CHECK(strstr(c.errs.p, want));
    CHECK(strstr(c.errs.p, "CIK is not 1 to 10 digits"));
    done(&c);
}

TEST(fetch_index_header_only_empty_not_index)
{
    static const char head_only[] =
        HEAD4 "\n\n\n\n"
        "Form Type   Company Name                                                  CIK         Date Filed  File Name\n"
        "---------------------------------------------------------------------------------------------------------------------------------------------\n";
    collect c = {0};
    edgr_index_stats st;
    CHECK(run(head_only, sizeof head_only - 1, 0, &c, &st) == EDGR_OK);
    CHECK(st.rows == 0 && st.bad_rows == 0 && st.kind == EDGR_INDEX_FORM);
    done(&c);

    CHECK(run("", 0, 0, &c, &st) == EDGR_ERR_EMPTY);
    done(&c);

    /* a header cut before its dashes */
    CHECK(run(HEAD4, strlen(HEAD4), 0, &c, &st) == EDGR_ERR_NOT_EDGAR);
    char want[32];
    snprintf(want, sizeof want, "%zu: ", strlen(HEAD4));
    CHECK(strncmp(c.errs.p, want, strlen(want)) == 0);
    done(&c);

    /* some other text: refused within the first 64 lines, at the 65th */
    out_buf b = {0};
    for (int i = 0; i < 200; i++) put(&b, "not an index line\n", 18);
    CHECK(run(b.p, b.n, 0, &c, &st) == EDGR_ERR_NOT_EDGAR);
    snprintf(want, sizeof want, "%d: ", 64 * 18);
    CHECK(strncmp(c.errs.p, want, strlen(want)) == 0);
    done(&c);
    free(b.p);

    /* dashes with no column heading */
    static const char no_heading[] = HEAD4 "-----------\n9900270|A|4|20200101|edgar/data/9900270/0009900270-20-000001.txt\n";
    CHECK(run(no_heading, sizeof no_heading - 1, 0, &c, &st) == EDGR_ERR_NOT_EDGAR);
    CHECK(st.rows == 0);
    done(&c);
}

TEST(fetch_index_xbrl_long_line_abort)
{
    out_buf b = {0};
    const char *h = "Description:           XBRL Index of EDGAR Dissemination Feed\n"
                    "Last Data Received:    March 31, 2021\n\n"
                    "CIK|Company Name|Form Type|Date Filed|Filename\n"
                    "--------------------------------------------------------------------------------\n";
    put(&b, h, strlen(h));
    const char *r1 = "9900276|LANTERN BAY OPTICS|10-Q|2021-02-11|edgar/data/9900276/0009900276-21-000012.txt\n";
    put(&b, r1, strlen(r1));
    size_t long_at = b.n;
    for (int i = 0; i < 5000; i++) put(&b, "x", 1);
    put(&b, "\n", 1);
    put(&b, r1, strlen(r1));
    put(&b, r1, strlen(r1));
    collect c = {0};
    edgr_index_stats st;
    for (size_t chunk = 0; chunk <= 4097; chunk += 4097) {
        CHECK(run(b.p, b.n, chunk, &c, &st) == EDGR_OK);
        CHECK(st.kind == EDGR_INDEX_XBRL);
        CHECK(st.rows == 3 && st.bad_rows == 1);
        char want[80];
        snprintf(want, sizeof want, "%zu: line longer than 4096 bytes", long_at);
        CHECK(strncmp(c.errs.p, want, strlen(want)) == 0);
        done(&c);
    }
    /* on_row stops the parse */
    c.stop_after = 2;
    CHECK(run(b.p, b.n, 7, &c, &st) == EDGR_ERR_ABORTED);
    CHECK(st.rows == 2);
    done(&c);
    free(b.p);
}

/* Fed in chunks of any size, the rows (spans, offsets) and errors are the
 * same as from the whole buffer. */
TEST(fetch_index_chunks_same_as_whole)
{
    const char *inputs[] = {master_crlf, form_idx, company_idx};
    size_t lens[] = {sizeof master_crlf - 1, sizeof form_idx - 1, sizeof company_idx - 1};
    for (int k = 0; k < 3; k++) {
        collect whole = {0}, part = {0};
        edgr_index_stats a, b;
        edgr_status sa = run(inputs[k], lens[k], 0, &whole, &a);
        for (size_t chunk = 1; chunk < 200; chunk += chunk < 10 ? 1 : 37) {
            edgr_status sb = run(inputs[k], lens[k], chunk, &part, &b);
            CHECK(sa == sb);
            CHECK(a.rows == b.rows && a.bad_rows == b.bad_rows && a.kind == b.kind && a.bytes == b.bytes);
            CHECK(strcmp(whole.rows.p, part.rows.p) == 0);
            CHECK(strcmp(whole.errs.p, part.errs.p) == 0);
            done(&part);
        }
        done(&whole);
    }
}

TEST(fetch_index_accession_of_path)
{
    edgr_span a;
    const char *p = "edgar/data/9900270/0009900270-21-000001.txt";
    CHECK(edgr_index_accession((edgr_span){p, strlen(p)}, &a) == EDGR_OK);
    CHECK_SPAN(a, "0009900270-21-000001");
    p = "0009900270-21-000001";
    CHECK(edgr_index_accession((edgr_span){p, strlen(p)}, &a) == EDGR_OK);
    const char *bad[] = {"edgar/data/9900270/0009900270-21-00001.txt", "edgar/data/9900270/000990027a-21-000001.txt",
                         "edgar/data/9900270/0009900270_21-000001.txt", "", "edgar/data/9900270/"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(edgr_index_accession((edgr_span){bad[i], strlen(bad[i])}, &a) == EDGR_ERR_NOT_FOUND);
}

static int has_gap(const char *s, const char *e)
{
    for (; s + 1 < e; s++)
        if (s[0] == ' ' && s[1] == ' ') return 1;
    return 0;
}

/* Every real index file: each line after the dashes is a row, none is bad,
 * every accession comes from its file name and the path's CIK is the row's. */
TEST(fetch_index_real_corpus)
{
    const char *dir = EDGR_SOURCE_DIR "/../shared/corpus/index";
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "  skip fetch_index_real_corpus: %s absent\n", dir);
        return;
    }
    struct dirent *e;
    int files = 0;
    uint64_t total = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *raw = read_file(path, &len);
        if (!raw) continue;
        char *data = malloc(len + 1); /* NUL-terminated for the line count below */
        memcpy(data, raw, len);
        data[len] = '\0';
        free(raw);
        /* lines after the first dashed line that are not blank */
        uint64_t want = 0;
        const char *dash = strstr(data, "\n---");
        if (dash) {
            const char *s = strchr(dash + 1, '\n');
            while (s && *s) {
                s++;
                const char *nl = strchr(s, '\n');
                const char *end = nl ? nl : s + strlen(s);
                int blank = 1;
                for (const char *c = s; c < end; c++)
                    if (*c != ' ' && *c != '\r') blank = 0;
                want += !blank;
                s = nl;
            }
        }
        collect c = {0};
        edgr_index_stats st;
        edgr_status r = run(data, len, 0, &c, &st);
        if (r != EDGR_OK || st.rows != want || st.bad_rows || c.path_cik_mismatch) {
            fprintf(stderr, "  %s: status %d, %llu rows of %llu, %llu bad, %d path/CIK mismatches\n%s", e->d_name,
                    (int)r, (unsigned long long)st.rows, (unsigned long long)want, (unsigned long long)st.bad_rows,
                    c.path_cik_mismatch, c.errs.p);
            test_failures++;
        }
        /* the same in 4 KiB chunks */
        collect c2 = {0};
        edgr_index_stats st2;
        run(data, len, 4096, &c2, &st2);
        CHECK(strcmp(c.rows.p, c2.rows.p) == 0);
        /* form types keep single spaces only; names are not empty */
        for (const char *l = c.rows.p; *l;) {
            const char *nl = strchr(l, '\n');
            const char *b1 = strchr(l, '|'), *b2 = b1 ? strchr(b1 + 1, '|') : NULL;
            const char *b3 = b2 ? strchr(b2 + 1, '|') : NULL;
            if (!b3 || b2 == b1 + 1 || b3 == b2 + 1) test_failures++;
            else if (has_gap(b2 + 1, b3)) {
                fprintf(stderr, "  %s: form with a double space: %.*s\n", e->d_name, (int)(nl - l), l);
                test_failures++;
            }
            l = nl + 1;
        }
        if (strstr(e->d_name, "badform"))
            CHECK(strstr(c.rows.p, "|UNITED PLANNERS' FINANCIAL SERVICES OF AMERICA A LIMITED PARTNER|X-17A-5|20210224|"
                                   "9999999997-21-003146@"));
        if (strstr(e->d_name, "form.20200318")) CHECK(strstr(c.rows.p, "1749817|Belpointe REIT, Inc.|1-A POS|20200318|"));
        total += st.rows;
        files++;
        done(&c);
        done(&c2);
        free(data);
    }
    closedir(d);
    CHECK(files >= 1);
    fprintf(stderr, "  fetch_index_real_corpus: %d files, %llu rows\n", files, (unsigned long long)total);
}

/* The 2026 layout: the form column 17 wide (a 15-character type cut by
 * EDGAR), under a heading that still shows 12. */
TEST(fetch_index_wide_form_column)
{
    static const char wide[] =
        "Description:           Daily Index of EDGAR Dissemination Feed by Form Type\n"
        "Last Data Received:    Aug 20, 2026\n"
        "Comments:              webmaster@sec.gov\n"
        "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n"
        " \n \n \n \n"
        "Form Type   Company Name                                                  CIK         Date Filed  File Name\n"
        "---------------------------------------------------------------------------------------------------------------------------------------------\n"
        "DEF 14A          LANTERN BAY OPTICS                                            9900276     20260820    edgar/data/9900276/0009900276-26-000013.txt\n"
        "SEC STAFF ACTIO  ORCHARD VALE BANCORP                                          9900275     20260820    edgar/data/9900275/0009900275-26-000014.txt\n"
        "1-A POS          PELICAN HOLLOW MINING CO                                      9900270     20260820    edgar/data/9900270/0009900270-26-000015.txt\n";
    collect c = {0};
    edgr_index_stats st;
    CHECK(run(wide, sizeof wide - 1, 0, &c, &st) == EDGR_OK);
    CHECK(st.rows == 3 && st.bad_rows == 0);
    CHECK(strstr(c.rows.p, "9900276|LANTERN BAY OPTICS|DEF 14A|20260820|0009900276-26-000013@"));
    CHECK(strstr(c.rows.p, "9900275|ORCHARD VALE BANCORP|SEC STAFF ACTIO|20260820|"));
    CHECK(strstr(c.rows.p, "9900270|PELICAN HOLLOW MINING CO|1-A POS|20260820|"));
    done(&c);
}
