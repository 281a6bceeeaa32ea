/* pk-database-private.h: statement helpers shared by the files that implement PkDatabase. */
#pragma once

#include "pk-database.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Row ids as hash table keys. */
#define PK_ID_KEY(id) GSIZE_TO_POINTER ((gsize) (id))

static inline void
pk_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static inline const char *
pk_column_text (sqlite3_stmt *stmt,
                int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static inline gboolean
pk_step_done (PkDatabase   *self,
              sqlite3_stmt *stmt,
              GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return pk_database_set_error (self, rc, error);
  return TRUE;
}

/* The body's id; with @create a new name becomes a body. 0 for an empty name or, without
 * @create, an unknown one. */
gboolean pk_database_find_body_id (PkDatabase  *self,
                                   const char  *name,
                                   gboolean     create,
                                   gint64      *body_id,
                                   GError     **error);

/* Bilaga bytes (pk-database-attachments.c), shared with packages (pk-package.c). */
/* Writes the file into `blob` under @sha256 in chunks, unless that content is stored already; the
 * file is hashed again as it is written, and a file that no longer hashes to @sha256 is refused
 * (PK_DATABASE_ERROR_MISMATCH). Call inside a transaction. */
gboolean pk_database_store_blob (PkDatabase     *self,
                                 GFile          *file,
                                 const char     *sha256,
                                 goffset         size,
                                 GError        **error);
/* Opens the content stored under @sha256 for reading (PK_DATABASE_ERROR_NOT_FOUND if absent). */
gboolean pk_database_open_blob  (PkDatabase     *self,
                                 const char     *sha256,
                                 sqlite3_blob  **blob,
                                 GError        **error);

G_END_DECLS
