/*
** article.c -- the article of an HTML page (see article.h).
**
** Finding the text. Every block of text (html.h) gets a value: its
** characters when it reads like the article's prose, minus its characters
** when it is boilerplate (inside elements that navigation tags or
** boilerplate words of data/read/classwords.txt mark, or mostly link text),
** about nothing when it is short. Each element sums the values of the
** blocks below it; the element with the largest sum holds the article:
** taking a larger element would add more boilerplate than prose, a smaller
** one would lose prose. Inside it, blocks that are boilerplate themselves,
** captions, bylines and the headline are left out. Measured with `make
** eval-read` on the article-extraction benchmark (tests/eval/read_split.txt
** says which pages it was tuned on).
**
** Metadata: the page's own statements in order of trust: JSON-LD of an
** article type, Open Graph and article:* properties, other <meta> names,
** then the document (<title>, <h1>, <time>).
*/
#include "article.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "charset.h"
#include "html.h"
#include "pubdate.h"

/* ---- metadata ---- */

typedef struct meta {
  const char *title, *url, *published, *author, *lang, *body;
  char pub[LB_PUBDATE_MAX];
  char langbuf[16];
  lb_buf ld; /* strings from JSON-LD */
  size_t ld_title, ld_pub, ld_author, ld_lang, ld_url;
} meta;

static int is_article_type(const json_t *t) {
  static const char *const TYPES[] = {"Article",           "NewsArticle",   "BlogPosting",
                                      "ReportageNews",     "AnalysisNewsArticle",
                                      "OpinionNewsArticle", "TechArticle",   "LiveBlogPosting",
                                      "Report",            "ScholarlyArticle",
                                      "SocialMediaPosting", "BackgroundNewsArticle",
                                      "Review",            "Posting"};
  if (json_is_array(t)) {
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) if (is_article_type(v)) return 1;
    return 0;
  }
  const char *s = json_string_value(t);
  if (!s) return 0;
  for (size_t i = 0; i < sizeof TYPES / sizeof *TYPES; i++)
    if (strcmp(s, TYPES[i]) == 0) return 1;
  return 0;
}

/* A name from a JSON-LD author: "X", {"name": "X"}, [{"name": "X"}, ...] */
static void ld_author(const json_t *a, lb_buf *b) {
  if (json_is_string(a)) {
    if (b->n) lb_buf_adds(b, ", ");
    lb_buf_adds(b, json_string_value(a));
  } else if (json_is_object(a)) {
    ld_author(json_object_get(a, "name"), b);
  } else if (json_is_array(a)) {
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) if (i < 8) ld_author(v, b);
  }
}

static size_t ld_keep(lb_buf *b, const char *s) {
  size_t o = b->n;
  lb_buf_adds(b, s);
  lb_buf_addc(b, 0);
  return o;
}

/* The first object of an article type in a JSON-LD value (arrays and
** @graph searched; depth bounded). */
static const json_t *ld_find(const json_t *v, int depth) {
  if (depth > 8) return NULL;
  if (json_is_array(v)) {
    size_t i;
    json_t *x;
    json_array_foreach(v, i, x) {
      const json_t *f = ld_find(x, depth + 1);
      if (f) return f;
    }
    return NULL;
  }
  if (!json_is_object(v)) return NULL;
  if (is_article_type(json_object_get(v, "@type"))) return v;
  const json_t *g = json_object_get(v, "@graph");
  return g ? ld_find(g, depth + 1) : NULL;
}

static void read_ldjson(meta *m, const char *s) {
  json_error_t err;
  json_t *root = json_loads(s, JSON_DECODE_ANY, &err);
  if (!root) return;
  const json_t *a = ld_find(root, 0);
  if (a) {
    const json_t *v;
    lb_buf *b = &m->ld;
    if (m->ld_title == LB_ART_NONE && (v = json_object_get(a, "headline")) && json_is_string(v))
      m->ld_title = ld_keep(b, json_string_value(v));
    if (m->ld_pub == LB_ART_NONE && (((v = json_object_get(a, "datePublished")) && json_is_string(v)) ||
                                     ((v = json_object_get(a, "dateCreated")) && json_is_string(v))))
      m->ld_pub = ld_keep(b, json_string_value(v));
    if (m->ld_lang == LB_ART_NONE && (v = json_object_get(a, "inLanguage")) && json_is_string(v))
      m->ld_lang = ld_keep(b, json_string_value(v));
    if (m->ld_url == LB_ART_NONE && (v = json_object_get(a, "url")) && json_is_string(v))
      m->ld_url = ld_keep(b, json_string_value(v));
    if (m->ld_author == LB_ART_NONE && (v = json_object_get(a, "author"))) {
      lb_buf names = LB_BUF_INIT;
      ld_author(v, &names);
      if (names.n) m->ld_author = ld_keep(b, names.p);
      lb_buf_free(&names);
    }
  }
  json_decref(root);
}

