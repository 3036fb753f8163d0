/*
** schema.h -- the SQL schema of the lagebild store, as C strings: SQLite
** (version 1 and its migrations) and PostgreSQL (the current version).
**
** The SQLite schema of version 6 = LB_STORE_SCHEMA_V1 plus
** LB_STORE_MIGRATIONS[0..4]; the PostgreSQL schema (LB_STORE_SCHEMA_PG)
** is version 4 written for PostgreSQL plus LB_STORE_PG_MIGRATIONS (a
** PostgreSQL store starts at version 4): the same tables, columns (in the
** same order) and views, so every reader sees the same names and values.
**
** This is THE description of the store's tables: `lagebild ingest` creates
** them, `lagebild query`, `export` and `serve` read them. Names follow the
** picture's JSON (docs/OUTPUT.md): a column has the name of the field it
** holds. Changes are additive only: a new version appends a migration to
** LB_STORE_MIGRATIONS (store.c runs those the file has not seen yet) and
** never renames or drops a column. docs/store.md explains every table with
** sqlite3 examples.
**
** Conventions
**   doc        documents.doc, the integer key of a document inside this store
**   n          the index of a fact in its document's array in the picture
**              (quantities[n], claims[n] ...), so "claim" and "quantities"
**              cross references of the JSON still resolve within (doc, n)
**   start/end  UTF-8 byte offsets into documents.text, end exclusive
**   day_from/day_to  dates as integers YYYYMMDD (for range queries); the
**              textual ISO date stays in date / date_from / date_to
**   entity references (source_entity, of, place, speaker ...) hold the
**              entity id string (Q-id or "lb:..."), joinable with entities.id
*/
#ifndef LB_STORE_SCHEMA_H
#define LB_STORE_SCHEMA_H

#define LB_STORE_SCHEMA_VERSION 6

/* The indexes of events on both engines. */
#define LB_STORE_EVENT_INDEXES \
    "CREATE INDEX events_code ON events(code);\n" \
    "CREATE INDEX events_root ON events(root);\n" \
    "CREATE INDEX events_day ON events(day_from);\n" \
    "CREATE INDEX events_source ON events(source);\n" \
    "CREATE INDEX events_target ON events(target);\n" \
    "CREATE INDEX events_incident ON events(incident);\n" \
    "CREATE INDEX events_source_entity ON events(source_entity);\n" \
    "CREATE INDEX events_target_entity ON events(target_entity);\n" \
    "CREATE INDEX events_place ON events(place);\n"

/* The views of both engines (the same text on SQLite and PostgreSQL). */
#define LB_STORE_VIEWS \
    "CREATE VIEW incident_reports AS\n" \
    "  SELECT e.incident AS incident, e.event AS event, e.doc AS doc, d.id AS doc_id,\n" \
    "         d.url AS url, d.published AS published, d.title AS title,\n" \
    "         e.code AS code, e.text AS text\n" \
    "  FROM events e JOIN documents d ON d.doc = e.doc WHERE e.incident IS NOT NULL;\n" \
    "CREATE VIEW quantity_sources AS\n" \
    "  SELECT q.unit AS unit, q.category AS category, q.of AS of,\n" \
    "         oe.name AS of_name, q.place AS place, pe.name AS place_name,\n" \
    "         q.value AS value, q.min AS min, q.max AS max, q.approx AS approx,\n" \
    "         q.text AS text, c.speaker AS speaker,\n" \
    "         COALESCE(se.name, c.speaker_text) AS speaker_name, c.verb AS verb,\n" \
    "         d.id AS doc_id, d.published AS published, d.url AS url,\n" \
    "         q.doc AS doc, q.n AS n\n" \
    "  FROM quantities q JOIN documents d ON d.doc = q.doc\n" \
    "  LEFT JOIN claims c ON c.doc = q.doc AND c.n = q.claim\n" \
    "  LEFT JOIN entities se ON se.id = c.speaker\n" \
    "  LEFT JOIN entities oe ON oe.id = q.of\n" \
    "  LEFT JOIN entities pe ON pe.id = q.place;\n"

