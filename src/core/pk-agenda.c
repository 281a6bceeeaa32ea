/* pk-agenda.c: editing a meeting's agenda tree (order, nesting) and its time plan. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pk-action.h"
#include "pk-agenda.h"
#include "pk-attachment.h"
#include "pk-attendance.h"
#include "pk-decision.h"
#include "pk-person.h"
#include "pk-person-note.h"
#include "pk-signoff.h"

static gboolean
find_in (GListStore    *siblings,
         PkAgendaItem  *parent,
         PkAgendaItem  *item,
         PkAgendaPlace *place)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (siblings));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAgendaItem) child = g_list_model_get_item (G_LIST_MODEL (siblings), i);

      if (child == item)
        {
          place->siblings = siblings;
          place->index = i;
          place->parent = parent;
          return TRUE;
        }
      if (find_in (pk_agenda_item_get_items (child), child, item, place))
        return TRUE;
    }
  return FALSE;
}

gboolean
pk_agenda_find (PkMeeting     *meeting,
                PkAgendaItem  *item,
                PkAgendaPlace *place)
{
  g_return_val_if_fail (PK_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (item), FALSE);

  return find_in (pk_meeting_get_items (meeting), NULL, item, place);
}

gboolean
pk_agenda_move (PkMeeting    *meeting,
                PkAgendaItem *item,
                int           delta)
{
  PkAgendaPlace place;
  g_autoptr(PkAgendaItem) keep = NULL;
  guint n;
  int target;

  if (!pk_agenda_find (meeting, item, &place))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (place.siblings));
  target = (int) place.index + delta;
  if (delta == 0 || target < 0 || target >= (int) n)
    return FALSE;
  keep = g_object_ref (item);
  g_list_store_remove (place.siblings, place.index);
  g_list_store_insert (place.siblings, target, item);
  pk_meeting_renumber_items (meeting);
  return TRUE;
}

gboolean
pk_agenda_indent (PkMeeting    *meeting,
                  PkAgendaItem *item)
{
  PkAgendaPlace place;
  g_autoptr(PkAgendaItem) keep = NULL;
  g_autoptr(PkAgendaItem) previous = NULL;

  if (!pk_agenda_find (meeting, item, &place) || place.index == 0)
    return FALSE;
  keep = g_object_ref (item);
  previous = g_list_model_get_item (G_LIST_MODEL (place.siblings), place.index - 1);
  g_list_store_remove (place.siblings, place.index);
  g_list_store_append (pk_agenda_item_get_items (previous), item);
  pk_meeting_renumber_items (meeting);
  return TRUE;
}

gboolean
pk_agenda_outdent (PkMeeting    *meeting,
                   PkAgendaItem *item)
{
  PkAgendaPlace place, parent_place;
  g_autoptr(PkAgendaItem) keep = NULL;

  if (!pk_agenda_find (meeting, item, &place) || place.parent == NULL ||
      !pk_agenda_find (meeting, place.parent, &parent_place))
    return FALSE;
  keep = g_object_ref (item);
  g_list_store_remove (place.siblings, place.index);
  g_list_store_insert (parent_place.siblings, parent_place.index + 1, item);
  pk_meeting_renumber_items (meeting);
  return TRUE;
}

static gboolean
is_within (PkAgendaItem *item,
           PkAgendaItem *ancestor)
{
  PkAgendaPlace place;

  if (item == ancestor)
    return TRUE;
  return find_in (pk_agenda_item_get_items (ancestor), ancestor, item, &place);
}

gboolean
pk_agenda_move_next_to (PkMeeting    *meeting,
                        PkAgendaItem *item,
                        PkAgendaItem *target,
                        gboolean      after)
{
  PkAgendaPlace from, to;
  g_autoptr(PkAgendaItem) keep = NULL;

  g_return_val_if_fail (PK_IS_MEETING (meeting), FALSE);

  if (is_within (target, item) || !pk_agenda_find (meeting, item, &from))
    return FALSE;
  keep = g_object_ref (item);
  g_list_store_remove (from.siblings, from.index);
  if (!pk_agenda_find (meeting, target, &to))
    {
      g_list_store_insert (from.siblings, from.index, item);
      return FALSE;
    }
  g_list_store_insert (to.siblings, to.index + (after ? 1 : 0), item);
  pk_meeting_renumber_items (meeting);
  return TRUE;
}

void
pk_agenda_insert_after (PkMeeting    *meeting,
                        PkAgendaItem *after,
                        PkAgendaItem *item)
{
  PkAgendaPlace place;

  g_return_if_fail (PK_IS_MEETING (meeting));
  g_return_if_fail (PK_IS_AGENDA_ITEM (item));

  if (after != NULL && pk_agenda_find (meeting, after, &place))
    g_list_store_insert (place.siblings, place.index + 1, item);
  else
    g_list_store_append (pk_meeting_get_items (meeting), item);
  pk_meeting_renumber_items (meeting);
}

gboolean
pk_agenda_remove (PkMeeting     *meeting,
                  PkAgendaItem  *item,
                  PkAgendaPlace *place)
{
  PkAgendaPlace found;

  if (!pk_agenda_find (meeting, item, &found))
    return FALSE;
  g_list_store_remove (found.siblings, found.index);
  pk_meeting_renumber_items (meeting);
  if (place != NULL)
    *place = found;
  return TRUE;
}

void
pk_agenda_restore (PkMeeting           *meeting,
                   PkAgendaItem        *item,
                   const PkAgendaPlace *place)
{
  GListStore *siblings = pk_meeting_get_items (meeting);
  PkAgendaPlace parent_place;
  guint n;

  /* The parent may itself have been removed since: then the item goes back to the top level. */
  if (place->parent != NULL && pk_agenda_find (meeting, place->parent, &parent_place))
    siblings = pk_agenda_item_get_items (place->parent);
  n = g_list_model_get_n_items (G_LIST_MODEL (siblings));
  g_list_store_insert (siblings, MIN (place->index, n), item);
  pk_meeting_renumber_items (meeting);
}

