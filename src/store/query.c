/*
** query.c -- filters into SQL, rows into JSONL, TSV, CSV or a table (see query.h).
**
** The WHERE clause is built from the filter by one function per thing
** filtered (where_events, where_doc, where_published), for both engines,
** with every value bound as a parameter (never pasted into the SQL); the
** SELECT lists and orders of every kind are here too, so `lagebild query`
** and serve's API read the store the same way. Rows are written generically
** from the cursor's columns: a column's name is its JSON key, its type
** decides number, string or null, and the JSON-array column "quantities"
** is written as the array it holds.
**
** Where the engines differ: full text (FTS5 MATCH of quoted tokens vs.
** tsvector @@ plainto_tsquery), bounding boxes (R*Tree vs. a GiST index on
** point(lon, lat)), case-insensitive names (NOCASE/LIKE vs. lower()/ILIKE),
** lists (group_concat vs. string_agg) and text order (PostgreSQL sorts
** with the "C" collation and NULLs first, as SQLite does).
*/
#include "query.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/json.h"
#include "cameo.h"
#include "db.h"
#include "schema.h"

#define MAXP 32

typedef struct qb {
  lb_buf sql;
  int pg;
  int np;
  int kind[MAXP]; /* 0 text, 1 double, 2 integer */
  const char *s[MAXP];
  double d[MAXP];
  int64_t i[MAXP];
  char *owned[MAXP]; /* text params built here (FTS queries, patterns, dates) */
  int first;         /* no condition yet */
} qb;

static int ptext(qb *q, const char *s) {
  assert(q->np < MAXP);
  if (q->np >= MAXP) return 0;
  q->kind[q->np] = 0;
  q->s[q->np] = s;
  return ++q->np;
}
static int pown(qb *q, char *s) { /* a text param q frees */
  if (q->np >= MAXP) {
    free(s);
    return 0;
  }
  q->owned[q->np] = s;
  return ptext(q, s);
}
static int pnum(qb *q, double v) {
  assert(q->np < MAXP);
  if (q->np >= MAXP) return 0;
  q->kind[q->np] = 1;
  q->d[q->np] = v;
  return ++q->np;
}
static int pint(qb *q, int64_t v) {
  assert(q->np < MAXP);
  if (q->np >= MAXP) return 0;
  q->kind[q->np] = 2;
  q->i[q->np] = v;
  return ++q->np;
}

static void qb_free(qb *q) {
  lb_buf_free(&q->sql);
  for (int i = 0; i < MAXP; i++) free(q->owned[i]);
}

static void and(qb *q) {
  lb_buf_adds(&q->sql, q->first ? " WHERE " : " AND ");
  q->first = 0;
}

/* A text sort key: byte order and NULLs first on both engines. */
static void ord_text(qb *q, const char *col) {
  lb_buf_printf(&q->sql, q->pg ? "%s COLLATE \"C\" NULLS FIRST" : "%s", col);
}
static void ord_null(qb *q, const char *col) {
  lb_buf_printf(&q->sql, q->pg ? "%s NULLS FIRST" : "%s", col);
}

/* "US-Beamte Kursk" -> "\"us\" \"beamte\" \"kursk\"": every token a
** quoted term (lb_store_fts_terms), so user text is never FTS5 syntax; all
** must occur. Text without a token ("--") gives "\"\"", which matches
** nothing. */
static char *fts_query(const char *text) {
  lb_buf b = LB_BUF_INIT;
  int n = lb_store_fts_terms(text, &b);
  if (n < 0) {
    lb_buf_free(&b);
    return NULL;
  }
  if (n == 0) lb_buf_adds(&b, "\"\"");
  char *out = strdup(b.p ? b.p : "\"\"");
  lb_buf_free(&b);
  return out;
}

/* Conditions on the document docexpr: its id and its words. -1 when out
** of memory. */
static int where_doc(qb *q, const lb_store_filter *f, const char *docexpr) {
  if (f->doc) {
    and(q);
    lb_buf_printf(&q->sql, "%s = (SELECT doc FROM documents WHERE id = ?%d)", docexpr,
                  ptext(q, f->doc));
  }
  if (f->text && f->text[strspn(f->text, " \t")]) { /* blank: no filter */
    and(q);
    if (q->pg) {
      int k = ptext(q, f->text);
      lb_buf_printf(&q->sql, "%s IN (SELECT doc FROM documents WHERE " LB_STORE_PG_FTS_DOC
                             " @@ " LB_STORE_PG_FTS_QUERY, docexpr, k, k, k);
    } else {
      char *t = fts_query(f->text);
      if (!t) return -1;
      lb_buf_printf(&q->sql,
                    "%s IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?%d",
                    docexpr, pown(q, t));
    }
    /* "quoted phrases" must also occur as written (lb_store_fts_phrase) */
    for (int i = 0; i < LB_STORE_MAX_PHRASES && q->np < MAXP; i++) {
      lb_buf pat = LB_BUF_INIT;
      if (!lb_store_fts_phrase(f->text, i, &pat)) {
        lb_buf_free(&pat);
        break;
      }
      int k = pown(q, pat.p); /* freed with the other owned params */
      const char *like = q->pg ? "ILIKE" : "LIKE";
      lb_buf_printf(&q->sql, " AND (text %s ?%d ESCAPE '\\' OR title %s ?%d ESCAPE '\\')", like,
                    k, like, k);
    }
    lb_buf_adds(&q->sql, ")");
  }
  return 0;
}

