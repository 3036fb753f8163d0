/*
** model.c -- mapping and checking a syntax model file (format: model.h).
**
** Open checks everything a later lookup trusts: the magic and version, that
** every section lies inside the file, that every count fits its section,
** that every string offset points into the string pool before a NUL, and
** that every row index of a weight table is below its row count. After
** that, lookups do no bounds checks.
*/
#include "model.h"

#include "ana.h"
#include "ufeat.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct sec {
  const uint8_t *p;
  uint32_t n;
} sec;

typedef struct checker {
  const uint8_t *base;
  size_t size;
  sec s[LB_SEC_MAX];
  char *err;
  size_t errlen;
  const char *name;
} checker;

static int bad(checker *c, const char *what) {
  snprintf(c->err, c->errlen, "%s: not a usable syntax model: %s", c->name, what);
  return 0;
}

static uint32_t rd32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

static int str_ok(const lb_synm *m, uint32_t off) {
  return off < m->strsize && memchr(m->str + off, 0, m->strsize - off) != NULL;
}

/* A u32 count followed by count x u32 string offsets. */
static int str_list(checker *c, lb_synm *m, int id, uint32_t *n, const uint32_t **v) {
  sec s = c->s[id];
  if (s.n < 4) return bad(c, "a name list is missing");
  *n = rd32(s.p);
  if (*n > (s.n - 4) / 4) return bad(c, "a name list is longer than its section");
  *v = (const uint32_t *)(s.p + 4);
  for (uint32_t i = 0; i < *n; i++)
    if (!str_ok(m, (*v)[i])) return bad(c, "a name points outside the strings");
  return 1;
}

/* A dictionary at p with `room` bytes; *used gets its size. */
static int dict_at(checker *c, const uint8_t *p, size_t room, lb_synm_dict *d, size_t *used) {
  if (room < 4) return bad(c, "a dictionary is cut short");
  uint32_t n = rd32(p);
  if (n == 0 || (n & (n - 1)) || n > (1u << 28) || (size_t)n * 8 > room - 4)
    return bad(c, "a dictionary's size is wrong");
  d->mask = n - 1;
  d->slots = (const uint32_t *)(p + 4);
  int empty = 0;
  for (uint32_t i = 0; i < n && !empty; i++) empty = d->slots[2 * i] == 0;
  if (!empty) return bad(c, "a dictionary has no empty slot");
  if (used) *used = 4 + (size_t)n * 8;
  return 1;
}

