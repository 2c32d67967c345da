/* Unit tests of the text converters: every HTML tokenizer quirk that changes
 * what text comes out, layout (blocks, lists, pre, tables in three styles),
 * charsets, and the plain-text (1990s) converter. */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "edgr/text.h"
#include "entities.h"
#include "pages.h"
#include "test.h"

/* The last result; kept in a global so it is freed on the next call (and is
 * still reachable, not a leak, at exit). */
static edgr_text last;

static const char *conv(const char *in, size_t n, edgr_charset cs, edgr_table_style style)
{
    edgr_text_options o = {.struct_size = sizeof o, .tables = style};
    if (edgr_html_to_text(in, n, cs, &o, &last) != EDGR_OK) return "(error)";
    return last.data ? last.data : "";
}
/* HTML, UTF-8, aligned tables */
static const char *html(const char *in) { return conv(in, strlen(in), EDGR_CS_UTF8, EDGR_TABLES_TEXT); }
static const char *plain(const char *in, edgr_charset cs)
{
    if (edgr_plain_to_text(in, strlen(in), cs, NULL, &last) != EDGR_OK) return "(error)";
    return last.data ? last.data : "";
}

/* CHECK_TEXT(got, want): strings equal; shows both when they are not. */
#define CHECK_TEXT(got, want)                                                      \
    do {                                                                           \
        const char *g_ = (got), *w_ = (want);                                      \
        if (strcmp(g_, w_) != 0) {                                                 \
            fprintf(stderr, "  %s:%d: got\n---\n%s---\n  want\n---\n%s---\n", __FILE__, \
                    __LINE__, g_, w_);                                             \
            test_failures++;                                                       \
        }                                                                          \
    } while (0)

/* ---- character references ------------------------------------------------ */

TEST(text_named_references)
{
    CHECK_TEXT(html("a&amp;b &lt;c&gt; &quot;d&quot;"), "a&b <c> \"d\"\n");
    CHECK_TEXT(html("It&rsquo;s &mdash; &ldquo;x&rdquo; &euro;5 &eacute;"),
               "It\xE2\x80\x99s \xE2\x80\x94 \xE2\x80\x9Cx\xE2\x80\x9D \xE2\x82\xAC" "5 \xC3\xA9\n");
    /* &nbsp; is white space, collapsed with its neighbours */
    CHECK_TEXT(html("ITEM&nbsp;9A.&nbsp;&nbsp; Controls"), "ITEM 9A. Controls\n");
    /* names are case-sensitive, but the legacy upper-case ones exist */
    CHECK_TEXT(html("A &AMP; B &LT; &COPY; &Amp;"), "A & B < \xC2\xA9 &Amp;\n");
    /* unknown names, bare ampersands and an ampersand at the end are text */
    CHECK_TEXT(html("AT&T &bogus; a & b &;x &"), "AT&T &bogus; a & b &;x &\n");
}

TEST(text_named_references_full_table)
{
    /* entries from every part of the WHATWG table: astral values, two code
     * point values, the longest name, the first and the last */
    CHECK_TEXT(html("&Afr;&NotNestedGreaterGreater;&CounterClockwiseContourIntegral;&AElig;&zwnj;x"),
               "\xF0\x9D\x94\x84\xE2\xAA\xA2\xCC\xB8\xE2\x88\xB3\xC3\x86\xE2\x80\x8Cx\n");
    const char *v;
    size_t vn;
    CHECK(entity_match("zwj;", 4, &v, &vn) == 4 && vn == 3);
    CHECK(entity_match("ThickSpace;", 11, &v, &vn) == 11 && vn == 6); /* U+205F U+200A */
    CHECK(entity_match("Nope;", 5, &v, &vn) == 0);
    CHECK(entity_match("", 0, &v, &vn) == 0);
    /* a name longer than any in the table is not read past its limit */
    char longname[200];
    memset(longname, 'a', sizeof longname);
    CHECK(entity_match(longname, sizeof longname, &v, &vn) == 0);
}

TEST(text_legacy_references_without_semicolon)
{
    /* the legacy names match without ';' (WHATWG), libxml2 leaves them */
    CHECK_TEXT(html("x&nbspy &copy 2020 &reg; &AMP &lt3"), "x y \xC2\xA9 2020 \xC2\xAE & <3\n");
    /* the longest legacy prefix wins: &notit; is &not + "it;" */
    CHECK_TEXT(html("&notit; &notin; &not"), "\xC2\xACit; \xE2\x88\x89 \xC2\xAC\n");
    /* names that need their ';' do not match without it */
    CHECK_TEXT(html("&rsquo &mdash x"), "&rsquo &mdash x\n");
}

TEST(text_numeric_references)
{
    CHECK_TEXT(html("&#65;&#x42;&#X43;&#x00044;&#0069"), "ABCDE\n");
    CHECK_TEXT(html("&#8217;&#x2019;"), "\xE2\x80\x99\xE2\x80\x99\n");
    /* 128-159 mean Windows-1252 */
    CHECK_TEXT(html("it&#146;s&#151;&#147;q&#148; &#128; &#x96;"),
               "it\xE2\x80\x99s\xE2\x80\x94\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x82\xAC \xE2\x80\x93\n");
    /* ... except the five it leaves undefined */
    CHECK_TEXT(html("&#129;&#141;"), "\xC2\x81\xC2\x8D\n");
    /* NUL, surrogates and values past U+10FFFF become U+FFFD */
    CHECK_TEXT(html("a&#0;b&#xD800;c&#1114112;d&#99999999999999999999;e"),
               "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e\n");
    CHECK_TEXT(html("&#x1F600;"), "\xF0\x9F\x98\x80\n");
    /* no digits: literal */
    CHECK_TEXT(html("&# &#; &#x; &#xg"), "&# &#; &#x; &#xg\n");
    /* &#160; and &#32; are white space */
    CHECK_TEXT(html("a&#160;&#160;b&#32;&#32;c&#10;d"), "a b c d\n");
}

