/*
** nn.c -- forward pass, tree decoding and the matrix product of the syntax
** network (see nn.h).
**
** The matrix product is hand-written with GCC vector extensions and built
** for AVX-512, AVX2 and plain x86-64 (target_clones: the loader picks one
** at start-up), because it is the whole cost of tagging and parsing and
** the library has no BLAS dependency; the trainer swaps in OpenBLAS
** (lb_nn_gemm_hook) for its larger products.
*/
#include "nn.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "../base/arena.h"

/* ------------------------------------------------------------ layout */

size_t lb_nn_nparams(const lb_nn_dims *d) {
  size_t H = d->hid, n = 0;
  n += (size_t)d->nword * d->dword;
  n += (size_t)LB_NN_NHF * d->nhash * d->dhash;
  n += lb_nn_din(d);
  for (uint32_t l = 0; l < d->nlayer; l++) {
    size_t in = l == 0 ? lb_nn_din(d) : 2 * H;
    n += 2 * (4 * H * in + 4 * H * H + 4 * H);
  }
  n += (size_t)d->nupos * (2 * H + 1);
  n += (size_t)d->npair * (2 * H + 1);
  n += (size_t)d->nrule * (2 * H + 1);
  n += 2 * (size_t)d->darc * (2 * H + 1);
  n += (size_t)d->darc * d->darc + d->darc;
  n += 2 * (size_t)d->dlab * (2 * H + 1);
  n += (size_t)d->nrel * d->dlab * d->dlab;
  n += (size_t)d->nrel * (2 * d->dlab + 1);
  return n;
}

void lb_nn_bind(lb_nn_net *net, const lb_nn_dims *d, const float *p) {
  size_t H = d->hid;
  memset(net, 0, sizeof *net);
  net->d = *d;
#define TAKE(field, count) (net->field = p, p += (count))
  TAKE(e_word, (size_t)d->nword * d->dword);
  TAKE(e_hash, (size_t)LB_NN_NHF * d->nhash * d->dhash);
  TAKE(x_root, lb_nn_din(d));
  for (uint32_t l = 0; l < d->nlayer; l++) {
    size_t in = l == 0 ? lb_nn_din(d) : 2 * H;
    for (int r = 0; r < 2; r++) {
      TAKE(w_ih[l][r], 4 * H * in);
      TAKE(w_hh[l][r], 4 * H * H);
      TAKE(b[l][r], 4 * H);
    }
  }
  TAKE(w_upos, (size_t)d->nupos * 2 * H);
  TAKE(b_upos, d->nupos);
  TAKE(w_pair, (size_t)d->npair * 2 * H);
  TAKE(b_pair, d->npair);
  TAKE(w_rule, (size_t)d->nrule * 2 * H);
  TAKE(b_rule, d->nrule);
  TAKE(w_ad, (size_t)d->darc * 2 * H);
  TAKE(b_ad, d->darc);
  TAKE(w_ah, (size_t)d->darc * 2 * H);
  TAKE(b_ah, d->darc);
  TAKE(u_arc, (size_t)d->darc * d->darc);
  TAKE(u_head, d->darc);
  TAKE(w_ld, (size_t)d->dlab * 2 * H);
  TAKE(b_ld, d->dlab);
  TAKE(w_lh, (size_t)d->dlab * 2 * H);
  TAKE(b_lh, d->dlab);
  TAKE(u_lab, (size_t)d->nrel * d->dlab * d->dlab);
  TAKE(w_lab, (size_t)d->nrel * 2 * d->dlab);
  TAKE(b_lab, d->nrel);
#undef TAKE
}

/* ------------------------------------------------------------ inputs */

