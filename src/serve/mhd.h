/*
** mhd.h -- libmicrohttpd, loaded when a server starts.
**
** Why not link it: libmicrohttpd pulls in GnuTLS and its eight libraries,
** whose loading, relocation and constructors cost ~5 ms at every start of
** every command (measured with `perf stat -r 30` on a program that links
** only -lmicrohttpd: 8.1 ms vs 2.9 ms for an empty one), while only
** `lagebild serve` uses it. Start-up of `lagebild extract` must stay under
** 20 ms (issue 4), so serve.c calls the library through this table, filled
** by lb_mhd_load with dlopen/dlsym. The macros below keep serve.c written
** against the library's own names; the types come from its header.
*/
#ifndef LB_MHD_H
#define LB_MHD_H

#include <microhttpd.h>
#include <stddef.h>

typedef struct lb_mhd_api {
  __typeof__(MHD_start_daemon) *start_daemon;
  __typeof__(MHD_stop_daemon) *stop_daemon;
  __typeof__(MHD_get_daemon_info) *get_daemon_info;
  __typeof__(MHD_create_response_from_buffer) *create_response_from_buffer;
  __typeof__(MHD_add_response_header) *add_response_header;
  __typeof__(MHD_destroy_response) *destroy_response;
  __typeof__(MHD_queue_response) *queue_response;
  __typeof__(MHD_get_connection_values) *get_connection_values;
  __typeof__(MHD_lookup_connection_value) *lookup_connection_value;
  __typeof__(MHD_get_connection_info) *get_connection_info;
} lb_mhd_api;

extern lb_mhd_api lb_mhd;

/* Load the library once (thread-safe). Returns 0, or -1 with a message
** naming the library and what is missing in err. */
int lb_mhd_load(char *err, size_t errlen);

#ifndef LB_MHD_IMPL
#define MHD_start_daemon lb_mhd.start_daemon
#define MHD_stop_daemon lb_mhd.stop_daemon
#define MHD_get_daemon_info lb_mhd.get_daemon_info
#define MHD_create_response_from_buffer lb_mhd.create_response_from_buffer
#define MHD_add_response_header lb_mhd.add_response_header
#define MHD_destroy_response lb_mhd.destroy_response
#define MHD_queue_response lb_mhd.queue_response
#define MHD_get_connection_values lb_mhd.get_connection_values
#define MHD_lookup_connection_value lb_mhd.lookup_connection_value
#define MHD_get_connection_info lb_mhd.get_connection_info
#endif

#endif
