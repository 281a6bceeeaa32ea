/* pk-database.h: the SQLite file that holds everything: opening, checking, migrating, jobs. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "pk-meeting.h"
#include "pk-meeting-json.h"
#include "pk-membership.h"
#include "pk-action-entry.h"
#include "pk-attachment.h"
#include "pk-annotation.h"
#include "pk-pdf-probe.h"
#include "pk-search-hit.h"

G_BEGIN_DECLS

#define PK_DATABASE_ERROR (pk_database_error_quark ())

typedef enum
{
  PK_DATABASE_ERROR_FAILED,
  PK_DATABASE_ERROR_NOT_DATABASE,  /* the file is not an SQLite database */
  PK_DATABASE_ERROR_CORRUPT,
  PK_DATABASE_ERROR_NEWER_VERSION, /* written by a newer Protokoll: never touched */
  PK_DATABASE_ERROR_LOCKED,
  PK_DATABASE_ERROR_FULL,          /* disk full: the transaction was rolled back */
  PK_DATABASE_ERROR_NOT_FOUND,
  PK_DATABASE_ERROR_CONSTRAINT,
  PK_DATABASE_ERROR_READ_ONLY,
  PK_DATABASE_ERROR_JUSTERAT,      /* the protocol is signed off: a rättelse is the way to change it */
  PK_DATABASE_ERROR_MISMATCH,      /* content or file does not match its recorded SHA-256 */
} PkDatabaseError;

#define PK_TYPE_DATABASE (pk_database_get_type ())
G_DECLARE_FINAL_TYPE (PkDatabase, pk_database, PK, DATABASE, GObject)

GQuark      pk_database_error_quark        (void);

/* PROTOKOLL_DB if set, else $XDG_DATA_HOME/protokoll/protokoll.db. */
char       *pk_database_get_default_path   (void);

PkDatabase *pk_database_open               (const char           *path,
                                            GError              **error);
