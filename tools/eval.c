/*
** eval.c -- `make eval`: how well the engine codes events (CAMEO and PLOVER)
** and attributes claims, with their places and dates, on the hand-annotated
** sets tests/eval/de.tsv and tests/eval/en.tsv (issues 17 and 18).
**
**   eval_lagebild [-v] [--split dev|test] [--pictures FILE.jsonl] [--plover FILE] SET.tsv...
**
** Without --pictures the engine (lb_extract) reads each passage; with it, the
** pictures (docs/OUTPUT.md, one JSON object a line, "id" = the passage's ID)
** are read from the file instead: the scorer's own test (tests/suite_eval.sh)
** gives it pictures written by hand.
**
** A set is UTF-8 TSV, '#' comments; one passage (a sentence, or 2-3
** consecutive sentences) a line:
**     ID <TAB> SPLIT <TAB> PUBLISHED <TAB> TEXT <TAB> EVENTS <TAB> CLAIMS
** The language is the file name's first two letters ("de.tsv" -> de). SPLIT
** is dev or test. PUBLISHED is the publication date (YYYY-MM-DD) or "-"; it
** is handed to the engine.
** EVENTS is "-" or " ; "-separated events, each
**     CODE:SOURCE:TARGET[:MOOD][ @PLACE][ =DATE]
**   CODE    CAMEO event code, 3 or 4 digits (scored on 3, and on the 2-digit root)
**   SOURCE, TARGET  "-" none; "?" any (not scored); a CAMEO actor code,
**           compared on its first three letters ("RUSMIL" matches "RUS...");
**           "~words", compared with the words the engine has for the actor
**           (its span, its entity's name and mentions); alternatives "A|B"
**   MOOD    fact (default), negated, modal, hypothetical or intended
**   PLACE   the words of the event's place as the text has them
**   DATE    YYYY, YYYY-MM or YYYY-MM-DD; "?" when the text dates the event
**           but the date cannot be resolved (no PUBLISHED): not scored
** CLAIMS is "-" or " ; "-separated claims, each
**     SPEAKER | VERB | SPAN
**   SPEAKER the speaker's words ("-" when the text names none), VERB the
**           lemma of the reporting verb or cue, SPAN a short exact substring
**           of what is claimed.
** Words are compared case-blind as whole words; a word of four or more
** letters may carry an ending of up to two letters ("Merkels", "Jemens").
**
** Scored, per set and split:
**  - events: asserted events (gold mood fact; engine mood null), not
**    statements (CAMEO 01x: a statement is a claim). Precision, recall and
**    F1 at the root (2 digits), the code (3 digits) and code+source+target;
**    the same for PLOVER event types (both codes mapped through the CAMEO ->
**    PLOVER table: the lexicon's table "plover" when it has one, else
**    --plover FILE, by default ../shared/data/plover/CAMEO2PLOVER-2021.txt;
**    codes without a PLOVER type, 01x and 02x, are left out on both sides).
**    Each gold event is matched at most once, by the first engine event in
**    text order that fits.
**  - a confusion of roots over asserted events: pairs matched at the root,
**    then the rest of gold and engine paired in order, the remainder against
**    "--" (nothing); the largest off-diagonal cells are printed.
**  - mood: over all events (any mood) matched at the code, the share whose
**    mood agrees.
**  - place and date: over events (any mood) matched at the code, as mood is
**    (a place or date belongs to the event, whoever its actors are), whose
**    gold gives a place (date), the share the engine got right; and
**    how many of the matched events without a gold place (date) the engine
**    gave one anyway.
**  - claims: "found" (the engine's claim span contains the gold span);
**    "speaker" (the speakers' words match; claims without a speaker on
**    either side are left out); "speaker+span" (both); the verb agreement
**    on speaker+span matches.
** A passage with a bad line (named on stderr by file and line) is left out;
** the others are scored. Prints one block per set and split, and exits 0 (the numbers are the
** result, not a pass/fail test); 1 when a file cannot be read, 2 on usage.
** -v lists every miss and extra.
*/
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../include/lagebild.h"
#include "../src/base/arena.h"
#include "../src/doc/doc.h"
#include "../src/lex/lex.h"
#include "../src/picture/pipeline.h"

#define MAXEV 48
#define MAXCL 24
#define MAXW 24

/* ---- what the engine said about one passage */

typedef struct words {
  const char *w[MAXW];
  int n;
} words;

typedef struct pev {
  const char *code, *mood; /* mood NULL: asserted */
  const char *src, *tgt;   /* CAMEO actor codes or NULL */
  words srcw, tgtw, placew;
  int has_src, has_tgt, has_place;
  const char *date;
  const char *plover;
  uint32_t start, end;
} pev;

typedef struct pcl {
  words who;
  const char *verb;
  uint32_t start, end;
} pcl;

typedef struct pred {
  const char *text;
  pev ev[MAXEV];
  int nev;
  pcl cl[MAXCL];
  int ncl;
} pred;

/* ---- the gold annotation of one passage */

typedef struct gev {
  char code[8];
  char *src, *tgt, *place, *date;
  const char *mood; /* "fact", "negated", ... */
  const char *plover;
} gev;

typedef struct gcl {
  char *who, *verb, *span;
} gcl;

