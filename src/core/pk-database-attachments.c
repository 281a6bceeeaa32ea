/* pk-database-attachments.c: PkDatabase methods for bilagor (stored PDFs) and their annotations. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pk-annotation.h"
#include "pk-attachment.h"
#include "pk-database-private.h"
#include "pk-pdf-probe.h"
#include "pk-util.h"

/* Bytes per sqlite3_blob_read/write: a bilaga is never whole in memory on its way in or out. */
#define CHUNK (256 * 1024)

/* The words pk_database_sign() uses for the same refusal. */
#define JUSTERAT_MESSAGE N_("The minutes are already approved; make a correction to change them")

static void
set_attachment_not_found (GError **error,
                          gint64   attachment_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, attachment_id);

  g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND,
               _("There is no attachment with id %s"), id);
}

/* "Budget 2026.pdf" → "Budget 2026". */
static char *
default_title (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* The SHA-256 of a file, read in chunks. */
static char *
file_sha256 (GFile    *file,
             goffset  *size,
             GError  **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (CHUNK);
  *size = 0;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, CHUNK, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      *size += n;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* The item's meeting, refusing a justerat one before anything is written. */
static gboolean
find_item_meeting (PkDatabase  *self,
                   gint64       item_id,
                   gint64      *meeting_id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = pk_database_prepare (self,
                              "SELECT m.id, m.status FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"
                              " WHERE i.id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item_id);
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND,
                   _("There is no agenda item with id %s"), id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return pk_database_set_error (self, rc, error);
  if (g_strcmp0 (pk_column_text (stmt, 1), "justerat") == 0)
    {
      g_set_error_literal (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT, _(JUSTERAT_MESSAGE));
      return FALSE;
    }
  *meeting_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Stores the file's bytes under @sha256 unless they are there already. The file is read a second
 * time as it is written and must hash the same: a file changed meanwhile is refused. */
gboolean
pk_database_store_blob (PkDatabase  *self,
                        GFile       *file,
                        const char  *sha256,
                        goffset      size,
                        GError     **error)
{
  sqlite3 *handle = pk_database_get_handle (self);
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  sqlite3_blob *blob = NULL;
  goffset offset = 0;
  int rc;

  find = pk_database_prepare (self, "SELECT 1 FROM blob WHERE sha256 = ?", error);
  if (find == NULL)
    return FALSE;
  pk_bind_text (find, 1, sha256);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return pk_database_set_error (self, rc, error);

  if (size > sqlite3_limit (handle, SQLITE_LIMIT_LENGTH, -1))
    {
      g_autofree char *formatted = g_format_size (size);
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT,
                   _("The file is too large to be stored as an attachment (%s)"), formatted);
      return FALSE;
    }
  insert = pk_database_prepare (self, "INSERT INTO blob (sha256, size, data) VALUES (?, ?, zeroblob (?))",
                                error);
  if (insert == NULL)
    return FALSE;
  pk_bind_text (insert, 1, sha256);
  sqlite3_bind_int64 (insert, 2, size);
  sqlite3_bind_int64 (insert, 3, size);
  if (!pk_step_done (self, insert, error))
    return FALSE;
  if (size == 0)
    return TRUE;

  rc = sqlite3_blob_open (handle, "main", "blob", "data", sqlite3_last_insert_rowid (handle), 1, &blob);
  if (rc != SQLITE_OK)
    return pk_database_set_error (self, rc, error);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    goto fail;
  buffer = g_malloc (CHUNK);
  while (offset < size)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, MIN (CHUNK, size - offset), NULL, error);

      if (n < 0)
        goto fail;
      if (n == 0)
        break;
      rc = sqlite3_blob_write (blob, buffer, (int) n, (int) offset);
      if (rc != SQLITE_OK)
        {
          pk_database_set_error (self, rc, error);
          goto fail;
        }
      g_checksum_update (checksum, buffer, n);
      offset += n;
    }
  rc = sqlite3_blob_close (blob);
  blob = NULL;
  if (rc != SQLITE_OK)
    return pk_database_set_error (self, rc, error);
  if (offset != size || g_strcmp0 (g_checksum_get_string (checksum), sha256) != 0)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH,
                   _("The file changed while it was being stored; try again"));
      return FALSE;
    }
  return TRUE;

fail:
  if (blob != NULL)
    sqlite3_blob_close (blob);
  return FALSE;
}

