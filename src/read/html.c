/*
** html.c -- HTML into elements, text blocks and metadata (see html.h).
**
** Why libxml2's HTML parser, in SAX mode: Debian 12 has no lexbor package;
** of the two parsers it has, on the 115 pages of the article-extraction
** benchmark (21.9 MB, one core), libxml2 read 1,084 pages/s (207 MB/s)
** through SAX callbacks and 687 pages/s (131 MB/s) building its own tree,
** gumbo 171 pages/s (33 MB/s). On hostile input, 200,000 unclosed <div>s
** (1.3 MB), libxml2's SAX parser took 0.04 s and 9 MB, gumbo was killed
** after 164 s at 24 GB. (Measured with a throw-away program over the pages,
** decompressed; gumbo 0.10.1 is also no longer developed upstream.) libxml2
** is HTML 4-minded -- HTML5 elements are unknown tags to it -- which costs
** nothing here: the reader names the tags it needs itself.
**
** The SAX callbacks build this module's flat arrays directly, so the page
** is never held as a libxml2 tree: memory is the page's text plus one small
** record per element.
*/
#include "html.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

/* ---- tags ---- */

static const char *const TAG_NAMES[LB_TAG_COUNT] = {
    [LB_TAG_OTHER] = "other",     [LB_TAG_A] = "a",
    [LB_TAG_ADDRESS] = "address", [LB_TAG_ARTICLE] = "article",
    [LB_TAG_ASIDE] = "aside",     [LB_TAG_BLOCKQUOTE] = "blockquote",
    [LB_TAG_BODY] = "body",       [LB_TAG_BR] = "br",
    [LB_TAG_BUTTON] = "button",   [LB_TAG_CAPTION] = "caption",
    [LB_TAG_DD] = "dd",           [LB_TAG_DETAILS] = "details",
    [LB_TAG_DIALOG] = "dialog",   [LB_TAG_DIV] = "div",
    [LB_TAG_DL] = "dl",           [LB_TAG_DT] = "dt",
    [LB_TAG_FIGCAPTION] = "figcaption", [LB_TAG_FIGURE] = "figure",
    [LB_TAG_FOOTER] = "footer",   [LB_TAG_FORM] = "form",
    [LB_TAG_H1] = "h1",           [LB_TAG_H2] = "h2",
    [LB_TAG_H3] = "h3",           [LB_TAG_H4] = "h4",
    [LB_TAG_H5] = "h5",           [LB_TAG_H6] = "h6",
    [LB_TAG_HEAD] = "head",       [LB_TAG_HEADER] = "header",
    [LB_TAG_HR] = "hr",           [LB_TAG_HTML] = "html",
    [LB_TAG_LI] = "li",           [LB_TAG_LINK] = "link",
    [LB_TAG_MAIN] = "main",       [LB_TAG_MENU] = "menu",
    [LB_TAG_META] = "meta",       [LB_TAG_NAV] = "nav",
    [LB_TAG_NOSCRIPT] = "noscript", [LB_TAG_OL] = "ol",
    [LB_TAG_P] = "p",             [LB_TAG_PRE] = "pre",
    [LB_TAG_SCRIPT] = "script",   [LB_TAG_SECTION] = "section",
    [LB_TAG_SUMMARY] = "summary", [LB_TAG_TABLE] = "table",
    [LB_TAG_TD] = "td",           [LB_TAG_TH] = "th",
    [LB_TAG_TIME] = "time",       [LB_TAG_TITLE] = "title",
    [LB_TAG_TR] = "tr",           [LB_TAG_UL] = "ul",
    [LB_TAG_SKIP] = "skip",
};

/* Elements whose content is never text of the page (sorted for bsearch). */
static const char *const SKIP_TAGS[] = {
    "applet", "audio",  "canvas", "datalist", "embed",  "iframe", "input",    "map",
    "math",   "object", "option", "optgroup", "select", "style",  "svg",      "template",
    "textarea", "video",
};

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted copy of TAG_NAMES for lookups, built once. */
static const char *TAG_SORTED[LB_TAG_COUNT];
static pthread_once_t ONCE = PTHREAD_ONCE_INIT;

static void init_once(void) {
  xmlInitParser(); /* libxml2 wants this once before threads parse */
  for (int i = 0; i < LB_TAG_COUNT; i++) TAG_SORTED[i] = TAG_NAMES[i];
  qsort(TAG_SORTED, LB_TAG_COUNT, sizeof *TAG_SORTED, cmp_str);
}

