/* Unit tests of the facts readers: cover page, signatures, exhibits, dates
 * and check-box marks, on synthetic fixtures, small in-memory documents and
 * (when ../shared/corpus is present) the seed filing. */
#include <stdlib.h>

#include "edgr/facts.h"
#include "facts_int.h"
#include "test.h"

/* Parse a whole submission file and read its facts; NULL when absent. */
typedef struct loaded {
    char *buf;
    edgr_parser *p;
    const edgr_submission *s;
    edgr_facts f;
} loaded;

static int load(loaded *l, const char *path)
{
    size_t len;
    memset(l, 0, sizeof *l);
    if (!(l->buf = read_file(path, &len))) return 0;
    l->p = edgr_parser_new();
    size_t used;
    if (edgr_parse(l->p, l->buf, len, 0, EDGR_PARSE_DECODE, &l->s, &used) != EDGR_OK) return 0;
    return edgr_facts_extract(l->s, l->s->docs, l->s->doc_count, &l->f) == EDGR_OK;
}

static void unload(loaded *l)
{
    edgr_facts_free(&l->f);
    edgr_parser_free(l->p);
    free(l->buf);
}

/* Facts of a bare document held in a string. */
static void bare(const char *doc, edgr_facts *f)
{
    edgr_document d;
    edgr_document_bare(doc, strlen(doc), &d);
    CHECK(edgr_facts_extract(NULL, &d, 1, f) == EDGR_OK);
}

TEST(facts_seed_filing_from_the_corpus)
{
    loaded l;
    const char *path = EDGR_SOURCE_DIR "/../shared/corpus/submissions/0001144204-17-013452.txt";
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        fprintf(stderr, "  skipped: corpus absent (%s)\n", path);
        return;
    }
    fclose(probe);
    CHECK(load(&l, path));
    const edgr_cover *c = &l.f.cover;
    CHECK_STR(c->incorporation.value, "Delaware");
    CHECK(c->incorporation.source == EDGR_FACT_TEXT);
    CHECK_STR(c->file_number.value, "1-36598");
    CHECK_STR(c->irs_number.value, "04-3321804");
    CHECK_STR(c->address.value, "3301 Agriculture Drive, Madison, WI 53716");
    CHECK_STR(c->phone.value, "(608) 441-8120");
    CHECK(c->written_communications.value == 0 && c->soliciting_material.value == 0 &&
          c->pre_commencement_tender_offer.value == 0 && c->pre_commencement_issuer_tender_offer.value == 0);
    CHECK(l.f.signatures.signer_count == 1);
    if (l.f.signatures.signer_count) {
        const edgr_signer *s = &l.f.signatures.signers[0];
        CHECK_STR(s->name, "Chad J. Kolean");
        CHECK_STR(s->title, "Vice President and Chief Financial Officer");
        CHECK_STR(s->date_text, "March 8, 2017");
        CHECK_STR(s->date, "2017-03-08");
    }
    CHECK(l.f.exhibit_index_count == 1 && l.f.exhibit_doc_count == 1);
    if (l.f.exhibit_index_count && l.f.exhibit_doc_count) {
        CHECK_STR(l.f.exhibit_index[0].number, "99.1");
        CHECK(l.f.exhibit_index[0].exhibit_doc == 0);
        CHECK_STR(l.f.exhibit_docs[0].type, "EX-99.1");
        CHECK(l.f.exhibit_docs[0].listed == 0);
    }
    unload(&l);
}

