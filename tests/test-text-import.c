/* test-text-import.c: import-text. The two real samples (tests/data/text-import/) read, stored in a
 * real database and read back, checked against facts read from their text and for every source
 * line still being there; the rules one by one on small texts; encodings; and the real CLI as a
 * subprocess: round trip, the protocol PDF, bad input, a database that refuses. */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <string.h>

#include "pk-test-util.h"
#include "protokoll-core.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define KALMAR "text-import/kalmar-2022-03-25-protokoll.txt"
#define KRONOBERG "text-import/kronoberg-2021-06-04-motesanteckningar.txt"
#define MUNICIPAL "text-import/kommun-2023-05-10-protokoll.txt"

/* ---- helpers ------------------------------------------------------------------------------- */

static PkMeeting *
parse_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  PkMeeting *meeting = pk_text_import_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

/* Parsed, stored in a fresh database and loaded again: what is checked is what was stored. */
static PkMeeting *
import_stored (const char *name)
{
  g_autofree char *dir = pk_test_dir_new ();
  g_autofree char *path = g_build_filename (dir, "protokoll.db", NULL);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkDatabase) db = NULL;
  g_autoptr(PkMeeting) parsed = NULL;
  PkMeeting *loaded;
  PkTextEncoding encoding;
  gsize length;
  gint64 id;

  data = pk_test_read_data_file (name, &length);
  text = pk_text_import_decode (data, length, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, PK_TEXT_ENCODING_UTF8);
  parsed = parse_text (text);
  db = pk_database_open (path, &error);
  g_assert_no_error (error);
  id = pk_database_insert_meeting (db, parsed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  loaded = pk_database_load_meeting (db, id, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  pk_test_dir_free (g_steal_pointer (&dir));
  return loaded;
}

static PkAttendance *
attendee (PkMeeting  *meeting,
          const char *name)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) a = g_list_model_get_item (attendees, i);
      if (g_str_equal (pk_attendance_get_name (a), name))
        return a;
    }
  g_test_message ("no attendee %s", name);
  g_assert_not_reached ();
}

static PkAgendaItem *
item (PkMeeting  *meeting,
      const char *number)
{
  PkAgendaItem *found = pk_meeting_find_item_by_number (meeting, number);

  g_assert_nonnull (found);
  return found;
}

static guint
n_of (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

/* The @index-th object of @store, without a reference (the store keeps one). */
static gpointer
nth (GListStore *store,
     guint       index)
{
  g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (store), index);

  g_assert_nonnull (object);
  return object;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    {
      g_test_message ("“%s” not found in “%s”", needle, haystack ? haystack : "(null)");
      g_test_fail ();
    }
}

/* ---- nothing dropped ----------------------------------------------------------------------- */

static void
add_words (GHashTable *words,
           const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (const char *p = folded; *p;)
    {
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        {
          const char *start = p;

          while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          g_hash_table_add (words, g_strndup (start, (gsize) (p - start)));
        }
      else
        p = g_utf8_next_char (p);
    }
}

static void
collect_words (JsonNode   *node,
               GHashTable *words)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));
      for (GList *l = members; l != NULL; l = l->next)
        collect_words (l->data, words);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_words (json_array_get_element (array, i), words);
    }
  else if (JSON_NODE_HOLDS_VALUE (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        add_words (words, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          add_words (words, number);
        }
    }
}

/* Every word of every non-blank source line is somewhere in the stored meeting's JSON. A role is
 * stored as its nick, so a role word counts as found when someone holds that role. @labels are
 * what the importer turns into structure (a regex for the start of a line: "Plats:", "Beslut:");
 * @data_lines are lines stored as values (a date written out), checked by the caller. */
static void
assert_every_line_kept (const char        *name,
                        PkMeeting         *stored,
                        const char        *labels,
                        const char *const *data_lines)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *json = pk_meeting_to_json (stored, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) label = g_regex_new (labels, G_REGEX_CASELESS, 0, &error);
  g_autofree char *source = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (stored));

  g_assert_no_error (error);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  collect_words (json_parser_get_root (parser), words);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) a = g_list_model_get_item (attendees, i);
      const char *role_words[] = { "ordförande", "vice ordförande", "sekreterare", "justerare", NULL,
                                   "ersättare", "adjungerad", NULL };
      const char *word = role_words[pk_attendance_get_role (a)];
      if (word != NULL)
        add_words (words, word);
    }

  source = pk_test_read_data_file (name, NULL);
  lines = g_strsplit (source, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[n]));
      g_autofree char *rest = NULL;
      g_autoptr(GHashTable) line_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      gpointer word;

      if (*line == '\0' || (data_lines != NULL && g_strv_contains (data_lines, line)))
        continue;
      rest = g_regex_replace_literal (label, line, -1, 0, "", 0, NULL);
      add_words (line_words, rest);
      g_hash_table_iter_init (&iter, line_words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        if (!g_hash_table_contains (words, word))
          {
            g_test_message ("%s:%u: “%s” of “%s” is not in the stored meeting", name, n + 1,
                            (const char *) word, line);
            g_test_fail ();
          }
      checked++;
    }
  /* The check ran over the file, not over nothing. */
  g_assert_cmpuint (checked, >, 40);
}

/* ---- the samples --------------------------------------------------------------------------- */

