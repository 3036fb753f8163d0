/*
** ana.c -- the atoms of a sentence under analysis (see ana.h).
**
** For each word: its case-folded key, hashes of form, key, shape, prefixes
** and suffixes, the tag set the model's dictionary knows for it, and what
** the morphological lexicon (table `form`, data/README.md) says of it.
*/
#include "ana.h"

#include <assert.h>
#include <string.h>

#include "../lex/lex.h"
#include "../text/norm.h"
#include "model.h"

void lb_ana_init(lb_ana *s, lb_arena *a, int n) {
  s->a = a;
  s->n = n;
  s->w = n ? lb_arena_calloc(a, (size_t)n, sizeof *s->w) : NULL;
}

uint64_t lb_ana_hash(const char *s, size_t n) {
  /* FNV-1a over the bytes, then a finaliser: the values are stored in
  ** model files, so this must never change without a new model version. */
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return h;
}

/* Byte offsets of the character starts of s[0..n), at most max of them. */
static int char_starts(const char *s, uint32_t n, uint32_t *pos, int max) {
  int k = 0;
  for (uint32_t i = 0; i < n && k < max; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) pos[k++] = i;
  return k;
}

/* The lexicon tables lb_ana_prepare reads (-1 when absent or not asked for). */
typedef struct lextabs {
  int form, ent, nat, role, agent;
} lextabs;

/* What the lexicon says of a form: tables of names and roles, and the
** `form` records' morphology (lexpos, lexcase). */
static void lex_morph(const lb_lex *lx, const lextabs *t, lb_ana_word *w) {
  lb_lex_entry e;
  if (!lb_lex_get(lx, w->low, w->lowlen, &e)) return;
  if (lb_lex_entry_has(lx, &e, t->ent)) w->lexpos |= LB_LEXM_NAME;
  if (lb_lex_entry_has(lx, &e, t->nat)) w->lexpos |= LB_LEXM_NAT;
  if (lb_lex_entry_has(lx, &e, t->role) || lb_lex_entry_has(lx, &e, t->agent)) w->lexpos |= LB_LEXM_ROLE;
  int tab = t->form;
  if (tab < 0 || !lb_lex_may_have(&e, tab)) return;
  for (uint32_t i = 0; i < e.nrec; i++) {
    lb_lex_rec r;
    if (!lb_lex_rec_get(lx, &e, i, &r) || r.table != tab) continue;
    const char *f[4];
    int fl[4];
    int nf = lb_lex_fields(r.val, r.val_len, f, fl, 4);
    if (nf < 2) continue;
    uint32_t pos = 0;
    if (fl[1] == 4 && memcmp(f[1], "NOUN", 4) == 0) pos = LB_LEXM_NOUN;
    else if (fl[1] == 3 && memcmp(f[1], "ADJ", 3) == 0) pos = LB_LEXM_ADJ;
    else if (fl[1] == 4 && memcmp(f[1], "VERB", 4) == 0) pos = LB_LEXM_VERB;
    w->lexpos |= pos;
    if (nf >= 4 && fl[3] > 0) {
      if (pos == LB_LEXM_NOUN) {
        if (f[3][0] == 'M') w->lexpos |= LB_LEXM_MASC;
        else if (f[3][0] == 'F') w->lexpos |= LB_LEXM_FEM;
        else if (f[3][0] == 'N') w->lexpos |= LB_LEXM_NEUT;
      } else if (pos == LB_LEXM_VERB)
        w->lexpos |= LB_LEXM_SEP;
    }
    if (nf < 3) continue;
    /* features: comma-separated codes (data/README.md, table form) */
    const char *p = f[2], *end = f[2] + fl[2];
    while (p < end) {
      const char *q = memchr(p, ',', (size_t)(end - p));
      if (!q) q = end;
      size_t n = (size_t)(q - p);
      if (pos == LB_LEXM_NOUN && n == 7) {
        int cs = -1, pl = memcmp(p + 4, "SIN", 3) != 0;
        if (!memcmp(p, "NOM", 3)) w->lexcase |= LB_LEXC_NOM, cs = 0;
        else if (!memcmp(p, "GEN", 3)) w->lexcase |= LB_LEXC_GEN, cs = 1;
        else if (!memcmp(p, "DAT", 3)) w->lexcase |= LB_LEXC_DAT, cs = 2;
        else if (!memcmp(p, "AKK", 3)) w->lexcase |= LB_LEXC_ACC, cs = 3;
        if (cs >= 0) w->nounread |= (uint8_t)(1u << (cs * 2 + pl));
        w->lexpos |= !pl ? LB_LEXM_SING : LB_LEXM_PLUR;
      } else if (pos == LB_LEXM_VERB) {
        if (n == 3 && !memcmp(p, "INF", 3)) w->lexpos |= LB_LEXM_VINF;
        else if (n == 3 && !memcmp(p, "PA2", 3)) w->lexpos |= LB_LEXM_VPA2;
        else if (n == 3 && !memcmp(p, "PA1", 3)) w->lexpos |= LB_LEXM_VPA1;
        else if (n == 3 && !memcmp(p, "EIZ", 3)) w->lexpos |= LB_LEXM_VEIZ;
        else if (n == 3 && !memcmp(p, "IMP", 3)) w->lexpos |= LB_LEXM_VIMP;
        else if (n >= 6 && p[n - 3] == '.') {
          /* TENSE.NP: PRÄ PRT KJ1 KJ2 (PRÄ is 4 bytes in UTF-8) */
          w->lexpos |= LB_LEXM_VFIN;
          if (n == 6 && !memcmp(p, "PRT", 3)) w->lexpos |= LB_LEXM_VPRT;
          if (n == 6 && !memcmp(p, "KJ1", 3)) w->lexpos |= LB_LEXM_VKJ1;
          if (n == 6 && !memcmp(p, "KJ2", 3)) w->lexpos |= LB_LEXM_VKJ2;
          w->lexpos |= p[n - 2] == 'S' ? LB_LEXM_SING : LB_LEXM_PLUR;
          w->lexpos |= p[n - 1] == '1' ? LB_LEXM_P1 : p[n - 1] == '2' ? LB_LEXM_P2 : LB_LEXM_P3;
          int tense = n == 6 && !memcmp(p, "PRT", 3) ? 1 : n == 6 && !memcmp(p, "KJ1", 3) ? 2
                    : n == 6 && !memcmp(p, "KJ2", 3) ? 3 : 0;
          int person = p[n - 1] - '0';
          uint8_t rd = LB_VREAD(tense, p[n - 2] != 'S', person >= 1 && person <= 3 ? person : 3);
          int have = 0;
          for (int k = 0; k < w->nvread; k++) have |= w->vread[k] == rd;
          if (!have && w->nvread < 8) w->vread[w->nvread++] = rd;
        }
      }
      p = q + 1;
    }
  }
}