static const char *first_of(const lb_html_page *pg, const char *const *names) {
  for (; *names; names++) {
    const char *v = lb_html_meta_get(pg, *names);
    if (v && *v) return v;
  }
  return NULL;
}

int lb_art_lang_code(const char *v, char out[4]) {
  if (!v) return 0;
  while (*v == ' ') v++;
  size_t k = 0;
  while (((v[k] | 0x20) >= 'a' && (v[k] | 0x20) <= 'z') && k < 4) k++;
  if (k < 2 || k > 3 || (v[k] && v[k] != '-' && v[k] != '_' && v[k] != ',' && v[k] != ' '))
    return 0;
  for (size_t i = 0; i < k; i++) out[i] = (char)(v[i] | 0x20);
  out[k] = 0;
  return 1;
}

static void read_meta(const lb_html_page *pg, meta *m) {
  memset(m, 0, sizeof *m);
  m->ld_title = m->ld_pub = m->ld_author = m->ld_lang = m->ld_url = LB_ART_NONE;
  for (size_t i = 0; i < pg->nmeta; i++)
    if (strcmp(lb_html_str(pg, pg->meta[i].name), "@ldjson") == 0)
      read_ldjson(m, lb_html_str(pg, pg->meta[i].value));
#define LD(f) (m->f != LB_ART_NONE ? m->ld.p + m->f : NULL)
  static const char *const TITLE[] = {"og:title", "twitter:title", "title", NULL};
  m->title = LD(ld_title);
  if (!m->title) m->title = first_of(pg, TITLE);
  static const char *const URL[] = {"canonical", "og:url", NULL};
  m->url = first_of(pg, URL);
  if (!m->url) m->url = LD(ld_url);
  static const char *const PUB[] = {
      "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
      "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dc.date.created",
      "dcterms.created", "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date",
      "article.published", "cxenseparse:recs:publishtime", "time:pubdate", "datecreated",
      "article:modified_time", "og:updated_time", "datemodified", "last-modified", "time", NULL};
  const char *cand[32];
  size_t nc = 0;
  cand[nc++] = LD(ld_pub);
  for (const char *const *n = PUB; *n && nc < 31; n++) cand[nc++] = lb_html_meta_get(pg, *n);
  for (size_t i = 0; i < nc && !m->published; i++)
    if (cand[i] && lb_pubdate_parse(cand[i], strlen(cand[i]), m->pub)) m->published = m->pub;
  static const char *const AUTHOR[] = {"author", "article:author", "parsely-author",
                                       "sailthru.author", "dc.creator", "byl", NULL};
  m->author = LD(ld_author);
  if (!m->author) {
    m->author = first_of(pg, AUTHOR);
    if (m->author && (strncmp(m->author, "http", 4) == 0)) m->author = NULL; /* a profile URL */
  }
  static const char *const LANG[] = {"html:lang", "content-language", "og:locale",
                                     "dc.language", "language", NULL};
  const char *l = LD(ld_lang);
  if (!lb_art_lang_code(l, m->langbuf)) {
    l = NULL;
    for (const char *const *n = LANG; *n && !l; n++) {
      const char *v = lb_html_meta_get(pg, *n);
      if (lb_art_lang_code(v, m->langbuf)) l = v;
    }
  }
  m->lang = l ? m->langbuf : NULL;
#undef LD
}

/* ---- the article's blocks ---- */


static int is_prose(const lb_html_block *b) {
  return b->chars >= 80 && b->link_chars * 4 < b->chars;
}
static int is_linkline(const lb_html_block *b) { return b->link_chars * 5 >= b->chars * 4; }

/* Mostly link text: more than half of it in links, and no sentence or two
** of its own (a list item of a linked headline and its summary is text). */
#ifndef OWN_TEXT
#define OWN_TEXT 80
#endif
static int is_linky(const lb_html_block *b) {
  return b->link_chars * 2 > b->chars && b->chars - b->link_chars < OWN_TEXT;
}

/* What a block adds to the elements around it. */
static double block_value(const lb_html_block *b, int teaser) {
  double ch = (double)b->chars, ld = ch > 0 ? (double)b->link_chars / ch : 0;
  if (b->flags & (LB_EL_JUNK | LB_EL_NAV | LB_EL_HIDDEN)) return -ch;
  if (teaser) return -ch;
  if (is_linky(b)) return -ch * ld;
  if (b->flags & (LB_EL_CAPTION | LB_EL_BYLINE)) return 0;
  if (b->chars < 20) return 0;
  return ch * (1 - ld);
}

