/* pk-package.c: a meeting package — one SQLite file with a fixed schema holding the meeting JSON,
 * its bilagor by SHA-256, its signed versions and, if asked for, the private notes. See HACKING. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "pk-agenda.h"
#include "pk-agenda-item.h"
#include "pk-database-private.h"
#include "pk-meeting-json.h"
#include "pk-package.h"
#include "pk-signoff.h"
#include "pk-util.h"

/* Bytes per sqlite3_blob_read/write, as for bilagor in the database. */
#define CHUNK (256 * 1024)

G_DEFINE_QUARK (pk-package-error-quark, pk_package_error)

/* The package schema, version 1. An opened package must hold exactly these tables with exactly
 * this SQL (SQLite keeps the text as written), so a file with views, triggers or other tables is
 * no package. STRICT: SQLite itself refuses a value of the wrong type on writing. */
typedef struct
{
  const char *name;
  const char *sql;
} PackageTable;

static const PackageTable package_tables[] = {
  { "package", "CREATE TABLE package (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT" },
  { "meeting", "CREATE TABLE meeting (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL) STRICT" },
  { "blob", "CREATE TABLE blob (sha256 TEXT PRIMARY KEY NOT NULL CHECK (length (sha256) = 64),"
            " size INTEGER NOT NULL CHECK (size >= 0), data BLOB NOT NULL) STRICT" },
  { "protocol_version", "CREATE TABLE protocol_version (version INTEGER PRIMARY KEY CHECK (version >= 1),"
                        " content_sha256 TEXT NOT NULL, canonical_content TEXT NOT NULL, reason TEXT,"
                        " created_at TEXT NOT NULL) STRICT" },
  { "correction", "CREATE TABLE correction (version INTEGER NOT NULL, reason TEXT NOT NULL,"
                  " created_at TEXT NOT NULL) STRICT" },
  { "signoff", "CREATE TABLE signoff (version INTEGER NOT NULL, position INTEGER NOT NULL, role TEXT NOT NULL,"
               " name TEXT NOT NULL, signed_at TEXT, place TEXT) STRICT" },
  { "annotation", "CREATE TABLE annotation (item_number TEXT NOT NULL, attachment_position INTEGER NOT NULL,"
                  " page INTEGER NOT NULL, x REAL NOT NULL, y REAL NOT NULL, width REAL NOT NULL,"
                  " height REAL NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL) STRICT" },
};

/* One distinct bilaga file of the package, copied out to the temporary folder. */
typedef struct
{
  char *sha256;
  char *path;
  gint64 size;
  gboolean extracted;
  PkProbeResult probe;
  /* The first bilaga with this content, to name it in messages. */
  int number;
  char *title;
} PackageFile;

typedef struct
{
  int version;
  char *sha256;
  char *canonical;
  char *reason;
  char *created_at;
} PackageVersion;

typedef struct
{
  int version;
  char *reason;
  char *created_at;
} PackageCorrection;

typedef struct
{
  int version;
  int position;
  char *role;
  char *name;
  char *signed_at;
  char *place;
} PackageSignoff;

typedef struct
{
  char *item_number;
  int position;
  PkAnnotation *annotation;
} PackageNote;

struct _PkPackage
{
  GObject parent_instance;

  char *path;
  char *tmpdir;
  PkMeeting *meeting;
  GHashTable *files;     /* sha256 → PackageFile */
  GPtrArray *versions;   /* PackageVersion */
  GPtrArray *corrections;
  GPtrArray *signoffs;   /* of versions before the current one; the JSON has the current ones */
  GPtrArray *notes;      /* PackageNote */
  gboolean has_notes;
  gboolean probed;
  guint n_files_stored;
  guint n_notes_stored;
};

G_DEFINE_FINAL_TYPE (PkPackage, pk_package, G_TYPE_OBJECT)

static void
package_file_free (gpointer data)
{
  PackageFile *file = data;

  g_free (file->sha256);
  g_free (file->path);
  g_free (file->title);
  pk_probe_result_clear (&file->probe);
  g_free (file);
}

static void
package_version_free (gpointer data)
{
  PackageVersion *version = data;

  g_free (version->sha256);
  g_free (version->canonical);
  g_free (version->reason);
  g_free (version->created_at);
  g_free (version);
}

static void
package_correction_free (gpointer data)
{
  PackageCorrection *correction = data;

  g_free (correction->reason);
  g_free (correction->created_at);
  g_free (correction);
}

static void
package_signoff_free (gpointer data)
{
  PackageSignoff *signoff = data;

  g_free (signoff->role);
  g_free (signoff->name);
  g_free (signoff->signed_at);
  g_free (signoff->place);
  g_free (signoff);
}

static void
package_note_free (gpointer data)
{
  PackageNote *note = data;

  g_free (note->item_number);
  g_clear_object (&note->annotation);
  g_free (note);
}

/* The copies of the bilagor go with the object: nothing is left in the temporary folder. */
static void
remove_tmpdir (PkPackage *self)
{
  GHashTableIter iter;
  PackageFile *file;

  if (self->tmpdir == NULL)
    return;
  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &file))
    if (file->path != NULL)
      g_unlink (file->path);
  g_rmdir (self->tmpdir);
  g_clear_pointer (&self->tmpdir, g_free);
}

static void
pk_package_finalize (GObject *object)
{
  PkPackage *self = PK_PACKAGE (object);

  remove_tmpdir (self);
  g_free (self->path);
  g_clear_object (&self->meeting);
  g_hash_table_unref (self->files);
  g_ptr_array_unref (self->versions);
  g_ptr_array_unref (self->corrections);
  g_ptr_array_unref (self->signoffs);
  g_ptr_array_unref (self->notes);

  G_OBJECT_CLASS (pk_package_parent_class)->finalize (object);
}

static void
pk_package_class_init (PkPackageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pk_package_finalize;
}

static void
pk_package_init (PkPackage *self)
{
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, package_file_free);
  self->versions = g_ptr_array_new_with_free_func (package_version_free);
  self->corrections = g_ptr_array_new_with_free_func (package_correction_free);
  self->signoffs = g_ptr_array_new_with_free_func (package_signoff_free);
  self->notes = g_ptr_array_new_with_free_func (package_note_free);
}

/* Shared helpers */

typedef struct
{
  PkAgendaItem *item;
  PkAttachment *attachment;
  guint position;   /* within its item */
} AttachmentRef;

/* Every bilaga of the meeting in agenda order (a parent's before its sub-items'). */
static void
collect_attachments (GListModel *items,
                     GArray     *out)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);
      GListModel *attachments = G_LIST_MODEL (pk_agenda_item_get_attachments (item));

      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(PkAttachment) attachment = g_list_model_get_item (attachments, j);
          /* The meeting holds the objects; the array only points at them. */
          AttachmentRef ref = { item, attachment, j };

          g_array_append_val (out, ref);
        }
      collect_attachments (G_LIST_MODEL (pk_agenda_item_get_items (item)), out);
    }
}

