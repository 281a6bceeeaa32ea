/* protokoll-cli.c: the core on the command line, for scripts, tests and bulk work (see README). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protokoll-core.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Exit status of shared/cli-and-json.md. */
enum
{
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2,
  EXIT_DATABASE = 3,
};

typedef struct
{
  const char *db_path;
  const char *out_path;
  const char *pdf_mode;  /* "agenda", "protocol" or "public" */
  const char *role;
  const char *organisation;
  const char *title;
  const char *from_date;
  const char *to_date;
  const char *date;
  const char *name;
  const char *place;
  const char *reason;
  const char *email;     /* member-add: --email */
  gboolean json;
  gboolean with_notes;   /* package-export: --with-notes */
  gboolean open_only;    /* actions: --open */
  gboolean overdue_only; /* actions: --overdue */
  const char *owner;     /* actions: --owner */
  const char *body;      /* actions: --body */
  int limit;             /* search: --limit, 0 for the default */
  int argc;          /* positional arguments after the command */
  char **argv;
} Invocation;

typedef int (*CommandFunc) (Invocation *invocation);

typedef struct
{
  const char *name;
  const char *synopsis;
  const char *summary;
  int n_args;        /* ONE_OR_MORE: the words of a search */
  CommandFunc run;
} Command;

#define ONE_OR_MORE (-1)

static int
fail (int         status,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static int
fail (int         status,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("protokoll-cli: %s\n", message);
  return status;
}

/* Database errors are exit 3 except "no such meeting", which is the caller's input. */
static int
fail_with_error (const GError *error)
{
  if (error->domain == PK_DATABASE_ERROR && error->code != PK_DATABASE_ERROR_NOT_FOUND)
    return fail (EXIT_DATABASE, "%s", error->message);
  return fail (EXIT_BAD_INPUT, "%s", error->message);
}

static PkDatabase *
open_database (Invocation  *invocation,
               int         *status)
{
  g_autofree char *path = invocation->db_path ? g_strdup (invocation->db_path)
                                              : pk_database_get_default_path ();
  g_autoptr(GError) error = NULL;
  PkDatabase *db = pk_database_open (path, &error);

  if (db == NULL)
    *status = fail (EXIT_DATABASE, "%s", error->message);
  return db;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static void
print_json_node (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static int
command_list (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GListStore) meetings = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  guint n;

  if (!(db = open_database (invocation, &status)))
    return status;
  if (!(meetings = pk_database_list_meetings (db, &error)))
    return fail_with_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (meetings));

  if (invocation->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PkMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, pk_meeting_get_id (meeting));
          json_builder_set_member_name (builder, "date");
          if (pk_meeting_get_date (meeting))
            json_builder_add_string_value (builder, pk_meeting_get_date (meeting));
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "body");
          if (pk_meeting_get_body (meeting))
            json_builder_add_string_value (builder, pk_meeting_get_body (meeting));
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, pk_meeting_get_title (meeting));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, pk_enum_to_nick (PK_TYPE_MEETING_STATUS,
                                                                   pk_meeting_get_status (meeting)));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json_node (root);
      return EXIT_OK;
    }

  /* One meeting per line, tab-separated, so `cut` and `awk` work on it. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
               pk_meeting_get_id (meeting),
               pk_meeting_get_date (meeting) ? pk_meeting_get_date (meeting) : "-",
               pk_meeting_get_body (meeting) ? pk_meeting_get_body (meeting) : "-",
               pk_meeting_get_title (meeting),
               pk_enum_to_nick (PK_TYPE_MEETING_STATUS, pk_meeting_get_status (meeting)));
    }
  return EXIT_OK;
}

static int
load_meeting (Invocation  *invocation,
              PkDatabase **db_out,
              PkMeeting  **meeting_out)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 id;

  if (!parse_id (invocation->argv[0], &id))
    return fail (EXIT_USAGE, _("“%s” is not a meeting id"), invocation->argv[0]);
  if (!(db = open_database (invocation, &status)))
    return status;
  if (!(*meeting_out = pk_database_load_meeting (db, id, &error)))
    return fail_with_error (error);
  *db_out = g_steal_pointer (&db);
  return EXIT_OK;
}

static int
command_show (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  GListModel *items;
  int status;

  if ((status = load_meeting (invocation, &db, &meeting)) != EXIT_OK)
    return status;
  if (invocation->json)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;
      PkQuorum quorum;
      gboolean has_quorum = pk_database_compute_quorum (db, meeting, &quorum, &error);

      if (error != NULL)
        return fail_with_error (error);
      json = pk_meeting_to_json (meeting, has_quorum ? &quorum : NULL);
      fputs (json, stdout);
      return EXIT_OK;
    }

  g_print ("%s\n", pk_meeting_get_title (meeting));
  if (pk_meeting_get_body (meeting))
    g_print ("%s\n", pk_meeting_get_body (meeting));
  g_print ("%s %s–%s  %s\n",
           pk_meeting_get_date (meeting) ? pk_meeting_get_date (meeting) : "",
           pk_meeting_get_start_time (meeting) ? pk_meeting_get_start_time (meeting) : "",
           pk_meeting_get_end_time (meeting) ? pk_meeting_get_end_time (meeting) : "",
           pk_meeting_get_place (meeting) ? pk_meeting_get_place (meeting) : "");
  items = G_LIST_MODEL (pk_meeting_get_items (meeting));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);
      g_print ("%s. %s\n", pk_agenda_item_get_number (item), pk_agenda_item_get_title (item));
    }
  return EXIT_OK;
}

static int
command_export_json (Invocation *invocation)
{
  invocation->json = TRUE;
  return command_show (invocation);
}

static int
command_import_json (Invocation *invocation)
{
  const char *path = invocation->argv[0];
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  int status = EXIT_OK;

  if (!g_file_get_contents (path, &data, &length, &error))
    return fail (EXIT_BAD_INPUT, "%s", error->message);
  if (!(meeting = pk_meeting_from_json (data, length, &error)))
    return fail (EXIT_BAD_INPUT, "%s: %s", path, error->message);
  if (!(db = open_database (invocation, &status)))
    return status;
  if (pk_database_insert_meeting (db, meeting, &error) == 0)
    return fail_with_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", pk_meeting_get_id (meeting));
  return EXIT_OK;
}

/* Reads at most @limit + 1 bytes, so a huge file (or an endless device) is refused as too large
 * rather than read whole; "-" is standard input. */
