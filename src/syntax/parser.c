/*
** parser.c -- the arc-hybrid transition parser (see parser.h).
**
** Feature templates are numbered; a number is never reused for another
** template (the numbers are part of the hashes stored in model files).
** The templates follow Zhang and Nivre (2011), moved from arc-eager to
** arc-hybrid positions (s0, s1, s2 on the stack, b0, b1, b2 in the buffer,
** the outermost children of s0, s1 and b0), plus the morphological atom of
** the model's FEATS bundle (case, verb form: lb_synm_bundle_patom).
*/
#include "parser.h"

#include <assert.h>
#include <string.h>

#define NONE_H 0x6E6F6E65ull
#define ROOT_H 0x726F6F74ull

void lb_dep_init(lb_dep_state *st, lb_ana *s) {
  st->s = s;
  st->stack = lb_arena_alloc(s->a, (size_t)(s->n + 1) * sizeof *st->stack);
  st->sp = 0;
  st->b = 0;
  for (int i = 0; i < s->n; i++) {
    lb_ana_word *w = &s->w[i];
    w->head = -2; /* not attached yet */
    w->rel = 0;
    w->l1 = w->l2 = w->r1 = w->r2 = -1;
    w->nl = w->nr = 0;
    w->lset = w->rset = 0;
  }
}

unsigned lb_dep_valid(const lb_dep_state *st) {
  unsigned v = 0;
  int n = st->s->n;
  if (st->b < n) v |= 1u << LB_DEP_SHIFT;
  if (st->sp >= 1 && (st->b < n || st->sp == 1)) v |= 1u << LB_DEP_LEFT;
  if (st->sp >= 2) v |= 1u << LB_DEP_RIGHT;
  return v;
}

void lb_dep_arc(const lb_dep_state *st, int a, int *head, int *dep) {
  assert(st->sp >= 1);
  *dep = st->stack[st->sp - 1];
  *head = a == LB_DEP_LEFT ? st->b : st->stack[st->sp - 2];
}

void lb_dep_apply(lb_dep_state *st, int a, int rel) {
  lb_ana *s = st->s;
  if (a == LB_DEP_SHIFT) {
    assert(st->b < s->n);
    st->stack[st->sp++] = st->b++;
    return;
  }
  int h, d;
  lb_dep_arc(st, a, &h, &d);
  st->sp--;
  lb_ana_word *dw = &s->w[d];
  dw->rel = (uint8_t)rel;
  if (h >= s->n) {
    dw->head = -1;
    return;
  }
  dw->head = (int16_t)h;
  lb_ana_word *hw = &s->w[h];
  uint64_t bit = 1ull << (rel & 63);
  if (d < h) {
    /* left children arrive from the nearest outwards */
    hw->l2 = hw->l1;
    hw->l1 = (int16_t)d;
    if (hw->l2 >= 0 && hw->l2 < d) { /* keep l1 the leftmost */
      int16_t t = hw->l1;
      hw->l1 = hw->l2;
      hw->l2 = t;
    }
    if (hw->nl < 255) hw->nl++;
    hw->lset |= bit;
  } else {
    if (hw->r1 < 0 || d > hw->r1) {
      hw->r2 = hw->r1;
      hw->r1 = (int16_t)d;
    } else if (hw->r2 < 0 || d > hw->r2)
      hw->r2 = (int16_t)d;
    if (hw->nr < 255) hw->nr++;
    hw->rset |= bit;
  }
}

/* ---- costs (Goldberg and Nivre 2013, arc-hybrid) ---- */

