/*
** assets.h -- the web page's files, embedded in the binary at build time.
**
** mk/web.mk runs web/embed.js, which turns web/ (the page), Leaflet (npm
** `leaflet`) and the world outlines (npm `world-atlas`, converted from
** TopoJSON to GeoJSON) into build/gen/web_assets.inc. The server looks files
** up here by exact URL path: there is no file system access at run time, so
** a path such as "/../../etc/passwd" can only ever miss.
*/
#ifndef LB_SRV_ASSETS_H
#define LB_SRV_ASSETS_H

#include <stddef.h>

typedef struct lb_srv_asset {
  const char *path;            /* URL path, e.g. "/app.js" */
  const char *mime;            /* Content-Type value */
  const unsigned char *data;   /* the bytes */
  size_t len;
  const unsigned char *gz;     /* the same, gzip-compressed */
  size_t gzlen;
} lb_srv_asset;

/* The asset served at URL path `path` (exact match), or NULL. */
const lb_srv_asset *lb_srv_asset_find(const char *path);

/* Number of embedded assets and the i-th one (for listings and tests). */
size_t lb_srv_asset_count(void);
const lb_srv_asset *lb_srv_asset_at(size_t i);

#endif
