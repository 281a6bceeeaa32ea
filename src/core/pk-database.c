/* pk-database.c: opening, checking and migrating the SQLite file, transactions and the job queue. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pk-database.h"
#include "pk-schema.h"

struct _PkDatabase
{
  GObject parent_instance;

  char *path;
  char *backup_path;
  sqlite3 *handle;
  int schema_version;
  guint transaction_depth;
  GThreadPool *worker;
};

G_DEFINE_FINAL_TYPE (PkDatabase, pk_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (pk-database-error-quark, pk_database_error)

/* The SQLite file format's magic string, the first 16 bytes of every database file. */
static const char sqlite_magic[16] = "SQLite format 3";

typedef struct
{
  GTask *task;
  GTaskThreadFunc func;
} WorkerJob;

static void
pk_database_finalize (GObject *object)
{
  PkDatabase *self = (PkDatabase *) object;

  /* Finish queued jobs (autosaves) before the connection goes. */
  if (self->worker != NULL)
    g_thread_pool_free (self->worker, FALSE, TRUE);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (pk_database_parent_class)->finalize (object);
}

static void
pk_database_class_init (PkDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pk_database_finalize;
}

static void
pk_database_init (PkDatabase *self)
{
}

static int
error_code_from_sqlite (int rc)
{
  /* The lock triggers of a justerat protocol raise this. */
  if (rc == SQLITE_CONSTRAINT_TRIGGER)
    return PK_DATABASE_ERROR_JUSTERAT;
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return PK_DATABASE_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return PK_DATABASE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return PK_DATABASE_ERROR_LOCKED;
    case SQLITE_FULL:
      return PK_DATABASE_ERROR_FULL;
    case SQLITE_CONSTRAINT:
      return PK_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_READONLY:
      return PK_DATABASE_ERROR_READ_ONLY;
    default:
      return PK_DATABASE_ERROR_FAILED;
    }
}

static gboolean
set_error_from_handle (sqlite3     *handle,
                       const char  *path,
                       int          rc,
                       GError     **error)
{
  int code = error_code_from_sqlite (rc);
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  switch (code)
    {
    case PK_DATABASE_ERROR_FULL:
      g_set_error (error, PK_DATABASE_ERROR, code,
                   _("The disk is full: nothing was saved to “%s”"), path);
      break;
    case PK_DATABASE_ERROR_LOCKED:
      g_set_error (error, PK_DATABASE_ERROR, code,
                   _("“%s” is in use by another program"), path);
      break;
    case PK_DATABASE_ERROR_CORRUPT:
    case PK_DATABASE_ERROR_NOT_DATABASE:
      g_set_error (error, PK_DATABASE_ERROR, code,
                   _("“%s” is damaged and cannot be used (%s)"), path, detail);
      break;
    default:
      g_set_error (error, PK_DATABASE_ERROR, code, "%s", detail);
      break;
    }
  return FALSE;
}

gboolean
pk_database_set_error (PkDatabase  *self,
                       int          rc,
                       GError     **error)
{
  return set_error_from_handle (self->handle, self->path, rc, error);
}

char *
pk_database_get_default_path (void)
{
  const char *env = g_getenv ("PROTOKOLL_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "protokoll", "protokoll.db", NULL);
}

/* Reads the 100-byte header without SQLite, so a file that is not a database is refused before
 * anything could open it for writing. */
static gboolean
check_header (const char  *path,
              gboolean    *is_empty,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 header[100];
  gsize n_read = 0;
  GError *local_error = NULL;
  guint32 user_version;

  *is_empty = FALSE;
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read, NULL,
                                &local_error))
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  if (n_read == 0)
    {
      /* SQLite itself treats an empty file as an empty database. */
      *is_empty = TRUE;
      return TRUE;
    }
  if (n_read < sizeof header || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Protokoll database"), path);
      return FALSE;
    }
  user_version = (guint32) header[60] << 24 | (guint32) header[61] << 16 |
                 (guint32) header[62] << 8 | (guint32) header[63];
  if (user_version > PK_SCHEMA_VERSION)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Protokoll (database version %u; "
                     "this version knows up to %d). Update Protokoll to open it."),
                   path, user_version, PK_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3     *handle,
           const char  *path,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error_from_handle (handle, path, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* A read-only look at an existing file: schema version and a structural check. Nothing is written
 * to a file that fails here. */
static gboolean
check_existing (const char  *path,
                int         *version,
                GError     **error)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;
  gboolean ok = FALSE;

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_handle (handle, path, rc, error);
      goto out;
    }
  sqlite3_busy_timeout (handle, 5000);
  if (!query_int (handle, path, "PRAGMA user_version", version, error))
    goto out;
  if (*version > PK_SCHEMA_VERSION)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Protokoll (database version %d; "
                     "this version knows up to %d). Update Protokoll to open it."),
                   path, *version, PK_SCHEMA_VERSION);
      goto out;
    }

  rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error_from_handle (handle, path, rc, error);
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be used (%s)"), path,
                   (const char *) sqlite3_column_text (stmt, 0));
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (handle);
  return ok;
}