typedef struct item {
  char *id, *split, *pub, *text;
  gev ev[MAXEV];
  int nev;
  gcl cl[MAXCL];
  int ncl;
} item;

/* ---- tallies */

typedef struct prf {
  int tp, np, ng;
} prf;

typedef struct acc {
  int ok, n;
} acc;

enum { L_ROOT, L_CODE, L_FULL, L_PL, L_PLFULL, NLEV };

typedef struct tally {
  int items, noevent, gfact, gother, gplace, gdate, gclaims;
  prf lev[NLEV];
  acc mood, place, date, verb;
  int place_extra, place_none, date_extra, date_none;
  prf found, spk, spkspan;
  int conf[21][21]; /* [gold root][engine root], 0 = nothing */
} tally;

static int verbose;

/* ---- small string helpers */

static void trim(char *s) {
  size_t n = strlen(s);
  while (n && isspace((unsigned char)s[n - 1]))
    s[--n] = 0;
  size_t i = 0;
  while (s[i] && isspace((unsigned char)s[i]))
    i++;
  memmove(s, s + i, n - i + 1);
}

/* Split s at sep into at most max trimmed parts; "-" or "" gives none. */
static int split(char *s, const char *sep, char **out, int max) {
  trim(s);
  if (!*s || strcmp(s, "-") == 0) return 0;
  int n = 0;
  size_t k = strlen(sep);
  char *p = s;
  while (p && n < max) {
    char *q = strstr(p, sep);
    if (q) *q = 0;
    trim(p);
    if (*p) out[n++] = p;
    p = q ? q + k : NULL;
  }
  return n;
}

/* A letter or digit (any byte of a multi-byte UTF-8 character counts). */
static int wordch(unsigned char c) { return isalnum(c) || c >= 0x80; }

/* Does needle occur in hay as whole words (case-blind)? A needle of four or
** more bytes may be followed by up to two more letters (an ending). */
static int wcontains(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  if (!n) return 0;
  for (const char *h = hay; *h; h++) {
    if (h > hay && wordch((unsigned char)h[-1]) && wordch((unsigned char)needle[0])) continue;
    if (strncasecmp(h, needle, n) != 0) continue;
    const char *e = h + n;
    int extra = 0;
    while (wordch((unsigned char)e[extra]) && extra < 3)
      extra++;
    if (!wordch((unsigned char)needle[n - 1]) || extra == 0 || (n >= 4 && extra <= 2)) return 1;
  }
  return 0;
}

static int wmatch(const char *a, const char *b) { return wcontains(a, b) || wcontains(b, a); }

static int words_match(const words *w, const char *gold) {
  for (int i = 0; i < w->n; i++)
    if (w->w[i] && *w->w[i] && wmatch(w->w[i], gold)) return 1;
  return 0;
}

static void words_add(words *w, const char *s) {
  if (s && *s && w->n < MAXW) w->w[w->n++] = s;
}

/* ---- CAMEO -> PLOVER */

typedef struct plmap {
  char code[8];
  char type[24];
} plmap;

static plmap *plv;
static size_t nplv;
static const lb_lex *pl_lex;
static int pl_table = -1;
static char pl_from[512];

static void plover_load_file(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    snprintf(pl_from, sizeof pl_from, "nowhere (%s: cannot open)", path);
    return;
  }
  snprintf(pl_from, sizeof pl_from, "%s", path);
  char line[512];
  size_t cap = 0;
  while (fgets(line, sizeof line, f)) {
    char *c = strchr(line, ':');
    if (!c || !isdigit((unsigned char)line[0])) continue;
    *c = 0;
    char *t = c + 1;
    while (*t == ' ')
      t++;
    size_t k = strcspn(t, ", #\n");
    if (!k) continue;
    if (nplv == cap) {
      cap = cap ? 2 * cap : 256;
      plv = realloc(plv, cap * sizeof *plv);
      if (!plv) abort();
    }
    if (strlen(line) >= sizeof plv[nplv].code) continue;
    memcpy(plv[nplv].code, line, strlen(line) + 1);
    if (k >= sizeof plv[nplv].type) continue;
    memcpy(plv[nplv].type, t, k);
    plv[nplv].type[k] = 0;
    nplv++;
  }
  fclose(f);
}

static const char *plover_file(const char *code) {
  for (size_t i = 0; i < nplv; i++) /* the first line of a code wins */
    if (strcmp(plv[i].code, code) == 0) return plv[i].type;
  return NULL;
}

/* PLOVER event type of a CAMEO code (its own line, else its 3-digit code's);
** NULL for none. The lexicon's table wins when there is one. */
static const char *plover_of(lb_arena *a, const char *code) {
  if (!code || strlen(code) < 3) return NULL;
  char c3[4] = {code[0], code[1], code[2], 0};
  if (pl_lex && pl_table >= 0) {
    lb_lex_rec r;
    /* the table's keys are "c" and the code, as the cameo table's */
    char k1[16], k2[8];
    snprintf(k1, sizeof k1, "c%s", code);
    snprintf(k2, sizeof k2, "c%s", c3);
    const char *keys[2] = {k1, k2};
    for (int i = 0; i < 2; i++)
      if (lb_lex_find(pl_lex, pl_table, keys[i], strlen(keys[i]), &r)) {
        const char *f;
        int n = lb_lex_field(r.val, r.val_len, 0, &f);
        if (n <= 0) return NULL;
        int k = 0;
        while (k < n && f[k] != ',' && f[k] != ' ')
          k++;
        return k ? lb_arena_strndup(a, f, (size_t)k) : NULL;
      }
    return NULL;
  }
  const char *t = plover_file(code);
  return t ? t : plover_file(c3);
}