/* Version 1: the whole schema. Run inside one transaction on an empty file. */
static const char LB_STORE_SCHEMA_V1[] =
    "CREATE TABLE meta(\n"
    "  key TEXT PRIMARY KEY,\n"   /* schema_version, created_by, radius_km, window_days */
    "  value TEXT NOT NULL);\n"

    /* One row per document; id is the picture's id, unique in the store. A
    ** document with a known id and another hash replaces the old one. */
    "CREATE TABLE documents(\n"
    "  doc INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  hash TEXT NOT NULL,\n"       /* 16 hex digits: FNV-1a 64 of text and metadata */
    "  lang TEXT,\n"
    "  published TEXT,\n"
    "  title TEXT,\n"
    "  url TEXT,\n"
    "  origin TEXT,\n"              /* the input file it was read from */
    "  bytes INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  warnings TEXT);\n"           /* JSON array of strings, NULL when none */

    "CREATE TABLE sentences(\n"
    "  doc INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  headline INTEGER NOT NULL DEFAULT 0,\n"
    "  PRIMARY KEY(doc, n)) WITHOUT ROWID;\n"

    /* Global entities: one row per Q-id or lb: id, first description wins. */
    "CREATE TABLE entities(\n"
    "  ent INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  name TEXT,\n"
    "  type TEXT,\n"
    "  actor TEXT,\n"
    "  country TEXT,\n"
    "  source TEXT,\n"              /* lexicon source of the record */
    "  geonameid INTEGER,\n"
    "  lat REAL,\n"
    "  lon REAL,\n"
    "  feature TEXT,\n"
    "  cc TEXT,\n"
    "  guess INTEGER NOT NULL DEFAULT 0);\n"

    "CREATE TABLE mentions(\n"
    "  doc INTEGER NOT NULL,\n"
    "  ent INTEGER NOT NULL,\n"     /* entities.ent */
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  actor TEXT,\n"               /* mention-level actor code, NULL = entity's */
    "  role TEXT,\n"                /* name | place | actor | adj */
    "  sentence INTEGER,\n"
    "  rule TEXT);\n"
    "CREATE INDEX mentions_doc ON mentions(doc);\n"
    "CREATE INDEX mentions_ent ON mentions(ent);\n"

    "CREATE TABLE quantities(\n"
    "  doc INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  value REAL,\n"
    "  min REAL,\n"
    "  max REAL,\n"
    "  approx INTEGER NOT NULL DEFAULT 0,\n"
    "  unit TEXT,\n"
    "  unit_text TEXT,\n"
    "  category TEXT,\n"
    "  of TEXT,\n"
    "  place TEXT,\n"
    "  claim INTEGER,\n"            /* claims.n of the same doc */
    "  sentence INTEGER,\n"
    "  rule TEXT,\n"
    "  PRIMARY KEY(doc, n)) WITHOUT ROWID;\n"
    "CREATE INDEX quantities_unit ON quantities(unit, of);\n"

    "CREATE TABLE dates(\n"
    "  doc INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  date_from TEXT,\n"           /* the picture's "from" */
    "  date_to TEXT,\n"             /* the picture's "to" */
    "  granularity TEXT,\n"
    "  unresolved INTEGER NOT NULL DEFAULT 0,\n"
    "  duration INTEGER NOT NULL DEFAULT 0,\n"
    "  sentence INTEGER,\n"
    "  rule TEXT,\n"
    "  PRIMARY KEY(doc, n)) WITHOUT ROWID;\n"

    "CREATE TABLE claims(\n"
    "  doc INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  speaker TEXT,\n"
    "  speaker_text TEXT,\n"
    "  verb TEXT,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  text TEXT,\n"
    "  cue_start INTEGER,\n"
    "  cue_end INTEGER,\n"
    "  speaker_start INTEGER,\n"
    "  speaker_end INTEGER,\n"
    "  sentence INTEGER,\n"
    "  rule TEXT,\n"
    "  PRIMARY KEY(doc, n)) WITHOUT ROWID;\n"

    /* Events, with their place's coordinates copied from the entity so a
    ** map needs no join, and the incident they were merged into. */
    "CREATE TABLE events(\n"
    "  event INTEGER PRIMARY KEY,\n"
    "  doc INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  code TEXT,\n"
    "  root TEXT,\n"
    "  quad_class INTEGER,\n"
    "  goldstein REAL,\n"
    "  source TEXT,\n"
    "  source_entity TEXT,\n"
    "  target TEXT,\n"
    "  target_entity TEXT,\n"
    "  place TEXT,\n"
    "  place_name TEXT,\n"
    "  lat REAL,\n"
    "  lon REAL,\n"
    "  cc TEXT,\n"                  /* ISO alpha-2 of the place */
    "  geonameid INTEGER,\n"
    "  feature TEXT,\n"
    "  date TEXT,\n"
    "  date_granularity TEXT,\n"
    "  day_from INTEGER,\n"         /* date (or the publication date) as YYYYMMDD */
    "  day_to INTEGER,\n"
    "  quantities TEXT,\n"          /* JSON array of quantities.n */
    "  claim INTEGER,\n"
    "  sentence INTEGER,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  text TEXT,\n"
    "  rule TEXT,\n"
    "  mood TEXT,\n"                /* NULL = asserted; negated | modal | hypothetical |
                                    ** intended */
    "  incident INTEGER,\n"         /* incidents.incident */
    "  UNIQUE(doc, n));\n"
    LB_STORE_EVENT_INDEXES

    "CREATE TABLE signals(\n"
    "  doc INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  detail TEXT,\n"
    "  rule TEXT,\n"
    "  PRIMARY KEY(doc, n)) WITHOUT ROWID;\n"

    /* One incident = events of several documents that report the same
    ** happening: same CAMEO root, same source and target country (first
    ** three letters of the actor codes; a missing actor agrees with any,
    ** but one role must agree by name),
    ** places within radius_km (or both without place), dates within
    ** window_days. Kept up to date on ingest (merge.h). */
    "CREATE TABLE incidents(\n"
    "  incident INTEGER PRIMARY KEY,\n"
    "  root TEXT NOT NULL,\n"
    "  code TEXT,\n"                /* the code of its first report */
    "  quad_class INTEGER,\n"
    "  goldstein REAL,\n"           /* mean over its reports */
    "  source TEXT,\n"              /* actor codes of its first report */
    "  target TEXT,\n"
    "  source_entity TEXT,\n"
    "  target_entity TEXT,\n"
    "  place TEXT,\n"
    "  place_name TEXT,\n"
    "  lat REAL,\n"
    "  lon REAL,\n"
    "  day_from INTEGER,\n"
    "  day_to INTEGER,\n"
    "  reports INTEGER NOT NULL DEFAULT 0,\n"   /* events merged into it */
    "  documents INTEGER NOT NULL DEFAULT 0);\n" /* distinct documents */
    "CREATE INDEX incidents_key ON incidents(root, day_from);\n"

    /* incident_reports: which events (reports) make up an incident, with their
    ** sources; quantity_sources: numbers for the same thing from different
    ** sources, side by side (one row per quantity with who said it and where) */
    LB_STORE_VIEWS

    /* Full-text search over documents (external content: no second copy).
    ** From version 3 the insert trigger is gone: lb_store_commit indexes
    ** the transaction's new documents in one statement. */
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text,\n"
    "  content='documents', content_rowid='doc');\n"
    "CREATE TRIGGER documents_fts_ins AFTER INSERT ON documents BEGIN\n"
    "  INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc, new.title, new.text);\n"
    "END;\n"
    "CREATE TRIGGER documents_fts_del AFTER DELETE ON documents BEGIN\n"
    "  INSERT INTO documents_fts(documents_fts, rowid, title, text)\n"
    "    VALUES ('delete', old.doc, old.title, old.text);\n"
    "END;\n"

    /* R*Trees over places: events by their place, entities by their geo. */
    "CREATE VIRTUAL TABLE events_geo USING rtree(event, min_lat, max_lat, min_lon, max_lon);\n"
    "CREATE VIRTUAL TABLE entities_geo USING rtree(ent, min_lat, max_lat, min_lon, max_lon);\n";

