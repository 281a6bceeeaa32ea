/* pk-saver.c: autosave for an editor: debounced, one write at a time on the database's worker,
 * the application held until it is on disk. */
#include "config.h"

#include "pk-saver.h"

/* Typing pauses this long before a write; focus changes and closing write at once. */
#define AUTOSAVE_DELAY_MS 500

struct _PkSaver
{
  GObject parent_instance;

  GObject *owner;   /* weak */
  PkSaverSnapshotFunc snapshot;
  PkSaverWriteFunc write;
  PkSaverDoneFunc done;
  GDestroyNotify free_snapshot;
  PkDatabase *database;
  guint timeout_id;
  gboolean writing;
  gboolean again;
};

G_DEFINE_FINAL_TYPE (PkSaver, pk_saver, G_TYPE_OBJECT)

typedef struct
{
  PkSaver *saver;
  PkDatabase *database;
  gpointer snapshot;
} Job;

static void
job_free (Job *job)
{
  if (job->snapshot != NULL)
    job->saver->free_snapshot (job->snapshot);
  g_clear_object (&job->saver);
  g_clear_object (&job->database);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (job->saver->write (job->database, job->snapshot, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void write_now (PkSaver *self);

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  PkSaver *self = job->saver;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  self->writing = FALSE;
  if (self->owner != NULL)
    self->done (self->owner, job->snapshot, error);
  /* Edits made during the write: another one, now that the first one's results are in. */
  if (self->again)
    {
      self->again = FALSE;
      write_now (self);
    }
  g_application_release (g_application_get_default ());
}

static void
write_now (PkSaver *self)
{
  g_autoptr(GTask) task = NULL;
  gpointer snapshot;
  Job *job;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->database == NULL || self->owner == NULL)
    return;
  /* One write at a time: the next copy must see what the last write gave back (new ids). */
  if (self->writing)
    {
      self->again = TRUE;
      return;
    }
  if ((snapshot = self->snapshot (self->owner)) == NULL)
    return;
  job = g_new0 (Job, 1);
  job->saver = g_object_ref (self);
  job->database = g_object_ref (self->database);
  job->snapshot = snapshot;
  self->writing = TRUE;
  task = g_task_new (NULL, NULL, write_done, NULL);
  g_task_set_source_tag (task, write_now);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* Held until written: quitting right after typing must not lose the words. */
  g_application_hold (g_application_get_default ());
  pk_database_run_in_worker (self->database, task, write_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  PkSaver *self = user_data;

  self->timeout_id = 0;
  write_now (self);
  return G_SOURCE_REMOVE;
}

void
pk_saver_schedule (PkSaver *self)
{
  g_return_if_fail (PK_IS_SAVER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (AUTOSAVE_DELAY_MS, timeout_cb, self);
}

void
pk_saver_flush (PkSaver *self)
{
  g_return_if_fail (PK_IS_SAVER (self));

  if (self->timeout_id != 0)
    write_now (self);
}

gboolean
pk_saver_is_busy (PkSaver *self)
{
  g_return_val_if_fail (PK_IS_SAVER (self), FALSE);
  return self->writing || self->timeout_id != 0;
}

void
pk_saver_set_database (PkSaver    *self,
                       PkDatabase *database)
{
  g_return_if_fail (PK_IS_SAVER (self));

  pk_saver_flush (self);
  self->again = FALSE;
  g_set_object (&self->database, database);
}

static void
pk_saver_finalize (GObject *object)
{
  PkSaver *self = PK_SAVER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->owner);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (pk_saver_parent_class)->finalize (object);
}

static void
pk_saver_class_init (PkSaverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pk_saver_finalize;
}

static void
pk_saver_init (PkSaver *self)
{
}

PkSaver *
pk_saver_new (GObject             *owner,
              PkSaverSnapshotFunc  snapshot,
              PkSaverWriteFunc     write,
              PkSaverDoneFunc      done,
              GDestroyNotify       free_snapshot)
{
  PkSaver *self = g_object_new (PK_TYPE_SAVER, NULL);

  g_set_weak_pointer (&self->owner, owner);
  self->snapshot = snapshot;
  self->write = write;
  self->done = done;
  self->free_snapshot = free_snapshot;
  return self;
}