static void
flatten_into (GListStore *target,
              GListModel *items)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);

      g_list_store_append (target, item);
      flatten_into (target, G_LIST_MODEL (pk_agenda_item_get_items (item)));
    }
}

GListStore *
pk_agenda_flatten (PkMeeting *meeting)
{
  GListStore *flat = g_list_store_new (PK_TYPE_AGENDA_ITEM);

  g_return_val_if_fail (PK_IS_MEETING (meeting), flat);
  flatten_into (flat, G_LIST_MODEL (pk_meeting_get_items (meeting)));
  return flat;
}

guint
pk_agenda_item_get_depth (PkAgendaItem *item)
{
  const char *number = pk_agenda_item_get_number (item);
  guint depth = 0;

  for (const char *p = number; p != NULL && *p; p++)
    depth += *p == '.';
  return depth;
}

const char * const *
pk_agenda_default_standard_items (void)
{
  /* The words of a Swedish protocol, not of the user interface: the agenda is printed in
   * Swedish whatever language the app speaks. */
  static const char * const items[] = {
    "Mötets öppnande",
    "Val av justerare",
    "Godkännande av dagordningen",
    "Föregående protokoll",
    "Övriga frågor",
    "Mötets avslutande",
    NULL,
  };
  return items;
}

int
pk_time_parse (const char *text)
{
  unsigned hour, minute;
  int consumed = 0;

  if (text == NULL || sscanf (text, "%2u:%2u%n", &hour, &minute, &consumed) != 2 ||
      text[consumed] != '\0' || hour > 23 || minute > 59)
    return -1;
  return (int) (hour * 60 + minute);
}

char *
pk_time_plan_format_time (int minutes)
{
  int days = minutes / (24 * 60);
  int in_day = minutes % (24 * 60);

  if (days > 0)
    return g_strdup_printf ("%02d:%02d (+%d)", in_day / 60, in_day % 60, days);
  return g_strdup_printf ("%02d:%02d", in_day / 60, in_day % 60);
}

PkTimePlan *
pk_time_plan_new (PkMeeting *meeting)
{
  g_autoptr(GListStore) flat = pk_agenda_flatten (meeting);
  PkTimePlan *plan = g_new0 (PkTimePlan, 1);
  int start = pk_time_parse (pk_meeting_get_start_time (meeting));
  int end = pk_time_parse (pk_meeting_get_end_time (meeting));
  int cursor = MAX (start, 0);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (flat));

  plan->items = g_array_sized_new (FALSE, TRUE, sizeof (PkPlannedItem), n);
  for (guint i = 0; i < n; i++)
    {
      PkAgendaItem *item = g_list_model_get_item (G_LIST_MODEL (flat), i);
      PkPlannedItem planned = { item, cursor, FALSE };
      int duration = pk_agenda_item_get_duration_min (item);

      if (duration < 0)
        {
          planned.no_duration = TRUE;
          plan->n_without_duration++;
          duration = 0;
        }
      g_array_append_val (plan->items, planned);
      cursor += duration;
      plan->total_min += duration;
      /* The store still holds the item; the plan borrows it for as long as the meeting lives. */
      g_object_unref (item);
    }

  plan->end_min = start >= 0 ? cursor : -1;
  if (start >= 0 && end >= 0)
    {
      /* An end before the start is the next day (an evening meeting that ends after midnight). */
      if (end <= start)
        end += 24 * 60;
      plan->overrun_min = MAX (cursor - end, 0);
    }
  return plan;
}

void
pk_time_plan_free (PkTimePlan *plan)
{
  if (plan == NULL)
    return;
  g_array_unref (plan->items);
  g_free (plan);
}