/* ---- markup ---------------------------------------------------------------- */

TEST(text_comments)
{
    CHECK_TEXT(html("a<!-- x < y -->b<!-- -- -->c"), "abc\n");
    CHECK_TEXT(html("a<!-->b<!--->c"), "abc\n");          /* abruptly closed */
    CHECK_TEXT(html("a<!-- x --!>b"), "ab\n");             /* --!> closes too */
    CHECK_TEXT(html("a<!-- x -> <p>y</p> - ->b-->c"), "ac\n");
    CHECK_TEXT(html("a<!-- never closed <p>b</p>"), "a\n"); /* to the end */
    CHECK_TEXT(html("a<!DOCTYPE html>b<![CDATA[x]]>c<?xml version='1.0'?>d<!x>e"), "abcde\n");
}

TEST(text_raw_text_elements)
{
    CHECK_TEXT(html("a<script>if (a<b && c>d) x = \"</p><b>\";</script>b"), "ab\n");
    CHECK_TEXT(html("a<SCRIPT type=x>1 </scriptx> 2</SCRIPT >b"), "ab\n");
    CHECK_TEXT(html("a<style>p < q { color: red }</style>b<title>T</title>c"), "abc\n");
    CHECK_TEXT(html("a<style>unterminated <p>text"), "a\n");
    /* self-closed <script/> still opens raw text (HTML ignores the '/') */
    CHECK_TEXT(html("a<script/>x</script>b"), "ab\n");
    /* textarea and xmp keep their raw text, markup included */
    CHECK_TEXT(html("<xmp><b>&amp;</b></xmp>"), "<b>&amp;</b>\n");
    CHECK_TEXT(html("a<plaintext></plaintext><p>b"), "a</plaintext><p>b\n");
}

TEST(text_attributes)
{
    CHECK_TEXT(html("<p class=x id=y-1 data=a/b>one</p><p title=\"a>b\">two</p><p title='>'>three</p>"),
               "one\n\ntwo\n\nthree\n");
    CHECK_TEXT(html("<a href=\"x\"title='y'\n  data-x = \"z\" >link</a><p\tclass=a>x"), "link\n\nx\n");
    CHECK_TEXT(html("<img src=x.gif alt=\"logo\">A<br/>B<br />C"), "A\nB\nC\n");
    CHECK_TEXT(html("<p =x>a</p>"), "a\n");
    /* EOF inside a tag or a quoted value: the tag is dropped */
    CHECK_TEXT(html("a<p title=\"x>b"), "a\n");
    CHECK_TEXT(html("a<p"), "a\n");
    /* '<' not followed by a letter is text */
    CHECK_TEXT(html("a < b, 1<2, x<"), "a < b, 1<2, x<\n");
    CHECK_TEXT(html("a</>b</ x>c"), "abc\n");
}

TEST(text_display_none)
{
    CHECK_TEXT(html("a<span style=\"display:none\">x</span>b<div style=\"color:red; DISPLAY : None\">y</div>c"),
               "ab\n\nc\n");
    /* nested elements of the same name inside the hidden one */
    CHECK_TEXT(html("<div style=display:none>x<div>y</div>z</div>after"), "after\n");
    CHECK_TEXT(html("<p hidden>x</p>y"), "y\n");
    CHECK_TEXT(html("a<span style=\"display: block\">x</span>b"), "axb\n");
    /* a hidden <p> that is never closed ends where a <p> would end */
    CHECK_TEXT(html("<p>a</p><p style=\"display:none\">hidden<p>shown</p><p>more"),
               "a\n\nshown\n\nmore\n");
    CHECK_TEXT(html("<p style=\"display:none\">hidden<div>shown</div>"), "shown\n");
    CHECK_TEXT(html("<p style=\"display:none\">hidden<table><tr><td>t</td></tr></table>"), "t\n");
    /* an unclosed hidden cell ends at the next cell or row */
    CHECK_TEXT(html("<table><tr><td style=display:none>h<td>a</td><td>b</td></tr></table>"), "a  b\n");
    /* ... but not at a cell of a table nested inside it */
    CHECK_TEXT(html("<table><tr><td style=display:none><table><tr><td>h1</td><td>h2</td></tr></table>"
                    "h3</td><td>a</td><td>b</td></tr></table>"),
               "a  b\n");
    /* hidden tables and lists, with tables and lists nested inside */
    CHECK_TEXT(html("<table style=display:none><tr><td><table><tr><td>x</td></tr></table></td></tr></table>"
                    "<ul hidden><li>a<ol><li>b</ol><ul><li>c</ul></ul>after"),
               "after\n");
    CHECK_TEXT(html("<ul><li>a<li style=display:none>b<ul><li>c</ul><li>d</ul>"),
               "\xE2\x80\xA2 a\n\xE2\x80\xA2 d\n");
    /* end of the document ends it */
    CHECK_TEXT(html("<html><body><div style=display:none>x</body></html>after"), "after\n");
}

TEST(text_inline_xbrl)
{
    const char *doc =
        "<html xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"><body>"
        "<div style=\"display:none\"><ix:header><ix:hidden><ix:nonNumeric name=\"dei:X\">secret"
        "</ix:nonNumeric></ix:hidden><ix:references><link:schemaRef/></ix:references>"
        "<ix:resources><xbrli:context id=\"c\">c</xbrli:context></ix:resources></ix:header></div>"
        "<ix:header><div>also hidden</div></ix:header>"
        "<p>Revenue was $<ix:nonFraction name=\"us-gaap:Revenues\" contextRef=\"c\" "
        "unitRef=\"usd\" scale=\"6\" format=\"ixt:num-dot-decimal\">1,234</ix:nonFraction> million."
        "</p><ix:continuation id=\"k\"><p>Continued.</p></ix:continuation></body></html>";
    CHECK_TEXT(html(doc), "Revenue was $1,234 million.\n\nContinued.\n");
    CHECK_TEXT(html("<IX:HEADER>x</IX:HEADER>y"), "y\n");
}

