/*
** nn.c -- forward pass, tree decoding and the matrix product of the syntax
** network (see nn.h).
**
** The matrix product is hand-written with GCC vector extensions and built
** for AVX-512, AVX2 and plain x86-64 (target_clones: the loader picks one
** at start-up), because it is most of the cost of tagging and parsing and
** the library has no BLAS dependency; the trainer swaps in OpenBLAS
** (lb_nn_gemm_hook).
*/
#include "nn.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

void lb_nn_inputs(const lb_nn_dims *d, const lb_ana_word *w, uint32_t wid, uint32_t tb,
                  lb_nn_in *in) {
  memset(in, 0, sizeof *in);
  in->word = wid < d->nword ? wid : 0;
  const uint64_t hf[LB_NN_NHF] = {w->h_pre[0], w->h_pre[1], w->h_pre[2], w->h_suf[0],
                                  w->h_suf[1], w->h_suf[2], w->h_suf[3], w->h_shape};
  for (int f = 0; f < LB_NN_NHF; f++) {
    uint64_t h = lb_ana_mix(hf[f], 0xA0u + (uint64_t)f);
    in->hash[f] = (uint32_t)(h & (d->nhash - 1));
  }
  /* bits 0..7 flags, 8..31 lexicon morphology, 32..35 lexicon cases,
  ** 36..47 frequency class, 48..71 tag dictionary, 72.. treebank */
  for (int b = 0; b < 8; b++) in->bits[b] = (w->flags >> b) & 1;
  for (int b = 0; b < 24; b++) in->bits[8 + b] = (w->lexpos >> b) & 1;
  for (int b = 0; b < 4; b++) in->bits[32 + b] = (w->lexcase >> b) & 1;
  in->bits[36 + (w->freq < 12 ? w->freq : 11)] = 1;
  for (int b = 0; b < 24; b++) in->bits[48 + b] = (w->amb >> b) & 1;
  in->bits[72 + (tb < LB_NN_NTB ? tb : 0)] = 1;
}

/* ------------------------------------------------------- matrix product */

typedef float v8 __attribute__((vector_size(32)));
/* unaligned loads and stores as macros: a v8 passed by value would tie the
** ABI to AVX (GCC's -Wpsabi) in the clone built without it */
typedef float v8u __attribute__((vector_size(32), aligned(4), may_alias));
#define LD(p) (*(const v8u *)(const void *)(p))
#define ST(p, v) (*(v8u *)(void *)(p) = (v))

