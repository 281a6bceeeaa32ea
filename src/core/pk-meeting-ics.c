/* pk-meeting-ics.c: a meeting as a calendar invitation (iCalendar, RFC 5545 / iTIP, RFC 5546).
 *
 * libical writes the calendar, from a module (libprotokoll-ics, pk-meeting-ics-libical.c) loaded
 * the first time an invitation is made: linked into the program, libical and the three ICU
 * libraries it brings were loaded and relocated at every start of the app (about 4 ms of
 * bench/run startup) for a file made now and then. The module is found as the PDF module is
 * (pk-module.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <stdio.h>
#include <string.h>

#include "pk-agenda.h"
#include "pk-agenda-item.h"
#include "pk-database-private.h"
#include "pk-meeting-ics.h"
#include "pk-module.h"
#include "pk-person.h"
#include "pk-swedish.h"
#include "pk-util.h"

G_DEFINE_QUARK (pk-ics-error-quark, pk_ics_error)

gboolean
pk_ics_is_email (const char *address)
{
  const char *at;

  if (address == NULL || !g_utf8_validate (address, -1, NULL))
    return FALSE;
  at = strchr (address, '@');
  if (at == NULL || at == address || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = address; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || strchr ("<>()[]\\,;:\"?%#/", c) != NULL)
        return FALSE;
    }
  return TRUE;
}

static void
append_presenters (GString      *text,
                   PkAgendaItem *item,
                   const char   *indent)
{
  GListModel *presenters = G_LIST_MODEL (pk_agenda_item_get_presenters (item));
  guint n = g_list_model_get_n_items (presenters);

  if (n == 0)
    return;
  g_string_append_printf (text, "%sFöredragande: ", indent);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkPerson) person = g_list_model_get_item (presenters, i);

      if (i > 0)
        g_string_append (text, i + 1 == n ? " och " : ", ");
      g_string_append (text, pk_person_get_name (person) ? pk_person_get_name (person) : "");
      if (pk_str_or_null (pk_person_get_title (person)) != NULL)
        g_string_append_printf (text, ", %s", pk_person_get_title (person));
    }
  g_string_append_c (text, '\n');
}

static void
append_line (GString    *text,
             const char *label,
             const char *value)
{
  if (pk_str_or_null (value) != NULL)
    g_string_append_printf (text, "%s: %s\n", label, value);
}

/* The kallelse in a few lines: what, when, where, then the föredragningslista with each item's
 * planned start (or length, without a start time) and its presenters. */