TEST(text_after_html_end_is_kept)
{
    CHECK_TEXT(html("<html><body><p>in</p></body></html>\n<p>after</p>tail"), "in\n\nafter\n\ntail\n");
    CHECK_TEXT(html("</html>x"), "x\n");
}

/* Deep nesting: output must be right (the converter keeps no element stack,
 * so this is linear; the test asserts the text only). */
TEST(text_deep_nesting)
{
    enum { DIVS = 20000, FONTS = 5000 };
    char *b = malloc(DIVS * 11 + 100), *p = b;
    for (int i = 0; i < DIVS; i++) p += sprintf(p, "<div>");
    p += sprintf(p, "deep");
    for (int i = 0; i < DIVS; i++) p += sprintf(p, "</div>");
    p += sprintf(p, "after");
    CHECK_TEXT(conv(b, (size_t)(p - b), EDGR_CS_ASCII, EDGR_TABLES_TEXT), "deep\n\nafter\n");

    char *f = malloc(FONTS * 40 + 100);
    p = f;
    for (int i = 0; i < FONTS; i++) p += sprintf(p, "<font size=2>w%d ", i);
    p += sprintf(p, "<p>end");
    const char *out = conv(f, (size_t)(p - f), EDGR_CS_ASCII, EDGR_TABLES_TEXT);
    CHECK(strncmp(out, "w0 w1 w2 ", 9) == 0);
    CHECK(strstr(out, " w4999\n\nend\n") != NULL);
    size_t words = 0;
    for (const char *q = out; *q; q++) words += *q == 'w';
    CHECK(words == FONTS);
    free(b);
    free(f);
}

/* ---- layout ------------------------------------------------------------------ */

TEST(text_blocks_and_breaks)
{
    CHECK_TEXT(html("  <p>  one\n  two  </p>\n\n<p>three</p>  "), "one two\n\nthree\n");
    CHECK_TEXT(html("a<br>b<br><br>c<br><br><br><br>d"), "a\nb\n\nc\n\nd\n");
    CHECK_TEXT(html("<h1>Title</h1>text<hr>more"), "Title\n\ntext\n\nmore\n");
    CHECK_TEXT(html("a<b>b</b>c <i>d</i> <font>e</font>"), "abc d e\n");
    CHECK_TEXT(html(""), "");
    CHECK_TEXT(html("   \n  "), "");
    CHECK_TEXT(html("<p></p><div> </div>"), "");
}

TEST(text_lists_keep_bullets)
{
    CHECK_TEXT(html("<ul><li>one<li>two</li></ul>after"), "\xE2\x80\xA2 one\n\xE2\x80\xA2 two\n\nafter\n");
    CHECK_TEXT(html("<ol><li>a</li><li>b</li><li>c</li></ol>"), "1. a\n2. b\n3. c\n");
    /* nested lists are indented, numbering per list */
    CHECK_TEXT(html("<ol><li>a<ol><li>x</li><li>y</li></ol></li><li>b</li></ol>"),
               "1. a\n  1. x\n  2. y\n2. b\n");
    CHECK_TEXT(html("<ul><li>a<ul><li>x</ul></ul>"), "\xE2\x80\xA2 a\n  \xE2\x80\xA2 x\n");
}

TEST(text_pre_keeps_line_breaks)
{
    CHECK_TEXT(html("<p>x</p><pre>a  b\n  c\r\n\r\nd &amp; <b>e</b></pre><p>y"),
               "x\n\na  b\n  c\n\nd & e\n\ny\n");
    CHECK_TEXT(html("<PRE>\n   Sales    $100\n   Costs     (50)\n</PRE>"),
               "\n   Sales    $100\n   Costs     (50)\n");
}

/* ---- tables ------------------------------------------------------------------ */

static const char *FIN_TABLE =
    "<table>"
    "<tr><td></td><td colspan=3>2024</td><td></td><td colspan=3>2023</td></tr>"
    "<tr><td>Revenue</td><td>$</td><td>1,234</td><td></td><td></td><td>$</td><td>(56</td><td>)</td></tr>"
    "<tr><td>Margin</td><td></td><td>12.5</td><td>%</td><td></td><td></td><td>3</td><td>%</td></tr>"
    "</table>";

TEST(text_tables_aligned)
{
    CHECK_TEXT(html("<p>Before</p><table><tr><td>a</td><td>b</td></tr><tr><td>ccc</td><td>d</td></tr>"
                    "</table><p>After</p>"),
               "Before\n\na    b\nccc  d\n\nAfter\n");
    /* "$" + number + ")" in one cell, "%" too; numbers right-aligned */
    const char *t = html(FIN_TABLE);
    CHECK_TEXT(t, "           2024   2023\n"
                  "Revenue  $1,234  $(56)\n"
                  "Margin    12.5%     3%\n");
    /* unclosed cells and rows, text in a table outside cells */
    CHECK_TEXT(html("<TABLE><TR><TD>a<TD>b<TR><TD>c<TD>d</TABLE>x"), "a  b\nc  d\n\nx\n");
    /* a one-column (layout) table is paragraphs */
    CHECK_TEXT(html("<table><tr><td>para one</td></tr><tr><td>para two</td></tr></table>"),
               "para one\npara two\n");
    /* a missing value keeps the other values in their columns */
    CHECK_TEXT(html("<table><tr><td>x</td><td>1</td><td>2</td></tr><tr><td>y</td><td></td><td>3</td></tr></table>"),
               "x  1  2\ny     3\n");
    /* nested tables, an unclosed table at the end */
    CHECK_TEXT(html("<table><tr><td>outer</td><td><table><tr><td>i1</td><td>i2</td></tr></table></td></tr></table>"),
               "outer  i1 i2\n");
    CHECK_TEXT(html("<table><tr><td>a</td><td>b"), "a  b\n");
}

