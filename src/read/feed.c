/*
** feed.c -- RSS and Atom items (see feed.h).
**
** libxml2 builds the feed's tree (feeds are small next to the pages they
** point to; a 100 MB feed costs a few times that, linearly). Text is
** collected by walking the tree here, never with xmlNodeGetContent, so an
** entity reference is not expanded: a "billion laughs" feed stays as small
** as it is written. External entities and DTDs are never loaded (NONET, and
** a loader that refuses everything). The parse is bounded by libxml2's own
** limits without XML_PARSE_HUGE (256 levels, 10 MB per text node).
*/
#include "feed.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "charset.h"

static xmlParserInputPtr no_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  (void)url;
  (void)id;
  (void)ctxt;
  return NULL;
}

static pthread_once_t ONCE = PTHREAD_ONCE_INIT;
static void init_once(void) {
  xmlInitParser();
  xmlSetExternalEntityLoader(no_loader);
}

static void quiet(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static int is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Element n of namespace href (prefix-independent), or of no namespace when
** href is NULL. */
static int is_ns(const xmlNode *n, const char *name, const char *href) {
  if (!is(n, name)) return 0;
  if (!href) return n->ns == NULL || n->ns->prefix == NULL;
  return n->ns && n->ns->href && strcmp((const char *)n->ns->href, href) == 0;
}

#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* Append the text below n (text and CDATA nodes; entity references are not
** expanded), white space as it is. */
static void text_of(const xmlNode *n, lb_buf *b, int depth) {
  if (depth > 64) return;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      lb_buf_adds(b, (const char *)c->content);
    else if (c->type == XML_ELEMENT_NODE)
      text_of(c, b, depth + 1);
  }
}

/* Trimmed text of n into f->str; returns its offset (0: none). */
static size_t keep_text(lb_feed *f, const xmlNode *n) {
  size_t o = f->str.n;
  text_of(n, &f->str, 0);
  size_t s = o, e = f->str.n;
  while (s < e && (f->str.p[s] == ' ' || f->str.p[s] == '\n' || f->str.p[s] == '\t' ||
                   f->str.p[s] == '\r'))
    s++;
  while (e > s && (f->str.p[e - 1] == ' ' || f->str.p[e - 1] == '\n' ||
                   f->str.p[e - 1] == '\t' || f->str.p[e - 1] == '\r'))
    e--;
  if (s == e) {
    f->str.n = o;
    f->str.p[o] = 0;
    return 0;
  }
  memmove(f->str.p + o, f->str.p + s, e - s);
  f->str.n = o + (e - s);
  lb_buf_addc(&f->str, 0);
  return o;
}

static size_t keep(lb_feed *f, const char *s) {
  if (!s || !*s) return 0;
  size_t o = f->str.n;
  lb_buf_adds(&f->str, s);
  lb_buf_addc(&f->str, 0);
  return o;
}

static size_t keep_attr(lb_feed *f, const xmlNode *n, const char *name) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  size_t o = keep(f, (const char *)v);
  xmlFree(v);
  return o;
}

/* The children of an Atom xhtml content: serialized as HTML for the reader. */
static size_t keep_xhtml(lb_feed *f, xmlDoc *doc, const xmlNode *n) {
  xmlBufferPtr xb = xmlBufferCreate();
  if (!xb) return 0;
  for (xmlNode *c = n->children; c; c = c->next) xmlNodeDump(xb, doc, c, 0, 0);
  size_t o = keep(f, (const char *)xmlBufferContent(xb));
  xmlBufferFree(xb);
  return o;
}

static lb_feed_item *new_item(lb_feed *f) {
  if (f->n == f->cap) {
    size_t c = f->cap ? 2 * f->cap : 16;
    lb_feed_item *it = realloc(f->item, c * sizeof *it);
    if (!it) return NULL;
    f->item = it;
    f->cap = c;
  }
  lb_feed_item *it = &f->item[f->n++];
  memset(it, 0, sizeof *it);
  return it;
}