static PkAttachment *
attachment_from_row (sqlite3_stmt *stmt)
{
  PkAttachment *attachment = pk_attachment_new ();
  int probe = PK_PROBE_STATUS_UNKNOWN;

  pk_attachment_set_id (attachment, sqlite3_column_int64 (stmt, 0));
  pk_attachment_set_number (attachment, sqlite3_column_type (stmt, 1) == SQLITE_NULL
                                          ? -1 : sqlite3_column_int (stmt, 1));
  pk_attachment_set_title (attachment, pk_column_text (stmt, 2));
  pk_attachment_set_sha256 (attachment, pk_column_text (stmt, 3));
  pk_attachment_set_pages (attachment, sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                         ? -1 : sqlite3_column_int (stmt, 4));
  if (pk_column_text (stmt, 5) != NULL)
    pk_enum_from_nick (PK_TYPE_PROBE_STATUS, pk_column_text (stmt, 5), &probe);
  pk_attachment_set_probe_result (attachment, probe);
  return attachment;
}

PkAttachment *
pk_database_load_attachment (PkDatabase  *self,
                             gint64       attachment_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  stmt = pk_database_prepare (self,
                              "SELECT id, number, title, sha256, page_count, probe_result"
                              " FROM attachment WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return attachment_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_attachment_not_found (error, attachment_id);
  else
    pk_database_set_error (self, rc, error);
  return NULL;
}

PkAttachment *
pk_database_attach_probed_file (PkDatabase           *self,
                                gint64                item_id,
                                const char           *path,
                                const char           *title,
                                const PkProbeResult  *probe,
                                GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *fallback_title = NULL;
  gint64 meeting_id = 0, attachment_id;
  goffset size = 0;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (probe != NULL, NULL);

  if (!pk_pdf_check_magic (path, error))
    return NULL;
  file = g_file_new_for_path (path);
  if (!(sha256 = file_sha256 (file, &size, error)))
    return NULL;
  if (pk_str_or_null (title) == NULL)
    title = fallback_title = default_title (path);

  if (!pk_database_begin (self, error))
    return NULL;
  if (!find_item_meeting (self, item_id, &meeting_id, error) ||
      !pk_database_store_blob (self, file, sha256, size, error))
    goto fail;

  insert = pk_database_prepare (self,
                                "INSERT INTO attachment (item_id, position, title, sha256, page_count, text,"
                                " probe_result) VALUES (?1,"
                                " (SELECT coalesce (max (position) + 1, 0) FROM attachment WHERE item_id = ?1),"
                                " ?2, ?3, ?4, ?5, ?6)",
                                error);
  if (insert == NULL)
    goto fail;
  sqlite3_bind_int64 (insert, 1, item_id);
  pk_bind_text (insert, 2, title);
  pk_bind_text (insert, 3, sha256);
  if (probe->status == PK_PROBE_STATUS_OK && probe->pages >= 0)
    sqlite3_bind_int (insert, 4, probe->pages);
  else
    sqlite3_bind_null (insert, 4);
  pk_bind_text (insert, 5, probe->status == PK_PROBE_STATUS_OK ? probe->text : NULL);
  pk_bind_text (insert, 6, probe->status == PK_PROBE_STATUS_UNKNOWN
                             ? NULL : pk_enum_to_nick (PK_TYPE_PROBE_STATUS, probe->status));
  if (!pk_step_done (self, insert, error))
    goto fail;
  attachment_id = sqlite3_last_insert_rowid (pk_database_get_handle (self));
  if (!pk_database_renumber_attachments (self, meeting_id, error))
    goto fail;
  /* A failed commit has rolled back already. */
  if (!pk_database_commit (self, error))
    return NULL;
  return pk_database_load_attachment (self, attachment_id, error);

fail:
  pk_database_rollback (self);
  return NULL;
}

PkAttachment *
pk_database_attach_file (PkDatabase  *self,
                         gint64       item_id,
                         const char  *path,
                         const char  *title,
                         GError     **error)
{
  g_auto(PkProbeResult) probe = { 0 };
  gint64 meeting_id;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  /* Refuse an unknown item or a justerat meeting before a probe of up to 10 s. */
  if (!find_item_meeting (self, item_id, &meeting_id, error))
    return NULL;
  if (!pk_pdf_probe_file (path, &probe, error))
    return NULL;
  return pk_database_attach_probed_file (self, item_id, path, title, &probe, error);
}

typedef struct
{
  gint64 item_id;
  char *path;
  char *title;
  PkProbeResult probe;
} AttachData;

static void
attach_data_free (gpointer data)
{
  AttachData *attach = data;

  g_free (attach->path);
  g_free (attach->title);
  pk_probe_result_clear (&attach->probe);
  g_free (attach);
}

static void
attach_store_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AttachData *attach = task_data;
  GError *error = NULL;
  PkAttachment *attachment;

  attachment = pk_database_attach_probed_file (source, attach->item_id, attach->path, attach->title,
                                               &attach->probe, &error);
  if (attachment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, attachment, g_object_unref);
}