static void
test_kronoberg (void)
{
  g_autoptr(PkMeeting) m = import_stored (KRONOBERG);
  const char *const data_lines[] = { "Tid: Fredag den 4 juni 2021", NULL };
  PkAttendance *a;
  PkAgendaItem *it;
  PkPerson *presenter;
  PkAction *action;

  g_assert_cmpstr (pk_meeting_get_body (m), ==,
                   "Ledningsgrupp för samordning av länets hälso- och sjukvård och socialtjänst");
  g_assert_cmpint (pk_meeting_get_kind (m), ==, PK_MEETING_KIND_MINNESANTECKNINGAR);
  g_assert_cmpstr (pk_meeting_get_title (m), ==, "Mötesanteckningar");
  g_assert_cmpstr (pk_meeting_get_dnr (m), ==, "21RGK153");
  /* "2021-06-04" and "Tid: Fredag den 4 juni 2021" agree. */
  g_assert_cmpstr (pk_meeting_get_date (m), ==, "2021-06-04");
  g_assert_cmpstr (pk_meeting_get_start_time (m), ==, "09:45");
  g_assert_cmpstr (pk_meeting_get_end_time (m), ==, "15:00");
  g_assert_cmpstr (pk_meeting_get_place (m), ==, "Digitalt möte via Teams");
  g_assert_cmpstr (pk_meeting_get_recorded_by (m), ==, "Jenny Folkesson");
  g_assert_cmpint (pk_meeting_get_status (m), ==, PK_MEETING_STATUS_HELD);

  /* Närvarande: 17 lines, the first on the label's line. */
  g_assert_cmpuint (n_of (pk_meeting_get_attendees (m)), ==, 17);
  a = attendee (m, "Gunilla Kaj-Bevheden");
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "Alvesta");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_LEDAMOT);
  a = attendee (m, "Annie-Lie Jarhult");
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "Uppvidinge");
  g_assert_cmpstr (pk_attendance_get_note (a), ==, "ej fm");
  a = attendee (m, "Roger O Nilsson");
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "Region Kronoberg");
  g_assert_cmpstr (pk_attendance_get_note (a), ==, "till och från");
  a = attendee (m, "Annika Magnerot");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_ORDFORANDE);
  g_assert_null (pk_attendance_get_note (a));
  a = attendee (m, "Jenny Folkesson");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_SEKRETERARE);
  a = attendee (m, "Åsa Karlsson");
  g_assert_cmpstr (pk_attendance_get_note (a), ==, "kommunikatör");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_LEDAMOT);

  g_assert_cmpuint (n_of (pk_meeting_get_items (m)), ==, 15);
  g_assert_cmpstr (pk_agenda_item_get_title (item (m, "1")), ==,
                   "Incheckning, godkännande av dagordning och föregående mötesanteckningar");
  it = item (m, "2");
  g_assert_cmpstr (pk_agenda_item_get_title (it), ==, "Arbete med Nära vård och patientkontrakt - redovisning");
  presenter = nth (pk_agenda_item_get_presenters (it), 0);
  g_assert_cmpstr (pk_person_get_name (presenter), ==, "Magnus Frithiof");
  g_assert_cmpuint (n_of (pk_agenda_item_get_decisions (it)), ==, 1);
  g_assert_cmpstr (pk_decision_get_text (nth (pk_agenda_item_get_decisions (it), 0)), ==,
                   "Ledningsgruppen ställer sig bakom detta och ett förslag till uppdrag till tvärgrupperna tas fram.");
  assert_contains (pk_agenda_item_get_discussion (it), "- **Hur:** Kartlägga de verktyg");
  g_assert_cmpint (pk_agenda_item_get_state (it), ==, PK_ITEM_STATE_DONE);
  /* "Fast vårdkontakt" is a heading in § 3's text, not an item. */
  it = item (m, "3");
  g_assert_cmpuint (n_of (pk_agenda_item_get_items (it)), ==, 0);
  assert_contains (pk_agenda_item_get_discussion (it), "**Fast vårdkontakt**\n\nEn handlingsplan ska skicka");
  g_assert_cmpstr (pk_decision_get_text (nth (pk_agenda_item_get_decisions (item (m, "5")), 0)), ==,
                   "Ledningsgruppen beslutar att förlänga brukarsamordnarnas uppdrag året ut och använda "
                   "brukarmiljonen till det.");
  /* "Beslut om rutinen tas vid mötet i september." says no decision was taken. */
  it = item (m, "6");
  g_assert_cmpuint (n_of (pk_agenda_item_get_decisions (it)), ==, 0);
  assert_contains (pk_agenda_item_get_discussion (it), "\n\nBeslut om rutinen tas vid mötet i september.");
  presenter = nth (pk_agenda_item_get_presenters (item (m, "8")), 0);
  g_assert_cmpstr (pk_person_get_name (presenter), ==, "Gunilla Kaj Bevheden");
  /* § 11's Beslut is about its whole text ("enligt ovan"): its sub-headings stay headings. */
  it = item (m, "11");
  g_assert_cmpuint (n_of (pk_agenda_item_get_items (it)), ==, 0);
  assert_contains (pk_agenda_item_get_discussion (it), "**Barn- och unga**");
  assert_contains (pk_agenda_item_get_discussion (it), "**Vuxna**\n\nTvärgruppen jobbar vidare med sina uppdrag.");
  assert_contains (pk_agenda_item_get_discussion (it), "- Elevhälsochef Jenny Strand ersätter Elin Hjort i tvärgruppen.");
  g_assert_cmpuint (n_of (pk_agenda_item_get_decisions (it)), ==, 1);

  /* Sentences in which an attendee takes something on. */
  g_assert_cmpuint (n_of (pk_agenda_item_get_actions (item (m, "4"))), ==, 1);
  action = nth (pk_agenda_item_get_actions (item (m, "4")), 0);
  g_assert_cmpstr (pk_action_get_owner (action), ==, "Greger Larsson");
  g_assert_cmpstr (pk_action_get_text (action), ==, "Greger tar frågan med sig till Ljungby kommun och återkopplar till Magnus.");
  action = nth (pk_agenda_item_get_actions (item (m, "10")), 0);
  g_assert_cmpstr (pk_action_get_owner (action), ==, "Per Sandberg");
  /* Two attendees are called Annika: the owner as written. */
  action = nth (pk_agenda_item_get_actions (item (m, "14")), 0);
  g_assert_cmpstr (pk_action_get_owner (action), ==, "Annika");
  g_assert_cmpstr (pk_action_get_text (action), ==, "Annika undersöker och återkommer om detta.");
  /* "Per återkopplar till den förstudie …" refers to a study; no action. */
  g_assert_cmpuint (n_of (pk_agenda_item_get_actions (item (m, "12"))), ==, 0);

  assert_every_line_kept (KRONOBERG, m,
                          "^(Dnr|Tid:|Kl\\.|Plats:|Närvarande:|Föredragande:|Beslut:|Mötesanteckningar förda av)",
                          data_lines);
}