/* ---- reading a set */

static const char *MOODS[] = {"fact", "negated", "modal", "hypothetical", "intended"};

static int valid_date(const char *d) {
  size_t n = strlen(d);
  if (strcmp(d, "?") == 0) return 1;
  if (n != 4 && n != 7 && n != 10) return 0;
  for (size_t i = 0; i < n; i++)
    if ((i == 4 || i == 7) ? d[i] != '-' : !isdigit((unsigned char)d[i])) return 0;
  return 1;
}

/* Parse one event "CODE:SRC:TGT[:MOOD][ @PLACE][ =DATE]" in place. */
static int parse_event(lb_arena *a, char *s, gev *g, const char *path, long ln) {
  memset(g, 0, sizeof *g);
  const char *orig = lb_arena_strdup(a, s);
  g->mood = "fact";
  char *date = strstr(s, " =");
  if (date) {
    *date = 0;
    date += 2;
    trim(date);
    if (!valid_date(date)) {
      fprintf(stderr, "eval: %s:%ld: bad date \"%s\"\n", path, ln, date);
      return 0;
    }
    g->date = date;
  }
  char *place = strstr(s, " @");
  if (place) {
    *place = 0;
    place += 2;
    trim(place);
    g->place = *place ? place : NULL;
  }
  trim(s);
  char *f[5];
  int n = 0;
  for (char *p = s; p && n < 5;) {
    f[n++] = p;
    p = strchr(p, ':');
    if (p) *p++ = 0;
  }
  size_t cl = strlen(f[0]);
  if (n < 3 || n > 4 || cl < 3 || cl > 4 || strspn(f[0], "0123456789") != cl) {
    fprintf(stderr, "eval: %s:%ld: bad event \"%s\"\n", path, ln, orig);
    return 0;
  }
  snprintf(g->code, sizeof g->code, "%s", f[0]);
  g->src = f[1];
  g->tgt = f[2];
  trim(g->src);
  trim(g->tgt);
  if (!*g->src || !*g->tgt) {
    fprintf(stderr, "eval: %s:%ld: empty role in event %s\n", path, ln, g->code);
    return 0;
  }
  if (n == 4) {
    trim(f[3]);
    g->mood = NULL;
    for (size_t i = 0; i < sizeof MOODS / sizeof *MOODS; i++)
      if (strcmp(f[3], MOODS[i]) == 0) g->mood = MOODS[i];
    if (!g->mood) {
      fprintf(stderr, "eval: %s:%ld: bad mood \"%s\"\n", path, ln, f[3]);
      return 0;
    }
  }
  g->plover = plover_of(a, g->code);
  return 1;
}

/* Read one line into it; 0 for a comment or a bad line (reported). */
static int parse_item(lb_arena *a, char *buf, item *it, const char *path, long ln) {
  if (buf[0] == '#' || buf[0] == '\n' || buf[0] == 0) return 0;
  size_t n = strlen(buf);
  if (n && buf[n - 1] == '\n') buf[--n] = 0;
  if (n && buf[n - 1] == '\r') buf[--n] = 0;
  char *col[6] = {0};
  char *p = buf;
  int k = 0;
  for (; k < 6 && p; k++) {
    col[k] = p;
    p = strchr(p, '\t');
    if (p) *p++ = 0;
  }
  if (k < 6 || p) {
    fprintf(stderr,
            "eval: %s:%ld: want ID<TAB>SPLIT<TAB>PUBLISHED<TAB>TEXT<TAB>EVENTS<TAB>CLAIMS\n", path,
            ln);
    return 0;
  }
  memset(it, 0, sizeof *it);
  it->id = lb_arena_strdup(a, col[0]);
  it->split = lb_arena_strdup(a, col[1]);
  it->pub = lb_arena_strdup(a, col[2]);
  it->text = lb_arena_strdup(a, col[3]);
  trim(it->split);
  trim(it->pub);
  if (strcmp(it->split, "dev") != 0 && strcmp(it->split, "test") != 0) {
    fprintf(stderr, "eval: %s:%ld: split \"%s\" is neither dev nor test\n", path, ln, it->split);
    return 0;
  }
  if (strcmp(it->pub, "-") != 0 && (strlen(it->pub) != 10 || !valid_date(it->pub))) {
    fprintf(stderr, "eval: %s:%ld: bad PUBLISHED \"%s\"\n", path, ln, it->pub);
    return 0;
  }
  char *ev[MAXEV], *cl[MAXCL];
  char *evs = lb_arena_strdup(a, col[4]), *cls = lb_arena_strdup(a, col[5]);
  int ne = split(evs, " ; ", ev, MAXEV), nc = split(cls, " ; ", cl, MAXCL);
  int bad = 0;
  for (int i = 0; i < ne; i++)
    if (parse_event(a, ev[i], &it->ev[it->nev], path, ln))
      it->nev++;
    else
      bad = 1;
  for (int i = 0; i < nc; i++) {
    char *f[3] = {0};
    int m = split(cl[i], "|", f, 3);
    if (m < 1) continue;
    gcl *c = &it->cl[it->ncl];
    c->who = strcmp(f[0], "-") == 0 ? NULL : f[0];
    c->verb = m > 1 ? f[1] : NULL;
    c->span = m > 2 ? f[2] : NULL;
    if (c->span && !strstr(it->text, c->span)) {
      fprintf(stderr, "eval: %s:%ld: claim span \"%s\" is not in the text\n", path, ln, c->span);
      bad = 1;
    }
    it->ncl++;
  }
  if (bad) fprintf(stderr, "eval: %s:%ld: passage %s left out\n", path, ln, it->id);
  return !bad;
}