TEST(text_tables_markdown_and_tsv)
{
    CHECK_TEXT(conv(FIN_TABLE, strlen(FIN_TABLE), EDGR_CS_ASCII, EDGR_TABLES_MARKDOWN),
               "|  | 2024 | 2023 |\n"
               "| --- | --- | --- |\n"
               "| Revenue | $1,234 | $(56) |\n"
               "| Margin | 12.5% | 3% |\n");
    CHECK_TEXT(conv(FIN_TABLE, strlen(FIN_TABLE), EDGR_CS_ASCII, EDGR_TABLES_TSV),
               "\t2024\t2023\n"
               "Revenue\t$1,234\t$(56)\n"
               "Margin\t12.5%\t3%\n");
    const char *pipe = "<table><tr><td>a|b</td><td>c\td</td></tr></table>";
    CHECK_TEXT(conv(pipe, strlen(pipe), EDGR_CS_ASCII, EDGR_TABLES_MARKDOWN), "| a\\|b | c d |\n| --- | --- |\n");
    CHECK_TEXT(conv(pipe, strlen(pipe), EDGR_CS_ASCII, EDGR_TABLES_TSV), "a|b\tc d\n");
}

/* A heading wrapped by <br> stays in its cell in every style (the text
 * style joins its lines with a space); a spacer row before it does not cost
 * Markdown its delimiter row. */
static const char *BR_TABLE =
    "<table><tr><td></td><td></td><td></td></tr>"
    "<tr><th>Period</th><th>Total Number<br/>of Shares Purchased</th>"
    "<th>Total Number of Shares<br>Purchased as Part of Publicly<br>Announced Plans or Programs (1)</th></tr>"
    "<tr><td>October</td><td>1,000</td><td>900</td></tr></table>";

TEST(text_tables_line_break_in_a_cell)
{
    CHECK_TEXT(conv(BR_TABLE, strlen(BR_TABLE), EDGR_CS_ASCII, EDGR_TABLES_TEXT),
               "Period   Total Number of Shares Purchased  Total Number of Shares Purchased as "
               "Part of Publicly Announced Plans or Programs (1)\n"
               "October                             1,000                                       900\n");
    CHECK_TEXT(conv(BR_TABLE, strlen(BR_TABLE), EDGR_CS_ASCII, EDGR_TABLES_MARKDOWN),
               "| Period | Total Number<br>of Shares Purchased | Total Number of Shares<br>"
               "Purchased as Part of Publicly<br>Announced Plans or Programs (1) |\n"
               "| --- | --- | --- |\n"
               "| October | 1,000 | 900 |\n");
    CHECK_TEXT(conv(BR_TABLE, strlen(BR_TABLE), EDGR_CS_ASCII, EDGR_TABLES_TSV),
               "Period\tTotal Number of Shares Purchased\tTotal Number of Shares Purchased as Part "
               "of Publicly Announced Plans or Programs (1)\n"
               "October\t1,000\t900\n");
    /* prose in a cell (a line past 80 characters) is still written as
     * paragraphs in the text style, and stays in its cell in the others */
    const char *prose = "<table><tr><td>(1)</td><td>A note that runs on and on about the plan, "
                        "the programs and the shares purchased under them.<br>Second line.</td></tr>"
                        "<tr><td>(2)</td><td>Short.</td></tr></table>";
    CHECK_TEXT(conv(prose, strlen(prose), EDGR_CS_ASCII, EDGR_TABLES_TEXT),
               "(1)\nA note that runs on and on about the plan, the programs and the shares "
               "purchased under them.\nSecond line.\n(2)  Short.\n");
    CHECK_TEXT(conv(prose, strlen(prose), EDGR_CS_ASCII, EDGR_TABLES_MARKDOWN),
               "| (1) | A note that runs on and on about the plan, the programs and the shares "
               "purchased under them.<br>Second line. |\n| --- | --- |\n| (2) | Short. |\n");
    CHECK_TEXT(conv(prose, strlen(prose), EDGR_CS_ASCII, EDGR_TABLES_TSV),
               "(1)\tA note that runs on and on about the plan, the programs and the shares "
               "purchased under them. Second line.\n(2)\tShort.\n");
}

/* Every Markdown table has its delimiter row after the first row, however
 * the table starts; a one-row table too. */
TEST(text_tables_markdown_delimiter_row)
{
    const char *one = "<table><tr><td>Name</td><td>Value</td></tr></table>";
    CHECK_TEXT(conv(one, strlen(one), EDGR_CS_ASCII, EDGR_TABLES_MARKDOWN),
               "| Name | Value |\n| --- | --- |\n");
    const char *spacer = "<table><tr><td>&nbsp;</td><td></td></tr><tr><td>a</td><td>b</td></tr>"
                         "<tr><td>c</td><td>d</td></tr></table>";
    CHECK_TEXT(conv(spacer, strlen(spacer), EDGR_CS_ASCII, EDGR_TABLES_MARKDOWN),
               "| a | b |\n| --- | --- |\n| c | d |\n");
}

/* ---- charsets ---------------------------------------------------------------- */

