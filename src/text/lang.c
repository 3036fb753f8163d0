/*
** lang.c -- language identification.
** (Stub until the n-gram model lands: German unless told otherwise.)
*/
#include "lang.h"

#include "../picture/doc.h"

void lb_lang_run(lb_doc *d) {
  if (!d->lang) d->lang = "de";
}