static gboolean
is_sha256_hex (const char *text)
{
  return text != NULL && strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

static char *
text_sha256 (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Export */

static gboolean
set_write_error (sqlite3     *handle,
                 const char  *path,
                 int          rc,
                 GError     **error)
{
  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED,
                 _("The disk is full: “%s” was not written"), path);
  else
    g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED,
                 _("Cannot write “%s”: %s"), path,
                 handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
  return FALSE;
}

typedef struct
{
  sqlite3 *handle;
  const char *path;   /* the name the user gave, for messages */
} Writer;

static sqlite3_stmt *
writer_prepare (Writer      *writer,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (writer->handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_write_error (writer->handle, writer->path, rc, error);
      return NULL;
    }
  return stmt;
}

static gboolean
writer_step (Writer        *writer,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return set_write_error (writer->handle, writer->path, rc, error);
  return TRUE;
}

static gboolean
writer_exec (Writer      *writer,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (writer->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_write_error (writer->handle, writer->path, rc, error);
  return TRUE;
}

static gboolean
write_key (Writer      *writer,
           const char  *key,
           const char  *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = writer_prepare (writer, "INSERT INTO package (key, value) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  pk_bind_text (stmt, 1, key);
  pk_bind_text (stmt, 2, value);
  return writer_step (writer, stmt, error);
}

/* Copies one blob from the database into the package in chunks, checking its SHA-256 on the way. */
static gboolean
copy_blob (PkDatabase    *db,
           Writer        *writer,
           PkAttachment  *attachment,
           GError       **error)
{
  const char *sha256 = pk_attachment_get_sha256 (attachment);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  sqlite3_blob *source = NULL, *target = NULL;
  int size, rc;
  gboolean ok = FALSE;

  if (!pk_database_open_blob (db, sha256, &source, error))
    return FALSE;
  size = sqlite3_blob_bytes (source);
  insert = writer_prepare (writer, "INSERT INTO blob (sha256, size, data) VALUES (?, ?, zeroblob (?))", error);
  if (insert == NULL)
    goto out;
  pk_bind_text (insert, 1, sha256);
  sqlite3_bind_int64 (insert, 2, size);
  sqlite3_bind_int64 (insert, 3, size);
  if (!writer_step (writer, insert, error))
    goto out;
  rc = sqlite3_blob_open (writer->handle, "main", "blob", "data", sqlite3_last_insert_rowid (writer->handle), 1,
                          &target);
  if (rc != SQLITE_OK)
    {
      set_write_error (writer->handle, writer->path, rc, error);
      goto out;
    }
  buffer = g_malloc (CHUNK);
  for (int offset = 0; offset < size; offset += CHUNK)
    {
      int n = MIN (CHUNK, size - offset);

      rc = sqlite3_blob_read (source, buffer, n, offset);
      if (rc != SQLITE_OK)
        {
          pk_database_set_error (db, rc, error);
          goto out;
        }
      g_checksum_update (checksum, buffer, n);
      rc = sqlite3_blob_write (target, buffer, n, offset);
      if (rc != SQLITE_OK)
        {
          set_write_error (writer->handle, writer->path, rc, error);
          goto out;
        }
    }
  if (g_strcmp0 (g_checksum_get_string (checksum), sha256) != 0)
    {
      g_set_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_MISMATCH,
                   _("Bilaga %d (“%s”) does not match its checksum in the database: the database is damaged"),
                   pk_attachment_get_number (attachment), pk_attachment_get_title (attachment));
      goto out;
    }
  ok = TRUE;

out:
  if (target != NULL)
    sqlite3_blob_close (target);
  sqlite3_blob_close (source);
  return ok;
}

/* Copies the rows of @select (bound to the meeting id, and @version as ?2 when it uses it) into
 * @insert column for column. */
static gboolean
copy_rows (PkDatabase  *db,
           Writer      *writer,
           const char  *select_sql,
           const char  *insert_sql,
           gint64       meeting_id,
           int          version,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) select = pk_database_prepare (db, select_sql, error);
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  if (select == NULL || !(insert = writer_prepare (writer, insert_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (select, 1, meeting_id);
  if (sqlite3_bind_parameter_count (select) >= 2)
    sqlite3_bind_int (select, 2, version);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      sqlite3_reset (insert);
      for (int i = 0; i < sqlite3_column_count (select); i++)
        sqlite3_bind_value (insert, i + 1, sqlite3_column_value (select, i));
      if (!writer_step (writer, insert, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (db, rc, error);
  return TRUE;
}

static gboolean
write_notes (PkDatabase     *db,
             Writer         *writer,
             AttachmentRef  *ref,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  select = pk_database_prepare (db, "SELECT page, x, y, width, height, text, created_at FROM annotation"
                                    " WHERE attachment_id = ? ORDER BY page, created_at, id", error);
  if (select == NULL)
    return FALSE;
  insert = writer_prepare (writer, "INSERT INTO annotation (item_number, attachment_position, page, x, y, width,"
                                   " height, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, pk_attachment_get_id (ref->attachment));
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      sqlite3_reset (insert);
      pk_bind_text (insert, 1, pk_agenda_item_get_number (ref->item));
      sqlite3_bind_int (insert, 2, (int) ref->position);
      for (int i = 0; i < 7; i++)
        sqlite3_bind_value (insert, i + 3, sqlite3_column_value (select, i));
      if (!writer_step (writer, insert, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (db, rc, error);
  return TRUE;
}

/* The whole package, into the open, empty file behind @writer. */
static gboolean
write_package (PkDatabase            *db,
               PkMeeting             *meeting,
               GArray                *attachments,
               PkPackageExportFlags   flags,
               Writer                *writer,
               GError               **error)
{
  g_autoptr(GHashTable) copied = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *header = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                             PK_PACKAGE_APPLICATION_ID, PK_PACKAGE_FORMAT_VERSION);
  g_autofree char *json = NULL;
  g_autoptr(sqlite3_stmt) insert_json = NULL;
  PkQuorum quorum;
  gboolean has_quorum;
  GError *local_error = NULL;

  /* No journal: a half-written package is deleted, never renamed into place. */
  if (!writer_exec (writer, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", error) ||
      !writer_exec (writer, header, error) ||
      !writer_exec (writer, "BEGIN", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (package_tables); i++)
    if (!writer_exec (writer, package_tables[i].sql, error))
      return FALSE;

  if (!write_key (writer, "format", PK_PACKAGE_FORMAT, error) ||
      !write_key (writer, "generator", "Protokoll " PACKAGE_VERSION, error) ||
      !write_key (writer, "created_at", created, error) ||
      !write_key (writer, "notes", (flags & PK_PACKAGE_EXPORT_NOTES) ? "included" : "left out", error))
    return FALSE;

  /* The meeting JSON exactly as export-json writes it. */
  has_quorum = pk_database_compute_quorum (db, meeting, &quorum, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  json = pk_meeting_to_json (meeting, has_quorum ? &quorum : NULL);
  insert_json = writer_prepare (writer, "INSERT INTO meeting (id, json) VALUES (1, ?)", error);
  if (insert_json == NULL)
    return FALSE;
  pk_bind_text (insert_json, 1, json);
  if (!writer_step (writer, insert_json, error))
    return FALSE;

  for (guint i = 0; i < attachments->len; i++)
    {
      AttachmentRef *ref = &g_array_index (attachments, AttachmentRef, i);
      const char *sha256 = pk_attachment_get_sha256 (ref->attachment);

      if (!g_hash_table_contains (copied, sha256))
        {
          if (!copy_blob (db, writer, ref->attachment, error))
            return FALSE;
          g_hash_table_add (copied, (gpointer) sha256);
        }
      if ((flags & PK_PACKAGE_EXPORT_NOTES) && !write_notes (db, writer, ref, error))
        return FALSE;
    }

  if (!copy_rows (db, writer,
                  "SELECT version, content_sha256, canonical_content, reason, created_at FROM protocol_version"
                  " WHERE meeting_id = ? ORDER BY version",
                  "INSERT INTO protocol_version (version, content_sha256, canonical_content, reason, created_at)"
                  " VALUES (?, ?, ?, ?, ?)",
                  pk_meeting_get_id (meeting), 0, error) ||
      !copy_rows (db, writer,
                  "SELECT version, reason, created_at FROM correction WHERE meeting_id = ? ORDER BY version, id",
                  "INSERT INTO correction (version, reason, created_at) VALUES (?, ?, ?)",
                  pk_meeting_get_id (meeting), 0, error) ||
      /* The current version's sign-offs are in the JSON; the earlier ones are history. */
      !copy_rows (db, writer,
                  "SELECT version, position, role, name, signed_at, place FROM signoff"
                  " WHERE meeting_id = ?1 AND version <> ?2 ORDER BY version, position, id",
                  "INSERT INTO signoff (version, position, role, name, signed_at, place) VALUES (?, ?, ?, ?, ?, ?)",
                  pk_meeting_get_id (meeting), pk_meeting_get_version (meeting), error))
    return FALSE;

  return writer_exec (writer, "COMMIT", error);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The database, or one of the files SQLite keeps beside it: renaming over them would wreck it. */
static gboolean
is_database_file (PkDatabase *db,
                  const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (pk_database_get_path (db), suffixes[i], NULL);

      if (same_file (path, file))
        return TRUE;
    }
  return FALSE;
}

/* The new file's bytes, then its name, on the disk before the export reports success. */
static gboolean
sync_path (const char  *path,
           gboolean     directory,
           const char  *shown_path,
           GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);

  if (fd < 0 || (fsync (fd) != 0 && !directory))
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      if (directory)
        return TRUE;  /* some file systems cannot sync a folder; the file itself is synced */
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   shown_path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

gboolean
pk_package_export (PkDatabase            *db,
                   gint64                 meeting_id,
                   const char            *path,
                   PkPackageExportFlags   flags,
                   GError               **error)
{
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(GArray) attachments = g_array_new (FALSE, FALSE, sizeof (AttachmentRef));
  g_autoptr(sqlite3_stmt) has_blob = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  Writer writer = { NULL, path };
  gboolean ok = FALSE;
  int fd, rc;

  g_return_val_if_fail (PK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (is_database_file (db, path))
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED,
                   _("“%s” is the database itself; write the package to another file"), path);
      return FALSE;
    }

  /* One snapshot of the meeting: a save from another window cannot land halfway through. Nothing
   * is written to the database; the transaction is rolled back at the end. */
  if (!pk_database_begin (db, error))
    return FALSE;
  if (!(meeting = pk_database_load_meeting (db, meeting_id, error)))
    goto out;
  collect_attachments (G_LIST_MODEL (pk_meeting_get_items (meeting)), attachments);

  /* A package promises every bilaga: one whose bytes never arrived (a meeting imported from JSON)
   * is refused before any file is made. */
  has_blob = pk_database_prepare (db, "SELECT 1 FROM blob WHERE sha256 = ?", error);
  if (has_blob == NULL)
    goto out;
  for (guint i = 0; i < attachments->len; i++)
    {
      PkAttachment *attachment = g_array_index (attachments, AttachmentRef, i).attachment;

      sqlite3_reset (has_blob);
      pk_bind_text (has_blob, 1, pk_attachment_get_sha256 (attachment));
      rc = sqlite3_step (has_blob);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_INCOMPLETE,
                       _("Bilaga %d (“%s”) has no content in this database (its meeting came from a JSON "
                         "file), so the package would not be complete; attach the file again first"),
                       pk_attachment_get_number (attachment), pk_attachment_get_title (attachment));
          goto out;
        }
      if (rc != SQLITE_ROW)
        {
          pk_database_set_error (db, rc, error);
          goto out;
        }
    }

  /* Written beside @path under a temporary name, then renamed over it. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved_errno));
      g_clear_pointer (&tmp_path, g_free);
      goto out;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &writer.handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_write_error (writer.handle, path, rc, error);
      goto out;
    }
  if (!write_package (db, meeting, attachments, flags, &writer, error))
    goto out;
  rc = sqlite3_close (writer.handle);
  writer.handle = NULL;
  if (rc != SQLITE_OK)
    {
      set_write_error (NULL, path, rc, error);
      goto out;
    }
  if (!sync_path (tmp_path, FALSE, path, error))
    goto out;
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved_errno));
      goto out;
    }
  g_clear_pointer (&tmp_path, g_free);
  sync_path (dir, TRUE, path, NULL);
  ok = TRUE;

out:
  if (writer.handle != NULL)
    sqlite3_close_v2 (writer.handle);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  pk_database_rollback (db);
  return ok;
}

typedef struct
{
  gint64 meeting_id;
  char *path;
  PkPackageExportFlags flags;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->path);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (pk_package_export (source, export->meeting_id, export->path, export->flags, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pk_package_export_async (PkDatabase            *db,
                         gint64                 meeting_id,
                         const char            *path,
                         PkPackageExportFlags   flags,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (PK_IS_DATABASE (db));
  g_return_if_fail (path != NULL);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, pk_package_export_async);
  export = g_new0 (ExportData, 1);
  export->meeting_id = meeting_id;
  export->path = g_strdup (path);
  export->flags = flags;
  g_task_set_task_data (task, export, export_data_free);
  pk_database_run_in_worker (db, task, export_thread);
}

gboolean
pk_package_export_finish (PkDatabase    *db,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reading a package */

typedef struct
{
  PkPackage *package;
  sqlite3 *handle;
  const char *path;
} Reader;

static gboolean
set_invalid (Reader      *reader,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

/* "FILE: what is wrong" — the same shape as import-json's messages. */
static gboolean
set_invalid (Reader      *reader,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_INVALID, "%s: %s", reader->path, message);
  return FALSE;
}

/* An SQLite error while reading: a damaged file, or a value over the length limit. */
static gboolean
set_read_error (Reader  *reader,
                int      rc,
                GError **error)
{
  const char *detail = reader->handle != NULL ? sqlite3_errmsg (reader->handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_TOOBIG:
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TOO_LARGE,
                   _("“%s” holds a value larger than a meeting package may (%s)"), reader->path, detail);
      break;
    case SQLITE_IOERR:
      if (rc == SQLITE_IOERR_SHORT_READ)
        {
          g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TRUNCATED,
                       _("“%s” is cut short: the copy is incomplete"), reader->path);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_CANTOPEN:
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), reader->path, detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE,
                   _("“%s” is not a Protokoll meeting package"), reader->path);
      break;
    default:
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be imported (%s)"), reader->path, detail);
      break;
    }
  return FALSE;
}

static sqlite3_stmt *
reader_prepare (Reader      *reader,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (reader->handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_read_error (reader, rc, error);
      return NULL;
    }
  return stmt;
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | (guint32) p[3];
}

static const char sqlite_magic[16] = "SQLite format 3";

/* The 100-byte SQLite header read with plain file I/O, before SQLite sees the file: not a
 * package, a newer format or a copy cut short are told apart here. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GError *local_error = NULL;
  guint8 header[100];
  gsize n_read = 0;
  guint32 page_size, page_count, format_version, application_id;
  goffset file_size;

  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &local_error);
  if (info == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read, NULL, &local_error))
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED, _("Cannot read “%s”: %s"), path,
                   local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  file_size = g_file_info_get_size (info);

  if (n_read < sizeof sqlite_magic || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE,
                   _("“%s” is not a Protokoll meeting package"), path);
      return FALSE;
    }
  if (n_read < sizeof header)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TRUNCATED,
                   _("“%s” is cut short: the copy is incomplete"), path);
      return FALSE;
    }
  application_id = read_be32 (header + 68);
  format_version = read_be32 (header + 60);
  if (application_id != PK_PACKAGE_APPLICATION_ID || format_version == 0)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE,
                   _("“%s” is not a Protokoll meeting package (it is an SQLite database of some other kind)"),
                   path);
      return FALSE;
    }
  if (format_version > PK_PACKAGE_FORMAT_VERSION)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Protokoll (package format %u; this version "
                     "reads up to %d). Update Protokoll to import it."),
                   path, format_version, PK_PACKAGE_FORMAT_VERSION);
      return FALSE;
    }
  /* Packages are written without WAL: one file, nothing beside it. */
  if (header[18] != 1 || header[19] != 1)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE,
                   _("“%s” is not a Protokoll meeting package (it was changed into a write-ahead-log database)"),
                   path);
      return FALSE;
    }
  page_size = (guint32) header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be imported (%s)"), path, "page size");
      return FALSE;
    }
  /* The header's page count is valid when written by the same change as the counter. */
  if (read_be32 (header + 92) == read_be32 (header + 24) && page_count > 0)
    {
      goffset expected = (goffset) page_size * page_count;

      if (file_size < expected)
        {
          g_autofree char *have = g_format_size_full (file_size, G_FORMAT_SIZE_LONG_FORMAT);
          g_autofree char *want = g_format_size_full (expected, G_FORMAT_SIZE_LONG_FORMAT);
          g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TRUNCATED,
                       _("“%s” is cut short: it has %s of %s; copy it again"), path, have, want);
          return FALSE;
        }
      if (file_size > expected)
        {
          g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED,
                       _("“%s” is damaged and cannot be imported (%s)"), path, "data after its end");
          return FALSE;
        }
    }
  if (file_size % page_size != 0)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TRUNCATED,
                   _("“%s” is cut short: the copy is incomplete"), path);
      return FALSE;
    }
  return TRUE;
}