typedef struct pick {
  uint32_t best;   /* the element that holds the article */
  uint32_t end;    /* its last descendant */
  uint8_t *teaser; /* per block: the text of a teaser in a list of them */
} pick;

/*
** Teasers: lists of other articles, each item a link (the headline) and a
** paragraph of prose, look like the article's paragraphs block by block.
** An item is the smallest element around a prose block that holds more
** blocks; an item with one prose block and a line of links, with another
** such item under one of its TEASER_UP nearest ancestors, is a teaser.
*/
#define TEASER_UP 1
static void find_teasers(const lb_html_page *pg, uint8_t *teaser) {
  size_t n = pg->nel;
  uint16_t *nblk = calloc(n, sizeof *nblk), *nprose = calloc(n, sizeof *nprose),
           *nlink = calloc(n, sizeof *nlink), *items = calloc(n, sizeof *items);
  uint32_t *item = calloc(pg->nblk ? pg->nblk : 1, sizeof *item);
  if (!nblk || !nprose || !nlink || !items || !item) goto out;
  for (size_t b = 0; b < pg->nblk; b++) {
    const lb_html_block *k = &pg->blk[b];
    int pr = is_prose(k), ln = !pr && is_linkline(k);
    for (uint32_t e = k->el; e != 0; e = pg->el[e].parent) {
      if (nblk[e] < UINT16_MAX) nblk[e]++;
      if (pr && nprose[e] < UINT16_MAX) nprose[e]++;
      if (ln && nlink[e] < UINT16_MAX) nlink[e]++;
    }
  }
  for (size_t b = 0; b < pg->nblk; b++) {
    if (!is_prose(&pg->blk[b])) continue;
    uint32_t e = pg->blk[b].el;
    while (e != 0 && nblk[e] < 2) e = pg->el[e].parent;
    item[b] = e;
    if (e != 0 && nprose[e] == 1 && nlink[e] >= 1 && nblk[e] <= 8) {
      uint32_t a = pg->el[e].parent;
      for (int up = 0; up < TEASER_UP && a != 0; up++, a = pg->el[a].parent)
        if (items[a] < UINT16_MAX) items[a]++;
    }
  }
  for (size_t b = 0; b < pg->nblk; b++) {
    uint32_t e = item[b];
    if (e == 0 || nprose[e] != 1 || nlink[e] < 1 || nblk[e] > 8) continue;
    uint32_t a = pg->el[e].parent;
    for (int up = 0; up < TEASER_UP && a != 0; up++, a = pg->el[a].parent)
      if (items[a] >= 2) teaser[b] = 1;
  }
out:
  free(nblk);
  free(nprose);
  free(nlink);
  free(items);
  free(item);
}

static int choose(const lb_html_page *pg, pick *pk) {
  size_t n = pg->nel;
  double *sum = calloc(n, sizeof *sum);
  uint32_t *end = malloc(n * sizeof *end);
  pk->teaser = calloc(pg->nblk ? pg->nblk : 1, 1);
  if (!sum || !end || !pk->teaser) {
    free(sum);
    free(end);
    return -1;
  }
  find_teasers(pg, pk->teaser);
  for (size_t b = 0; b < pg->nblk; b++) {
    double v = block_value(&pg->blk[b], pk->teaser[b]);
    if (v == 0) continue;
    for (uint32_t e = pg->blk[b].el; e != 0; e = pg->el[e].parent) sum[e] += v;
  }
  for (size_t i = 0; i < n; i++) end[i] = (uint32_t)i;
  for (size_t i = n; i-- > 1;) {
    uint32_t p = pg->el[i].parent;
    if (end[i] > end[p]) end[p] = end[i];
  }
  uint32_t best = 0;
  double bs = 0;
  for (size_t i = 1; i < n; i++) {
    if (pg->el[i].flags & (LB_EL_JUNK | LB_EL_NAV | LB_EL_HIDDEN)) continue;
    if (sum[i] > bs) {
      bs = sum[i];
      best = (uint32_t)i;
    }
  }
  pk->best = best;
  pk->end = best ? end[best] : (uint32_t)(n ? n - 1 : 0);
  free(sum);
  free(end);
  return 0;
}

/* Is block i part of the article inside pk? */
static int keep_block(const lb_html_page *pg, const pick *pk, size_t i, int fragment) {
  const lb_html_block *b = &pg->blk[i];
  if (!fragment && (b->el < pk->best || b->el > pk->end)) return 0;
  if (pk->teaser && pk->teaser[i]) return 0;
  unsigned rel = b->flags & ~(unsigned)pg->el[pk->best].flags;
  if (rel & (LB_EL_JUNK | LB_EL_NAV | LB_EL_HIDDEN)) return 0;
  if (!fragment && (rel & (LB_EL_CAPTION | LB_EL_BYLINE | LB_EL_HEADLINE))) return 0;
  return 1;
}

