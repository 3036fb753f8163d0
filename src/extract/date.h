/*
** date.h -- dates and times resolved against the publication date.
**
** The stage finds absolute dates ("11. November 2024", "am 9.11.", "9. bis
** 10. November", "November 11, 2024", a year "2024"), relative ones
** ("gestern", "am Wochenende", "letzte Woche", "vor drei Tagen", "seit
** August", "seit Monaten", "in der Nacht zum Sonntag", "Anfang des Monats"),
** named periods ("seit dem Zweiten Weltkrieg" -> 1939..1945) and durations
** ("in 24 Stunden": duration = 1, no point in time). Words come from the
** lexicon tables month, wday, dword, dprep, dperiod, dart (data/LANG/dates.tsv)
** and the time units of table unit. Without a publication date relative
** dates get unresolved = 1 and from/to NULL, and the document a warning.
** A day the month does not have ("31.02.2024", "29.02.2023") is no date:
** the document gets a warning that names it and its byte offset.
*/
#ifndef LB_DATE_H
#define LB_DATE_H

#include <stdint.h>

struct lb_doc;
struct lb_date;

/* Stage "dates": reads toks, sents, lang, tx->lexdoc, d->nummark (stage
** "marks") and the publication date; writes d->dates. */
void lb_date_run(struct lb_doc *d);

/*
** The first date of d that lies inside the byte span [start, end) and is a
** point or period in time (not a duration), or NULL. For the events stage.
*/
const struct lb_date *lb_date_in_span(const struct lb_doc *d, uint32_t start, uint32_t end);

/* Does s start with a date YYYY-MM-DD (years 1000..9999; what follows is
** not looked at: "2024-11-11T08:00Z")? 1 with *y, *m, *d set; 0 when s is
** not of that form; -1 when it is but the day does not exist ("2024-02-30",
** "2023-02-29"). */
int lb_date_iso(const char *s, int *y, int *m, int *d);

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian). */
long lb_date_days(int y, int m, int day);
void lb_date_civil(long days, int *y, int *m, int *day);

#endif
