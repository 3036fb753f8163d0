/*
** parser.h -- a greedy transition-based dependency parser (arc-hybrid,
** Kuhlmann, Gómez-Rodríguez and Satta 2011) over a tagged sentence.
**
** A configuration is a stack, a buffer of the words not yet shifted and the
** arcs made so far; the buffer ends with an artificial ROOT. Three actions:
**   SHIFT  move the buffer's first word b0 onto the stack;
**   LEFT   make b0 the head of the stack's top s0 and pop it (b0 = ROOT
**          only when s0 is the stack's last word, so a tree has one root);
**   RIGHT  make s1 the head of s0 and pop it.
** The action is chosen by an averaged perceptron over hashed features of
** the words around the stack and the buffer (lb_dep_features); when an arc
** is made, a second perceptron labels it (lb_dep_label_features), seeing
** the dependent's finished subtree. Trained with the dynamic oracle of
** Goldberg and Nivre (2013, lb_dep_costs) on projectivised trees.
**
** State, features and costs are shared with the trainer; lb_dep_run parses
** with a model.
*/
#ifndef LB_PARSER_H
#define LB_PARSER_H

#include <stdint.h>

#include "ana.h"
#include "model.h"

enum { LB_DEP_SHIFT = 0, LB_DEP_LEFT = 1, LB_DEP_RIGHT = 2, LB_DEP_NACT = LB_SYNM_NACT };

#define LB_DEP_MAXF 128

typedef struct lb_dep_state {
  lb_ana *s;
  int *stack;
  int sp; /* stack size */
  int b;  /* first word of the buffer; s->n = ROOT */
} lb_dep_state;

/* A fresh configuration for s (stack in s's arena); clears heads and
** children of every word. */
void lb_dep_init(lb_dep_state *st, lb_ana *s);
static inline int lb_dep_done(const lb_dep_state *st) { return st->sp == 0 && st->b >= st->s->n; }
/* Which actions are allowed now: bit a set for action a. */
unsigned lb_dep_valid(const lb_dep_state *st);
/* The features of the configuration; returns their number. */
int lb_dep_features(const lb_dep_state *st, uint64_t *f);
/* The head and dependent an arc action would make (a = LEFT or RIGHT). */
void lb_dep_arc(const lb_dep_state *st, int a, int *head, int *dep);
/* The features of labelling the arc head -> dep (head = s->n for ROOT). */
int lb_dep_label_features(const lb_dep_state *st, int head, int dep, uint64_t *f);
/* Carry out action a; an arc gets label rel. */
void lb_dep_apply(lb_dep_state *st, int a, int rel);
/* The number of gold arcs each action would make unreachable (gold[i] =
** head of word i, s->n for the root; a projective tree): cost[a] for the
** three actions (invalid ones get a large cost). */
void lb_dep_costs(const lb_dep_state *st, const int *gold, int cost[LB_DEP_NACT]);

/* Make a tree projective by lifting non-projective arcs to the head's head
** (heads: i -> head, n = root); returns the number of lifts. */
int lb_dep_projectivize(int *heads, int n);

/* Parse a tagged sentence with model m: every word's head and rel. */
void lb_dep_run(const lb_synm *m, lb_ana *s);

#endif