/* Days from..to (YYYYMMDD, 0 = open) on a publication date (expression
** pub, "YYYY-MM-DD..."), compared as text. */
static void pub_days(qb *q, int from, int to, const char *pub) {
  for (int last = 0; last < 2; last++) {
    int day = last ? to : from;
    if (!day) continue;
    char *d = malloc(16);
    if (!d) continue;
    snprintf(d, 16, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
    and(q);
    lb_buf_printf(&q->sql, "substr(%s, 1, 10) %s ?%d", pub, last ? "<=" : ">=", pown(q, d));
  }
}

/* ---- the filters' values ---- */

static const char *const MOODS[] = {"fact", "negated", "modal", "hypothetical", "intended", NULL};

/* The moods of a comma-separated list into bits (1 << index in MOODS); -1
** when one is none; 0 for "all" or none at all. */
static int mood_bits(const char *list) {
  if (!list || !*list || strcmp(list, "all") == 0) return 0;
  int bits = 0;
  for (const char *p = list; *p;) {
    size_t n = strcspn(p, ",");
    int k = 0;
    while (MOODS[k] && !(strlen(MOODS[k]) == n && memcmp(MOODS[k], p, n) == 0)) k++;
    if (!MOODS[k]) return -1;
    bits |= 1 << k;
    p += n + (p[n] == ',');
  }
  return bits;
}

static int digits_only(const char *s, size_t lo, size_t hi) {
  size_t n = strlen(s);
  if (n < lo || n > hi) return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

int lb_store_filter_check(const lb_store_filter *f, char *msg, size_t n) {
  if (f->actor) {
    lb_cameo_actor a;
    char why[256];
    if (lb_cameo_actor_split(f->actor, &a, why, sizeof why)) {
      snprintf(msg, n, "actor: %s", why);
      return -1;
    }
  }
  if (f->code) {
    if (digits_only(f->code, 2, 2) && lb_cameo_event_known(f->code)) {
      snprintf(msg, n, "code: \"%s\" is a CAMEO root code, no event code: use root %s, or an "
                       "event code of 3 or 4 digits (%s0, %s1 ...)", f->code, f->code, f->code,
               f->code);
      return -1;
    }
    if (!digits_only(f->code, 3, 4) || !lb_cameo_event_known(f->code)) {
      snprintf(msg, n, "code: \"%.16s\" is no CAMEO event code (3 or 4 digits of the code "
                       "book, e.g. 190, 154, 0231)", f->code);
      return -1;
    }
  }
  if (f->root && !(digits_only(f->root, 2, 2) && lb_cameo_event_known(f->root))) {
    snprintf(msg, n, "root: \"%.16s\" is no CAMEO root code (two digits 01..20, e.g. 19)",
             f->root);
    return -1;
  }
  if (f->quad && (f->quad < 1 || f->quad > 4)) {
    snprintf(msg, n, "quad: the quad class is 1, 2, 3 or 4");
    return -1;
  }
  if (mood_bits(f->mood) < 0) {
    snprintf(msg, n, "mood: \"%.40s\" is no list of moods (fact, negated, modal, "
                     "hypothetical, intended, comma-separated; or all)", f->mood);
    return -1;
  }
  if (f->plover && !lb_cameo_plover_known(f->plover)) {
    char list[512];
    lb_cameo_plover_list(list, sizeof list);
    snprintf(msg, n, "plover: \"%.32s\" is no PLOVER event (%s)", f->plover, list);
    return -1;
  }
  return 0;
}

/* The LIKE pattern "<s> %" that matches s only as written, followed by a
** space and more words (ESCAPE '\': % _ and \ in s are escaped). */
static int like_words(qb *q, const char *s) {
  lb_buf b = LB_BUF_INIT;
  for (; *s; s++) {
    if (*s == '%' || *s == '_' || *s == '\\') lb_buf_addc(&b, '\\');
    lb_buf_addc(&b, *s);
  }
  lb_buf_adds(&b, " %");
  return pown(q, b.p); /* q frees it */
}

/* Conditions on the events (alias "e") or incidents (alias "i", which have
** the same columns) for the event filters; the moods, PLOVER and
** publication dates only on events. */
static void where_events(qb *q, const lb_store_filter *f, const char *x) {
  if (f->actor) {
    and(q);
    int k = ptext(q, f->actor);
    lb_buf_printf(&q->sql,
                  "(substr(%s.source, 1, length(?%d)) = ?%d OR substr(%s.target, 1, length(?%d))"
                  " = ?%d)", x, k, k, x, k, k);
  }
  if (f->entity) {
    and(q);
    int k = ptext(q, f->entity);
    lb_buf_printf(&q->sql, "(%s.source_entity = ?%d OR %s.target_entity = ?%d OR %s.place = ?%d)",
                  x, k, x, k, x, k);
  }
  if (f->code) {
    and(q);
    lb_buf_printf(&q->sql, "%s.code = ?%d", x, ptext(q, f->code));
  }
  if (f->root) {
    and(q);
    lb_buf_printf(&q->sql, "%s.root = ?%d", x, ptext(q, f->root));
  }
  if (f->quad) {
    and(q);
    lb_buf_printf(&q->sql, "%s.quad_class = ?%d", x, pint(q, f->quad));
  }
  if (f->place) {
    /* the place's id, its name ("Kursk" also matches "Kursk Oblast"), or
    ** a name it was written as ("Moskau"); all literally: "%" is a
    ** percent sign, not every place (issue 22) */
    and(q);
    int k = ptext(q, f->place), l = like_words(q, f->place);
    if (q->pg)
      lb_buf_printf(&q->sql,
                    "(lower(%s.place_name) = lower(?%d) OR %s.place_name ILIKE ?%d ESCAPE '\\'"
                    " OR %s.place = ?%d OR %s.place IN (SELECT en.id FROM names m JOIN entities"
                    " en ON en.ent = m.ent WHERE lower(m.text) = lower(?%d)))",
                    x, k, x, l, x, k, x, k);
    else
      lb_buf_printf(&q->sql,
                    "(%s.place_name = ?%d COLLATE NOCASE OR %s.place_name LIKE ?%d ESCAPE '\\'"
                    " OR %s.place = ?%d OR %s.place IN (SELECT en.id FROM names m JOIN entities"
                    " en ON en.ent = m.ent WHERE m.text = ?%d))",
                    x, k, x, l, x, k, x, k);
  }
  if (f->has_bbox) {
    and(q);
    int w = pnum(q, f->bbox[0]), s = pnum(q, f->bbox[1]);
    int e = pnum(q, f->bbox[2]), n = pnum(q, f->bbox[3]);
    if (strcmp(x, "e") != 0)
      lb_buf_printf(&q->sql, "%s.lon BETWEEN ?%d AND ?%d AND %s.lat BETWEEN ?%d AND ?%d", x, w, e,
                    x, s, n);
    else if (q->pg)
      lb_buf_printf(&q->sql, "point(e.lon, e.lat) <@ box(point(?%d, ?%d), point(?%d, ?%d))", w,
                    s, e, n);
    else
      lb_buf_printf(&q->sql,
                    "e.event IN (SELECT event FROM events_geo WHERE min_lat >= ?%d AND"
                    " max_lat <= ?%d AND min_lon >= ?%d AND max_lon <= ?%d)", s, n, w, e);
  }
  if (f->from) {
    and(q);
    lb_buf_printf(&q->sql, "COALESCE(%s.day_to, %s.day_from) >= ?%d", x, x, pint(q, f->from));
  }
  if (f->to) {
    and(q);
    lb_buf_printf(&q->sql, "%s.day_from <= ?%d", x, pint(q, f->to));
  }
  if (f->incident) {
    and(q);
    lb_buf_printf(&q->sql, "%s.incident = ?%d", x, pint(q, f->incident));
  }
  if (strcmp(x, "e") != 0) return;
  int moods = mood_bits(f->mood);
  if (moods > 0) { /* "fact" is no mood (NULL), the others by name */
    and(q);
    lb_buf_addc(&q->sql, '(');
    int first = 1;
    if (moods & 1) {
      lb_buf_adds(&q->sql, "e.mood IS NULL");
      first = 0;
    }
    for (int k = 1; MOODS[k]; k++)
      if (moods & (1 << k)) {
        lb_buf_printf(&q->sql, "%se.mood = ?%d", first ? "" : " OR ", ptext(q, MOODS[k]));
        first = 0;
      }
    lb_buf_addc(&q->sql, ')');
  }
  if (f->plover) {
    and(q);
    lb_buf_printf(&q->sql, "e.plover_event = ?%d", ptext(q, f->plover));
  }
  pub_days(q, f->since, f->until, "e.reported");
}

static int has_ev_filter(const lb_store_filter *f) {
  return f->actor || f->entity || f->code || f->root || f->quad || f->place || f->has_bbox ||
         f->from || f->to || f->incident || mood_bits(f->mood) > 0 || f->plover || f->since ||
         f->until;
}

/* from/to on a publication date (expression pub, "YYYY-MM-DD..."). */
static void where_published(qb *q, const lb_store_filter *f, const char *pub) {
  pub_days(q, f->from, f->to, pub);
}

static const char EVENT_COLS[] =
    "SELECT e.event AS event, d.id AS doc_id, e.n AS n, e.code AS code,"
    " e.root AS root, e.quad_class AS quad_class, e.goldstein AS goldstein,"
    " e.source AS source, e.source_entity AS source_entity, e.target AS target,"
    " e.target_entity AS target_entity, e.place AS place,"
    " e.place_name AS place_name, e.lat AS lat, e.lon AS lon, e.date AS date,"
    " e.day_from AS day_from, e.day_to AS day_to, e.quantities AS quantities,"
    " e.claim AS claim, e.sentence AS sentence, e.start AS start, e.\"end\" AS \"end\","
    " e.text AS text, e.mood AS mood, e.rule AS rule, e.incident AS incident,"
    " d.published AS published, d.url AS url, e.day AS day,"
    " CASE WHEN e.date IS NOT NULL AND e.date_granularity = 'day' THEN 'day'"
    " ELSE 'published' END AS date_precision, e.cc AS cc, e.fips AS fips, e.adm1 AS adm1,"
    " e.plover_event AS plover_event, e.plover_mode AS plover_mode,"
    " e.plover_context AS plover_context"
    " FROM events e JOIN documents d ON d.doc = e.doc";

/* The spans of one document's facts: start, end, rule, then the kind's
** columns (serve's /api/documents/ID). */
static const char *const SPANS[] = {
    [LB_Q_DOC_ENTITIES - LB_Q_DOC_ENTITIES] =
        "SELECT m.start, m.\"end\", m.rule, m.text, en.id AS entity, en.name AS name,"
        " en.type AS type, COALESCE(m.actor, en.actor) AS actor, m.role AS role,"
        " m.sentence AS sentence FROM mentions m JOIN entities en ON en.ent = m.ent"
        " WHERE m.doc = (SELECT doc FROM documents WHERE id = ?1) ORDER BY m.start, m.n",
    [LB_Q_DOC_QUANTITIES - LB_Q_DOC_ENTITIES] =
        "SELECT q.start, q.\"end\", q.rule, q.text, q.value, q.min, q.max, q.approx,"
        " q.unit, q.category, q.\"of\", q.place, q.claim, c.speaker AS speaker,"
        " COALESCE(se.name, c.speaker_text) AS speaker_name, q.sentence"
        " FROM quantities q LEFT JOIN claims c ON c.doc = q.doc AND c.n = q.claim"
        " LEFT JOIN entities se ON se.id = c.speaker"
        " WHERE q.doc = (SELECT doc FROM documents WHERE id = ?1) ORDER BY q.n",
    [LB_Q_DOC_DATES - LB_Q_DOC_ENTITIES] =
        "SELECT start, \"end\", rule, text, date_from AS \"from\", date_to AS \"to\","
        " granularity, sentence FROM dates"
        " WHERE doc = (SELECT doc FROM documents WHERE id = ?1) ORDER BY n",
    [LB_Q_DOC_CLAIMS - LB_Q_DOC_ENTITIES] =
        "SELECT c.start, c.\"end\", c.rule, c.n AS claim, c.speaker,"
        " COALESCE(se.name, c.speaker_text) AS speaker_name, c.verb, c.text,"
        " c.cue_start, c.cue_end, c.speaker_start, c.speaker_end, c.sentence"
        " FROM claims c LEFT JOIN entities se ON se.id = c.speaker"
        " WHERE c.doc = (SELECT doc FROM documents WHERE id = ?1) ORDER BY c.n",
    [LB_Q_DOC_EVENTS - LB_Q_DOC_ENTITIES] =
        "SELECT e.start, e.\"end\", e.rule, e.event, e.code, e.root, e.quad_class,"
        " e.goldstein, e.source, e.target, e.place, e.place_name, e.date, e.claim,"
        " c.speaker AS speaker, COALESCE(se.name, c.speaker_text) AS speaker_name,"
        " e.text, e.mood, e.incident, e.sentence FROM events e"
        " LEFT JOIN claims c ON c.doc = e.doc AND c.n = e.claim"
        " LEFT JOIN entities se ON se.id = c.speaker"
        " WHERE e.doc = (SELECT doc FROM documents WHERE id = ?1) ORDER BY e.n",
    [LB_Q_DOC_SIGNALS - LB_Q_DOC_ENTITIES] =
        ("SELECT start, \"end\", rule, kind AS signal, detail FROM signals"
         " WHERE doc = (SELECT doc FROM documents WHERE id = ?1) ORDER BY n"),
};

/* The per-quad-class counts of dyads and the timeline. */
static const char QUADS[] =
    "count(*) FILTER (WHERE e.quad_class = 1) AS q1,"
    " count(*) FILTER (WHERE e.quad_class = 2) AS q2,"
    " count(*) FILTER (WHERE e.quad_class = 3) AS q3,"
    " count(*) FILTER (WHERE e.quad_class = 4) AS q4, count(*) AS events";

/* LIMIT/OFFSET: as parameters for the API's kinds (one prepared statement
** for every page), as text for the command line's. */
static void page(qb *q, const lb_store_filter *f, int kind) {
  if (kind >= LB_Q_API_EVENTS) {
    if (f->limit > 0 || f->offset > 0) {
      int l = pint(q, f->limit > 0 ? f->limit : -1), o = pint(q, f->offset);
      lb_buf_printf(&q->sql, q->pg ? " LIMIT NULLIF(?%d, -1) OFFSET ?%d" : " LIMIT ?%d OFFSET ?%d",
                    l, o);
    }
  } else if (f->limit > 0) {
    lb_buf_printf(&q->sql, " LIMIT %ld", f->limit);
  }
}

/* Build the SELECT for kind; columns named as in the picture's JSON. -1
** when out of memory. */
static int build(qb *q, const lb_store_filter *f, int kind) {
  lb_buf *b = &q->sql;
  q->first = 1;
  switch (kind) {
  case LB_Q_EVENTS:
    lb_buf_adds(b, EVENT_COLS);
    where_events(q, f, "e");
    if (where_doc(q, f, "e.doc")) return -1;
    lb_buf_adds(b, " ORDER BY ");
    ord_null(q, "e.day_from");
    lb_buf_adds(b, ", e.event");
    break;
  case LB_Q_INCIDENTS:
    lb_buf_adds(b,
                "SELECT i.incident AS incident, i.root AS root, i.code AS code,"
                " i.quad_class AS quad_class, i.goldstein AS goldstein, i.source AS source,"
                " i.target AS target, i.source_entity AS source_entity,"
                " i.target_entity AS target_entity, i.place AS place,"
                " i.place_name AS place_name, i.lat AS lat, i.lon AS lon,"
                " i.day_from AS day_from, i.day_to AS day_to, i.reports AS reports,"
                " i.documents AS documents, ");
    lb_buf_adds(b, q->pg ? "(SELECT string_agg(x, ' ' ORDER BY x COLLATE \"C\") FROM"
                         : "(SELECT group_concat(x, ' ') FROM");
    lb_buf_adds(b, " (SELECT DISTINCT d2.id AS x FROM events e2 JOIN documents d2"
                   " ON d2.doc = e2.doc WHERE e2.incident = i.incident ORDER BY d2.id) s)"
                   " AS sources FROM incidents i WHERE i.incident IN (SELECT e.incident FROM"
                   " events e");
    where_events(q, f, "e");
    if (where_doc(q, f, "e.doc")) return -1;
    lb_buf_adds(b, ") ORDER BY ");
    ord_null(q, "i.day_from");
    lb_buf_adds(b, ", i.incident");
    break;
  case LB_Q_QUANTITIES:
  case LB_Q_API_QUANTITIES:
    lb_buf_adds(b,
                "SELECT q.unit AS unit, q.category AS category, q.\"of\" AS \"of\","
                " q.of_name AS of_name, q.place AS place, q.place_name AS place_name,"
                " q.value AS value, q.min AS min, q.max AS max, q.approx AS approx,"
                " q.text AS text, q.speaker AS speaker, q.speaker_name AS speaker_name,"
                " q.verb AS verb, q.doc_id AS doc_id, q.published AS published, q.url AS url,"
                " q.n AS n, (SELECT start FROM quantities x WHERE x.doc = q.doc AND x.n = q.n)"
                " AS start FROM quantity_sources q");
    if (f->unit) {
      and(q);
      lb_buf_printf(b, "q.unit = ?%d", ptext(q, f->unit));
    }
    if (f->entity) {
      and(q);
      int k = ptext(q, f->entity);
      lb_buf_printf(b, "(q.\"of\" = ?%d OR q.place = ?%d)", k, k);
    }
    if (f->place) {
      and(q);
      lb_buf_printf(b, q->pg ? "lower(q.place_name) = lower(?%d)"
                             : "q.place_name = ?%d COLLATE NOCASE", ptext(q, f->place));
    }
    where_published(q, f, "q.published");
    if (where_doc(q, f, "q.doc")) return -1;
    if (f->incident) { /* the numbers of an incident's reports */
      and(q);
      int k = pint(q, f->incident);
      lb_buf_printf(b, q->pg ? "EXISTS (SELECT 1 FROM events e WHERE e.incident = ?%d AND"
                               " e.doc = q.doc AND q.n IN (SELECT x::integer FROM"
                               " json_array_elements_text(e.quantities::json) AS t(x)))"
                             : "EXISTS (SELECT 1 FROM events e WHERE e.incident = ?%d AND"
                               " e.doc = q.doc AND q.n IN (SELECT value FROM"
                               " json_each(e.quantities)))", k);
    }
    lb_buf_adds(b, " ORDER BY ");
    ord_text(q, "q.unit");
    lb_buf_adds(b, ", ");
    ord_text(q, "q.\"of\"");
    lb_buf_adds(b, ", ");
    ord_text(q, "q.published");
    lb_buf_adds(b, ", ");
    ord_text(q, "q.doc_id");
    lb_buf_adds(b, ", q.n");
    break;
  case LB_Q_DOCUMENTS:
    lb_buf_adds(b,
                "SELECT d.id AS id, d.lang AS lang, d.published AS published,"
                " d.title AS title, d.url AS url, d.bytes AS bytes, d.origin AS origin,"
                " (SELECT count(*) FROM events e WHERE e.doc = d.doc) AS events"
                " FROM documents d");
    if (where_doc(q, f, "d.doc")) return -1;
    if (has_ev_filter(f)) {
      and(q);
      lb_buf_adds(b, "d.doc IN (SELECT e.doc FROM events e");
      int first = q->first;
      q->first = 1;
      where_events(q, f, "e");
      q->first = first;
      lb_buf_addc(b, ')');
    }
    lb_buf_adds(b, " ORDER BY ");
    ord_text(q, "d.published");
    lb_buf_adds(b, ", d.doc");
    break;
  case LB_Q_ENTITIES:
    lb_buf_adds(b,
                "SELECT x.id AS id, x.name AS name, x.type AS type, x.actor AS actor,"
                " x.country AS country, x.lat AS lat, x.lon AS lon,"
                " count(*) AS mentions, count(DISTINCT m.doc) AS documents"
                " FROM entities x JOIN mentions m ON m.ent = x.ent");
    if (f->entity) {
      and(q);
      lb_buf_printf(b, "x.id = ?%d", ptext(q, f->entity));
    }
    if (where_doc(q, f, "m.doc")) return -1;
    lb_buf_adds(b, " GROUP BY x.ent ORDER BY documents DESC, mentions DESC, ");
    ord_text(q, "x.id");
    break;
  case LB_Q_API_EVENTS:
    lb_buf_adds(b, "SELECT e.*, d.id AS doc_id, d.title AS doc_title, d.published AS published,"
                   " se.name AS source_name, te.name AS target_name"
                   " FROM events e JOIN documents d ON d.doc = e.doc"
                   " LEFT JOIN entities se ON se.id = e.source_entity"
                   " LEFT JOIN entities te ON te.id = e.target_entity");
    where_events(q, f, "e");
    if (where_doc(q, f, "e.doc")) return -1;
    /* newest first; undated last (PostgreSQL puts NULLs first when
    ** descending, SQLite last) */
    lb_buf_adds(b, q->pg ? " ORDER BY e.day DESC NULLS LAST, e.event DESC"
                         : " ORDER BY e.day DESC, e.event DESC");
    break;
  case LB_Q_API_ENTITIES:
    lb_buf_adds(b, "SELECT en.*, (SELECT count(*) FROM mentions m WHERE m.ent = en.ent)"
                   " AS mentions FROM entities en");
    if (f->entity) {
      and(q);
      lb_buf_printf(b, "en.id = ?%d", ptext(q, f->entity));
    }
    if (f->actor) {
      and(q);
      int k = ptext(q, f->actor);
      lb_buf_printf(b, "substr(en.actor, 1, length(?%d)) = ?%d", k, k);
    }
    if (f->type) {
      and(q);
      lb_buf_printf(b, "en.type = ?%d", ptext(q, f->type));
    }
    if (f->name) {
      and(q);
      lb_buf_printf(b, q->pg ? "strpos(lower(en.name), lower(?%d)) > 0"
                             : "instr(lower(en.name), lower(?%d)) > 0", ptext(q, f->name));
    }
    if (f->has_bbox) {
      and(q);
      int w = pnum(q, f->bbox[0]), s = pnum(q, f->bbox[1]);
      int e = pnum(q, f->bbox[2]), n = pnum(q, f->bbox[3]);
      if (q->pg)
        lb_buf_printf(b, "point(en.lon, en.lat) <@ box(point(?%d, ?%d), point(?%d, ?%d))", w, s,
                      e, n);
      else
        lb_buf_printf(b, "en.ent IN (SELECT ent FROM entities_geo WHERE min_lon >= ?%d AND"
                         " max_lon <= ?%d AND min_lat >= ?%d AND max_lat <= ?%d)", w, e, s, n);
    }
    if (f->doc) {
      and(q);
      lb_buf_printf(b, "en.ent IN (SELECT m.ent FROM mentions m WHERE m.doc ="
                       " (SELECT doc FROM documents WHERE id = ?%d))", ptext(q, f->doc));
    }
    lb_buf_adds(b, " ORDER BY en.ent");
    break;
  case LB_Q_API_CLAIMS:
    lb_buf_adds(b, "SELECT c.*, d.id AS doc_id, d.published AS published,"
                   " COALESCE(se.name, c.speaker_text) AS speaker_name"
                   " FROM claims c JOIN documents d ON d.doc = c.doc"
                   " LEFT JOIN entities se ON se.id = c.speaker");
    if (f->entity) {
      and(q);
      lb_buf_printf(b, "c.speaker = ?%d", ptext(q, f->entity));
    }
    if (where_doc(q, f, "c.doc")) return -1;
    where_published(q, f, "d.published");
    lb_buf_adds(b, " ORDER BY c.doc, c.n");
    break;
  case LB_Q_API_INCIDENTS:
    /* by the events they are made of, like the command line's incidents */
    lb_buf_adds(b, "SELECT i.* FROM incidents i WHERE i.incident IN (SELECT e.incident FROM"
                   " events e");
    where_events(q, f, "e");
    if (where_doc(q, f, "e.doc")) return -1;
    lb_buf_adds(b, ") ORDER BY i.reports DESC, i.incident");
    break;
  case LB_Q_API_REPORTS:
    lb_buf_printf(b, "SELECT r.event AS event, r.doc_id AS doc_id, r.url AS url,"
                     " r.published AS published, r.title AS title, r.code AS code,"
                     " r.text AS text, e.source AS source, e.target AS target,"
                     " e.start AS start, e.quantities AS quantities,"
                     " COALESCE(se.name, c.speaker_text) AS speaker_name"
                     " FROM incident_reports r JOIN events e ON e.event = r.event"
                     " LEFT JOIN claims c ON c.doc = e.doc AND c.n = e.claim"
                     " LEFT JOIN entities se ON se.id = c.speaker"
                     " WHERE r.incident = ?%d ORDER BY r.event",
                  pint(q, f->incident));
    break;
  case LB_Q_API_DYADS:
    /* a name only when the code's events are all of one entity (a code
    ** without entities, or NULL, has none: not the name of some event) */
    lb_buf_printf(b, "SELECT e.source AS source, e.target AS target,"
                     " CASE WHEN count(DISTINCT e.source_entity) = 1 AND count(e.source_entity)"
                     " = count(*) THEN max(se.name) END AS source_name,"
                     " CASE WHEN count(DISTINCT e.target_entity) = 1 AND count(e.target_entity)"
                     " = count(*) THEN max(te.name) END AS target_name, %s"
                     " FROM events e LEFT JOIN entities se ON se.id = e.source_entity"
                     " LEFT JOIN entities te ON te.id = e.target_entity", QUADS);
    where_events(q, f, "e");
    if (where_doc(q, f, "e.doc")) return -1;
    lb_buf_adds(b, " GROUP BY e.source, e.target ORDER BY events DESC, ");
    ord_text(q, "e.source");
    lb_buf_adds(b, ", ");
    ord_text(q, "e.target");
    break;
  case LB_Q_API_TIMELINE:
    /* per day as GDELT counts them: the event's own day, or the
    ** publication day */
    lb_buf_printf(b, "SELECT e.day AS day, %s FROM events e", QUADS);
    and(q);
    lb_buf_adds(b, "e.day IS NOT NULL");
    where_events(q, f, "e");
    if (where_doc(q, f, "e.doc")) return -1;
    lb_buf_adds(b, " GROUP BY e.day ORDER BY e.day");
    break;
  case LB_Q_API_DOCUMENTS:
    lb_buf_adds(b, "SELECT d.doc AS doc, d.id AS id, d.title AS title, d.url AS url,"
                   " d.published AS published, d.lang AS lang, d.bytes AS bytes,"
                   " (SELECT count(*) FROM events e WHERE e.doc = d.doc) AS events"
                   " FROM documents d");
    if (where_doc(q, f, "d.doc")) return -1;
    where_published(q, f, "d.published");
    lb_buf_adds(b, " ORDER BY d.doc");
    break;
  case LB_Q_API_STATS:
    lb_buf_adds(b, "SELECT (SELECT count(*) FROM documents) AS documents,"
                   " (SELECT count(*) FROM entities) AS entities,"
                   " (SELECT count(*) FROM mentions) AS mentions,"
                   " (SELECT count(*) FROM quantities) AS quantities,"
                   " (SELECT count(*) FROM claims) AS claims,"
                   " (SELECT count(*) FROM events) AS events,"
                   " (SELECT count(*) FROM incidents) AS incidents");
    return 0;
  case LB_Q_DOC:
    lb_buf_printf(b, "SELECT doc, id, title, url, published, lang, bytes, origin, warnings, text"
                     " FROM documents WHERE id = ?%d", ptext(q, f->doc ? f->doc : ""));
    return 0;
  case LB_Q_DOC_SENTENCES:
    lb_buf_printf(b, "SELECT start, \"end\" FROM sentences WHERE doc ="
                     " (SELECT doc FROM documents WHERE id = ?%d) ORDER BY n",
                  ptext(q, f->doc ? f->doc : ""));
    return 0;
  default:
    if (kind < LB_Q_DOC_ENTITIES || kind >= LB_Q_NKINDS) return -1;
    lb_buf_adds(b, SPANS[kind - LB_Q_DOC_ENTITIES]);
    ptext(q, f->doc ? f->doc : "");
    return 0;
  }
  page(q, f, kind);
  return 0;
}

/* ---- cursors ---- */

struct lb_store_rows {
  lb_store *s;
  lb_db_stmt *st;
  int cached; /* the statement belongs to the store's cache */
  qb q;       /* the bound values live as long as the cursor */
  char err[512];
};

static void bind_all(lb_db_stmt *st, const qb *q) {
  for (int i = 0; i < q->np; i++) {
    if (q->kind[i] == 1)
      lb_db_bind_double(st, i + 1, q->d[i]);
    else if (q->kind[i] == 2)
      lb_db_bind_int(st, i + 1, q->i[i]);
    else
      lb_db_bind_text(st, i + 1, q->s[i], -1);
  }
}

/* Prepare q's SQL (from the store's cache for the API's kinds) and bind
** its parameters; the cursor takes q over. */
static lb_store_rows *run(lb_store *s, qb *q, int kind, char *err, size_t errlen) {
  lb_store_rows *r = calloc(1, sizeof *r);
  if (!r) {
    snprintf(err, errlen, "out of memory");
    qb_free(q);
    return NULL;
  }
  r->s = s;
  r->q = *q;
  lb_db *db = lb_store_conn(s);
  if (kind >= LB_Q_API_EVENTS)
    r->st = lb_store_stmt_get(s, r->q.sql.p, &r->cached);
  else
    r->st = lb_db_prepare(db, r->q.sql.p, LB_DB_STREAM);
  if (!r->st) {
    snprintf(err, errlen, "cannot query the store: %s", lb_db_errmsg(db));
    qb_free(&r->q);
    free(r);
    return NULL;
  }
  bind_all(r->st, &r->q);
  lb_store_deadline(s);
  return r;
}

lb_store_rows *lb_store_select(lb_store *s, int kind, const lb_store_filter *f, char *err,
                               size_t errlen) {
  qb q;
  memset(&q, 0, sizeof q);
  q.pg = lb_db_kind(lb_store_conn(s)) == LB_DB_PG;
  if (kind < 0 || kind >= LB_Q_NKINDS || build(&q, f, kind)) {
    snprintf(err, errlen, "%s",
             kind < 0 || kind >= LB_Q_NKINDS ? "no such kind of rows" : "out of memory");
    qb_free(&q);
    return NULL;
  }
  return run(s, &q, kind, err, errlen);
}

lb_store_rows *lb_store_select_events(lb_store *s, const lb_store_filter *f, const char *head,
                                      char *err, size_t errlen) {
  qb q;
  memset(&q, 0, sizeof q);
  q.pg = lb_db_kind(lb_store_conn(s)) == LB_DB_PG;
  q.first = 1;
  lb_buf_adds(&q.sql, head);
  where_events(&q, f, "e");
  if (where_doc(&q, f, "e.doc")) {
    snprintf(err, errlen, "out of memory");
    qb_free(&q);
    return NULL;
  }
  lb_buf_adds(&q.sql, " ORDER BY ");
  ord_null(&q, "e.day_from");
  lb_buf_adds(&q.sql, ", e.event");
  if (f->limit > 0) lb_buf_printf(&q.sql, " LIMIT %ld", f->limit);
  return run(s, &q, LB_Q_EVENTS, err, errlen);
}

int lb_store_next(lb_store_rows *r) {
  int rc = lb_db_step(r->st);
  if (rc == LB_DB_ERROR) {
    lb_db *db = lb_store_conn(r->s);
    snprintf(r->err, sizeof r->err, "%s", lb_db_errmsg(db));
    return -1;
  }
  return rc == LB_DB_ROW;
}

const char *lb_store_rows_error(const lb_store_rows *r) { return r->err; }

void lb_store_rows_free(lb_store_rows *r) {
  if (!r) return;
  if (r->cached)
    lb_store_stmt_put(r->s, r->st);
  else
    lb_db_finalize(r->st);
  qb_free(&r->q);
  free(r);
}

int lb_store_ncols(lb_store_rows *r) { return lb_db_columns(r->st); }
const char *lb_store_colname(lb_store_rows *r, int i) { return lb_db_column_name(r->st, i); }
int lb_store_coltype(lb_store_rows *r, int i) { return lb_db_type(r->st, i); }
int64_t lb_store_int(lb_store_rows *r, int i) { return lb_db_int(r->st, i); }
double lb_store_double(lb_store_rows *r, int i) { return lb_db_double(r->st, i); }
const char *lb_store_text(lb_store_rows *r, int i) {
  const char *t = lb_db_text(r->st, i);
  return t ? t : "";
}
int lb_store_bytes(lb_store_rows *r, int i) { return lb_db_bytes(r->st, i); }

/* A JSON array of integers ("[0,2]"). */
static int int_array(const char *s, int n) {
  if (n < 2 || s[0] != '[' || s[n - 1] != ']') return 0;
  for (int i = 1; i < n - 1; i++)
    if (!(s[i] >= '0' && s[i] <= '9') && s[i] != ',' && s[i] != ' ') return 0;
  return 1;
}

/* A column value as text for TSV, CSV and tables. */
static void col_text(lb_store_rows *r, int i, lb_buf *b) {
  switch (lb_store_coltype(r, i)) {
  case LB_STORE_NULL: break;
  case LB_STORE_INT: lb_json_int(b, lb_store_int(r, i)); break;
  case LB_STORE_FLOAT: lb_json_num(b, lb_store_double(r, i)); break;
  default: lb_buf_add(b, lb_store_text(r, i), (size_t)lb_store_bytes(r, i));
  }
}

void lb_store_row_json(lb_store_rows *r, int from, lb_buf *b) {
  int n = lb_store_ncols(r);
  for (int i = from; i < n; i++) {
    const char *name = lb_store_colname(r, i);
    if (i > from) lb_buf_addc(b, ',');
    lb_json_key(b, name);
    int t = lb_store_coltype(r, i);
    if (t == LB_STORE_NULL) {
      lb_buf_adds(b, "null");
    } else if (t == LB_STORE_INT || t == LB_STORE_FLOAT) {
      col_text(r, i, b);
    } else {
      const char *v = lb_store_text(r, i);
      int len = lb_store_bytes(r, i);
      if (strcmp(name, "quantities") == 0 && int_array(v, len))
        lb_buf_add(b, v, (size_t)len);
      else
        lb_json_str(b, v, (size_t)len);
    }
  }
}

/* ---- output ---- */

static void cell_tsv(lb_buf *b, const char *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = v[i];
    if (c == '\t') lb_buf_adds(b, "\\t");
    else if (c == '\n') lb_buf_adds(b, "\\n");
    else if (c == '\r') lb_buf_adds(b, "\\r");
    else if (c == '\\') lb_buf_adds(b, "\\\\");
    else lb_buf_addc(b, c);
  }
}

static void cell_csv(lb_buf *b, const char *v, size_t n) {
  int quote = 0;
  for (size_t i = 0; i < n && !quote; i++)
    quote = v[i] == ',' || v[i] == '"' || v[i] == '\n' || v[i] == '\r';
  if (!quote) {
    lb_buf_add(b, v, n);
    return;
  }
  lb_buf_addc(b, '"');
  for (size_t i = 0; i < n; i++) {
    if (v[i] == '"') lb_buf_addc(b, '"');
    lb_buf_addc(b, v[i]);
  }
  lb_buf_addc(b, '"');
}

static void row_sep(lb_store_rows *r, lb_buf *b, lb_buf *tmp, int csv, int header) {
  int n = lb_store_ncols(r);
  for (int i = 0; i < n; i++) {
    if (i) lb_buf_addc(b, csv ? ',' : '\t');
    lb_buf_reset(tmp);
    if (header)
      lb_buf_adds(tmp, lb_store_colname(r, i));
    else
      col_text(r, i, tmp);
    if (csv)
      cell_csv(b, tmp->p ? tmp->p : "", tmp->n);
    else
      cell_tsv(b, tmp->p ? tmp->p : "", tmp->n);
  }
  lb_buf_adds(b, csv ? "\r\n" : "\n");
}

/* Columns shown in the terminal table, per kind (the rest is in --jsonl). */
static const char *const TABLE_COLS[][10] = {
    [LB_Q_EVENTS] = {"event", "doc_id", "date", "code", "source", "target", "place_name",
                     "incident", "text", NULL},
    [LB_Q_INCIDENTS] = {"incident", "root", "code", "source", "target", "place_name",
                        "day_from", "reports", "sources", NULL},
    [LB_Q_QUANTITIES] = {"unit", "of_name", "value", "min", "max", "text", "speaker_name",
                         "doc_id", "published", NULL},
    [LB_Q_DOCUMENTS] = {"id", "lang", "published", "bytes", "events", "title", NULL},
    [LB_Q_ENTITIES] = {"id", "name", "type", "actor", "country", "mentions", "documents",
                       NULL},
};

static size_t u8len(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xc0) != 0x80;
  return k;
}

