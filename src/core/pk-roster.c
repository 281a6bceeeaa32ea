/* pk-roster.c: who counts at a meeting: quorum over the roster, per item with partial presence
 * and jäv (recusal). */
#include "config.h"

#include "pk-agenda.h"
#include "pk-person-note.h"
#include "pk-roster.h"

gboolean
pk_attendance_is_voting (PkAttendance *attendance)
{
  switch (pk_attendance_get_role (attendance))
    {
    case PK_ROLE_ORDFORANDE:
    case PK_ROLE_VICE_ORDFORANDE:
    case PK_ROLE_LEDAMOT:
      return TRUE;
    case PK_ROLE_ERSATTARE:
      return pk_attendance_get_replaces (attendance) != NULL;
    default:
      return FALSE;
    }
}

/* Index of the item with @number in reading order, or -1. */
static int
item_index (GListModel *flat,
            const char *number)
{
  if (number == NULL)
    return -1;
  for (guint i = 0; i < g_list_model_get_n_items (flat); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (flat, i);
      if (g_strcmp0 (pk_agenda_item_get_number (item), number) == 0)
        return (int) i;
    }
  return -1;
}

static gboolean
recused (PkAgendaItem *item,
         const char   *name)
{
  GListModel *recusals = G_LIST_MODEL (pk_agenda_item_get_recusals (item));

  for (guint i = 0; i < g_list_model_get_n_items (recusals); i++)
    {
      g_autoptr(PkPersonNote) recusal = g_list_model_get_item (recusals, i);
      if (g_strcmp0 (pk_person_note_get_name (recusal), name) == 0)
        return TRUE;
    }
  return FALSE;
}

void
pk_quorum_compute (PkMeeting    *meeting,
                   int           required,
                   PkAgendaItem *item,
                   PkQuorum     *quorum)
{
  g_autoptr(GListStore) flat = pk_agenda_flatten (meeting);
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  int position = -1;

  g_return_if_fail (PK_IS_MEETING (meeting));

  pk_meeting_renumber_items (meeting);
  if (item != NULL)
    position = item_index (G_LIST_MODEL (flat), pk_agenda_item_get_number (item));

  quorum->required = required;
  quorum->present = 0;
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);

      if (!pk_attendance_get_present (attendance) || !pk_attendance_is_voting (attendance))
        continue;
      if (item != NULL)
        {
          int from = item_index (G_LIST_MODEL (flat), pk_attendance_get_from_item (attendance));
          int to = item_index (G_LIST_MODEL (flat), pk_attendance_get_to_item (attendance));

          if ((from >= 0 && position < from) || (to >= 0 && position > to))
            continue;
          if (recused (item, pk_attendance_get_name (attendance)))
            continue;
        }
      quorum->present++;
    }
  quorum->met = quorum->present >= quorum->required;
}