static int check(checker *c, lb_synm *m) {
  const uint8_t *b = c->base;
  if (c->size < 20 || memcmp(b, LB_SYNM_MAGIC, 5) != 0) return bad(c, "no LBSYN magic");
  if (memcmp(b, LB_SYNM_MAGIC, 8) != 0 || rd32(b + 8) != LB_SYNM_VERSION)
    return bad(c, "another format version (run make model, or use the model of this build)");
  if (rd32(b + 12) != c->size) return bad(c, "file size differs from the header (truncated?)");
  uint32_t ns = rd32(b + 16);
  if (ns > 64 || 20 + (size_t)ns * 12 > c->size) return bad(c, "section table is cut short");
  for (uint32_t i = 0; i < ns; i++) {
    uint32_t id = rd32(b + 20 + 12 * i), off = rd32(b + 24 + 12 * i), n = rd32(b + 28 + 12 * i);
    if (id == 0 || id >= LB_SEC_MAX) continue; /* a newer optional section: ignored */
    if (off % 8 || off > c->size || n > c->size - off) return bad(c, "a section lies outside the file");
    c->s[id].p = b + off;
    c->s[id].n = n;
  }
  sec st = c->s[LB_SEC_STR];
  if (!st.p || st.n == 0 || st.p[st.n - 1] != 0) return bad(c, "no string pool");
  m->str = (const char *)st.p;
  m->strsize = st.n;
  if (!str_list(c, m, LB_SEC_META, &m->nmeta, &m->meta)) return 0;
  if (!str_list(c, m, LB_SEC_UPOS, &m->nupos, &m->upos)) return 0;
  if (!str_list(c, m, LB_SEC_REL, &m->nrel, &m->rel)) return 0;
  if (m->nupos == 0 || m->nupos > 24 || m->nrel == 0 || m->nrel > 64)
    return bad(c, "tag or relation count out of range");

  sec f = c->s[LB_SEC_FEATS];
  if (f.n < 12) return bad(c, "no feature section");
  m->nbundle = rd32(f.p);
  m->nattr = rd32(f.p + 4);
  m->npair = rd32(f.p + 8);
  if (m->nbundle == 0 || m->nbundle > 65535 || m->nattr > 64 || m->npair > 65535)
    return bad(c, "feature counts out of range");
  size_t need = 12 + 4 * (size_t)m->nattr + 8 * (size_t)m->npair +
                (size_t)m->nbundle * (8 + 2 * m->nattr) + 8 * (size_t)m->nupos;
  if (need > f.n) return bad(c, "feature section is cut short");
  m->attr = (const uint32_t *)(f.p + 12);
  m->pair = m->attr + m->nattr;
  m->bundles = (const uint8_t *)(m->pair + 2 * m->npair);
  const uint8_t *q = m->bundles + (size_t)m->nbundle * (8 + 2 * m->nattr);
  if ((uintptr_t)q & 3) q += 2, need += 2; /* the candidates start 4-aligned */
  if (need > f.n) return bad(c, "feature section is cut short");
  m->cand = (const uint32_t *)q;
  m->candlist = (const uint16_t *)(q + 8 * (size_t)m->nupos);
  size_t ncand = (f.n - need) / 2;
  for (uint32_t i = 0; i < m->nattr; i++)
    if (!str_ok(m, m->attr[i])) return bad(c, "an attribute name points outside the strings");
  for (uint32_t i = 0; i < m->npair; i++)
    if (m->pair[2 * i] >= m->nattr || !str_ok(m, m->pair[2 * i + 1]))
      return bad(c, "a feature pair is damaged");
  for (uint32_t i = 0; i < m->nbundle; i++) {
    if (!str_ok(m, rd32(m->bundles + (size_t)i * (8 + 2 * m->nattr))))
      return bad(c, "a feature bundle points outside the strings");
    for (uint32_t a = 0; a < m->nattr; a++)
      if (lb_synm_bundle_pair(m, i, a) >= m->npair) return bad(c, "a feature bundle is damaged");
  }
  for (uint32_t u = 0; u < m->nupos; u++) {
    uint32_t first = m->cand[2 * u], n = m->cand[2 * u + 1];
    if (first > ncand || n > ncand - first) return bad(c, "a candidate list is damaged");
    for (uint32_t k = 0; k < n; k++)
      if (m->candlist[first + k] >= m->nbundle) return bad(c, "a candidate list is damaged");
  }

  sec r = c->s[LB_SEC_LEMRULE];
  if (r.n < 4) return bad(c, "no lemma rules");
  m->nrule = rd32(r.p);
  if ((size_t)m->nrule * 12 + 4 > r.n) return bad(c, "lemma rules are cut short");
  m->rules = (const uint32_t *)(r.p + 4);
  for (uint32_t i = 0; i < m->nrule; i++)
    if (!str_ok(m, m->rules[3 * i]) || !str_ok(m, m->rules[3 * i + 1]))
      return bad(c, "a lemma rule points outside the strings");
  size_t used;
  const uint8_t *ri = r.p + 4 + (size_t)m->nrule * 12;
  if (!dict_at(c, ri, r.n - (size_t)(ri - r.p), &m->ruleidx, &used)) return 0;
  m->rulelist = (const uint32_t *)(ri + used);
  size_t nlist = (r.n - (size_t)(ri - r.p) - used) / 4;
  m->nrulelist = (uint32_t)nlist;
  for (uint32_t i = 0; i <= m->ruleidx.mask; i++) {
    if (!m->ruleidx.slots[2 * i]) continue;
    uint32_t v = m->ruleidx.slots[2 * i + 1];
    if (v >= nlist || m->rulelist[v] > nlist - v - 1) return bad(c, "the lemma rule index is damaged");
    for (uint32_t k = 0; k < m->rulelist[v]; k++)
      if (m->rulelist[v + 1 + k] >= m->nrule) return bad(c, "the lemma rule index is damaged");
  }
  if (!dict_at(c, c->s[LB_SEC_TAGDICT].p, c->s[LB_SEC_TAGDICT].n, &m->tagdict, NULL)) return 0;
  if (!dict_at(c, c->s[LB_SEC_LEMDICT].p, c->s[LB_SEC_LEMDICT].n, &m->lemdict, NULL)) return 0;
  for (uint32_t i = 0; i <= m->lemdict.mask; i++)
    if (m->lemdict.slots[2 * i] && !str_ok(m, m->lemdict.slots[2 * i + 1]))
      return bad(c, "a dictionary lemma points outside the strings");
  /* the network: optional while the trainer builds its skeleton */
  sec dm = c->s[LB_SEC_NNDIM], w = c->s[LB_SEC_NNW];
  if (dm.n) {
    lb_nn_dims d;
    if (dm.n != sizeof d) return bad(c, "the network's dimensions are damaged");
    memcpy(&d, dm.p, sizeof d);
    if (d.nword < 2 || d.nword > (1u << 22) || d.dword == 0 || d.dword > 1024 || d.nhash == 0 ||
        (d.nhash & (d.nhash - 1)) || d.nhash > (1u << 22) || d.dhash == 0 || d.dhash > 256 ||
        d.hid == 0 || d.hid > 1024 || d.nlayer == 0 || d.nlayer > LB_NN_MAXLAYER || d.darc == 0 ||
        d.darc > 1024 || d.dlab == 0 || d.dlab > 128 || d.nupos != m->nupos ||
        d.npair != m->npair || d.nrule != m->nrule || d.nrel != m->nrel)
      return bad(c, "the network's dimensions do not fit the model");
    if (w.n / sizeof(float) != lb_nn_nparams(&d)) return bad(c, "the network's weights are cut short");
    if (!dict_at(c, c->s[LB_SEC_WORDS].p, c->s[LB_SEC_WORDS].n, &m->words, NULL)) return 0;
    for (uint32_t i = 0; i <= m->words.mask; i++)
      if (m->words.slots[2 * i] && m->words.slots[2 * i + 1] >= d.nword)
        return bad(c, "a word points past the word vectors");
    lb_nn_bind(&m->net, &d, (const float *)w.p);
  }
  m->lang = lb_synm_meta(m, "lang");
  if (!m->lang) return bad(c, "no language in META");
  m->upos_punct = lb_synm_upos_id(m, "PUNCT");
  m->upos_sym = lb_synm_upos_id(m, "SYM");
  m->upos_propn = lb_synm_upos_id(m, "PROPN");
  m->upos_noun = lb_synm_upos_id(m, "NOUN");
  m->upos_adj = lb_synm_upos_id(m, "ADJ");
  m->upos_adv = lb_synm_upos_id(m, "ADV");
  m->upos_verb = lb_synm_upos_id(m, "VERB");
  m->upos_aux = lb_synm_upos_id(m, "AUX");
  m->upos_adp = lb_synm_upos_id(m, "ADP");
  m->upos_det = lb_synm_upos_id(m, "DET");
  m->upos_pron = lb_synm_upos_id(m, "PRON");
  m->upos_sconj = lb_synm_upos_id(m, "SCONJ");
  m->rel_root = lb_synm_rel_id(m, "root");
  m->rel_prt = lb_synm_rel_id(m, "compound:prt");
  m->rel_amod = lb_synm_rel_id(m, "amod");
  m->rel_compound = lb_synm_rel_id(m, "compound");
  m->rel_nmod = lb_synm_rel_id(m, "nmod");
  m->rel_function = 0;
  m->rel_subject = 0;
  m->rel_clausal = 0;
  for (uint32_t k = 0; k < m->nrel && k < 64; k++) {
    const char *rn = lb_synm_str(m, m->rel[k]);
    size_t bl = strcspn(rn, ":");
    /* UD's relations of function words and adjectives (not det:poss: "ihr") */
    static const char *const FN[] = {"aux", "cop", "case", "mark", "cc", "det", "amod"};
    for (size_t fi = 0; fi < sizeof FN / sizeof *FN; fi++)
      if (bl == strlen(FN[fi]) && memcmp(rn, FN[fi], bl) == 0 && strcmp(rn, "det:poss") != 0)
        m->rel_function |= 1ull << k;
    if (bl == 5 && memcmp(rn, "nsubj", 5) == 0) m->rel_subject |= 1ull << k;
    static const char *const CL[] = {"advcl", "ccomp", "xcomp", "csubj", "acl", "parataxis"};
    for (size_t ci = 0; ci < sizeof CL / sizeof *CL; ci++)
      if (bl == strlen(CL[ci]) && memcmp(rn, CL[ci], bl) == 0) m->rel_clausal |= 1ull << k;
  }
  m->upos_cconj = lb_synm_upos_id(m, "CCONJ");
  const char *lm = lb_synm_meta(m, "lexmorph"), *ln = lb_synm_meta(m, "lexnames");
  m->lexwhat = (lm && strcmp(lm, "form") == 0 ? LB_ANA_FORM : 0) |
               (ln && strcmp(ln, "1") == 0 ? LB_ANA_NAMES : 0);
  if (m->rel_root < 0) return bad(c, "no root relation");
  return 1;
}