/* An RSS 2.0 or RSS 1.0 item. */
static void rss_item(lb_feed *f, const xmlNode *n, size_t lang) {
  lb_feed_item *it = new_item(f);
  if (!it) return;
  size_t desc = 0, dc_date = 0;
  it->lang = lang;
  it->id = keep_attr(f, n, "about"); /* rdf:about */
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is_ns(c, "title", NULL) && !it->title) it->title = keep_text(f, c);
    else if (is_ns(c, "link", NULL) && !it->link) it->link = keep_text(f, c);
    else if (is_ns(c, "guid", NULL)) it->id = keep_text(f, c);
    else if (is_ns(c, "pubDate", NULL) && !it->date) it->date = keep_text(f, c);
    else if (is_ns(c, "date", NS_DC) && !dc_date) dc_date = keep_text(f, c);
    else if (is_ns(c, "creator", NS_DC) && !it->author) it->author = keep_text(f, c);
    else if (is_ns(c, "author", NULL) && !it->author) it->author = keep_text(f, c);
    else if (is_ns(c, "language", NS_DC)) it->lang = keep_text(f, c);
    else if (is_ns(c, "encoded", NS_CONTENT) && !it->content) it->content = keep_text(f, c);
    else if (is_ns(c, "description", NULL) && !desc) desc = keep_text(f, c);
  }
  if (!it->date) it->date = dc_date;
  if (!it->content) it->content = desc;
  if (!it->id) it->id = it->link;
  it->content_type = LB_FEED_HTML; /* RSS descriptions are escaped HTML */
}

static int atom_type(const xmlNode *n, int *html) {
  xmlChar *t = xmlGetProp(n, (const xmlChar *)"type");
  int xhtml = t && strcmp((const char *)t, "xhtml") == 0;
  *html = t && (strcmp((const char *)t, "html") == 0 || strcmp((const char *)t, "text/html") == 0);
  xmlFree(t);
  return xhtml;
}

static void atom_entry(lb_feed *f, xmlDoc *doc, const xmlNode *n, size_t lang) {
  lb_feed_item *it = new_item(f);
  if (!it) return;
  size_t summary = 0, updated = 0, alt = 0, any = 0;
  int summary_html = 0, html;
  it->lang = lang;
  xmlChar *xl = xmlNodeGetLang(n);
  if (xl) {
    it->lang = keep(f, (const char *)xl);
    xmlFree(xl);
  }
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is(c, "title") && !it->title) {
      if (atom_type(c, &html)) {
        it->title = keep_xhtml(f, doc, c);
        it->title_html = 1;
      } else {
        it->title = keep_text(f, c);
        it->title_html = html;
      }
    } else if (is(c, "link")) {
      xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
      if (!rel || strcmp((const char *)rel, "alternate") == 0) {
        if (!alt) alt = keep_attr(f, c, "href");
      } else if (!any) {
        any = keep_attr(f, c, "href");
      }
      xmlFree(rel);
    } else if (is(c, "id")) {
      it->id = keep_text(f, c);
    } else if (is(c, "published") && !it->date) {
      it->date = keep_text(f, c);
    } else if (is(c, "updated") && !updated) {
      updated = keep_text(f, c);
    } else if (is(c, "author") && !it->author) {
      for (const xmlNode *a = c->children; a; a = a->next)
        if (is(a, "name")) it->author = keep_text(f, a);
    } else if (is(c, "content") && !it->content) {
      if (atom_type(c, &html)) {
        it->content = keep_xhtml(f, doc, c);
        it->content_type = LB_FEED_HTML;
      } else {
        it->content = keep_text(f, c);
        it->content_type = html ? LB_FEED_HTML : LB_FEED_TEXT;
      }
    } else if (is(c, "summary") && !summary) {
      if (atom_type(c, &html)) {
        summary = keep_xhtml(f, doc, c);
        summary_html = 1;
      } else {
        summary = keep_text(f, c);
        summary_html = html;
      }
    }
  }
  it->link = alt ? alt : any;
  if (!it->date) it->date = updated;
  if (!it->content) {
    it->content = summary;
    it->content_type = summary_html ? LB_FEED_HTML : LB_FEED_TEXT;
  }
  if (!it->id) it->id = it->link;
}

