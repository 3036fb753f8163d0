/*
** picture.h -- serialising a document's picture (JSON, docs/OUTPUT.md).
*/
#ifndef LB_PICTURE_H
#define LB_PICTURE_H

#include "../base/buf.h"
#include "../doc/doc.h"

/* Append the picture of d as one JSON object (no newline) to b. */
void lb_pic_json(lb_buf *b, const lb_doc *d);

#endif