void lb_dep_costs(const lb_dep_state *st, const int *gold, int cost[LB_DEP_NACT]) {
  const int n = st->s->n, sp = st->sp, b = st->b;
  const int *stk = st->stack;
  unsigned valid = lb_dep_valid(st);
  const int BIG = 1 << 20;
  for (int a = 0; a < LB_DEP_NACT; a++) cost[a] = (valid >> a) & 1 ? 0 : BIG;
  if ((valid >> LB_DEP_SHIFT) & 1) {
    /* b0 goes onto the stack: its head deeper than s0 and its dependents
    ** on the stack are lost */
    int c = 0;
    for (int k = 0; k < sp; k++) {
      int x = stk[k];
      if (gold[b] == x && k != sp - 1) c++;
      if (gold[x] == b) c++;
    }
    cost[LB_DEP_SHIFT] = c;
  }
  if (sp >= 1) {
    int s0 = stk[sp - 1];
    /* dependents of s0 still in the buffer are lost by popping it */
    int deps = 0;
    for (int k = b; k < n; k++)
      if (gold[k] == s0) deps++;
    if ((valid >> LB_DEP_LEFT) & 1) {
      int c = deps;
      int g = gold[s0];
      if (g != b) {
        if (sp >= 2 && g == stk[sp - 2]) c++;
        else if (g > b) c++; /* in the buffer after b0, or ROOT */
      }
      cost[LB_DEP_LEFT] = c;
    }
    if ((valid >> LB_DEP_RIGHT) & 1) {
      int c = deps;
      int g = gold[s0];
      if (g != stk[sp - 2] && g >= b) c++; /* its head is still in the buffer (or ROOT) */
      cost[LB_DEP_RIGHT] = c;
    }
  }
}

int lb_dep_projectivize(int *heads, int n) {
  int lifts = 0;
  for (int round = 0; round < 4 * n + 8; round++) {
    /* find the shortest non-projective arc */
    int best = -1, bestlen = 1 << 30;
    for (int d = 0; d < n; d++) {
      int h = heads[d];
      if (h >= n || h < 0) continue;
      int lo = d < h ? d : h, hi = d < h ? h : d;
      int bad = 0;
      for (int k = lo + 1; k < hi && !bad; k++) {
        /* every word between must be dominated by h */
        int x = k, steps = 0;
        while (x != h && x < n && x >= 0 && steps++ <= n) x = heads[x];
        if (x != h) bad = 1;
      }
      if (bad && hi - lo < bestlen) best = d, bestlen = hi - lo;
    }
    if (best < 0) return lifts;
    heads[best] = heads[heads[best]];
    lifts++;
  }
  return lifts;
}

/* ---- features ---- */

typedef struct pos {
  uint64_t w, t, l, p;
} pos;

static pos at(const lb_dep_state *st, int j) {
  const lb_ana *s = st->s;
  pos r;
  if (j < 0) {
    r.w = r.t = r.l = r.p = NONE_H;
    return r;
  }
  if (j >= s->n) {
    r.w = r.t = r.p = ROOT_H;
    r.l = NONE_H;
    return r;
  }
  const lb_ana_word *w = &s->w[j];
  r.w = w->h_low;
  r.t = w->upos;
  r.l = w->head >= -1 ? 200u + w->rel : NONE_H;
  r.p = s->m ? lb_synm_bundle_patom(s->m, w->feats) : 0;
  return r;
}

static uint64_t dist_class(int d) {
  if (d < 0) d = -d;
  return d <= 4 ? (uint64_t)d : d <= 7 ? 5 : d <= 12 ? 6 : 7;
}