static void
attach_probe_thread (GTask        *probe_task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AttachData *attach = g_task_get_task_data (task_data);
  GError *error = NULL;

  if (pk_pdf_probe_file_full (attach->path, PK_PROBE_DEFAULT_TIMEOUT_MS, PK_PROBE_DEFAULT_MEMORY_LIMIT,
                              &attach->probe, cancellable, &error))
    g_task_return_boolean (probe_task, TRUE);
  else
    g_task_return_error (probe_task, error);
}

void
pk_database_attach_file_async (PkDatabase          *self,
                               gint64               item_id,
                               const char          *path,
                               const char          *title,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AttachData *attach;

  g_return_if_fail (PK_IS_DATABASE (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pk_database_attach_file_async);
  attach = g_new0 (AttachData, 1);
  attach->item_id = item_id;
  attach->path = g_strdup (path);
  attach->title = g_strdup (title);
  attach->probe.pages = -1;
  g_task_set_task_data (task, attach, attach_data_free);

  /* The probe runs on GLib's pool, not the database worker, which it would hold up for up to
   * 10 s. */
  pk_database_run_prepared_in_worker (self, task, attach_probe_thread, attach_store_thread);
}

PkAttachment *
pk_database_attach_file_finish (PkDatabase    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
pk_database_renumber_attachments (PkDatabase  *self,
                                  gint64       meeting_id,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) order = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  int number = 0;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  /* Each item's sort key is the path of zero-padded positions from the top: "000001.000000". */
  order = pk_database_prepare (self,
                               "WITH RECURSIVE tree (id, path) AS ("
                               "  SELECT id, printf ('%06d', position) FROM agenda_item"
                               "    WHERE meeting_id = ?1 AND parent_id IS NULL"
                               "  UNION ALL"
                               "  SELECT c.id, t.path || '.' || printf ('%06d', c.position)"
                               "    FROM agenda_item c JOIN tree t ON c.parent_id = t.id)"
                               " SELECT a.id, a.number FROM attachment a JOIN tree t ON t.id = a.item_id"
                               " ORDER BY t.path, a.position, a.id",
                               error);
  update = pk_database_prepare (self, "UPDATE attachment SET number = ?2 WHERE id = ?1", error);
  if (order == NULL || update == NULL)
    return FALSE;
  if (!pk_database_begin (self, error))
    return FALSE;
  sqlite3_bind_int64 (order, 1, meeting_id);
  while ((rc = sqlite3_step (order)) == SQLITE_ROW)
    {
      number++;
      /* Unchanged rows are not written: a justerat meeting's lock triggers never fire here. */
      if (sqlite3_column_type (order, 1) != SQLITE_NULL && sqlite3_column_int (order, 1) == number)
        continue;
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, sqlite3_column_int64 (order, 0));
      sqlite3_bind_int (update, 2, number);
      if (!pk_step_done (self, update, error))
        goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      goto fail;
    }
  return pk_database_commit (self, error);

fail:
  pk_database_rollback (self);
  return FALSE;
}

/* Opens the blob stored under @sha256 for reading. */
gboolean
pk_database_open_blob (PkDatabase    *self,
                       const char    *sha256,
                       sqlite3_blob **blob,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = pk_database_prepare (self, "SELECT rowid FROM blob WHERE sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;
  pk_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND,
                   _("The content of this attachment is not in the database"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return pk_database_set_error (self, rc, error);
  rc = sqlite3_blob_open (pk_database_get_handle (self), "main", "blob", "data",
                          sqlite3_column_int64 (stmt, 0), 0, blob);
  if (rc != SQLITE_OK)
    return pk_database_set_error (self, rc, error);
  return TRUE;
}

static gboolean
set_mismatch (GError **error)
{
  g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH,
               _("The stored attachment does not match its checksum: the database is damaged"));
  return FALSE;
}

gboolean
pk_database_read_blob (PkDatabase  *self,
                       const char  *sha256,
                       GBytes     **bytes,
                       GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_blob *blob = NULL;
  guchar *data;
  int size;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!pk_database_open_blob (self, sha256, &blob, error))
    return FALSE;
  size = sqlite3_blob_bytes (blob);
  data = g_malloc (MAX (size, 1));
  for (int offset = 0; offset < size; offset += CHUNK)
    {
      int n = MIN (CHUNK, size - offset);
      int rc = sqlite3_blob_read (blob, data + offset, n, offset);

      if (rc != SQLITE_OK)
        {
          pk_database_set_error (self, rc, error);
          sqlite3_blob_close (blob);
          g_free (data);
          return FALSE;
        }
      g_checksum_update (checksum, data + offset, n);
    }
  sqlite3_blob_close (blob);
  if (g_strcmp0 (g_checksum_get_string (checksum), sha256) != 0)
    {
      g_free (data);
      return set_mismatch (error);
    }
  *bytes = g_bytes_new_take (data, size);
  return TRUE;
}

