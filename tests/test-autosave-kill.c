/* test-autosave-kill.c: kill -9 an autosaving writer at random moments; the file must open, pass
 * PRAGMA integrity_check and hold at least what the writer reported as saved, and nothing else. */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "pk-test-util.h"
#include "protokoll-core.h"

#define ROUNDS 24
#define WRITER_INTERVAL_MS "5"

static const char *writer_path;

/* The words autosave-writer.c types, in its order (a copy: the test must know what is right). */
static const char *const words[] = { "Beslut", "om", "årets", "budget", "för", "förskolan", "Växjö",
                                     "ärendet", "återremitteras", "till", "nämnden" };

/* What the writer's text is after typing @n_words words onto @base. */
static char *
typed_text (const char *base,
            guint       n_words)
{
  GString *text = g_string_new (base);

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (text, "%s%s", text->len ? " " : "", words[i % G_N_ELEMENTS (words)]);
  return g_string_free (text, FALSE);
}

/* TRUE when @stored is @base plus a whole number of the writer's ticks (3 words each). */
static gboolean
is_typed_prefix (const char *base,
                 const char *stored)
{
  for (guint ticks = 0;; ticks++)
    {
      g_autofree char *expected = typed_text (base, ticks * 3);
      gsize len = strlen (expected);

      if (g_str_equal (expected, stored))
        return TRUE;
      if (len > strlen (stored))
        return FALSE;
    }
}

/* Reads what is there without blocking; appends whole lines' numbers after "saved ". */
static void
parse_lines (GString *buffer,
             gint64  *last_saved,
             gboolean *ready,
             guint   *n_saves)
{
  char *newline;

  while ((newline = strchr (buffer->str, '\n')) != NULL)
    {
      g_autofree char *line = g_strndup (buffer->str, newline - buffer->str);

      if (g_str_has_prefix (line, "saved "))
        {
          gint64 n = g_ascii_strtoll (line + strlen ("saved "), NULL, 10);
          g_assert_cmpint (n, >=, *last_saved);
          *last_saved = n;
          (*n_saves)++;
        }
      else if (g_str_has_prefix (line, "ready "))
        *ready = TRUE;
      else
        g_error ("unexpected output from the writer: %s", line);
      g_string_erase (buffer, 0, newline - buffer->str + 1);
    }
}

/* TRUE at end of file. */
static gboolean
read_available (GInputStream *stream,
                GString      *buffer,
                gboolean      blocking)
{
  char chunk[4096];
  gssize n;

  for (;;)
    {
      g_autoptr(GError) error = NULL;

      if (blocking)
        n = g_input_stream_read (stream, chunk, sizeof chunk, NULL, &error);
      else
        n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (stream), chunk, sizeof chunk,
                                                      NULL, &error);
      if (n > 0)
        {
          g_string_append_len (buffer, chunk, n);
          continue;
        }
      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return FALSE;
      g_assert_no_error (error);
      return TRUE;
    }
}

static char *
stored_discussion (const char *path,
                   gint64      meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = pk_database_open (path, &error);
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(PkAgendaItem) item = NULL;
  sqlite3_stmt *stmt;

  /* It must open as it is, whatever moment the writer died at. */
  g_assert_no_error (error);
  g_assert_nonnull (db);
  stmt = pk_database_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  meeting = pk_database_load_meeting (db, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_items (meeting))), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (meeting)), 0);
  return g_strdup (pk_agenda_item_get_discussion (item));
}