static int tag_of(const char *name) {
  const char *const *f = bsearch(&name, TAG_SORTED, LB_TAG_COUNT, sizeof *TAG_SORTED, cmp_str);
  if (f) {
    for (int i = 0; i < LB_TAG_COUNT; i++)
      if (TAG_NAMES[i] == *f) return i == LB_TAG_SKIP || i == LB_TAG_OTHER ? LB_TAG_OTHER : i;
  }
  if (bsearch(&name, SKIP_TAGS, sizeof SKIP_TAGS / sizeof *SKIP_TAGS, sizeof *SKIP_TAGS, cmp_str))
    return LB_TAG_SKIP;
  return LB_TAG_OTHER;
}

const char *lb_html_tag_name(int tag) {
  return tag >= 0 && tag < LB_TAG_COUNT ? TAG_NAMES[tag] : "?";
}

/* Tags that end a block of text (and start one). */
static int is_block(int tag) {
  switch (tag) {
  case LB_TAG_ADDRESS: case LB_TAG_ARTICLE: case LB_TAG_ASIDE: case LB_TAG_BLOCKQUOTE:
  case LB_TAG_BODY: case LB_TAG_BR: case LB_TAG_CAPTION: case LB_TAG_DD: case LB_TAG_DETAILS:
  case LB_TAG_DIALOG: case LB_TAG_DIV: case LB_TAG_DL: case LB_TAG_DT: case LB_TAG_FIGCAPTION:
  case LB_TAG_FIGURE: case LB_TAG_FOOTER: case LB_TAG_FORM: case LB_TAG_H1: case LB_TAG_H2:
  case LB_TAG_H3: case LB_TAG_H4: case LB_TAG_H5: case LB_TAG_H6: case LB_TAG_HEADER:
  case LB_TAG_HR: case LB_TAG_HTML: case LB_TAG_LI: case LB_TAG_MAIN: case LB_TAG_MENU:
  case LB_TAG_NAV: case LB_TAG_OL: case LB_TAG_P: case LB_TAG_PRE: case LB_TAG_SECTION:
  case LB_TAG_SUMMARY: case LB_TAG_TABLE: case LB_TAG_TD: case LB_TAG_TH: case LB_TAG_TR:
  case LB_TAG_UL: case LB_TAG_NOSCRIPT: case LB_TAG_BUTTON:
    return 1;
  default:
    return 0;
  }
}

/* ---- class and id words (data/read/classwords.txt) ---- */

enum { W_JUNK = LB_EL_JUNK, W_NAV = LB_EL_NAV, W_BYLINE = LB_EL_BYLINE,
       W_CAPTION = LB_EL_CAPTION, W_GOOD = LB_EL_GOOD, W_STATE = 1 << 15 };
typedef struct word {
  const char *w;
  int kind;
} word;
static const word CLASSWORDS[] = {
#include "read_classwords.inc"
};

static int cmp_word(const void *k, const void *e) {
  return strcmp((const char *)k, ((const word *)e)->w);
}

static unsigned word_kind(const char *w, size_t n) {
  char b[32];
  if (n == 0 || n >= sizeof b) return 0;
  for (size_t i = 0; i < n; i++) b[i] = (char)(w[i] | 0x20);
  b[n] = 0;
  const word *e =
      bsearch(b, CLASSWORDS, sizeof CLASSWORDS / sizeof *CLASSWORDS, sizeof *CLASSWORDS, cmp_word);
  return e ? (unsigned)e->kind : 0;
}

static int is_alnum(unsigned c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
static int is_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }

/* One class: its words are cut at non-alphanumerics, and at camel case
** ("StoryBody") when every part is 3 letters or more -- "hJpRRP" of
** generated class names is no "jp". Its last word of the list says what
** it is; a state word anywhere makes it say nothing. */
static unsigned one_class(const char *s, size_t n) {
  unsigned kind = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && !is_alnum((unsigned char)s[i])) i++;
    size_t j = i;
    while (j < n && is_alnum((unsigned char)s[j])) j++;
    if (j == i) break;
    /* camel case parts */
    size_t parts[16], np = 0, shortest = j - i;
    parts[np++] = i;
    for (size_t k = i + 1; k < j && np < 16; k++)
      if (is_upper((unsigned char)s[k]) && !is_upper((unsigned char)s[k - 1])) {
        if (k - parts[np - 1] < shortest) shortest = k - parts[np - 1];
        parts[np++] = k;
      }
    if (np > 1 && j - parts[np - 1] < shortest) shortest = j - parts[np - 1];
    if (np == 1 || shortest < 3) {
      parts[0] = i;
      np = 1;
    }
    for (size_t p = 0; p < np; p++) {
      size_t a = parts[p], b = p + 1 < np ? parts[p + 1] : j;
      unsigned k = word_kind(s + a, b - a);
      if (k == W_STATE) return 0;
      if (k) kind = k;
    }
    i = j;
  }
  return kind;
}