#define ORIGIN_KEY "pk-copied-from"

/* Copies every property (which are all plain values) and remembers the original. */
static gpointer
copy_object (gpointer object)
{
  GObject *source = object;
  GObject *copy = g_object_new (G_OBJECT_TYPE (source), NULL);
  g_autofree GParamSpec **specs = NULL;
  guint n_specs;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (source), &n_specs);
  g_object_freeze_notify (copy);
  for (guint i = 0; i < n_specs; i++)
    {
      GValue value = G_VALUE_INIT;

      if (!(specs[i]->flags & G_PARAM_WRITABLE) || !(specs[i]->flags & G_PARAM_READABLE))
        continue;
      g_object_get_property (source, specs[i]->name, &value);
      g_object_set_property (copy, specs[i]->name, &value);
      g_value_unset (&value);
    }
  g_object_thaw_notify (copy);
  g_object_set_data_full (copy, ORIGIN_KEY, g_object_ref (source), g_object_unref);
  return copy;
}

typedef GListStore *(*GetListFunc) (gpointer owner);

static void
copy_list (GListStore *from,
           GListStore *to,
           gpointer  (*copy_element) (gpointer))
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (from)); i++)
    {
      g_autoptr(GObject) element = g_list_model_get_item (G_LIST_MODEL (from), i);
      g_autoptr(GObject) copy = copy_element (element);
      g_list_store_append (to, copy);
    }
}

static gpointer
copy_decision (gpointer decision)
{
  PkDecision *copy = copy_object (decision);

  copy_list (pk_decision_get_reservations (decision), pk_decision_get_reservations (copy), copy_object);
  copy_list (pk_decision_get_statements (decision), pk_decision_get_statements (copy), copy_object);
  copy_list (pk_decision_get_motions (decision), pk_decision_get_motions (copy), copy_object);
  return copy;
}

static gpointer
copy_item (gpointer item)
{
  PkAgendaItem *copy = copy_object (item);

  copy_list (pk_agenda_item_get_presenters (item), pk_agenda_item_get_presenters (copy), copy_object);
  copy_list (pk_agenda_item_get_decisions (item), pk_agenda_item_get_decisions (copy), copy_decision);
  copy_list (pk_agenda_item_get_actions (item), pk_agenda_item_get_actions (copy), copy_object);
  copy_list (pk_agenda_item_get_attachments (item), pk_agenda_item_get_attachments (copy), copy_object);
  copy_list (pk_agenda_item_get_recusals (item), pk_agenda_item_get_recusals (copy), copy_object);
  copy_list (pk_agenda_item_get_items (item), pk_agenda_item_get_items (copy), copy_item);
  return copy;
}

PkAgendaItem *
pk_agenda_item_copy_deep (PkAgendaItem *item)
{
  g_return_val_if_fail (PK_IS_AGENDA_ITEM (item), NULL);
  return copy_item (item);
}

PkMeeting *
pk_meeting_copy_deep (PkMeeting *meeting)
{
  PkMeeting *copy;

  g_return_val_if_fail (PK_IS_MEETING (meeting), NULL);

  copy = copy_object (meeting);
  copy_list (pk_meeting_get_items (meeting), pk_meeting_get_items (copy), copy_item);
  copy_list (pk_meeting_get_attendees (meeting), pk_meeting_get_attendees (copy), copy_object);
  copy_list (pk_meeting_get_signoffs (meeting), pk_meeting_get_signoffs (copy), copy_object);
  return copy;
}

static void
adopt_id (gpointer copy)
{
  GObject *origin = g_object_get_data (copy, ORIGIN_KEY);
  gint64 id;

  if (origin == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (copy), "id") == NULL)
    return;
  g_object_get (copy, "id", &id, NULL);
  g_object_set (origin, "id", id, NULL);
}

static void
adopt_list (GListStore *list,
            void      (*adopt_element) (gpointer))
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(GObject) element = g_list_model_get_item (G_LIST_MODEL (list), i);
      adopt_element (element);
    }
}

static void
adopt_item (gpointer item)
{
  adopt_id (item);
  adopt_list (pk_agenda_item_get_decisions (item), adopt_id);
  adopt_list (pk_agenda_item_get_actions (item), adopt_id);
  adopt_list (pk_agenda_item_get_attachments (item), adopt_id);
  adopt_list (pk_agenda_item_get_items (item), adopt_item);
}

void
pk_meeting_adopt_ids (PkMeeting *copy)
{
  g_return_if_fail (PK_IS_MEETING (copy));

  adopt_id (copy);
  adopt_list (pk_meeting_get_items (copy), adopt_item);
}

void
pk_agenda_item_adopt_ids (PkAgendaItem *copy)
{
  g_return_if_fail (PK_IS_AGENDA_ITEM (copy));
  adopt_item (copy);
}