TEST(facts_inline_xbrl_wins_over_text)
{
    loaded l;
    CHECK(load(&l, EDGR_SOURCE_DIR "/tests/fixtures/facts/0009900021-23-000004.txt"));
    const edgr_cover *c = &l.f.cover;
    CHECK_STR(c->registrant.value, "QUILLFEATHER ROBOTICS CORP.");
    CHECK(c->registrant.source == EDGR_FACT_IXBRL);
    CHECK_STR(c->incorporation.value, "Nevada");
    CHECK_STR(c->file_number.value, "001-99021");
    CHECK_STR(c->irs_number.value, "99-0551234");
    CHECK_STR(c->address.value, "77 Tinkers Wharf, Suite 5, Port Avery, Oregon 97999");
    CHECK_STR(c->phone.value, "(503) 555-0177");
    CHECK(c->phone.source == EDGR_FACT_IXBRL);
    CHECK(c->written_communications.value == 1 && c->written_communications.source == EDGR_FACT_IXBRL);
    CHECK(c->soliciting_material.value == 0);
    CHECK(c->emerging_growth_company.value == 1 && c->emerging_growth_company.source == EDGR_FACT_IXBRL);
    CHECK(c->security_count == 2);
    if (c->security_count == 2) {
        CHECK_STR(c->securities[1].trading_symbol, "QFRW");
        CHECK_STR(c->securities[0].exchange, "The Nasdaq Stock Market LLC");
        CHECK(c->securities[0].source == EDGR_FACT_IXBRL);
    }
    const edgr_signatures *sg = &l.f.signatures;
    CHECK_STR(sg->registrant, "QUILLFEATHER ROBOTICS CORP.");
    CHECK(sg->signer_count == 1);
    if (sg->signer_count) {
        CHECK_STR(sg->signers[0].name, "Marisol T. Okonkwo-Reyes");
        CHECK_STR(sg->signers[0].title, "Chief Financial Officer & Treasurer");
        CHECK_STR(sg->signers[0].date, "2023-06-12");
    }
    /* 10.1 and 99.01 match EX-10.1 and EX-99.1; 104 has no document and
     * EX-99.2 is not in the table */
    CHECK(l.f.exhibit_index_count == 3 && l.f.exhibit_doc_count == 3);
    if (l.f.exhibit_index_count == 3 && l.f.exhibit_doc_count == 3) {
        CHECK_STR(l.f.exhibit_index[0].number, "10.1");
        CHECK(l.f.exhibit_index[0].exhibit_doc == 0);
        CHECK(l.f.exhibit_index[1].exhibit_doc == 1);
        CHECK(l.f.exhibit_index[2].exhibit_doc == -1);
        CHECK(l.f.exhibit_docs[2].listed == -1);
    }
    unload(&l);
}

TEST(facts_plain_text_cover_with_bracket_boxes)
{
    loaded l;
    CHECK(load(&l, EDGR_SOURCE_DIR "/tests/fixtures/facts/0009900022-04-000011.txt"));
    const edgr_cover *c = &l.f.cover;
    CHECK_STR(c->registrant.value, "BRACKENRIDGE MILLWORKS, INC.");
    CHECK(c->registrant.source == EDGR_FACT_TEXT);
    CHECK_STR(c->incorporation.value, "Pennsylvania");
    CHECK_STR(c->file_number.value, "000-99022");
    CHECK_STR(c->irs_number.value, "99-0661122");
    CHECK_STR(c->address.value, "410 Foundry Lane, Hollow Creek, Pennsylvania 19999");
    CHECK_STR(c->phone.value, "(610) 555-0133");
    CHECK(c->written_communications.value == 0 && c->soliciting_material.value == 1);
    CHECK(c->pre_commencement_tender_offer.value == 0 && c->pre_commencement_issuer_tender_offer.value == 0);
    CHECK(c->emerging_growth_company.value == -1);
    CHECK(l.f.signatures.signer_count == 1);
    if (l.f.signatures.signer_count) {
        CHECK_STR(l.f.signatures.signers[0].name, "Edwin P. Haverford");
        CHECK_STR(l.f.signatures.signers[0].title, "President and Chief Executive Officer");
        CHECK_STR(l.f.signatures.signers[0].date, "2004-11-05");
    }
    CHECK(l.f.exhibit_index_count == 1 && l.f.exhibit_index[0].exhibit_doc == 0);
    unload(&l);
}

