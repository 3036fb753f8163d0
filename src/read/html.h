/*
** html.h -- an HTML page as elements, text blocks and metadata.
**
** lb_html_parse runs libxml2's HTML parser (Debian libxml2; why this one
** and not gumbo: see html.c) in SAX mode and keeps only what reading an
** article needs, in three flat arrays:
**
**   elements  one per element: its tag, its parent, what its class, id,
**             role and attributes say about it (LB_EL_*: navigation,
**             boilerplate words, hidden, ...), inherited from its ancestors
**   blocks    runs of text between block-level boundaries (<p>, <div>,
**             <li>, <br>, ...): white space collapsed, characters counted,
**             and how many of them sit inside links; each names the element
**             it belongs to
**   meta      the page's own statements: <title>, <html lang>, <meta>
**             name/property/itemprop/http-equiv, <link rel=canonical>,
**             <time datetime>, and JSON-LD scripts, as name/value pairs
**
** Script, style, template, SVG, form controls and the like are dropped
** while parsing. The input must be UTF-8 (charset.h converts it first). The
** tree is cut at LB_HTML_MAX_DEPTH levels: deeper elements are read as part
** of the element at that depth, so hostile nesting costs neither stack nor
** quadratic time. article.h chooses the article's blocks from this.
*/
#ifndef LB_HTML_H
#define LB_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"

#define LB_HTML_MAX_DEPTH 256

/* Tags the reader tells apart; every other tag is LB_TAG_OTHER. */
enum {
  LB_TAG_OTHER = 0,
  LB_TAG_A, LB_TAG_ADDRESS, LB_TAG_ARTICLE, LB_TAG_ASIDE, LB_TAG_BLOCKQUOTE, LB_TAG_BODY,
  LB_TAG_BR, LB_TAG_BUTTON, LB_TAG_CAPTION, LB_TAG_DD, LB_TAG_DETAILS, LB_TAG_DIALOG,
  LB_TAG_DIV, LB_TAG_DL, LB_TAG_DT, LB_TAG_FIGCAPTION, LB_TAG_FIGURE, LB_TAG_FOOTER,
  LB_TAG_FORM, LB_TAG_H1, LB_TAG_H2, LB_TAG_H3, LB_TAG_H4, LB_TAG_H5, LB_TAG_H6,
  LB_TAG_HEAD, LB_TAG_HEADER, LB_TAG_HR, LB_TAG_HTML, LB_TAG_LI, LB_TAG_LINK, LB_TAG_MAIN,
  LB_TAG_MENU, LB_TAG_META, LB_TAG_NAV, LB_TAG_NOSCRIPT, LB_TAG_OL, LB_TAG_P, LB_TAG_PRE,
  LB_TAG_SCRIPT, LB_TAG_SECTION, LB_TAG_SUMMARY, LB_TAG_TABLE, LB_TAG_TD, LB_TAG_TH,
  LB_TAG_TIME, LB_TAG_TITLE, LB_TAG_TR, LB_TAG_UL,
  LB_TAG_SKIP, /* content dropped: style, template, svg, select, ... */
  LB_TAG_COUNT
};

/* What an element's tag, class, id and attributes say (lb_html_el.own). */
enum {
  LB_EL_JUNK = 1 << 0,    /* boilerplate by its words: comments, share, related, ads, ... */
  LB_EL_GOOD = 1 << 1,    /* content by its words: article, body, content, story, ... */
  LB_EL_HIDDEN = 1 << 2,  /* hidden, aria-hidden, display:none */
  LB_EL_NAV = 1 << 3,     /* nav, aside, menu, footer, header, role=navigation, ... */
  LB_EL_BYLINE = 1 << 4,  /* byline, author, dateline, meta words */
  LB_EL_CAPTION = 1 << 5, /* figure, figcaption, caption words */
  LB_EL_LINK = 1 << 6,    /* inside <a href> */
  LB_EL_BODY = 1 << 7,    /* itemprop=articleBody and the like: the article's text */
  LB_EL_HEADLINE = 1 << 8,/* h1, itemprop=headline */
  LB_EL_TITLE = 1 << 9    /* inside <title> */
};

typedef struct lb_html_el {
  uint32_t parent;  /* index of the parent; element 0 is the document itself */
  uint16_t tag;     /* LB_TAG_* */
  uint16_t depth;
  uint16_t own;     /* LB_EL_* of this element */
  uint16_t flags;   /* LB_EL_* of this element and all its ancestors */
#ifdef LB_HTML_DEBUG
  uint32_t cls;     /* "class | id" in str (debugging builds only) */
#endif
} lb_html_el;

typedef struct lb_html_block {
  uint32_t el;          /* the innermost block-level element around it */
  uint32_t off, len;    /* bytes in lb_html_page.text */
  uint32_t chars;       /* characters, white space not counted */
  uint32_t link_chars;  /* of those, inside <a href> */
  uint16_t flags;       /* LB_EL_* of the elements around the text */
  uint8_t pre;          /* inside <pre>: white space kept */
  uint8_t br;           /* it ended at a <br>, not a block boundary */
} lb_html_block;

typedef struct lb_html_meta {
  uint32_t name, value; /* offsets of NUL-terminated strings in lb_html_page.str */
  uint32_t el;          /* the element that said it */
} lb_html_meta;

typedef struct lb_html_page {
  lb_html_el *el;
  size_t nel, capel;
  lb_html_block *blk;
  size_t nblk, capblk;
  lb_html_meta *meta;
  size_t nmeta, capmeta;
  lb_buf text; /* block texts, one after the other */
  lb_buf str;  /* meta names and values */
  size_t total_chars;
  int cut_depth; /* elements deeper than LB_HTML_MAX_DEPTH were read flat */
} lb_html_page;

/* Parse html[0..n) (UTF-8) into *pg (zeroed by the caller, or reused after
** lb_html_reset). Never fails on bad markup: libxml2 recovers. Thread-safe.
** Returns 0, or -1 when out of memory. */
int lb_html_parse(lb_html_page *pg, const char *html, size_t n);
void lb_html_reset(lb_html_page *pg);
void lb_html_free(lb_html_page *pg);

/* The string at offset o of pg->str. */
static inline const char *lb_html_str(const lb_html_page *pg, uint32_t o) {
  return pg->str.p + o;
}

/* The first meta value named name ("og:title", "@headline", "title", ...;
** case-insensitive), or NULL. */
const char *lb_html_meta_get(const lb_html_page *pg, const char *name);

/* Tag name of LB_TAG_* (for tests and debugging). */
const char *lb_html_tag_name(int tag);

#endif
