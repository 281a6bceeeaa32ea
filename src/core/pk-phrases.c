/* pk-phrases.c: the standard decision phrases of Swedish minutes. */
#include "config.h"

#include "pk-attendance.h"
#include <string.h>

#include "pk-phrases.h"

/* The phrases the seeds and municipal minutes use most; the kind follows the words. */
static const PkStandardPhrase phrases[] = {
  { "Informationen noteras.", PK_DECISION_KIND_INFORMATION },
  { "Informationen läggs till handlingarna.", PK_DECISION_KIND_INFORMATION },
  { "Föredragningslistan godkänns.", PK_DECISION_KIND_BESLUT },
  { "Föregående protokoll godkänns och läggs till handlingarna.", PK_DECISION_KIND_BESLUT },
  { "%s utses att justera protokollet.", PK_DECISION_KIND_BESLUT },
  { "Ärendet bordläggs.", PK_DECISION_KIND_BORDLAGGNING },
  { "Ärendet återremitteras.", PK_DECISION_KIND_ATERREMISS },
  { "Mötet förklaras öppnat.", PK_DECISION_KIND_BESLUT },
  { "Mötet förklaras avslutat.", PK_DECISION_KIND_BESLUT },
};

const PkStandardPhrase *
pk_standard_phrases (guint *n_phrases)
{
  *n_phrases = G_N_ELEMENTS (phrases);
  return phrases;
}

char *
pk_standard_phrase_fill (const PkStandardPhrase *phrase,
                         PkMeeting              *meeting)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  GListModel *attendees;

  g_return_val_if_fail (phrase != NULL, NULL);

  if (strstr (phrase->text, "%s") == NULL)
    return g_strdup (phrase->text);
  attendees = meeting != NULL ? G_LIST_MODEL (pk_meeting_get_attendees (meeting)) : NULL;
  for (guint i = 0; attendees != NULL && i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) attendance = g_list_model_get_item (attendees, i);

      if (pk_attendance_get_role (attendance) == PK_ROLE_JUSTERARE && pk_attendance_get_name (attendance) != NULL)
        g_ptr_array_add (names, (gpointer) pk_attendance_get_name (attendance));
    }
  if (names->len == 0)
    joined = g_strdup ("…");
  else
    {
      /* "A", "A och B", "A, B och C". */
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < names->len; i++)
        {
          if (i > 0)
            g_string_append (text, i + 1 == names->len ? " och " : ", ");
          g_string_append (text, g_ptr_array_index (names, i));
        }
      joined = g_string_free (text, FALSE);
    }
  {
    /* Not printf: the phrase is data, and a stray % in it must not read the stack. */
    g_auto(GStrv) parts = g_strsplit (phrase->text, "%s", 2);
    return g_strconcat (parts[0], joined, parts[1], NULL);
  }
}