static void
test_kalmar (void)
{
  g_autoptr(PkMeeting) m = import_stored (KALMAR);
  PkAttendance *a;
  PkAgendaItem *it;
  PkPerson *presenter;

  g_assert_cmpstr (pk_meeting_get_body (m), ==, "Läns gemensam ledning i samverkan");
  g_assert_cmpint (pk_meeting_get_kind (m), ==, PK_MEETING_KIND_PROTOKOLL);
  g_assert_cmpstr (pk_meeting_get_title (m), ==, "Protokoll");
  g_assert_cmpstr (pk_meeting_get_date (m), ==, "2022-03-25");
  g_assert_null (pk_meeting_get_start_time (m));
  g_assert_null (pk_meeting_get_dnr (m));
  g_assert_cmpstr (pk_meeting_get_recorded_by (m), ==, "Helene Wendell");

  /* 23 "Närvarade ledamöter", 15 "Övriga medverkande". */
  g_assert_cmpuint (n_of (pk_meeting_get_attendees (m)), ==, 38);
  a = attendee (m, "Sven-Erik Karlsson");
  g_assert_cmpstr (pk_attendance_get_title (a), ==, "brukarrepresentant");
  g_assert_null (pk_attendance_get_organisation (a));
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_LEDAMOT);
  a = attendee (m, "Anna Hasselbom Trofast");
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "Borgholms kommun");
  /* "Ordförande Sofia Hartz och vice ordförande Cecilia Frid hälsar …": the roster says Fridh. */
  g_assert_cmpint (pk_attendance_get_role (attendee (m, "Sofia Hartz")), ==, PK_ROLE_ORDFORANDE);
  g_assert_cmpint (pk_attendance_get_role (attendee (m, "Cecilia Fridh")), ==, PK_ROLE_VICE_ORDFORANDE);
  a = attendee (m, "Fia Mårdfeldt");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_OVRIG);
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "e-Health Arena");
  /* "Vid anteckningar / Helene Wendell / Tf. samordnare länsgemensam ledning". */
  a = attendee (m, "Helene Wendell");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_SEKRETERARE);
  g_assert_cmpstr (pk_attendance_get_title (a), ==, "Tf. samordnare länsgemensam ledning");
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "Region Kalmar län");

  g_assert_cmpuint (n_of (pk_meeting_get_items (m)), ==, 9);
  g_assert_cmpstr (pk_agenda_item_get_title (item (m, "1")), ==, "Välkomna!");
  g_assert_cmpstr (pk_agenda_item_get_title (item (m, "5")), ==, "SSPF – Skola Socialtjänst Polis Fritid");
  g_assert_cmpstr (pk_decision_get_text (nth (pk_agenda_item_get_decisions (item (m, "2")), 0)), ==,
                   "Protokollet läggs till handlingarna.");
  g_assert_cmpstr (pk_agenda_item_get_discussion (item (m, "2")), ==, "Inga tillägg.");

  it = item (m, "3");
  g_assert_true (g_str_has_prefix (pk_agenda_item_get_discussion (it), "Bilaga 1\n\nFia Mårdfelt inleder"));
  g_assert_cmpuint (n_of (pk_agenda_item_get_presenters (it)), ==, 3);
  presenter = nth (pk_agenda_item_get_presenters (it), 0);
  g_assert_cmpstr (pk_person_get_name (presenter), ==, "Fia Mårdfelt");
  g_assert_cmpstr (pk_person_get_title (presenter), ==, "projektledare eHealth arena");
  presenter = nth (pk_agenda_item_get_presenters (it), 2);
  g_assert_cmpstr (pk_person_get_name (presenter), ==, "Sofia Seifarth");
  g_assert_cmpstr (pk_person_get_title (presenter), ==, "Basenhetschef Näringsliv och kultur Region Kalmar län");
  /* § 5: "Föredragare:" alone, and two people run together on the next line. */
  it = item (m, "5");
  g_assert_cmpuint (n_of (pk_agenda_item_get_presenters (it)), ==, 2);
  g_assert_cmpstr (pk_person_get_name (nth (pk_agenda_item_get_presenters (it), 0)), ==, "Ann-Charlotte Hedström");
  presenter = nth (pk_agenda_item_get_presenters (it), 1);
  g_assert_cmpstr (pk_person_get_name (presenter), ==, "Karin Kängefjärd");
  g_assert_cmpstr (pk_person_get_title (presenter), ==, "koordinator SSPF socialförvaltningen Kalmar kommun");
  assert_contains (pk_agenda_item_get_discussion (it), "**Exempel på stödinsatser**\n\n- Stöd till vårdnadshavare\n- Stöd till barnet/ungdomen");
  /* § 6: the "Beslut:" block is both paragraphs under it; the tab-separated table is a table. */
  it = item (m, "6");
  g_assert_cmpuint (n_of (pk_agenda_item_get_decisions (it)), ==, 1);
  {
    const char *text = pk_decision_get_text (nth (pk_agenda_item_get_decisions (it), 0));
    g_assert_true (g_str_has_prefix (text, "Läns-gemensam ledning beslutar att anta förslaget"));
    assert_contains (text, "i Kalmar län.\n\nFördjupningen ska innehålla ekonomiska effekter");
  }
  assert_contains (pk_agenda_item_get_discussion (it), "| För barn och familjer | För verksamheterna |\n| --- | --- |\n| <ul");
  presenter = nth (pk_agenda_item_get_presenters (it), 0);
  g_assert_cmpstr (pk_person_get_name (presenter), ==, "Maria Svensson");
  g_assert_cmpstr (pk_person_get_title (presenter), ==, "utvecklingsledare, Barn och unga Region Kalmar län");

  /* § 9: each decision under its heading, so the headings are sub-items. */
  it = item (m, "9");
  g_assert_cmpuint (n_of (pk_agenda_item_get_items (it)), ==, 3);
  g_assert_cmpuint (n_of (pk_agenda_item_get_decisions (it)), ==, 0);
  g_assert_cmpstr (pk_agenda_item_get_title (item (m, "9.1")), ==, "Digital ungdomsmottagning");
  g_assert_cmpstr (pk_decision_get_text (nth (pk_agenda_item_get_decisions (item (m, "9.1")), 0)), ==,
                   "Länsgemensam ledning beslutar att anta projektplanen för digital ungdomsmottagning.");
  g_assert_cmpstr (pk_agenda_item_get_title (item (m, "9.2")), ==, "Överenskommelse Munhälsa");
  it = item (m, "9.3");
  g_assert_cmpstr (pk_agenda_item_get_title (it), ==, "Deltagare samordnande grupper");
  g_assert_cmpuint (n_of (pk_agenda_item_get_decisions (it)), ==, 3);
  g_assert_cmpstr (pk_decision_get_text (nth (pk_agenda_item_get_decisions (it), 0)), ==,
                   "Länsgemensam ledning beslutar att Maria Lindqvist ersätter Hanna Johansson i samordnande grupp Äldre.");
  /* The second page's letterhead, which repeats the body's name, stayed text. */
  g_assert_true (g_str_has_prefix (pk_agenda_item_get_discussion (it), "Länsgemensam ledning i samverkan\n\nInom socialtjänst"));

  assert_every_line_kept (KALMAR, m,
                          "^(Föredragare:|Beslut:|Vid anteckningar$|Närvarade ledamöter$|Övriga medverkande$)", NULL);
}

