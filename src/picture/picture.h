/*
** picture.h -- serialising a document's picture (JSON, docs/OUTPUT.md).
*/
#ifndef LB_PICTURE_H
#define LB_PICTURE_H

#include "../base/buf.h"
#include "../doc/doc.h"

/* Append the picture of d as one JSON object (no newline) to b. */
void lb_pic_json(lb_buf *b, const lb_doc *d);

/* Flags of lb_pic_json_ex. */
enum { LB_PIC_WORDS = 1 /* add "words": the analysed words (extract --syntax) */ };
void lb_pic_json_ex(lb_buf *b, const lb_doc *d, unsigned flags);

/* Append d's words as CoNLL-U (`lagebild parse`): "# doc_id", "# sent_id"
** and "# text" per sentence, contractions as multiword lines, byte offsets
** in MISC as TokenRange=START:END. */
void lb_pic_conllu(lb_buf *b, const lb_doc *d);

#endif