TEST(text_windows_1252_transcoded)
{
    const char *in = "caf\xE9 \x93quoted\x94 it\x92s \x96 x\xA0y \x80" "5";
    CHECK_TEXT(conv(in, strlen(in), EDGR_CS_CP1252, EDGR_TABLES_TEXT),
               "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D it\xE2\x80\x99s \xE2\x80\x93 x y \xE2\x82\xAC" "5\n");
    /* UTF-8 passes through; its no-break space is a space */
    const char *u = "caf\xC3\xA9\xC2\xA0\xC2\xA0x \xE2\x80\x99";
    CHECK_TEXT(conv(u, strlen(u), EDGR_CS_UTF8, EDGR_TABLES_TEXT), "caf\xC3\xA9 x \xE2\x80\x99\n");
    /* NUL bytes are dropped */
    CHECK_TEXT(conv("a\0b", 3, EDGR_CS_ASCII, EDGR_TABLES_TEXT), "ab\n");
}

/* ---- anchors, reuse, documents ---------------------------------------------- */

TEST(text_anchors_map_lines_to_source)
{
    const char *in = "<p>first</p>\n<p>second</p>";
    CHECK_TEXT(html(in), "first\n\nsecond\n");
    CHECK(edgr_text_source_offset(&last, 0) == 3);
    CHECK(edgr_text_source_offset(&last, 4) == 3);
    CHECK(edgr_text_source_offset(&last, 7) == 16); /* "second" */
    /* the same result reused for a shorter conversion */
    CHECK_TEXT(html("x"), "x\n");
    CHECK(last.len == 2 && last.anchor_count == 1);
}

