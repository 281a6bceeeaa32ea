/* autosave-writer.c: types into an item's discussion and autosaves as the app does, for the kill
 * test (test-autosave-kill.c). Usage: autosave-writer DB MEETING-ID INTERVAL-MS
 *
 * Like the app's panels: the live tree is edited on the main thread; every INTERVAL-MS a deep copy
 * is written on the database's worker, one write at a time, in turn as the Beslut panel writes it
 * (pk_database_save_minutes() of the item, with a decision and an action rewritten) and as the
 * agenda panel does (pk_database_save_agenda() of the meeting); when a write is done, "saved N"
 * (N the discussion's length in bytes in that copy) goes to stdout at once. Every line printed is
 * therefore on disk. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "protokoll-core.h"

typedef struct
{
  PkDatabase *database;
  PkMeeting *meeting;     /* the live tree, "on screen" */
  PkAgendaItem *item;     /* the item being typed into */
  GString *text;
  guint word;
  guint saves;
  gboolean writing;
  GMainLoop *loop;
} Writer;

typedef struct
{
  PkMeeting *copy;        /* the agenda panel's save */
  GPtrArray *items;       /* or the Beslut panel's: copies of the item typed into */
  gsize length;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_object (&snapshot->copy);
  g_clear_pointer (&snapshot->items, g_ptr_array_unref);
  g_free (snapshot);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Snapshot *snapshot = task_data;
  GError *error = NULL;
  PkDatabase *database = source_object;

  if (snapshot->items != NULL ? pk_database_save_minutes (database, snapshot->items, &error)
                              : pk_database_save_agenda (database, snapshot->copy, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Writer *writer = user_data;
  Snapshot *snapshot = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  writer->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_printerr ("autosave-writer: %s\n", error->message);
      exit (1);
    }
  if (snapshot->copy != NULL)
    pk_meeting_adopt_ids (snapshot->copy);
  else
    pk_agenda_item_adopt_ids (g_ptr_array_index (snapshot->items, 0));
  printf ("saved %" G_GSIZE_FORMAT "\n", snapshot->length);
  fflush (stdout);
}

/* A few words typed since the last save, then the save the debounce would start. */
static gboolean
tick (gpointer user_data)
{
  Writer *writer = user_data;
  static const char *const words[] = { "Beslut", "om", "årets", "budget", "för", "förskolan", "Växjö",
                                       "ärendet", "återremitteras", "till", "nämnden" };
  g_autoptr(GTask) task = NULL;
  Snapshot *snapshot;

  for (guint i = 0; i < 3; i++)
    {
      g_string_append_printf (writer->text, "%s%s", writer->text->len ? " " : "",
                              words[writer->word % G_N_ELEMENTS (words)]);
      writer->word++;
    }
  pk_agenda_item_set_discussion (writer->item, writer->text->str);
  if (writer->writing)
    return G_SOURCE_CONTINUE;

  snapshot = g_new0 (Snapshot, 1);
  writer->saves++;
  if (writer->saves % 2 == 0)
    {
      GListStore *decisions = pk_agenda_item_get_decisions (writer->item);
      g_autoptr(PkDecision) decision = NULL;
      g_autoptr(PkAction) action = pk_action_new ();
      g_autofree char *text = g_strdup_printf ("Beslut efter %u ord.", writer->word);

      /* The decision is written anew on every such save, the actions grow by one. */
      if (g_list_model_get_n_items (G_LIST_MODEL (decisions)) == 0)
        {
          decision = pk_decision_new ();
          g_list_store_append (decisions, decision);
        }
      else
        decision = g_list_model_get_item (G_LIST_MODEL (decisions), 0);
      pk_decision_set_text (decision, text);
      pk_action_set_text (action, text);
      g_list_store_append (pk_agenda_item_get_actions (writer->item), action);
      snapshot->items = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (snapshot->items, pk_agenda_item_copy_deep (writer->item));
    }
  else
    snapshot->copy = pk_meeting_copy_deep (writer->meeting);
  snapshot->length = writer->text->len;
  writer->writing = TRUE;
  task = g_task_new (writer->database, NULL, write_done, writer);
  g_task_set_task_data (task, snapshot, (GDestroyNotify) snapshot_free);
  pk_database_run_in_worker (writer->database, task, write_thread);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkAgendaItem) item = NULL;
  Writer writer = { 0 };
  guint64 meeting_id, interval;

  if (argc != 4 || !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &meeting_id, NULL) ||
      !g_ascii_string_to_unsigned (argv[3], 10, 1, 10000, &interval, NULL))
    {
      g_printerr ("usage: autosave-writer DB MEETING-ID INTERVAL-MS\n");
      return 2;
    }
  if (!(writer.database = pk_database_open (argv[1], &error)) ||
      !(writer.meeting = pk_database_load_meeting (writer.database, (gint64) meeting_id, &error)))
    {
      g_printerr ("autosave-writer: %s\n", error->message);
      return 1;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (pk_meeting_get_items (writer.meeting))) == 0)
    {
      g_printerr ("autosave-writer: the meeting has no item\n");
      return 1;
    }
  /* Typing goes on from what is stored, as after reopening the app. */
  item = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (writer.meeting)), 0);
  writer.item = item;
  writer.text = g_string_new (pk_agenda_item_get_discussion (item));
  printf ("ready %" G_GSIZE_FORMAT "\n", writer.text->len);
  fflush (stdout);

  writer.loop = g_main_loop_new (NULL, FALSE);
  g_timeout_add ((guint) interval, tick, &writer);
  g_main_loop_run (writer.loop);
  return 0;
}