/* The LB_EL_* that a class or id value names: the kinds of its classes
** (white space separated), see one_class and data/read/classwords.txt. */
static unsigned class_flags(const char *v) {
  unsigned f = 0;
  const char *s = v;
  for (;;) {
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') s++;
    if (!*s) break;
    const char *e = s;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r' && *e != '\f') e++;
    f |= one_class(s, (size_t)(e - s));
    s = e;
  }
  /* words of boilerplate outweigh words of content on one element */
  if (f & (LB_EL_JUNK | LB_EL_NAV | LB_EL_BYLINE | LB_EL_CAPTION)) f &= ~(unsigned)LB_EL_GOOD;
  return f;
}

/* ---- the parse state ---- */

typedef struct frame {
  uint32_t el;    /* element, or 0 for a level read flat (too deep) */
  uint32_t blk;   /* innermost block-level element at this level */
} frame;

typedef struct state {
  lb_html_page *pg;
  frame *stack;
  size_t depth, cap;   /* open elements (stack[0] is the document) */
  size_t flat;         /* levels past LB_HTML_MAX_DEPTH, read flat */
  size_t skip;         /* levels inside a dropped element */
  int in_title, title_done, in_script_ld, in_pre;
  lb_buf cap_text;     /* <title> text or a JSON-LD script being read */
  uint32_t cap_el;
  /* the block being filled */
  size_t blk_off;      /* where its text starts in pg->text */
  uint32_t blk_chars, blk_links;
  int space;           /* white space seen since the last character */
  int oom;
} state;

#define EL_NONE 0

static void *grow(void *p, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return p;
  size_t c = *cap ? *cap * 2 : 64;
  void *q = realloc(p, c * size);
  if (q) *cap = c;
  return q;
}

static uint32_t add_str(lb_html_page *pg, const char *s, size_t n) {
  uint32_t o = (uint32_t)pg->str.n;
  lb_buf_add(&pg->str, s, n);
  lb_buf_addc(&pg->str, 0);
  return o;
}

static void add_meta(state *st, const char *name, const char *value, size_t vlen, uint32_t el) {
  lb_html_page *pg = st->pg;
  lb_html_meta *m = grow(pg->meta, &pg->capmeta, pg->nmeta, sizeof *m);
  if (!m) {
    st->oom = 1;
    return;
  }
  pg->meta = m;
  char low[64];
  size_t k = 0;
  for (; name[k] && k < sizeof low - 1; k++)
    low[k] = (char)((name[k] >= 'A' && name[k] <= 'Z') ? name[k] | 0x20 : name[k]);
  low[k] = 0;
  /* values: white space collapsed and trimmed */
  size_t o = pg->str.n;
  int sp = 0;
  for (size_t i = 0; i < vlen; i++) {
    unsigned c = (unsigned char)value[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      sp = pg->str.n > o;
      continue;
    }
    if (sp) lb_buf_addc(&pg->str, ' ');
    sp = 0;
    lb_buf_addc(&pg->str, (char)c);
  }
  lb_buf_addc(&pg->str, 0);
  m[pg->nmeta].value = (uint32_t)o;
  m[pg->nmeta].name = add_str(pg, low, k);
  m[pg->nmeta].el = el;
  pg->nmeta++;
}

/* End the block being filled; keep it when it has any character. */
static void flush(state *st, int br) {
  lb_html_page *pg = st->pg;
  if (st->blk_chars > 0) {
    lb_html_block *b = grow(pg->blk, &pg->capblk, pg->nblk, sizeof *b);
    if (!b) {
      st->oom = 1;
      return;
    }
    pg->blk = b;
    b += pg->nblk++;
    frame *f = &st->stack[st->depth - 1];
    b->el = f->blk;
    b->off = (uint32_t)st->blk_off;
    b->len = (uint32_t)(pg->text.n - st->blk_off);
    b->chars = st->blk_chars;
    b->link_chars = st->blk_links;
    b->flags = 0; /* settled after the parse (settle) */
    b->pre = (uint8_t)(st->in_pre > 0);
    b->br = (uint8_t)br;
    pg->total_chars += st->blk_chars;
  } else {
    pg->text.n = st->blk_off; /* white space only: dropped */
    if (pg->text.p) pg->text.p[pg->text.n] = 0;
  }
  st->blk_off = pg->text.n;
  st->blk_chars = st->blk_links = 0;
  st->space = 0;
}

static const char *attr(const xmlChar **atts, const char *name) {
  if (!atts) return NULL;
  for (size_t i = 0; atts[i]; i += 2)
    if (strcmp((const char *)atts[i], name) == 0)
      return atts[i + 1] ? (const char *)atts[i + 1] : "";
  return NULL;
}