TEST(text_of_documents)
{
    const char *sub =
        "<SEC-DOCUMENT>0009900001-17-000001.txt : 20170314\n"
        "<SEC-HEADER>0009900001-17-000001.hdr.sgml : 20170314\n"
        "ACCESSION NUMBER:\t\t0009900001-17-000001\n"
        "CONFORMED SUBMISSION TYPE:\t8-K\n"
        "</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>a.htm\n<TEXT>\n"
        "<html><body><p>Item 7.01 Caf\xE9</p></body></html>\n"
        "</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>2\n<TEXT>\n"
        "Plain exhibit\n<PAGE>\n"
        "</TEXT>\n</DOCUMENT>\n"
        "</SEC-DOCUMENT>\n";
    edgr_parser *p = edgr_parser_new();
    const edgr_submission *s;
    size_t used;
    CHECK(edgr_parse(p, sub, strlen(sub), 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK);
    CHECK(s->doc_count == 2);
    if (s->doc_count == 2) {
        edgr_text t = {0};
        CHECK(edgr_document_text(&s->docs[0], NULL, &t) == EDGR_OK);
        CHECK_TEXT(t.data, "Item 7.01 Caf\xC3\xA9\n");
        CHECK(t.anchor_count && edgr_text_source_offset(&t, 0) == (size_t)(strstr(sub, "Item") - sub));
        CHECK(edgr_document_text(&s->docs[1], NULL, &t) == EDGR_OK);
        CHECK_TEXT(t.data, "Plain exhibit\n");
        CHECK(edgr_text_source_offset(&t, 0) == (size_t)(strstr(sub, "Plain") - sub));
        edgr_text_free(&t);
    }
    edgr_parser_free(p);

    const char *bare = "<HTML><P>Bare&nbsp;file</P></HTML>";
    edgr_document d;
    edgr_document_bare(bare, strlen(bare), &d);
    edgr_text t = {0};
    CHECK(edgr_document_text(&d, NULL, &t) == EDGR_OK);
    CHECK_TEXT(t.data ? t.data : "", "Bare file\n");
    edgr_text_free(&t);
    CHECK(edgr_html_to_text(NULL, 1, EDGR_CS_ASCII, NULL, &t) == EDGR_ERR_ARG);
    CHECK(edgr_html_to_text("x", 1, EDGR_CS_ASCII, NULL, NULL) == EDGR_ERR_ARG);
    edgr_text_free(&t);
}

/* ---- plain text ----------------------------------------------------------------- */

TEST(text_plain_pages_and_legacy_tags)
{
    const char *in =
        "                         ACME CORP\n"
        "\n"
        "First page text.\n"
        "\n"
        "                            1\n"
        "<PAGE>\n"
        "ACME CORP ANNUAL REPORT\n"
        "\n"
        "Second page text.\n"
        "\n"
        "                          - 2 -\n"
        "<PAGE>\n"
        "ACME CORP ANNUAL REPORT\n"
        "\n"
        "Third page.\n"
        "<TABLE>\n"
        "<CAPTION>\n"
        "                  1999     1998\n"
        "<S>             <C>      <C>\n"
        "Sales           $100     $90\n"
        "</TABLE>\n"
        "<FN>\n"
        "(1) A note.\n"
        "</FN>\n"
        "\n"
        "                            F-3\n";
    CHECK_TEXT(plain(in, EDGR_CS_ASCII),
               "                         ACME CORP\n"
               "\n"
               "First page text.\n"
               "\n"
               "Second page text.\n"
               "\n"
               "Third page.\n"
               "                  1999     1998\n"
               "Sales           $100     $90\n"
               "(1) A note.\n");
    /* tags inside a line become spaces of their width: columns stay put */
    CHECK_TEXT(plain("<S>Name   <C>Amount\n", EDGR_CS_ASCII), "   Name      Amount\n");
    /* page numbers in other shapes, a form feed as the page break */
    CHECK_TEXT(plain("one\n\nPage 7\n\fii\ntwo\n", EDGR_CS_ASCII), "one\n\ntwo\n");
    /* a number in the middle of the text is not page furniture */
    CHECK_TEXT(plain("Total\n\n42\n\nmore\n", EDGR_CS_ASCII), "Total\n\n42\n\nmore\n");
}

/* "<PAGE>   2": the number on the marker's line goes too, and is kept as the
 * page mark that opens the page (the item segmenter reads them). */
TEST(text_plain_page_number_on_page_line)
{
    const char *in = "First page text.\n"
                     "\n"
                     "<PAGE>   2\n"
                     "\n"
                     "Second page text.\n"
                     "<PAGE>3\n"
                     "Third page text.\n"
                     "   <PAGE>         F-4   \n"
                     "Fourth page text.\n"
                     "<PAGE> 1996 was a good year.\n";
    CHECK_TEXT(plain(in, EDGR_CS_ASCII), "First page text.\n"
                                         "\n"
                                         "Second page text.\n"
                                         "Third page text.\n"
                                         "Fourth page text.\n"
                                         "       1996 was a good year.\n");
    size_t n = 0;
    const text_page_mark *m = text_page_marks(&last, &n);
    CHECK(n == 3);
    if (n == 3) {
        CHECK(!strcmp(m[0].label, "2") && m[0].top);
        CHECK(!strcmp(m[1].label, "3") && m[1].top);
        CHECK(!strcmp(m[2].label, "F-4") && m[2].top);
        CHECK(last.data && !strncmp(last.data + m[0].at, "\n\nSecond", 8));
        CHECK(last.data && !strncmp(last.data + m[1].at, "\nThird", 6));
    }
}

/* --tables markdown|tsv: a legacy <TABLE> is cut into cells where its <S>
 * and <C> markers stand; text style keeps its layout. */
static const char *LEGACY_TABLE =
    "Intro.\n"
    "<TABLE>\n"
    "<CAPTION>\n"
    "                           Year ended December 31,\n"
    "                           -----------------------\n"
    "                              1997         1996\n"
    "<S>                        <C>          <C>\n"
    "Net sales..............    $  1,210     $ 904\n"
    "Other | misc...........        15      (7)\n"
    "                           --------     -----\n"
    "</TABLE>\n"
    "<FN>\n"
    "(1) A note.\n"
    "</FN>\n";

static const char *plain_style(const char *in, edgr_table_style style)
{
    edgr_text_options o = {.struct_size = sizeof o, .tables = style};
    if (edgr_plain_to_text(in, strlen(in), EDGR_CS_ASCII, &o, &last) != EDGR_OK) return "(error)";
    return last.data ? last.data : "";
}

TEST(text_plain_legacy_tables_as_grids)
{
    CHECK_TEXT(plain_style(LEGACY_TABLE, EDGR_TABLES_MARKDOWN),
               "Intro.\n"
               "\n"
               "|  | Year ended December 31, |  |\n"
               "| --- | --- | --- |\n"
               "|  | 1997 | 1996 |\n"
               "| Net sales.............. | $ 1,210 | $ 904 |\n"
               "| Other \\| misc........... | 15 | (7) |\n"
               "\n"
               "(1) A note.\n");
    CHECK_TEXT(plain_style(LEGACY_TABLE, EDGR_TABLES_TSV),
               "Intro.\n"
               "\n"
               "\tYear ended December 31,\t\n"
               "\t1997\t1996\n"
               "Net sales..............\t$ 1,210\t$ 904\n"
               "Other | misc...........\t15\t(7)\n"
               "\n"
               "(1) A note.\n");
    CHECK_TEXT(plain_style(LEGACY_TABLE, EDGR_TABLES_TEXT), plain(LEGACY_TABLE, EDGR_CS_ASCII));
    /* no column markers: the table stays as laid out */
    const char *bare = "<TABLE>\nName      Amount\nSales     100\n</TABLE>\n";
    CHECK_TEXT(plain_style(bare, EDGR_TABLES_MARKDOWN), "Name      Amount\nSales     100\n");
}

TEST(text_plain_line_ends_and_charsets)
{
    CHECK_TEXT(plain("a\r\nb  \r\n\r\n\r\n\r\nc\rd\n", EDGR_CS_ASCII), "a\nb\n\nc\nd\n");
    CHECK_TEXT(plain("it\x92s caf\xE9", EDGR_CS_CP1252), "it\xE2\x80\x99s caf\xC3\xA9\n");
    CHECK_TEXT(plain("a < b <B>x</B>", EDGR_CS_ASCII), "a < b <B>x</B>\n");
    CHECK_TEXT(plain("", EDGR_CS_ASCII), "");
    CHECK_TEXT(plain("\n\n<PAGE>\n\n", EDGR_CS_ASCII), "");
}

/* ---- fuzz findings ---------------------------------------------------------- */

/* The fuzz target's oracles (fuzz/fuzz_html.c) on one input. */
static int text_sane(const char *in, size_t n, edgr_charset cs)
{
    int ok = 1;
    edgr_text t = {0}; /* fresh: empty scratch buffers are a case of their own */
    for (int style = 0; style <= 3; style++) {
        edgr_text_options o = {.struct_size = sizeof o, .tables = style < 3 ? (edgr_table_style)style : EDGR_TABLES_TEXT};
        edgr_status st = style < 3 ? edgr_html_to_text(in, n, cs, &o, &t)
                                   : edgr_plain_to_text(in, n, cs, &o, &t);
        if (st != EDGR_OK) { ok = 0; break; }
        if (!t.data) { ok &= t.len == 0; continue; }
        ok &= t.data[t.len] == '\0' && memchr(t.data, '\0', t.len) == NULL;
        if (cs == EDGR_CS_CP1252 || utf8_valid_prefix(in, n) == n)
            ok &= utf8_valid_prefix(t.data, t.len) == t.len;
        for (size_t i = 0; i < t.anchor_count; i++)
            ok &= t.anchors[i].text <= t.len && t.anchors[i].src <= n &&
                  (!i || t.anchors[i].text > t.anchors[i - 1].text);
    }
    edgr_text_free(&t);
    return ok;
}

TEST(text_fuzz_nul_in_raw_text)
{
    /* NUL bytes in raw text (xmp, textarea, plaintext) were copied into the
     * text; they are U+FFFD there (WHATWG), dropped elsewhere */
    CHECK_TEXT(conv("<xmp>a\0b</xmp>c\0d", 17, EDGR_CS_ASCII, EDGR_TABLES_TEXT), "a\xEF\xBF\xBD" "b\n\ncd\n");
    CHECK_TEXT(conv("<plaintext>a\0b", 14, EDGR_CS_ASCII, EDGR_TABLES_TEXT), "a\xEF\xBF\xBD" "b\n");
    CHECK(text_sane("<xmp>\0</xmp>", 12, EDGR_CS_UTF8));
}

/* Every fuzz-html-* input in tests/regress, through every converter, with
 * every charset. */
TEST(text_fuzz_findings_replay)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/regress", EDGR_SOURCE_DIR);
    DIR *dp = opendir(dir);
    CHECK(dp != NULL);
    if (!dp) return;
    struct dirent *e;
    int n = 0;
    while ((e = readdir(dp))) {
        if (strncmp(e->d_name, "fuzz-html-", 10) != 0) continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *b = read_file(path, &len);
        CHECK(b && len >= 1);
        if (!b || !len) { free(b); continue; }
        for (int cs = EDGR_CS_UNKNOWN; cs <= EDGR_CS_CP1252; cs++)
            if (!text_sane(b + 1, len - 1, (edgr_charset)cs)) {
                fprintf(stderr, "  %s fails with charset %d\n", e->d_name, cs);
                test_failures++;
            }
        free(b);
        n++;
    }
    closedir(dp);
    CHECK(n >= 1);
}

