/*
** assets.c -- lookup in the embedded web assets (see assets.h).
*/
#include "assets.h"

#include <string.h>

#include "web_assets.inc" /* build/gen/, written by web/embed.js */

#define NASSETS (sizeof ASSETS / sizeof ASSETS[0])

const lb_srv_asset *lb_srv_asset_find(const char *path) {
  /* A dozen entries: a linear scan is cheaper than anything cleverer. */
  for (size_t i = 0; i < NASSETS; i++)
    if (strcmp(ASSETS[i].path, path) == 0) return &ASSETS[i];
  return NULL;
}

size_t lb_srv_asset_count(void) { return NASSETS; }

const lb_srv_asset *lb_srv_asset_at(size_t i) { return i < NASSETS ? &ASSETS[i] : NULL; }