static int has_word(const char *v, const char *w) {
  size_t n = strlen(w);
  for (const char *s = v; (s = strcasestr(s, w)) != NULL; s += n) {
    int before = s == v || s[-1] == ' ' || s[-1] == ',' || s[-1] == ';';
    int after = s[n] == 0 || s[n] == ' ' || s[n] == ',' || s[n] == ';';
    if (before && after) return 1;
  }
  return 0;
}

/* What an element's tag says of its text. */
static unsigned tag_flags(int tag) {
  unsigned f = 0;
  switch (tag) {
  case LB_TAG_NAV: case LB_TAG_MENU: case LB_TAG_FOOTER: case LB_TAG_HEADER:
    f |= LB_EL_NAV;
    break;
  case LB_TAG_ASIDE: case LB_TAG_FORM: case LB_TAG_BUTTON: case LB_TAG_DIALOG:
  case LB_TAG_NOSCRIPT:
    f |= LB_EL_JUNK;
    break;
  case LB_TAG_FIGURE: case LB_TAG_FIGCAPTION: case LB_TAG_CAPTION:
    f |= LB_EL_CAPTION;
    break;
  case LB_TAG_H1:
    f |= LB_EL_HEADLINE;
    break;
  case LB_TAG_TITLE:
    f |= LB_EL_TITLE;
    break;
  case LB_TAG_ARTICLE: case LB_TAG_MAIN:
    f |= LB_EL_GOOD;
    break;
  default:
    break;
  }
  return f;
}

/* What an element says about itself: tag, class, id, role, attributes. */
static unsigned own_flags(int tag, const xmlChar **atts) {
  unsigned f = tag_flags(tag);
  if (!atts) return f;
  const char *v;
  unsigned words = 0;
  if ((v = attr(atts, "class")) != NULL) words |= class_flags(v);
  if ((v = attr(atts, "id")) != NULL) words |= class_flags(v);
  /* <body class="has-sidebar">, <article class="... has-post-thumbnail">:
  ** the tag says what they are (comments in <article>s sit in a comments
  ** container, which marks them) */
  if (tag == LB_TAG_BODY || tag == LB_TAG_HTML || tag == LB_TAG_MAIN || tag == LB_TAG_ARTICLE)
    words &= LB_EL_GOOD;
  f |= words;
  if ((v = attr(atts, "role")) != NULL) {
    if (has_word(v, "navigation") || has_word(v, "menu") || has_word(v, "menubar") ||
        has_word(v, "banner") || has_word(v, "contentinfo") || has_word(v, "search"))
      f |= LB_EL_NAV;
    if (has_word(v, "complementary") || has_word(v, "dialog") || has_word(v, "alert") ||
        has_word(v, "alertdialog") || has_word(v, "button") || has_word(v, "toolbar"))
      f |= LB_EL_JUNK;
    if (has_word(v, "main") || has_word(v, "article")) f |= LB_EL_GOOD;
  }
  if (attr(atts, "hidden")) f |= LB_EL_HIDDEN;
  if ((v = attr(atts, "aria-hidden")) != NULL && strcasecmp(v, "true") == 0) f |= LB_EL_HIDDEN;
  if ((v = attr(atts, "style")) != NULL) {
    /* display:none, visibility:hidden (spaces allowed around the colon) */
    char c[128];
    size_t k = 0;
    for (const char *s = v; *s && k < sizeof c - 1; s++)
      if (*s != ' ') c[k++] = (char)(*s | 0x20);
    c[k] = 0;
    if (strstr(c, "display:none") || strstr(c, "visibility:hidden")) f |= LB_EL_HIDDEN;
  }
  if ((v = attr(atts, "itemprop")) != NULL) {
    if (has_word(v, "articleBody") || has_word(v, "text") || has_word(v, "reviewBody"))
      f |= LB_EL_BODY;
    if (has_word(v, "headline")) f |= LB_EL_HEADLINE;
    if (has_word(v, "author") || has_word(v, "datePublished") || has_word(v, "dateModified"))
      f |= LB_EL_BYLINE;
  }
  if (tag == LB_TAG_A && attr(atts, "href")) f |= LB_EL_LINK;
  return f;
}