TEST(text_fuzz_nul_in_tag_name)
{
    /* a NUL in a tag name made the element lookup read past a name in the
     * element table; such a name is no element's */
    const char in[] = "a<br\0x>b<p\0>c<script\0>d</script\0>e";
    CHECK_TEXT(conv(in, sizeof in - 1, EDGR_CS_ASCII, EDGR_TABLES_TEXT), "abcde\n");
}

TEST(text_table_of_empty_cells_first)
{
    /* a first table whose cells are all empty left its text buffer NULL,
     * and the layout added offsets to it (UBSan, found by make asan) */
    const char *in = "<table><tr><td></td><td> </td></tr><tr><td></td></tr></table>x";
    CHECK(text_sane(in, strlen(in), EDGR_CS_ASCII));
    CHECK_TEXT(html(in), "x\n");
}

TEST(text_fuzz_cp1252_in_raw_text)
{
    /* raw text (xmp, textarea, plaintext) copied Windows-1252 bytes as they
     * were: invalid UTF-8 in the text */
    const char *in = "<xmp>it\x92s</xmp><textarea>caf\xE9</textarea>";
    CHECK_TEXT(conv(in, strlen(in), EDGR_CS_CP1252, EDGR_TABLES_TEXT), "it\xE2\x80\x99s\n\ncaf\xC3\xA9\n");
    CHECK(text_sane(in, strlen(in), EDGR_CS_CP1252));
}

/* edgr_document_text_write hands out the text in pieces as it is made:
 * the same bytes and anchors as edgr_document_text, on documents well past
 * the size where it starts handing out (a few MB of paragraphs, lists,
 * tables, runs of blanks and line breaks), HTML and plain text. */
typedef struct collect {
    char *p;
    size_t n, cap, calls;
} collect;

static int collect_write(void *user, const char *p, size_t n)
{
    collect *c = user;
    if (c->n + n > c->cap) {
        c->cap = (c->n + n) * 2;
        c->p = realloc(c->p, c->cap);
        if (!c->p) return 1;
    }
    memcpy(c->p + c->n, p, n);
    c->n += n;
    c->calls++;
    return 0;
}

static void check_streamed(const char *body, size_t n, edgr_format format)
{
    edgr_document d = {.format = format, .charset = EDGR_CS_UTF8, .body = {body, n}, .body_offset = 7,
                       .sequence = 1, .decoded_size = (int64_t)n};
    edgr_text whole = {0}, piece = {0};
    collect c = {0};
    CHECK(edgr_document_text(&d, NULL, &whole) == EDGR_OK);
    CHECK(edgr_document_text_write(&d, NULL, &piece, collect_write, &c) == EDGR_OK);
    CHECK(c.calls > 1); /* it was handed out in pieces */
    CHECK(c.n == whole.len && c.p && memcmp(c.p, whole.data, whole.len) == 0);
    CHECK(piece.anchor_count == whole.anchor_count);
    size_t same = 0;
    for (size_t i = 0; i < whole.anchor_count && i < piece.anchor_count; i++)
        same += whole.anchors[i].text == piece.anchors[i].text && whole.anchors[i].src == piece.anchors[i].src;
    CHECK(same == whole.anchor_count);
    free(c.p);
    edgr_text_free(&whole);
    edgr_text_free(&piece);
}

TEST(text_streamed_is_the_same)
{
    static const char *html_parts[] = {
        "<p>Widgets &amp; gadgets of Streamed Corp.</p>", "<ul><li>one</li><li>two  </li></ul>",
        "<table><tr><td>Revenue</td><td>1,234</td></tr><tr><td>Cost</td><td>(5)</td></tr></table>",
        "<div>   </div><br><br><br>", "word ", "<pre>  laid   out\n\n\n  </pre>", "<p>&#160;&#160;</p>",
        "<h2>Item 1. Business</h2>", "a<br>b<br>", "<p>                                        </p>"};
    size_t cap = 6u << 20, n = 0;
    char *b = malloc(cap);
    CHECK(b != NULL);
    if (!b) return;
    for (unsigned k = 0; n + 200 < cap; k = k * 1103515245u + 12345u) {
        const char *s = html_parts[(k >> 16) % (sizeof html_parts / sizeof *html_parts)];
        size_t len = strlen(s);
        memcpy(b + n, s, len);
        n += len;
    }
    check_streamed(b, n, EDGR_FMT_HTML);
    const char *text_parts[] = {"Streamed Corp sold widgets.\n", "\n\n\n", "   \n", "<PAGE>\n",
                                       "                                   -12-\n", "Item 7.  Management\n",
                                       "two  spaces   between\n", "                              \n"};
    /* a line whose legacy tags become blanks at its end, trimmed: long
     * enough that the text is handed out inside them */
    char tags[3 * 4000 + 16] = "Tagged line";
    for (int i = 0; i < 4000; i++) strcat(tags + 11 + 3 * i, "<S>");
    strcat(tags, "\n");
    n = 0;
    for (unsigned k = 0, line = 0; n + sizeof tags + 64 < cap; k = k * 1103515245u + 12345u) {
        const char *s = text_parts[(k >> 16) % (sizeof text_parts / sizeof *text_parts)];
        size_t len = strlen(s);
        memcpy(b + n, s, len);
        n += len;
        /* lines that differ: no running header to drop */
        n += (size_t)snprintf(b + n, 64, "Line %u of Streamed Corp.\n", line++);
        if (line % 500 == 0) {
            memcpy(b + n, tags, strlen(tags));
            n += strlen(tags);
        }
    }
    check_streamed(b, n, EDGR_FMT_TEXT);
    free(b);
}