void lb_nn_inputs(const lb_nn_dims *d, const lb_ana_word *w, uint32_t wid, lb_nn_in *in) {
  memset(in, 0, sizeof *in);
  in->word = wid < d->nword ? wid : 0;
  const uint64_t hf[LB_NN_NHF] = {w->h_pre[0], w->h_pre[1], w->h_pre[2], w->h_suf[0],
                                  w->h_suf[1], w->h_suf[2], w->h_suf[3], w->h_shape};
  for (int f = 0; f < LB_NN_NHF; f++) {
    uint64_t h = lb_ana_mix(hf[f], 0xA0u + (uint64_t)f);
    in->hash[f] = (uint32_t)(h & (d->nhash - 1));
  }
  /* bits 0..7 flags, 8..31 lexicon morphology, 32..35 lexicon cases,
  ** 36..47 frequency class, 48..71 tag dictionary */
  for (int b = 0; b < 8; b++) in->bits[b] = (w->flags >> b) & 1;
  for (int b = 0; b < 24; b++) in->bits[8 + b] = (w->lexpos >> b) & 1;
  for (int b = 0; b < 4; b++) in->bits[32 + b] = (w->lexcase >> b) & 1;
  in->bits[36 + (w->freq < 12 ? w->freq : 11)] = 1;
  for (int b = 0; b < 24; b++) in->bits[48 + b] = (w->amb >> b) & 1;
}

/* ------------------------------------------------------- matrix product */

typedef float v16 __attribute__((vector_size(64)));

/* Loads and sums as macros: a v16 passed by value would tie the ABI to
** AVX-512 (GCC's -Wpsabi) in the clones built without it. */
#define load16(p) (*(const v16u *)(const void *)(p))
#define hsum(v) hsum_p((const float *)&(v))
typedef float v16u __attribute__((vector_size(64), aligned(4), may_alias));
static inline float hsum_p(const float *v) {
  float s = 0;
  for (int i = 0; i < 16; i++) s += v[i];
  return s;
}

__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
static void gemm_nt_own(int m, int n, int k, const float *A, int lda, const float *B, int ldb,
                        float *C, int ldc, int acc) {
  int k16 = k & ~15;
  int i = 0;
  for (; i + 2 <= m; i += 2) {
    const float *a0 = A + (size_t)i * lda, *a1 = a0 + lda;
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      const float *b0 = B + (size_t)j * ldb, *b1 = b0 + ldb, *b2 = b1 + ldb, *b3 = b2 + ldb;
      v16 s00 = {0}, s01 = {0}, s02 = {0}, s03 = {0}, s10 = {0}, s11 = {0}, s12 = {0}, s13 = {0};
      for (int q = 0; q < k16; q += 16) {
        v16 x0 = load16(a0 + q), x1 = load16(a1 + q);
        v16 y0 = load16(b0 + q), y1 = load16(b1 + q), y2 = load16(b2 + q), y3 = load16(b3 + q);
        s00 += x0 * y0, s01 += x0 * y1, s02 += x0 * y2, s03 += x0 * y3;
        s10 += x1 * y0, s11 += x1 * y1, s12 += x1 * y2, s13 += x1 * y3;
      }
      float r[8] = {hsum(s00), hsum(s01), hsum(s02), hsum(s03),
                    hsum(s10), hsum(s11), hsum(s12), hsum(s13)};
      for (int q = k16; q < k; q++) {
        r[0] += a0[q] * b0[q], r[1] += a0[q] * b1[q], r[2] += a0[q] * b2[q], r[3] += a0[q] * b3[q];
        r[4] += a1[q] * b0[q], r[5] += a1[q] * b1[q], r[6] += a1[q] * b2[q], r[7] += a1[q] * b3[q];
      }
      float *c0 = C + (size_t)i * ldc + j, *c1 = c0 + ldc;
      for (int t = 0; t < 4; t++) {
        c0[t] = acc ? c0[t] + r[t] : r[t];
        c1[t] = acc ? c1[t] + r[4 + t] : r[4 + t];
      }
    }
    for (; j < n; j++) {
      const float *b0 = B + (size_t)j * ldb;
      v16 s0 = {0}, s1 = {0};
      for (int q = 0; q < k16; q += 16) {
        v16 y = load16(b0 + q);
        s0 += load16(a0 + q) * y, s1 += load16(a1 + q) * y;
      }
      float r0 = hsum(s0), r1 = hsum(s1);
      for (int q = k16; q < k; q++) r0 += a0[q] * b0[q], r1 += a1[q] * b0[q];
      float *c0 = C + (size_t)i * ldc + j, *c1 = c0 + ldc;
      *c0 = acc ? *c0 + r0 : r0;
      *c1 = acc ? *c1 + r1 : r1;
    }
  }
  for (; i < m; i++) {
    const float *a0 = A + (size_t)i * lda;
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      const float *b0 = B + (size_t)j * ldb, *b1 = b0 + ldb, *b2 = b1 + ldb, *b3 = b2 + ldb;
      v16 s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
      for (int q = 0; q < k16; q += 16) {
        v16 x = load16(a0 + q);
        s0 += x * load16(b0 + q), s1 += x * load16(b1 + q), s2 += x * load16(b2 + q),
            s3 += x * load16(b3 + q);
      }
      float r[4] = {hsum(s0), hsum(s1), hsum(s2), hsum(s3)};
      for (int q = k16; q < k; q++)
        r[0] += a0[q] * b0[q], r[1] += a0[q] * b1[q], r[2] += a0[q] * b2[q], r[3] += a0[q] * b3[q];
      float *c0 = C + (size_t)i * ldc + j;
      for (int t = 0; t < 4; t++) c0[t] = acc ? c0[t] + r[t] : r[t];
    }
    for (; j < n; j++) {
      const float *b0 = B + (size_t)j * ldb;
      v16 s0 = {0};
      for (int q = 0; q < k16; q += 16) s0 += load16(a0 + q) * load16(b0 + q);
      float r0 = hsum(s0);
      for (int q = k16; q < k; q++) r0 += a0[q] * b0[q];
      float *c0 = C + (size_t)i * ldc + j;
      *c0 = acc ? *c0 + r0 : r0;
    }
  }
}