static void
test_municipal (void)
{
  g_autoptr(PkMeeting) m = import_stored (MUNICIPAL);
  PkAttendance *a;
  PkAgendaItem *it;
  PkDecision *decision;
  PkPersonNote *note;
  PkAction *action;

  g_assert_cmpstr (pk_meeting_get_body (m), ==, "Kommunstyrelsen");
  g_assert_cmpstr (pk_meeting_get_title (m), ==, "Sammanträdesprotokoll");
  g_assert_cmpint (pk_meeting_get_kind (m), ==, PK_MEETING_KIND_PROTOKOLL);
  g_assert_cmpstr (pk_meeting_get_date (m), ==, "2023-05-10");
  g_assert_cmpstr (pk_meeting_get_place (m), ==, "Kommunhuset, sammanträdesrummet Åsen");
  g_assert_cmpstr (pk_meeting_get_start_time (m), ==, "13:00");
  g_assert_cmpstr (pk_meeting_get_end_time (m), ==, "16:30");

  a = attendee (m, "Anna Ek");
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "S");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_ORDFORANDE);
  a = attendee (m, "Lisa Berg");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_ERSATTARE);
  g_assert_cmpstr (pk_attendance_get_replaces (a), ==, "Karl Holm (C)");
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "C");
  g_assert_cmpstr (pk_attendance_get_note (attendee (m, "Eva Lind")), ==, "ej § 47");
  a = attendee (m, "Jonas Ek");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_ERSATTARE);
  g_assert_null (pk_attendance_get_replaces (a));
  /* From the signature lines at the end. */
  a = attendee (m, "Maria Sund");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_SEKRETERARE);
  g_assert_cmpstr (pk_attendance_get_title (a), ==, "kommunsekreterare");
  /* A voting member named to approve the minutes keeps his vote; the lines stay text. */
  g_assert_cmpint (pk_attendance_get_role (attendee (m, "Omar Said")), ==, PK_ROLE_LEDAMOT);
  g_assert_cmpuint (n_of (pk_meeting_get_attendees (m)), ==, 8);

  g_assert_cmpuint (n_of (pk_meeting_get_items (m)), ==, 3);
  it = item (m, "1");
  g_assert_cmpint (pk_agenda_item_get_paragraph (it), ==, 45);
  g_assert_cmpstr (pk_agenda_item_get_title (it), ==, "Val av justerare");
  assert_contains (pk_agenda_item_get_discussion (it), "Justeringens plats och tid: Kommunhuset 2023-05-15");
  assert_contains (pk_agenda_item_get_discussion (it), "Utses att justera: Omar Said");
  g_assert_cmpstr (pk_decision_get_text (nth (pk_agenda_item_get_decisions (it), 0)), ==,
                   "Kommunstyrelsen beslutar\natt utse Omar Said att jämte ordföranden justera dagens protokoll.");
  it = item (m, "2");
  g_assert_cmpint (pk_agenda_item_get_paragraph (it), ==, 46);
  g_assert_cmpstr (pk_agenda_item_get_title (it), ==, "Budget 2024");
  g_assert_cmpstr (pk_agenda_item_get_dnr (it), ==, "KS 2023/112");
  g_assert_cmpstr (pk_agenda_item_get_discussion (it), ==, "Ekonomichefen redovisar förslaget till budget för 2024.");
  decision = nth (pk_agenda_item_get_decisions (it), 0);
  g_assert_cmpstr (pk_decision_get_text (decision), ==,
                   "Kommunstyrelsen beslutar\natt godkänna förslaget till budget 2024,\n"
                   "att uppdra åt ekonomichefen att återkomma med en tidplan.");
  note = nth (pk_decision_get_motions (decision), 0);
  g_assert_cmpstr (pk_person_note_get_name (note), ==, "Anna Ek (S)");
  g_assert_cmpstr (pk_person_note_get_text (note), ==, "bifall till förslaget.");
  note = nth (pk_decision_get_reservations (decision), 0);
  g_assert_cmpstr (pk_person_note_get_name (note), ==, "Per Olsson (M)");
  g_assert_cmpstr (pk_person_note_get_text (note), ==, "till förmån för eget förslag.");
  action = nth (pk_agenda_item_get_actions (it), 0);
  g_assert_cmpstr (pk_action_get_owner (action), ==, "Olle Nyberg");
  g_assert_cmpstr (pk_action_get_due (action), ==, "2023-06-30");
  it = item (m, "3");
  g_assert_cmpint (pk_agenda_item_get_paragraph (it), ==, 47);
  g_assert_cmpstr (pk_agenda_item_get_dnr (it), ==, "KS 2022/301");
  g_assert_cmpint (pk_decision_get_kind (nth (pk_agenda_item_get_decisions (it), 0)), ==, PK_DECISION_KIND_BORDLAGGNING);
  g_assert_cmpint (pk_agenda_item_get_state (it), ==, PK_ITEM_STATE_DEFERRED);

  {
    const char *const data_lines[] = { "Plats och tid: Kommunhuset, sammanträdesrummet Åsen, kl. 13.00–16.30", NULL };

    assert_every_line_kept (MUNICIPAL, m,
                            "^(Sammanträdesdatum|Beslutande$|Ersättare$|Övriga närvarande$|§|Föredragande:|Yrkanden$|"
                            "Beslut$|Reservation$|Uppdrag:|Ansvarig:|Sekreterare$|Ordförande$|Justerare$|"
                            ".* reserverar sig mot beslutet|.* yrkar|.*tjänstgörande ersättare för)|\\bDnr\\b",
                            data_lines);
  }
}