gboolean
pk_database_save_attachment_to (PkDatabase  *self,
                                gint64       attachment_id,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) discard = g_cancellable_new ();
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(PkAttachment) attachment = NULL;
  g_autofree guchar *buffer = NULL;
  sqlite3_blob *blob = NULL;
  gboolean existed;
  int size;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(attachment = pk_database_load_attachment (self, attachment_id, error)) ||
      !pk_database_open_blob (self, pk_attachment_get_sha256 (attachment), &blob, error))
    return FALSE;
  file = g_file_new_for_path (path);
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    {
      sqlite3_blob_close (blob);
      return FALSE;
    }
  size = sqlite3_blob_bytes (blob);
  buffer = g_malloc (CHUNK);
  for (int offset = 0; offset < size; offset += CHUNK)
    {
      int n = MIN (CHUNK, size - offset);
      int rc = sqlite3_blob_read (blob, buffer, n, offset);

      if (rc != SQLITE_OK)
        {
          pk_database_set_error (self, rc, error);
          goto fail;
        }
      g_checksum_update (checksum, buffer, n);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), buffer, n, NULL, NULL, error))
        goto fail;
    }
  sqlite3_blob_close (blob);
  blob = NULL;
  if (g_strcmp0 (g_checksum_get_string (checksum), pk_attachment_get_sha256 (attachment)) != 0)
    {
      set_mismatch (error);
      goto fail;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);

fail:
  if (blob != NULL)
    sqlite3_blob_close (blob);
  /* A cancelled close leaves the file that was there in place; a new file GIO writes in place, so
   * what was begun goes. */
  g_cancellable_cancel (discard);
  g_output_stream_close (G_OUTPUT_STREAM (stream), discard, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}