void (*lb_nn_gemm_hook)(int, int, int, const float *, int, const float *, int, float *, int, int);

void lb_nn_gemm_nt(int m, int n, int k, const float *A, int lda, const float *B, int ldb, float *C,
                   int ldc, int acc) {
  if (m <= 0 || n <= 0) return;
  if (lb_nn_gemm_hook) lb_nn_gemm_hook(m, n, k, A, lda, B, ldb, C, ldc, acc);
  else gemm_nt_own(m, n, k, A, lda, B, ldb, C, ldc, acc);
}

/* ------------------------------------------------------------ forward */

void lb_nn_act_alloc(lb_nn_act *A, const lb_nn_dims *d, int n, lb_arena *a) {
  memset(A, 0, sizeof *A);
  size_t N = (size_t)n + 1, H = d->hid;
  A->n = n;
  A->x = lb_arena_alloc(a, N * lb_nn_din(d) * sizeof(float));
  for (uint32_t l = 0; l < d->nlayer; l++) {
    for (int r = 0; r < 2; r++) {
      A->gates[l][r] = lb_arena_alloc(a, N * 4 * H * sizeof(float));
      A->c[l][r] = lb_arena_alloc(a, N * H * sizeof(float));
    }
    A->h[l] = lb_arena_alloc(a, N * 2 * H * sizeof(float));
    A->y[l] = A->h[l];
  }
  A->upos = lb_arena_alloc(a, (N - 1) * d->nupos * sizeof(float) + sizeof(float));
  A->pair = lb_arena_alloc(a, (N - 1) * d->npair * sizeof(float) + sizeof(float));
  A->hd = lb_arena_alloc(a, N * d->darc * sizeof(float));
  A->hh = lb_arena_alloc(a, N * d->darc * sizeof(float));
  A->ud = lb_arena_alloc(a, N * d->darc * sizeof(float));
  A->arc = lb_arena_alloc(a, N * N * sizeof(float));
  A->ld = lb_arena_alloc(a, N * d->dlab * sizeof(float));
  A->lh = lb_arena_alloc(a, N * d->dlab * sizeof(float));
}