static char *
read_limited (const char  *path,
              gsize        limit,
              gsize       *length,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_str_equal (path, "-") ? "/dev/stdin" : path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  if (stream == NULL)
    return NULL;
  while (bytes->len <= limit)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

static int
command_import_text (Invocation *invocation)
{
  const char *path = invocation->argv[0];
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  PkTextEncoding encoding;
  guint legacy_line = 0;
  gsize length = 0;
  int status = EXIT_OK;

  if (!(data = read_limited (path, PK_TEXT_IMPORT_MAX_SIZE, &length, &error)))
    return fail (EXIT_BAD_INPUT, "%s", error->message);
  if (!(text = pk_text_import_decode (data, length, &encoding, &legacy_line, &error)))
    return fail (EXIT_BAD_INPUT, "%s: %s", path, error->message);
  /* Read all the same, but said, so that a wrong guess is noticed before the minutes are used. */
  if (encoding == PK_TEXT_ENCODING_WINDOWS_1252)
    g_printerr (_("protokoll-cli: %s: not UTF-8 (line %u is the first); read as Windows-1252 (Latin-1)\n"),
                path, legacy_line);
  if (!(meeting = pk_text_import_parse (text, strlen (text), &error)))
    return fail (EXIT_BAD_INPUT, "%s: %s", path, error->message);
  /* Opened only now: a file that cannot be read leaves the database untouched. */
  if (!(db = open_database (invocation, &status)))
    return status;
  if (pk_database_insert_meeting (db, meeting, &error) == 0)
    return fail_with_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", pk_meeting_get_id (meeting));
  return EXIT_OK;
}

static int
command_export_pdf (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;
  int status;

  if (invocation->out_path == NULL)
    return fail (EXIT_USAGE, _("export-pdf needs --out FILE"));
  if ((status = load_meeting (invocation, &db, &meeting)) != EXIT_OK)
    return status;
  if (g_strcmp0 (invocation->pdf_mode, "agenda") == 0
        ? !pk_agenda_pdf_write (meeting, invocation->out_path, &n_pages, &error)
        : !pk_protocol_pdf_write (meeting, g_strcmp0 (invocation->pdf_mode, "public") == 0 ? PK_PROTOCOL_PUBLIC
                                                                                           : PK_PROTOCOL_FULL,
                                  invocation->out_path, &n_pages, &error))
    return fail (EXIT_BAD_INPUT, "%s", error->message);
  /* Recorded by its SHA-256, so `verify FILE.pdf` can tell this file from a changed copy. */
  if (!pk_database_record_export (db, pk_meeting_get_id (meeting), pk_meeting_get_version (meeting),
                                  invocation->pdf_mode ? invocation->pdf_mode : "protocol",
                                  invocation->out_path, &error))
    return fail_with_error (error);
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page)\n", "Wrote %s (%u pages)\n", n_pages),
              invocation->out_path, n_pages);
  return EXIT_OK;
}

static int
command_next (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 id, next_id;

  if (!parse_id (invocation->argv[0], &id))
    return fail (EXIT_USAGE, _("“%s” is not a meeting id"), invocation->argv[0]);
  if (!(db = open_database (invocation, &status)))
    return status;
  if ((next_id = pk_database_create_next_meeting (db, id, &error)) == 0)
    return fail_with_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", next_id);
  return EXIT_OK;
}

static int
command_member_add (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(PkMembership) membership = pk_membership_new ();
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  int role = PK_ROLE_LEDAMOT;

  if (invocation->role != NULL && !pk_enum_from_nick (PK_TYPE_ROLE, invocation->role, &role))
    return fail (EXIT_USAGE, _("“%s” is not a role (ordforande, vice_ordforande, ledamot, ersattare, "
                               "sekreterare, adjungerad)"), invocation->role);
  if (role == PK_ROLE_JUSTERARE || role == PK_ROLE_OVRIG)
    return fail (EXIT_USAGE, _("“%s” is a role in a meeting, not a seat in a body"), invocation->role);
  if (invocation->email != NULL && !pk_ics_is_email (invocation->email))
    return fail (EXIT_BAD_INPUT, _("“%s” is not an e-mail address"), invocation->email);
  if (!(db = open_database (invocation, &status)))
    return status;
  pk_membership_set_body (membership, invocation->argv[0]);
  pk_membership_set_name (membership, invocation->argv[1]);
  pk_membership_set_role (membership, role);
  pk_membership_set_organisation (membership, invocation->organisation);
  pk_membership_set_title (membership, invocation->title);
  pk_membership_set_from_date (membership, invocation->from_date);
  pk_membership_set_to_date (membership, invocation->to_date);
  /* The seat and the address together, or neither. */
  if (!pk_database_begin (db, &error))
    return fail_with_error (error);
  if (pk_database_add_membership (db, membership, &error) == 0 ||
      (invocation->email != NULL &&
       !pk_database_set_person_email (db, pk_membership_get_person_id (membership), invocation->email, &error)))
    {
      pk_database_rollback (db);
      return fail_with_error (error);
    }
  if (!pk_database_commit (db, &error))
    return fail_with_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", pk_membership_get_id (membership));
  return EXIT_OK;
}

