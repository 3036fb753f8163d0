/*
** nn.h -- the neural network of a syntax model: word vectors, a
** bidirectional LSTM over the sentence, and output layers for UPOS, the
** FEATS pairs, lemma rules, heads (biaffine, Dozat and Manning 2017) and
** relations. One forward pass gives every analysis of a sentence.
**
** The same code runs over the weights of a mapped model file (inference)
** and over the trainer's weights: lb_nn_forward records what the trainer's
** backward pass needs when given a tape (tools/train_syntax.c), so training
** and use cannot drift apart. Inputs of a word are built by lb_nn_inputs
** from its lb_ana atoms: one function for both.
**
** Layout: every weight matrix is row-major [in][out] and a layer computes
** y = x W + b (x a row), except w_rule, whose rows are the rules (a word
** scores only the few rules that fit it). Positions 0..n of a sentence: 0
** is ROOT, i+1 is word i.
*/
#ifndef LB_NN_H
#define LB_NN_H

#include <stddef.h>
#include <stdint.h>

#include "ana.h"

/* The hashed character features of a word: prefixes 1-3, suffixes 1-4,
** shape (lb_nn_inputs). */
#define LB_NN_NHF 8
/* Binary inputs: the word's flags, the lexicon's morphology, the tag
** dictionary's tag set (24 + 24 + 24), and which treebank's conventions
** to follow (LB_NN_NTB). */
#define LB_NN_NTB 4
#define LB_NN_NBITS (72 + LB_NN_NTB)

typedef struct lb_nn_dims {
  uint32_t nword, dword;        /* word vectors: rows (0 unknown, 1 ROOT), width */
  uint32_t nhash, dhash;        /* rows of each of the LB_NN_NHF hash tables, width */
  uint32_t hid, nlayer;         /* LSTM units per direction, layers */
  uint32_t darc, dlab;          /* widths of the arc and label layers */
  uint32_t nupos, npair, nrule, nrel;
  uint32_t tb; /* the treebank (0..LB_NN_NTB-1) whose annotation the model writes */
} lb_nn_dims;

/* Input width of the first LSTM layer. */
static inline uint32_t lb_nn_din(const lb_nn_dims *d) {
  return d->dword + LB_NN_NHF * d->dhash + LB_NN_NBITS;
}

#define LB_NN_MAXLAYER 4

/* Pointers to every weight (row-major float32). */
typedef struct lb_nn_net {
  lb_nn_dims d;
  const float *e_word;            /* nword x dword */
  const float *e_hash;            /* LB_NN_NHF x nhash x dhash */
  const float *x_root;            /* din: the input vector of ROOT */
  const float *w_ih[LB_NN_MAXLAYER][2], *w_hh[LB_NN_MAXLAYER][2], *b[LB_NN_MAXLAYER][2];
                                  /* per layer and direction: in x 4hid, hid x 4hid, 4hid
                                  ** (gates i, f, g, o) */
  const float *w_upos, *b_upos;   /* 2hid x nupos */
  const float *w_pair, *b_pair;   /* 2hid x npair */
  const float *w_rule, *b_rule;   /* nrule x 2hid (a row per rule) */
  const float *w_ad, *b_ad, *w_ah, *b_ah; /* 2hid x darc: dependent and head arc layers */
  const float *u_arc, *u_head;    /* darc x darc, darc */
  const float *w_ld, *b_ld, *w_lh, *b_lh; /* 2hid x dlab */
  const float *u_lab;             /* dlab x (nrel x dlab): [b][r*dlab + a] = U_r[a][b] */
  const float *w_lab, *b_lab;     /* nrel x 2dlab, nrel */
} lb_nn_net;

/* tanh as a rational function of x (the minimax approximation Eigen uses,
** error < 1e-6 on the clamped range), and sigmoid through it: a branch-free
** loop the compiler vectorises; expf and tanhf calls were 15% of tagging
** and parsing (perf, lagebild parse --conllu on EWT dev). Training runs the
** same functions, so the model learns with what it will run. */
static inline float lb_nn_tanh(float x) {
  const float lim = 7.90531110763549805f;
  x = x > lim ? lim : x < -lim ? -lim : x;
  float x2 = x * x;
  float p = -2.76076847742355e-16f;
  p = p * x2 + 2.00018790482477e-13f;
  p = p * x2 + -8.60467152213735e-11f;
  p = p * x2 + 5.12229709037114e-08f;
  p = p * x2 + 1.48572235717979e-05f;
  p = p * x2 + 6.37261928875436e-04f;
  p = p * x2 + 4.89352455891786e-03f;
  p *= x;
  float q = 1.19825839466702e-06f;
  q = q * x2 + 1.18534705686654e-04f;
  q = q * x2 + 2.26843463243900e-03f;
  q = q * x2 + 4.89352518554385e-03f;
  return p / q;
}

