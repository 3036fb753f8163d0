/*
** feed.h -- RSS 2.0, RSS 1.0 (RDF) and Atom feeds into their items.
**
** lb_feed_parse reads a whole feed, made valid UTF-8 first (charset.h),
** with libxml2's XML parser (no network,
** no external entities, no entity expansion; damaged XML is recovered as
** far as libxml2 can) and lists its items: id (guid, Atom id, rdf:about),
** link, title, date (pubDate, dc:date, published, updated: as written, for
** pubdate.h), author, language (the item's or the feed's) and content
** (content:encoded, Atom content, else description or summary), with
** whether the content is HTML or plain text. article.h reads the content.
*/
#ifndef LB_FEED_H
#define LB_FEED_H

#include <stddef.h>

#include "../base/buf.h"

enum { LB_FEED_HTML = 0, LB_FEED_TEXT = 1 };

/* One item: offsets of NUL-terminated strings in lb_feed.str, 0 for none
** (offset 0 holds an empty string). */
typedef struct lb_feed_item {
  size_t id, link, title, date, author, lang, content;
  int content_type; /* LB_FEED_HTML or LB_FEED_TEXT */
  int title_html;   /* the title is HTML (Atom type="html") */
} lb_feed_item;

typedef struct lb_feed {
  lb_feed_item *item;
  size_t n, cap;
  lb_buf str;
  char kind[8];      /* "rss", "rdf" or "atom" */
  char err[160];     /* what was wrong with the XML or its bytes, when something was */
} lb_feed;

/* Parse xml[0..n) into *f (zeroed by the caller). Returns the number of
** items, or -1 when it is no feed at all (message in f->err). A damaged
** feed gives the items read before and around the damage, and f->err. */
long lb_feed_parse(lb_feed *f, const char *xml, size_t n);
void lb_feed_free(lb_feed *f);

static inline const char *lb_feed_str(const lb_feed *f, size_t o) { return f->str.p + o; }

#endif