static int
command_members (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GListStore) members = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!(db = open_database (invocation, &status)))
    return status;
  if (!(members = pk_database_list_memberships (db, invocation->argv[0], invocation->date, &error)))
    return fail_with_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    {
      g_autoptr(PkMembership) m = g_list_model_get_item (G_LIST_MODEL (members), i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", pk_membership_get_id (m),
               pk_enum_to_nick (PK_TYPE_ROLE, pk_membership_get_role (m)), pk_membership_get_name (m),
               pk_membership_get_organisation (m) ? pk_membership_get_organisation (m) : "-",
               pk_membership_get_from_date (m) ? pk_membership_get_from_date (m) : "-",
               pk_membership_get_to_date (m) ? pk_membership_get_to_date (m) : "-");
    }
  return EXIT_OK;
}

static int
command_sign (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  int role;
  gint64 id;
  gboolean justerat;

  if (!parse_id (invocation->argv[0], &id))
    return fail (EXIT_USAGE, _("“%s” is not a meeting id"), invocation->argv[0]);
  if (invocation->role == NULL || invocation->name == NULL)
    return fail (EXIT_USAGE, _("usage: protokoll-cli sign ID --role sekreterare|ordforande|justerare --name NAME"));
  if (!pk_enum_from_nick (PK_TYPE_ROLE, invocation->role, &role) ||
      (role != PK_ROLE_SEKRETERARE && role != PK_ROLE_ORDFORANDE && role != PK_ROLE_JUSTERARE))
    return fail (EXIT_USAGE, _("--role is sekreterare, ordforande or justerare"));
  if (!(db = open_database (invocation, &status)))
    return status;
  if (!pk_database_sign (db, id, role, invocation->name, invocation->place, &justerat, &error))
    return error->code == PK_DATABASE_ERROR_CONSTRAINT || error->code == PK_DATABASE_ERROR_JUSTERAT ||
           error->code == PK_DATABASE_ERROR_NOT_FOUND
             ? fail (EXIT_BAD_INPUT, "%s", error->message) : fail_with_error (error);
  g_print ("%s\n", justerat ? "justerat" : "pending");
  return EXIT_OK;
}

static int
command_correct (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 id;

  if (!parse_id (invocation->argv[0], &id))
    return fail (EXIT_USAGE, _("“%s” is not a meeting id"), invocation->argv[0]);
  if (invocation->reason == NULL)
    return fail (EXIT_USAGE, _("correct needs --reason TEXT"));
  if (!(db = open_database (invocation, &status)))
    return status;
  if (!pk_database_correct (db, id, invocation->reason, &error))
    return error->domain == PK_DATABASE_ERROR && error->code == PK_DATABASE_ERROR_CONSTRAINT
             ? fail (EXIT_BAD_INPUT, "%s", error->message) : fail_with_error (error);
  return EXIT_OK;
}

static int
command_verify (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 id;

  if (!(db = open_database (invocation, &status)))
    return status;
  if (parse_id (invocation->argv[0], &id))
    {
      g_autofree char *sha256 = NULL;

      if (!pk_database_verify_meeting (db, id, &sha256, &error))
        return error->code == PK_DATABASE_ERROR_MISMATCH || error->code == PK_DATABASE_ERROR_CONSTRAINT ||
               error->code == PK_DATABASE_ERROR_NOT_FOUND
                 ? fail (EXIT_BAD_INPUT, "%s", error->message) : fail_with_error (error);
      g_print ("ok %" G_GINT64_FORMAT " %s\n", id, sha256 ? sha256 : "");
      return EXIT_OK;
    }
  else
    {
      g_autofree char *kind = NULL;
      int version;

      if (!pk_database_verify_file (db, invocation->argv[0], &id, &version, &kind, &error))
        return error->domain == PK_DATABASE_ERROR && error->code != PK_DATABASE_ERROR_MISMATCH
                 ? fail_with_error (error) : fail (EXIT_BAD_INPUT, "%s", error->message);
      g_print ("ok meeting %" G_GINT64_FORMAT " version %d %s\n", id, version, kind);
      return EXIT_OK;
    }
}

/* ---- the action register ---- */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static gboolean
is_iso_date (const char *text)
{
  GDate date;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  return g_date_valid (&date);
}

/* Pads @text to @width characters (not bytes: owners are called Åsa and Örjan). */
static void
append_cell (GString    *line,
             const char *text,
             guint       width)
{
  glong n = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = n; i < (glong) width + 2; i++)
    g_string_append_c (line, ' ');
}