void        pk_database_open_async         (const char           *path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
PkDatabase *pk_database_open_finish        (GAsyncResult         *result,
                                            GError              **error);
/* Opens and lists the meetings in one trip to a worker thread: what a window needs first. */
void        pk_database_open_with_meetings_async  (const char          *path,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
PkDatabase *pk_database_open_with_meetings_finish (GAsyncResult        *result,
                                                   GListStore         **meetings,
                                                   GError             **error);
/* Opens with the schema at exactly @version (tests build old databases with it). */
PkDatabase *pk_database_open_at_version    (const char           *path,
                                            int                   version,
                                            GError              **error);

const char *pk_database_get_path           (PkDatabase           *self);
sqlite3    *pk_database_get_handle         (PkDatabase           *self);
int         pk_database_get_schema_version (PkDatabase           *self);
/* Where the copy taken before the last migration went, or NULL if none was needed. */
const char *pk_database_get_backup_path    (PkDatabase           *self);

/* Transactions nest (savepoints): an inner failure rolls back only to its own start. */
gboolean    pk_database_begin              (PkDatabase           *self,
                                            GError              **error);
gboolean    pk_database_commit             (PkDatabase           *self,
                                            GError              **error);
void        pk_database_rollback           (PkDatabase           *self);

gboolean    pk_database_exec               (PkDatabase           *self,
                                            const char           *sql,
                                            GError              **error);
sqlite3_stmt *pk_database_prepare          (PkDatabase           *self,
                                            const char           *sql,
                                            GError              **error);
/* Sets @error from the connection's last error; @rc picks the code. Always returns FALSE. */
gboolean    pk_database_set_error          (PkDatabase           *self,
                                            int                   rc,
                                            GError              **error);

/* Runs @func on the database's own worker thread. Jobs run one at a time in the order queued, so
 * an autosave queued before a load is on disk before the load reads. */
void        pk_database_run_in_worker      (PkDatabase           *self,
                                            GTask                *task,
                                            GTaskThreadFunc       func);
/* Runs @prepare on GLib's thread pool (work that must not hold up the worker: a probe of up to
 * 10 s, reading and hashing a package), then — unless it returned an error or @task was
 * cancelled — @store on the database worker, behind the saves queued before it. @prepare gets
 * @task as its task data and returns a boolean (or an error) on its own task; @store completes
 * @task. */
void        pk_database_run_prepared_in_worker (PkDatabase       *self,
                                                GTask            *task,
                                                GTaskThreadFunc   prepare,
                                                GTaskThreadFunc   store);

/* Meetings (pk-database-meetings.c). */
GListStore *pk_database_list_meetings      (PkDatabase           *self,
                                            GError              **error);
PkMeeting  *pk_database_load_meeting       (PkDatabase           *self,
                                            gint64                meeting_id,
                                            GError              **error);
/* Inserts the whole tree in one transaction; sets the ids of every object in it. */
gint64      pk_database_insert_meeting     (PkDatabase           *self,
                                            PkMeeting            *meeting,
                                            GError              **error);
/* Writes the header fields (title, body, kind, dnr, date, times, place, link, status, recorder). */
gboolean    pk_database_update_meeting_header (PkDatabase        *self,
                                            PkMeeting            *meeting,
                                            GError              **error);
gboolean    pk_database_delete_meeting     (PkDatabase           *self,
                                            gint64                meeting_id,
                                            GError              **error);
/* Writes the agenda tree (order, nesting, item fields, presenters): rows that kept their id are
 * updated, new items inserted, removed ones deleted — except ids in @keep (a set of ids as
 * GSIZE_TO_POINTER), removed with undo still on offer. One transaction. */
gboolean    pk_database_save_agenda        (PkDatabase           *self,
                                            PkMeeting            *meeting,
                                            GHashTable           *keep,
                                            GError              **error);
/* The body's standard items (new PkAgendaItems), or the default list when it has none. */
GPtrArray  *pk_database_get_standard_items (PkDatabase           *self,
                                            const char           *body,
                                            GError              **error);
gboolean    pk_database_set_standard_items (PkDatabase           *self,
                                            const char           *body,
                                            GPtrArray            *items,
                                            GError              **error);
/* Appends the body's standard items to a meeting not yet stored. */
gboolean    pk_database_add_standard_items (PkDatabase           *self,
                                            PkMeeting            *meeting,
                                            GError              **error);
/* The body's next meeting: the standard items, every deferred item (linked to where it came from,
 * its sub-items with it) and every open action carried over. Returns the new id. */
gint64      pk_database_create_next_meeting (PkDatabase          *self,
                                            gint64                meeting_id,
                                            GError              **error);
/* Writes the minutes of each item in @items (PkAgendaItems already stored): discussion, state,
 * decisions with their yrkanden, reservations and protokollsanteckningar, and actions. One
 * transaction. */
gboolean    pk_database_save_minutes       (PkDatabase           *self,
                                            GPtrArray            *items,
                                            GError              **error);
/* Writes the meeting's roster (attendees, their roles, notes and from/to items) as it is. */
gboolean    pk_database_save_attendance    (PkDatabase           *self,
                                            PkMeeting            *meeting,
                                            GError              **error);

/* Registers (pk-database-roster.c). */
/* People whose name or organisation contains @text (all with ""), at most 200. */
GListStore *pk_database_find_people        (PkDatabase           *self,
                                            const char           *text,
                                            GError              **error);
/* The id of a person with exactly this name and organisation, 0 if none, -1 on error: adding
 * the same person twice by accident is what this guards against. */
gint64      pk_database_find_same_person   (PkDatabase           *self,
                                            const char           *name,
                                            const char           *organisation,
                                            GError              **error);
/* Adds a seat in a body; the body and the person are created on first use. */
gint64      pk_database_add_membership     (PkDatabase           *self,
                                            PkMembership         *membership,
                                            GError              **error);
gboolean    pk_database_end_membership     (PkDatabase           *self,
                                            gint64                membership_id,
                                            const char           *to_date,
                                            GError              **error);
/* The body's members on @date (NULL: every membership), chair first. */
GListStore *pk_database_list_memberships   (PkDatabase           *self,
                                            const char           *body,
                                            const char           *date,
                                            GError              **error);
/* Appends the body's members on the meeting date who are not on the roster yet (not saved);
 * returns how many, G_MAXUINT on error. */
guint       pk_database_prefill_attendance (PkDatabase           *self,
                                            PkMeeting            *meeting,
                                            GError              **error);
/* The body's quorum rule: "majority" (more than half the voting members), "count" (@count present)
 * or "none". */
gboolean    pk_database_get_body_quorum    (PkDatabase           *self,
                                            const char           *body,
                                            char                **rule,
                                            int                  *count,
                                            GError              **error);
gboolean    pk_database_set_body_quorum    (PkDatabase           *self,
                                            const char           *body,
                                            const char           *rule,
                                            int                   count,
                                            GError              **error);
/* How many voting members must be present; FALSE when the body keeps no roster (no quorum). */
gboolean    pk_database_get_quorum_requirement (PkDatabase       *self,
                                            PkMeeting            *meeting,
                                            int                  *required,
                                            GError              **error);
gboolean    pk_database_compute_quorum     (PkDatabase           *self,
                                            PkMeeting            *meeting,
                                            PkQuorum             *quorum,
                                            GError              **error);
/* Justering (pk-database-justering.c). */
/* Records one sign-off of the current version; the last one required (sekreterare, ordförande and
 * every justerare chosen in the roster, or one if none was) fixes the § numbers, hashes the content
 * and makes the meeting justerat. @justerat tells whether that happened. */
gboolean    pk_database_sign               (PkDatabase           *self,
                                            gint64                meeting_id,
                                            PkRole                role,
                                            const char           *name,
                                            const char           *place,
                                            gboolean             *justerat,
                                            GError              **error);
/* Rättelse: opens version n+1 of a justerat meeting for editing; version n stays verifiable. */
gboolean    pk_database_correct            (PkDatabase           *self,
                                            gint64                meeting_id,
                                            const char           *reason,
                                            GError              **error);
/* Recomputes the hash of the current justerat version and of every stored one. */
gboolean    pk_database_verify_meeting     (PkDatabase           *self,
                                            gint64                meeting_id,
                                            char                **sha256,
                                            GError              **error);
/* Which meeting and version a file is, if this database exported exactly it. */
gboolean    pk_database_verify_file        (PkDatabase           *self,
                                            const char           *path,
                                            gint64               *meeting_id,
                                            int                  *version,
                                            char                **kind,
                                            GError              **error);
gboolean    pk_database_record_export      (PkDatabase           *self,
                                            gint64                meeting_id,
                                            int                   version,
                                            const char           *kind,
                                            const char           *path,
                                            GError              **error);
/* Body names known to the database, sorted, for completion. */
GStrv       pk_database_list_body_names    (PkDatabase           *self,
                                            GError              **error);

/* The action register (pk-database-actions.c). */
typedef struct
{
  gboolean    open_only;     /* only actions still open */
  gboolean    overdue_only;  /* only open actions whose due date is before @today */
  const char *owner;         /* part of the owner's name, any case; NULL: everyone */
  const char *body;          /* exactly this body; NULL: all */
  const char *today;         /* YYYY-MM-DD; NULL: today's local date (tests fix it) */
} PkActionFilter;

/* Today's local date as YYYY-MM-DD, what "overdue" is measured against. */
char       *pk_action_today                (void);
/* Actions across all meetings as PkActionEntry, open first, then by due date. An action carried
 * over to a later meeting is listed once: as its newest copy (the row no other row continues). */
GListStore *pk_database_list_actions       (PkDatabase           *self,
                                            const PkActionFilter *filter,
                                            GError              **error);
/* Closes (done, cancelled) or reopens one action, recording the meeting that holds it as where it
 * was closed. Refused for an action in justerat minutes (PK_DATABASE_ERROR_JUSTERAT) and for one
 * that was carried over (the newest copy is the one to change). */
gboolean    pk_database_set_action_state   (PkDatabase           *self,
                                            gint64                action_id,
                                            PkActionState         state,
                                            GError              **error);

/* Full-text search (pk-database-search.c). */
#define PK_SEARCH_ERROR (pk_search_error_quark ())

typedef enum
{
  PK_SEARCH_ERROR_EMPTY,    /* nothing but white space */
  PK_SEARCH_ERROR_INVALID,  /* not valid UTF-8 */
} PkSearchError;

#define PK_SEARCH_DEFAULT_LIMIT 50

GQuark      pk_search_error_quark          (void);
/* The user's words as an FTS5 query that cannot be a syntax error: each word, or each phrase the
 * user put in double quotes, becomes one quoted FTS5 string, and all of them must match (AND). A
 * word ending in * matches words that begin so. Operators (OR, NOT, NEAR, -, parentheses, column
 * filters) are words like any other. "" when no word is left (only punctuation). */
char       *pk_search_build_query          (const char           *text,
                                            GError              **error);
/* PkSearchHits across all meetings, best first (bm25), at most @limit (<= 0: the default). Text
 * with no word in it finds nothing; blank text is PK_SEARCH_ERROR_EMPTY. */
GListStore *pk_database_search             (PkDatabase           *self,
                                            const char           *text,
                                            int                   limit,
                                            GError              **error);

/* Calendar invitations (pk-meeting-ics.c). */
/* pk_meeting_to_ics() with what the database knows besides the meeting: a UID made of the id and
 * the row's creation time, a SEQUENCE that grows with each change of the header, and the e-mail
 * addresses of the people on the roster (from the person register). */
char       *pk_database_meeting_to_ics     (PkDatabase           *self,
                                            gint64                meeting_id,
                                            GError              **error);
/* Sets (NULL or "": clears) the person's e-mail address, where invitations go. An address
 * pk_ics_is_email() refuses is PK_DATABASE_ERROR_CONSTRAINT. */
gboolean    pk_database_set_person_email   (PkDatabase           *self,
                                            gint64                person_id,
                                            const char           *email,
                                            GError              **error);

/* Bilagor (pk-database-attachments.c). A bilaga's bytes live in `blob`, once per SHA-256, written
 * and read in chunks with incremental blob I/O. */
/* Probes the file in a child process (pk_pdf_probe_file: 10 s, 1 GiB) and stores it on the item,
 * last among its bilagor, titled @title or the file name without extension. A file that fails the
 * probe is stored all the same, marked not safe to show; one that is no PDF at all is refused
 * (PK_PROBE_ERROR_NOT_PDF) and nothing is stored. Renumbers the meeting. Returns the new bilaga. */
PkAttachment *pk_database_attach_file      (PkDatabase           *self,
                                            gint64                item_id,
                                            const char           *path,
                                            const char           *title,
                                            GError              **error);
/* The same with the probe already run (the app probes off the database worker, which a 10 s probe
 * must not hold up). */
PkAttachment *pk_database_attach_probed_file (PkDatabase         *self,
                                            gint64                item_id,
                                            const char           *path,
                                            const char           *title,
                                            const PkProbeResult  *probe,
                                            GError              **error);
/* pk_database_attach_file() for the app: the probe runs on a thread of its own, then the store is
 * queued on the database worker; @callback runs on the calling thread's main context. An unknown
 * item or a justerat meeting is reported after the probe. */
void        pk_database_attach_file_async  (PkDatabase           *self,
                                            gint64                item_id,
                                            const char           *path,
                                            const char           *title,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
PkAttachment *pk_database_attach_file_finish (PkDatabase         *self,
                                            GAsyncResult         *result,
                                            GError              **error);
/* "Bilaga N" meeting-wide in agenda order: items in tree order, then their bilagor in order. Only
 * rows whose number changes are written, so it is a no-op on an unchanged (or justerat) meeting.
 * pk_database_save_agenda() calls it. */
gboolean    pk_database_renumber_attachments (PkDatabase         *self,
                                            gint64                meeting_id,
                                            GError              **error);
/* The bytes stored under @sha256 (checked against it on the way out). */
gboolean    pk_database_read_blob          (PkDatabase           *self,
                                            const char           *sha256,
                                            GBytes              **bytes,
                                            GError              **error);
/* Writes the bilaga's bytes to @path (replaced atomically; nothing left on failure). */
gboolean    pk_database_save_attachment_to (PkDatabase           *self,
                                            gint64                attachment_id,
                                            const char           *path,
                                            GError              **error);
gboolean    pk_database_set_attachment_title (PkDatabase         *self,
                                            gint64                attachment_id,
                                            const char           *title,
                                            GError              **error);
/* Removes the bilaga (its annotations with it) and renumbers the meeting; the blob goes when no
 * bilaga refers to it any more. */
gboolean    pk_database_remove_attachment  (PkDatabase           *self,
                                            gint64                attachment_id,
                                            GError              **error);
/* One bilaga with its probe result, or NULL (PK_DATABASE_ERROR_NOT_FOUND). */
PkAttachment *pk_database_load_attachment  (PkDatabase           *self,
                                            gint64                attachment_id,
                                            GError              **error);
/* Annotations: private notes on a bilaga's pages; allowed on a justerat meeting too (they are no
 * part of the protocol). The list is in page order, then creation order. */
GListStore *pk_database_list_annotations   (PkDatabase           *self,
                                            gint64                attachment_id,
                                            GError              **error);
/* Inserts it; sets its id and created_at. */
gboolean    pk_database_add_annotation     (PkDatabase           *self,
                                            PkAnnotation         *annotation,
                                            GError              **error);
/* Writes page, rectangle and text of the annotation with its id. */
gboolean    pk_database_update_annotation  (PkDatabase           *self,
                                            PkAnnotation         *annotation,
                                            GError              **error);
gboolean    pk_database_delete_annotation  (PkDatabase           *self,
                                            gint64                annotation_id,
                                            GError              **error);

G_END_DECLS