/* Byte length of the first `chars` characters of s. */
static size_t u8cut(const char *s, size_t n, size_t chars) {
  size_t i = 0, k = 0;
  while (i < n) {
    if (((unsigned char)s[i] & 0xc0) != 0x80) {
      if (k == chars) break;
      k++;
    }
    i++;
  }
  return i;
}

#define CELL_MAX 40

/* The header names of the table's columns: known once the first row is read
** (PostgreSQL describes a streamed result with its rows). */
static lb_err table(lb_store_rows *r, int kind, FILE *out, long *nrows, char *err,
                    size_t errlen) {
  int idx[10], nc = 0;
  size_t width[10];
  char *names[10];
  lb_buf cells = LB_BUF_INIT; /* all cells, NUL-separated, flattened */
  lb_buf tmp = LB_BUF_INIT;
  long rows = 0;
  int rc, have_cols = 0;
  while ((rc = lb_store_next(r)) == 1) {
    if (!have_cols) {
      int n = lb_store_ncols(r);
      for (int k = 0; TABLE_COLS[kind][k]; k++)
        for (int i = 0; i < n; i++)
          if (strcmp(lb_store_colname(r, i), TABLE_COLS[kind][k]) == 0) idx[nc++] = i;
      have_cols = 1;
    }
    for (int c = 0; c < nc; c++) {
      lb_buf_reset(&tmp);
      col_text(r, idx[c], &tmp);
      for (size_t i = 0; i < tmp.n; i++)
        if (tmp.p[i] == '\n' || tmp.p[i] == '\t' || tmp.p[i] == '\r') tmp.p[i] = ' ';
      size_t len = u8len(tmp.p ? tmp.p : "", tmp.n);
      size_t cut = len > CELL_MAX ? u8cut(tmp.p, tmp.n, CELL_MAX - 1) : tmp.n;
      lb_buf_add(&cells, tmp.p ? tmp.p : "", cut);
      if (len > CELL_MAX) lb_buf_adds(&cells, "\xe2\x80\xa6"); /* … */
      lb_buf_addc(&cells, 0);
    }
    rows++;
  }
  lb_buf_free(&tmp);
  if (rc < 0) {
    snprintf(err, errlen, "query failed: %s", lb_store_rows_error(r));
    lb_buf_free(&cells);
    return LB_ERR_DB;
  }
  if (!have_cols) /* no rows: the kind's column names */
    for (int k = 0; TABLE_COLS[kind][k]; k++) idx[nc++] = k;
  for (int c = 0; c < nc; c++) {
    names[c] = (char *)(have_cols ? lb_store_colname(r, idx[c]) : TABLE_COLS[kind][c]);
    width[c] = u8len(names[c], strlen(names[c]));
  }
  const char *p = cells.p;
  for (long k = 0; k < rows; k++)
    for (int c = 0; c < nc; c++) {
      size_t len = strlen(p), w = u8len(p, len);
      if (w > width[c]) width[c] = w;
      p += len + 1;
    }
  for (int c = 0; c < nc; c++)
    fprintf(out, "%s%-*s", c ? "  " : "", c == nc - 1 ? 0 : (int)width[c], names[c]);
  fputc('\n', out);
  p = cells.p;
  for (long k = 0; k < rows; k++) {
    for (int c = 0; c < nc; c++) {
      size_t len = strlen(p), w = u8len(p, len);
      fprintf(out, "%s%s", c ? "  " : "", p);
      if (c < nc - 1)
        for (size_t i = w; i < width[c]; i++) fputc(' ', out);
      p += len + 1;
    }
    fputc('\n', out);
  }
  lb_buf_free(&cells);
  *nrows = rows;
  return LB_OK;
}