static inline float sigm(float x) { return 1.0f / (1.0f + expf(-x)); }
static inline float lrelu(float x) { return x > 0 ? x : 0.1f * x; }

/* y[r x out] = x[r x in] W^T + b */
static void linear(int r, int out, int in, const float *x, int ldx, const float *W, const float *b,
                   float *y) {
  lb_nn_gemm_nt(r, out, in, x, ldx, W, in, y, out, 0);
  if (b)
    for (int i = 0; i < r; i++)
      for (int o = 0; o < out; o++) y[(size_t)i * out + o] += b[o];
}

void lb_nn_forward(const lb_nn_net *net, const lb_nn_in *in, lb_nn_act *A) {
  const lb_nn_dims *d = &net->d;
  int n = A->n, N = n + 1, H = (int)d->hid, din = (int)lb_nn_din(d);
  /* inputs */
  memcpy(A->x, net->x_root, (size_t)din * sizeof(float));
  for (int i = 0; i < n; i++) {
    float *x = A->x + (size_t)(i + 1) * din;
    memcpy(x, net->e_word + (size_t)in[i].word * d->dword, d->dword * sizeof(float));
    x += d->dword;
    for (int f = 0; f < LB_NN_NHF; f++) {
      memcpy(x, net->e_hash + ((size_t)f * d->nhash + in[i].hash[f]) * d->dhash,
             d->dhash * sizeof(float));
      x += d->dhash;
    }
    for (int b = 0; b < LB_NN_NBITS; b++) x[b] = in[i].bits[b];
  }
  if (A->mask_x)
    for (size_t k = 0; k < (size_t)N * din; k++) A->x[k] *= A->mask_x[k];
  /* the BiLSTM; the recurrent state of a direction is read from its half
  ** of the previous output row, so lstm_dir passes stride 2H */
  const float *layer_in = A->x;
  int lin = din;
  for (uint32_t l = 0; l < d->nlayer; l++) {
    for (int r = 0; r < 2; r++) {
      int Hh = H;
      float *G = A->gates[l][r], *C = A->c[l][r];
      linear(N, 4 * Hh, lin, layer_in, lin, net->w_ih[l][r], net->b[l][r], G);
      const float *hp = NULL, *cp = NULL;
      for (int s = 0; s < N; s++) {
        int t = r ? N - 1 - s : s;
        float *g = G + (size_t)t * 4 * H;
        if (hp) lb_nn_gemm_nt(1, 4 * H, H, hp, H, net->w_hh[l][r], H, g, 4 * H, 1);
        float *c = C + (size_t)t * H, *h = A->h[l] + (size_t)t * 2 * H + (r ? H : 0);
        for (int u = 0; u < H; u++) {
          float ig = sigm(g[u]), fg = sigm(g[H + u]), gg = tanhf(g[2 * H + u]),
                og = sigm(g[3 * H + u]);
          g[u] = ig, g[H + u] = fg, g[2 * H + u] = gg, g[3 * H + u] = og;
          c[u] = ig * gg + (cp ? fg * cp[u] : 0);
          h[u] = og * tanhf(c[u]);
        }
        hp = h;
        cp = c;
      }
    }
    if (A->mask_h[l]) {
      /* y = h * mask (the trainer allocated y apart from h) */
      assert(A->y[l] != A->h[l]);
      for (size_t k = 0; k < (size_t)N * 2 * H; k++) A->y[l][k] = A->h[l][k] * A->mask_h[l][k];
    }
    layer_in = A->y[l];
    lin = 2 * H;
  }
  const float *R = layer_in; /* (N x 2H) */
  int R2 = 2 * H;
  linear(n, (int)d->nupos, R2, R + R2, R2, net->w_upos, net->b_upos, A->upos);
  linear(n, (int)d->npair, R2, R + R2, R2, net->w_pair, net->b_pair, A->pair);
  linear(N, (int)d->darc, R2, R, R2, net->w_ad, net->b_ad, A->hd);
  linear(N, (int)d->darc, R2, R, R2, net->w_ah, net->b_ah, A->hh);
  for (size_t k = 0; k < (size_t)N * d->darc; k++) {
    A->hd[k] = lrelu(A->hd[k]);
    A->hh[k] = lrelu(A->hh[k]);
  }
  /* arc(i, j) = (hd_i U^T) . hh_j + hh_j . u_head */
  linear(N, (int)d->darc, (int)d->darc, A->hd, (int)d->darc, net->u_arc, NULL, A->ud);
  lb_nn_gemm_nt(n, N, (int)d->darc, A->ud + d->darc, (int)d->darc, A->hh, (int)d->darc, A->arc, N,
                0);
  for (int j = 0; j < N; j++) {
    float bj = 0;
    const float *hh = A->hh + (size_t)j * d->darc;
    for (uint32_t k = 0; k < d->darc; k++) bj += hh[k] * net->u_head[k];
    for (int i = 0; i < n; i++) A->arc[(size_t)i * N + j] += bj;
  }
  linear(N, (int)d->dlab, R2, R, R2, net->w_ld, net->b_ld, A->ld);
  linear(N, (int)d->dlab, R2, R, R2, net->w_lh, net->b_lh, A->lh);
  for (size_t k = 0; k < (size_t)N * d->dlab; k++) {
    A->ld[k] = lrelu(A->ld[k]);
    A->lh[k] = lrelu(A->lh[k]);
  }
}

