/*
** doc.c -- small helpers on lb_doc shared by the stages (see doc.h).
*/
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>

void lb_doc_warn(lb_doc *d, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  const char **w = LB_VEC_PUSH(d->arena, d->warnings);
  *w = lb_arena_strdup(d->arena, tmp);
}

int32_t lb_doc_sentence_at(const lb_doc *d, uint32_t off) {
  size_t lo = 0, hi = d->sents.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const lb_sent *s = &d->sents.v[mid];
    if (off < s->start)
      hi = mid;
    else if (off >= s->end)
      lo = mid + 1;
    else
      return (int32_t)mid;
  }
  return -1;
}

int32_t lb_doc_entity_find(const lb_doc *d, const char *id) {
  for (size_t i = 0; i < d->entities.n; i++)
    if (strcmp(d->entities.v[i].id, id) == 0) return (int32_t)i;
  return -1;
}

char *lb_doc_span(const lb_doc *d, uint32_t start, uint32_t end) {
  if (end > d->len) end = d->len;
  if (start > end) start = end;
  return lb_arena_strndup(d->arena, d->text + start, end - start);
}