/* ---- rules on small texts ------------------------------------------------------------------ */

static void
test_numbered_list_is_not_items (void)
{
  g_autoptr(PkMeeting) m = parse_text ("Protokoll\n\n1. Första\n\nText.\n\n1. ett\n2. två\n3. tre\n\n2. Andra\n\n"
                                       "Mer text.\n\n4. Inte en punkt, nummer 3 saknas\n");

  g_assert_cmpuint (n_of (pk_meeting_get_items (m)), ==, 2);
  g_assert_cmpstr (pk_agenda_item_get_discussion (item (m, "1")), ==, "Text.\n\n1. ett\n2. två\n3. tre");
  g_assert_cmpstr (pk_agenda_item_get_discussion (item (m, "2")), ==, "Mer text.\n\n4. Inte en punkt, nummer 3 saknas");
}

static void
test_labels_without_content (void)
{
  /* A label that finds nothing to label is text again, where it stood. */
  g_autoptr(PkMeeting) m = parse_text ("Mötesanteckningar 2024-01-10\n\n1. Punkt\n\nFöredragare:\n\n"
                                       "detta är ingen lista av namn.\n\nBeslut:\n\n2. Nästa\n\nNärvarande:\n\n"
                                       "inga namn här heller.\n");
  PkAgendaItem *first = item (m, "1");

  g_assert_cmpuint (n_of (pk_agenda_item_get_presenters (first)), ==, 0);
  g_assert_cmpuint (n_of (pk_agenda_item_get_decisions (first)), ==, 0);
  g_assert_cmpstr (pk_agenda_item_get_discussion (first), ==, "Föredragare:\n\ndetta är ingen lista av namn.\n\nBeslut:");
  g_assert_cmpstr (pk_agenda_item_get_discussion (item (m, "2")), ==, "Närvarande:\n\ninga namn här heller.");
  g_assert_cmpuint (n_of (pk_meeting_get_attendees (m)), ==, 0);
}

static void
test_header_text_goes_to_first_item (void)
{
  g_autoptr(PkMeeting) m = parse_text ("Styrelsen\nProtokoll 2024-02-01\nNågot oväntat i huvudet.\n\n1. Öppnande\n\nMötet öppnas.\n");

  g_assert_cmpstr (pk_meeting_get_body (m), ==, "Styrelsen");
  g_assert_cmpstr (pk_agenda_item_get_discussion (item (m, "1")), ==, "Något oväntat i huvudet.\n\nMötet öppnas.");
}

/* Text taken out of a PDF: a title and a body name wrapped over lines, a roster as this app's
 * protocols print it. An agenda list before the items is not taken for the items. */
static void
test_wrapped_lines (void)
{
  g_autoptr(PkMeeting) m = parse_text ("Ledningsgrupp för samordning av\nlänets hälso- och sjukvård\n\n"
                                       "Mötesanteckningar 2021-06-04\n\n1. Incheckning\n2. Övrigt\n\n"
                                       "Närvarande\nGunilla Kaj-Bevheden (Alvesta)\n"
                                       "Annika Magnerot (Region Kronoberg), ordförande\n\n"
                                       "1. Incheckning, godkännande av dagordning och\nföregående mötesanteckningar\n\n"
                                       "Annika hälsar välkommen.\n\n2. Övrigt\n\nInget.\n");
  PkAttendance *a;

  g_assert_cmpstr (pk_meeting_get_body (m), ==, "Ledningsgrupp för samordning av länets hälso- och sjukvård");
  g_assert_cmpuint (n_of (pk_meeting_get_items (m)), ==, 2);
  g_assert_cmpstr (pk_agenda_item_get_title (item (m, "1")), ==,
                   "Incheckning, godkännande av dagordning och föregående mötesanteckningar");
  g_assert_cmpstr (pk_agenda_item_get_discussion (item (m, "1")), ==, "1. Incheckning\n2. Övrigt\n\nAnnika hälsar välkommen.");
  a = attendee (m, "Gunilla Kaj-Bevheden");
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "Alvesta");
  g_assert_null (pk_attendance_get_note (a));
  a = attendee (m, "Annika Magnerot");
  g_assert_cmpstr (pk_attendance_get_organisation (a), ==, "Region Kronoberg");
  g_assert_cmpint (pk_attendance_get_role (a), ==, PK_ROLE_ORDFORANDE);
}

static void
test_no_items (void)
{
  /* A dated text with no numbered items is one item holding it all. */
  g_autoptr(PkMeeting) m = parse_text ("Minnesanteckningar 2024-03-01\n\nVi pratade om vägen.\nInget beslut.\n");

  g_assert_cmpuint (n_of (pk_meeting_get_items (m)), ==, 1);
  g_assert_cmpstr (pk_agenda_item_get_title (item (m, "1")), ==, "Anteckningar");
  g_assert_cmpstr (pk_agenda_item_get_discussion (item (m, "1")), ==, "Vi pratade om vägen.\nInget beslut.");
  g_assert_cmpstr (pk_meeting_get_date (m), ==, "2024-03-01");
}