/* Metadata an element states in its attributes. */
static void element_meta(state *st, int tag, const xmlChar **atts, uint32_t el) {
  const char *v, *c;
  switch (tag) {
  case LB_TAG_HTML:
    if ((v = attr(atts, "lang")) != NULL || (v = attr(atts, "xml:lang")) != NULL)
      add_meta(st, "html:lang", v, strlen(v), el);
    break;
  case LB_TAG_META:
    if (!(c = attr(atts, "content"))) break;
    if ((v = attr(atts, "property")) != NULL) add_meta(st, v, c, strlen(c), el);
    if ((v = attr(atts, "name")) != NULL) add_meta(st, v, c, strlen(c), el);
    if ((v = attr(atts, "itemprop")) != NULL) add_meta(st, v, c, strlen(c), el);
    if ((v = attr(atts, "http-equiv")) != NULL) add_meta(st, v, c, strlen(c), el);
    break;
  case LB_TAG_LINK:
    if ((v = attr(atts, "rel")) != NULL && has_word(v, "canonical") &&
        (c = attr(atts, "href")) != NULL)
      add_meta(st, "canonical", c, strlen(c), el);
    break;
  case LB_TAG_TIME:
    if ((v = attr(atts, "datetime")) != NULL) {
      add_meta(st, "time", v, strlen(v), el);
      if (attr(atts, "pubdate")) add_meta(st, "time:pubdate", v, strlen(v), el);
    }
    break;
  default:
    break;
  }
  /* itemprop on other elements: <span itemprop="datePublished" content=...> */
  if (tag != LB_TAG_META && (v = attr(atts, "itemprop")) != NULL &&
      ((c = attr(atts, "content")) != NULL || (c = attr(atts, "datetime")) != NULL))
    add_meta(st, v, c, strlen(c), el);
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  state *st = ctx;
  if (st->oom) return;
  if (st->skip) {
    st->skip++;
    return;
  }
  if (st->depth > LB_HTML_MAX_DEPTH) {
    st->flat++;
    st->pg->cut_depth = 1;
    return;
  }
  lb_html_page *pg = st->pg;
  int tag = tag_of((const char *)name);
  if (tag == LB_TAG_SCRIPT) {
    const char *t = attr(atts, "type");
    if (t && strcasecmp(t, "application/ld+json") == 0) {
      st->in_script_ld = 1;
      lb_buf_reset(&st->cap_text);
    }
    st->skip = 1;
    return;
  }
  if (tag == LB_TAG_SKIP) {
    st->skip = 1;
    return;
  }
  if (is_block(tag)) flush(st, tag == LB_TAG_BR);
  lb_html_el *e = grow(pg->el, &pg->capel, pg->nel, sizeof *e);
  frame *fr = grow(st->stack, &st->cap, st->depth, sizeof *fr);
  if (!e || !fr) {
    if (e) pg->el = e;
    if (fr) st->stack = fr;
    st->oom = 1;
    return;
  }
  pg->el = e;
  st->stack = fr;
  uint32_t id = (uint32_t)pg->nel++;
  frame *up = &st->stack[st->depth - 1];
  e = &pg->el[id];
  e->parent = up->el;
  e->tag = (uint16_t)tag;
  e->depth = (uint16_t)st->depth;
  e->own = (uint16_t)own_flags(tag, atts);
  e->flags = (uint16_t)(e->own | pg->el[up->el].flags);
#ifdef LB_HTML_DEBUG
  {
    const char *c = attr(atts, "class"), *i = attr(atts, "id");
    char tmp[300];
    snprintf(tmp, sizeof tmp, "%.140s | %.140s", c ? c : "", i ? i : "");
    e->cls = add_str(pg, tmp, strlen(tmp));
    e = &pg->el[id];
  }
#endif
  st->stack[st->depth].el = id;
  st->stack[st->depth].blk = is_block(tag) ? id : up->blk;
  st->depth++;
  if (tag == LB_TAG_TITLE && !st->title_done) {
    st->in_title = 1;
    lb_buf_reset(&st->cap_text);
  }
  if (tag == LB_TAG_PRE) st->in_pre++;
  if (atts) element_meta(st, tag, atts, id);
}

static void on_end(void *ctx, const xmlChar *name) {
  state *st = ctx;
  (void)name;
  if (st->oom) return;
  if (st->skip) {
    if (--st->skip == 0 && st->in_script_ld) {
      st->in_script_ld = 0;
      add_meta(st, "@ldjson", st->cap_text.p ? st->cap_text.p : "", st->cap_text.n, 0);
    }
    return;
  }
  if (st->flat) {
    st->flat--;
    return;
  }
  if (st->depth <= 1) return; /* more ends than starts */
  lb_html_page *pg = st->pg;
  uint32_t id = st->stack[st->depth - 1].el;
  int tag = pg->el[id].tag;
  if (is_block(tag)) flush(st, 0);
  if (tag == LB_TAG_TITLE && st->in_title) {
    st->in_title = 0;
    st->title_done = 1;
    add_meta(st, "title", st->cap_text.p ? st->cap_text.p : "", st->cap_text.n, id);
  }
  if (tag == LB_TAG_PRE && st->in_pre) st->in_pre--;
  st->depth--;
}