/*
** C[m x n] (+)= A[m x k] B[k x n], row-major. The weights are B ([in][out]),
** so each step broadcasts one element of A and adds it times a row piece of
** B into a block of 6 rows x 16 columns: 12 accumulators of 8 floats, two
** loads of B and a broadcast make 15 of AVX2's 16 vector registers (the
** earlier 4 x 64 block of 512-bit vectors was made for AVX-512's 32; on an
** AVX2 machine it spilled every step and ran at ~0.3 multiply-adds per
** cycle: perf on `lagebild parse --conllu build/ud/de_gsd-ud-dev.400-799.conllu
** --lang de`). Column panels outermost: a panel of B (k x 16 floats) stays
** in the L1 cache while every block of rows passes over it.
*/
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
static void gemm_own(int m, int n, int k, const float *A, int lda, const float *B, int ldb, float *C,
                     int ldc, int acc) {
  int n16 = n & ~15, n8 = n & ~7, m6 = m - m % 6;
  for (int j = 0; j < n16; j += 16) {
    for (int i = 0; i < m6; i += 6) {
      const float *a0 = A + (size_t)i * lda;
      v8 c00 = {0}, c01 = {0}, c10 = {0}, c11 = {0}, c20 = {0}, c21 = {0};
      v8 c30 = {0}, c31 = {0}, c40 = {0}, c41 = {0}, c50 = {0}, c51 = {0};
      const float *bp = B + j;
      for (int q = 0; q < k; q++, bp += ldb) {
        v8 b0 = LD(bp), b1 = LD(bp + 8);
        float x;
        x = a0[q], c00 += x * b0, c01 += x * b1;
        x = a0[lda + q], c10 += x * b0, c11 += x * b1;
        x = a0[2 * lda + q], c20 += x * b0, c21 += x * b1;
        x = a0[3 * lda + q], c30 += x * b0, c31 += x * b1;
        x = a0[4 * lda + q], c40 += x * b0, c41 += x * b1;
        x = a0[5 * lda + q], c50 += x * b0, c51 += x * b1;
      }
      float *cp = C + (size_t)i * ldc + j;
#define OUT(row, u, v)                                \
  do {                                                \
    float *cq_ = cp + (size_t)(row) * ldc + 8 * (u);  \
    v8 w_ = (v);                                      \
    if (acc) w_ += LD(cq_);                           \
    ST(cq_, w_);                                      \
  } while (0)
      OUT(0, 0, c00); OUT(0, 1, c01); OUT(1, 0, c10); OUT(1, 1, c11);
      OUT(2, 0, c20); OUT(2, 1, c21); OUT(3, 0, c30); OUT(3, 1, c31);
      OUT(4, 0, c40); OUT(4, 1, c41); OUT(5, 0, c50); OUT(5, 1, c51);
#undef OUT
    }
    /* the rows after the last block of 6: pairs, then one (the panel is
    ** still in the L1 cache; a loop of its own over all of B per row ran
    ** slower: perf, as above) */
    int i = m6;
    for (; i + 1 < m; i += 2) {
      const float *a0 = A + (size_t)i * lda, *a1 = a0 + lda;
      v8 c00 = {0}, c01 = {0}, c10 = {0}, c11 = {0};
      const float *bp = B + j;
      for (int q = 0; q < k; q++, bp += ldb) {
        v8 b0 = LD(bp), b1 = LD(bp + 8);
        float x0 = a0[q], x1 = a1[q];
        c00 += x0 * b0, c01 += x0 * b1, c10 += x1 * b0, c11 += x1 * b1;
      }
      float *cp = C + (size_t)i * ldc + j;
      if (acc) c00 += LD(cp), c01 += LD(cp + 8), c10 += LD(cp + ldc), c11 += LD(cp + ldc + 8);
      ST(cp, c00), ST(cp + 8, c01), ST(cp + ldc, c10), ST(cp + ldc + 8, c11);
    }
    for (; i < m; i++) {
      const float *a0 = A + (size_t)i * lda;
      v8 c0 = {0}, c1 = {0};
      const float *bp = B + j;
      for (int q = 0; q < k; q++, bp += ldb) {
        float x = a0[q];
        c0 += x * LD(bp), c1 += x * LD(bp + 8);
      }
      float *cp = C + (size_t)i * ldc + j;
      if (acc) c0 += LD(cp), c1 += LD(cp + 8);
      ST(cp, c0), ST(cp + 8, c1);
    }
  }
  for (int j = n16; j < n8; j += 8)
    for (int i = 0; i < m; i++) {
      const float *a0 = A + (size_t)i * lda;
      v8 c0 = {0};
      const float *bp = B + j;
      for (int q = 0; q < k; q++, bp += ldb) c0 += a0[q] * LD(bp);
      float *cp = C + (size_t)i * ldc + j;
      if (acc) c0 += LD(cp);
      ST(cp, c0);
    }
  for (int j = n8; j < n; j++)
    for (int i = 0; i < m; i++) {
      const float *ap = A + (size_t)i * lda;
      float s = 0;
      for (int q = 0; q < k; q++) s += ap[q] * B[(size_t)q * ldb + j];
      float *cp = C + (size_t)i * ldc + j;
      *cp = acc ? *cp + s : s;
    }
}