TEST(facts_10k_signature_table)
{
    static const char doc[] =
        "<html><body><p>SIGNATURES</p><p>Pursuant to the requirements of Section 13 or 15(d) of the "
        "Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on "
        "its behalf by the undersigned, thereunto duly authorized.</p>"
        "<table><tr><td>Date: February 20, 2024</td><td>Larkspur Dynamics, Inc.</td></tr>"
        "<tr><td></td><td>By: /s/ Odile Fenwick</td></tr><tr><td></td><td>Odile Fenwick</td></tr>"
        "<tr><td></td><td>Chief Executive Officer</td></tr></table>"
        "<table><tr><td>Signature</td><td>Title</td><td>Date</td></tr>"
        "<tr><td>/s/ Odile Fenwick</td><td>Chief Executive Officer and Director</td><td>February 20, 2024</td></tr>"
        "<tr><td>ODILE FENWICK</td><td>(Principal Executive Officer)</td><td></td></tr>"
        "<tr><td>/s/ Rafe Almqvist</td><td>Chief Financial Officer</td><td>February 21, 2024</td></tr>"
        "<tr><td>/s/ Tomasz Brightwater</td><td>Director</td><td>February 21, 2024</td></tr>"
        "</table></body></html>";
    edgr_facts f = {0};
    bare(doc, &f);
    const edgr_signatures *sg = &f.signatures;
    CHECK_STR(sg->registrant, "Larkspur Dynamics, Inc.");
    CHECK_STR(sg->date, "2024-02-20");
    CHECK(sg->signer_count == 4);
    if (sg->signer_count == 4) {
        CHECK_STR(sg->signers[0].name, "Odile Fenwick");
        CHECK_STR(sg->signers[0].title, "Chief Executive Officer");
        CHECK_STR(sg->signers[1].title, "Chief Executive Officer and Director (Principal Executive Officer)");
        CHECK_STR(sg->signers[2].name, "Rafe Almqvist");
        CHECK_STR(sg->signers[2].date, "2024-02-21");
        CHECK_STR(sg->signers[3].title, "Director");
    }
    /* reuse: a second document replaces everything */
    bare("<p>nothing here</p>", &f);
    CHECK(f.signatures.signer_count == 0 && !f.cover.registrant.value && f.exhibit_index_count == 0);
    edgr_facts_free(&f);
    edgr_facts_free(&f); /* twice is harmless */
}

TEST(facts_checkbox_marks)
{
    int c;
    CHECK(fx_mark("\xE2\x98\x90 x", 5, &c) == 3 && c == 0);   /* ☐ */
    CHECK(fx_mark("\xE2\x98\x92", 3, &c) == 3 && c == 1);     /* ☒ */
    CHECK(fx_mark("\xE2\x98\x91", 3, &c) == 3 && c == 1);     /* ☑ */
    CHECK(fx_mark("\xC3\xBD", 2, &c) == 2 && c == 1);         /* ý */
    CHECK(fx_mark("\xC3\xBE", 2, &c) == 2 && c == 1);         /* þ */
    CHECK(fx_mark("\xC2\xA8", 2, &c) == 2 && c == 0);         /* ¨ */
    CHECK(fx_mark("[X] Written", 11, &c) == 3 && c == 1);
    CHECK(fx_mark("[ ] Written", 11, &c) == 3 && c == 0);
    CHECK(fx_mark("o Written", 9, &c) == 1 && c == 0);
    CHECK(fx_mark("x Written", 9, &c) == 1 && c == 1);
    CHECK(fx_mark("Written", 7, &c) == 0);
    CHECK(fx_mark("(17 CFR", 7, &c) == 0);
}

TEST(facts_dates)
{
    char iso[11];
    size_t at, len;
    CHECK(edgr_date_find("Dated: March 8, 2017", 20, iso, &at, &len) && !strcmp(iso, "2017-03-08") &&
          at == 7 && len == 13);
    CHECK(edgr_date_find("Mar. 8, 2017", 12, iso, NULL, NULL) && !strcmp(iso, "2017-03-08"));
    CHECK(edgr_date_find("Sept. 30, 2004", 14, iso, NULL, NULL) && !strcmp(iso, "2004-09-30"));
    CHECK(edgr_date_find("8 March 2017", 12, iso, NULL, NULL) && !strcmp(iso, "2017-03-08"));
    CHECK(edgr_date_find("on 03/08/2017.", 14, iso, NULL, NULL) && !strcmp(iso, "2017-03-08"));
    CHECK(edgr_date_find("3/8/17", 6, iso, NULL, NULL) && !strcmp(iso, "2017-03-08"));
    CHECK(edgr_date_find("2017-03-08", 10, iso, NULL, NULL) && !strcmp(iso, "2017-03-08"));
    CHECK(edgr_date_find("November 1st, 2024", 18, iso, NULL, NULL) && !strcmp(iso, "2024-11-01"));
    CHECK(!edgr_date_find("May we", 6, iso, NULL, NULL));
    CHECK(!edgr_date_find("February 30", 11, iso, NULL, NULL));
    CHECK(!edgr_date_find("Item 13.45", 10, iso, NULL, NULL));
}

/* The one reader of prose dates serves the signatures and the 8-K cover's
 * "Date of Report" (items.c): every format either read before it was one. */
static int date_is(const char *p, const char *want)
{
    char iso[11];
    return edgr_date_find(p, strlen(p), iso, NULL, NULL) && !strcmp(iso, want);
}

