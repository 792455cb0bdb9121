/*
 * zone.h: the time zones pages show beside their times.
 *
 * Vietnamese-language pages abroad (RFI, DW, NHK, Sputnik, BBC, VOA, the
 * papers of California) show their times in their own zone, and say so:
 * "19:20 giờ Paris (GMT+1)", "19:00 (Giờ Nhật Bản)", "9:15:40 AM PDT",
 * "21:10 (UTC-4)". A zone shown to readers is believed; metadata's are
 * not (date.c).
 */
#ifndef LUOT_ZONE_H
#define LUOT_ZONE_H

#include <stddef.h>

/*
 * The zone a lowered text shows at low[i], after a time: 1 with its offset
 * from UTC in minutes at the local day year-month-day (summer time
 * counted where the zone keeps it) in *off, and *american set when it is
 * a zone of the United States (whose pages write the month first), *end
 * past it; 0 when no zone is shown there.
 */
int zone_shown(const char *low, size_t i, int year, int month, int day, int *off,
    int *american, size_t *end);

#endif
