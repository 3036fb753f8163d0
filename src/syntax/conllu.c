/*
** conllu.c -- CoNLL-U reader and writer (see conllu.h).
**
** The reader is strict about what a parser relies on (10 columns, ids in
** order, heads inside the sentence) and lenient about the rest (columns are
** kept as written). A CR before a line's LF is dropped.
*/
#include "conllu.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

void lb_conllu_init(lb_conllu_reader *r, const char *name, const char *buf, size_t len) {
  memset(r, 0, sizeof *r);
  r->buf = buf;
  r->len = len;
  r->name = name ? name : "<input>";
  /* a UTF-8 byte-order mark is not part of the first line */
  if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) r->pos = 3;
}

/* The line at r->pos: [*ls, *le) without its newline; advances past it. */
static int next_line(lb_conllu_reader *r, const char **ls, size_t *ll) {
  if (r->pos >= r->len) return 0;
  const char *s = r->buf + r->pos;
  const char *nl = memchr(s, '\n', r->len - r->pos);
  size_t n = nl ? (size_t)(nl - s) : r->len - r->pos;
  r->pos += n + (nl ? 1 : 0);
  r->line++;
  if (n && s[n - 1] == '\r') n--;
  *ls = s;
  *ll = n;
  return 1;
}

static int is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t') return 0;
  return 1;
}