/* Version 5 (issue 20), the same text on both engines:
** - entities and events: the place's FIPS 10-4 country code (fips) and
**   its ADM1 code as GDELT writes it (adm1, "RS41");
** - events: `day`, the event's day as GDELT's Day column means it (YYYYMMDD:
**   the event's own date when it has a day, else the publication day; the
**   date filters and incidents keep day_from/day_to, the event's range),
**   `reported` (the publication date), and the PLOVER event, mode and
**   context of the CAMEO code;
** - indexes for the new filters (day, PLOVER event, mood).
** Events stored before keep NULL PLOVER fields (a new ingest of their
** documents fills them: `lagebild ingest` replaces a document whose
** content changed only); their day and reported are computed here. */
#define LB_STORE_V5 \
    "ALTER TABLE entities ADD COLUMN fips TEXT;\n" \
    "ALTER TABLE entities ADD COLUMN adm1 TEXT;\n" \
    "ALTER TABLE events ADD COLUMN fips TEXT;\n" \
    "ALTER TABLE events ADD COLUMN adm1 TEXT;\n" \
    "ALTER TABLE events ADD COLUMN day INTEGER;\n" \
    "ALTER TABLE events ADD COLUMN reported TEXT;\n" \
    "ALTER TABLE events ADD COLUMN plover_event TEXT;\n" \
    "ALTER TABLE events ADD COLUMN plover_mode TEXT;\n" \
    "ALTER TABLE events ADD COLUMN plover_context TEXT;\n" \
    "CREATE INDEX events_gdelt_day ON events(day);\n" \
    "CREATE INDEX events_plover ON events(plover_event);\n" \
    "CREATE INDEX events_mood ON events(mood);\n"
