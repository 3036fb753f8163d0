/*
** pubdate.h -- publication dates as people and programs write them, made
** into RFC 3339.
**
** Feeds write RFC 822 ("Mon, 11 Nov 2024 08:30:00 +0100"), Atom, HTML
** metadata and JSON-LD RFC 3339 / ISO 8601 ("2024-11-11T08:30:00+01:00"),
** German pages and hand-made JSON Lines "11.11.2024", "11. November 2024"
** or "Montag, 11. Nov. 2024, 08:30 Uhr", English ones "November 11, 2024"
** or "11 Nov 2024". lb_pubdate_parse reads all of these (month and weekday
** names: data/read/months.txt) and writes "YYYY-MM-DD", followed by
** "THH:MM:SS" when a time is given and by the offset ("Z", "+01:00") when
** a zone is: the date stays the writer's local date, which is what
** "yesterday" in the text is relative to. Numeric dates with slashes
** (11/10/2024: which is the month?) are refused.
*/
#ifndef LB_PUBDATE_H
#define LB_PUBDATE_H

#include <stddef.h>

/* Room for the longest result, "YYYY-MM-DDTHH:MM:SS+HH:MM", and its NUL. */
#define LB_PUBDATE_MAX 26

/* Parse s[0..n) into out (RFC 3339 as above). Returns the length written,
** or 0 when s is no date this reads (out is then ""). Years 1000-9999. */
size_t lb_pubdate_parse(const char *s, size_t n, char out[LB_PUBDATE_MAX]);

#endif