void lb_ana_prepare(lb_ana *s, const lb_synm *m, const lb_lex *lx, unsigned what) {
  lextabs t = {-1, -1, -1, -1, -1};
  if (lx && (what & LB_ANA_FORM)) t.form = lb_lex_table(lx, "form");
  if (lx && (what & LB_ANA_NAMES)) {
    t.ent = lb_lex_table(lx, "ent");
    t.nat = lb_lex_table(lx, "nat");
    t.role = lb_lex_table(lx, "rolenoun");
    t.agent = lb_lex_table(lx, "agent");
  }
  s->m = m;
  for (int i = 0; i < s->n; i++) {
    lb_ana_word *w = &s->w[i];
    assert(w->form && w->len > 0);
    w->low = lb_norm_key_arena(s->a, w->form, w->len, &w->lowlen);
    w->h_form = lb_ana_hash(w->form, w->len);
    w->h_low = lb_ana_hash(w->low, w->lowlen);
    /* flags and shape from the code points */
    char shape[24];
    int sl = 0, nletters = 0, nupper = 0, ndigit = 0, nother = 0, npunct = 0, nchars = 0;
    char last = 0;
    int run = 0;
    const unsigned char *u = (const unsigned char *)w->form;
    for (uint32_t k = 0; k < w->len;) {
      int32_t cp;
      int used = lb_utf8_decode(u + k, w->len - k, &cp);
      char c;
      nchars++;
      npunct += lb_uc_is_punct(cp);
      if (lb_uc_is_letter(cp)) {
        nletters++;
        if (lb_uc_is_upper(cp)) nupper++, c = 'X';
        else c = 'x';
        if (k == 0 && lb_uc_is_upper(cp)) w->flags |= LB_AW_CAP;
      } else if (cp >= '0' && cp <= '9') {
        ndigit++;
        c = 'd';
      } else {
        nother++;
        if (cp == '-' && k > 0 && k + 1 < w->len) w->flags |= LB_AW_HYPH;
        c = cp < 128 ? (char)cp : 'o';
      }
      run = c == last ? run + 1 : 1;
      last = c;
      if (run <= 2 && sl < (int)sizeof shape) shape[sl++] = c;
      k += (uint32_t)used;
    }
    if (nletters >= 2 && nupper == nletters) w->flags |= LB_AW_UPPER;
    if (ndigit) w->flags |= LB_AW_DIGIT;
    if (nletters && !ndigit && !nother) w->flags |= LB_AW_ALPHA;
    if (!nletters && !ndigit) w->flags |= LB_AW_PUNCT;
    if (npunct == nchars) w->flags |= LB_AW_PONLY;
    w->h_shape = lb_ana_hash(shape, (size_t)sl);
    /* prefixes and suffixes of the key, by characters */
    uint32_t pos[64];
    int nc = char_starts(w->low, w->lowlen, pos, 64);
    for (int k = 0; k < LB_ANA_NSUF; k++) {
      uint32_t from = k + 1 < nc ? pos[nc - k - 1] : 0;
      w->h_suf[k] = lb_ana_hash(w->low + from, w->lowlen - from) + (uint64_t)k;
    }
    for (int k = 0; k < LB_ANA_NPRE; k++) {
      uint32_t to = k + 1 < nc ? pos[k + 1] : w->lowlen;
      w->h_pre[k] = lb_ana_hash(w->low, to) + 16 + (uint64_t)k;
    }
    uint32_t v;
    if (m && lb_synm_dict_get(&m->tagdict, w->h_low, &v)) {
      w->amb = v & 0xFFFFFF;
      w->freq = (uint8_t)(v >> 24);
    }
    if (lx && what) lex_morph(lx, &t, w);
  }
  for (int i = 0; i < s->n; i++)
    if (!(s->w[i].flags & LB_AW_PUNCT)) {
      s->w[i].flags |= LB_AW_FIRST;
      break;
    }
}