/* The number of floats of every weight, in the order lb_nn_bind lays them
** out (the model file's NNW section and the trainer's parameter vector). */
size_t lb_nn_nparams(const lb_nn_dims *d);
/* Point net's weights into p (lb_nn_nparams floats). */
void lb_nn_bind(lb_nn_net *net, const lb_nn_dims *d, const float *p);

/* The input indices of a word: word row and LB_NN_NHF hash rows, and its
** LB_NN_NBITS binary inputs. `wid` is the word's row in the vocabulary
** (from the model's dictionary, or the trainer's); `tb` the treebank whose
** conventions to follow (d->tb in use; training data from several
** treebanks tells the network which each sentence follows: Stymne et al.
** 2018, "Parser training with heterogeneous treebanks"). */
typedef struct lb_nn_in {
  uint32_t word;
  uint32_t hash[LB_NN_NHF];
  uint8_t bits[LB_NN_NBITS];
} lb_nn_in;
void lb_nn_inputs(const lb_nn_dims *d, const lb_ana_word *w, uint32_t wid, uint32_t tb,
                  lb_nn_in *in);

/* Activations of one sentence (n words, n+1 positions). The trainer's
** backward pass reads every array; inference reads the outputs only. */
typedef struct lb_nn_act {
  int n;
  float *x;                         /* (n+1) x din: inputs */
  float *gates[LB_NN_MAXLAYER][2];  /* (n+1) x 4hid after the nonlinearities */
  float *c[LB_NN_MAXLAYER][2];      /* (n+1) x hid: cell states */
  float *h[LB_NN_MAXLAYER];         /* (n+1) x 2hid: outputs (forward | backward) */
  float *y[LB_NN_MAXLAYER];         /* h after dropout (= h without masks): the next input */
  float *upos;                      /* n x nupos: scores */
  float *pair;                      /* n x npair: scores */
  float *hd, *hh;                   /* (n+1) x darc: arc layers (after LeakyReLU) */
  float *ud;                        /* (n+1) x darc: hd x u_arc */
  float *arc;                       /* n x (n+1): score of head j for word i */
  float *arc_t;                     /* darc x (n+1): scratch (hh transposed) */
  float *ld, *lh;                   /* (n+1) x dlab */
  /* dropout masks (the trainer's: 0 or 1/(1-p) per element; NULL = none) */
  float *mask_x, *mask_h[LB_NN_MAXLAYER];
} lb_nn_act;

/* Allocate the activations of a sentence of n words in arena a. */
void lb_nn_act_alloc(lb_nn_act *A, const lb_nn_dims *d, int n, struct lb_arena *a);

/* Forward pass: inputs in[0..n) (word i at position i+1) -> every score.
** Dropout masks in A (when set) are applied. */
void lb_nn_forward(const lb_nn_net *net, const lb_nn_in *in, lb_nn_act *A);
/* The same for nb sentences at once (1..64): the same numbers as nb calls
** of lb_nn_forward, but each LSTM step is one product for all sentences
** (the recurrent weights read once per step, not once per sentence). */
void lb_nn_forward_many(const lb_nn_net *net, int nb, const lb_nn_in *const *in, lb_nn_act *const *A);

/* Scores of rule r for word i (position i+1) from the last layer. */
float lb_nn_rule_score(const lb_nn_net *net, const lb_nn_act *A, int i, uint32_t r);

/* Relation scores of word i attached to head j (0 = ROOT, j = word j-1):
** out[0..nrel). */
void lb_nn_label_scores(const lb_nn_net *net, const lb_nn_act *A, int i, int j, float *out);
/* The same for every word i of A with heads[i] > 0 (heads as lb_nn_tree
** gives them), into out[i * nrel ..]; rows of words on ROOT are left as
** they were. Scratch in arena a. */
void lb_nn_label_scores_many(const lb_nn_net *net, const lb_nn_act *A, const int *heads,
                             float *out, struct lb_arena *a);

/* The best tree for the arc scores of A: heads[i] in 0..n (0 = ROOT, k =
** word k-1), exactly one word on ROOT (Chu-Liu-Edmonds over the scores;
** scratch in arena a). */
void lb_nn_tree(const lb_nn_act *A, int *heads, struct lb_arena *a);

/* C[m x n] (+)= A[m x k] B[k x n], row-major (the one matrix product of the
** network; vectorised, see nn.c). acc = 0 overwrites C. */
void lb_nn_gemm(int m, int n, int k, const float *A, int lda, const float *B, int ldb, float *C,
                int ldc, int acc);

/* The trainer may replace the matrix product (with a BLAS); same contract. */
extern void (*lb_nn_gemm_hook)(int m, int n, int k, const float *A, int lda, const float *B,
                               int ldb, float *C, int ldc, int acc);

#endif
