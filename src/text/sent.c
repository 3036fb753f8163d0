/*
** sent.c -- sentence splitter (see sent.h).
*/
#include "sent.h"

#include <string.h>

/*
** The longest sentence, in tokens. The longest of the 112 MB of news and
** court decisions of `make bench` has 1,482 tokens (and 42 have more than
** 512); longer ones are tables, lists or text without punctuation. They are
** cut, with a warning: the extractors look at a sentence and the two
** before it for each fact, so an uncut sentence of a megabyte made their
** time grow with its square (issue 22).
*/
#define MAXTOK 2048

static int is_final_punct(const lb_text *tx, const lb_tok *t) {
  if (t->kind != LB_TOK_PUNCT) return 0;
  char c = tx->text[t->start];
  if (c == '.' || c == '!' || c == '?') return 1;
  return t->end - t->start == 3 && (unsigned char)c == 0xE2; /* … */
}

static int is_closer(const lb_text *tx, const lb_tok *t) {
  if (t->flags & LB_TF_SPACE) return 0;
  if (t->kind == LB_TOK_QUOTE) return (t->flags & LB_TF_CLOSE) != 0;
  if (t->kind == LB_TOK_PUNCT) {
    char c = tx->text[t->start];
    return c == ')' || c == ']';
  }
  return 0;
}

/* Could t open a sentence? */
static int starts_sentence(const lb_tok *t) {
  if (t->kind == LB_TOK_QUOTE) return (t->flags & LB_TF_OPEN) != 0;
  if (t->kind == LB_TOK_NUM || t->kind == LB_TOK_ORD || t->kind == LB_TOK_DATE) return 1;
  if (t->kind == LB_TOK_DASH) return 1;
  if (t->kind == LB_TOK_PUNCT) return 0;
  return (t->flags & LB_TF_CAP) != 0 || t->kind == LB_TOK_SYM;
}

/* Does the document look hard-wrapped (lines broken at a fixed width)? */
static int hard_wrapped(const lb_text *tx) {
  const char *s = tx->text;
  size_t n = tx->len, lines = 0, midlen = 0, open = 0, start = 0;
  const char *nl;
  /* memchr, not a byte loop: this runs over every document (the last line,
  ** without a newline, does not count) */
  while (start < n && (nl = memchr(s + start, '\n', n - start)) != NULL) {
    size_t i = (size_t)(nl - s);
    size_t e = i;
    while (e > start && (s[e - 1] == ' ' || s[e - 1] == '\r')) e--;
    if (e > start) {
      size_t len = e - start;
      lines++;
      if (len >= 40 && len <= 100) midlen++;
      char c = s[e - 1];
      if (!strchr(".!?:\"", c)) open++;
    }
    start = i + 1;
    if (lines > 200) break;
  }
  return lines >= 5 && midlen * 5 >= lines * 4 && open * 2 >= lines;
}

static void add_sent(lb_text *tx, size_t t0, size_t t1, int headline) {
  if (t1 <= t0) return;
  lb_sent *s = LB_VEC_PUSH(tx->arena, tx->sents);
  s->tok0 = (uint32_t)t0;
  s->tok1 = (uint32_t)t1;
  s->start = tx->toks.v[t0].start;
  s->end = tx->toks.v[t1 - 1].end;
  s->headline = (uint8_t)headline;
}

void lb_sent_run(lb_text *tx) {
  size_t n = tx->toks.n;
  const lb_tok *T = tx->toks.v;
  if (!n) return;
  int wrapped = hard_wrapped(tx);
  size_t s0 = 0, ncut = 0;
  uint32_t cut0 = 0;
  const lb_tok *tl = &T[n - 1];
  for (size_t i = 0; i < n; i++) {
    /* Most tokens (words, numbers) end nothing: only punctuation, an
    ** abbreviation or a line break after the token can. Skipped here in a
    ** loop of a few instructions (lb_sent_run took 3.9M instructions on
    ** 1m.jsonl, ~16 a token, before; 3.7M with this). */
    _Static_assert(LB_TOK_PUNCT == LB_TOK_ABBR + 1, "ABBR and PUNCT adjacent");
    const lb_tok *t = &T[i];
    const lb_tok *tmax = s0 + MAXTOK - 1 < n - 1 ? &T[s0 + MAXTOK - 1] : tl;
    while (t < tmax && (unsigned)(t->kind - LB_TOK_ABBR) > 1u && !(t[1].flags & LB_TF_NL))
      t++;
    i = (size_t)(t - T);
    size_t last = i; /* last token that belongs to this sentence */
    int cut = 0, headline = 0;
    if (is_final_punct(tx, t) || (t->kind == LB_TOK_ABBR && (t->flags & LB_TF_FINAL))) {
      while (last + 1 < n && is_closer(tx, &T[last + 1]))
        last++;
      if (last + 1 >= n)
        cut = 1;
      else {
        const lb_tok *nx = &T[last + 1];
        if ((nx->flags & LB_TF_NL) && !wrapped)
          cut = 1;
        else if ((nx->flags & LB_TF_SPACE) && starts_sentence(nx))
          cut = t->kind == LB_TOK_ABBR ? (nx->flags & LB_TF_CAP) != 0 : 1;
      }
    } else if (i + 1 < n && (T[i + 1].flags & LB_TF_NL)) {
      /* a line that ends without final punctuation */
      if ((T[i + 1].flags & LB_TF_PARA) || !wrapped) {
        char c = tx->text[t->start];
        int joining = t->kind == LB_TOK_PUNCT && (c == ',' || c == ';' || c == '(');
        if (!joining || (T[i + 1].flags & LB_TF_PARA)) {
          cut = 1;
          headline = !(t->kind == LB_TOK_PUNCT && c == ':') && !is_closer(tx, t);
        }
      }
    }
    if (!cut && last + 1 - s0 >= MAXTOK && last + 1 < n) {
      /* too long: cut after the last comma or semicolon of its last 256
      ** tokens, else here */
      for (size_t k = last; k > last - 256; k--)
        if (T[k].kind == LB_TOK_PUNCT &&
            (tx->text[T[k].start] == ',' || tx->text[T[k].start] == ';')) {
          last = k;
          break;
        }
      if (!ncut++) cut0 = T[last].end;
      cut = 1;
    }
    if (cut) {
      add_sent(tx, s0, last + 1, headline);
      s0 = last + 1;
      i = last;
    }
  }
  if (s0 < n) add_sent(tx, s0, n, 0);
  if (ncut)
    lb_text_warn(tx, "%zu sentence%s longer than %d tokens cut (the first at byte %u)", ncut,
                 ncut == 1 ? "" : "s", MAXTOK, cut0);
}