/* SQLite's own recommendations for a database file from someone else: no code in the schema
 * runs, no writes, cells checked as read; the file is opened immutable, so no journal next to it
 * is ever played back and no lock or -wal file is made. */
static gboolean
open_read_only (Reader      *reader,
                GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (reader->path, NULL);
  g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *uri = NULL;
  int rc;

  if (file_uri == NULL)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_FAILED, _("Cannot read “%s”: %s"), reader->path,
                   g_strerror (EINVAL));
      return FALSE;
    }
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &reader->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    return set_read_error (reader, rc, error);
  sqlite3_extended_result_codes (reader->handle, TRUE);
  sqlite3_db_config (reader->handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (reader->handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (reader->handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (reader->handle, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  /* Text over this is refused as SQLite reads it (SQLITE_TOOBIG); bilaga bytes are read with
   * incremental blob I/O, which this limit does not touch. */
  sqlite3_limit (reader->handle, SQLITE_LIMIT_LENGTH, (int) PK_PACKAGE_MAX_JSON);
  rc = sqlite3_exec (reader->handle, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return set_read_error (reader, rc, error);
  return TRUE;
}

static gboolean
check_integrity (Reader  *reader,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = reader_prepare (reader, "PRAGMA integrity_check (5)", error);
  const char *result;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_read_error (reader, rc, error);
  result = pk_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      /* "*** in database main ***\nPage 4: …" on one line, without the heading. */
      g_autofree char *detail = g_strdup (result ? result : "?");
      const char *start = detail;

      g_strdelimit (detail, "\n", ' ');
      if (g_str_has_prefix (start, "*** in database main *** "))
        start += strlen ("*** in database main *** ");
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be imported (%s)"), reader->path, start);
      return FALSE;
    }
  return TRUE;
}

/* Exactly the tables of the package schema (and the indexes SQLite makes for their keys). */
static gboolean
check_schema (Reader  *reader,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = reader_prepare (reader, "SELECT type, name, tbl_name, sql FROM sqlite_schema",
                                                  error);
  gboolean seen[G_N_ELEMENTS (package_tables)] = { FALSE };
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = pk_column_text (stmt, 0);
      const char *name = pk_column_text (stmt, 1);
      const char *table = pk_column_text (stmt, 2);
      const char *sql = pk_column_text (stmt, 3);
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (package_tables) && !known; i++)
        {
          if (g_strcmp0 (type, "table") == 0 && g_strcmp0 (name, package_tables[i].name) == 0 &&
              g_strcmp0 (sql, package_tables[i].sql) == 0)
            known = seen[i] = TRUE;
          else if (g_strcmp0 (type, "index") == 0 && sql == NULL && name != NULL &&
                   g_str_has_prefix (name, "sqlite_autoindex_") &&
                   g_strcmp0 (table, package_tables[i].name) == 0)
            known = TRUE;
        }
      if (!known)
        {
          g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE,
                       _("“%s” is not a Protokoll meeting package (it holds “%s”, which a package does not)"),
                       reader->path, name ? name : "?");
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    return set_read_error (reader, rc, error);
  for (guint i = 0; i < G_N_ELEMENTS (package_tables); i++)
    if (!seen[i])
      {
        g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE,
                     _("“%s” is not a Protokoll meeting package (it has no “%s” table)"),
                     reader->path, package_tables[i].name);
        return FALSE;
      }
  return TRUE;
}

/* Refuses a table with more rows than any meeting has, before reading it row by row. */
static gboolean
check_row_count (Reader      *reader,
                 const char  *table,
                 GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = reader_prepare (reader, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_read_error (reader, rc, error);
  if (sqlite3_column_int64 (stmt, 0) > PK_PACKAGE_MAX_ROWS)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));

      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TOO_LARGE,
                   _("“%s” holds more rows in “%s” than a meeting package may (%s, at most %d)"),
                   reader->path, table, count, PK_PACKAGE_MAX_ROWS);
      return FALSE;
    }
  return TRUE;
}