int lb_dep_features(const lb_dep_state *st, uint64_t *f) {
  const lb_ana *s = st->s;
  int n = 0;
  int i0 = st->sp >= 1 ? st->stack[st->sp - 1] : -1;
  int i1 = st->sp >= 2 ? st->stack[st->sp - 2] : -1;
  int i2 = st->sp >= 3 ? st->stack[st->sp - 3] : -1;
  /* the buffer: b0 may be ROOT (s->n); nothing comes after ROOT */
  int j0 = st->b, j1 = j0 + 1 <= s->n ? j0 + 1 : -1, j2 = j0 + 2 <= s->n ? j0 + 2 : -1;
  const lb_ana_word *w0 = i0 >= 0 ? &s->w[i0] : NULL, *w1 = i1 >= 0 ? &s->w[i1] : NULL;
  const lb_ana_word *b0w = j0 < s->n ? &s->w[j0] : NULL;
  pos S0 = at(st, i0), S1 = at(st, i1), S2 = at(st, i2), B0 = at(st, j0), B1 = at(st, j1),
      B2 = at(st, j2);
  pos S0L = at(st, w0 ? w0->l1 : -1), S0L2 = at(st, w0 ? w0->l2 : -1);
  pos S0R = at(st, w0 ? w0->r1 : -1), S0R2 = at(st, w0 ? w0->r2 : -1);
  pos S1L = at(st, w1 ? w1->l1 : -1), S1R = at(st, w1 ? w1->r1 : -1);
  pos B0L = at(st, b0w ? b0w->l1 : -1), B0L2 = at(st, b0w ? b0w->l2 : -1);
  uint64_t d = i0 >= 0 ? dist_class(j0 - i0) : 99, d1 = i1 >= 0 ? dist_class(i0 - i1) : 99;
  uint64_t s0nl = w0 ? w0->nl : 99, s0nr = w0 ? w0->nr : 99, b0nl = b0w ? b0w->nl : 99;
  uint64_t s0ls = w0 ? w0->lset : 99, s0rs = w0 ? w0->rset : 99, b0ls = b0w ? b0w->lset : 99;
  uint64_t s1rs = w1 ? w1->rset : 99;

  f[n++] = lb_ana_f1(1, 0);
  /* single words */
  f[n++] = lb_ana_f2(2, S0.w, S0.t);
  f[n++] = lb_ana_f1(3, S0.w);
  f[n++] = lb_ana_f1(4, S0.t);
  f[n++] = lb_ana_f2(5, B0.w, B0.t);
  f[n++] = lb_ana_f1(6, B0.w);
  f[n++] = lb_ana_f1(7, B0.t);
  f[n++] = lb_ana_f2(8, B1.w, B1.t);
  f[n++] = lb_ana_f1(9, B1.w);
  f[n++] = lb_ana_f1(10, B1.t);
  f[n++] = lb_ana_f2(11, B2.w, B2.t);
  f[n++] = lb_ana_f1(12, B2.w);
  f[n++] = lb_ana_f1(13, B2.t);
  f[n++] = lb_ana_f2(14, S1.w, S1.t);
  f[n++] = lb_ana_f1(15, S1.w);
  f[n++] = lb_ana_f1(16, S1.t);
  f[n++] = lb_ana_f1(17, S2.t);
  /* pairs */
  f[n++] = lb_ana_f3(20, lb_ana_mix(S0.w, S0.t), B0.w, B0.t);
  f[n++] = lb_ana_f3(21, S0.w, S0.t, B0.w);
  f[n++] = lb_ana_f3(22, S0.w, B0.w, B0.t);
  f[n++] = lb_ana_f3(23, S0.w, S0.t, B0.t);
  f[n++] = lb_ana_f3(24, S0.t, B0.w, B0.t);
  f[n++] = lb_ana_f2(25, S0.w, B0.w);
  f[n++] = lb_ana_f2(26, S0.t, B0.t);
  f[n++] = lb_ana_f2(27, B0.t, B1.t);
  f[n++] = lb_ana_f2(28, S1.t, S0.t);
  f[n++] = lb_ana_f2(29, S1.w, S0.w);
  f[n++] = lb_ana_f3(30, S1.w, S1.t, S0.t);
  f[n++] = lb_ana_f3(31, S1.t, S0.w, S0.t);
  f[n++] = lb_ana_f2(32, S1.t, B0.t);
  f[n++] = lb_ana_f3(33, S1.t, S0.t, B0.w);
  /* three words */
  f[n++] = lb_ana_f3(40, B0.t, B1.t, B2.t);
  f[n++] = lb_ana_f3(41, S0.t, B0.t, B1.t);
  f[n++] = lb_ana_f3(42, S1.t, S0.t, B0.t);
  f[n++] = lb_ana_f3(43, S2.t, S1.t, S0.t);
  f[n++] = lb_ana_f3(44, S0.t, S0L.t, B0.t);
  f[n++] = lb_ana_f3(45, S0.t, S0R.t, B0.t);
  f[n++] = lb_ana_f3(46, S0.t, B0.t, B0L.t);
  f[n++] = lb_ana_f3(47, S1.t, S1R.t, S0.t);
  f[n++] = lb_ana_f3(48, S1.t, S1L.t, S0.t);
  f[n++] = lb_ana_f3(49, S1.t, S0.t, S0R.t);
  f[n++] = lb_ana_f3(50, S0.w, B0.t, B1.t);
  f[n++] = lb_ana_f3(51, S0.t, B0.w, B1.t);
  /* distance */
  f[n++] = lb_ana_f2(60, S0.w, d);
  f[n++] = lb_ana_f2(61, S0.t, d);
  f[n++] = lb_ana_f2(62, B0.w, d);
  f[n++] = lb_ana_f2(63, B0.t, d);
  f[n++] = lb_ana_f3(64, S0.w, B0.w, d);
  f[n++] = lb_ana_f3(65, S0.t, B0.t, d);
  f[n++] = lb_ana_f3(66, S1.t, S0.t, d1);
  f[n++] = lb_ana_f3(67, S1.w, S0.w, d1);
  /* valency */
  f[n++] = lb_ana_f2(70, S0.w, s0nr);
  f[n++] = lb_ana_f2(71, S0.t, s0nr);
  f[n++] = lb_ana_f2(72, S0.w, s0nl);
  f[n++] = lb_ana_f2(73, S0.t, s0nl);
  f[n++] = lb_ana_f2(74, B0.w, b0nl);
  f[n++] = lb_ana_f2(75, B0.t, b0nl);
  /* children */
  f[n++] = lb_ana_f1(80, S0L.w);
  f[n++] = lb_ana_f1(81, S0L.t);
  f[n++] = lb_ana_f1(82, S0L.l);
  f[n++] = lb_ana_f1(83, S0R.w);
  f[n++] = lb_ana_f1(84, S0R.t);
  f[n++] = lb_ana_f1(85, S0R.l);
  f[n++] = lb_ana_f1(86, B0L.w);
  f[n++] = lb_ana_f1(87, B0L.t);
  f[n++] = lb_ana_f1(88, B0L.l);
  f[n++] = lb_ana_f2(89, S1R.t, S1R.l);
  f[n++] = lb_ana_f2(90, S1L.t, S1L.l);
  /* second children */
  f[n++] = lb_ana_f1(91, S0L2.w);
  f[n++] = lb_ana_f1(92, S0L2.t);
  f[n++] = lb_ana_f1(93, S0L2.l);
  f[n++] = lb_ana_f1(94, S0R2.w);
  f[n++] = lb_ana_f1(95, S0R2.t);
  f[n++] = lb_ana_f1(96, S0R2.l);
  f[n++] = lb_ana_f1(97, B0L2.w);
  f[n++] = lb_ana_f1(98, B0L2.t);
  f[n++] = lb_ana_f1(99, B0L2.l);
  f[n++] = lb_ana_f3(100, S0.t, S0L.l, S0L2.l);
  f[n++] = lb_ana_f3(101, S0.t, S0R.l, S0R2.l);
  f[n++] = lb_ana_f3(102, B0.t, B0L.l, B0L2.l);
  /* label sets */
  f[n++] = lb_ana_f2(110, S0.w, s0rs);
  f[n++] = lb_ana_f2(111, S0.t, s0rs);
  f[n++] = lb_ana_f2(112, S0.w, s0ls);
  f[n++] = lb_ana_f2(113, S0.t, s0ls);
  f[n++] = lb_ana_f2(114, B0.w, b0ls);
  f[n++] = lb_ana_f2(115, B0.t, b0ls);
  f[n++] = lb_ana_f3(116, S1.t, s1rs, S0.t);
  /* morphology */
  f[n++] = lb_ana_f2(120, S0.t, S0.p);
  f[n++] = lb_ana_f2(121, B0.t, B0.p);
  f[n++] = lb_ana_f3(122, S0.p, B0.p, lb_ana_mix(S0.t, B0.t));
  f[n++] = lb_ana_f3(123, S1.p, S0.p, lb_ana_mix(S1.t, S0.t));
  f[n++] = lb_ana_f3(124, S0.p, B0.t, b0ls);
  f[n++] = lb_ana_f3(125, S0.p, S1.t, s1rs);
  assert(n <= LB_DEP_MAXF);
  return n;
}