static void
test_refused (void)
{
  /* A length of -1: up to the terminating NUL. */
  const struct { const char *text; gssize length; int code; const char *says; } cases[] = {
    { "", 0, PK_TEXT_IMPORT_ERROR_EMPTY, "empty" },
    { " \n\t\r\n  \n", -1, PK_TEXT_IMPORT_ERROR_EMPTY, "empty" },
    { "Hej Anna!\nTack för senast, vi ses på fredag.\n", -1, PK_TEXT_IMPORT_ERROR_NO_STRUCTURE, "no minutes found" },
    { "1. Punkt\n\nA\0B\n", 14, PK_TEXT_IMPORT_ERROR_BINARY, "line 3, byte 12: a NUL byte" },
    { "1. Punkt\n\nA\x01" "B\n", 14, PK_TEXT_IMPORT_ERROR_BINARY, "line 3, byte 12: control character 0x01" },
    { "1. Punkt\n\nSm\xe5land\n", 18, PK_TEXT_IMPORT_ERROR_ENCODING, "line 3, byte 13: the text is not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = cases[i].length < 0 ? strlen (cases[i].text) : (gsize) cases[i].length;
      g_autoptr(PkMeeting) m = pk_text_import_parse (cases[i].text, length, &error);

      g_assert_null (m);
      g_assert_error (error, PK_TEXT_IMPORT_ERROR, cases[i].code);
      assert_contains (error->message, cases[i].says);
    }
}

static char *
meeting_json (PkMeeting *meeting)
{
  return pk_meeting_to_json (meeting, NULL);
}

/* CRLF, a lone CR, a UTF-8 BOM and a trailing Ctrl-Z read as the same minutes as plain LF. */
static void
test_line_endings_and_bom (void)
{
  g_autofree char *lf = pk_test_read_data_file (KRONOBERG, NULL);
  g_autoptr(GRegex) newline = g_regex_new ("\n", 0, 0, NULL);
  g_autofree char *crlf = g_regex_replace_literal (newline, lf, -1, 0, "\r\n", 0, NULL);
  g_autofree char *cr = g_regex_replace_literal (newline, lf, -1, 0, "\r", 0, NULL);
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", crlf, "\x1a", NULL);
  g_autoptr(PkMeeting) a = parse_text (lf);
  g_autoptr(PkMeeting) b = parse_text (crlf);
  g_autoptr(PkMeeting) c = parse_text (cr);
  g_autoptr(PkMeeting) d = parse_text (bom);
  g_autofree char *ja = meeting_json (a);
  g_autofree char *jb = meeting_json (b);
  g_autofree char *jc = meeting_json (c);
  g_autofree char *jd = meeting_json (d);

  g_assert_cmpstr (ja, ==, jb);
  g_assert_cmpstr (ja, ==, jc);
  g_assert_cmpstr (ja, ==, jd);
  g_assert_null (strchr (jb, '\r'));
}

static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("Protokoll 2024-04-01\n\n1. Lång punkt\n\n");
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(PkMeeting) m = NULL;
  gint64 start;

  /* 2 MB in one line, no line break anywhere: as pasted from a PDF without its newlines. */
  while (line->len < 2 * 1024 * 1024)
    g_string_append (line, "Ledamöterna diskuterar förslaget, ");
  g_string_append (line, "slut.");
  g_string_append (text, line->str);
  start = g_get_monotonic_time ();
  m = parse_text (text->str);
  /* Linear in the text: well under a second here. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpstr (pk_agenda_item_get_discussion (item (m, "1")), ==, line->str);
}

/* ---- encodings ----------------------------------------------------------------------------- */

static void
test_decode (void)
{
  const char *utf8 = "1. Välkomna\n\nÅsa hälsar välkommen – mötet öppnas.\n";
  /* The same text as Windows "ANSI" (å ä ö and the en dash are single bytes) and as UTF-16. */
  const char cp1252[] = "1. V\xe4lkomna\n\n\xc5sa h\xe4lsar v\xe4lkommen \x96 m\xf6tet \xf6ppnas.\n";
  glong n16 = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n16, NULL);
  g_autoptr(GByteArray) le = g_byte_array_new ();
  g_autoptr(GByteArray) be = g_byte_array_new ();
  PkTextEncoding encoding;
  guint legacy_line;

  g_byte_array_append (le, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (be, (const guint8 *) "\xfe\xff", 2);
  for (glong i = 0; i < n16; i++)
    {
      guint8 pair_le[2] = { utf16[i] & 0xff, utf16[i] >> 8 };
      guint8 pair_be[2] = { utf16[i] >> 8, utf16[i] & 0xff };
      g_byte_array_append (le, pair_le, 2);
      g_byte_array_append (be, pair_be, 2);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = pk_text_import_decode (cp1252, strlen (cp1252), &encoding, &legacy_line, &error);

    g_assert_no_error (error);
    g_assert_cmpint (encoding, ==, PK_TEXT_ENCODING_WINDOWS_1252);
    g_assert_cmpuint (legacy_line, ==, 1);
    g_assert_cmpstr (text, ==, utf8);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = pk_text_import_decode ((const char *) le->data, le->len, &encoding, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (encoding, ==, PK_TEXT_ENCODING_UTF16LE);
    g_assert_cmpstr (text, ==, utf8);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = pk_text_import_decode ((const char *) be->data, be->len, &encoding, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (encoding, ==, PK_TEXT_ENCODING_UTF16BE);
    g_assert_cmpstr (text, ==, utf8);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", utf8, NULL);
    g_autofree char *text = pk_text_import_decode (with_bom, strlen (with_bom), &encoding, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (encoding, ==, PK_TEXT_ENCODING_UTF8_BOM);
    g_assert_cmpstr (text, ==, utf8);
  }
}

static void
test_decode_refused (void)
{
  /* UTF-8 with one Windows-1252 byte in line 3: reading it all as Windows-1252 would garble
   * "Välkomna", so it is refused, naming where. */
  const char mixed[] = "1. Välkomna\n\nSm\xe5land\n";
  /* 0x81 means nothing in Windows-1252. */
  const char undefined[] = "1. V\xe4lkomna\n\nA\x81" "B\n";
  const char odd_utf16[] = "\xff\xfe" "1\x00" "\x00";
  g_autofree char *huge = g_malloc (PK_TEXT_IMPORT_MAX_SIZE + 1);
  const struct { const char *data; gsize length; int code; const char *says; } cases[] = {
    { mixed, sizeof mixed - 1, PK_TEXT_IMPORT_ERROR_ENCODING, "line 3, byte 17: not valid UTF-8" },
    { undefined, sizeof undefined - 1, PK_TEXT_IMPORT_ERROR_ENCODING, "line 3, byte 15: byte 0x81 is neither" },
    { odd_utf16, sizeof odd_utf16 - 1, PK_TEXT_IMPORT_ERROR_ENCODING, "not valid UTF-16" },
    { "", 0, PK_TEXT_IMPORT_ERROR_EMPTY, "empty" },
    { "1. A\n\nB\0", 8, PK_TEXT_IMPORT_ERROR_BINARY, "line 3, byte 8: a NUL byte" },
    { "\x7f" "ELF\x02\x01\x01", 7, PK_TEXT_IMPORT_ERROR_BINARY, "line 1, byte 1: control character 0x7F" },
    { huge, PK_TEXT_IMPORT_MAX_SIZE + 1, PK_TEXT_IMPORT_ERROR_TOO_LARGE, "larger than 16 MiB" },
  };

  memset (huge, 'a', PK_TEXT_IMPORT_MAX_SIZE + 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = pk_text_import_decode (cases[i].data, cases[i].length, NULL, NULL, &error);

      g_assert_null (text);
      g_assert_error (error, PK_TEXT_IMPORT_ERROR, cases[i].code);
      assert_contains (error->message, cases[i].says);
    }
}

/* ---- the CLI ------------------------------------------------------------------------------- */

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* protokoll-cli with the arguments (NULL-terminated), standard input from @stdin_path if set. */
static Result
run_cli_full (const char *stdin_path,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Result result = { 0 };
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PK_TEST_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "PROTOKOLL_DB");
  if (stdin_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result.out, &result.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result.status = g_subprocess_get_exit_status (process);
  return result;
}

#define run_cli(...) run_cli_full (NULL, __VA_ARGS__)

static char *
without_id (const char *json)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\n  \"id\" : [0-9]+,", 0, 0, NULL);
  return g_regex_replace_literal (regex, json, -1, 0, "\n  \"id\" : 0,", 0, NULL);
}

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = pk_test_dir_new ();
  fixture->db = g_build_filename (fixture->dir, "cli.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  pk_test_dir_free (fixture->dir);
  g_free (fixture->db);
}

/* import-text, export-json, import-json, export-json: the same meeting but for its id. */
static void
test_cli_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *const samples[] = { KRONOBERG, KALMAR, MUNICIPAL };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = pk_test_data_path (samples[i]);
      g_autofree char *exported = g_build_filename (fixture->dir, "exported.json", NULL);
      g_autofree char *id = NULL;
      g_auto(Result) import = run_cli ("--db", fixture->db, "import-text", path, NULL);
      g_auto(Result) first = { 0 };
      g_auto(Result) again = { 0 };
      g_auto(Result) second = { 0 };
      g_autofree char *a = NULL, *b = NULL;

      g_assert_cmpint (import.status, ==, 0);
      g_assert_cmpstr (import.err, ==, "");
      id = g_strstrip (g_strdup (import.out));
      g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), ==, 2 * i + 1);
      first = run_cli ("--db", fixture->db, "export-json", id, NULL);
      g_assert_cmpint (first.status, ==, 0);
      g_assert_true (g_file_set_contents (exported, first.out, -1, NULL));
      again = run_cli ("--db", fixture->db, "import-json", exported, NULL);
      g_assert_cmpint (again.status, ==, 0);
      second = run_cli ("--db", fixture->db, "export-json", g_strstrip (again.out), NULL);
      a = without_id (first.out);
      b = without_id (second.out);
      g_assert_cmpstr (a, ==, b);
    }
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr(PopplerDocument) document = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* The protocol PDF of the imported Kalmar minutes has what the source has, where a reader
 * expects it. */