/* Every bundle's features packed (ufeat.h), for the lexicon's check of
** bundles (parse.c) and for the words' feats (syntax.c). */
static int pack_bundles(lb_synm *m) {
  m->packed = calloc(m->nbundle ? m->nbundle : 1, sizeof *m->packed);
  if (!m->packed) return 0;
  for (uint32_t b = 0; b < m->nbundle; b++) m->packed[b] = lb_ufeat_pack(lb_synm_bundle_str(m, b));
  return 1;
}

lb_synm *lb_synm_from_mem(const void *p, size_t n, char *err, size_t errlen) {
  lb_synm *m = calloc(1, sizeof *m);
  if (!m) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  checker c = {.base = p, .size = n, .err = err, .errlen = errlen, .name = "<memory>"};
  m->base = p;
  m->size = n;
  if ((uintptr_t)p % 8 || !check(&c, m)) {
    if ((uintptr_t)p % 8) snprintf(err, errlen, "<memory>: model bytes not 8-byte aligned");
    free(m);
    return NULL;
  }
  if (!pack_bundles(m)) {
    snprintf(err, errlen, "out of memory");
    free(m);
    return NULL;
  }
  return m;
}

lb_synm *lb_synm_open(const char *path, char *err, size_t errlen) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    snprintf(err, errlen, "%s: cannot open syntax model: %s", path, strerror(errno));
    return NULL;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < 20 || (uint64_t)st.st_size > 0xFFFFFFF0u) {
    snprintf(err, errlen, "%s: not a usable syntax model: %s", path,
             st.st_size < 20 ? "file too short (truncated?)" : "file too large");
    close(fd);
    return NULL;
  }
  void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (p == MAP_FAILED) {
    snprintf(err, errlen, "%s: cannot map syntax model: %s", path, strerror(errno));
    return NULL;
  }
  lb_synm *m = calloc(1, sizeof *m);
  checker c = {.base = p, .size = (size_t)st.st_size, .err = err, .errlen = errlen, .name = path};
  if (!m || !check(&c, m)) {
    if (!m) snprintf(err, errlen, "out of memory");
    munmap(p, (size_t)st.st_size);
    free(m);
    return NULL;
  }
  m->base = p;
  m->size = (size_t)st.st_size;
  m->fd_mapped = 1;
  if (!pack_bundles(m)) {
    snprintf(err, errlen, "out of memory");
    lb_synm_close(m);
    return NULL;
  }
  return m;
}

void lb_synm_close(lb_synm *m) {
  if (!m) return;
  free(m->packed);
  if (m->fd_mapped) munmap((void *)m->base, m->size);
  free(m);
}

const char *lb_synm_meta(const lb_synm *m, const char *key) {
  size_t kl = strlen(key);
  for (uint32_t i = 0; i < m->nmeta; i++) {
    const char *s = m->str + m->meta[i];
    if (strncmp(s, key, kl) == 0 && s[kl] == '=') return s + kl + 1;
  }
  return NULL;
}

int lb_synm_upos_id(const lb_synm *m, const char *name) {
  for (uint32_t i = 0; i < m->nupos; i++)
    if (strcmp(m->str + m->upos[i], name) == 0) return (int)i;
  return -1;
}

int lb_synm_rel_id(const lb_synm *m, const char *name) {
  for (uint32_t i = 0; i < m->nrel; i++)
    if (strcmp(m->str + m->rel[i], name) == 0) return (int)i;
  return -1;
}