static int
command_actions (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(GError) error = NULL;
  PkActionFilter filter = { 0 };
  int status = EXIT_OK;
  guint n;

  if (invocation->date != NULL && !is_iso_date (invocation->date))
    return fail (EXIT_USAGE, _("--date needs a date as YYYY-MM-DD"));
  filter.open_only = invocation->open_only;
  filter.overdue_only = invocation->overdue_only;
  filter.owner = invocation->owner;
  filter.body = invocation->body;
  filter.today = invocation->date;
  if (!(db = open_database (invocation, &status)))
    return status;
  if (!(entries = pk_database_list_actions (db, &filter, &error)))
    return fail_with_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (entries));

  if (invocation->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PkActionEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries), i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, pk_action_entry_get_id (entry));
          /* The fields of an action in the meeting JSON, then where it stands. */
          add_string_or_null (builder, "text", pk_action_entry_get_text (entry));
          add_string_or_null (builder, "owner", pk_action_entry_get_owner (entry));
          add_string_or_null (builder, "due", pk_action_entry_get_due (entry));
          add_string_or_null (builder, "state", pk_enum_to_nick (PK_TYPE_ACTION_STATE,
                                                                 pk_action_entry_get_state (entry)));
          json_builder_set_member_name (builder, "overdue");
          json_builder_add_boolean_value (builder, pk_action_entry_get_overdue (entry));
          json_builder_set_member_name (builder, "meeting_id");
          json_builder_add_int_value (builder, pk_action_entry_get_meeting_id (entry));
          add_string_or_null (builder, "meeting_date", pk_action_entry_get_meeting_date (entry));
          add_string_or_null (builder, "meeting_title", pk_action_entry_get_meeting_title (entry));
          add_string_or_null (builder, "body", pk_action_entry_get_body (entry));
          add_string_or_null (builder, "item_number", pk_action_entry_get_item_number (entry));
          add_string_or_null (builder, "item_title", pk_action_entry_get_item_title (entry));
          json_builder_set_member_name (builder, "carried_from");
          if (pk_action_entry_get_carried_from (entry) != 0)
            json_builder_add_int_value (builder, pk_action_entry_get_carried_from (entry));
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json_node (root);
      return EXIT_OK;
    }

  if (n == 0)
    {
      g_printerr ("%s\n", _("No actions."));
      return EXIT_OK;
    }
  {
    /* A table for people: columns as wide as their widest cell, the text last and unpadded. */
    enum { COL_ID, COL_DUE, COL_STATE, COL_OWNER, COL_MEETING, COL_ITEM, N_COLS };
    const char *headings[N_COLS] = { "ID", _("DUE"), _("STATE"), _("OWNER"), _("MEETING"), _("ITEM") };
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
    guint width[N_COLS];

    for (guint c = 0; c < N_COLS; c++)
      width[c] = g_utf8_strlen (headings[c], -1);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PkActionEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries), i);
        const char *body = pk_action_entry_get_body (entry);
        const char *date = pk_action_entry_get_meeting_date (entry);

        g_ptr_array_add (cells, g_strdup_printf ("%" G_GINT64_FORMAT, pk_action_entry_get_id (entry)));
        g_ptr_array_add (cells, g_strdup (pk_action_entry_get_due (entry) ? pk_action_entry_get_due (entry) : "-"));
        g_ptr_array_add (cells, g_strdup (pk_action_entry_get_overdue (entry)
                                            ? "overdue"
                                            : pk_enum_to_nick (PK_TYPE_ACTION_STATE, pk_action_entry_get_state (entry))));
        g_ptr_array_add (cells, g_strdup (pk_action_entry_get_owner (entry) ? pk_action_entry_get_owner (entry) : "-"));
        g_ptr_array_add (cells, g_strdup_printf ("%" G_GINT64_FORMAT " %s %s", pk_action_entry_get_meeting_id (entry),
                                                 date ? date : "-", body ? body : "-"));
        g_ptr_array_add (cells, g_strdup (pk_action_entry_get_item_number (entry)
                                            ? pk_action_entry_get_item_number (entry) : "-"));
        for (guint c = 0; c < N_COLS; c++)
          width[c] = MAX (width[c], (guint) g_utf8_strlen (cells->pdata[i * N_COLS + c], -1));
      }
    for (guint i = 0; i <= n; i++)
      {
        g_autoptr(GString) line = g_string_new (NULL);

        for (guint c = 0; c < N_COLS; c++)
          append_cell (line, i == 0 ? headings[c] : cells->pdata[(i - 1) * N_COLS + c], width[c]);
        if (i == 0)
          g_string_append (line, _("TEXT"));
        else
          {
            g_autoptr(PkActionEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries), i - 1);
            g_autofree char *text = g_strdup (pk_action_entry_get_text (entry) ? pk_action_entry_get_text (entry) : "");

            /* One action per line, whatever the text holds. */
            g_strdelimit (text, "\n\r\t", ' ');
            g_string_append (line, text);
          }
        g_print ("%s\n", line->str);
      }
  }
  return EXIT_OK;
}

/* Opens the PDF here, in this process: the core runs this as a child with a time and memory limit
 * (pk_pdf_probe_file), so a file that hangs or crashes Poppler takes only the child with it. */