static void
test_cli_protocol_pdf (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = pk_test_data_path (KALMAR);
  g_autofree char *pdf = g_build_filename (fixture->dir, "kalmar.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(Result) import = run_cli ("--db", fixture->db, "import-text", path, NULL);
  g_auto(Result) export = run_cli ("--db", fixture->db, "export-pdf", "1", "--out", pdf, "--protocol", NULL);

  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpint (export.status, ==, 0);
  text = pdf_text (pdf);
  assert_contains (text, "Läns gemensam ledning i");
  assert_contains (text, "PROTOKOLL");
  assert_contains (text, "§§ 1–9");
  assert_contains (text, "Sofia Hartz (Region Kalmar län), ordförande");
  assert_contains (text, "Cecilia Fridh (Kommunförbundet), vice ordförande");
  assert_contains (text, "Fia Mårdfeldt (e-Health Arena)");
  assert_contains (text, "§ 3 Digital hub inom e-hälsa");
  assert_contains (text, "Föredragande: Fia Mårdfelt, projektledare eHealth arena");
  assert_contains (text, "§ 9 Besluts punkter");
  assert_contains (text, "9.1 Digital ungdomsmottagning");
  assert_contains (text, "Protokollet läggs till handlingarna.");
  assert_contains (text, "För barn och familjer");
  /* No Markdown marker reached the page. */
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "| ---"));
}