void (*lb_nn_gemm_hook)(int, int, int, const float *, int, const float *, int, float *, int, int);

void lb_nn_gemm(int m, int n, int k, const float *A, int lda, const float *B, int ldb, float *C,
                int ldc, int acc) {
  if (m <= 0 || n <= 0) return;
  if (lb_nn_gemm_hook) lb_nn_gemm_hook(m, n, k, A, lda, B, ldb, C, ldc, acc);
  else gemm_own(m, n, k, A, lda, B, ldb, C, ldc, acc);
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
  A->arc_t = lb_arena_alloc(a, N * d->darc * sizeof(float));
  A->ld = lb_arena_alloc(a, N * d->dlab * sizeof(float));
  A->lh = lb_arena_alloc(a, N * d->dlab * sizeof(float));
}

#define ftanh lb_nn_tanh
static inline float sigm(float x) { return 0.5f + 0.5f * lb_nn_tanh(0.5f * x); }
static inline float lrelu(float x) { return x > 0 ? x : 0.1f * x; }

/* y[r x out] = x[r x in] W[in x out] + b */
static void linear(int r, int out, int in, const float *x, int ldx, const float *W, const float *b,
                   float *y) {
  lb_nn_gemm(r, out, in, x, ldx, W, out, y, out, 0);
  if (b)
    for (int i = 0; i < r; i++)
      for (int o = 0; o < out; o++) y[(size_t)i * out + o] += b[o];
}

/* The inputs of one sentence into A->x (ROOT first), dropout applied. */
static void inputs(const lb_nn_net *net, const lb_nn_in *in, lb_nn_act *A) {
  const lb_nn_dims *d = &net->d;
  int n = A->n, N = n + 1, din = (int)lb_nn_din(d);
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
}