/* A positive decimal integer of the whole s[0..n), or -1. */
static int parse_int(const char *s, size_t n) {
  if (n == 0 || n > 6) return -1;
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

static void fail(lb_conllu_reader *r, size_t line, const char *ls, char *err, size_t errlen,
                 const char *what) {
  snprintf(err, errlen, "%s: line %zu (byte %zu): %s", r->name, line, (size_t)(ls - r->buf),
           what);
}

/* Skip to the line after the next blank line (or the end). */
static void skip_sentence(lb_conllu_reader *r) {
  const char *ls;
  size_t ll;
  while (next_line(r, &ls, &ll))
    if (is_blank(ls, ll)) return;
}

static const char *value_after(lb_arena *a, const char *ls, size_t ll, const char *prefix) {
  size_t pl = strlen(prefix);
  if (ll < pl || memcmp(ls, prefix, pl) != 0) return NULL;
  return lb_arena_strndup(a, ls + pl, ll - pl);
}

int lb_conllu_next(lb_conllu_reader *r, lb_arena *a, lb_conllu_sent *s, char *err,
                   size_t errlen) {
  memset(s, 0, sizeof *s);
  const char *ls;
  size_t ll;
  /* skip blank lines between sentences */
  for (;;) {
    size_t save = r->pos, sline = r->line;
    if (!next_line(r, &ls, &ll)) return 0;
    if (!is_blank(ls, ll)) {
      r->pos = save;
      r->line = sline;
      break;
    }
  }
  s->line = r->line + 1;
  int expect_mwt_end = 0;
  while (next_line(r, &ls, &ll)) {
    if (is_blank(ls, ll)) break;
    if (memchr(ls, 0, ll)) {
      fail(r, r->line, ls, err, errlen, "a NUL byte in the line");
      skip_sentence(r);
      return -1;
    }
    if (ls[0] == '#') {
      if (s->words.n || s->mwts.n) {
        fail(r, r->line, ls, err, errlen, "comment line inside a sentence");
        skip_sentence(r);
        return -1;
      }
      const char *c = lb_arena_strndup(a, ls, ll);
      *(const char **)LB_VEC_PUSH(a, s->comments) = c;
      const char *v;
      if ((v = value_after(a, ls, ll, "# text = "))) s->text = v;
      else if ((v = value_after(a, ls, ll, "# sent_id = "))) s->sent_id = v;
      continue;
    }
    /* split into 10 columns */
    const char *col[10];
    size_t cl[10];
    int nc = 0;
    const char *p = ls, *end = ls + ll;
    while (nc < 10) {
      const char *t = memchr(p, '\t', (size_t)(end - p));
      col[nc] = p;
      cl[nc] = t ? (size_t)(t - p) : (size_t)(end - p);
      nc++;
      if (!t) break;
      p = t + 1;
    }
    if (nc != 10 || memchr(col[9], '\t', cl[9])) {
      char msg[96];
      snprintf(msg, sizeof msg, "expected 10 tab-separated columns, found %d", nc);
      fail(r, r->line, ls, err, errlen, msg);
      skip_sentence(r);
      return -1;
    }
    const char *dash = memchr(col[0], '-', cl[0]);
    const char *dot = memchr(col[0], '.', cl[0]);
    if (dash) {
      int f = parse_int(col[0], (size_t)(dash - col[0]));
      int l = parse_int(dash + 1, (size_t)(col[0] + cl[0] - dash - 1));
      if (f != (int)s->words.n + 1 || l <= f || l > f + 16 || expect_mwt_end) {
        fail(r, r->line, ls, err, errlen, "multiword token range out of order");
        skip_sentence(r);
        return -1;
      }
      lb_conllu_mwt *m = LB_VEC_PUSH(a, s->mwts);
      m->first = f;
      m->last = l;
      m->form = lb_arena_strndup(a, col[1], cl[1]);
      m->misc = lb_arena_strndup(a, col[9], cl[9]);
      expect_mwt_end = l;
      continue;
    }
    if (dot) {
      lb_conllu_raw *w = LB_VEC_PUSH(a, s->raws);
      w->after = (int)s->words.n;
      w->line = lb_arena_strndup(a, ls, ll);
      continue;
    }
    int id = parse_int(col[0], cl[0]);
    if (id != (int)s->words.n + 1) {
      fail(r, r->line, ls, err, errlen, "word id out of order (want 1, 2, 3 ...)");
      skip_sentence(r);
      return -1;
    }
    if (expect_mwt_end && id >= expect_mwt_end) expect_mwt_end = 0;
    if (cl[1] == 0) {
      fail(r, r->line, ls, err, errlen, "empty FORM column");
      skip_sentence(r);
      return -1;
    }
    lb_conllu_word *w = LB_VEC_PUSH(a, s->words);
    w->form = lb_arena_strndup(a, col[1], cl[1]);
    w->lemma = lb_arena_strndup(a, col[2], cl[2]);
    w->upos = lb_arena_strndup(a, col[3], cl[3]);
    w->xpos = lb_arena_strndup(a, col[4], cl[4]);
    w->feats = lb_arena_strndup(a, col[5], cl[5]);
    w->deprel = lb_arena_strndup(a, col[7], cl[7]);
    w->deps = lb_arena_strndup(a, col[8], cl[8]);
    w->misc = lb_arena_strndup(a, col[9], cl[9]);
    if (cl[6] == 1 && col[6][0] == '_') w->head = -1;
    else {
      w->head = parse_int(col[6], cl[6]);
      if (w->head < 0) {
        fail(r, r->line, ls, err, errlen, "HEAD is not a number");
        skip_sentence(r);
        return -1;
      }
    }
  }
  if (s->words.n == 0) {
    snprintf(err, errlen, "%s: line %zu: a sentence without words", r->name, s->line);
    return -1;
  }
  for (size_t i = 0; i < s->words.n; i++)
    if (s->words.v[i].head > (int)s->words.n) {
      snprintf(err, errlen, "%s: line %zu: word %zu has head %d outside the sentence (%zu words)",
               r->name, s->line, i + 1, s->words.v[i].head, s->words.n);
      return -1;
    }
  for (size_t i = 0; i < s->mwts.n; i++)
    if (s->mwts.v[i].last > (int)s->words.n) {
      snprintf(err, errlen, "%s: line %zu: multiword token %d-%d past the last word", r->name,
               s->line, s->mwts.v[i].first, s->mwts.v[i].last);
      return -1;
    }
  return 1;
}

void lb_conllu_write(lb_buf *out, const lb_conllu_sent *s) {
  for (size_t i = 0; i < s->comments.n; i++) {
    lb_buf_adds(out, s->comments.v[i]);
    lb_buf_addc(out, '\n');
  }
  size_t m = 0, raw = 0;
  for (size_t i = 0; i < s->words.n; i++) {
    while (raw < s->raws.n && s->raws.v[raw].after <= (int)i) {
      lb_buf_adds(out, s->raws.v[raw++].line);
      lb_buf_addc(out, '\n');
    }
    if (m < s->mwts.n && s->mwts.v[m].first == (int)i + 1) {
      const lb_conllu_mwt *t = &s->mwts.v[m++];
      lb_buf_printf(out, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", t->first, t->last, t->form,
                    t->misc);
    }
    const lb_conllu_word *w = &s->words.v[i];
    lb_buf_printf(out, "%zu\t%s\t%s\t%s\t%s\t%s\t", i + 1, w->form, w->lemma, w->upos, w->xpos,
                  w->feats);
    if (w->head < 0) lb_buf_addc(out, '_');
    else lb_buf_printf(out, "%d", w->head);
    lb_buf_printf(out, "\t%s\t%s\t%s\n", w->deprel, w->deps, w->misc);
  }
  while (raw < s->raws.n) {
    lb_buf_adds(out, s->raws.v[raw++].line);
    lb_buf_addc(out, '\n');
  }
  lb_buf_addc(out, '\n');
}

const char *lb_conllu_feat(const char *feats, const char *name, size_t *len) {
  size_t nl = strlen(name);
  const char *p = feats;
  while (p && *p) {
    const char *bar = strchr(p, '|');
    size_t n = bar ? (size_t)(bar - p) : strlen(p);
    if (n > nl && memcmp(p, name, nl) == 0 && p[nl] == '=') {
      *len = n - nl - 1;
      return p + nl + 1;
    }
    p = bar ? bar + 1 : NULL;
  }
  return NULL;
}

int lb_conllu_misc_has(const char *misc, const char *key) {
  size_t kl = strlen(key);
  const char *p = misc;
  while (p && *p) {
    const char *bar = strchr(p, '|');
    size_t n = bar ? (size_t)(bar - p) : strlen(p);
    if (n == kl && memcmp(p, key, kl) == 0) return 1;
    p = bar ? bar + 1 : NULL;
  }
  return 0;
}