/* A text column, checked to be text (or NULL when @nullable) and valid UTF-8. */
static gboolean
column_string (Reader        *reader,
               sqlite3_stmt  *stmt,
               int            column,
               gboolean       nullable,
               const char    *field,
               guint          row,
               char         **out,
               GError       **error)
{
  int type = sqlite3_column_type (stmt, column);
  const char *text;
  int length;

  if (type == SQLITE_NULL && nullable)
    {
      *out = NULL;
      return TRUE;
    }
  if (type != SQLITE_TEXT)
    return set_invalid (reader, error, _("%s[%u].%s: expected text"), field, row, sqlite3_column_name (stmt, column));
  text = pk_column_text (stmt, column);
  length = sqlite3_column_bytes (stmt, column);
  if (!g_utf8_validate (text, length, NULL) || (int) strlen (text) != length)
    return set_invalid (reader, error, _("%s[%u].%s: the text is not valid UTF-8"), field, row,
                        sqlite3_column_name (stmt, column));
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
column_int (Reader        *reader,
            sqlite3_stmt  *stmt,
            int            column,
            int            min,
            int            max,
            const char    *field,
            guint          row,
            int           *out,
            GError       **error)
{
  gint64 value;

  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER)
    return set_invalid (reader, error, _("%s[%u].%s: expected a whole number"), field, row,
                        sqlite3_column_name (stmt, column));
  value = sqlite3_column_int64 (stmt, column);
  if (value < min || value > max)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      return set_invalid (reader, error, _("%s[%u].%s: %s is out of range"), field, row,
                          sqlite3_column_name (stmt, column), number);
    }
  *out = (int) value;
  return TRUE;
}