/* ---- the engine's answer, from a document */

static void entity_words(lb_arena *a, const lb_doc *d, const char *id, words *w) {
  if (!id) return;
  int32_t e = lb_doc_entity_find(d, id);
  if (e < 0) return;
  const lb_entity *en = &d->entities.v[e];
  words_add(w, en->name);
  for (size_t m = 0; m < en->mentions.n; m++) {
    const lb_mention *mn = &en->mentions.v[m];
    words_add(w, lb_arena_strndup(a, d->tx.text + mn->start, mn->end - mn->start));
  }
}

static const char *span_text(lb_arena *a, const char *text, size_t len, uint32_t s, uint32_t e) {
  if (e <= s || e > len) return NULL;
  return lb_arena_strndup(a, text + s, e - s);
}

static void pred_from_doc(lb_arena *a, const lb_doc *d, pred *pr) {
  memset(pr, 0, sizeof *pr);
  pr->text = d->tx.text;
  size_t len = d->tx.len;
  for (size_t i = 0; i < d->events.n && pr->nev < MAXEV; i++) {
    const lb_event *e = &d->events.v[i];
    if (!e->code || strncmp(e->code, "01", 2) == 0) continue;
    pev *p = &pr->ev[pr->nev++];
    p->code = e->code;
    p->mood = e->mood;
    p->src = e->source;
    p->tgt = e->target;
    p->has_src = e->source || e->source_entity || e->source_end > e->source_start;
    p->has_tgt = e->target || e->target_entity || e->target_end > e->target_start;
    words_add(&p->srcw, span_text(a, d->tx.text, len, e->source_start, e->source_end));
    entity_words(a, d, e->source_entity, &p->srcw);
    words_add(&p->tgtw, span_text(a, d->tx.text, len, e->target_start, e->target_end));
    entity_words(a, d, e->target_entity, &p->tgtw);
    p->has_place = e->place != NULL;
    entity_words(a, d, e->place, &p->placew);
    p->date = e->date;
    p->plover = plover_of(a, e->code);
    p->start = e->start;
    p->end = e->end;
  }
  for (size_t i = 0; i < d->claims.n && pr->ncl < MAXCL; i++) {
    const lb_claim *c = &d->claims.v[i];
    pcl *p = &pr->cl[pr->ncl++];
    words_add(&p->who, span_text(a, d->tx.text, len, c->speaker_start, c->speaker_end));
    words_add(&p->who, c->speaker_text);
    entity_words(a, d, c->speaker, &p->who);
    p->verb = c->verb;
    p->start = c->start;
    p->end = c->end;
  }
}

/* ---- the engine's answer, from a picture (JSON) */

typedef struct picture {
  const char *id;
  json_t *j;
} picture;

static picture *pics;
static size_t npics;

static int load_pictures(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "eval: %s: cannot open\n", path);
    return 0;
  }
  char *buf = NULL;
  size_t cap = 0, pcap = 0;
  long ln = 0;
  while (getline(&buf, &cap, f) >= 0) {
    ln++;
    if (strspn(buf, " \t\r\n") == strlen(buf)) continue;
    json_error_t err;
    json_t *j = json_loads(buf, 0, &err);
    const char *id = j ? json_string_value(json_object_get(j, "id")) : NULL;
    if (!id) {
      fprintf(stderr, "eval: %s:%ld: not a picture with an id (%s)\n", path, ln,
              j ? "no id" : err.text);
      json_decref(j);
      continue;
    }
    if (npics == pcap) {
      pcap = pcap ? 2 * pcap : 64;
      pics = realloc(pics, pcap * sizeof *pics);
      if (!pics) abort();
    }
    pics[npics].id = id;
    pics[npics].j = j;
    npics++;
  }
  free(buf);
  fclose(f);
  return 1;
}

static const json_t *picture_find(const char *id) {
  for (size_t i = 0; i < npics; i++)
    if (strcmp(pics[i].id, id) == 0) return pics[i].j;
  return NULL;
}

static const char *jstr(const json_t *o, const char *k) {
  return json_string_value(json_object_get(o, k));
}

static void jspan(const json_t *o, const char *k, uint32_t *s, uint32_t *e) {
  const json_t *v = json_object_get(o, k);
  *s = *e = 0;
  if (json_is_array(v) && json_array_size(v) == 2) {
    *s = (uint32_t)json_integer_value(json_array_get(v, 0));
    *e = (uint32_t)json_integer_value(json_array_get(v, 1));
  }
}