/* Append text to the block being filled: white space collapsed (kept in
** <pre>), no-break spaces as spaces, soft hyphens and zero-width spaces
** dropped. */
static void on_text(void *ctx, const xmlChar *ch, int len) {
  state *st = ctx;
  if (st->oom || len <= 0) return;
  if (st->skip) {
    if (st->in_script_ld) lb_buf_add(&st->cap_text, ch, (size_t)len);
    return;
  }
  if (st->in_title) {
    lb_buf_add(&st->cap_text, ch, (size_t)len);
    return;
  }
  lb_html_page *pg = st->pg;
  const frame *f = &st->stack[st->depth - 1];
  /* inline boilerplate inside a block (<p><span class="image-caption">):
  ** not the block's text */
  unsigned inl = (unsigned)pg->el[f->el].flags & ~(unsigned)pg->el[f->blk].flags;
  if (inl & (LB_EL_CAPTION | LB_EL_JUNK | LB_EL_HIDDEN | LB_EL_NAV)) return;
  int link = (pg->el[f->el].flags & LB_EL_LINK) != 0;
  const unsigned char *s = ch;
  size_t n = (size_t)len;
  lb_buf_reserve(&pg->text, n + 1);
  for (size_t i = 0; i < n;) {
    unsigned c = s[i];
    size_t k = 1;
    int sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) { /* no-break space */
      sp = 1;
      k = 2;
    } else if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xAD) { /* soft hyphen */
      i += 2;
      continue;
    } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
               (s[i + 2] == 0x8B || s[i + 2] == 0x8C || s[i + 2] == 0x8D)) { /* zero width */
      i += 3;
      continue;
    } else if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF) { /* BOM */
      i += 3;
      continue;
    }
    if (st->in_pre && (c == '\n' || c == '\t' || c == ' ')) {
      lb_buf_addc(&pg->text, (char)c);
      i++;
      continue;
    }
    if (sp) {
      st->space = 1;
      i += k;
      continue;
    }
    if (st->space && pg->text.n > st->blk_off) lb_buf_addc(&pg->text, ' ');
    st->space = 0;
    /* a run of non-space bytes */
    size_t j = i + 1;
    while (j < n) {
      unsigned d = s[j];
      if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f' || d == 0xC2 || d == 0xE2 ||
          d == 0xEF)
        break;
      j++;
    }
    if (j == i + 1 && (c == 0xC2 || c == 0xE2 || c == 0xEF)) { /* one of those, not special */
      while (j < n && (s[j] & 0xC0) == 0x80) j++;
    }
    uint32_t chars = 0;
    for (size_t q = i; q < j; q++) chars += (s[q] & 0xC0) != 0x80;
    lb_buf_add(&pg->text, s + i, j - i);
    st->blk_chars += chars;
    if (link) st->blk_links += chars;
    i = j;
  }
}

static void on_cdata(void *ctx, const xmlChar *ch, int len) {
  state *st = ctx;
  if (st->in_script_ld && len > 0) lb_buf_add(&st->cap_text, ch, (size_t)len);
}

