/*
** fuzz_serve.c -- libFuzzer target: the JSON API of `lagebild serve`.
**
** The input is a request: the first line is the URL path, every further
** line "key=value" is a query parameter (at most LB_SRV_MAX_PARAMS, as the
** server passes them). It is answered by lb_srv_api over a small store made
** once at start (two documents, events with places, a claim, a quantity,
** an incident; text with umlauts, an emoji and an invalid byte). Checks:
** the status is one the API documents; the body is valid JSON; an error
** body names the same status; and the store is unchanged afterwards.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/serve/api.h"
#include "../src/store/store.h"
#include "fuzz_check.h"

static lb_srv_db *db;
static char path[64];
static lb_buf out;

static void cleanup(void) {
  lb_srv_db_close(db);
  lb_buf_free(&out);
  char b[80];
  unlink(path);
  snprintf(b, sizeof b, "%s-wal", path);
  unlink(b);
  snprintf(b, sizeof b, "%s-shm", path);
  unlink(b);
}

static const char ROWS[] =
    "INSERT INTO documents(doc,id,hash,lang,published,title,bytes,text) VALUES"
    " (1,'d1','0','de','2024-11-11','Kursk <b>',40,'Größere Truppen 🙂 bei Kursk; Moskau.\x1a ok'),"
    " (2,'https://x.org/a b','1','de','2024-11-12',NULL,5,'Hallo');"
    "INSERT INTO entities(ent,id,name,type,actor,country,lat,lon,geonameid) VALUES"
    " (1,'Q159','Russia','GPE','RUS','RUS',61.5,105,NULL),"
    " (2,'Q1','Kursk Oblast','LOC',NULL,'RUS',51.7,36.2,538555);"
    "INSERT INTO mentions VALUES (1,0,2,37,42,'Kursk',NULL,'place',0,'lex:geonames');"
    "INSERT INTO names VALUES ('Kursk',2);"
    "INSERT INTO quantities(doc,n,start,end,text,value,approx,unit,claim,rule) VALUES"
    " (1,0,0,15,'Größere Truppen',NULL,1,'troops',0,'de:qty:vague');"
    "INSERT INTO claims(doc,n,speaker,verb,start,end,sentence,rule) VALUES"
    " (1,0,'Q159','sagen',0,40,0,'de:rverb:sagen');"
    "INSERT INTO events(event,doc,n,code,root,quad_class,source,source_entity,target,place,"
    " place_name,lat,lon,date,day_from,day_to,quantities,claim,start,end,rule,incident) VALUES"
    " (1,1,0,'154','15',4,'RUSMIL','Q159','UKRMIL','Q1','Kursk Oblast',51.7,36.2,'2024-11',"
    "  20241101,20241130,'[0]',0,0,40,'de:verb:x',1),"
    " (2,1,1,'195','19',4,'UKR',NULL,'RUS',NULL,'Moscow',55.75,37.62,'2024-11-09',20241109,"
    "  20241110,'[]',NULL,45,50,'de:verb:y',NULL);"
    "INSERT INTO events_geo VALUES (1,51.7,51.7,36.2,36.2),(2,55.75,55.75,37.62,37.62);"
    "INSERT INTO incidents(incident,root,code,quad_class,source,target,place_name,lat,lon,"
    " day_from,reports,documents) VALUES (1,'15','154',4,'RUSMIL','UKRMIL','Kursk Oblast',"
    " 51.7,36.2,20241101,1,1);"
    "INSERT INTO signals VALUES (1,0,'imperial_unit',100,200,'out of range','x');"
    "UPDATE documents SET sentences = '[[0,40]]' WHERE doc = 1;";

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  snprintf(path, sizeof path, "/tmp/lagebild-fuzz-serve-%d.db", (int)getpid());
  unlink(path);
  char err[512];
  lb_store *s;
  if (lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err) != LB_OK) {
    fprintf(stderr, "fuzz_serve: %s\n", err);
    abort();
  }
  char *msg = NULL;
  if (sqlite3_exec(lb_store_db(s), ROWS, NULL, NULL, &msg) != SQLITE_OK) {
    fprintf(stderr, "fuzz_serve: %s\n", msg);
    abort();
  }
  lb_store_close(s);
  db = lb_srv_db_open(path, err, sizeof err);
  if (!db) {
    fprintf(stderr, "fuzz_serve: %s\n", err);
    abort();
  }
  atexit(cleanup);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 4096) return 0;
  /* lines into NUL-terminated strings (a NUL in the input ends a string
  ** early, as libmicrohttpd's decoding would) */
  char *buf = malloc(size + 1);
  memcpy(buf, data, size);
  buf[size] = 0;
  lb_srv_param ps[LB_SRV_MAX_PARAMS];
  size_t n = 0;
  char *line = strchr(buf, '\n');
  if (line) *line++ = 0;
  while (line && n < LB_SRV_MAX_PARAMS) {
    char *next = strchr(line, '\n');
    if (next) *next++ = 0;
    char *eq = strchr(line, '=');
    if (eq) *eq++ = 0;
    ps[n].key = line;
    ps[n].val = eq ? eq : "";
    n++;
    line = next;
  }
  char p[4200];
  snprintf(p, sizeof p, "/api/%s", buf);
  int status = lb_srv_api(db, buf[0] == '/' ? buf : p, ps, n, &out);
  FZ_ASSERT(status == 200 || status == 400 || status == 404 || status == 503);
  FZ_ASSERT(out.p && fz_json_valid(out.p, out.n));
  if (status != 200) {
    char want[64];
    snprintf(want, sizeof want, "{\"error\":{\"status\":%d,", status);
    FZ_ASSERT(strncmp(out.p, want, strlen(want)) == 0);
  }
  /* nothing a request does changes the store */
  lb_srv_param none;
  FZ_ASSERT(lb_srv_api(db, "/api/stats", &none, 0, &out) == 200);
  FZ_ASSERT(strcmp(out.p, "{\"documents\":2,\"entities\":2,\"mentions\":1,\"quantities\":1,"
                          "\"claims\":1,\"events\":2,\"incidents\":1}") == 0);
  free(buf);
  return 0;
}