static void jentity_words(lb_arena *a, const json_t *pic, const char *id, const char *text,
                          size_t len, words *w) {
  if (!id) return;
  size_t i;
  const json_t *en;
  json_array_foreach(json_object_get(pic, "entities"), i, en) {
    if (!jstr(en, "id") || strcmp(jstr(en, "id"), id) != 0) continue;
    words_add(w, jstr(en, "name"));
    size_t m;
    const json_t *mn;
    json_array_foreach(json_object_get(en, "mentions"), m, mn) {
      const char *t = jstr(mn, "text");
      if (!t)
        t = span_text(a, text, len, (uint32_t)json_integer_value(json_object_get(mn, "start")),
                      (uint32_t)json_integer_value(json_object_get(mn, "end")));
      words_add(w, t);
    }
    return;
  }
}

static void pred_from_json(lb_arena *a, const json_t *pic, const char *text, pred *pr) {
  memset(pr, 0, sizeof *pr);
  pr->text = text;
  size_t len = strlen(text);
  if (!pic) return;
  size_t i;
  const json_t *e;
  json_array_foreach(json_object_get(pic, "events"), i, e) {
    const char *code = jstr(e, "code");
    if (!code || strncmp(code, "01", 2) == 0 || pr->nev >= MAXEV) continue;
    pev *p = &pr->ev[pr->nev++];
    p->code = code;
    p->mood = jstr(e, "mood");
    p->src = jstr(e, "source");
    p->tgt = jstr(e, "target");
    uint32_t s, t;
    jspan(e, "source_span", &s, &t);
    words_add(&p->srcw, span_text(a, text, len, s, t));
    p->has_src = p->src || jstr(e, "source_entity") || t > s;
    jentity_words(a, pic, jstr(e, "source_entity"), text, len, &p->srcw);
    jspan(e, "target_span", &s, &t);
    words_add(&p->tgtw, span_text(a, text, len, s, t));
    p->has_tgt = p->tgt || jstr(e, "target_entity") || t > s;
    jentity_words(a, pic, jstr(e, "target_entity"), text, len, &p->tgtw);
    p->has_place = jstr(e, "place") != NULL;
    jentity_words(a, pic, jstr(e, "place"), text, len, &p->placew);
    p->date = jstr(e, "date");
    p->plover = plover_of(a, code);
    p->start = (uint32_t)json_integer_value(json_object_get(e, "start"));
    p->end = (uint32_t)json_integer_value(json_object_get(e, "end"));
  }
  const json_t *c;
  json_array_foreach(json_object_get(pic, "claims"), i, c) {
    if (pr->ncl >= MAXCL) break;
    pcl *p = &pr->cl[pr->ncl++];
    uint32_t s, t;
    jspan(c, "speaker_span", &s, &t);
    words_add(&p->who, span_text(a, text, len, s, t));
    words_add(&p->who, jstr(c, "speaker_text"));
    jentity_words(a, pic, jstr(c, "speaker"), text, len, &p->who);
    p->verb = jstr(c, "verb");
    p->start = (uint32_t)json_integer_value(json_object_get(c, "start"));
    p->end = (uint32_t)json_integer_value(json_object_get(c, "end"));
  }
}

/* ---- matching */

static int role_ok(const char *gold, const char *code, const words *w, int has) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", gold);
  for (char *g = buf, *next; g; g = next) { /* alternatives A|B */
    next = strchr(g, '|');
    if (next) *next++ = 0;
    trim(g);
    if (strcmp(g, "?") == 0) return 1;
    if (strcmp(g, "-") == 0) {
      if (!has) return 1;
    } else if (g[0] == '~') {
      if (words_match(w, g + 1)) return 1;
    } else if (code && strlen(g) >= 3 && strncmp(code, g, 3) == 0) {
      return 1;
    }
  }
  return 0;
}

static int is_fact_gold(const gev *g) { return strcmp(g->mood, "fact") == 0; }
static int is_fact_pred(const pev *p) { return p->mood == NULL || strcmp(p->mood, "fact") == 0; }

static int ev_ok(int lv, const pev *p, const gev *g) {
  switch (lv) {
  case L_ROOT:
    return strncmp(p->code, g->code, 2) == 0;
  case L_CODE:
    return strncmp(p->code, g->code, 3) == 0;
  case L_PL:
    return p->plover && g->plover && strcmp(p->plover, g->plover) == 0;
  case L_FULL:
    if (strncmp(p->code, g->code, 3) != 0) return 0;
    break;
  case L_PLFULL:
    if (!(p->plover && g->plover && strcmp(p->plover, g->plover) == 0)) return 0;
    break;
  }
  return role_ok(g->src, p->src, &p->srcw, p->has_src) &&
         role_ok(g->tgt, p->tgt, &p->tgtw, p->has_tgt);
}

/* Greedy matching: for each engine event in order (those `usep` allows),
** the first gold event (that `useg` allows) not yet taken that fits level
** lv. m[i] = gold index or -1. */
static void match(const item *it, const pred *pr, int lv, int facts, int *m) {
  int used[MAXEV] = {0};
  for (int i = 0; i < pr->nev; i++) {
    m[i] = -1;
    const pev *p = &pr->ev[i];
    if (facts && !is_fact_pred(p)) continue;
    if ((lv == L_PL || lv == L_PLFULL) && !p->plover) continue;
    for (int k = 0; k < it->nev; k++) {
      const gev *g = &it->ev[k];
      if (used[k] || (facts && !is_fact_gold(g))) continue;
      if ((lv == L_PL || lv == L_PLFULL) && !g->plover) continue;
      if (ev_ok(lv, p, g)) {
        used[k] = 1;
        m[i] = k;
        break;
      }
    }
  }
}