static void on_error(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

/*
** What the words of an element say is dropped when the element holds half
** or more of the page's prose: a <div class="sliderBox"> or an ASP.NET
** <form> around the whole page, Blogger's <div class="widget Blog"> around
** the post, say nothing about the article inside them. Then every
** element's flags are its own and its ancestors' (elements come in
** document order, parents first), and so are each block's.
*/
#define SETTLE_SHARE 0.5
/* A block that reads like prose: long, few of its characters in links. */
static int is_prose(const lb_html_block *b) {
  return b->chars >= 80 && b->link_chars * 4 < b->chars;
}
static int settle(lb_html_page *pg) {
  size_t n = pg->nel;
  uint32_t *sub = calloc(n ? n : 1, sizeof *sub);
  if (!sub) return -1;
  uint64_t prose = 0;
  for (size_t b = 0; b < pg->nblk; b++) {
    if (!is_prose(&pg->blk[b])) continue;
    prose += pg->blk[b].chars;
    for (uint32_t e = pg->blk[b].el; e != 0; e = pg->el[e].parent) sub[e] += pg->blk[b].chars;
  }
  double big = (double)prose * SETTLE_SHARE;
  const unsigned WORDS = LB_EL_JUNK | LB_EL_NAV | LB_EL_CAPTION | LB_EL_BYLINE | LB_EL_HIDDEN;
  for (size_t i = 1; i < n; i++) {
    lb_html_el *e = &pg->el[i];
    unsigned own = e->own;
    /* (the tags of page furniture stay: an <aside> of teasers may hold
    ** more prose than the article) */
    if (prose > 0 && (double)sub[i] >= big)
      own &= ~WORDS | (e->tag == LB_TAG_FORM || e->tag == LB_TAG_NOSCRIPT ? 0 : tag_flags(e->tag));
    e->own = (uint16_t)own;
    e->flags = (uint16_t)(own | pg->el[e->parent].flags);
  }
  for (size_t b = 0; b < pg->nblk; b++) pg->blk[b].flags = pg->el[pg->blk[b].el].flags;
  free(sub);
  return 0;
}

/*
** Before libxml2 sees a page, script and style contents are cut out, and
** start tags keep only the attributes this module reads. libxml2 reads
** script contents a character at a time (htmlParseScript): they are 59% of
** the bytes of the benchmark pages, and were most of the parse (callgrind,
** `lagebild read --threads 1` on 20 of the pages: libxml2 75% of 460M
** instructions; 302M without them). Attributes (srcset, data-*, inline
** JSON) are most of what is left: 34% of the bytes are start tags; libxml2's
** SAX parse of the 115 pages went from 1,100 to 1,590 pages/s without the
** attributes nobody reads (a throw-away program on the pages, one core).
** The cut follows HTML's own rules: a script's content ends at the first
** "</script" (a browser reads nothing inside as markup), an attribute is a
** name, optionally "=" and a quoted or unquoted value; comments are copied
** whole (a "<script>" inside one is no script); JSON-LD scripts, which the
** metadata needs, are kept.
*/
static int name_at(const char *s, size_t n, size_t i, const char *name) {
  size_t k = strlen(name);
  if (n - i < k + 1 || strncasecmp(s + i, name, k) != 0) return 0;
  unsigned c = (unsigned char)s[i + k];
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int html_space(unsigned c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The attributes html.c reads (sorted for bsearch). */
static const char *const KEEP_ATTRS[] = {
    "aria-hidden", "charset", "class",  "content", "datetime", "hidden",  "href",
    "http-equiv",  "id",      "itemprop", "lang",  "name",     "property", "pubdate",
    "rel",         "role",    "style",  "type",    "xml:lang"};

static int keep_attr(const char *a, size_t n) {
  char b[16];
  if (n == 0 || n >= sizeof b) return 0;
  for (size_t i = 0; i < n; i++) b[i] = (char)(a[i] >= 'A' && a[i] <= 'Z' ? a[i] | 0x20 : a[i]);
  b[n] = 0;
  const char *k = b;
  return bsearch(&k, KEEP_ATTRS, sizeof KEEP_ATTRS / sizeof *KEEP_ATTRS, sizeof *KEEP_ATTRS,
                 cmp_str) != NULL;
}

/* Copy the start tag at s[i] ("<" and a letter) with only the attributes
** of KEEP_ATTRS; returns the index after it. *ld is set when it says
** application/ld+json. */
static size_t copy_tag(const char *s, size_t n, size_t i, char *out, size_t *o, int *ld) {
  size_t j = i + 1;
  while (j < n && !html_space((unsigned char)s[j]) && s[j] != '>' && s[j] != '/') j++;
  memcpy(out + *o, s + i, j - i); /* "<name" */
  *o += j - i;
  *ld = 0;
  while (j < n) {
    while (j < n && (html_space((unsigned char)s[j]) || s[j] == '/')) j++;
    if (j >= n) break;
    if (s[j] == '>') {
      out[(*o)++] = '>';
      return j + 1;
    }
    size_t a = j; /* a name (its first byte may be "=") */
    j++;
    while (j < n && !html_space((unsigned char)s[j]) && s[j] != '/' && s[j] != '>' && s[j] != '=')
      j++;
    size_t an = j - a, e = j;
    while (e < n && html_space((unsigned char)s[e])) e++;
    if (e < n && s[e] == '=') {
      e++;
      while (e < n && html_space((unsigned char)s[e])) e++;
      if (e < n && (s[e] == '"' || s[e] == '\'')) {
        const char *q = memchr(s + e + 1, s[e], n - e - 1);
        e = q ? (size_t)(q - s) + 1 : n;
      } else {
        while (e < n && !html_space((unsigned char)s[e]) && s[e] != '>') e++;
      }
      j = e;
    }
    if (keep_attr(s + a, an)) {
      out[(*o)++] = ' ';
      memcpy(out + *o, s + a, j - a);
      *o += j - a;
      if (an == 4 && strncasecmp(s + a, "type", 4) == 0)
        for (size_t k = a; k + 19 <= j && !*ld; k++)
          *ld = (s[k] | 0x20) == 'a' && strncasecmp(s + k, "application/ld+json", 19) == 0;
    }
  }
  return n; /* a tag that never ends: what it had */
}

static size_t strip_raw(const char *s, size_t n, char *out) {
  size_t o = 0, i = 0;
  while (i < n) {
    const char *lt = memchr(s + i, '<', n - i);
    size_t j = lt ? (size_t)(lt - s) : n;
    memcpy(out + o, s + i, j - i);
    o += j - i;
    i = j;
    if (i >= n) break;
    if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) { /* a comment, whole */
      const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
      size_t k = e ? (size_t)(e - s) + 3 : n;
      memcpy(out + o, s + i, k - i);
      o += k - i;
      i = k;
      continue;
    }
    unsigned c = i + 1 < n ? (unsigned char)s[i + 1] | 0x20 : 0;
    if (!(c >= 'a' && c <= 'z')) {
      out[o++] = s[i++];
      continue;
    }
    const char *raw = name_at(s, n, i + 1, "script") ? "</script"
                      : name_at(s, n, i + 1, "style") ? "</style"
                                                      : NULL;
    int ld;
    size_t te = copy_tag(s, n, i, out, &o, &ld);
    i = te;
    if (!raw) continue;
    size_t rl = strlen(raw), e = te;
    while (e < n) {
      const char *f = memchr(s + e, '<', n - e);
      if (!f) {
        e = n;
        break;
      }
      e = (size_t)(f - s);
      if (n - e >= rl && strncasecmp(s + e, raw, rl) == 0) break;
      e++;
    }
    if (ld) { /* JSON-LD: kept */
      memcpy(out + o, s + te, e - te);
      o += e - te;
    }
    i = e; /* the end tag is copied as markup */
  }
  return o;
}

int lb_html_parse(lb_html_page *pg, const char *html, size_t n) {
  pthread_once(&ONCE, init_once);
  lb_html_reset(pg);
  state st;
  memset(&st, 0, sizeof st);
  st.pg = pg;
  /* element 0: the document, the parent of the root */
  pg->el = grow(pg->el, &pg->capel, 0, sizeof *pg->el);
  st.stack = malloc(64 * sizeof *st.stack);
  if (!pg->el || !st.stack) {
    free(st.stack);
    return -1;
  }
  st.cap = 64;
  memset(&pg->el[0], 0, sizeof pg->el[0]);
  pg->nel = 1;
  st.stack[0].el = 0;
  st.stack[0].blk = 0;
  st.depth = 1;
  lb_buf_reserve(&pg->text, n / 4 + 64);
  lb_buf_reserve(&pg->str, 1024);

  htmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_text;
  sax.ignorableWhitespace = on_text;
  sax.cdataBlock = on_cdata;
  sax.error = on_error;
  sax.warning = on_error;
  htmlParserCtxtPtr c = htmlCreatePushParserCtxt(&sax, &st, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
  if (!c) {
    free(st.stack);
    return -1;
  }
  htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
  /* (a kept attribute gains at most a space: `id=""id=""` -- 1.5 n at most) */
  char *stripped = malloc(n + n / 2 + 16);
  if (!stripped) {
    htmlFreeParserCtxt(c);
    free(st.stack);
    return -1;
  }
  n = strip_raw(html, n, stripped);
  html = stripped;
  /* in chunks: libxml2 takes an int length */
  const size_t CHUNK = (size_t)1 << 24;
  size_t i = 0;
  do {
    size_t k = n - i < CHUNK ? n - i : CHUNK;
    htmlParseChunk(c, html + i, (int)k, i + k == n);
    i += k;
  } while (i < n && !st.oom);
  if (n == 0) htmlParseChunk(c, "", 0, 1);
  htmlFreeParserCtxt(c);
  free(stripped);
  if (!st.oom) {
    st.depth = st.depth ? st.depth : 1;
    flush(&st, 0);
  }
  if (st.in_script_ld) /* a JSON-LD script the page never closed */
    add_meta(&st, "@ldjson", st.cap_text.p ? st.cap_text.p : "", st.cap_text.n, 0);
  lb_buf_free(&st.cap_text);
  free(st.stack);
  if (!st.oom && settle(pg) != 0) st.oom = 1;
  return st.oom ? -1 : 0;
}

void lb_html_reset(lb_html_page *pg) {
  pg->nel = pg->nblk = pg->nmeta = 0;
  lb_buf_reset(&pg->text);
  lb_buf_reset(&pg->str);
  pg->total_chars = 0;
  pg->cut_depth = 0;
}

void lb_html_free(lb_html_page *pg) {
  free(pg->el);
  free(pg->blk);
  free(pg->meta);
  lb_buf_free(&pg->text);
  lb_buf_free(&pg->str);
  memset(pg, 0, sizeof *pg);
}

const char *lb_html_meta_get(const lb_html_page *pg, const char *name) {
  for (size_t i = 0; i < pg->nmeta; i++)
    if (strcasecmp(lb_html_str(pg, pg->meta[i].name), name) == 0)
      return lb_html_str(pg, pg->meta[i].value);
  return NULL;
}