TEST(facts_dates_union)
{
    /* as the signatures read them */
    CHECK(date_is("March 8, 2017", "2017-03-08"));
    CHECK(date_is("8 March 2017", "2017-03-08"));
    CHECK(date_is("9 December 1999", "1999-12-09"));
    CHECK(date_is("3/8/17", "2017-03-08"));
    CHECK(date_is("2017-03-08", "2017-03-08"));
    CHECK(date_is("November 1st, 2024", "2024-11-01"));
    /* as the 8-K cover's Date of Report read them */
    CHECK(date_is("DEC. 9, 1999", "1999-12-09"));
    CHECK(date_is("December 9, 1999", "1999-12-09"));
    CHECK(date_is("December 9 1999", "1999-12-09"));
    CHECK(date_is("12/09/1999", "1999-12-09"));
    CHECK(date_is("3/3/2003", "2003-03-03"));
    CHECK(date_is("reported): March 3, 2003", "2003-03-03"));
    CHECK(date_is("Decem 9, 1999", "1999-12-09"));               /* a month's first letters */
    CHECK(date_is("SEPTEM. 30, 2004", "2004-09-30"));
    CHECK(date_is("March\xC2\xA0" "3,\xC2\xA0" "2003", "2003-03-03")); /* no-break spaces */
    CHECK(date_is("March 3 , 2003", "2003-03-03"));
    /* and neither reads */
    CHECK(!date_is("Ma 3, 2003", "2003-03-03"));
    CHECK(!date_is("March 3, 203", "0203-03-03"));
    CHECK(!date_is("13/09/1999", "1999-13-09"));
}

typedef struct jbuf {
    char data[8192];
    size_t n;
} jbuf;

static int jbuf_write(void *user, const char *p, size_t n)
{
    jbuf *b = user;
    if (b->n + n >= sizeof b->data) return 1;
    memcpy(b->data + b->n, p, n);
    b->n += n;
    b->data[b->n] = 0;
    return 0;
}

TEST(facts_json_is_escaped)
{
    static const char doc[] = "<html><body><p>ACME \"QUOTE\" \\ CO.<br/>(Exact name of registrant as specified in its charter)</p></body></html>";
    edgr_facts f = {0};
    edgr_document d;
    edgr_document_bare(doc, strlen(doc), &d);
    CHECK(edgr_facts_extract(NULL, &d, 1, &f) == EDGR_OK);
    CHECK_STR(f.cover.registrant.value, "ACME \"QUOTE\" \\ CO.");
    jbuf *b = calloc(1, sizeof *b);
    edgr_json_source src = EDGR_JSON_SOURCE_INIT;
    src.path = "a\"b";
    CHECK(edgr_facts_write_json(&f, NULL, &d, &src, 0, jbuf_write, b) == EDGR_OK);
    CHECK(strstr(b->data, "{\"source\":{\"path\":\"a\\\"b\",\"member\":null,") == b->data);
    CHECK(strstr(b->data, "\"registrant\":{\"value\":\"ACME \\\"QUOTE\\\" \\\\ CO.\",\"source\":\"text\"") != NULL);
    CHECK(strstr(b->data, "\"signers\":[]") != NULL);
    CHECK(edgr_facts_write_json(&f, NULL, &d, NULL, 0, NULL, b) == EDGR_ERR_ARG);
    /* an archive member: the archive's path and the member's name */
    b->n = 0;
    src.path = "feed.tar.gz";
    src.member = "m/1.txt";
    CHECK(edgr_facts_write_json(&f, NULL, &d, &src, 0, jbuf_write, b) == EDGR_OK);
    CHECK(strstr(b->data, "{\"source\":{\"path\":\"feed.tar.gz\",\"member\":\"m/1.txt\",") == b->data);
    /* a struct that was not set up is refused */
    edgr_json_source zero = {0};
    CHECK(edgr_facts_write_json(&f, NULL, &d, &zero, 0, jbuf_write, b) == EDGR_ERR_ARG);
    free(b);
    edgr_facts_free(&f);
}

/* Found by fuzz_store: a run of five or more digit groups ("--12-31 0.25 1
 * (650) 800-6676" on a cover) made the phone reader index past its group
 * table (UBSan: index 5 out of bounds). */
TEST(facts_phone_with_many_digit_groups)
{
    size_t at = 0, len = 0;
    const char *five = "12-31 0 25 1 7 (207) 555-0100";
    CHECK(fx_phone_at(five, strlen(five), &at, &len) == 1);
    CHECK(len >= 14 && at + len <= strlen(five) && !memcmp(five + at + len - 8, "555-0100", 8));
    const char *groups = "1 2 3 4 5 6 7 8 9";
    CHECK(fx_phone_at(groups, strlen(groups), &at, &len) == 0);
    const char *plain = "Telephone: (608) 441-8120";
    CHECK(fx_phone_at(plain, strlen(plain), &at, &len) == 1 && len == 14);
}