static void
test_cli_bad_input (Fixture       *fixture,
                    gconstpointer  data)
{
  struct { const char *name; const char *bytes; gssize length; const char *says; } cases[] = {
    { "empty.txt", "", 0, "empty.txt: the file is empty" },
    { "blank.txt", "\n\n   \n", -1, "blank.txt: the text is empty" },
    { "binary.bin", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "binary.bin: line 2, byte 7: control character 0x1A" },
    { "nul.txt", "1. Punkt\n\nText\0mer\n", 19, "nul.txt: line 3, byte 15: a NUL byte" },
    { "mixed.txt", "1. Välkomna\n\nSm\xe5land\n", -1, "mixed.txt: line 3, byte 17: not valid UTF-8" },
    { "letter.txt", "Hej!\n\nTack för i fredags.\n", -1, "letter.txt: no minutes found" },
  };
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_auto(Result) r = { 0 };

      g_assert_true (g_file_set_contents (path, cases[i].bytes, cases[i].length, NULL));
      r = run_cli ("--db", fixture->db, "import-text", path, NULL);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_cmpstr (r.out, ==, "");
      assert_contains (r.err, cases[i].says);
      /* Refused before the database is opened: not even an empty file is made. */
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
  {
    g_auto(Result) r = run_cli ("--db", fixture->db, "import-text", missing, NULL);
    g_assert_cmpint (r.status, ==, 1);
    assert_contains (r.err, "missing.txt");
  }
  {
    g_auto(Result) r = run_cli ("--db", fixture->db, "import-text", fixture->dir, NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(Result) r = run_cli ("--db", fixture->db, "import-text", NULL);
    g_assert_cmpint (r.status, ==, 2);
    assert_contains (r.err, "import-text FILE");
  }
  /* An existing database is left as it was. */
  {
    g_autofree char *good = pk_test_data_path (KRONOBERG);
    g_autofree char *nul = g_build_filename (fixture->dir, "nul.txt", NULL);
    g_auto(Result) ok = run_cli ("--db", fixture->db, "import-text", good, NULL);
    g_auto(Result) bad = { 0 };

    g_assert_cmpint (ok.status, ==, 0);
    bad = run_cli ("--db", fixture->db, "import-text", nul, NULL);
    g_assert_cmpint (bad.status, ==, 1);
    g_assert_cmpint (pk_test_sql_int (fixture->db, "SELECT count(*) FROM meeting"), ==, 1);
  }
}

static void
test_cli_too_large (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL);
  g_autofree char *block = g_strnfill (1024 * 1024, 'a');
  g_auto(Result) r = { 0 };

  g_assert_nonnull (stream);
  for (int i = 0; i < PK_TEXT_IMPORT_MAX_SIZE / (1024 * 1024) + 1; i++)
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (stream), block, 1024 * 1024, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL));
  r = run_cli ("--db", fixture->db, "import-text", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_contains (r.err, "larger than 16 MiB");
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

/* Old Swedish minutes saved by Windows: read, with a note on standard error. */
static void
test_cli_windows_1252 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "gammal.txt", NULL);
  const char cp1252[] = "Protokoll 2019-11-05\r\n\r\n1. \xd6ppnande\r\n\r\nOrdf\xf6rande \xc5sa Str\xf6m \xf6ppnar m\xf6tet.\r\n";
  g_auto(Result) r = { 0 };
  g_auto(Result) json = { 0 };

  g_assert_true (g_file_set_contents (path, cp1252, -1, NULL));
  r = run_cli ("--db", fixture->db, "import-text", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  assert_contains (r.err, "gammal.txt: not UTF-8 (line 3 is the first); read as Windows-1252");
  json = run_cli ("--db", fixture->db, "export-json", "1", NULL);
  assert_contains (json.out, "\"title\" : \"Öppnande\"");
  assert_contains (json.out, "Ordförande Åsa Ström öppnar mötet.");
}

static void
test_cli_stdin (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = pk_test_data_path (KALMAR);
  g_auto(Result) r = run_cli_full (path, "--db", fixture->db, "import-text", "-", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  g_assert_cmpint (pk_test_sql_int (fixture->db, "SELECT count(*) FROM agenda_item"), ==, 12);
}

/* A database that cannot be written (a newer version) is exit 3, and the file is unchanged. */
static void
test_cli_database_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = pk_test_data_path (KRONOBERG);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) first = run_cli ("--db", fixture->db, "import-text", path, NULL);
  g_auto(Result) r = { 0 };

  g_assert_cmpint (first.status, ==, 0);
  pk_test_sql (fixture->db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 42");
  before = pk_test_file_checksum (fixture->db);
  r = run_cli ("--db", fixture->db, "import-text", path, NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, "");
  assert_contains (r.err, fixture->db);
  after = pk_test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-import/kronoberg", test_kronoberg);
  g_test_add_func ("/text-import/kalmar", test_kalmar);
  g_test_add_func ("/text-import/municipal", test_municipal);
  g_test_add_func ("/text-import/numbered-list-is-not-items", test_numbered_list_is_not_items);
  g_test_add_func ("/text-import/labels-without-content", test_labels_without_content);
  g_test_add_func ("/text-import/header-text-goes-to-first-item", test_header_text_goes_to_first_item);
  g_test_add_func ("/text-import/wrapped-lines", test_wrapped_lines);
  g_test_add_func ("/text-import/no-items", test_no_items);
  g_test_add_func ("/text-import/refused", test_refused);
  g_test_add_func ("/text-import/line-endings-and-bom", test_line_endings_and_bom);
  g_test_add_func ("/text-import/long-line", test_long_line);
  g_test_add_func ("/text-import/decode", test_decode);
  g_test_add_func ("/text-import/decode-refused", test_decode_refused);
  g_test_add ("/text-import/cli/round-trip", Fixture, NULL, fixture_setup, test_cli_round_trip, fixture_teardown);
  g_test_add ("/text-import/cli/protocol-pdf", Fixture, NULL, fixture_setup, test_cli_protocol_pdf, fixture_teardown);
  g_test_add ("/text-import/cli/bad-input", Fixture, NULL, fixture_setup, test_cli_bad_input, fixture_teardown);
  g_test_add ("/text-import/cli/too-large", Fixture, NULL, fixture_setup, test_cli_too_large, fixture_teardown);
  g_test_add ("/text-import/cli/windows-1252", Fixture, NULL, fixture_setup, test_cli_windows_1252, fixture_teardown);
  g_test_add ("/text-import/cli/stdin", Fixture, NULL, fixture_setup, test_cli_stdin, fixture_teardown);
  g_test_add ("/text-import/cli/database-refused", Fixture, NULL, fixture_setup, test_cli_database_refused,
              fixture_teardown);
  return g_test_run ();
}