/* ... and the day and publication date of the events stored before; a
** publication date is one when it starts YYYY-MM-DD (the match is written
** per engine) */
#define LB_STORE_V5_DAYS(is_date) \
    "UPDATE events SET reported = (SELECT substr(d.published, 1, 10) FROM documents d\n" \
    "  WHERE d.doc = events.doc AND " is_date ");\n" \
    "UPDATE events SET day = CASE WHEN date_granularity = 'day' THEN day_from\n" \
    "  ELSE CAST(replace(reported, '-', '') AS INTEGER) END;\n"

/* Migrations: LB_STORE_MIGRATIONS[k] brings a store from version k+1 to
** k+2; a new store gets version 1 and then every migration. Append, never
** edit. */
static const char *const LB_STORE_MIGRATIONS[] = {
    /* 1 -> 2: find places by the words of a text ("Moskau") quickly */
    "CREATE INDEX IF NOT EXISTS mentions_text ON mentions(text COLLATE NOCASE);\n",
    /* 2 -> 3: the writer fills documents_fts once per transaction (one
    ** statement for the batch) instead of a trigger per document: FTS5
    ** flushes its pending index at every statement savepoint, so the
    ** trigger made one tiny index segment per document (5x the CPU). */
    "DROP TRIGGER IF EXISTS documents_fts_ins;\n",
    /* 3 -> 4: less work per document for the writer (docs/store.md,
    ** "Speed"); readers see the same rows and columns, except where said.
    ** - A document's sentences are one JSON array in documents.sentences,
    **   [[start,end],...] as in the picture (a third element 1 marks a
    **   headline), instead of 12.7 rows per document; the view `sentences`
    **   gives the rows and columns the table had.
    ** - mentions are keyed by (doc, n), n = the mention's index in its
    **   document, WITHOUT ROWID: the table is its own doc index, one b-tree
    **   insert less per mention. (They had only a rowid before.)
    ** - names: which texts an entity was written as ("Moskau" -> Q649),
    **   one row per distinct pair, replace the index mentions_text (a
    **   b-tree insert per mention; 15,000 pairs for 70,000 mentions).
    ** - documents_fts keeps no positions (detail=none): a third less FTS5
    **   work. It finds documents by words; phrase and NEAR queries are not
    **   supported, so query and serve AND the tokens of a word. */
    "ALTER TABLE documents ADD COLUMN sentences TEXT;\n"
    "UPDATE documents SET sentences = (SELECT json_group_array(CASE WHEN headline"
    "  THEN json_array(start, end, 1) ELSE json_array(start, end) END)"
    "  FROM (SELECT start, end, headline FROM sentences s WHERE s.doc = documents.doc"
    "  ORDER BY n));\n"
    "DROP TABLE sentences;\n"
    "CREATE VIEW sentences AS\n"
    "  SELECT d.doc AS doc, s.key AS n, json_extract(s.value, '$[0]') AS start,\n"
    "         json_extract(s.value, '$[1]') AS end,\n"
    "         coalesce(json_extract(s.value, '$[2]'), 0) AS headline\n"
    "  FROM documents d, json_each(d.sentences) s;\n"
    "CREATE TABLE mentions_v4(\n"
    "  doc INTEGER NOT NULL,\n"
    "  n INTEGER NOT NULL,\n"       /* index of the mention in its document */
    "  ent INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL,\n"
    "  end INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  actor TEXT,\n"
    "  role TEXT,\n"
    "  sentence INTEGER,\n"
    "  rule TEXT,\n"
    "  PRIMARY KEY(doc, n)) WITHOUT ROWID;\n"
    "INSERT INTO mentions_v4 SELECT doc, row_number() OVER (PARTITION BY doc ORDER BY rowid) - 1,"
    "  ent, start, end, text, actor, role, sentence, rule FROM mentions;\n"
    "DROP TABLE mentions;\n"
    "ALTER TABLE mentions_v4 RENAME TO mentions;\n"
    "CREATE INDEX mentions_ent ON mentions(ent);\n"
    "CREATE TABLE names(\n"
    "  text TEXT NOT NULL COLLATE NOCASE,\n"
    "  ent INTEGER NOT NULL,\n"      /* entities.ent */
    "  PRIMARY KEY(text, ent)) WITHOUT ROWID;\n"
    "INSERT OR IGNORE INTO names SELECT text, ent FROM mentions ORDER BY doc, n;\n"
    "DROP TABLE documents_fts;\n"
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text,\n"
    "  content='documents', content_rowid='doc', detail=none);\n"
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');\n",
    /* 4 -> 5: LB_STORE_V5 (both engines) */
    LB_STORE_V5 LB_STORE_V5_DAYS("d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"),
    /* 5 -> 6: replacing a document was 20x slower than adding one: the
    ** names its old version alone stood for were looked for in every row
    ** of `names` and every mention of each entity. Now the cleanup takes
    ** the document's own (text, entity) pairs (names' key) and asks, for
    ** each, whether another document has it: mentions are indexed by
    ** (ent, text) instead of ent alone (the same number of index entries;
    ** look-ups by ent use its first column). store.c, S_DEL_NAMES. */
    ("DROP INDEX IF EXISTS mentions_ent;\n"
     "CREATE INDEX mentions_ent_text ON mentions(ent, text COLLATE NOCASE);\n"),
};
#define LB_STORE_NMIGRATIONS 5