long lb_feed_parse(lb_feed *f, const char *xml, size_t n) {
  pthread_once(&ONCE, init_once);
  f->n = 0;
  lb_buf_reset(&f->str);
  lb_buf_addc(&f->str, 0); /* offset 0: the empty string */
  f->err[0] = 0;
  f->kind[0] = 0;
  if (n > (size_t)1 << 30) {
    snprintf(f->err, sizeof f->err, "feed larger than 1 GiB");
    return -1;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    snprintf(f->err, sizeof f->err, "out of memory");
    return -1;
  }
  ctxt->sax->error = quiet;
  ctxt->sax->warning = quiet;
  /* UTF-8 first (charset.h: the declaration, a lying one, broken bytes),
  ** then parsed as UTF-8 whatever the XML declaration says: libxml2 would
  ** read the rest of a feed as ISO-8859-1 after one broken byte */
  lb_buf conv = LB_BUF_INIT;
  const char *u;
  char warn[128];
  char decl[48];
  const char *tr = lb_charset_declared(xml, n, decl, sizeof decl) ? NULL : "utf-8"; /* XML's default */
  size_t un = lb_charset_utf8(xml, n, tr, &conv, &u, warn, sizeof warn);
  xmlDoc *doc = xmlCtxtReadMemory(ctxt, u, (int)un, NULL, "UTF-8",
                                  XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  const xmlError *e = xmlCtxtGetLastError(ctxt);
  if (e && e->code != XML_ERR_OK)
    snprintf(f->err, sizeof f->err, "XML error at line %d: %.100s", e->line,
             e->message ? e->message : "?");
  else if (warn[0])
    snprintf(f->err, sizeof f->err, "%s", warn);
  lb_buf_free(&conv);
  char *nl = strchr(f->err, '\n');
  if (nl) *nl = 0;
  xmlFreeParserCtxt(ctxt);
  const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!root) {
    if (!f->err[0]) snprintf(f->err, sizeof f->err, "no XML element");
    xmlFreeDoc(doc);
    return -1;
  }
  size_t lang = 0;
  if (is(root, "rss") || is(root, "RDF")) {
    snprintf(f->kind, sizeof f->kind, "%s", is(root, "rss") ? "rss" : "rdf");
    for (const xmlNode *c = root->children; c; c = c->next) {
      if (is(c, "channel")) {
        for (const xmlNode *i = c->children; i; i = i->next) {
          if (is_ns(i, "language", NULL) || is_ns(i, "language", NS_DC)) lang = keep_text(f, i);
          if (is(i, "item")) rss_item(f, i, lang); /* RSS 2.0 */
        }
      }
      if (is(c, "item")) rss_item(f, c, lang); /* RSS 1.0: items beside the channel */
    }
  } else if (is(root, "feed")) {
    snprintf(f->kind, sizeof f->kind, "atom");
    xmlChar *xl = xmlNodeGetLang(root);
    if (xl) lang = keep(f, (const char *)xl);
    xmlFree(xl);
    for (const xmlNode *c = root->children; c; c = c->next)
      if (is(c, "entry")) atom_entry(f, doc, c, lang);
  } else {
    snprintf(f->err, sizeof f->err, "root element <%.40s> is no RSS or Atom feed",
             (const char *)root->name);
    xmlFreeDoc(doc);
    return -1;
  }
  xmlFreeDoc(doc);
  return (long)f->n;
}

void lb_feed_free(lb_feed *f) {
  free(f->item);
  lb_buf_free(&f->str);
  memset(f, 0, sizeof *f);
}
