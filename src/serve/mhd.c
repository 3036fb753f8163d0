/*
** mhd.c -- load libmicrohttpd at run time (see mhd.h for why).
*/
#define LB_MHD_IMPL
#include "mhd.h"

#include "../base/dl.h"

lb_mhd_api lb_mhd;

/* The functions, in the order of lb_mhd_api's fields. */
static const char *const SYMS[] = {
    "MHD_start_daemon",      "MHD_stop_daemon",         "MHD_get_daemon_info",
    "MHD_create_response_from_buffer", "MHD_add_response_header", "MHD_destroy_response",
    "MHD_queue_response",    "MHD_get_connection_values", "MHD_lookup_connection_value",
    "MHD_get_connection_info"};
#define NSYMS (sizeof SYMS / sizeof *SYMS)
_Static_assert(sizeof(lb_mhd_api) == NSYMS * sizeof(void *), "one pointer per function");

/* The library's run-time name: the soname Debian's libmicrohttpd12 ships,
** then the development link. */
static const char *const NAMES[] = {"libmicrohttpd.so.12", "libmicrohttpd.so", NULL};

int lb_mhd_load(char *err, size_t errlen) {
  static lb_dl dl = LB_DL_INIT;
  return lb_dl_load(&dl, NAMES, "libmicrohttpd12", "libmicrohttpd 0.9.71 or newer", SYMS, NSYMS,
                    &lb_mhd, err, errlen);
}