gboolean
pk_database_set_attachment_title (PkDatabase  *self,
                                  gint64       attachment_id,
                                  const char  *title,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  stmt = pk_database_prepare (self, "UPDATE attachment SET title = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  pk_bind_text (stmt, 2, title ? title : "");
  if (!pk_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (pk_database_get_handle (self)) == 0)
    {
      set_attachment_not_found (error, attachment_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
pk_database_remove_attachment (PkDatabase  *self,
                               gint64       attachment_id,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  gint64 meeting_id;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  if (!pk_database_begin (self, error))
    return FALSE;
  find = pk_database_prepare (self,
                              "SELECT i.meeting_id FROM attachment a JOIN agenda_item i ON i.id = a.item_id"
                              " WHERE a.id = ?",
                              error);
  if (find == NULL)
    goto fail;
  sqlite3_bind_int64 (find, 1, attachment_id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    {
      set_attachment_not_found (error, attachment_id);
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      pk_database_set_error (self, rc, error);
      goto fail;
    }
  meeting_id = sqlite3_column_int64 (find, 0);

  /* The blob_collect trigger deletes the blob when this was its last bilaga. */
  remove = pk_database_prepare (self, "DELETE FROM attachment WHERE id = ?", error);
  if (remove == NULL)
    goto fail;
  sqlite3_bind_int64 (remove, 1, attachment_id);
  if (!pk_step_done (self, remove, error) ||
      !pk_database_renumber_attachments (self, meeting_id, error))
    goto fail;
  return pk_database_commit (self, error);

fail:
  pk_database_rollback (self);
  return FALSE;
}

/* Annotations */

#define ANNOTATION_COLUMNS "id, attachment_id, page, x, y, width, height, text, created_at"

static PkAnnotation *
annotation_from_row (sqlite3_stmt *stmt)
{
  PkAnnotation *annotation = pk_annotation_new ();

  pk_annotation_set_id (annotation, sqlite3_column_int64 (stmt, 0));
  pk_annotation_set_attachment_id (annotation, sqlite3_column_int64 (stmt, 1));
  pk_annotation_set_page (annotation, sqlite3_column_int (stmt, 2));
  pk_annotation_set_x (annotation, sqlite3_column_double (stmt, 3));
  pk_annotation_set_y (annotation, sqlite3_column_double (stmt, 4));
  pk_annotation_set_width (annotation, sqlite3_column_double (stmt, 5));
  pk_annotation_set_height (annotation, sqlite3_column_double (stmt, 6));
  pk_annotation_set_text (annotation, pk_column_text (stmt, 7));
  pk_annotation_set_created_at (annotation, pk_column_text (stmt, 8));
  return annotation;
}

GListStore *
pk_database_list_annotations (PkDatabase  *self,
                              gint64       attachment_id,
                              GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (PK_TYPE_ANNOTATION);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PK_IS_DATABASE (self), NULL);

  stmt = pk_database_prepare (self,
                              "SELECT " ANNOTATION_COLUMNS " FROM annotation WHERE attachment_id = ?"
                              " ORDER BY page, created_at, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PkAnnotation) annotation = annotation_from_row (stmt);
      g_list_store_append (list, annotation);
    }
  if (rc != SQLITE_DONE)
    {
      pk_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
check_annotation (PkAnnotation  *annotation,
                  GError       **error)
{
  if (pk_annotation_get_page (annotation) < 0 ||
      pk_annotation_get_width (annotation) < 0 || pk_annotation_get_height (annotation) < 0)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT,
                   _("An annotation needs a page and a rectangle of positive size"));
      return FALSE;
    }
  return TRUE;
}

static void
bind_annotation (sqlite3_stmt *stmt,
                 PkAnnotation *annotation)
{
  sqlite3_bind_int (stmt, 2, pk_annotation_get_page (annotation));
  sqlite3_bind_double (stmt, 3, pk_annotation_get_x (annotation));
  sqlite3_bind_double (stmt, 4, pk_annotation_get_y (annotation));
  sqlite3_bind_double (stmt, 5, pk_annotation_get_width (annotation));
  sqlite3_bind_double (stmt, 6, pk_annotation_get_height (annotation));
  pk_bind_text (stmt, 7, pk_annotation_get_text (annotation) ? pk_annotation_get_text (annotation) : "");
}

gboolean
pk_database_add_annotation (PkDatabase    *self,
                            PkAnnotation  *annotation,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) created = NULL;
  g_autoptr(PkAttachment) attachment = NULL;
  gint64 id;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (PK_IS_ANNOTATION (annotation), FALSE);

  if (!check_annotation (annotation, error))
    return FALSE;
  if (!(attachment = pk_database_load_attachment (self, pk_annotation_get_attachment_id (annotation), error)))
    return FALSE;
  insert = pk_database_prepare (self,
                                "INSERT INTO annotation (attachment_id, page, x, y, width, height, text)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, pk_annotation_get_attachment_id (annotation));
  bind_annotation (insert, annotation);
  if (!pk_step_done (self, insert, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (pk_database_get_handle (self));
  created = pk_database_prepare (self, "SELECT created_at FROM annotation WHERE id = ?", error);
  if (created == NULL)
    return FALSE;
  sqlite3_bind_int64 (created, 1, id);
  if (sqlite3_step (created) == SQLITE_ROW)
    pk_annotation_set_created_at (annotation, pk_column_text (created, 0));
  pk_annotation_set_id (annotation, id);
  return TRUE;
}

gboolean
pk_database_update_annotation (PkDatabase    *self,
                               PkAnnotation  *annotation,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (PK_IS_ANNOTATION (annotation), FALSE);

  if (!check_annotation (annotation, error))
    return FALSE;
  update = pk_database_prepare (self,
                                "UPDATE annotation SET page = ?2, x = ?3, y = ?4, width = ?5, height = ?6,"
                                " text = ?7 WHERE id = ?1",
                                error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, pk_annotation_get_id (annotation));
  bind_annotation (update, annotation);
  if (!pk_step_done (self, update, error))
    return FALSE;
  if (sqlite3_changes (pk_database_get_handle (self)) == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, pk_annotation_get_id (annotation));
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND,
                   _("There is no annotation with id %s"), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
pk_database_delete_annotation (PkDatabase  *self,
                               gint64       annotation_id,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PK_IS_DATABASE (self), FALSE);

  stmt = pk_database_prepare (self, "DELETE FROM annotation WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  if (!pk_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (pk_database_get_handle (self)) == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, annotation_id);
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND,
                   _("There is no annotation with id %s"), id);
      return FALSE;
    }
  return TRUE;
}