static gboolean
read_keys (Reader  *reader,
           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = reader_prepare (reader, "SELECT key, value FROM package", error);
  gboolean format_ok = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = pk_column_text (stmt, 0);
      const char *value = pk_column_text (stmt, 1);

      if (g_strcmp0 (key, "format") == 0)
        format_ok = g_strcmp0 (value, PK_PACKAGE_FORMAT) == 0;
      else if (g_strcmp0 (key, "notes") == 0)
        reader->package->has_notes = g_strcmp0 (value, "included") == 0;
    }
  if (rc != SQLITE_DONE)
    return set_read_error (reader, rc, error);
  if (!format_ok)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE,
                   _("“%s” is not a Protokoll meeting package (its format is not “%s”)"),
                   reader->path, PK_PACKAGE_FORMAT);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_meeting (Reader  *reader,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = reader_prepare (reader, "SELECT id, typeof (json) FROM meeting", error);
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GArray) attachments = g_array_new (FALSE, FALSE, sizeof (AttachmentRef));
  g_autofree char *json = NULL;
  sqlite3_blob *blob = NULL;
  PkMeeting *meeting;
  int rc, length;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return set_invalid (reader, error, _("the package holds no meeting"));
  if (rc != SQLITE_ROW)
    return set_read_error (reader, rc, error);
  if (sqlite3_column_type (stmt, 0) != SQLITE_INTEGER || sqlite3_column_int64 (stmt, 0) != 1)
    return set_invalid (reader, error, _("meeting.id: expected 1"));
  if (g_strcmp0 (pk_column_text (stmt, 1), "text") != 0)
    return set_invalid (reader, error, _("meeting.json: expected text"));
  /* Its size first, without reading it. */
  rc = sqlite3_blob_open (reader->handle, "main", "meeting", "json", sqlite3_column_int64 (stmt, 0), 0, &blob);
  if (rc != SQLITE_OK)
    return set_read_error (reader, rc, error);
  length = sqlite3_blob_bytes (blob);
  if (length > PK_PACKAGE_MAX_JSON)
    {
      sqlite3_blob_close (blob);
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TOO_LARGE,
                   _("“%s” holds a value larger than a meeting package may (%s)"), reader->path, "meeting.json");
      return FALSE;
    }
  json = g_malloc (length + 1);
  rc = sqlite3_blob_read (blob, json, length, 0);
  sqlite3_blob_close (blob);
  if (rc != SQLITE_OK)
    return set_read_error (reader, rc, error);
  json[length] = '\0';
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_invalid (reader, error, _("the package holds more than one meeting"));

  meeting = pk_meeting_from_json (json, length, &json_error);
  if (meeting == NULL)
    return set_invalid (reader, error, _("the meeting in it: %s"), json_error->message);
  reader->package->meeting = meeting;

  /* The files the package must hold: one per distinct SHA-256 its bilagor name. */
  collect_attachments (G_LIST_MODEL (pk_meeting_get_items (meeting)), attachments);
  for (guint i = 0; i < attachments->len; i++)
    {
      PkAttachment *attachment = g_array_index (attachments, AttachmentRef, i).attachment;
      const char *sha256 = pk_attachment_get_sha256 (attachment);
      PackageFile *file;

      if (g_hash_table_contains (reader->package->files, sha256))
        continue;
      file = g_new0 (PackageFile, 1);
      file->sha256 = g_strdup (sha256);
      file->number = pk_attachment_get_number (attachment);
      file->title = g_strdup (pk_attachment_get_title (attachment));
      file->probe.pages = -1;
      g_hash_table_insert (reader->package->files, file->sha256, file);
    }

  if (g_hash_table_size (reader->package->files) > PK_PACKAGE_MAX_FILES)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_TOO_LARGE,
                   _("“%s” holds more attachments than a meeting package may (%u, at most %d)"),
                   reader->path, g_hash_table_size (reader->package->files), PK_PACKAGE_MAX_FILES);
      return FALSE;
    }

  /* Approved minutes must still hash to what they were signed as. */
  if (pk_meeting_get_status (meeting) == PK_MEETING_STATUS_JUSTERAT)
    {
      g_autofree char *canonical = pk_meeting_canonical_json (meeting);
      g_autofree char *sha256 = text_sha256 (canonical);

      if (g_strcmp0 (sha256, pk_meeting_get_content_sha256 (meeting)) != 0)
        {
          g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED,
                       _("The approved minutes in “%s” no longer match their checksum: the package was changed "
                         "or is damaged"), reader->path);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
set_size_mismatch (Reader       *reader,
                   PackageFile  *file,
                   gint64        actual,
                   GError      **error)
{
  g_autofree char *said = g_strdup_printf ("%" G_GINT64_FORMAT, file->size);
  g_autofree char *holds = g_strdup_printf ("%" G_GINT64_FORMAT, actual);

  g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED,
               _("Bilaga %d (“%s”) in “%s” is said to be %s bytes but holds %s: the package is damaged"),
               file->number, file->title, reader->path, said, holds);
  return FALSE;
}

/* Copies one blob out to the temporary folder, hashing it as it goes. */
static gboolean
extract_blob (Reader        *reader,
              PackageFile   *file,
              gint64         rowid,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  sqlite3_blob *blob = NULL;
  int size, rc;
  gboolean ok = FALSE;

  rc = sqlite3_blob_open (reader->handle, "main", "blob", "data", rowid, 0, &blob);
  if (rc != SQLITE_OK)
    return set_read_error (reader, rc, error);
  size = sqlite3_blob_bytes (blob);
  if (size != file->size)
    {
      set_size_mismatch (reader, file, size, error);
      goto out;
    }
  /* Named by the checked hex digest: no name from the package reaches the file system. */
  file->path = g_build_filename (reader->package->tmpdir, file->sha256, NULL);
  target = g_file_new_for_path (file->path);
  out = g_file_create (target, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (out == NULL)
    goto out;
  buffer = g_malloc (CHUNK);
  for (int offset = 0; offset < size; offset += CHUNK)
    {
      int n = MIN (CHUNK, size - offset);

      rc = sqlite3_blob_read (blob, buffer, n, offset);
      if (rc != SQLITE_OK)
        {
          set_read_error (reader, rc, error);
          goto out;
        }
      g_checksum_update (checksum, buffer, n);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, n, NULL, cancellable, error))
        goto out;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    goto out;
  if (g_strcmp0 (g_checksum_get_string (checksum), file->sha256) != 0)
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED,
                   _("Bilaga %d (“%s”) in “%s” does not match its checksum: the package is damaged"),
                   file->number, file->title, reader->path);
      goto out;
    }
  file->extracted = TRUE;
  ok = TRUE;

out:
  sqlite3_blob_close (blob);
  return ok;
}

static gboolean
read_blobs (Reader        *reader,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  PackageFile *file;
  guint row = 0;
  int rc;

  /* typeof and length of a blob come from its record header: the bytes are not read here. */
  stmt = reader_prepare (reader, "SELECT rowid, sha256, size, typeof (data), length (data) FROM blob ORDER BY rowid",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sha256 = pk_column_text (stmt, 1);

      if (sqlite3_column_type (stmt, 1) != SQLITE_TEXT || !is_sha256_hex (sha256))
        return set_invalid (reader, error, _("blob[%u].sha256: not a SHA-256 in hex"), row);
      if (sqlite3_column_type (stmt, 2) != SQLITE_INTEGER || g_strcmp0 (pk_column_text (stmt, 3), "blob") != 0)
        return set_invalid (reader, error, _("blob[%u]: expected a size and bytes"), row);
      file = g_hash_table_lookup (reader->package->files, sha256);
      if (file == NULL)
        return set_invalid (reader, error, _("blob[%u]: no bilaga of the meeting has this content (%s)"), row, sha256);
      if (file->extracted)
        return set_invalid (reader, error, _("blob[%u]: the same content twice (%s)"), row, sha256);
      file->size = sqlite3_column_int64 (stmt, 2);
      if (file->size != sqlite3_column_int64 (stmt, 4))
        return set_size_mismatch (reader, file, sqlite3_column_int64 (stmt, 4), error);
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !extract_blob (reader, file, sqlite3_column_int64 (stmt, 0), cancellable, error))
        return FALSE;
      row++;
    }
  if (rc != SQLITE_DONE)
    return set_read_error (reader, rc, error);

  g_hash_table_iter_init (&iter, reader->package->files);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &file))
    if (!file->extracted)
      return set_invalid (reader, error, _("the content of bilaga %d (“%s”) is not in the package"),
                          file->number, file->title);
  return TRUE;
}

static gboolean
read_versions (Reader  *reader,
               GError **error)
{
  PkMeeting *meeting = reader->package->meeting;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint row = 0;
  int rc;

  stmt = reader_prepare (reader, "SELECT version, content_sha256, canonical_content, reason, created_at"
                                 " FROM protocol_version ORDER BY version", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PackageVersion *version = g_new0 (PackageVersion, 1);
      g_autofree char *sha256 = NULL;

      g_ptr_array_add (reader->package->versions, version);
      if (!column_int (reader, stmt, 0, 1, pk_meeting_get_version (meeting), "protocol_version", row,
                       &version->version, error) ||
          !column_string (reader, stmt, 1, FALSE, "protocol_version", row, &version->sha256, error) ||
          !column_string (reader, stmt, 2, FALSE, "protocol_version", row, &version->canonical, error) ||
          !column_string (reader, stmt, 3, TRUE, "protocol_version", row, &version->reason, error) ||
          !column_string (reader, stmt, 4, FALSE, "protocol_version", row, &version->created_at, error))
        return FALSE;
      sha256 = text_sha256 (version->canonical);
      if (g_strcmp0 (sha256, version->sha256) != 0)
        {
          g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_DAMAGED,
                       _("Version %d of the minutes in “%s” does not match its checksum: the package was "
                         "changed or is damaged"), version->version, reader->path);
          return FALSE;
        }
      if (version->version == pk_meeting_get_version (meeting) &&
          pk_meeting_get_status (meeting) == PK_MEETING_STATUS_JUSTERAT &&
          g_strcmp0 (version->sha256, pk_meeting_get_content_sha256 (meeting)) != 0)
        return set_invalid (reader, error, _("protocol_version[%u]: not the version the meeting was approved as"),
                            row);
      row++;
    }
  if (rc != SQLITE_DONE)
    return set_read_error (reader, rc, error);
  return TRUE;
}