static int root_ix(const char *code) {
  if (!code || !isdigit((unsigned char)code[0]) || !isdigit((unsigned char)code[1])) return 0;
  int r = (code[0] - '0') * 10 + (code[1] - '0');
  return r >= 1 && r <= 20 ? r : 0;
}

static void show_pev(const pev *p) {
  printf("%s %s -> %s%s%s", p->code, p->src ? p->src : (p->srcw.n ? p->srcw.w[0] : "-"),
         p->tgt ? p->tgt : (p->tgtw.n ? p->tgtw.w[0] : "-"), p->mood ? " " : "",
         p->mood ? p->mood : "");
}

static void score_events(const item *it, const pred *pr, tally *t) {
  int m[MAXEV];
  int ngf = 0;
  for (int k = 0; k < it->nev; k++)
    ngf += is_fact_gold(&it->ev[k]);
  int npf = 0;
  for (int i = 0; i < pr->nev; i++)
    npf += is_fact_pred(&pr->ev[i]);
  for (int lv = 0; lv < NLEV; lv++) {
    prf *s = &t->lev[lv];
    match(it, pr, lv, 1, m);
    if (lv == L_PL || lv == L_PLFULL) {
      for (int k = 0; k < it->nev; k++)
        s->ng += is_fact_gold(&it->ev[k]) && it->ev[k].plover;
      for (int i = 0; i < pr->nev; i++)
        s->np += is_fact_pred(&pr->ev[i]) && pr->ev[i].plover;
    } else {
      s->ng += ngf;
      s->np += npf;
    }
    for (int i = 0; i < pr->nev; i++)
      s->tp += m[i] >= 0;
    if (lv == L_FULL && verbose) {
      int hit[MAXEV] = {0};
      for (int i = 0; i < pr->nev; i++)
        if (m[i] >= 0) hit[m[i]] = 1;
      for (int i = 0; i < pr->nev; i++)
        if (m[i] < 0 && is_fact_pred(&pr->ev[i])) {
          printf("  %s: extra or wrong event ", it->id);
          show_pev(&pr->ev[i]);
          printf(" \"%.*s\"\n", (int)(pr->ev[i].end - pr->ev[i].start), pr->text + pr->ev[i].start);
        }
      for (int k = 0; k < it->nev; k++)
        if (!hit[k] && is_fact_gold(&it->ev[k]))
          printf("  %s: missed event %s:%s:%s\n", it->id, it->ev[k].code, it->ev[k].src,
                 it->ev[k].tgt);
    }
    if (lv == L_ROOT) { /* the confusion of roots */
      int gtaken[MAXEV] = {0}, ptaken[MAXEV] = {0};
      for (int i = 0; i < pr->nev; i++)
        if (m[i] >= 0) {
          gtaken[m[i]] = ptaken[i] = 1;
          int r = root_ix(pr->ev[i].code);
          t->conf[r][r]++;
        }
      int k = 0;
      for (int i = 0; i < pr->nev; i++) {
        if (ptaken[i] || !is_fact_pred(&pr->ev[i])) continue;
        while (k < it->nev && (gtaken[k] || !is_fact_gold(&it->ev[k])))
          k++;
        int gr = k < it->nev ? root_ix(it->ev[k].code) : 0;
        if (k < it->nev) gtaken[k] = 1;
        t->conf[gr][root_ix(pr->ev[i].code)]++;
      }
      for (k = 0; k < it->nev; k++)
        if (!gtaken[k] && is_fact_gold(&it->ev[k])) t->conf[root_ix(it->ev[k].code)][0]++;
    }
  }
  /* mood: all events matched at the code */
  match(it, pr, L_CODE, 0, m);
  for (int i = 0; i < pr->nev; i++) {
    if (m[i] < 0) continue;
    const char *pm = pr->ev[i].mood ? pr->ev[i].mood : "fact";
    int ok = strcmp(pm, it->ev[m[i]].mood) == 0;
    t->mood.n++;
    t->mood.ok += ok;
    if (verbose && !ok)
      printf("  %s: event %s mood %s, gold %s\n", it->id, pr->ev[i].code, pm, it->ev[m[i]].mood);
  }
  /* place and date: all events matched at the code (m is still the mood's) */
  for (int i = 0; i < pr->nev; i++) {
    if (m[i] < 0) continue;
    const pev *p = &pr->ev[i];
    const gev *g = &it->ev[m[i]];
    if (g->place) {
      int ok = words_match(&p->placew, g->place);
      t->place.n++;
      t->place.ok += ok;
      if (verbose && !ok)
        printf("  %s: event %s place %s, gold %s\n", it->id, g->code,
               p->placew.n ? p->placew.w[0] : "none", g->place);
    } else {
      t->place_none++;
      t->place_extra += p->has_place;
      if (verbose && p->has_place)
        printf("  %s: event %s placed at %s, gold has no place\n", it->id, g->code,
               p->placew.n ? p->placew.w[0] : "?");
    }
    if (g->date && strcmp(g->date, "?") == 0) continue;
    if (g->date) {
      size_t n = strlen(g->date);
      int ok =
          p->date && strncmp(p->date, g->date, n) == 0 && (p->date[n] == 0 || p->date[n] == '/');
      t->date.n++;
      t->date.ok += ok;
      if (verbose && !ok)
        printf("  %s: event %s dated %s, gold %s\n", it->id, g->code, p->date ? p->date : "none",
               g->date);
    } else {
      t->date_none++;
      t->date_extra += p->date != NULL;
      if (verbose && p->date)
        printf("  %s: event %s dated %s, gold has no date\n", it->id, g->code, p->date);
    }
  }
}

