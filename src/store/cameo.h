/*
** cameo.h -- what the store knows of the CAMEO code book: the parts of an
** actor code (for GDELT's actor columns), the event codes and the PLOVER
** event names (to tell a filter that names none of them).
**
** The tables are compiled from data/cameo/ and the PLOVER table by
** tools/gen_cameo.js (build/gen/cameo.inc): `lagebild query` and `export`
** open no lexicon. An actor code is a row of three-letter parts: a country
** or region (RUS, EUR), types (GOV, MIL, REB, IGO, NGO, MNC, IMG ...),
** religions (CHR, MUS; CTH, SHI ...) and a known group (UNO, NAT, ISI ...):
** RUSMIL is country RUS and type MIL, IGOUNO type IGO and group UNO,
** IMGMUSISI type IMG, religion MUS and group ISI.
*/
#ifndef LB_STORE_CAMEO_H
#define LB_STORE_CAMEO_H

#include <stddef.h>

/* The kinds of an actor code's part (bits: MUS is Mauritius and Islam). */
enum {
  LB_CAMEO_COUNTRY = 1, LB_CAMEO_TYPE = 2, LB_CAMEO_RELIGION = 4, LB_CAMEO_RELIGION2 = 8,
  LB_CAMEO_GROUP = 16
};

/* An actor code split as GDELT's Actor* columns are (empty strings for the
** parts it has not). The ethnic part is always empty: no code of ours has
** one. */
typedef struct lb_cameo_actor {
  char country[4], group[4], ethnic[4], religion1[4], religion2[4];
  char type[3][4];
} lb_cameo_actor;

/* Split code into its parts: a country or region first (a part that is a
** country and a religion is the country only at the front: IMGMUSISI),
** then religions, types, and a known group. 0 when every part is known;
** -1 when code is no actor code (not rows of three capitals, or a part the
** code book does not have), with a message in msg (may be NULL) naming the
** part; out has what was understood either way. */
int lb_cameo_actor_split(const char *code, lb_cameo_actor *out, char *msg, size_t n);

/* Is code a CAMEO event code of the code book (2 to 4 digits: "19",
** "190", "1951")? */
int lb_cameo_event_known(const char *code);

/* Is name a PLOVER event ("ASSAULT", "PROTEST")? The names, comma-separated,
** into out (for messages). */
int lb_cameo_plover_known(const char *name);
void lb_cameo_plover_list(char *out, size_t n);

#endif
