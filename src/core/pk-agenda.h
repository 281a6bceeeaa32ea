/* pk-agenda.h: editing a meeting's agenda tree (order, nesting) and its time plan. */
#pragma once

#include "pk-agenda-item.h"
#include "pk-meeting.h"

G_BEGIN_DECLS

/* Where an item sits: its siblings' list and its index there; parent is NULL at the top level. */
typedef struct
{
  GListStore   *siblings;
  guint         index;
  PkAgendaItem *parent;
} PkAgendaPlace;

gboolean    pk_agenda_find             (PkMeeting     *meeting,
                                        PkAgendaItem  *item,
                                        PkAgendaPlace *place);
/* Moves among its siblings by @delta (-1 up, +1 down). FALSE when it cannot move that way. */
gboolean    pk_agenda_move             (PkMeeting     *meeting,
                                        PkAgendaItem  *item,
                                        int            delta);
/* Makes the item the last sub-item of the sibling above it. */
gboolean    pk_agenda_indent           (PkMeeting     *meeting,
                                        PkAgendaItem  *item);
/* Makes a sub-item the next sibling of its parent. */
gboolean    pk_agenda_outdent          (PkMeeting     *meeting,
                                        PkAgendaItem  *item);
/* Moves @item (with its sub-items) next to @target, before or after it, at @target's level — what a
 * drag and drop does. FALSE when @target is the item itself or one of its sub-items. */
gboolean    pk_agenda_move_next_to     (PkMeeting     *meeting,
                                        PkAgendaItem  *item,
                                        PkAgendaItem  *target,
                                        gboolean       after);
/* Inserts @item after @after (at the same level), or at the end when @after is NULL. */
void        pk_agenda_insert_after     (PkMeeting     *meeting,
                                        PkAgendaItem  *after,
                                        PkAgendaItem  *item);
/* Removes the item (with its sub-items); @place says where it was, for undo. */
gboolean    pk_agenda_remove           (PkMeeting     *meeting,
                                        PkAgendaItem  *item,
                                        PkAgendaPlace *place);
/* Puts a removed item back where pk_agenda_remove() said it was. */
void        pk_agenda_restore          (PkMeeting     *meeting,
                                        PkAgendaItem  *item,
                                        const PkAgendaPlace *place);
/* Every item in reading order (parents before their sub-items). */
GListStore *pk_agenda_flatten          (PkMeeting     *meeting);
guint       pk_agenda_item_get_depth   (PkAgendaItem  *item);

/* A deep copy of the meeting (header, agenda tree with everything on the items) for work on another
 * thread. Each copied object remembers the one it was copied from. */
PkMeeting  *pk_meeting_copy_deep       (PkMeeting     *meeting);
/* After the copy was stored: gives the originals the ids the database gave their copies. */
void        pk_meeting_adopt_ids       (PkMeeting     *copy);
/* The same for one item and all it holds. */
PkAgendaItem *pk_agenda_item_copy_deep (PkAgendaItem  *item);
void        pk_agenda_item_adopt_ids   (PkAgendaItem  *copy);

/* The standard items a new meeting starts with when its body has none of its own. */
const char * const *pk_agenda_default_standard_items (void);

typedef struct
{
  PkAgendaItem *item;        /* borrowed */
  int           start_min;   /* minutes after the meeting day's midnight; may pass 24 h */
  gboolean      no_duration; /* counted as 0 min */
} PkPlannedItem;

typedef struct
{
  GArray   *items;           /* PkPlannedItem in reading order */
  int       total_min;
  int       end_min;         /* planned end; -1 without a start time */
  int       overrun_min;     /* past the meeting's end time, 0 if none or no end time */
  guint     n_without_duration;
} PkTimePlan;

/* Each item starts when the ones before it have had their time. Without a start time the
 * start minutes are counted from 0. */
PkTimePlan *pk_time_plan_new           (PkMeeting     *meeting);
void        pk_time_plan_free          (PkTimePlan    *plan);
/* "13:45", or "00:15 (+1)" past midnight. */
char       *pk_time_plan_format_time   (int            minutes);
/* Parses HH:MM into minutes after midnight; -1 if it is not a time. */
int         pk_time_parse              (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PkTimePlan, pk_time_plan_free)

G_END_DECLS