/* Where the gold span is in the text the engine read (-1: not there). */
static long span_at(const pred *pr, const gcl *g) {
  const char *q = g->span && pr->text ? strstr(pr->text, g->span) : NULL;
  return q ? q - pr->text : -1;
}

static int covers(const pcl *p, long at, size_t n) {
  return at >= 0 && (long)p->start <= at && (size_t)at + n <= p->end;
}

static void score_claims(const item *it, const pred *pr, tally *t) {
  long at[MAXCL];
  for (int k = 0; k < it->ncl; k++)
    at[k] = span_at(pr, &it->cl[k]);
  /* found: the span */
  int used[MAXCL] = {0};
  t->found.ng += it->ncl;
  t->found.np += pr->ncl;
  for (int i = 0; i < pr->ncl; i++)
    for (int k = 0; k < it->ncl; k++)
      if (!used[k] && it->cl[k].span && covers(&pr->cl[i], at[k], strlen(it->cl[k].span))) {
        used[k] = 1;
        t->found.tp++;
        break;
      }
  /* speaker, and speaker+span */
  for (int lv = 0; lv < 2; lv++) {
    prf *s = lv ? &t->spkspan : &t->spk;
    memset(used, 0, sizeof used);
    for (int k = 0; k < it->ncl; k++)
      s->ng += it->cl[k].who != NULL;
    for (int i = 0; i < pr->ncl; i++) {
      const pcl *p = &pr->cl[i];
      if (!p->who.n) continue;
      s->np++;
      int hit = -1;
      for (int k = 0; k < it->ncl && hit < 0; k++) {
        const gcl *g = &it->cl[k];
        if (used[k] || !g->who || !words_match(&p->who, g->who)) continue;
        if (lv && !(g->span && covers(p, at[k], strlen(g->span)))) continue;
        hit = k;
      }
      if (hit >= 0) {
        used[hit] = 1;
        s->tp++;
        if (lv) {
          const char *gv = it->cl[hit].verb;
          if (gv) {
            t->verb.n++;
            t->verb.ok += p->verb && wmatch(p->verb, gv);
          }
        }
      } else if (lv && verbose) {
        printf("  %s: extra or wrong claim by \"%s\": \"%.*s\"\n", it->id, p->who.w[0],
               (int)(p->end > p->start ? p->end - p->start : 0), pr->text + p->start);
      }
    }
    if (lv && verbose)
      for (int k = 0; k < it->ncl; k++)
        if (!used[k] && it->cl[k].who)
          printf("  %s: missed claim by \"%s\" (%s): \"%s\"\n", it->id, it->cl[k].who,
                 it->cl[k].verb ? it->cl[k].verb : "?", it->cl[k].span ? it->cl[k].span : "?");
  }
}

/* ---- printing */

static double pct(int a, int b) { return b ? 100.0 * a / b : 0.0; }

static void line_prf(const char *what, const prf *s) {
  double p = pct(s->tp, s->np), r = pct(s->tp, s->ng);
  printf("  %-22s P %5.1f  R %5.1f  F1 %5.1f   (%d right of %d found, %d gold)\n", what, p, r,
         p + r > 0 ? 2 * p * r / (p + r) : 0.0, s->tp, s->np, s->ng);
}

static void line_acc(const char *what, const acc *a, const char *of) {
  printf("  %-22s %5.1f %%  (%d of %d %s)\n", what, pct(a->ok, a->n), a->ok, a->n, of);
}

static void print_tally(const char *path, const char *split, const tally *t) {
  printf("%s %s: %d passages (%d without a gold event); gold: %d asserted events, %d not "
         "asserted, %d places, %d dates, %d claims\n",
         path, split, t->items, t->noevent, t->gfact, t->gother, t->gplace, t->gdate, t->gclaims);
  line_prf("events root", &t->lev[L_ROOT]);
  line_prf("events code", &t->lev[L_CODE]);
  line_prf("events code+src+tgt", &t->lev[L_FULL]);
  line_prf("PLOVER type", &t->lev[L_PL]);
  line_prf("PLOVER type+src+tgt", &t->lev[L_PLFULL]);
  line_acc("mood", &t->mood, "events matched at the code");
  /* the largest off-diagonal cells of the root confusion */
  printf("  %-22s", "roots gold>found");
  int shown = 0, diag = 0;
  int seen[21][21] = {{0}};
  for (int r = 1; r <= 20; r++)
    diag += t->conf[r][r];
  for (int k = 0; k < 10; k++) {
    int bg = -1, bp = -1, best = 0;
    for (int g = 0; g <= 20; g++)
      for (int p = 0; p <= 20; p++)
        if (g != p && !seen[g][p] && t->conf[g][p] > best) {
          best = t->conf[g][p];
          bg = g;
          bp = p;
        }
    if (bg < 0) break;
    seen[bg][bp] = 1;
    char a[4], b[4];
    snprintf(a, sizeof a, bg ? "%02d" : "--", bg);
    snprintf(b, sizeof b, bp ? "%02d" : "--", bp);
    printf(" %s>%s %d", a, b, best);
    shown++;
  }
  printf("%s  (same root: %d)\n", shown ? "" : " none", diag);
  line_prf("claims found", &t->found);
  line_prf("claims speaker", &t->spk);
  line_prf("claims speaker+span", &t->spkspan);
  line_acc("claim verb", &t->verb, "speaker+span matches");
  line_acc("event place", &t->place, "matched events with a gold place");
  printf("  %-22s %d of %d matched events without a gold place\n", "  placed anyway",
         t->place_extra, t->place_none);
  line_acc("event date", &t->date, "matched events with a gold date");
  printf("  %-22s %d of %d matched events without a gold date\n", "  dated anyway", t->date_extra,
         t->date_none);
}