static gboolean
read_corrections (Reader  *reader,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint row = 0;
  int rc;

  stmt = reader_prepare (reader, "SELECT version, reason, created_at FROM correction ORDER BY version, rowid",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PackageCorrection *correction = g_new0 (PackageCorrection, 1);

      g_ptr_array_add (reader->package->corrections, correction);
      if (!column_int (reader, stmt, 0, 2, pk_meeting_get_version (reader->package->meeting), "correction", row,
                       &correction->version, error) ||
          !column_string (reader, stmt, 1, FALSE, "correction", row, &correction->reason, error) ||
          !column_string (reader, stmt, 2, FALSE, "correction", row, &correction->created_at, error))
        return FALSE;
      row++;
    }
  if (rc != SQLITE_DONE)
    return set_read_error (reader, rc, error);
  return TRUE;
}

static gboolean
read_signoffs (Reader  *reader,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint row = 0;
  int rc;

  stmt = reader_prepare (reader, "SELECT version, position, role, name, signed_at, place FROM signoff"
                                 " ORDER BY version, position, rowid", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PackageSignoff *signoff = g_new0 (PackageSignoff, 1);
      int role;

      g_ptr_array_add (reader->package->signoffs, signoff);
      /* Only earlier versions: the current version's sign-offs are the JSON's. */
      if (!column_int (reader, stmt, 0, 1, pk_meeting_get_version (reader->package->meeting) - 1, "signoff", row,
                       &signoff->version, error) ||
          !column_int (reader, stmt, 1, 0, G_MAXINT, "signoff", row, &signoff->position, error) ||
          !column_string (reader, stmt, 2, FALSE, "signoff", row, &signoff->role, error) ||
          !column_string (reader, stmt, 3, FALSE, "signoff", row, &signoff->name, error) ||
          !column_string (reader, stmt, 4, TRUE, "signoff", row, &signoff->signed_at, error) ||
          !column_string (reader, stmt, 5, TRUE, "signoff", row, &signoff->place, error))
        return FALSE;
      if (!pk_enum_from_nick (PK_TYPE_ROLE, signoff->role, &role) ||
          (role != PK_ROLE_SEKRETERARE && role != PK_ROLE_ORDFORANDE && role != PK_ROLE_VICE_ORDFORANDE &&
           role != PK_ROLE_JUSTERARE))
        return set_invalid (reader, error, _("signoff[%u].role: “%s” does not sign minutes"), row, signoff->role);
      row++;
    }
  if (rc != SQLITE_DONE)
    return set_read_error (reader, rc, error);
  return TRUE;
}

static gboolean
column_double (Reader        *reader,
               sqlite3_stmt  *stmt,
               int            column,
               guint          row,
               double        *out,
               GError       **error)
{
  int type = sqlite3_column_type (stmt, column);

  if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
    return set_invalid (reader, error, _("%s[%u].%s: expected a number"), "annotation", row,
                        sqlite3_column_name (stmt, column));
  *out = sqlite3_column_double (stmt, column);
  if (!isfinite (*out) || fabs (*out) > 1e6)
    return set_invalid (reader, error, _("%s[%u].%s: %g is out of range"), "annotation", row,
                        sqlite3_column_name (stmt, column), *out);
  return TRUE;
}

static gboolean
read_notes (Reader  *reader,
            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint row = 0;
  int rc;

  stmt = reader_prepare (reader, "SELECT item_number, attachment_position, page, x, y, width, height, text,"
                                 " created_at FROM annotation ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PackageNote *note = g_new0 (PackageNote, 1);
      g_autofree char *text = NULL, *created_at = NULL;
      double x, y, width, height;
      PkAgendaItem *item;
      int page;

      g_ptr_array_add (reader->package->notes, note);
      if (!column_string (reader, stmt, 0, FALSE, "annotation", row, &note->item_number, error) ||
          !column_int (reader, stmt, 1, 0, G_MAXINT, "annotation", row, &note->position, error) ||
          !column_int (reader, stmt, 2, 0, G_MAXINT, "annotation", row, &page, error) ||
          !column_double (reader, stmt, 3, row, &x, error) ||
          !column_double (reader, stmt, 4, row, &y, error) ||
          !column_double (reader, stmt, 5, row, &width, error) ||
          !column_double (reader, stmt, 6, row, &height, error) ||
          !column_string (reader, stmt, 7, FALSE, "annotation", row, &text, error) ||
          !column_string (reader, stmt, 8, FALSE, "annotation", row, &created_at, error))
        return FALSE;
      if (width < 0 || height < 0)
        return set_invalid (reader, error, _("annotation[%u]: a rectangle of negative size"), row);
      item = pk_meeting_find_item_by_number (reader->package->meeting, note->item_number);
      if (item == NULL ||
          (guint) note->position >= g_list_model_get_n_items (G_LIST_MODEL (pk_agenda_item_get_attachments (item))))
        return set_invalid (reader, error, _("annotation[%u]: the meeting has no bilaga %d on item %s"), row,
                            note->position + 1, note->item_number);
      note->annotation = pk_annotation_new ();
      pk_annotation_set_page (note->annotation, page);
      pk_annotation_set_x (note->annotation, x);
      pk_annotation_set_y (note->annotation, y);
      pk_annotation_set_width (note->annotation, width);
      pk_annotation_set_height (note->annotation, height);
      pk_annotation_set_text (note->annotation, text);
      pk_annotation_set_created_at (note->annotation, created_at);
      row++;
    }
  if (rc != SQLITE_DONE)
    return set_read_error (reader, rc, error);
  return TRUE;
}

PkPackage *
pk_package_open (const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(PkPackage) self = NULL;
  Reader reader = { NULL, NULL, path };
  static const char *const tables[] = { "package", "meeting", "blob", "protocol_version", "correction",
                                         "signoff", "annotation" };
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_NOT_PACKAGE,
                   _("“%s” is a folder, not a Protokoll meeting package"), path);
      return NULL;
    }
  if (!check_header (path, error))
    return NULL;

  self = g_object_new (PK_TYPE_PACKAGE, NULL);
  self->path = g_strdup (path);
  reader.package = self;
  self->tmpdir = g_dir_make_tmp ("protokoll-package-XXXXXX", error);
  if (self->tmpdir == NULL)
    return NULL;
  if (!open_read_only (&reader, error) ||
      !check_integrity (&reader, error) ||
      !check_schema (&reader, error) ||
      !read_keys (&reader, error))
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!check_row_count (&reader, tables[i], error))
      goto out;
  if (!read_meeting (&reader, error) ||
      !read_blobs (&reader, cancellable, error) ||
      !read_versions (&reader, error) ||
      !read_corrections (&reader, error) ||
      !read_signoffs (&reader, error) ||
      !read_notes (&reader, error))
    goto out;
  ok = TRUE;

out:
  sqlite3_close_v2 (reader.handle);
  /* On failure the copies made so far go with the object. */
  return ok ? g_steal_pointer (&self) : NULL;
}

gboolean
pk_package_probe (PkPackage     *self,
                  guint          timeout_ms,
                  guint64        memory_limit,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GHashTableIter iter;
  PackageFile *file;

  g_return_val_if_fail (PK_IS_PACKAGE (self), FALSE);

  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &file))
    {
      g_autoptr(GError) probe_error = NULL;

      pk_probe_result_clear (&file->probe);
      if (!pk_pdf_probe_file_full (file->path, timeout_ms, memory_limit, &file->probe, cancellable, &probe_error))
        {
          if (g_error_matches (probe_error, PK_PROBE_ERROR, PK_PROBE_ERROR_NOT_PDF))
            g_set_error (error, PK_PACKAGE_ERROR, PK_PACKAGE_ERROR_INVALID,
                         _("%s: bilaga %d (“%s”) is not a PDF"), self->path, file->number, file->title);
          else
            g_propagate_error (error, g_steal_pointer (&probe_error));
          return FALSE;
        }
    }
  self->probed = TRUE;
  return TRUE;
}

const char *
pk_package_get_path (PkPackage *self)
{
  g_return_val_if_fail (PK_IS_PACKAGE (self), NULL);
  return self->path;
}