static lb_err write_rows(lb_store_rows *r, int kind, int fmt, FILE *out, long *nrows,
                         char *err, size_t errlen) {
  if (fmt == LB_FMT_TABLE) return table(r, kind, out, nrows, err, errlen);
  lb_buf b = LB_BUF_INIT, tmp = LB_BUF_INIT;
  long rows = 0;
  int rc;
  int header = fmt == LB_FMT_TSV || fmt == LB_FMT_CSV;
  while ((rc = lb_store_next(r)) == 1) {
    if (header) { /* from the first row's description (see table) */
      row_sep(r, &b, &tmp, fmt == LB_FMT_CSV, 1);
      header = 0;
    }
    if (fmt == LB_FMT_JSONL) {
      lb_buf_addc(&b, '{');
      lb_store_row_json(r, 0, &b);
      lb_buf_adds(&b, "}\n");
    } else {
      row_sep(r, &b, &tmp, fmt == LB_FMT_CSV, 0);
    }
    rows++;
    if (b.n > (1 << 16)) {
      fwrite(b.p, 1, b.n, out);
      lb_buf_reset(&b);
    }
  }
  if (header && rc == 0) { /* no rows: a header still, from the statement */
    if (lb_store_ncols(r) > 0) row_sep(r, &b, &tmp, fmt == LB_FMT_CSV, 1);
  }
  if (b.n) fwrite(b.p, 1, b.n, out);
  lb_buf_free(&b);
  lb_buf_free(&tmp);
  *nrows = rows;
  if (rc < 0) {
    snprintf(err, errlen, "query failed: %s", lb_store_rows_error(r));
    return LB_ERR_DB;
  }
  return LB_OK;
}

lb_err lb_store_query(lb_store *s, const lb_store_filter *f, int kind, int fmt, FILE *out,
                      long *nrows, char *err, size_t errlen) {
  *nrows = 0;
  lb_store_rows *r = lb_store_select(s, kind, f, err, errlen);
  if (!r) return LB_ERR_DB;
  lb_err e = write_rows(r, kind, fmt, out, nrows, err, errlen);
  lb_store_rows_free(r);
  return e;
}

int lb_store_parse_day(const char *s, int last) {
  int from, to;
  if (!s || strchr(s, '/') || !lb_store_date_range(s, &from, &to)) return 0;
  return last ? to : from;
}