static int run_set(const lb_engine *eng, const char *path, const char *only) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "eval: %s: cannot open\n", path);
    return 1;
  }
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char lang[3] = {base[0], base[1], 0};
  static tally t[2];
  memset(t, 0, sizeof t);
  char *buf = NULL;
  size_t cap = 0;
  long ln = 0;
  lb_arena *a = lb_arena_new();
  if (!a) abort();
  static item it;
  static pred pr;
  while (getline(&buf, &cap, f) >= 0) {
    ln++;
    lb_arena_reset(a);
    if (!parse_item(a, buf, &it, path, ln)) continue;
    if (only && strcmp(only, it.split) != 0) continue;
    tally *s = &t[strcmp(it.split, "test") == 0];
    s->items++;
    int nf = 0;
    for (int k = 0; k < it.nev; k++) {
      nf += is_fact_gold(&it.ev[k]);
      s->gplace += it.ev[k].place != NULL;
      s->gdate += it.ev[k].date != NULL && strcmp(it.ev[k].date, "?") != 0;
    }
    s->gfact += nf;
    s->gother += it.nev - nf;
    s->noevent += it.nev == 0;
    s->gclaims += it.ncl;
    lb_doc *d = NULL;
    if (eng) {
      lb_input in = {.id = it.id,
                     .text = it.text,
                     .len = strlen(it.text),
                     .lang = lang,
                     .published = strcmp(it.pub, "-") == 0 ? NULL : it.pub};
      d = lb_extract(eng, &in);
      if (!d) {
        fprintf(stderr, "eval: %s:%ld: out of memory\n", path, ln);
        continue;
      }
      pred_from_doc(a, d, &pr);
    } else {
      const json_t *pic = picture_find(it.id);
      if (!pic) fprintf(stderr, "eval: %s:%ld: no picture with id \"%s\"\n", path, ln, it.id);
      pred_from_json(a, pic, it.text, &pr);
    }
    score_events(&it, &pr, s);
    score_claims(&it, &pr, s);
    lb_doc_free(d);
  }
  free(buf);
  fclose(f);
  lb_arena_free(a);
  for (int k = 0; k < 2; k++)
    if (t[k].items) print_tally(path, k ? "test" : "dev", &t[k]);
  return 0;
}

int main(int argc, char **argv) {
  const char *only = NULL, *pictures = NULL,
             *plover = "../shared/data/plover/CAMEO2PLOVER-2021.txt";
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    if (strcmp(argv[i], "-v") == 0)
      verbose = 1;
    else if (strcmp(argv[i], "--split") == 0 && i + 1 < argc)
      only = argv[++i];
    else if (strcmp(argv[i], "--pictures") == 0 && i + 1 < argc)
      pictures = argv[++i];
    else if (strcmp(argv[i], "--plover") == 0 && i + 1 < argc)
      plover = argv[++i];
    else
      break;
  }
  if (i >= argc || (only && strcmp(only, "dev") != 0 && strcmp(only, "test") != 0)) {
    fprintf(stderr, "usage: eval_lagebild [-v] [--split dev|test] [--pictures FILE.jsonl] "
                    "[--plover FILE] SET.tsv...\n");
    return 2;
  }
  lb_engine *eng = NULL;
  if (pictures) {
    if (!load_pictures(pictures)) return 1;
  } else {
    char err[512];
    eng = lb_engine_new(NULL, err, sizeof err);
    if (!eng) {
      fprintf(stderr, "eval: %s\n", err);
      return 1;
    }
    pl_lex = lb_engine_lex(eng);
    pl_table = pl_lex ? lb_lex_table(pl_lex, "plover") : -1;
  }
  if (pl_table >= 0)
    snprintf(pl_from, sizeof pl_from, "the lexicon's table \"plover\"");
  else
    plover_load_file(plover);
  printf("CAMEO -> PLOVER types from %s\n", pl_from);
  int rc = 0;
  for (; i < argc; i++)
    rc |= run_set(eng, argv[i], only);
  lb_engine_free(eng);
  for (size_t k = 0; k < npics; k++)
    json_decref(pics[k].j);
  free(pics);
  free(plv);
  return rc;
}
