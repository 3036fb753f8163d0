/*
** test_scale.c -- the parts of issue 21 that need no server: SQL text for
** PostgreSQL (placeholders), passwords kept out of messages, the queue's
** message format (lb_jsonl_write read back by lb_jsonl_parse), the ingest
** engine's outcomes per document, and the refusals of a PostgreSQL URL
** without a server. The servers' side is tests/suite_scale.sh.
*/
#include "../src/read/jsonl.h"
#include "../src/store/db.h"
#include "../src/store/ingest.h"
#include "../src/store/query.h"
#include "../src/store/store.h"
#include "test.h"

static void check_pg_sql(const char *in, const char *want, int nparams) {
  char *out = NULL;
  int n = lb_db_pg_sql(in, &out);
  CHECK_INT(n, nparams);
  CHECK_STR(out ? out : "(null)", want);
  free(out);
}

TEST(scale_pg_placeholders) {
  check_pg_sql("SELECT doc FROM documents WHERE id = ?1", "SELECT doc FROM documents WHERE id = $1",
               1);
  /* ?N kept, ? numbered in order, the highest is the count */
  check_pg_sql("x = ?2 AND y = ?1 OR z = ?2", "x = $2 AND y = $1 OR z = $2", 2);
  check_pg_sql("a = ? AND b = ?", "a = $1 AND b = $2", 2);
  /* a ? inside a string, a quoted name or a comment is not a parameter */
  check_pg_sql("SELECT '?', \"a?b\" FROM t WHERE c = ?1 -- why?\n AND d LIKE ?1 || ' %'",
               "SELECT '?', \"a?b\" FROM t WHERE c = $1 -- why?\n AND d LIKE $1 || ' %'", 1);
  check_pg_sql("SELECT 'it''s ?' WHERE x = ?", "SELECT 'it''s ?' WHERE x = $1", 1);
  check_pg_sql("", "", 0);
}

TEST(scale_redact) {
  char out[256];
  lb_db_redact("postgresql://lagebild:s3cret@db.example.org:5432/news", out, sizeof out);
  CHECK_STR(out, "postgresql://lagebild:***@db.example.org:5432/news");
  lb_db_redact("postgresql://db/news?user=x&password=s3cret&sslmode=require", out, sizeof out);
  CHECK_STR(out, "postgresql://db/news?user=x&password=***&sslmode=require");
  lb_db_redact("host=db password=s3cret dbname=news", out, sizeof out);
  CHECK_STR(out, "host=db password=*** dbname=news");
  lb_db_redact("postgresql://lagebild@db/news", out, sizeof out);
  CHECK_STR(out, "postgresql://lagebild@db/news");
  /* a '@' after the host is not a password's end */
  lb_db_redact("postgresql://db/news?application_name=a:b@c", out, sizeof out);
  CHECK_STR(out, "postgresql://db/news?application_name=a:b@c");
  lb_store_display("news.db", out, sizeof out);
  CHECK_STR(out, "news.db");
  CHECK(lb_store_is_pg("postgres://x/y"));
  CHECK(!lb_store_is_pg("postgresql.db"));
}

/* One document written as a queue message and read back. */
static void round_trip(const lb_input *in) {
  lb_buf line = LB_BUF_INIT, scratch = LB_BUF_INIT;
  lb_jsonl_write(&line, in);
  CHECK(memchr(line.p, '\n', line.n) == NULL); /* one line */
  lb_input out;
  memset(&out, 0, sizeof out);
  size_t pos = 0;
  char msg[128];
  CHECK_INT(lb_jsonl_parse(line.p, line.n, NULL, &out, &scratch, &pos, msg, sizeof msg), 0);
  CHECK_INT(out.len, in->len);
  CHECK(out.text && memcmp(out.text, in->text, in->len) == 0);
  const char *a[] = {in->id, in->title, in->url, in->published, in->lang};
  const char *b[] = {out.id, out.title, out.url, out.published, out.lang};
  for (int i = 0; i < 5; i++) {
    CHECK((a[i] == NULL) == (b[i] == NULL));
    if (a[i] && b[i]) CHECK_STR(b[i], a[i]);
  }
  lb_buf_free(&line);
  lb_buf_free(&scratch);
}