/* ---- PostgreSQL ---- */

/* The full text of a document as PostgreSQL indexes it: German and English
** documents through their text-search configurations (stemming, stop
** words), other languages word for word. The expression of the index
** documents_fts; queries write the same expression so the index is used. */
#define LB_STORE_PG_FTS_DOC                                                          \
  "to_tsvector(CASE lang WHEN 'de' THEN 'german'::regconfig WHEN 'en' THEN"          \
  " 'english'::regconfig ELSE 'simple'::regconfig END, coalesce(title, '') || ' ' ||" \
  " text)"
/* User words as a query for LB_STORE_PG_FTS_DOC (%d: the parameter): all the
** words, stemmed as each configuration stems them. plainto_tsquery reads
** any text as words, so no input is query syntax. */
#define LB_STORE_PG_FTS_QUERY                                                  \
  "(plainto_tsquery('german', ?%d) || plainto_tsquery('english', ?%d) ||"      \
  " plainto_tsquery('simple', ?%d))"

/* The schema on PostgreSQL, created in one transaction on a database
** without a `meta` table. Differences from SQLite, none visible in names or
** values: integer keys from sequences (bigserial); full text through the
** GIN index documents_fts over LB_STORE_PG_FTS_DOC instead of FTS5 (no
** second copy of the text); places through GiST indexes over
** point(lon, lat) instead of R*Trees (bounding boxes use `<@ box`);
** `names` is unique on lower(text) as SQLite's NOCASE key; the view
** `sentences` reads documents.sentences with json_array_elements. The
** pending list of the GIN index is 16 MB (4 MB by default): inserts add
** to it and it is merged into the index in bulk, which costs less per
** document. */
static const char LB_STORE_SCHEMA_PG[] =
    "CREATE TABLE meta(key text PRIMARY KEY, value text NOT NULL);\n"
    "CREATE TABLE documents(\n"
    "  doc bigserial PRIMARY KEY, id text NOT NULL UNIQUE, hash text NOT NULL, lang text,\n"
    "  published text, title text, url text, origin text, bytes bigint NOT NULL,\n"
    "  text text NOT NULL, warnings text, sentences text);\n"
    "CREATE INDEX documents_fts ON documents USING gin (" LB_STORE_PG_FTS_DOC ")\n"
    "  WITH (gin_pending_list_limit = 16384);\n"
    "CREATE VIEW sentences AS\n"
    "  SELECT d.doc AS doc, (s.n - 1)::integer AS n, (s.v->>0)::integer AS start,\n"
    "         (s.v->>1)::integer AS \"end\", coalesce((s.v->>2)::integer, 0) AS headline\n"
    "  FROM documents d, json_array_elements(d.sentences::json) WITH ORDINALITY AS s(v, n);\n"
    "CREATE TABLE entities(\n"
    "  ent bigserial PRIMARY KEY, id text NOT NULL UNIQUE, name text, type text, actor text,\n"
    "  country text, source text, geonameid bigint, lat double precision,\n"
    "  lon double precision, feature text, cc text, guess integer NOT NULL DEFAULT 0);\n"
    "CREATE INDEX entities_geo ON entities USING gist (point(lon, lat));\n"
    "CREATE TABLE mentions(\n"
    "  doc bigint NOT NULL, n integer NOT NULL, ent bigint NOT NULL, start integer NOT NULL,\n"
    "  \"end\" integer NOT NULL, text text NOT NULL, actor text, role text, sentence integer,\n"
    "  rule text, PRIMARY KEY(doc, n));\n"
    "CREATE INDEX mentions_ent ON mentions(ent);\n"
    "CREATE TABLE names(text text NOT NULL, ent bigint NOT NULL);\n"
    "CREATE UNIQUE INDEX names_key ON names(lower(text), ent);\n"
    "CREATE TABLE quantities(\n"
    "  doc bigint NOT NULL, n integer NOT NULL, start integer NOT NULL, \"end\" integer NOT NULL,\n"
    "  text text NOT NULL, value double precision, min double precision,\n"
    "  max double precision, approx integer NOT NULL DEFAULT 0, unit text, unit_text text,\n"
    "  category text, of text, place text, claim integer, sentence integer, rule text,\n"
    "  PRIMARY KEY(doc, n));\n"
    "CREATE INDEX quantities_unit ON quantities(unit, of);\n"
    "CREATE TABLE dates(\n"
    "  doc bigint NOT NULL, n integer NOT NULL, start integer NOT NULL, \"end\" integer NOT NULL,\n"
    "  text text NOT NULL, date_from text, date_to text, granularity text,\n"
    "  unresolved integer NOT NULL DEFAULT 0, duration integer NOT NULL DEFAULT 0,\n"
    "  sentence integer, rule text, PRIMARY KEY(doc, n));\n"
    "CREATE TABLE claims(\n"
    "  doc bigint NOT NULL, n integer NOT NULL, speaker text, speaker_text text, verb text,\n"
    "  start integer NOT NULL, \"end\" integer NOT NULL, text text, cue_start integer,\n"
    "  cue_end integer, speaker_start integer, speaker_end integer, sentence integer,\n"
    "  rule text, PRIMARY KEY(doc, n));\n"
    "CREATE TABLE events(\n"
    "  event bigserial PRIMARY KEY, doc bigint NOT NULL, n integer NOT NULL, code text,\n"
    "  root text, quad_class integer, goldstein double precision, source text,\n"
    "  source_entity text, target text, target_entity text, place text, place_name text,\n"
    "  lat double precision, lon double precision, cc text, geonameid bigint, feature text,\n"
    "  date text, date_granularity text, day_from integer, day_to integer, quantities text,\n"
    "  claim integer, sentence integer, start integer NOT NULL, \"end\" integer NOT NULL,\n"
    "  text text, rule text, mood text, incident bigint, UNIQUE(doc, n));\n"
    LB_STORE_EVENT_INDEXES
    "CREATE INDEX events_geo ON events USING gist (point(lon, lat));\n"
    "CREATE TABLE signals(\n"
    "  doc bigint NOT NULL, n integer NOT NULL, kind text NOT NULL, start integer NOT NULL,\n"
    "  \"end\" integer NOT NULL, detail text, rule text, PRIMARY KEY(doc, n));\n"
    "CREATE TABLE incidents(\n"
    "  incident bigserial PRIMARY KEY, root text NOT NULL, code text, quad_class integer,\n"
    "  goldstein double precision, source text, target text, source_entity text,\n"
    "  target_entity text, place text, place_name text, lat double precision,\n"
    "  lon double precision, day_from integer, day_to integer,\n"
    "  reports integer NOT NULL DEFAULT 0, documents integer NOT NULL DEFAULT 0);\n"
    "CREATE INDEX incidents_key ON incidents(root, day_from);\n"
    LB_STORE_VIEWS;

/* PostgreSQL migrations: LB_STORE_PG_MIGRATIONS[k] brings a PostgreSQL store
** from version k+4 to k+5 (a new one is created at 4 and gets them all). */
static const char *const LB_STORE_PG_MIGRATIONS[] = {
    /* 4 -> 5 */
    LB_STORE_V5 LB_STORE_V5_DAYS("d.published ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'"),
    /* 5 -> 6: as on SQLite, with names' key lower(text) */
    ("DROP INDEX IF EXISTS mentions_ent;\n"
     "CREATE INDEX mentions_ent_text ON mentions(ent, lower(text));\n"),
};
#define LB_STORE_PG_FIRST 4
#define LB_STORE_PG_NMIGRATIONS 2

#endif