PkMeeting *
pk_package_get_meeting (PkPackage *self)
{
  g_return_val_if_fail (PK_IS_PACKAGE (self), NULL);
  return self->meeting;
}

guint
pk_package_get_n_files (PkPackage *self)
{
  g_return_val_if_fail (PK_IS_PACKAGE (self), 0);
  return g_hash_table_size (self->files);
}

guint
pk_package_get_n_notes (PkPackage *self)
{
  g_return_val_if_fail (PK_IS_PACKAGE (self), 0);
  return self->notes->len;
}

gboolean
pk_package_get_has_notes (PkPackage *self)
{
  g_return_val_if_fail (PK_IS_PACKAGE (self), FALSE);
  return self->has_notes;
}

guint
pk_package_get_n_files_stored (PkPackage *self)
{
  g_return_val_if_fail (PK_IS_PACKAGE (self), 0);
  return self->n_files_stored;
}

guint
pk_package_get_n_notes_stored (PkPackage *self)
{
  g_return_val_if_fail (PK_IS_PACKAGE (self), 0);
  return self->n_notes_stored;
}

guint
pk_package_get_n_unsafe (PkPackage *self)
{
  g_autoptr(GArray) attachments = g_array_new (FALSE, FALSE, sizeof (AttachmentRef));
  guint n = 0;

  g_return_val_if_fail (PK_IS_PACKAGE (self), 0);

  if (!self->probed)
    return 0;
  collect_attachments (G_LIST_MODEL (pk_meeting_get_items (self->meeting)), attachments);
  for (guint i = 0; i < attachments->len; i++)
    {
      PackageFile *file = g_hash_table_lookup (self->files,
                                               pk_attachment_get_sha256 (g_array_index (attachments, AttachmentRef, i).attachment));
      n += file->probe.status != PK_PROBE_STATUS_OK;
    }
  return n;
}

/* Storing */

/* The meeting as the JSON shows it, without its id and quorum (which depend on the database). */
static char *
comparable_json (PkMeeting *meeting)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = pk_meeting_to_json_node (meeting, NULL);

  json_object_remove_member (json_node_get_object (root), "id");
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* A stored meeting identical to the package's: the same package imported before. */
static gboolean
find_same_meeting (PkPackage   *self,
                   PkDatabase  *db,
                   gint64      *meeting_id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *wanted = comparable_json (self->meeting);
  int rc;

  *meeting_id = 0;
  stmt = pk_database_prepare (db, "SELECT id FROM meeting WHERE title = ? AND date IS ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  pk_bind_text (stmt, 1, pk_meeting_get_title (self->meeting) ? pk_meeting_get_title (self->meeting) : "");
  pk_bind_text (stmt, 2, pk_meeting_get_date (self->meeting));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PkMeeting) stored = pk_database_load_meeting (db, sqlite3_column_int64 (stmt, 0), error);
      g_autofree char *have = NULL;

      if (stored == NULL)
        return FALSE;
      have = comparable_json (stored);
      if (g_strcmp0 (have, wanted) == 0)
        {
          *meeting_id = pk_meeting_get_id (stored);
          return TRUE;
        }
    }
  if (rc != SQLITE_DONE)
    return pk_database_set_error (db, rc, error);
  return TRUE;
}

static const char *
probe_nick (PackageFile *file)
{
  return file->probe.status == PK_PROBE_STATUS_UNKNOWN ? NULL
                                                        : pk_enum_to_nick (PK_TYPE_PROBE_STATUS, file->probe.status);
}

/* The bilaga bytes the database lacks; content-addressed, so storing them changes no meeting. */
static gboolean
store_files (PkPackage   *self,
             PkDatabase  *db,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) has_blob = pk_database_prepare (db, "SELECT 1 FROM blob WHERE sha256 = ?", error);
  GHashTableIter iter;
  PackageFile *file;

  if (has_blob == NULL)
    return FALSE;
  self->n_files_stored = 0;
  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &file))
    {
      g_autoptr(GFile) source = g_file_new_for_path (file->path);
      int rc;

      sqlite3_reset (has_blob);
      pk_bind_text (has_blob, 1, file->sha256);
      rc = sqlite3_step (has_blob);
      if (rc == SQLITE_ROW)
        continue;
      if (rc != SQLITE_DONE)
        return pk_database_set_error (db, rc, error);
      if (!pk_database_store_blob (db, source, file->sha256, file->size, error))
        return FALSE;
      self->n_files_stored++;
    }
  return TRUE;
}

static gboolean
exec_meeting (PkDatabase  *db,
              const char  *sql,
              gint64       meeting_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = pk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return pk_step_done (db, stmt, error);
}

/* The probe results, which the JSON does not carry, onto the rows just inserted. */
static gboolean
store_probe_results (PkPackage   *self,
                     PkDatabase  *db,
                     PkMeeting   *stored,
                     GError     **error)
{
  g_autoptr(GArray) attachments = g_array_new (FALSE, FALSE, sizeof (AttachmentRef));
  g_autoptr(sqlite3_stmt) update = NULL;

  update = pk_database_prepare (db, "UPDATE attachment SET probe_result = ?2, text = ?3 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  collect_attachments (G_LIST_MODEL (pk_meeting_get_items (stored)), attachments);
  for (guint i = 0; i < attachments->len; i++)
    {
      PkAttachment *attachment = g_array_index (attachments, AttachmentRef, i).attachment;
      PackageFile *file = g_hash_table_lookup (self->files, pk_attachment_get_sha256 (attachment));

      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, pk_attachment_get_id (attachment));
      pk_bind_text (update, 2, probe_nick (file));
      pk_bind_text (update, 3, file->probe.status == PK_PROBE_STATUS_OK ? file->probe.text : NULL);
      if (!pk_step_done (db, update, error))
        return FALSE;
    }
  return TRUE;
}

/* The notes onto the bilagor of @stored (the same meeting, by item number and place); a note
 * already there, identical to the last detail, is not added twice. */
static gboolean
store_notes (PkPackage   *self,
             PkDatabase  *db,
             PkMeeting   *stored,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) note = NULL;

  note = pk_database_prepare (db, "INSERT INTO annotation (attachment_id, page, x, y, width, height, text, created_at)"
                                  " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS (SELECT 1 FROM annotation"
                                  "   WHERE attachment_id = ?1 AND page = ?2 AND x = ?3 AND y = ?4 AND width = ?5"
                                  "   AND height = ?6 AND text = ?7 AND created_at = ?8)", error);
  if (note == NULL)
    return FALSE;
  self->n_notes_stored = 0;
  for (guint i = 0; i < self->notes->len; i++)
    {
      PackageNote *row = self->notes->pdata[i];
      PkAgendaItem *item = pk_meeting_find_item_by_number (stored, row->item_number);
      g_autoptr(PkAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_attachments (item)),
                                                                  row->position);

      sqlite3_reset (note);
      sqlite3_bind_int64 (note, 1, pk_attachment_get_id (attachment));
      sqlite3_bind_int (note, 2, pk_annotation_get_page (row->annotation));
      sqlite3_bind_double (note, 3, pk_annotation_get_x (row->annotation));
      sqlite3_bind_double (note, 4, pk_annotation_get_y (row->annotation));
      sqlite3_bind_double (note, 5, pk_annotation_get_width (row->annotation));
      sqlite3_bind_double (note, 6, pk_annotation_get_height (row->annotation));
      pk_bind_text (note, 7, pk_annotation_get_text (row->annotation));
      pk_bind_text (note, 8, pk_annotation_get_created_at (row->annotation));
      if (!pk_step_done (db, note, error))
        return FALSE;
      self->n_notes_stored += sqlite3_changes (pk_database_get_handle (db));
    }
  return TRUE;
}

/* What a recognised meeting may still gain: the bytes it lacked, notes it does not have and,
 * unless it is justerat (its rows are locked), the probe result of bilagor never probed. */
