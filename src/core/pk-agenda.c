/* pk-agenda.c: editing a meeting's agenda tree (order, nesting) and its time plan. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pk-agenda.h"

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
