/* pk-package.h: a meeting package — one self-contained file with a meeting, its bilagor and its
 * signed versions, for reading offline or moving a meeting to another computer. */
#pragma once

#include <gio/gio.h>

#include "pk-database.h"
#include "pk-meeting.h"

G_BEGIN_DECLS

/* What the package file says it is (the `package` table), and its version (PRAGMA user_version). */
#define PK_PACKAGE_FORMAT         "protokoll-package/1"
#define PK_PACKAGE_FORMAT_VERSION 1
/* PRAGMA application_id of a package: "PRTK". A Protokoll database has none. */
#define PK_PACKAGE_APPLICATION_ID 0x5052544B

/* Limits on what a package may hold; a real meeting stays far below them. */
#define PK_PACKAGE_MAX_JSON       ((gint64) 16 * 1024 * 1024)
#define PK_PACKAGE_MAX_ROWS       100000
/* Distinct bilaga files: each is probed in a child process, so this bounds the time too. */
#define PK_PACKAGE_MAX_FILES      1000

#define PK_PACKAGE_ERROR (pk_package_error_quark ())

typedef enum
{
  PK_PACKAGE_ERROR_NOT_PACKAGE,   /* not a Protokoll package at all */
  PK_PACKAGE_ERROR_NEWER_VERSION, /* written by a newer Protokoll: never read further */
  PK_PACKAGE_ERROR_TRUNCATED,     /* shorter than its header says: a copy cut short */
  PK_PACKAGE_ERROR_DAMAGED,       /* its structure is broken, or content does not match its SHA-256 */
  PK_PACKAGE_ERROR_INVALID,       /* a field out of its set, or parts that do not fit together */
  PK_PACKAGE_ERROR_TOO_LARGE,     /* more than the limits above */
  PK_PACKAGE_ERROR_INCOMPLETE,    /* export: a bilaga whose bytes this database does not have */
  PK_PACKAGE_ERROR_FAILED,        /* the file could not be read or written */
} PkPackageError;

typedef enum
{
  PK_PACKAGE_EXPORT_DEFAULT = 0,
  /* Also the private notes on the bilagor (they stay out unless asked for). */
  PK_PACKAGE_EXPORT_NOTES   = 1 << 0,
} PkPackageExportFlags;

#define PK_TYPE_PACKAGE (pk_package_get_type ())
G_DECLARE_FINAL_TYPE (PkPackage, pk_package, PK, PACKAGE, GObject)

GQuark      pk_package_error_quark      (void);

/* Writes the meeting, every bilaga's bytes (each checked against its SHA-256 on the way out),
 * its signed versions, corrections and earlier sign-offs — and with PK_PACKAGE_EXPORT_NOTES the
 * private notes — to @path. The file is written beside @path under a temporary name and renamed
 * over it at the end, so a failed export leaves no file (and an existing one as it was). */
gboolean    pk_package_export           (PkDatabase           *db,
                                         gint64                meeting_id,
                                         const char           *path,
                                         PkPackageExportFlags  flags,
                                         GError              **error);
/* The same on the database worker (after the saves queued before it). */
void        pk_package_export_async     (PkDatabase           *db,
                                         gint64                meeting_id,
                                         const char           *path,
                                         PkPackageExportFlags  flags,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean    pk_package_export_finish    (PkDatabase           *db,
                                         GAsyncResult         *result,
                                         GError              **error);

/* Reads and checks a package without touching any database: the file header, SQLite's
 * integrity check, the exact schema, the meeting JSON, every bilaga's SHA-256 and size (each
 * copied to a private temporary folder as it is hashed), the signed versions' hashes. Anything
 * wrong is an error and nothing is kept. Blocks: call it from a thread. */
PkPackage  *pk_package_open             (const char           *path,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* Probes every bilaga in a child process as attaching does (pk_pdf_probe_file_full); a bilaga
 * that is not a PDF at all makes the package refused (PK_PACKAGE_ERROR_INVALID). Bilagor of a
 * package that was never probed are stored as not yet probed (unknown). Blocks up to
 * @timeout_ms per bilaga. */
gboolean    pk_package_probe            (PkPackage            *self,
                                         guint                 timeout_ms,
                                         guint64               memory_limit,
                                         GCancellable         *cancellable,
                                         GError              **error);

const char *pk_package_get_path         (PkPackage            *self);
/* The meeting as the package holds it (ids are 0); do not change it. */
PkMeeting  *pk_package_get_meeting      (PkPackage            *self);
/* Distinct bilaga files, and private notes, in the package. */
guint       pk_package_get_n_files      (PkPackage            *self);
guint       pk_package_get_n_notes      (PkPackage            *self);
/* Whether the exporter was asked to include the notes (so "no notes" means there were none). */
gboolean    pk_package_get_has_notes    (PkPackage            *self);
/* How many bilaga files (content the database lacked) and notes the last pk_package_store()
 * wrote: for a meeting that was there already, what it gained. */
guint       pk_package_get_n_files_stored (PkPackage          *self);
guint       pk_package_get_n_notes_stored (PkPackage          *self);
/* How many of the bilagor the probe found unsafe to show (0 before probing). */
guint       pk_package_get_n_unsafe     (PkPackage            *self);

/* Stores the package as a new meeting in one transaction and sets @meeting_id. If the database
 * already holds a meeting identical to it (the same package imported before), no meeting is
 * written: @meeting_id is that meeting and @already_there is TRUE, and only what it lacks is
 * added — bilaga bytes (a meeting imported from JSON has none) and notes it does not have. */
gboolean    pk_package_store            (PkPackage            *self,
                                         PkDatabase           *db,
                                         gint64               *meeting_id,
                                         gboolean             *already_there,
                                         GError              **error);

/* pk_package_open(), pk_package_probe() with the default limits, pk_package_store(). */
gboolean    pk_package_import           (PkDatabase           *db,
                                         const char           *path,
                                         gint64               *meeting_id,
                                         gboolean             *already_there,
                                         GError              **error);
/* The same for the app: reading, checking and probing on a thread of their own, the store on the
 * database worker; @callback runs on the calling thread's main context. */
void        pk_package_import_async     (PkDatabase           *db,
                                         const char           *path,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gint64      pk_package_import_finish    (PkDatabase           *db,
                                         GAsyncResult         *result,
                                         gboolean             *already_there,
                                         GError              **error);

G_END_DECLS