/* ---- the inline-XBRL reader stays linear (as md4c's pathological tests) ----
 *
 * A page of n ix:nonNumeric dei facts nested inside each other, or side by
 * side.  The reader counts the bytes it goes over (fx_state.ix_work: its
 * scans of the page and the fact contents it reads as text); eight times the
 * facts must cost about eight times the work, not sixty-four.  A count, not a
 * clock: the test is deterministic and fast on any machine. */

typedef struct ixpage {
    char *p;
    size_t n, cap;
} ixpage;

static void ixp_add(ixpage *b, const char *s)
{
    size_t l = strlen(s);
    if (b->n + l + 1 > b->cap) {
        b->cap = (b->n + l + 1) * 2;
        b->p = realloc(b->p, b->cap);
    }
    if (!b->p) return;
    memcpy(b->p + b->n, s, l + 1);
    b->n += l;
}

enum { IXP_NESTED_SAME, IXP_NESTED_SECURITIES, IXP_NESTED_EMPTY, IXP_FLAT };

/* The page of shape `shape` with n facts. */
static ixpage ix_page(int shape, int n)
{
    ixpage b = {0};
    char tag[160];
    ixp_add(&b, "<html><body><p>FORM 8-K</p>\n");
    for (int i = 0; i < n; i++) {
        switch (shape) {
        case IXP_NESTED_SAME:
            ixp_add(&b, "<ix:nonNumeric name=\"dei:EntityRegistrantName\" contextRef=\"c0\">");
            break;
        case IXP_NESTED_SECURITIES:
            snprintf(tag, sizeof tag, "<ix:nonNumeric name=\"dei:Security12bTitle\" contextRef=\"c%d\"><span>", i % 40);
            ixp_add(&b, tag);
            break;
        case IXP_NESTED_EMPTY:
            ixp_add(&b, "<ix:nonNumeric name=\"dei:EntityRegistrantName\" contextRef=\"c0\"><b>");
            break;
        default:
            snprintf(tag, sizeof tag,
                     "<p><ix:nonNumeric name=\"dei:Security12bTitle\" contextRef=\"c%d\">Note %d</ix:nonNumeric></p>\n",
                     i, i);
            ixp_add(&b, tag);
            break;
        }
    }
    if (shape == IXP_NESTED_SAME) ixp_add(&b, "Fictional Nested Corp");
    if (shape == IXP_NESTED_SECURITIES) ixp_add(&b, "Common Stock");
    for (int i = 0; shape != IXP_FLAT && i < n; i++)
        ixp_add(&b, shape == IXP_NESTED_SAME ? "</ix:nonNumeric>" : shape == IXP_NESTED_EMPTY ? "</b></ix:nonNumeric>"
                                                                                             : "</span></ix:nonNumeric>");
    ixp_add(&b, "\n</body></html>\n");
    return b;
}

/* The reader's work on the page of shape `shape` with n facts. */
static uint64_t ix_work(int shape, int n, edgr_facts *f)
{
    ixpage b = ix_page(shape, n);
    CHECK(b.p != NULL);
    if (!b.p) return 0;
    edgr_document d;
    edgr_document_bare(b.p, b.n, &d);
    CHECK(d.format == EDGR_FMT_HTML);
    CHECK(edgr_facts_extract(NULL, &d, 1, f) == EDGR_OK);
    uint64_t w = f->priv ? ((const fx_state *)f->priv)->ix_work : 0;
    CHECK(w >= b.n); /* the page is read once at least */
    free(b.p);
    return w;
}