static void
test_kill_while_autosaving (void)
{
  g_autofree char *dir = pk_test_dir_new ();
  g_autofree char *path = g_build_filename (dir, "autosave.db", NULL);
  g_autofree char *base = g_strdup ("");
  g_autofree char *id_text = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  gint64 meeting_id;
  guint rounds_with_saves = 0, total_saves = 0;
  gint64 started = g_get_monotonic_time ();

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PkDatabase) db = pk_database_open (path, &error);
    g_autoptr(PkMeeting) meeting = pk_meeting_new ();
    g_autoptr(PkAgendaItem) first = pk_agenda_item_new ();
    g_autoptr(PkAgendaItem) second = pk_agenda_item_new ();

    g_assert_no_error (error);
    pk_meeting_set_title (meeting, "Sammanträde");
    pk_meeting_set_body (meeting, "Kommunstyrelsen");
    pk_agenda_item_set_title (first, "Budget");
    pk_agenda_item_set_title (second, "Övriga frågor");
    g_list_store_append (pk_meeting_get_items (meeting), first);
    g_list_store_append (pk_meeting_get_items (meeting), second);
    meeting_id = pk_database_insert_meeting (db, meeting, &error);
    g_assert_no_error (error);
  }
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) writer = NULL;
      g_autoptr(GString) buffer = g_string_new (NULL);
      g_autofree char *stored = NULL;
      GInputStream *out;
      gint64 last_saved = -1;
      gboolean ready = FALSE;
      guint n_saves = 0;
      /* Even rounds: from spawning, so some kills land in start-up (open, WAL recovery of the last
       * kill). Odd rounds: from "ready", so they land among the saves however slow start-up is. */
      gboolean from_ready = round % 2 == 1;
      gint64 delay = g_rand_int_range (rand, 5, 300) * 1000;
      gint64 spawned = g_get_monotonic_time ();
      gint64 kill_at = from_ready ? G_MAXINT64 : spawned + delay;

      writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                 writer_path, path, id_text, WRITER_INTERVAL_MS, NULL);
      g_assert_no_error (error);
      out = g_subprocess_get_stdout_pipe (writer);
      while (g_get_monotonic_time () < kill_at)
        {
          gboolean eof = read_available (out, buffer, FALSE);

          parse_lines (buffer, &last_saved, &ready, &n_saves);
          if (from_ready && ready && kill_at == G_MAXINT64)
            kill_at = g_get_monotonic_time () + delay;
          g_assert_cmpint (g_get_monotonic_time () - spawned, <, 10 * G_USEC_PER_SEC);
          /* The writer runs until killed: an end of its output means it failed. */
          if (eof)
            {
              g_subprocess_wait (writer, NULL, NULL);
              g_error ("round %u: the writer stopped by itself (status %d)", round,
                       g_subprocess_get_exit_status (writer));
            }
          g_usleep (1000);
        }
      g_subprocess_send_signal (writer, SIGKILL);
      g_subprocess_wait (writer, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (writer));
      g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);
      /* Lines written before the kill are still in the pipe; each one is a commit. */
      read_available (out, buffer, TRUE);
      parse_lines (buffer, &last_saved, &ready, &n_saves);

      stored = stored_discussion (path, meeting_id);
      g_test_message ("round %u: %u saves, last %" G_GINT64_FORMAT ", stored %" G_GSIZE_FORMAT " bytes",
                      round, n_saves, last_saved, strlen (stored));
      /* Never less than reported saved; never anything but what was typed (whole saves only). */
      g_assert_cmpint ((gint64) strlen (stored), >=, last_saved);
      g_assert_cmpint (strlen (stored), >=, strlen (base));
      g_assert_true (g_utf8_validate (stored, -1, NULL));
      if (!is_typed_prefix (base, stored))
        g_error ("round %u: the stored text is not what was typed: “%s”", round, stored);
      rounds_with_saves += n_saves > 0;
      total_saves += n_saves;
      g_free (base);
      base = g_steal_pointer (&stored);
    }
  g_test_message ("%u of %d rounds saved, %u saves in all, %.1f s", rounds_with_saves, ROUNDS, total_saves,
                  (g_get_monotonic_time () - started) / 1e6);
  /* The test means something only if most kills hit a writer that was saving. */
  g_assert_cmpuint (rounds_with_saves, >=, ROUNDS / 3);
  g_assert_cmpuint (strlen (base), >, 0);
  pk_test_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  writer_path = g_getenv ("PK_TEST_AUTOSAVE_WRITER");
  if (writer_path == NULL && argc > 1)
    writer_path = argv[1];
  g_assert_nonnull (writer_path);
  g_test_add_func ("/autosave/kill-while-autosaving", test_kill_while_autosaving);
  return g_test_run ();
}