static int
command_pdf_probe (Invocation *invocation)
{
  const char *path = invocation->argv[0];
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint64 text_size = 0;
  int n_pages;

  if (!pk_pdf_check_magic (path, &error))
    return fail (EXIT_BAD_INPUT, "%s", error->message);
  if (!(mapped = g_mapped_file_new (path, FALSE, &error)))
    return fail (EXIT_BAD_INPUT, "%s", error->message);
  bytes = g_mapped_file_get_bytes (mapped);
  if (!(document = poppler_document_new_from_bytes (bytes, NULL, &error)))
    return fail (EXIT_BAD_INPUT, "%s: %s", path, error->message);
  n_pages = poppler_document_get_n_pages (document);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = NULL;

      if (page == NULL)
        return fail (EXIT_BAD_INPUT, _("%s: page %d cannot be read"), path, i + 1);
      /* The first page is also drawn, small: the viewer will draw it first. */
      if (i == 0)
        {
          double width, height;
          cairo_surface_t *surface;
          cairo_t *cr;

          poppler_page_get_size (page, &width, &height);
          surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, CLAMP ((int) (width / 4), 1, 1000),
                                                CLAMP ((int) (height / 4), 1, 1000));
          cr = cairo_create (surface);
          cairo_scale (cr, 0.25, 0.25);
          poppler_page_render (page, cr);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
      page_text = poppler_page_get_text (page);
      if (page_text == NULL)
        continue;
      text_size += strlen (page_text);
      if (text->len < PK_PROBE_MAX_TEXT)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, page_text);
        }
    }
  if (text->len > PK_PROBE_MAX_TEXT)
    {
      /* Cut at a character boundary. */
      const char *end = g_utf8_find_prev_char (text->str, text->str + PK_PROBE_MAX_TEXT + 1);
      g_string_truncate (text, end ? (gsize) (end - text->str) : 0);
    }

  if (invocation->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *json = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pages");
      json_builder_add_int_value (builder, n_pages);
      json_builder_set_member_name (builder, "text_size");
      json_builder_add_int_value (builder, (gint64) text_size);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, g_utf8_validate (text->str, text->len, NULL) ? text->str : "");
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json = json_generator_to_data (generator, NULL);
      g_print ("%s\n", json);
    }
  else
    g_print ("pages: %d\ntext: %" G_GUINT64_FORMAT " bytes\n", n_pages, text_size);
  return EXIT_OK;
}

static int
command_action_state (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  int state;
  gint64 id;

  if (!parse_id (invocation->argv[0], &id))
    return fail (EXIT_USAGE, _("“%s” is not an action id"), invocation->argv[0]);
  if (!pk_enum_from_nick (PK_TYPE_ACTION_STATE, invocation->argv[1], &state))
    return fail (EXIT_USAGE, _("the state is open, done or cancelled, not “%s”"), invocation->argv[1]);
  if (!(db = open_database (invocation, &status)))
    return status;
  if (!pk_database_set_action_state (db, id, state, &error))
    return error->domain == PK_DATABASE_ERROR &&
           (error->code == PK_DATABASE_ERROR_JUSTERAT || error->code == PK_DATABASE_ERROR_CONSTRAINT)
             ? fail (EXIT_BAD_INPUT, "%s", error->message) : fail_with_error (error);
  return EXIT_OK;
}

static int
command_attach (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(PkAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  const char *number = invocation->argv[1];
  const char *path = invocation->argv[2];
  PkAgendaItem *item;
  int status;

  if ((status = load_meeting (invocation, &db, &meeting)) != EXIT_OK)
    return status;
  if (!(item = pk_meeting_find_item_by_number (meeting, number)))
    return fail (EXIT_BAD_INPUT, _("Meeting %s has no item %s"), invocation->argv[0], number);
  if (!pk_pdf_check_magic (path, &error))
    return fail (EXIT_BAD_INPUT, "%s", error->message);
  if (!(attachment = pk_database_attach_file (db, pk_agenda_item_get_id (item), path, invocation->title, &error)))
    return error->domain != PK_DATABASE_ERROR || error->code == PK_DATABASE_ERROR_JUSTERAT ||
           error->code == PK_DATABASE_ERROR_NOT_FOUND || error->code == PK_DATABASE_ERROR_CONSTRAINT ||
           error->code == PK_DATABASE_ERROR_MISMATCH
             ? fail (EXIT_BAD_INPUT, "%s", error->message) : fail_with_error (error);
  if (!pk_attachment_get_safe_to_show (attachment))
    g_printerr (_("protokoll-cli: %s was stored, but it cannot be shown safely (%s)\n"), path,
                pk_enum_to_nick (PK_TYPE_PROBE_STATUS, pk_attachment_get_probe_result (attachment)));
  g_print ("%d\n", pk_attachment_get_number (attachment));
  return EXIT_OK;
}

static int
command_package_export (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 id;

  if (!parse_id (invocation->argv[0], &id))
    return fail (EXIT_USAGE, _("“%s” is not a meeting id"), invocation->argv[0]);
  if (invocation->out_path == NULL)
    return fail (EXIT_USAGE, _("package-export needs --out FILE"));
  if (!(db = open_database (invocation, &status)))
    return status;
  if (!pk_package_export (db, id, invocation->out_path,
                          invocation->with_notes ? PK_PACKAGE_EXPORT_NOTES : PK_PACKAGE_EXPORT_DEFAULT, &error))
    return error->domain == PK_DATABASE_ERROR && error->code == PK_DATABASE_ERROR_MISMATCH
             ? fail (EXIT_DATABASE, "%s", error->message) : fail_with_error (error);
  g_printerr (_("Wrote %s\n"), invocation->out_path);
  return EXIT_OK;
}

/* Package errors (not a package, damaged, newer, …) are the input's; the database's own are 3. */
static int
command_package_import (Invocation *invocation)
{
  const char *path = invocation->argv[0];
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(PkPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gboolean already_there = FALSE;
  gint64 id = 0;
  guint n_unsafe;

  /* The package is read and checked in full before the database is even opened. */
  if (!(package = pk_package_open (path, NULL, &error)) ||
      !pk_package_probe (package, PK_PROBE_DEFAULT_TIMEOUT_MS, PK_PROBE_DEFAULT_MEMORY_LIMIT, NULL, &error))
    return fail (EXIT_BAD_INPUT, "%s", error->message);
  if (!(db = open_database (invocation, &status)))
    return status;
  if (!pk_package_store (package, db, &id, &already_there, &error))
    return fail_with_error (error);
  if (already_there)
    {
      g_autofree char *meeting = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      guint n_files = pk_package_get_n_files_stored (package);
      guint n_notes = pk_package_get_n_notes_stored (package);

      /* A meeting imported from its JSON lacks the bytes of its bilagor; notes may be new. */
      if (n_files + n_notes > 0)
        g_printerr (_("protokoll-cli: %s holds meeting %s, which is already in the database; added what it "
                      "lacked (attachment files: %u, notes: %u)\n"), path, meeting, n_files, n_notes);
      else
        g_printerr (_("protokoll-cli: %s holds meeting %s, which is already in the database; nothing new was "
                      "imported\n"), path, meeting);
    }
  n_unsafe = pk_package_get_n_unsafe (package);
  if (n_unsafe > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "protokoll-cli: %u attachment was stored, but it cannot be shown safely\n",
                             "protokoll-cli: %u attachments were stored, but they cannot be shown safely\n",
                             n_unsafe), n_unsafe);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return EXIT_OK;
}

/* ---- search and calendar invitations ---- */

/* The words as UTF-8: as they are when they already are, else from the locale's encoding. */
static char *
argument_to_utf8 (const char *arg)
{
  const char *charset;

  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);
  if (g_get_charset (&charset))
    return NULL;
  return g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
}