TEST(facts_inline_xbrl_reader_is_linear)
{
    enum { N = 200 };
    static const char *const names[] = {"nested, one name", "nested, 40 contexts", "nested, no text", "side by side"};
    for (int shape = IXP_NESTED_SAME; shape <= IXP_FLAT; shape++) {
        edgr_facts f = {0};
        uint64_t small = ix_work(shape, N, &f);
        uint64_t big = ix_work(shape, 8 * N, &f);
        /* what the reader found is the same on the big page */
        if (shape == IXP_NESTED_SAME) CHECK_STR(f.cover.registrant.value, "Fictional Nested Corp");
        if (shape == IXP_NESTED_SECURITIES) {
            CHECK(f.cover.security_count == 32); /* IX_MAX_CTX contexts */
            if (f.cover.security_count) CHECK_STR(f.cover.securities[0].title, "Common Stock");
        }
        if (shape == IXP_FLAT) CHECK(f.cover.security_count == 32); /* IX_MAX_CTX contexts */
        edgr_facts_free(&f);
        /* linear: 8x the facts, at most 10x the work (quadratic would be 64x) */
        if (!(small && big <= small * 10)) {
            fprintf(stderr, "  %s: work %llu for %d facts, %llu for %d (%.1fx)\n", names[shape],
                    (unsigned long long)small, N, (unsigned long long)big, 8 * N, small ? (double)big / small : 0.0);
            test_failures++;
        }
    }
}

/* ---- the main document: one rule for the library, the store and the CLI ---- */

/* A submission of form `form` with documents of the given types and file
 * names (the format follows the name), parsed; the caller frees p and buf. */
static const edgr_submission *sub_of(const char *form, const char *const *types, const char *const *names, int n,
                                     edgr_parser **p, char **buf)
{
    static const char head[] =
        "<SEC-DOCUMENT>0009900150-24-000001.txt : 20240105\n<SEC-HEADER>0009900150-24-000001.hdr.sgml : 20240105\n"
        "ACCESSION NUMBER:\t\t0009900150-24-000001\nCONFORMED SUBMISSION TYPE:\t%s\nPUBLIC DOCUMENT COUNT:\t\t%d\n"
        "FILED AS OF DATE:\t\t20240105\n\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tMaindoc Test Corp\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0009900150\n</SEC-HEADER>\n";
    size_t cap = 8192, len;
    *buf = malloc(cap);
    if (!*buf) return NULL;
    len = (size_t)snprintf(*buf, cap, head, form, n);
    for (int i = 0; i < n; i++) {
        int pdf = strstr(names[i], ".pdf") != NULL;
        len += (size_t)snprintf(*buf + len, cap - len,
                                "<DOCUMENT>\n<TYPE>%s\n<SEQUENCE>%d\n<FILENAME>%s\n<TEXT>\n%s\n</TEXT>\n</DOCUMENT>\n",
                                types[i], i + 1, names[i],
                                pdf ? "<PDF>\nbegin 644 x.pdf\n`\nend\n</PDF>" : "<html><body><p>Text.</p></body></html>");
    }
    len += (size_t)snprintf(*buf + len, cap - len, "</SEC-DOCUMENT>\n");
    *p = edgr_parser_new();
    const edgr_submission *s = NULL;
    size_t used;
    if (!*p || edgr_parse(*p, *buf, len, 0, EDGR_PARSE_DECODE, &s, &used) != EDGR_OK) return NULL;
    return s;
}

static long main_of(const char *form, const char *const *types, const char *const *names, int n)
{
    edgr_parser *p = NULL;
    char *buf = NULL;
    const edgr_submission *s = sub_of(form, types, names, n, &p, &buf);
    CHECK(s != NULL && s->doc_count == (size_t)n);
    long m = s ? edgr_main_document(s, s->docs, s->doc_count) : -2;
    edgr_parser_free(p);
    free(buf);
    return m;
}

TEST(main_document_rule)
{
    /* 1. the form's own document, even when another comes first */
    CHECK(main_of("10-K", (const char *const[]){"10-K", "EX-21"}, (const char *const[]){"a.htm", "b.htm"}, 2) == 0);
    CHECK(main_of("10-K", (const char *const[]){"CORRESP", "10-K"}, (const char *const[]){"a.htm", "b.htm"}, 2) == 1);
    /* 2. no document of the form's type, or the form's is a PDF: the first with text */
    CHECK(main_of("8-K/A", (const char *const[]){"8-K", "EX-99.1"}, (const char *const[]){"a.htm", "b.htm"}, 2) == 0);
    CHECK(main_of("UPLOAD", (const char *const[]){"LETTER", "TEXT-EXTRACT"}, (const char *const[]){"a.pdf", "b.txt"}, 2) ==
          1);
    /* 3. nothing with text */
    CHECK(main_of("UPLOAD", (const char *const[]){"LETTER"}, (const char *const[]){"a.pdf"}, 1) == -1);
    /* a bare document, no submission */
    edgr_document d;
    edgr_document_bare("<html><p>x</p></html>", 21, &d);
    CHECK(edgr_main_document(NULL, &d, 1) == 0);
    CHECK(edgr_main_document(NULL, NULL, 0) == -1);
}