/* opt->release (issue 12): the bytes a conversion says it has read for good
 * are overwritten as it goes (told every 61 bytes, not every few MB): the
 * text, its anchors and its page marks must not change.  Over every
 * fixture and sample, in the three table styles; tests/corpus does the
 * same over the real corpus, facts included. */
extern size_t text_release_step;

static void release_poison(void *user, const char *from, const char *to)
{
    (*(int *)user)++;
    memset((char *)(uintptr_t)from, 0xFF, (size_t)(to - from));
}

static int released_same(const edgr_document *d, const char *orig, char *copy, size_t n, int *told)
{
    int same = 1;
    edgr_text a = {0}, b = {0};
    for (int style = 0; style < 3 && same; style++) {
        edgr_text_options o = EDGR_TEXT_OPTIONS_INIT, r = EDGR_TEXT_OPTIONS_INIT;
        o.tables = r.tables = (edgr_table_style)style;
        r.release = release_poison;
        r.release_user = told;
        memcpy(copy, orig, n);
        edgr_document dc = *d; /* the same document, over the copy */
        dc.body.ptr = copy + (d->body.ptr - orig);
        edgr_status sa = edgr_document_text(d, &o, &a), sb = edgr_document_text(&dc, &r, &b);
        same = sa == sb && a.len == b.len && (!a.len || !memcmp(a.data, b.data, a.len)) &&
               a.anchor_count == b.anchor_count;
        for (size_t i = 0; same && i < a.anchor_count; i++)
            same = a.anchors[i].text == b.anchors[i].text && a.anchors[i].src == b.anchors[i].src;
        size_t ma, mb;
        const text_page_mark *pa = text_page_marks(&a, &ma), *pb = text_page_marks(&b, &mb);
        same = same && ma == mb;
        for (size_t i = 0; same && i < ma; i++)
            same = pa[i].at == pb[i].at && pa[i].top == pb[i].top && !strcmp(pa[i].label, pb[i].label);
    }
    edgr_text_free(&a);
    edgr_text_free(&b);
    return same;
}

TEST(text_release_never_reads_released_bytes)
{
    static const char *const dirs[] = {"tests/fixtures", "tests/fixtures/items", "tests/fixtures/facts", "samples"};
    size_t keep = text_release_step;
    text_release_step = 61;
    int told = 0, docs = 0;
    edgr_parser *p = edgr_parser_new();
    for (size_t k = 0; k < sizeof dirs / sizeof *dirs; k++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/%s", EDGR_SOURCE_DIR, dirs[k]);
        DIR *dh = opendir(dir);
        for (struct dirent *e; dh && (e = readdir(dh));) {
            if (e->d_name[0] == '.' || (!strstr(e->d_name, ".txt") && !strstr(e->d_name, ".htm"))) continue;
            char path[2100];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            size_t n;
            char *buf = read_file(path, &n), *copy = buf ? malloc(n + 1) : NULL;
            if (!copy) { free(buf); continue; }
            const edgr_submission *s;
            size_t used;
            edgr_document bare;
            const edgr_document *d = &bare;
            size_t nd = 1;
            if (edgr_parse(p, buf, n, 0, EDGR_PARSE_DECODE, &s, &used) == EDGR_OK && s->container != EDGR_C_NONE) {
                d = s->docs;
                nd = s->doc_count;
            } else edgr_document_bare(buf, n, &bare);
            for (size_t i = 0; i < nd; i++) {
                if (d[i].format != EDGR_FMT_HTML && d[i].format != EDGR_FMT_TEXT) continue;
                if (d[i].body.ptr < buf || d[i].body.ptr > buf + n) continue; /* decoded: not in the file */
                docs++;
                int same = released_same(&d[i], buf, copy, n, &told);
                if (!same) fprintf(stderr, "  %s document %zu: text differs when released\n", path, i);
                CHECK(same);
            }
            free(copy);
            free(buf);
        }
        if (dh) closedir(dh);
    }
    edgr_parser_free(p);
    text_release_step = keep;
    CHECK(docs > 20);
    CHECK(told > 100);
    /* a 0.2.0 caller's struct, without the release fields, is still read */
    edgr_text_options old = EDGR_TEXT_OPTIONS_INIT;
    old.struct_size = offsetof(edgr_text_options, release);
    CHECK(edgr_html_to_text("<p>x</p>", 8, EDGR_CS_UTF8, &old, &last) == EDGR_OK && !strcmp(last.data, "x\n"));
    old.struct_size = offsetof(edgr_text_options, release) - 1;
    CHECK(edgr_html_to_text("<p>x</p>", 8, EDGR_CS_UTF8, &old, &last) == EDGR_ERR_ARG);
}