float lb_nn_rule_score(const lb_nn_net *net, const lb_nn_act *A, int i, uint32_t r) {
  const lb_nn_dims *d = &net->d;
  int R2 = 2 * (int)d->hid;
  const float *R = A->y[d->nlayer - 1] + (size_t)(i + 1) * R2, *w = net->w_rule + (size_t)r * R2;
  float s = net->b_rule[r];
  for (int k = 0; k < R2; k++) s += R[k] * w[k];
  return s;
}

void lb_nn_label_scores(const lb_nn_net *net, const lb_nn_act *A, int i, int j, float *out) {
  const lb_nn_dims *d = &net->d;
  int D = (int)d->dlab;
  const float *ld = A->ld + (size_t)(i + 1) * D, *lh = A->lh + (size_t)j * D;
  /* t[r*D + a] = sum_b U_r[a][b] lh[b]; out[r] = ld . t_r */
  float t[64 * 128];
  assert(d->nrel <= 64 && D <= 128);
  lb_nn_gemm_nt((int)d->nrel * D, 1, D, net->u_lab, D, lh, D, t, 1, 0);
  for (uint32_t r = 0; r < d->nrel; r++) {
    float s = net->b_lab[r];
    const float *tr = t + (size_t)r * D, *w = net->w_lab + (size_t)r * 2 * D;
    for (int a = 0; a < D; a++) s += ld[a] * tr[a] + w[a] * ld[a] + w[D + a] * lh[a];
    out[r] = s;
  }
}

/* ------------------------------------------------------------ decoding */