/* A block mostly of link text is left out when it is one of a run of
** three or more such blocks (a list of links), or comes before the first
** or after the last other block of the article; one between paragraphs
** ("Get it on Amazon for $39.99") is part of the text. */
static void drop_links(const lb_html_page *pg, const size_t *kept, size_t n, uint8_t *drop) {
  size_t first = n, last = 0;
  for (size_t k = 0; k < n; k++) {
    const lb_html_block *b = &pg->blk[kept[k]];
    if (!is_linky(b)) {
      if (first == n) first = k;
      last = k;
    }
  }
  for (size_t k = 0; k < n;) {
    const lb_html_block *b = &pg->blk[kept[k]];
    if (!is_linky(b)) {
      k++;
      continue;
    }
    size_t j = k;
    while (j < n && is_linky(&pg->blk[kept[j]])) j++;
    int edge = first == n || k < first || k > last;
    if (j - k >= 3 || edge)
      for (size_t q = k; q < j; q++) drop[q] = 1;
    k = j;
  }
}

static int write_text(const lb_html_page *pg, const pick *pk, int fragment, lb_buf *out) {
  size_t *kept = malloc((pg->nblk ? pg->nblk : 1) * sizeof *kept), n = 0;
  uint8_t *drop = calloc(pg->nblk ? pg->nblk : 1, 1);
  if (!kept || !drop) {
    free(kept);
    free(drop);
    return -1;
  }
  for (size_t i = 0; i < pg->nblk; i++)
    if (keep_block(pg, pk, i, fragment)) kept[n++] = i;
  drop_links(pg, kept, n, drop);
  size_t start = out->n;
  for (size_t k = 0; k < n; k++) {
    if (drop[k]) continue;
    const lb_html_block *b = &pg->blk[kept[k]];
    if (out->n > start) lb_buf_add(out, "\n\n", 2);
    lb_buf_add(out, pg->text.p + b->off, b->len);
  }
  free(kept);
  free(drop);
  return 0;
}

/* s, trimmed of white space, into out; LB_ART_NONE for NULL or nothing. */
static size_t put(lb_buf *out, const char *s) {
  if (!s) return LB_ART_NONE;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
  while (n && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) s++, n--;
  if (!n) return LB_ART_NONE;
  size_t o = out->n;
  lb_buf_add(out, s, n);
  lb_buf_addc(out, 0);
  lb_charset_scrub(out->p + o, n);
  return o;
}

int lb_art_read(const char *p, size_t n, const lb_art_opts *o, lb_buf *out, lb_art *a) {
  static const lb_art_opts none = {NULL, 0};
  if (!o) o = &none;
  a->text = a->title = a->url = a->published = a->author = a->lang = a->warnings = LB_ART_NONE;
  a->len = 0;
  lb_buf conv = LB_BUF_INIT, warns = LB_BUF_INIT;
  const char *u;
  char warn[256];
  size_t un = lb_charset_utf8(p, n, o->charset, &conv, &u, warn, sizeof warn);
  if (warn[0]) lb_buf_printf(&warns, "%s\n", warn);
  lb_html_page pg;
  memset(&pg, 0, sizeof pg);
  int rc = lb_html_parse(&pg, u, un);
  if (rc == 0) {
    if (pg.cut_depth)
      lb_buf_printf(&warns, "elements nested deeper than %d levels read as one\n",
                    LB_HTML_MAX_DEPTH);
    meta m;
    read_meta(&pg, &m);
    pick pk = {0, 0, NULL};
    if (!o->fragment && choose(&pg, &pk) != 0) rc = -1;
    if (o->fragment) pk.end = (uint32_t)(pg.nel ? pg.nel - 1 : 0);
    if (rc == 0) {
      a->text = out->n;
      if (write_text(&pg, &pk, o->fragment, out) != 0) rc = -1;
      a->len = out->n - a->text;
      lb_buf_addc(out, 0);
      lb_charset_scrub(out->p + a->text, a->len);
      if (a->len == 0 && pg.total_chars > 0 && !o->fragment)
        lb_buf_adds(&warns, "no article text found\n");
      a->title = put(out, m.title);
      a->url = put(out, m.url);
      a->published = put(out, m.published);
      a->author = put(out, m.author);
      a->lang = put(out, m.lang);
    }
    free(pk.teaser);
    lb_buf_free(&m.ld);
  }
  if (warns.n) {
    warns.p[--warns.n] = 0; /* the last newline */
    a->warnings = put(out, warns.p);
  }
  lb_buf_free(&warns);
  lb_buf_free(&conv);
  lb_html_free(&pg);
  return rc;
}