static char *
description_text (PkMeeting *meeting)
{
  g_autoptr(PkTimePlan) plan = pk_time_plan_new (meeting);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *long_date = pk_swedish_long_date (pk_meeting_get_date (meeting));
  g_autofree char *time_text = NULL;
  const char *start = pk_meeting_get_start_time (meeting);
  const char *end = pk_meeting_get_end_time (meeting);
  gboolean has_start = pk_time_parse (start) >= 0;

  if (pk_str_or_null (pk_meeting_get_body (meeting)) != NULL)
    g_string_append_printf (text, "%s\n", pk_meeting_get_body (meeting));
  if (pk_str_or_null (pk_meeting_get_title (meeting)) != NULL)
    g_string_append_printf (text, "%s\n", pk_meeting_get_title (meeting));
  append_line (text, "Datum", long_date != NULL ? long_date : pk_meeting_get_date (meeting));
  if (has_start)
    time_text = pk_time_parse (end) >= 0 ? g_strdup_printf ("%s–%s", start, end) : g_strdup_printf ("kl. %s", start);
  append_line (text, "Tid", time_text);
  append_line (text, "Plats", pk_meeting_get_place (meeting));
  append_line (text, "Länk", pk_meeting_get_online_link (meeting));
  append_line (text, "Dnr", pk_meeting_get_dnr (meeting));

  g_string_append (text, "\nFöredragningslista\n");
  for (guint i = 0; i < plan->items->len; i++)
    {
      PkPlannedItem *planned = &g_array_index (plan->items, PkPlannedItem, i);
      PkAgendaItem *item = planned->item;
      guint depth = pk_agenda_item_get_depth (item);
      g_autofree char *indent = g_strnfill (depth * 3, ' ');
      g_autofree char *sub_indent = g_strnfill (depth * 3 + 3, ' ');
      g_autofree char *at = has_start ? pk_time_plan_format_time (planned->start_min) : NULL;
      int duration = pk_agenda_item_get_duration_min (item);

      const char *number = pk_agenda_item_get_number (item);

      /* "1. Val av justerare", "2.1 Delårsrapport", as a föredragningslista numbers them. */
      g_string_append_printf (text, "%s%s%s %s", indent, number, strchr (number, '.') ? "" : ".",
                              pk_agenda_item_get_title (item));
      if (at != NULL && !planned->no_duration)
        g_string_append_printf (text, " (%s, %d min)", at, duration);
      else if (at != NULL)
        g_string_append_printf (text, " (%s)", at);
      else if (!planned->no_duration)
        g_string_append_printf (text, " (%d min)", duration);
      g_string_append_c (text, '\n');
      append_presenters (text, item, sub_indent);
    }
  if (plan->items->len == 0)
    g_string_append (text, "Inga ärenden.\n");
  else if (plan->end_min >= 0 && plan->total_min > 0)
    {
      g_autofree char *planned_end = pk_time_plan_format_time (plan->end_min);
      g_string_append_printf (text, "\nBeräknad sluttid %s\n", planned_end);
    }
  /* No line break at the very end: clients show it as an empty line. */
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A meeting with a start and neither an end time nor a time plan gets an hour. */
#define DEFAULT_LENGTH_MIN 60

typedef char *(*MeetingToIcsFunc) (PkMeeting          *meeting,
                                   const PkIcsOptions *options,
                                   const PkIcsTimes   *times,
                                   GError            **error);

static MeetingToIcsFunc meeting_to_ics;
static char *load_error;

static gpointer
load_module (gpointer data)
{
  g_autofree char *path = pk_module_find ("libprotokoll-ics.so", "PROTOKOLL_ICS_MODULE");
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  guint *version = NULL;

  if (module == NULL)
    {
      load_error = g_strdup_printf (_("The calendar module %s could not be loaded: %s"), path, g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, "pk_ics_module_version", (gpointer *) &version) || version == NULL ||
      *version != PK_ICS_MODULE_VERSION ||
      !g_module_symbol (module, "pk_ics_module_meeting_to_ics", (gpointer *) &meeting_to_ics))
    {
      meeting_to_ics = NULL;
      load_error = g_strdup_printf (_("The calendar module %s is not the one this version of Protokoll needs."), path);
      g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);
  return NULL;
}

char *
pk_meeting_to_ics (PkMeeting          *meeting,
                   const PkIcsOptions *options,
                   GError            **error)
{
  static GOnce once = G_ONCE_INIT;

  g_return_val_if_fail (PK_IS_MEETING (meeting), NULL);

  g_once (&once, load_module, NULL);
  if (meeting_to_ics == NULL)
    {
      g_set_error_literal (error, PK_ICS_ERROR, PK_ICS_ERROR_MODULE, load_error);
      return NULL;
    }
  {
    g_autofree char *description = NULL;
    g_autoptr(PkTimePlan) plan = NULL;
    int start = pk_time_parse (pk_meeting_get_start_time (meeting));
    int end = pk_time_parse (pk_meeting_get_end_time (meeting));
    PkIcsTimes times = { .start_min = start, .end_min = -1 };

    if (pk_str_or_null (pk_meeting_get_start_time (meeting)) != NULL && start < 0)
      {
        g_set_error (error, PK_ICS_ERROR, PK_ICS_ERROR_BAD_VALUE, _("“%s” is not a time"),
                     pk_meeting_get_start_time (meeting));
        return NULL;
      }
    pk_meeting_renumber_items (meeting);
    plan = pk_time_plan_new (meeting);
    /* The end time as written (before the start: after midnight); else the time plan's end; else
     * an hour. */
    if (start >= 0 && end >= 0 && end != start)
      times.end_min = end < start ? end + 24 * 60 : end;
    else if (start >= 0 && plan->total_min > 0)
      times.end_min = plan->end_min;
    else if (start >= 0)
      times.end_min = start + DEFAULT_LENGTH_MIN;
    description = description_text (meeting);
    times.description = description;
    return meeting_to_ics (meeting, options, &times, error);
  }
}

/* ---- what the database adds ---- */

/* UID: the meeting's row id with the moment its row was created. The id alone repeats across
 * databases (every database has a meeting 7), and an invitation from one secretary must not
 * replace another's in a member's calendar; the creation time never changes (edits, rättelse
 * and justering keep the row), so every export of the meeting names the same event.
 *
 * SEQUENCE: the seconds from that creation to the header's last change (modified_at, stamped by
 * every write of date, times, place or title), so it grows with each change that matters to a
 * calendar, from 0 for an untouched meeting, without a counter of its own. */
char *
pk_database_meeting_to_ics (PkDatabase  *self,
                            gint64       meeting_id,
                            GError     **error)
{
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(sqlite3_stmt) stamps = NULL;
  g_autoptr(sqlite3_stmt) addresses = NULL;
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autofree char *uid = NULL;
  g_autofree char *created = NULL;
  PkIcsOptions options = { 0 };
  gint64 sequence;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  if (!pk_database_begin (self, error))
    return NULL;
  if (!(meeting = pk_database_load_meeting (self, meeting_id, error)))
    goto fail;
  stamps = pk_database_prepare (self,
                                "SELECT strftime ('%Y%m%dT%H%M%SZ', created_at),"
                                " max (0, CAST (strftime ('%s', modified_at) AS INTEGER)"
                                "         - CAST (strftime ('%s', created_at) AS INTEGER))"
                                " FROM meeting WHERE id = ?",
                                error);
  if (stamps == NULL)
    goto fail;
  sqlite3_bind_int64 (stamps, 1, meeting_id);
  if ((rc = sqlite3_step (stamps)) != SQLITE_ROW)
    {
      pk_database_set_error (self, rc, error);
      goto fail;
    }
  created = g_strdup (pk_column_text (stamps, 0));
  sequence = sqlite3_column_int64 (stamps, 1);

  addresses = pk_database_prepare (self,
                                   "SELECT DISTINCT p.id, trim (p.email) FROM attendance a"
                                   " JOIN person p ON p.id = a.person_id"
                                   " WHERE a.meeting_id = ? AND p.email IS NOT NULL AND trim (p.email) <> ''",
                                   error);
  if (addresses == NULL)
    goto fail;
  sqlite3_bind_int64 (addresses, 1, meeting_id);
  while ((rc = sqlite3_step (addresses)) == SQLITE_ROW)
    g_hash_table_insert (emails, PK_ID_KEY (sqlite3_column_int64 (addresses, 0)),
                         g_strdup (pk_column_text (addresses, 1)));
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      goto fail;
    }
  if (!pk_database_commit (self, error))
    return NULL;

  uid = g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-%s@protokoll", meeting_id, created ? created : "0");
  options.uid = uid;
  options.sequence = (int) MIN (sequence, G_MAXINT32);
  options.emails = emails;
  return pk_meeting_to_ics (meeting, &options, error);

fail:
  pk_database_rollback (self);
  return NULL;
}

gboolean
pk_database_set_person_email (PkDatabase  *self,
                              gint64       person_id,
                              const char  *email,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *address = g_strstrip (g_strdup (email != NULL ? email : ""));

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  if (*address != '\0' && !pk_ics_is_email (address))
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT, _("“%s” is not an e-mail address"), email);
      return FALSE;
    }
  if (!(stmt = pk_database_prepare (self, "UPDATE person SET email = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  pk_bind_text (stmt, 2, *address != '\0' ? address : NULL);
  if (!pk_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (pk_database_get_handle (self)) == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);

      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND, _("No person with id %s"), id);
      return FALSE;
    }
  return TRUE;
}