/* Where in the meeting a hit is, for people: "item 2", "decision, item 2.1", "title". */
static char *
describe_hit_place (PkSearchHit *hit)
{
  const char *number = pk_search_hit_get_item_number (hit) ? pk_search_hit_get_item_number (hit) : "?";

  switch (pk_search_hit_get_kind (hit))
    {
    case PK_SEARCH_KIND_ITEM:
      return g_strdup_printf (_("item %s"), number);
    case PK_SEARCH_KIND_DECISION:
      return g_strdup_printf (_("decision, item %s"), number);
    case PK_SEARCH_KIND_ACTION:
      return g_strdup_printf (_("action, item %s"), number);
    case PK_SEARCH_KIND_ATTACHMENT:
      if (pk_search_hit_get_attachment_number (hit) > 0)
        return g_strdup_printf (_("attachment %d, item %s"), pk_search_hit_get_attachment_number (hit), number);
      return g_strdup_printf (_("attachment, item %s"), number);
    case PK_SEARCH_KIND_MEETING:
    default:
      return g_strdup (_("title"));
    }
}

/* One field of a tab-separated line: no tabs or line breaks inside. */
static char *
one_line (const char *text)
{
  return g_strdelimit (g_strdup (text != NULL && *text != '\0' ? text : "-"), "\t\n\r", ' ');
}