TEST(scale_message_format) {
  /* the seed as read: every byte back, umlauts and quotes included */
  const lb_doc *d = t_seed();
  lb_input seed = {.id = "kursk-2024-11", .text = d->tx.text, .len = d->tx.len,
                   .published = "2024-11-11"};
  round_trip(&seed);
  /* bytes the reader repairs later (an invalid UTF-8 byte, a NUL, control
  ** characters) travel as they are, so the worker warns as ingest does */
  static const char raw[] = "Ein \"Zitat\" \\ mit\tTab,\nZeile, \x01, \xff und \0 Ende";
  lb_input bad = {.id = "x\"y", .text = raw, .len = sizeof raw - 1, .title = "Tit\x7f",
                  .url = "https://example.org/a b", .lang = "de"};
  round_trip(&bad);
  lb_buf line = LB_BUF_INIT;
  lb_jsonl_write(&line, &bad);
  CHECK(strstr(line.p, "\\u0001") != NULL);
  CHECK(strstr(line.p, "\\u0000 Ende") != NULL);
  CHECK(strstr(line.p, "\xff") != NULL); /* not escaped, not replaced */
  CHECK(strncmp(line.p, "{\"id\":\"x\\\"y\",\"title\":", 21) == 0);
  lb_buf_free(&line);
  lb_input empty = {.text = "", .len = 0};
  round_trip(&empty);
}

/* What the ingest engine reports per document. */
typedef struct outcome {
  int n, status[8];
  void *tag[8];
} outcome;


static void on_done(void *ctx, void *tag, int status, const char *msg) {
  (void)msg;
  outcome *o = ctx;
  if (o->n < 8) {
    o->status[o->n] = status;
    o->tag[o->n] = tag;
  }
  o->n++;
}

TEST(scale_ingest_engine) {
  const char *path = t_tmp_path("engine.db");
  t_rm_db(path);
  char err[512];
  outcome o;
  memset(&o, 0, sizeof o);
  lb_ingest_opts io = {.threads = 2, .done = on_done, .ctx = &o};
  lb_ingest *g = lb_ingest_open(t_engine(), path, NULL, &io, err, sizeof err);
  CHECK(g != NULL);
  if (!g) return;
  lb_input a = {.id = "a", .text = "Russland hat am Montag die Ukraine angegriffen.", .len = 47,
                .published = "2024-11-11"};
  lb_input b = {.id = "b", .text = "Die Ukraine hat Drohnen auf Moskau geschickt.", .len = 45,
                .published = "2024-11-11"};
  static int ta, tb, ta2;
  CHECK_INT(lb_ingest_add(g, &a, "t1", &ta), 0);
  CHECK_INT(lb_ingest_add(g, &b, "t1", &tb), 0);
  CHECK_INT(o.n, 0); /* nothing reported before the commit */
  CHECK_INT(lb_ingest_finish(g), LB_OK);
  CHECK_INT(o.n, 2);
  CHECK(o.tag[0] == &ta && o.tag[1] == &tb);
  CHECK_INT(o.status[0], LB_INGEST_ADDED);
  /* known now: skipped before extraction, reported as such; a new
  ** version of b replaces it */
  CHECK_INT(lb_ingest_add(g, &a, "t1", &ta2), 0);
  b.title = "neu";
  CHECK_INT(lb_ingest_add(g, &b, "t2", &tb), 0);
  CHECK_INT(lb_ingest_finish(g), LB_OK);
  CHECK_INT(o.n, 4);
  CHECK(o.tag[2] == &ta2);
  CHECK_INT(o.status[2], LB_INGEST_KNOWN);
  CHECK_INT(o.status[3], LB_INGEST_REPLACED);
  lb_ingest_counts c;
  lb_ingest_counts_get(g, &c);
  CHECK_INT(c.added, 2);
  CHECK_INT(c.replaced, 1);
  CHECK_INT(c.known, 1);
  CHECK_INT(c.failed, 0);
  lb_ingest_close(g);
  lb_store *s;
  CHECK_INT(lb_store_open(path, LB_STORE_READ, NULL, &s, err, sizeof err), LB_OK);
  if (s) {
    lb_store_filter f;
    memset(&f, 0, sizeof f);
    lb_store_rows *r = lb_store_select(s, LB_Q_API_STATS, &f, err, sizeof err);
    CHECK(r && lb_store_next(r) == 1);
    if (r) CHECK_INT(lb_store_int(r, 0), 2); /* documents */
    lb_store_rows_free(r);
    lb_store_close(s);
  }
  t_rm_db(path);
}

TEST(scale_pg_refusals) {
  /* no server on port 1: a clear message, the password not in it */
  char err[512];
  lb_store *s = NULL;
  lb_err e = lb_store_open("postgresql://lb:s3cret@127.0.0.1:1/news?connect_timeout=2",
                           LB_STORE_READ, NULL, &s, err, sizeof err);
  CHECK_INT(e, LB_ERR_DB);
  CHECK(s == NULL);
  CHECK(strstr(err, "cannot connect to PostgreSQL") != NULL);
  CHECK(strstr(err, "postgresql://lb:***@127.0.0.1:1/news") != NULL);
  CHECK(strstr(err, "s3cret") == NULL);
}
