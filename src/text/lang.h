/*
** lang.h -- language identification (character n-gram model).
**
** Tells the language of a text from its first LB_LANG_WINDOW bytes with the
** character n-gram fingerprints of libexttextcat (Debian's libexttextcat-data,
** listed in data/lang/languages.txt and compiled into a C table at build time
** by data/lang/gen_lang.sh). Cyrillic texts are also split by letters that
** only Ukrainian (і ї є ґ) or only Russian (ы э ё) uses. The result is an
** ISO 639-1 code ("de", "en", "fr", "ru", "uk", ...), or NULL when the text
** has no letters at all (empty text, only digits or punctuation).
*/
#ifndef LB_LANG_H
#define LB_LANG_H

#include <stddef.h>

#include "../doc/text.h"

/* Bytes looked at: the first 1 KiB (cut back to a character boundary). */
#define LB_LANG_WINDOW 1024

/* Stage "text": set tx->lang from the text unless the caller gave one
** (tx->lang_given); a tx->lang that was not given is a hint (the language
** the source declares). A text without letters gets NULL ("lang": null). */
void lb_lang_run(lb_text *tx);

/* The ISO 639-1 code of text[0..len) (valid UTF-8), a static string, or NULL
** when it has no letters. Short texts get the best guess; ties go to the
** language listed first in data/lang/languages.txt (German). Thread-safe; no
** allocation after the first call. */
const char *lb_lang_detect(const char *text, size_t len);

/* lb_lang_detect with the language the source declares (<html lang>, a
** feed's language; NULL for none) as a hint: it decides between close
** candidates of a short text, never on a longer one. */
const char *lb_lang_detect_hint(const char *text, size_t len, const char *hint);

/* Number of languages in the model, and the code of the i-th (for tests and
** `--help`); NULL when i is out of range. */
size_t lb_lang_count(void);
const char *lb_lang_code(size_t i);

#endif