static gboolean
complete_existing (PkPackage   *self,
                   PkDatabase  *db,
                   gint64       meeting_id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(PkMeeting) stored = NULL;
  GHashTableIter iter;
  PackageFile *file;

  /* Notes are private and never locked: those it does not have yet are added. */
  if (!store_files (self, db, error) ||
      !(stored = pk_database_load_meeting (db, meeting_id, error)) ||
      !store_notes (self, db, stored, error))
    return FALSE;
  if (!self->probed)
    return TRUE;
  update = pk_database_prepare (db,
                                "UPDATE attachment SET probe_result = ?3, text = ?4"
                                " WHERE sha256 = ?2 AND probe_result IS NULL"
                                "   AND item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?1)"
                                "   AND (SELECT status FROM meeting WHERE id = ?1) <> 'justerat'",
                                error);
  if (update == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &file))
    {
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, meeting_id);
      pk_bind_text (update, 2, file->sha256);
      pk_bind_text (update, 3, probe_nick (file));
      pk_bind_text (update, 4, file->probe.status == PK_PROBE_STATUS_OK ? file->probe.text : NULL);
      if (!pk_step_done (db, update, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
store_history (PkPackage   *self,
               PkDatabase  *db,
               gint64       meeting_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) version = NULL;
  g_autoptr(sqlite3_stmt) correction = NULL;
  g_autoptr(sqlite3_stmt) signoff = NULL;

  version = pk_database_prepare (db, "INSERT INTO protocol_version (meeting_id, version, content_sha256,"
                                     " canonical_content, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)", error);
  correction = pk_database_prepare (db, "INSERT INTO correction (meeting_id, version, reason, created_at)"
                                        " VALUES (?, ?, ?, ?)", error);
  signoff = pk_database_prepare (db, "INSERT INTO signoff (meeting_id, version, position, role, name, signed_at,"
                                     " place) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (version == NULL || correction == NULL || signoff == NULL)
    return FALSE;
  for (guint i = 0; i < self->versions->len; i++)
    {
      PackageVersion *row = self->versions->pdata[i];

      sqlite3_reset (version);
      sqlite3_bind_int64 (version, 1, meeting_id);
      sqlite3_bind_int (version, 2, row->version);
      pk_bind_text (version, 3, row->sha256);
      pk_bind_text (version, 4, row->canonical);
      pk_bind_text (version, 5, row->reason);
      pk_bind_text (version, 6, row->created_at);
      if (!pk_step_done (db, version, error))
        return FALSE;
    }
  for (guint i = 0; i < self->corrections->len; i++)
    {
      PackageCorrection *row = self->corrections->pdata[i];

      sqlite3_reset (correction);
      sqlite3_bind_int64 (correction, 1, meeting_id);
      sqlite3_bind_int (correction, 2, row->version);
      pk_bind_text (correction, 3, row->reason);
      pk_bind_text (correction, 4, row->created_at);
      if (!pk_step_done (db, correction, error))
        return FALSE;
    }
  for (guint i = 0; i < self->signoffs->len; i++)
    {
      PackageSignoff *row = self->signoffs->pdata[i];

      sqlite3_reset (signoff);
      sqlite3_bind_int64 (signoff, 1, meeting_id);
      sqlite3_bind_int (signoff, 2, row->version);
      sqlite3_bind_int (signoff, 3, row->position);
      pk_bind_text (signoff, 4, row->role);
      pk_bind_text (signoff, 5, row->name);
      pk_bind_text (signoff, 6, row->signed_at);
      pk_bind_text (signoff, 7, row->place);
      if (!pk_step_done (db, signoff, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pk_package_store (PkPackage   *self,
                  PkDatabase  *db,
                  gint64      *meeting_id,
                  gboolean    *already_there,
                  GError     **error)
{
  g_autoptr(PkMeeting) meeting = NULL;
  gboolean justerat;
  gint64 existing, id;

  g_return_val_if_fail (PK_IS_PACKAGE (self), FALSE);
  g_return_val_if_fail (PK_IS_DATABASE (db), FALSE);

  if (already_there != NULL)
    *already_there = FALSE;
  if (!pk_database_begin (db, error))
    return FALSE;
  if (!find_same_meeting (self, db, &existing, error))
    goto fail;
  if (existing != 0)
    {
      if (!complete_existing (self, db, existing, error))
        goto fail;
      if (!pk_database_commit (db, error))
        goto fail_committed;
      if (meeting_id != NULL)
        *meeting_id = existing;
      if (already_there != NULL)
        *already_there = TRUE;
      return TRUE;
    }

  /* Inserted as pending, so the rows that come after the meeting (history, probe results) are
   * written before the lock triggers of a justerat meeting apply; locked last. */
  meeting = pk_meeting_copy_deep (self->meeting);
  justerat = pk_meeting_get_status (meeting) == PK_MEETING_STATUS_JUSTERAT;
  if (justerat)
    pk_meeting_set_status (meeting, PK_MEETING_STATUS_PENDING);
  if ((id = pk_database_insert_meeting (db, meeting, error)) == 0 ||
      !store_files (self, db, error) ||
      !store_probe_results (self, db, meeting, error) ||
      !store_notes (self, db, meeting, error) ||
      !store_history (self, db, id, error) ||
      (justerat && !exec_meeting (db, "UPDATE meeting SET status = 'justerat' WHERE id = ?", id, error)))
    goto fail;
  if (!pk_database_commit (db, error))
    goto fail_committed;
  if (meeting_id != NULL)
    *meeting_id = id;
  return TRUE;

fail:
  pk_database_rollback (db);
fail_committed:
  self->n_files_stored = 0;
  self->n_notes_stored = 0;
  return FALSE;
}

gboolean
pk_package_import (PkDatabase  *db,
                   const char  *path,
                   gint64      *meeting_id,
                   gboolean    *already_there,
                   GError     **error)
{
  g_autoptr(PkPackage) package = NULL;

  g_return_val_if_fail (PK_IS_DATABASE (db), FALSE);

  if (!(package = pk_package_open (path, NULL, error)) ||
      !pk_package_probe (package, PK_PROBE_DEFAULT_TIMEOUT_MS, PK_PROBE_DEFAULT_MEMORY_LIMIT, NULL, error))
    return FALSE;
  return pk_package_store (package, db, meeting_id, already_there, error);
}

typedef struct
{
  char *path;
  PkPackage *package;
  gboolean already_there;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_free (import->path);
  g_clear_object (&import->package);
  g_free (import);
}

static void
import_store_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportData *import = task_data;
  GError *error = NULL;
  gint64 id = 0;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (pk_package_store (import->package, source, &id, &import->already_there, &error))
    g_task_return_int (task, id);
  else
    g_task_return_error (task, error);
}

static void
import_read_thread (GTask        *read_task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportData *import = g_task_get_task_data (task_data);
  GError *error = NULL;

  if ((import->package = pk_package_open (import->path, cancellable, &error)) != NULL &&
      pk_package_probe (import->package, PK_PROBE_DEFAULT_TIMEOUT_MS, PK_PROBE_DEFAULT_MEMORY_LIMIT,
                        cancellable, &error))
    g_task_return_boolean (read_task, TRUE);
  else
    g_task_return_error (read_task, error);
}

void
pk_package_import_async (PkDatabase          *db,
                         const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *import;

  g_return_if_fail (PK_IS_DATABASE (db));
  g_return_if_fail (path != NULL);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, pk_package_import_async);
  import = g_new0 (ImportData, 1);
  import->path = g_strdup (path);
  g_task_set_task_data (task, import, import_data_free);

  /* Reading, hashing and probing (up to 10 s a bilaga) on GLib's pool, not the database worker. */
  pk_database_run_prepared_in_worker (db, task, import_read_thread, import_store_thread);
}

gint64
pk_package_import_finish (PkDatabase    *db,
                          GAsyncResult  *result,
                          gboolean      *already_there,
                          GError       **error)
{
  ImportData *import;
  gint64 id;

  g_return_val_if_fail (g_task_is_valid (result, db), 0);

  id = g_task_propagate_int (G_TASK (result), error);
  import = g_task_get_task_data (G_TASK (result));
  if (already_there != NULL)
    *already_there = id > 0 && import->already_there;
  return id > 0 ? id : 0;
}