int lb_dep_label_features(const lb_dep_state *st, int head, int dep, uint64_t *f) {
  const lb_ana *s = st->s;
  int n = 0;
  const lb_ana_word *dw = &s->w[dep];
  const lb_ana_word *hw = head < s->n ? &s->w[head] : NULL;
  pos D = at(st, dep), H = at(st, head);
  pos DL = at(st, dw->l1), DR = at(st, dw->r1), DL2 = at(st, dw->l2);
  uint64_t dir = dep < head ? 1 : 2, dist = dist_class(head - dep);
  uint64_t hls = hw ? hw->lset : 99, hrs = hw ? hw->rset : 99;
  f[n++] = lb_ana_f1(301, 0);
  f[n++] = lb_ana_f2(302, D.w, D.t);
  f[n++] = lb_ana_f1(303, D.w);
  f[n++] = lb_ana_f1(304, D.t);
  f[n++] = lb_ana_f2(305, H.w, H.t);
  f[n++] = lb_ana_f1(306, H.w);
  f[n++] = lb_ana_f1(307, H.t);
  f[n++] = lb_ana_f3(308, H.t, D.t, dir);
  f[n++] = lb_ana_f3(309, H.w, D.t, dir);
  f[n++] = lb_ana_f3(310, H.t, D.w, dir);
  f[n++] = lb_ana_f3(311, H.w, D.w, dir);
  f[n++] = lb_ana_f3(312, H.t, D.t, lb_ana_mix(dir, dist));
  f[n++] = lb_ana_f3(313, D.t, dw->lset, dir);
  f[n++] = lb_ana_f3(314, D.t, dw->rset, dir);
  f[n++] = lb_ana_f3(315, D.t, DL.w, DL.l);
  f[n++] = lb_ana_f3(316, D.t, DR.w, DR.l);
  f[n++] = lb_ana_f3(317, D.t, DL2.w, DL2.l);
  f[n++] = lb_ana_f3(318, H.t, hls, dir);
  f[n++] = lb_ana_f3(319, H.t, hrs, dir);
  f[n++] = lb_ana_f3(320, D.p, D.t, dir);
  f[n++] = lb_ana_f3(321, D.p, H.t, dir);
  f[n++] = lb_ana_f3(322, H.p, H.t, dir);
  f[n++] = lb_ana_f3(323, lb_ana_mix(D.p, D.t), lb_ana_mix(H.p, H.t), dir);
  f[n++] = lb_ana_f3(324, D.t, DL.w, H.t);
  f[n++] = lb_ana_f3(325, D.t, DL.t, lb_ana_mix(H.t, dir));
  f[n++] = lb_ana_f3(326, H.t, at(st, head - 1).w, D.t);
  f[n++] = lb_ana_f3(327, D.t, at(st, dep - 1).t, dir);
  f[n++] = lb_ana_f3(328, D.t, at(st, dep + 1 < s->n ? dep + 1 : -1).t, dir);
  f[n++] = lb_ana_f3(329, D.w, H.t, lb_ana_mix(dir, hls));
  f[n++] = lb_ana_f3(330, D.t, H.t, lb_ana_mix(dw->lset, hls));
  f[n++] = lb_ana_f3(331, D.t, dep == 0 || (dw->flags & LB_AW_FIRST), dir);
  assert(n <= LB_DEP_MAXF);
  return n;
}