gboolean
pk_database_exec (PkDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return pk_database_set_error (self, rc, error);
  return TRUE;
}

sqlite3_stmt *
pk_database_prepare (PkDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      pk_database_set_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
pk_database_begin (PkDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  /* IMMEDIATE takes the write lock up front, so a busy database fails here and not halfway. */
  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT pk_%u", self->transaction_depth);
  if (!pk_database_exec (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
pk_database_commit (PkDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE pk_%u", self->transaction_depth - 1);
  if (!pk_database_exec (self, sql, error))
    {
      pk_database_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  return TRUE;
}

void
pk_database_rollback (PkDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO pk_%u; RELEASE pk_%u",
                           self->transaction_depth - 1, self->transaction_depth - 1);
  /* A failed COMMIT may already have ended the transaction; nothing more to undo then. */
  sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  self->transaction_depth--;
}

static gboolean
backup_before_migration (PkDatabase  *self,
                         int          from_version,
                         GError     **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.backup-v%d", self->path, from_version);
  sqlite3 *backup_handle = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (backup_path);
  rc = sqlite3_open_v2 (backup_path, &backup_handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (backup_handle, "main", self->handle, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (backup_handle);
    }
  if (rc != SQLITE_OK)
    {
      set_error_from_handle (backup_handle, backup_path, rc, error);
      g_prefix_error (error, _("Could not back up the database before upgrading it: "));
      sqlite3_close_v2 (backup_handle);
      g_unlink (backup_path);
      return FALSE;
    }
  sqlite3_close_v2 (backup_handle);
  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&backup_path);
  return TRUE;
}

static gboolean
migrate (PkDatabase  *self,
         int          from_version,
         int          to_version,
         GError     **error)
{
  if (from_version > 0 && from_version < to_version &&
      !backup_before_migration (self, from_version, error))
    return FALSE;

  for (int version = from_version + 1; version <= to_version; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

      if (!pk_database_begin (self, error))
        return FALSE;
      if (!pk_database_exec (self, pk_schema_get_migration (version), error) ||
          !pk_database_exec (self, set_version, error))
        {
          g_prefix_error (error, _("Upgrading the database to version %d failed: "), version);
          pk_database_rollback (self);
          return FALSE;
        }
      if (!pk_database_commit (self, error))
        return FALSE;
      self->schema_version = version;
    }
  return TRUE;
}

static PkDatabase *
open_internal (const char  *path,
               int          target_version,
               GError     **error)
{
  g_autoptr(PkDatabase) self = NULL;
  g_autofree char *dir = NULL;
  gboolean exists, is_empty = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is a folder, not a Protokoll database"), path);
      return NULL;
    }
  if (exists)
    {
      if (!check_header (path, &is_empty, error))
        return NULL;
      if (!is_empty && !check_existing (path, &version, error))
        return NULL;
    }
  else
    {
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_FAILED,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  self = g_object_new (PK_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->schema_version = version;

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      pk_database_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 5000);

  /* WAL + FULL: a kill at any moment loses at most the open transaction, never the file. */
  if (!pk_database_exec (self,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;",
                         error))
    return NULL;

  if (version < target_version && !migrate (self, version, target_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

PkDatabase *
pk_database_open (const char  *path,
                  GError     **error)
{
  return open_internal (path, PK_SCHEMA_VERSION, error);
}

PkDatabase *
pk_database_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= PK_SCHEMA_VERSION, NULL);
  return open_internal (path, version, error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PkDatabase *database = pk_database_open (task_data, &error);

  if (database == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, database, g_object_unref);
}

void
pk_database_open_async (const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, pk_database_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

PkDatabase *
pk_database_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  PkDatabase *database;
  GListStore *meetings;
} OpenedWithMeetings;

static void
opened_with_meetings_free (OpenedWithMeetings *opened)
{
  g_clear_object (&opened->database);
  g_clear_object (&opened->meetings);
  g_free (opened);
}

static void
open_with_meetings_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  g_autoptr(PkDatabase) database = NULL;
  GError *error = NULL;
  GListStore *meetings;
  OpenedWithMeetings *opened;

  if (!(database = pk_database_open (task_data, &error)) ||
      !(meetings = pk_database_list_meetings (database, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  opened = g_new0 (OpenedWithMeetings, 1);
  opened->database = g_steal_pointer (&database);
  opened->meetings = meetings;
  g_task_return_pointer (task, opened, (GDestroyNotify) opened_with_meetings_free);
}

void
pk_database_open_with_meetings_async (const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, pk_database_open_with_meetings_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_with_meetings_thread);
}

PkDatabase *
pk_database_open_with_meetings_finish (GAsyncResult  *result,
                                       GListStore   **meetings,
                                       GError       **error)
{
  OpenedWithMeetings *opened = g_task_propagate_pointer (G_TASK (result), error);
  PkDatabase *database;

  if (opened == NULL)
    return NULL;
  database = g_steal_pointer (&opened->database);
  if (meetings != NULL)
    *meetings = g_steal_pointer (&opened->meetings);
  opened_with_meetings_free (opened);
  return database;
}

const char *
pk_database_get_path (PkDatabase *self)
{
  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
pk_database_get_handle (PkDatabase *self)
{
  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);
  return self->handle;
}

int
pk_database_get_schema_version (PkDatabase *self)
{
  g_return_val_if_fail (PK_IS_DATABASE (self), 0);
  return self->schema_version;
}

const char *
pk_database_get_backup_path (PkDatabase *self)
{
  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);
  return self->backup_path;
}

static void
run_worker_job (gpointer data,
                gpointer user_data)
{
  WorkerJob *job = data;

  job->func (job->task, g_task_get_source_object (job->task), g_task_get_task_data (job->task),
             g_task_get_cancellable (job->task));
  g_object_unref (job->task);
  g_free (job);
}

void
pk_database_run_in_worker (PkDatabase      *self,
                           GTask           *task,
                           GTaskThreadFunc  func)
{
  WorkerJob *job;

  g_return_if_fail (PK_IS_DATABASE (self));

  if (self->worker == NULL)
    self->worker = g_thread_pool_new (run_worker_job, self, 1, TRUE, NULL);
  job = g_new0 (WorkerJob, 1);
  job->task = g_object_ref (task);
  job->func = func;
  g_thread_pool_push (self->worker, job, NULL);
}

typedef struct
{
  GTask *task;
  GTaskThreadFunc store;
} PreparedJob;

static void
prepared_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PreparedJob *job = user_data;
  g_autoptr(GTask) task = job->task;
  GTaskThreadFunc store = job->store;
  GError *error = NULL;

  g_free (job);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  pk_database_run_in_worker (PK_DATABASE (source), task, store);
}

void
pk_database_run_prepared_in_worker (PkDatabase      *self,
                                    GTask           *task,
                                    GTaskThreadFunc  prepare,
                                    GTaskThreadFunc  store)
{
  g_autoptr(GTask) prepare_task = NULL;
  PreparedJob *job;

  g_return_if_fail (PK_IS_DATABASE (self));
  g_return_if_fail (G_IS_TASK (task));

  job = g_new0 (PreparedJob, 1);
  job->task = g_object_ref (task);
  job->store = store;
  prepare_task = g_task_new (self, g_task_get_cancellable (task), prepared_done, job);
  g_task_set_task_data (prepare_task, task, NULL);
  g_task_run_in_thread (prepare_task, prepare);
}