/* Chu-Liu-Edmonds over S[dep * N + head] (dep 1..N-1, head 0..N-1; -inf =
** forbidden): head[v] for v = 1..N-1. Recursive contraction of cycles. */
static void cle(int N, const float *S, int *head, lb_arena *a) {
  for (int v = 1; v < N; v++) {
    int best = -1;
    for (int u = 0; u < N; u++)
      if (u != v && (best < 0 || S[v * N + u] > S[v * N + best])) best = u;
    head[v] = best;
  }
  head[0] = -1;
  /* find a cycle */
  int *mark = lb_arena_calloc(a, (size_t)N, sizeof *mark);
  int cyc = -1;
  for (int v = 1; v < N && cyc < 0; v++) {
    int x = v;
    while (x > 0 && !mark[x]) mark[x] = v, x = head[x];
    if (x > 0 && mark[x] == v) cyc = x;
  }
  if (cyc < 0) return;
  /* the cycle's nodes */
  char *inc = lb_arena_calloc(a, (size_t)N, 1);
  int x = cyc;
  do {
    inc[x] = 1;
    x = head[x];
  } while (x != cyc);
  /* new graph: nodes outside the cycle keep order; the cycle is the last */
  int *map = lb_arena_alloc(a, (size_t)N * sizeof *map), M = 0;
  int *back = lb_arena_alloc(a, (size_t)N * sizeof *back);
  for (int v = 0; v < N; v++)
    if (!inc[v]) map[v] = M, back[M++] = v;
  int c = M++;
  for (int v = 0; v < N; v++)
    if (inc[v]) map[v] = c;
  float *T = lb_arena_alloc(a, (size_t)M * M * sizeof *T);
  int *in_from = lb_arena_alloc(a, (size_t)M * sizeof *in_from);   /* cycle node entered */
  int *out_from = lb_arena_alloc(a, (size_t)M * sizeof *out_from); /* cycle node as head */
  for (int k = 0; k < M * M; k++) T[k] = -INFINITY;
  for (int v = 1; v < N; v++) {
    for (int u = 0; u < N; u++) {
      if (u == v || S[v * N + u] == -INFINITY) continue;
      int mv = map[v], mu = map[u];
      if (mv == mu) continue;
      float s;
      if (inc[v]) {
        s = S[v * N + u] - S[v * N + head[v]]; /* enter the cycle at v */
        if (s > T[mv * M + mu]) T[mv * M + mu] = s, in_from[mu] = v;
      } else {
        s = S[v * N + u];
        if (inc[u]) {
          if (s > T[mv * M + mu]) T[mv * M + mu] = s, out_from[mv] = u;
        } else
          T[mv * M + mu] = s;
      }
    }
  }
  int *h2 = lb_arena_alloc(a, (size_t)M * sizeof *h2);
  cle(M, T, h2, a);
  for (int v = 1; v < N; v++) {
    if (inc[v]) continue;
    int hu = h2[map[v]];
    head[v] = hu == c ? out_from[map[v]] : back[hu];
  }
  /* the cycle is entered where its contracted head points */
  int hc = h2[c];
  int entry = in_from[hc];
  head[entry] = back[hc];
}

void lb_nn_tree(const lb_nn_act *A, int *heads, lb_arena *a) {
  int n = A->n, N = n + 1;
  float *S = lb_arena_alloc(a, (size_t)N * N * sizeof *S);
  for (int j = 0; j < N; j++) S[j] = -INFINITY; /* row 0 (ROOT) has no head */
  /* log-softmax of each word's head scores */
  int root = -1;
  float rootmargin = -INFINITY;
  for (int i = 0; i < n; i++) {
    const float *r = A->arc + (size_t)i * N;
    float mx = -INFINITY, mxo = -INFINITY;
    for (int j = 0; j < N; j++)
      if (j != i + 1) {
        if (r[j] > mx) mx = r[j];
        if (j > 0 && r[j] > mxo) mxo = r[j];
      }
    float z = 0;
    for (int j = 0; j < N; j++)
      if (j != i + 1) z += expf(r[j] - mx);
    float lz = mx + logf(z);
    for (int j = 0; j < N; j++) S[(size_t)(i + 1) * N + j] = j == i + 1 ? -INFINITY : r[j] - lz;
    float margin = r[0] - mxo;
    if (root < 0 || margin > rootmargin) root = i + 1, rootmargin = margin;
  }
  /* exactly one word on ROOT: the one that prefers it most */
  for (int v = 1; v < N; v++)
    if (v != root) S[(size_t)v * N] = -INFINITY;
  for (int u = 1; u < N; u++)
    if (u != root) S[(size_t)root * N + u] = -INFINITY;
  int *h = lb_arena_alloc(a, (size_t)N * sizeof *h);
  if (n > 0) cle(N, S, h, a);
  for (int i = 0; i < n; i++) heads[i] = h[i + 1];
}