void lb_dep_run(const lb_synm *m, lb_ana *s) {
  lb_dep_state st;
  lb_dep_init(&st, s);
  uint64_t f[LB_DEP_MAXF];
  int32_t sc[LB_DEP_NACT], ls[64];
  assert(m->nrel <= 64);
  while (!lb_dep_done(&st)) {
    unsigned valid = lb_dep_valid(&st);
    int nf = lb_dep_features(&st, f);
    lb_synm_score(&m->w_act, f, nf, sc);
    int best = -1;
    for (int a = 0; a < LB_DEP_NACT; a++)
      if ((valid >> a) & 1 && (best < 0 || sc[a] > sc[best])) best = a;
    assert(best >= 0);
    int rel = 0;
    if (best != LB_DEP_SHIFT) {
      int h, d;
      lb_dep_arc(&st, best, &h, &d);
      if (h >= s->n) rel = m->rel_root;
      else {
        int nl = lb_dep_label_features(&st, h, d, f);
        lb_synm_score(&m->w_lab, f, nl, ls);
        rel = -1;
        for (int k = 0; k < (int)m->nrel; k++)
          if (k != m->rel_root && (rel < 0 || ls[k] > ls[rel])) rel = k;
        if (rel < 0) rel = 0;
      }
    }
    lb_dep_apply(&st, best, rel);
  }
}
