/* pk-swedish.c: the Swedish of printed documents (dates), whatever language the app speaks. */
#include "config.h"

#include <stdio.h>

#include "pk-swedish.h"

char *
pk_swedish_long_date (const char *iso_date)
{
  static const char * const months[] = {
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
  };
  static const char * const weekdays[] = {
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
  };
  unsigned year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL || sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  date = g_date_time_new_utc ((int) year, (int) month, (int) day, 12, 0, 0);
  return g_strdup_printf ("%s %u %s %u", weekdays[g_date_time_get_day_of_week (date) - 1], day,
                          months[month - 1], year);
}
