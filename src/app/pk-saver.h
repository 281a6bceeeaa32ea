/* pk-saver.h: autosave for an editor: debounced, one write at a time on the database's worker,
 * the application held until it is on disk. */
#pragma once

#include <gio/gio.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

/* Main thread: a copy of what to write (owned by the saver from then on). */
typedef gpointer (*PkSaverSnapshotFunc) (gpointer owner);
/* Worker thread: writes the copy. */
typedef gboolean (*PkSaverWriteFunc)    (PkDatabase  *database,
                                         gpointer     snapshot,
                                         GError     **error);
/* Main thread, only while the owner lives: the write is done (@error set if it failed). */
typedef void     (*PkSaverDoneFunc)     (gpointer      owner,
                                         gpointer      snapshot,
                                         const GError *error);

#define PK_TYPE_SAVER (pk_saver_get_type ())
G_DECLARE_FINAL_TYPE (PkSaver, pk_saver, PK, SAVER, GObject)

/* @owner is held weakly. */
PkSaver  *pk_saver_new          (GObject             *owner,
                                 PkSaverSnapshotFunc  snapshot,
                                 PkSaverWriteFunc     write,
                                 PkSaverDoneFunc      done,
                                 GDestroyNotify       free_snapshot);
void      pk_saver_set_database (PkSaver    *self,
                                 PkDatabase *database);
/* Writes after a pause in the edits. */
void      pk_saver_schedule     (PkSaver    *self);
/* Writes now what is scheduled. */
void      pk_saver_flush        (PkSaver    *self);
/* A write is scheduled or under way. */
gboolean  pk_saver_is_busy      (PkSaver    *self);

G_END_DECLS