/* The output layers of one sentence from its top LSTM layer. */
static void heads(const lb_nn_net *net, lb_nn_act *A, const float *R) {
  const lb_nn_dims *d = &net->d;
  int n = A->n, N = n + 1, R2 = 2 * (int)d->hid;
  linear(n, (int)d->nupos, R2, R + R2, R2, net->w_upos, net->b_upos, A->upos);
  linear(n, (int)d->npair, R2, R + R2, R2, net->w_pair, net->b_pair, A->pair);
  linear(N, (int)d->darc, R2, R, R2, net->w_ad, net->b_ad, A->hd);
  linear(N, (int)d->darc, R2, R, R2, net->w_ah, net->b_ah, A->hh);
  for (size_t k = 0; k < (size_t)N * d->darc; k++) {
    A->hd[k] = lrelu(A->hd[k]);
    A->hh[k] = lrelu(A->hh[k]);
  }
  /* arc(i, j) = (hd_i U) . hh_j + hh_j . u_head: ud = hd U, then ud
  ** against hh transposed */
  linear(N, (int)d->darc, (int)d->darc, A->hd, (int)d->darc, net->u_arc, NULL, A->ud);
  float *ht = A->arc_t;
  for (int j = 0; j < N; j++)
    for (uint32_t k = 0; k < d->darc; k++) ht[(size_t)k * N + j] = A->hh[(size_t)j * d->darc + k];
  lb_nn_gemm(n, N, (int)d->darc, A->ud + d->darc, (int)d->darc, ht, N, A->arc, N, 0);
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

/* One step of an LSTM cell: gates g (i, f, g, o; H each, before their
** functions) and the previous cell state cp (NULL: none) give cell c and
** output h. Built for AVX2 beside the plain build as the matrix product is:
** the plain build's 4-float vectors made these loops 13% of parsing (perf,
** lagebild parse --conllu build/ud/de_gsd-ud-dev.400-799.conllu --lang de). */
__attribute__((target_clones("arch=x86-64-v3", "default")))
static void cell(int H, float *g, const float *cp, float *c, float *h) {
  for (int u = 0; u < H; u++) g[u] = sigm(g[u]);
  for (int u = H; u < 2 * H; u++) g[u] = sigm(g[u]);
  for (int u = 2 * H; u < 3 * H; u++) g[u] = ftanh(g[u]);
  for (int u = 3 * H; u < 4 * H; u++) g[u] = sigm(g[u]);
  for (int u = 0; u < H; u++) c[u] = g[u] * g[2 * H + u] + (cp ? g[H + u] * cp[u] : 0);
  for (int u = 0; u < H; u++) h[u] = g[3 * H + u] * ftanh(c[u]);
}

__attribute__((target_clones("arch=x86-64-v3", "default")))
static void addv(int n, float *y, const float *x) {
  for (int u = 0; u < n; u++) y[u] += x[u];
}

#define MANY 64 /* sentences in one pass at most */

void lb_nn_forward_many(const lb_nn_net *net, int nb, const lb_nn_in *const *in, lb_nn_act *const *A) {
  const lb_nn_dims *d = &net->d;
  int H = (int)d->hid, din = (int)lb_nn_din(d);
  assert(nb >= 1 && nb <= MANY);
  int maxN = 0;
  for (int b = 0; b < nb; b++) {
    inputs(net, in[b], A[b]);
    if (A[b]->n + 1 > maxN) maxN = A[b]->n + 1;
  }
  /* the recurrent products of one step, every sentence still running:
  ** their previous outputs gathered into rows, multiplied at once (one
  ** load of the recurrent weights for all of them) */
  float *hp = malloc((size_t)nb * 5 * (size_t)H * sizeof *hp), *gp = hp + (size_t)nb * H;
  if (!hp) {
    fputs("lagebild: out of memory (syntax)\n", stderr);
    exit(1);
  }
  const float *layer_in[MANY];
  for (int b = 0; b < nb; b++) layer_in[b] = A[b]->x;
  int lin = din;
  for (uint32_t l = 0; l < d->nlayer; l++) {
    for (int r = 0; r < 2; r++) {
      for (int b = 0; b < nb; b++)
        linear(A[b]->n + 1, 4 * H, lin, layer_in[b], lin, net->w_ih[l][r], net->b[l][r], A[b]->gates[l][r]);
      for (int s = 0; s < maxN; s++) {
        int k = 0, who[MANY];
        for (int b = 0; b < nb; b++) {
          int N = A[b]->n + 1;
          if (s >= N || s == 0) continue;
          int tprev = r ? N - s : s - 1;
          memcpy(hp + (size_t)k * H, A[b]->h[l] + (size_t)tprev * 2 * H + (r ? H : 0), (size_t)H * sizeof(float));
          who[k++] = b;
        }
        if (k) lb_nn_gemm(k, 4 * H, H, hp, H, net->w_hh[l][r], 4 * H, gp, 4 * H, 0);
        int q = 0;
        for (int b = 0; b < nb; b++) {
          int N = A[b]->n + 1;
          if (s >= N) continue;
          int t = r ? N - 1 - s : s;
          float *g = A[b]->gates[l][r] + (size_t)t * 4 * H;
          const float *cp = NULL;
          if (s > 0) {
            assert(who[q] == b);
            addv(4 * H, g, gp + (size_t)q++ * 4 * H);
            cp = A[b]->c[l][r] + (size_t)(r ? t + 1 : t - 1) * H;
          }
          float *c = A[b]->c[l][r] + (size_t)t * H, *h = A[b]->h[l] + (size_t)t * 2 * H + (r ? H : 0);
          cell(H, g, cp, c, h);
        }
      }
    }
    for (int b = 0; b < nb; b++) {
      lb_nn_act *X = A[b];
      size_t N = (size_t)X->n + 1;
      if (X->mask_h[l]) {
        /* y = h * mask (the trainer allocated y apart from h) */
        assert(X->y[l] != X->h[l]);
        for (size_t k = 0; k < N * 2 * H; k++) X->y[l][k] = X->h[l][k] * X->mask_h[l][k];
      }
      layer_in[b] = X->y[l];
    }
    lin = 2 * H;
  }
  for (int b = 0; b < nb; b++) heads(net, A[b], layer_in[b]);
  free(hp);
}

void lb_nn_forward(const lb_nn_net *net, const lb_nn_in *in, lb_nn_act *A) {
  lb_nn_forward_many(net, 1, &in, &A);
}

float lb_nn_rule_score(const lb_nn_net *net, const lb_nn_act *A, int i, uint32_t r) {
  const lb_nn_dims *d = &net->d;
  int R2 = 2 * (int)d->hid;
  const float *R = A->y[d->nlayer - 1] + (size_t)(i + 1) * R2, *w = net->w_rule + (size_t)r * R2;
  float s = net->b_rule[r];
  for (int k = 0; k < R2; k++) s += R[k] * w[k];
  return s;
}

/* Relation scores of one dependent (ld) on one head (lh), t its head row
** through u_lab (t[r*D + a] = sum_b lh[b] u_lab[b][r*D + a]):
** out[r] = b_lab[r] + ld . t_r + w_lab[r] . (ld, lh). */
static void label_row(const lb_nn_net *net, const float *ld, const float *lh, const float *t,
                      float *out) {
  int D = (int)net->d.dlab;
  for (uint32_t r = 0; r < net->d.nrel; r++) {
    float s = net->b_lab[r];
    const float *tr = t + (size_t)r * D, *w = net->w_lab + (size_t)r * 2 * D;
    for (int a = 0; a < D; a++) s += ld[a] * tr[a] + w[a] * ld[a] + w[D + a] * lh[a];
    out[r] = s;
  }
}

void lb_nn_label_scores(const lb_nn_net *net, const lb_nn_act *A, int i, int j, float *out) {
  const lb_nn_dims *d = &net->d;
  int D = (int)d->dlab;
  const float *ld = A->ld + (size_t)(i + 1) * D, *lh = A->lh + (size_t)j * D;
  /* t[r*D + a] = sum_b lh[b] u_lab[b][r*D + a]; out[r] = ld . t_r */
  float t[64 * 128];
  assert(d->nrel <= 64 && D <= 128);
  lb_nn_gemm(1, (int)d->nrel * D, D, lh, D, net->u_lab, (int)d->nrel * D, t, (int)d->nrel * D, 0);
  label_row(net, ld, lh, t, out);
}

void lb_nn_label_scores_many(const lb_nn_net *net, const lb_nn_act *A, const int *heads,
                             float *out, lb_arena *a) {
  const lb_nn_dims *d = &net->d;
  int D = (int)d->dlab, nr = (int)d->nrel, n = A->n, k = 0;
  /* the rows of the words' heads gathered, then one product for all of
  ** them: the weights u_lab pass once per sentence, not once per word */
  float *lh = lb_arena_alloc(a, (size_t)(n > 0 ? n : 1) * D * sizeof *lh);
  int *who = lb_arena_alloc(a, (size_t)(n > 0 ? n : 1) * sizeof *who);
  for (int i = 0; i < n; i++)
    if (heads[i] > 0) {
      memcpy(lh + (size_t)k * D, A->lh + (size_t)heads[i] * D, (size_t)D * sizeof *lh);
      who[k++] = i;
    }
  if (!k) return;
  float *t = lb_arena_alloc(a, (size_t)k * nr * D * sizeof *t);
  lb_nn_gemm(k, nr * D, D, lh, D, net->u_lab, nr * D, t, nr * D, 0);
  for (int q = 0; q < k; q++) {
    int i = who[q];
    label_row(net, A->ld + (size_t)(i + 1) * D, lh + (size_t)q * D, t + (size_t)q * nr * D,
              out + (size_t)i * nr);
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
