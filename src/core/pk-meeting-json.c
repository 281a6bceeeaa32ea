/* pk-meeting-json.c: reads and writes the meeting JSON of shared/cli-and-json.md. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pk-action.h"
#include "pk-agenda-item.h"
#include "pk-attachment.h"
#include "pk-attendance.h"
#include "pk-decision.h"
#include "pk-meeting-json.h"
#include "pk-person.h"
#include "pk-person-note.h"
#include "pk-signoff.h"

G_DEFINE_QUARK (pk-json-error-quark, pk_json_error)

/* ---- reading ---------------------------------------------------------------------------- */

typedef struct
{
  /* The "number" each item had in the file, for resolving attendees' from_item/to_item even when
   * the file numbered its items differently from the tree order. */
  GHashTable *items_by_source_number;
} Reader;

static gboolean
field_error (GError     **error,
             const char  *path,
             const char  *message)
{
  g_set_error (error, PK_JSON_ERROR, PK_JSON_ERROR_FIELD, "%s: %s", path, message);
  return FALSE;
}

/* NULL when the member is missing or null: every field but a few is optional. */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static gboolean
read_string (JsonObject  *object,
             const char  *path,
             const char  *name,
             gboolean     required,
             char       **out,
             GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *field = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);

  *out = NULL;
  if (node == NULL)
    return required ? field_error (error, field, _("is required")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return field_error (error, field, _("expected a string"));
  *out = g_strdup (json_node_get_string (node));
  if (required && **out == '\0')
    return field_error (error, field, _("must not be empty"));
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *path,
          const char  *name,
          int         *out,
          GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *field = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  gint64 value;

  *out = -1;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return field_error (error, field, _("expected a whole number"));
  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXINT)
    return field_error (error, field, _("expected a whole number of 0 or more"));
  *out = (int) value;
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *path,
           const char  *name,
           gboolean     fallback,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *field = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);

  *out = fallback;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return field_error (error, field, _("expected true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_enum (JsonObject  *object,
           const char  *path,
           const char  *name,
           GType        enum_type,
           int          fallback,
           int         *out,
           GError     **error)
{
  g_autofree char *word = NULL;
  g_autofree char *field = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);

  *out = fallback;
  if (!read_string (object, path, name, FALSE, &word, error))
    return FALSE;
  if (word != NULL && !pk_enum_from_nick (enum_type, word, out))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
      g_autoptr(GString) allowed = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);
      message = g_strdup_printf (_("“%s” is not one of %s"), word, allowed->str);
      return field_error (error, field, message);
    }
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *path,
           const char  *name,
           char       **out,
           GError     **error)
{
  g_autofree char *field = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  unsigned year, month, day;
  char tail;

  if (!read_string (object, path, name, FALSE, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;
  if (sscanf (*out, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 || strlen (*out) != 10 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_clear_pointer (out, g_free);
      return field_error (error, field, _("expected a date as YYYY-MM-DD"));
    }
  return TRUE;
}

/* Accepts H:MM or HH:MM and stores HH:MM, so a file written by hand round-trips stably. */
static gboolean
read_time (JsonObject  *object,
           const char  *path,
           const char  *name,
           char       **out,
           GError     **error)
{
  g_autofree char *field = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  g_autofree char *text = NULL;
  unsigned hour, minute;
  char tail;
  int consumed = 0;

  *out = NULL;
  if (!read_string (object, path, name, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (sscanf (text, "%2u:%2u%n%c", &hour, &minute, &consumed, &tail) != 2 || hour > 23 ||
      minute > 59 || text[consumed] != '\0' || strlen (text) < 4)
    return field_error (error, field, _("expected a time as HH:MM"));
  *out = g_strdup_printf ("%02u:%02u", hour, minute);
  return TRUE;
}

/* Calls @each for every element, which must be an object; a missing or null array is empty. */
typedef gboolean (*ReadElementFunc) (Reader      *reader,
                                     JsonObject  *element,
                                     const char  *path,
                                     gpointer     target,
                                     GError     **error);

static gboolean
read_array (Reader           *reader,
            JsonObject       *object,
            const char       *path,
            const char       *name,
            ReadElementFunc   each,
            gpointer          target,
            GError          **error)
{
  JsonNode *node = get_member (object, name);
  g_autofree char *field = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return field_error (error, field, _("expected a list"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", field, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return field_error (error, element_path, _("expected an object"));
      if (!each (reader, json_node_get_object (element), element_path, target, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_person_note (JsonObject  *object,
                  const char  *path,
                  const char  *text_member,
                  GListStore  *target,
                  GError     **error)
{
  g_autoptr(PkPersonNote) note = pk_person_note_new ();
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!read_string (object, path, "name", TRUE, &name, error) ||
      !read_string (object, path, text_member, FALSE, &text, error))
    return FALSE;
  pk_person_note_set_name (note, name);
  pk_person_note_set_text (note, text);
  g_list_store_append (target, note);
  return TRUE;
}

static gboolean
read_reservation (Reader *reader, JsonObject *object, const char *path, gpointer target, GError **error)
{
  return read_person_note (object, path, "text", target, error);
}

static gboolean
read_recusal (Reader *reader, JsonObject *object, const char *path, gpointer target, GError **error)
{
  return read_person_note (object, path, "reason", target, error);
}

static gboolean
read_presenter (Reader *reader, JsonObject *object, const char *path, gpointer target, GError **error)
{
  g_autoptr(PkPerson) person = pk_person_new ();
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!read_string (object, path, "name", TRUE, &name, error) ||
      !read_string (object, path, "title", FALSE, &title, error))
    return FALSE;
  pk_person_set_name (person, name);
  pk_person_set_title (person, title);
  g_list_store_append (target, person);
  return TRUE;
}

static gboolean
read_decision (Reader *reader, JsonObject *object, const char *path, gpointer target, GError **error)
{
  g_autoptr(PkDecision) decision = pk_decision_new ();
  g_autofree char *text = NULL;
  int kind;
  JsonNode *votes = get_member (object, "votes");

  if (!read_string (object, path, "text", FALSE, &text, error) ||
      !read_enum (object, path, "kind", PK_TYPE_DECISION_KIND, PK_DECISION_KIND_BESLUT, &kind, error) ||
      !read_array (reader, object, path, "reservations", read_reservation,
                   pk_decision_get_reservations (decision), error) ||
      !read_array (reader, object, path, "statements", read_reservation,
                   pk_decision_get_statements (decision), error) ||
      !read_array (reader, object, path, "motions", read_reservation,
                   pk_decision_get_motions (decision), error))
    return FALSE;
  pk_decision_set_text (decision, text);
  pk_decision_set_kind (decision, kind);
  if (votes != NULL)
    {
      g_autofree char *votes_path = g_strdup_printf ("%s.votes", path);
      JsonObject *counts;
      int yes, no, abstain;

      if (!JSON_NODE_HOLDS_OBJECT (votes))
        return field_error (error, votes_path, _("expected an object with yes, no and abstain"));
      counts = json_node_get_object (votes);
      if (!read_int (counts, votes_path, "yes", &yes, error) ||
          !read_int (counts, votes_path, "no", &no, error) ||
          !read_int (counts, votes_path, "abstain", &abstain, error))
        return FALSE;
      pk_decision_set_votes_yes (decision, yes);
      pk_decision_set_votes_no (decision, no);
      pk_decision_set_votes_abstain (decision, abstain);
    }
  g_list_store_append (target, decision);
  return TRUE;
}

static gboolean
read_action (Reader *reader, JsonObject *object, const char *path, gpointer target, GError **error)
{
  g_autoptr(PkAction) action = pk_action_new ();
  g_autofree char *text = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  int state;

  if (!read_string (object, path, "text", FALSE, &text, error) ||
      !read_string (object, path, "owner", FALSE, &owner, error) ||
      !read_date (object, path, "due", &due, error) ||
      !read_enum (object, path, "state", PK_TYPE_ACTION_STATE, PK_ACTION_STATE_OPEN, &state, error))
    return FALSE;
  pk_action_set_text (action, text);
  pk_action_set_owner (action, owner);
  pk_action_set_due (action, due);
  pk_action_set_state (action, state);
  g_list_store_append (target, action);
  return TRUE;
}

static gboolean
read_attachment (Reader *reader, JsonObject *object, const char *path, gpointer target, GError **error)
{
  g_autoptr(PkAttachment) attachment = pk_attachment_new ();
  g_autofree char *title = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *field = g_strdup_printf ("%s.sha256", path);
  int number, pages;

  if (!read_int (object, path, "number", &number, error) ||
      !read_string (object, path, "title", FALSE, &title, error) ||
      !read_string (object, path, "sha256", TRUE, &sha256, error) ||
      !read_int (object, path, "pages", &pages, error))
    return FALSE;
  if (strlen (sha256) != 64 || strspn (sha256, "0123456789abcdef") != 64)
    return field_error (error, field, _("expected 64 lower-case hexadecimal digits"));
  pk_attachment_set_number (attachment, number);
  pk_attachment_set_title (attachment, title);
  pk_attachment_set_sha256 (attachment, sha256);
  pk_attachment_set_pages (attachment, pages);
  g_list_store_append (target, attachment);
  return TRUE;
}

static gboolean
read_item (Reader *reader, JsonObject *object, const char *path, gpointer target, GError **error)
{
  g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *dnr = NULL;
  g_autofree char *discussion = NULL;
  int paragraph, duration, state;
  gboolean confidential;
  JsonNode *number_node = get_member (object, "number");

  /* "number" may be written as 3 as well as "3"; it only serves to resolve references. */
  if (number_node != NULL && JSON_NODE_HOLDS_VALUE (number_node) &&
      json_node_get_value_type (number_node) == G_TYPE_INT64)
    number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (number_node));
  else if (!read_string (object, path, "number", FALSE, &number, error))
    return FALSE;

  if (!read_int (object, path, "paragraph", &paragraph, error) ||
      !read_string (object, path, "title", FALSE, &title, error) ||
      !read_string (object, path, "dnr", FALSE, &dnr, error) ||
      !read_int (object, path, "duration_min", &duration, error) ||
      !read_enum (object, path, "state", PK_TYPE_ITEM_STATE, PK_ITEM_STATE_OPEN, &state, error) ||
      !read_bool (object, path, "confidential", FALSE, &confidential, error) ||
      !read_string (object, path, "discussion", FALSE, &discussion, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (item));
  pk_agenda_item_set_paragraph (item, paragraph);
  pk_agenda_item_set_title (item, title != NULL ? title : "");
  pk_agenda_item_set_dnr (item, dnr);
  pk_agenda_item_set_duration_min (item, duration);
  pk_agenda_item_set_state (item, state);
  pk_agenda_item_set_confidential (item, confidential);
  pk_agenda_item_set_discussion (item, discussion != NULL ? discussion : "");
  g_object_thaw_notify (G_OBJECT (item));

  if (!read_array (reader, object, path, "presenters", read_presenter,
                   pk_agenda_item_get_presenters (item), error) ||
      !read_array (reader, object, path, "decisions", read_decision,
                   pk_agenda_item_get_decisions (item), error) ||
      !read_array (reader, object, path, "actions", read_action,
                   pk_agenda_item_get_actions (item), error) ||
      !read_array (reader, object, path, "attachments", read_attachment,
                   pk_agenda_item_get_attachments (item), error) ||
      !read_array (reader, object, path, "recusals", read_recusal,
                   pk_agenda_item_get_recusals (item), error) ||
      !read_array (reader, object, path, "items", read_item,
                   pk_agenda_item_get_items (item), error))
    return FALSE;

  if (number != NULL && !g_hash_table_contains (reader->items_by_source_number, number))
    g_hash_table_insert (reader->items_by_source_number, g_steal_pointer (&number), item);
  g_list_store_append (target, item);
  return TRUE;
}

static gboolean
read_attendee (Reader *reader, JsonObject *object, const char *path, gpointer target, GError **error)
{
  g_autoptr(PkAttendance) attendance = pk_attendance_new ();
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *title = NULL;
  g_autofree char *replaces = NULL;
  g_autofree char *note = NULL;
  g_autofree char *from_item = NULL;
  g_autofree char *to_item = NULL;
  int role;
  gboolean present;

  if (!read_string (object, path, "name", TRUE, &name, error) ||
      !read_string (object, path, "organisation", FALSE, &organisation, error) ||
      !read_string (object, path, "title", FALSE, &title, error) ||
      !read_enum (object, path, "role", PK_TYPE_ROLE, PK_ROLE_LEDAMOT, &role, error) ||
      !read_string (object, path, "replaces", FALSE, &replaces, error) ||
      !read_string (object, path, "note", FALSE, &note, error) ||
      !read_string (object, path, "from_item", FALSE, &from_item, error) ||
      !read_string (object, path, "to_item", FALSE, &to_item, error) ||
      !read_bool (object, path, "present", TRUE, &present, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (attendance));
  pk_attendance_set_name (attendance, name);
  pk_attendance_set_organisation (attendance, organisation);
  pk_attendance_set_title (attendance, title);
  pk_attendance_set_role (attendance, role);
  pk_attendance_set_replaces (attendance, replaces);
  pk_attendance_set_note (attendance, note);
  /* Kept as the file's numbers for now; resolved against the items once all are read. */
  pk_attendance_set_from_item (attendance, from_item);
  pk_attendance_set_to_item (attendance, to_item);
  pk_attendance_set_present (attendance, present);
  g_object_thaw_notify (G_OBJECT (attendance));
  g_list_store_append (target, attendance);
  return TRUE;
}

static gboolean
read_signoff (Reader *reader, JsonObject *object, const char *path, gpointer target, GError **error)
{
  g_autoptr(PkSignoff) signoff = pk_signoff_new ();
  g_autofree char *name = NULL;
  g_autofree char *at = NULL;
  g_autofree char *place = NULL;
  g_autofree char *field = g_strdup_printf ("%s.at", path);
  int role;

  if (!read_enum (object, path, "role", PK_TYPE_ROLE, PK_ROLE_JUSTERARE, &role, error) ||
      !read_string (object, path, "name", TRUE, &name, error) ||
      !read_string (object, path, "at", FALSE, &at, error) ||
      !read_string (object, path, "place", FALSE, &place, error))
    return FALSE;
  if (at != NULL)
    {
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (at, NULL);
      if (parsed == NULL)
        return field_error (error, field, _("expected a date and time as ISO 8601"));
    }
  pk_signoff_set_role (signoff, role);
  pk_signoff_set_name (signoff, name);
  pk_signoff_set_at (signoff, at);
  pk_signoff_set_place (signoff, place);
  g_list_store_append (target, signoff);
  return TRUE;
}

/* Turns an attendee's from_item/to_item, written in the file's numbering, into the tree's own. */
static gboolean
resolve_item_reference (Reader        *reader,
                        PkMeeting     *meeting,
                        PkAttendance  *attendance,
                        guint          index,
                        const char    *member,
                        GError       **error)
{
  g_autofree char *number = NULL;
  PkAgendaItem *item;

  g_object_get (attendance, member, &number, NULL);
  if (number == NULL)
    return TRUE;
  item = g_hash_table_lookup (reader->items_by_source_number, number);
  if (item == NULL)
    item = pk_meeting_find_item_by_number (meeting, number);
  if (item == NULL)
    {
      g_autofree char *json_member = g_strdelimit (g_strdup (member), "-", '_');
      g_autofree char *field = g_strdup_printf ("attendees[%u].%s", index, json_member);
      g_autofree char *message = g_strdup_printf (_("there is no agenda item numbered “%s”"), number);
      return field_error (error, field, message);
    }
  g_object_set (attendance, member, pk_agenda_item_get_number (item), NULL);
  return TRUE;
}

/* json-glib parses nested arrays and objects by recursion: ≈ 100 000 levels of "[" overflow the
 * stack (a crash, measured). A meeting nests a few levels per sub-item; this is far above any. */
#define MAX_JSON_DEPTH 1000

/* The line where the nesting first goes deeper than MAX_JSON_DEPTH, or 0. Strings are skipped. */
static int
too_deep_line (const char *data,
               gsize       length)
{
  gboolean in_string = FALSE;
  int depth = 0, line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return line;
        }
      else if (c == ']' || c == '}')
        depth--;
    }
  return 0;
}

PkMeeting *
pk_meeting_from_json (const char  *data,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = { numbers };
  g_autofree char *format = NULL;
  g_autofree char *body = NULL, *title = NULL, *dnr = NULL, *date = NULL, *start = NULL;
  g_autofree char *end = NULL, *place = NULL, *online_link = NULL, *recorded_by = NULL;
  g_autofree char *content_sha256 = NULL;
  const char *invalid = NULL;
  GError *local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  int kind, status, version, deep_line;
  guint n_attendees;

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate (data, length, &invalid))
    {
      int line = 1;
      for (const char *p = data; p < invalid; p++)
        line += *p == '\n';
      g_set_error (error, PK_JSON_ERROR, PK_JSON_ERROR_SYNTAX,
                   _("line %d: the text is not valid UTF-8"), line);
      return NULL;
    }
  if ((deep_line = too_deep_line (data, length)) > 0)
    {
      g_set_error (error, PK_JSON_ERROR, PK_JSON_ERROR_SYNTAX,
                   _("line %d: lists and objects nested more than %d deep"), deep_line, MAX_JSON_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, PK_JSON_ERROR, PK_JSON_ERROR_SYNTAX, "%s", local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PK_JSON_ERROR, PK_JSON_ERROR_FIELD,
                   _("the file must hold one meeting as a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!read_string (object, "", "format", TRUE, &format, error))
    return NULL;
  if (g_strcmp0 (format, PK_MEETING_JSON_FORMAT) != 0)
    {
      g_set_error (error, PK_JSON_ERROR, PK_JSON_ERROR_FIELD,
                   _("format: “%s” is not “%s”"), format, PK_MEETING_JSON_FORMAT);
      return NULL;
    }

  if (!read_string (object, "", "body", FALSE, &body, error) ||
      !read_enum (object, "", "kind", PK_TYPE_MEETING_KIND, PK_MEETING_KIND_PROTOKOLL, &kind, error) ||
      !read_string (object, "", "title", FALSE, &title, error) ||
      !read_string (object, "", "dnr", FALSE, &dnr, error) ||
      !read_date (object, "", "date", &date, error) ||
      !read_time (object, "", "start", &start, error) ||
      !read_time (object, "", "end", &end, error) ||
      !read_string (object, "", "place", FALSE, &place, error) ||
      !read_string (object, "", "online_link", FALSE, &online_link, error) ||
      !read_enum (object, "", "status", PK_TYPE_MEETING_STATUS, PK_MEETING_STATUS_DRAFT, &status, error) ||
      !read_string (object, "", "recorded_by", FALSE, &recorded_by, error) ||
      !read_int (object, "", "version", &version, error) ||
      !read_string (object, "", "content_sha256", FALSE, &content_sha256, error))
    return NULL;

  g_object_freeze_notify (G_OBJECT (meeting));
  pk_meeting_set_body (meeting, body);
  pk_meeting_set_kind (meeting, kind);
  pk_meeting_set_title (meeting, title != NULL ? title : "");
  pk_meeting_set_dnr (meeting, dnr);
  pk_meeting_set_date (meeting, date);
  pk_meeting_set_start_time (meeting, start);
  pk_meeting_set_end_time (meeting, end);
  pk_meeting_set_place (meeting, place);
  pk_meeting_set_online_link (meeting, online_link);
  pk_meeting_set_status (meeting, status);
  pk_meeting_set_recorded_by (meeting, recorded_by);
  pk_meeting_set_version (meeting, version > 0 ? version : 1);
  pk_meeting_set_content_sha256 (meeting, content_sha256);
  g_object_thaw_notify (G_OBJECT (meeting));

  if (!read_array (&reader, object, "", "items", read_item, pk_meeting_get_items (meeting), error) ||
      !read_array (&reader, object, "", "attendees", read_attendee,
                   pk_meeting_get_attendees (meeting), error) ||
      !read_array (&reader, object, "", "signoffs", read_signoff,
                   pk_meeting_get_signoffs (meeting), error))
    return NULL;

  pk_meeting_renumber_items (meeting);
  n_attendees = g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_attendees (meeting)));
  for (guint i = 0; i < n_attendees; i++)
    {
      g_autoptr(PkAttendance) attendance =
        g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_attendees (meeting)), i);

      if (!resolve_item_reference (&reader, meeting, attendance, i, "from-item", error) ||
          !resolve_item_reference (&reader, meeting, attendance, i, "to-item", error))
        return NULL;
    }
  return g_steal_pointer (&meeting);
}

/* ---- writing ---------------------------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 int          value)
{
  json_builder_set_member_name (builder, name);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_person_notes (JsonBuilder *builder,
                  const char  *name,
                  const char  *text_member,
                  GListModel  *notes)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(PkPersonNote) note = g_list_model_get_item (notes, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", pk_person_note_get_name (note));
      add_string (builder, text_member, pk_person_note_get_text (note));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_decisions (JsonBuilder *builder,
               GListModel  *decisions)
{
  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(PkDecision) decision = g_list_model_get_item (decisions, i);
      gboolean has_votes = pk_decision_get_votes_yes (decision) >= 0 ||
                           pk_decision_get_votes_no (decision) >= 0 ||
                           pk_decision_get_votes_abstain (decision) >= 0;

      json_builder_begin_object (builder);
      add_string (builder, "text", pk_decision_get_text (decision));
      add_person_notes (builder, "reservations", "text",
                        G_LIST_MODEL (pk_decision_get_reservations (decision)));
      add_string (builder, "kind", pk_enum_to_nick (PK_TYPE_DECISION_KIND, pk_decision_get_kind (decision)));
      json_builder_set_member_name (builder, "votes");
      if (has_votes)
        {
          json_builder_begin_object (builder);
          add_int_or_null (builder, "yes", pk_decision_get_votes_yes (decision));
          add_int_or_null (builder, "no", pk_decision_get_votes_no (decision));
          add_int_or_null (builder, "abstain", pk_decision_get_votes_abstain (decision));
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      add_person_notes (builder, "statements", "text",
                        G_LIST_MODEL (pk_decision_get_statements (decision)));
      /* Written only when there are any: the canonical form (and so the hash) of minutes signed
       * before yrkanden were kept stays what it was. */
      if (g_list_model_get_n_items (G_LIST_MODEL (pk_decision_get_motions (decision))) > 0)
        add_person_notes (builder, "motions", "text", G_LIST_MODEL (pk_decision_get_motions (decision)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_items (JsonBuilder *builder,
           GListModel  *items)
{
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);
      GListModel *presenters = G_LIST_MODEL (pk_agenda_item_get_presenters (item));
      GListModel *actions = G_LIST_MODEL (pk_agenda_item_get_actions (item));
      GListModel *attachments = G_LIST_MODEL (pk_agenda_item_get_attachments (item));
      const char *discussion = pk_agenda_item_get_discussion (item);

      json_builder_begin_object (builder);
      add_string (builder, "number", pk_agenda_item_get_number (item));
      add_int_or_null (builder, "paragraph", pk_agenda_item_get_paragraph (item));
      add_string (builder, "title", pk_agenda_item_get_title (item) ? pk_agenda_item_get_title (item) : "");
      add_string (builder, "dnr", pk_agenda_item_get_dnr (item));
      add_int_or_null (builder, "duration_min", pk_agenda_item_get_duration_min (item));
      add_string (builder, "state", pk_enum_to_nick (PK_TYPE_ITEM_STATE, pk_agenda_item_get_state (item)));
      json_builder_set_member_name (builder, "confidential");
      json_builder_add_boolean_value (builder, pk_agenda_item_get_confidential (item));

      json_builder_set_member_name (builder, "presenters");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (presenters); j++)
        {
          g_autoptr(PkPerson) person = g_list_model_get_item (presenters, j);
          json_builder_begin_object (builder);
          add_string (builder, "name", pk_person_get_name (person));
          add_string (builder, "title", pk_person_get_title (person));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      add_string (builder, "discussion", discussion != NULL ? discussion : "");
      add_decisions (builder, G_LIST_MODEL (pk_agenda_item_get_decisions (item)));

      json_builder_set_member_name (builder, "actions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(PkAction) action = g_list_model_get_item (actions, j);
          json_builder_begin_object (builder);
          add_string (builder, "text", pk_action_get_text (action));
          add_string (builder, "owner", pk_action_get_owner (action));
          add_string (builder, "due", pk_action_get_due (action));
          add_string (builder, "state", pk_enum_to_nick (PK_TYPE_ACTION_STATE, pk_action_get_state (action)));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "attachments");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(PkAttachment) attachment = g_list_model_get_item (attachments, j);
          json_builder_begin_object (builder);
          add_int_or_null (builder, "number", pk_attachment_get_number (attachment));
          add_string (builder, "title", pk_attachment_get_title (attachment));
          add_string (builder, "sha256", pk_attachment_get_sha256 (attachment));
          add_int_or_null (builder, "pages", pk_attachment_get_pages (attachment));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      add_person_notes (builder, "recusals", "reason", G_LIST_MODEL (pk_agenda_item_get_recusals (item)));
      add_items (builder, G_LIST_MODEL (pk_agenda_item_get_items (item)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
pk_meeting_to_json_node (PkMeeting      *meeting,
                         const PkQuorum *quorum)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  GListModel *signoffs = G_LIST_MODEL (pk_meeting_get_signoffs (meeting));

  g_return_val_if_fail (PK_IS_MEETING (meeting), NULL);

  pk_meeting_renumber_items (meeting);

  json_builder_begin_object (builder);
  add_string (builder, "format", PK_MEETING_JSON_FORMAT);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, pk_meeting_get_id (meeting));
  add_string (builder, "body", pk_meeting_get_body (meeting));
  add_string (builder, "kind", pk_enum_to_nick (PK_TYPE_MEETING_KIND, pk_meeting_get_kind (meeting)));
  add_string (builder, "title", pk_meeting_get_title (meeting) ? pk_meeting_get_title (meeting) : "");
  add_string (builder, "dnr", pk_meeting_get_dnr (meeting));
  add_string (builder, "date", pk_meeting_get_date (meeting));
  add_string (builder, "start", pk_meeting_get_start_time (meeting));
  add_string (builder, "end", pk_meeting_get_end_time (meeting));
  add_string (builder, "place", pk_meeting_get_place (meeting));
  add_string (builder, "online_link", pk_meeting_get_online_link (meeting));
  add_string (builder, "status", pk_enum_to_nick (PK_TYPE_MEETING_STATUS, pk_meeting_get_status (meeting)));
  add_string (builder, "recorded_by", pk_meeting_get_recorded_by (meeting));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, pk_meeting_get_version (meeting));

  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", pk_attendance_get_name (attendance));
      add_string (builder, "organisation", pk_attendance_get_organisation (attendance));
      add_string (builder, "title", pk_attendance_get_title (attendance));
      add_string (builder, "role", pk_enum_to_nick (PK_TYPE_ROLE, pk_attendance_get_role (attendance)));
      add_string (builder, "replaces", pk_attendance_get_replaces (attendance));
      add_string (builder, "note", pk_attendance_get_note (attendance));
      add_string (builder, "from_item", pk_attendance_get_from_item (attendance));
      add_string (builder, "to_item", pk_attendance_get_to_item (attendance));
      json_builder_set_member_name (builder, "present");
      json_builder_add_boolean_value (builder, pk_attendance_get_present (attendance));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_items (builder, G_LIST_MODEL (pk_meeting_get_items (meeting)));

  json_builder_set_member_name (builder, "quorum");
  if (quorum != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "required");
      json_builder_add_int_value (builder, quorum->required);
      json_builder_set_member_name (builder, "present");
      json_builder_add_int_value (builder, quorum->present);
      json_builder_set_member_name (builder, "met");
      json_builder_add_boolean_value (builder, quorum->met);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "signoffs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (signoffs); i++)
    {
      g_autoptr(PkSignoff) signoff = g_list_model_get_item (signoffs, i);

      json_builder_begin_object (builder);
      add_string (builder, "role", pk_enum_to_nick (PK_TYPE_ROLE, pk_signoff_get_role (signoff)));
      add_string (builder, "name", pk_signoff_get_name (signoff));
      add_string (builder, "at", pk_signoff_get_at (signoff));
      add_string (builder, "place", pk_signoff_get_place (signoff));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string (builder, "content_sha256", pk_meeting_get_content_sha256 (meeting));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
pk_meeting_to_json (PkMeeting      *meeting,
                    const PkQuorum *quorum)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = pk_meeting_to_json_node (meeting, quorum);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

char *
pk_meeting_canonical_json (PkMeeting *meeting)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = pk_meeting_to_json_node (meeting, NULL);
  JsonObject *object = json_node_get_object (root);

  /* What was decided and who was there — not where it is stored, how far it has come, or who
   * has signed it: the signatures attest to this text. */
  json_object_remove_member (object, "id");
  json_object_remove_member (object, "status");
  json_object_remove_member (object, "signoffs");
  json_object_remove_member (object, "quorum");
  json_object_remove_member (object, "content_sha256");
  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