static int
command_search (Invocation *invocation)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GListStore) hits = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  guint n;

  for (int i = 0; i < invocation->argc; i++)
    {
      g_autofree char *word = argument_to_utf8 (invocation->argv[i]);

      if (word == NULL)
        return fail (EXIT_BAD_INPUT, _("The search text is not valid UTF-8 (argument %d)"), i + 1);
      if (i > 0)
        g_string_append_c (query, ' ');
      g_string_append (query, word);
    }
  if (pk_str_or_null (query->str) == NULL)
    return fail (EXIT_USAGE, _("search needs at least one word to look for"));
  if (!(db = open_database (invocation, &status)))
    return status;
  if (!(hits = pk_database_search (db, query->str, invocation->limit, &error)))
    return error->domain == PK_SEARCH_ERROR ? fail (EXIT_BAD_INPUT, "%s", error->message) : fail_with_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (hits));

  if (invocation->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PkSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (hits), i);
          const char *snippet = pk_search_hit_get_snippet (hit);
          const PkSearchRange *ranges;
          guint n_ranges;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, pk_enum_to_nick (PK_TYPE_SEARCH_KIND, pk_search_hit_get_kind (hit)));
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, pk_search_hit_get_id (hit));
          json_builder_set_member_name (builder, "meeting_id");
          json_builder_add_int_value (builder, pk_search_hit_get_meeting_id (hit));
          add_string_or_null (builder, "date", pk_search_hit_get_meeting_date (hit));
          add_string_or_null (builder, "body", pk_search_hit_get_meeting_body (hit));
          add_string_or_null (builder, "title", pk_search_hit_get_meeting_title (hit));
          add_string_or_null (builder, "item_number", pk_search_hit_get_item_number (hit));
          add_string_or_null (builder, "item_title", pk_search_hit_get_item_title (hit));
          json_builder_set_member_name (builder, "attachment_number");
          if (pk_search_hit_get_attachment_number (hit) > 0)
            json_builder_add_int_value (builder, pk_search_hit_get_attachment_number (hit));
          else
            json_builder_add_null_value (builder);
          add_string_or_null (builder, "snippet", snippet);
          /* In characters (code points), which every JSON reader can count; bytes would differ
           * from what a script sees in a string with å, ä, ö. */
          json_builder_set_member_name (builder, "highlights");
          json_builder_begin_array (builder);
          ranges = pk_search_hit_get_highlights (hit, &n_ranges);
          for (guint r = 0; r < n_ranges; r++)
            {
              json_builder_begin_array (builder);
              json_builder_add_int_value (builder, g_utf8_pointer_to_offset (snippet, snippet + ranges[r].start));
              json_builder_add_int_value (builder, g_utf8_pointer_to_offset (snippet + ranges[r].start,
                                                                             snippet + ranges[r].start + ranges[r].length));
              json_builder_end_array (builder);
            }
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, pk_search_hit_get_rank (hit));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json_node (root);
      return EXIT_OK;
    }

  if (n == 0)
    {
      g_printerr (_("No hits for “%s”.\n"), query->str);
      return EXIT_OK;
    }
  /* One hit per line, tab-separated like list: meeting id, date, body, title, where, snippet. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (hits), i);
      g_autofree char *date = one_line (pk_search_hit_get_meeting_date (hit));
      g_autofree char *body = one_line (pk_search_hit_get_meeting_body (hit));
      g_autofree char *title = one_line (pk_search_hit_get_meeting_title (hit));
      g_autofree char *place = describe_hit_place (hit);
      g_autofree char *marked = pk_search_hit_format_snippet (hit, "[", "]");
      g_autofree char *snippet = one_line (marked);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", pk_search_hit_get_meeting_id (hit),
               date, body, title, place, snippet);
    }
  return EXIT_OK;
}

static int
command_ics (Invocation *invocation)
{
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status = EXIT_OK;
  gint64 id;

  if (!parse_id (invocation->argv[0], &id))
    return fail (EXIT_USAGE, _("“%s” is not a meeting id"), invocation->argv[0]);
  if (invocation->out_path == NULL)
    return fail (EXIT_USAGE, _("ics needs --out FILE (- for standard output)"));
  if (!(db = open_database (invocation, &status)))
    return status;
  if (!(text = pk_database_meeting_to_ics (db, id, &error)))
    return fail_with_error (error);
  if (g_str_equal (invocation->out_path, "-"))
    {
      fputs (text, stdout);
      return EXIT_OK;
    }
  /* A temporary file beside it, renamed over it when complete: a failed write leaves nothing,
   * and an invitation already there stays whole. */
  if (!g_file_set_contents_full (invocation->out_path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
    return fail (EXIT_BAD_INPUT, "%s", error->message);
  g_printerr (_("Wrote %s\n"), invocation->out_path);
  return EXIT_OK;
}

static const Command commands[] = {
  { "list", "list [--json]", N_("List the meetings: id, date, body, title, status"), 0, command_list },
  { "show", "show ID [--json]", N_("Show one meeting; with --json the whole meeting as JSON"), 1, command_show },
  { "export-json", "export-json ID", N_("Write the meeting JSON of one meeting to standard output"), 1, command_export_json },
  { "import-json", "import-json FILE", N_("Import a meeting JSON file; prints the new meeting’s id"), 1, command_import_json },
  { "import-text", "import-text FILE", N_("Import minutes written as plain text (- for standard input); prints the new meeting’s id"), 1, command_import_text },
  { "export-pdf", "export-pdf ID --out FILE [--agenda|--protocol|--public]", N_("Write the agenda, the minutes or their public version as PDF"), 1, command_export_pdf },
  { "member-add", "member-add BODY NAME [--role R] [--email A]", N_("Give a person a seat in a body (--organisation, --title, --from, --to)"), 2, command_member_add },
  { "members", "members BODY [--date DATE]", N_("List a body’s members, on a date if given"), 1, command_members },
  { "sign", "sign ID --role R --name NAME", N_("Record a sign-off; the last one required approves the minutes"), 1, command_sign },
  { "correct", "correct ID --reason TEXT", N_("Open approved minutes as a new version (rättelse)"), 1, command_correct },
  { "verify", "verify ID|FILE.pdf", N_("Check approved minutes, or an exported PDF, against their checksum"), 1, command_verify },
  { "next", "next ID", N_("Create the body’s next meeting with deferred items and open actions; prints its id"), 1, command_next },
  { "actions", "actions [--open] [--overdue] [--owner NAME] [--body NAME] [--date TODAY] [--json]", N_("The action register across all meetings"), 0, command_actions },
  { "action-state", "action-state ACTION-ID open|done|cancelled", N_("Close or reopen one action of the register"), 2, command_action_state },
  { "attach", "attach ID ITEM-NUMBER FILE.pdf [--title T]", N_("Add a PDF as an attachment to an item (checked in a separate process first); prints its number"), 3, command_attach },
  { "pdf-probe", "pdf-probe FILE [--json]", N_("Open a PDF in this process and report its pages and text size"), 1, command_pdf_probe },
  { "package-export", "package-export ID --out FILE [--with-notes]", N_("Write one meeting with its attachments to a single package file (--with-notes: with your private notes)"), 1, command_package_export },
  { "package-import", "package-import FILE", N_("Import a meeting package (checked in full first); prints the meeting’s id"), 1, command_package_import },
  { "search", "search QUERY [--limit N] [--json]", N_("Full-text search over all meetings, best hits first"), ONE_OR_MORE, command_search },
  { "ics", "ics ID --out FILE", N_("Write a calendar invitation (iCalendar) for the meeting"), 1, command_ics },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: protokoll-cli [--db PATH] COMMAND [ARGUMENTS…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-34s %s\n", commands[i].synopsis, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-22s %s\n", "--db PATH", _("Use this database (default: $PROTOKOLL_DB or the app’s own)"));
  fprintf (stream, "  %-22s %s\n", "--json", _("Output for machines"));
  fprintf (stream, "  %-22s %s\n", "--out FILE", _("Where export-pdf, package-export and ics write"));
  fprintf (stream, "  %-22s %s\n", "--with-notes", _("package-export: include the private notes on attachments"));
  fprintf (stream, "  %-22s %s\n", "--limit N", _("At most N search hits (default 50)"));
  fprintf (stream, "  %-22s %s\n", "--", _("Everything after it is an argument, even if it starts with -"));
  fprintf (stream, "  %-22s %s\n", "-h, --help", _("Show this help"));
  fprintf (stream, "  %-22s %s\n", "--version", _("Show the version"));
  fprintf (stream, "\n%s\n", _("Exit status: 0 ok, 1 bad input, 2 usage, 3 database problem."));
}

int
main (int   argc,
      char *argv[])
{
  Invocation invocation = { 0 };
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  const Command *command = NULL;
  gboolean options_done = FALSE;

  const char *localedir = g_getenv ("PROTOKOLL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* attach probes with a child protokoll-cli: this very binary, wherever it runs from. */
  if (g_getenv ("PROTOKOLL_CLI") == NULL)
    {
      g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
      if (self_path != NULL)
        g_setenv ("PROTOKOLL_CLI", self_path, TRUE);
    }

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (options_done)
        g_ptr_array_add (positional, (gpointer) arg);
      else if (g_str_equal (arg, "--"))
        options_done = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("protokoll-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else if (g_str_equal (arg, "--json"))
        invocation.json = TRUE;
      else if (g_str_equal (arg, "--agenda") || g_str_equal (arg, "--protocol") || g_str_equal (arg, "--public"))
        {
          if (invocation.pdf_mode != NULL)
            return fail (EXIT_USAGE, _("give only one of --agenda, --protocol and --public"));
          invocation.pdf_mode = arg + 2;
        }
      else if (g_str_equal (arg, "--out"))
        {
          if (++i >= argc)
            return fail (EXIT_USAGE, _("--out needs a file name"));
          invocation.out_path = argv[i];
        }
      else if (g_str_has_prefix (arg, "--out="))
        invocation.out_path = arg + strlen ("--out=");
      else if (g_str_equal (arg, "--role") || g_str_equal (arg, "--organisation") || g_str_equal (arg, "--title") ||
               g_str_equal (arg, "--from") || g_str_equal (arg, "--to") || g_str_equal (arg, "--date") ||
               g_str_equal (arg, "--name") || g_str_equal (arg, "--place") || g_str_equal (arg, "--reason") ||
               g_str_equal (arg, "--email"))
        {
          const char **slot = g_str_equal (arg, "--name") ? &invocation.name
                              : g_str_equal (arg, "--email") ? &invocation.email
                              : g_str_equal (arg, "--place") ? &invocation.place
                              : g_str_equal (arg, "--reason") ? &invocation.reason
                              : g_str_equal (arg, "--role") ? &invocation.role
                              : g_str_equal (arg, "--organisation") ? &invocation.organisation
                              : g_str_equal (arg, "--title") ? &invocation.title
                              : g_str_equal (arg, "--from") ? &invocation.from_date
                              : g_str_equal (arg, "--to") ? &invocation.to_date
                              : &invocation.date;
          if (++i >= argc)
            return fail (EXIT_USAGE, _("%s needs a value"), arg);
          *slot = argv[i];
        }
      else if (g_str_equal (arg, "--open"))
        invocation.open_only = TRUE;
      else if (g_str_equal (arg, "--with-notes"))
        invocation.with_notes = TRUE;
      else if (g_str_equal (arg, "--overdue"))
        invocation.overdue_only = TRUE;
      else if (g_str_equal (arg, "--owner") || g_str_equal (arg, "--body"))
        {
          const char **slot = g_str_equal (arg, "--owner") ? &invocation.owner : &invocation.body;

          if (++i >= argc)
            return fail (EXIT_USAGE, _("%s needs a value"), arg);
          *slot = argv[i];
        }
      else if (g_str_equal (arg, "--limit"))
        {
          guint64 value;

          if (++i >= argc)
            return fail (EXIT_USAGE, _("%s needs a value"), arg);
          if (!g_ascii_string_to_unsigned (argv[i], 10, 1, 100000, &value, NULL))
            return fail (EXIT_USAGE, _("--limit needs a number from 1 to 100000"));
          invocation.limit = (int) value;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (++i >= argc)
            return fail (EXIT_USAGE, _("--db needs a path"));
          invocation.db_path = argv[i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        invocation.db_path = arg + strlen ("--db=");
      else if (arg[0] == '-' && arg[1] != '\0')
        {
          fail (EXIT_USAGE, _("unknown option “%s”"), arg);
          print_usage (stderr);
          return EXIT_USAGE;
        }
      else
        g_ptr_array_add (positional, (gpointer) arg);
    }

  if (positional->len == 0)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, positional->pdata[0]))
      command = &commands[i];
  if (command == NULL)
    {
      fail (EXIT_USAGE, _("unknown command “%s”"), (const char *) positional->pdata[0]);
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (command->n_args == ONE_OR_MORE ? positional->len < 2 : (int) positional->len - 1 != command->n_args)
    return fail (EXIT_USAGE, _("usage: protokoll-cli %s"), command->synopsis);

  invocation.argc = positional->len - 1;
  invocation.argv = (char **) positional->pdata + 1;
  return command->run (&invocation);
}
