/* test-agenda.c: the agenda tree, its storage, the time plan, carry-over and the agenda PDF. */
#include "config.h"

#include <poppler.h>

#include "pk-test-util.h"
#include "protokoll-core.h"

/* poppler-glib 22.12 defines no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char *dir;
  char *path;
  PkDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = pk_test_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "agenda.db", NULL);
  fixture->db = pk_database_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
  pk_test_dir_free (fixture->dir);
  g_free (fixture->path);
}

static PkAgendaItem *
add_item (GListStore *store,
          const char *title,
          int         duration)
{
  g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();

  pk_agenda_item_set_title (item, title);
  pk_agenda_item_set_duration_min (item, duration);
  g_list_store_append (store, item);
  return item;
}

/* "1 A|2 B|2.1 C" — the numbered titles in reading order. */
static char *
outline (PkMeeting *meeting)
{
  g_autoptr(GListStore) flat = pk_agenda_flatten (meeting);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (flat)); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (flat), i);
      g_string_append_printf (text, "%s%s %s", i ? "|" : "", pk_agenda_item_get_number (item),
                              pk_agenda_item_get_title (item));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static PkMeeting *
sample_meeting (void)
{
  PkMeeting *meeting = pk_meeting_new ();
  GListStore *items = pk_meeting_get_items (meeting);

  pk_meeting_set_title (meeting, "Sammanträde");
  pk_meeting_set_body (meeting, "Kommunstyrelsen");
  pk_meeting_set_date (meeting, "2026-11-18");
  pk_meeting_set_start_time (meeting, "13:00");
  pk_meeting_set_end_time (meeting, "14:00");
  add_item (items, "A", 10);
  add_item (items, "B", 20);
  add_item (items, "C", 15);
  add_item (items, "D", 5);
  pk_meeting_renumber_items (meeting);
  return meeting;
}

static PkAgendaItem *
item_titled (PkMeeting  *meeting,
             const char *title)
{
  g_autoptr(GListStore) flat = pk_agenda_flatten (meeting);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (flat)); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (flat), i);
      if (g_strcmp0 (pk_agenda_item_get_title (item), title) == 0)
        return item;  /* the meeting keeps it alive */
    }
  g_assert_not_reached ();
}

#define ASSERT_OUTLINE(meeting, expected) \
  G_STMT_START { g_autofree char *o_ = outline (meeting); g_assert_cmpstr (o_, ==, expected); } G_STMT_END

static void
test_numbering_after_edits (void)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();

  ASSERT_OUTLINE (meeting, "1 A|2 B|3 C|4 D");
  g_assert_true (pk_agenda_indent (meeting, item_titled (meeting, "C")));
  ASSERT_OUTLINE (meeting, "1 A|2 B|2.1 C|3 D");
  g_assert_true (pk_agenda_indent (meeting, item_titled (meeting, "D")));
  g_assert_true (pk_agenda_indent (meeting, item_titled (meeting, "D")));
  ASSERT_OUTLINE (meeting, "1 A|2 B|2.1 C|2.1.1 D");
  g_assert_true (pk_agenda_move (meeting, item_titled (meeting, "B"), -1));
  ASSERT_OUTLINE (meeting, "1 B|1.1 C|1.1.1 D|2 A");
  g_assert_false (pk_agenda_move (meeting, item_titled (meeting, "B"), -1));
  g_assert_false (pk_agenda_indent (meeting, item_titled (meeting, "B")));
  g_assert_true (pk_agenda_outdent (meeting, item_titled (meeting, "D")));
  ASSERT_OUTLINE (meeting, "1 B|1.1 C|1.2 D|2 A");
  g_assert_true (pk_agenda_outdent (meeting, item_titled (meeting, "C")));
  ASSERT_OUTLINE (meeting, "1 B|1.1 D|2 C|3 A");
  g_assert_false (pk_agenda_outdent (meeting, item_titled (meeting, "A")));
  g_assert_true (pk_agenda_move (meeting, item_titled (meeting, "A"), -1));
  ASSERT_OUTLINE (meeting, "1 B|1.1 D|2 A|3 C");
  g_assert_cmpuint (pk_agenda_item_get_depth (item_titled (meeting, "D")), ==, 1);
}

static void
test_move_next_to (void)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();

  g_assert_true (pk_agenda_indent (meeting, item_titled (meeting, "C")));
  /* Dropping D onto C's place: D becomes a sub-item of B, before C. */
  g_assert_true (pk_agenda_move_next_to (meeting, item_titled (meeting, "D"), item_titled (meeting, "C"), FALSE));
  ASSERT_OUTLINE (meeting, "1 A|2 B|2.1 D|2.2 C");
  /* B (with its sub-items) after A is where it is; after D would be inside itself: refused. */
  g_assert_false (pk_agenda_move_next_to (meeting, item_titled (meeting, "B"), item_titled (meeting, "D"), TRUE));
  g_assert_false (pk_agenda_move_next_to (meeting, item_titled (meeting, "B"), item_titled (meeting, "B"), TRUE));
  ASSERT_OUTLINE (meeting, "1 A|2 B|2.1 D|2.2 C");
  g_assert_true (pk_agenda_move_next_to (meeting, item_titled (meeting, "A"), item_titled (meeting, "B"), TRUE));
  ASSERT_OUTLINE (meeting, "1 B|1.1 D|1.2 C|2 A");
}

/* A copy made for a save on another thread gives the new ids back to the items on screen. */
static void
test_copy_and_adopt_ids (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();
  g_autoptr(PkMeeting) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkAgendaItem) added = pk_agenda_item_new ();
  g_autoptr(PkAction) action = pk_action_new ();

  pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  pk_agenda_item_set_title (added, "E");
  pk_action_set_text (action, "Skriv tjänsteskrivelse");
  g_list_store_append (pk_agenda_item_get_actions (added), action);
  pk_agenda_insert_after (meeting, item_titled (meeting, "B"), added);
  g_assert_cmpint (pk_agenda_item_get_id (added), ==, 0);

  copy = pk_meeting_copy_deep (meeting);
  g_assert_true (pk_database_save_agenda (fixture->db, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pk_agenda_item_get_id (added), ==, 0);
  pk_meeting_adopt_ids (copy);
  g_assert_cmpint (pk_agenda_item_get_id (added), >, 0);
  g_assert_cmpint (pk_action_get_id (action), >, 0);

  /* Saving again updates that row instead of adding a second one. */
  g_assert_true (pk_database_save_agenda (fixture->db, meeting, NULL, &error));
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM agenda_item WHERE title = 'E'"), ==, 1);
}

static void
test_remove_and_restore (void)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();
  g_autoptr(PkAgendaItem) b = g_object_ref (item_titled (meeting, "B"));
  PkAgendaPlace place;

  g_assert_true (pk_agenda_indent (meeting, item_titled (meeting, "C")));
  g_assert_true (pk_agenda_remove (meeting, b, &place));
  ASSERT_OUTLINE (meeting, "1 A|2 D");
  pk_agenda_restore (meeting, b, &place);
  ASSERT_OUTLINE (meeting, "1 A|2 B|2.1 C|3 D");
}

/* The tree as edited is the tree stored: ids survive, moved sub-items are not lost with their old
 * parent, removed items go, an undone removal comes back with what it held. */
static void
test_save_agenda (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();
  g_autoptr(PkMeeting) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkPerson) presenter = pk_person_new ();
  g_autoptr(PkDecision) decision = pk_decision_new ();
  g_autoptr(PkAgendaItem) c = NULL;
  gint64 id, b_id;
  PkAgendaPlace place;

  id = pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  b_id = pk_agenda_item_get_id (item_titled (meeting, "B"));

  /* C under B, with a presenter and a decision; then B goes up; then D is removed. */
  c = g_object_ref (item_titled (meeting, "C"));
  g_assert_true (pk_agenda_indent (meeting, c));
  pk_person_set_name (presenter, "Fia Mårdfelt");
  pk_person_set_title (presenter, "projektledare");
  g_list_store_append (pk_agenda_item_get_presenters (c), presenter);
  pk_decision_set_text (decision, "Informationen noteras.");
  g_list_store_append (pk_agenda_item_get_decisions (c), decision);
  g_assert_true (pk_agenda_move (meeting, item_titled (meeting, "B"), -1));
  g_assert_true (pk_agenda_remove (meeting, item_titled (meeting, "D"), NULL));
  g_assert_true (pk_database_save_agenda (fixture->db, meeting, NULL, &error));
  g_assert_no_error (error);

  loaded = pk_database_load_meeting (fixture->db, id, &error);
  g_assert_no_error (error);
  ASSERT_OUTLINE (loaded, "1 B|1.1 C|2 A");
  g_assert_cmpint (pk_agenda_item_get_id (item_titled (loaded, "B")), ==, b_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pk_agenda_item_get_presenters (item_titled (loaded, "C")))), ==, 1);
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM agenda_item"), ==, 3);

  /* The decision was not written by save_agenda (it belongs to the minutes, saved elsewhere), so
   * store it the way the minutes will, then remove C and take the removal back after a save. */
  g_clear_object (&loaded);
  {
    g_autoptr(PkMeeting) again = pk_database_load_meeting (fixture->db, id, &error);
    PkAgendaItem *stored_c = item_titled (again, "C");
    g_autoptr(PkAgendaItem) keep = g_object_ref (stored_c);

    g_list_store_append (pk_agenda_item_get_decisions (stored_c), decision);
    g_assert_true (pk_agenda_remove (again, stored_c, &place));
    g_assert_true (pk_database_save_agenda (fixture->db, again, NULL, &error));
    g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM agenda_item"), ==, 2);
    pk_agenda_restore (again, keep, &place);
    g_assert_true (pk_database_save_agenda (fixture->db, again, NULL, &error));
    g_assert_no_error (error);
  }
  loaded = pk_database_load_meeting (fixture->db, id, &error);
  ASSERT_OUTLINE (loaded, "1 B|1.1 C|2 A");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pk_agenda_item_get_decisions (item_titled (loaded, "C")))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pk_agenda_item_get_presenters (item_titled (loaded, "C")))), ==, 1);
}

static void
test_time_plan (void)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();
  g_autoptr(PkTimePlan) plan = NULL;
  g_autofree char *third = NULL;

  g_assert_true (pk_agenda_indent (meeting, item_titled (meeting, "C")));
  plan = pk_time_plan_new (meeting);
  g_assert_cmpuint (plan->items->len, ==, 4);
  g_assert_cmpint (g_array_index (plan->items, PkPlannedItem, 0).start_min, ==, 13 * 60);
  g_assert_cmpint (g_array_index (plan->items, PkPlannedItem, 1).start_min, ==, 13 * 60 + 10);
  g_assert_cmpint (g_array_index (plan->items, PkPlannedItem, 2).start_min, ==, 13 * 60 + 30);
  third = pk_time_plan_format_time (g_array_index (plan->items, PkPlannedItem, 3).start_min);
  g_assert_cmpstr (third, ==, "13:45");
  g_assert_cmpint (plan->total_min, ==, 50);
  g_assert_cmpint (plan->end_min, ==, 13 * 60 + 50);
  g_assert_cmpint (plan->overrun_min, ==, 0);
  g_clear_pointer (&plan, pk_time_plan_free);

  /* Past the end time: the plan says by how much. */
  pk_agenda_item_set_duration_min (item_titled (meeting, "D"), 25);
  plan = pk_time_plan_new (meeting);
  g_assert_cmpint (plan->overrun_min, ==, 10);
}

static void
test_time_plan_over_midnight_and_missing (void)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();
  g_autoptr(PkTimePlan) plan = NULL;
  g_autofree char *last = NULL;
  g_autofree char *end = NULL;

  pk_meeting_set_start_time (meeting, "23:30");
  pk_meeting_set_end_time (meeting, "00:30");
  pk_agenda_item_set_duration_min (item_titled (meeting, "B"), -1);
  plan = pk_time_plan_new (meeting);
  g_assert_cmpuint (plan->n_without_duration, ==, 1);
  g_assert_true (g_array_index (plan->items, PkPlannedItem, 1).no_duration);
  g_assert_cmpint (plan->total_min, ==, 30);
  last = pk_time_plan_format_time (g_array_index (plan->items, PkPlannedItem, 3).start_min);
  g_assert_cmpstr (last, ==, "23:55");
  end = pk_time_plan_format_time (plan->end_min);
  g_assert_cmpstr (end, ==, "00:00 (+1)");
  /* The 00:30 end is read as the next day: no overrun. */
  g_assert_cmpint (plan->overrun_min, ==, 0);
  pk_agenda_item_set_duration_min (item_titled (meeting, "B"), 90);
  g_clear_pointer (&plan, pk_time_plan_free);
  plan = pk_time_plan_new (meeting);
  g_assert_cmpint (plan->overrun_min, ==, 60);

  g_assert_cmpint (pk_time_parse ("24:00"), ==, -1);
  g_assert_cmpint (pk_time_parse ("9:05"), ==, 545);
  g_assert_cmpint (pk_time_parse (NULL), ==, -1);
}

static void
test_standard_items (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) defaults = pk_database_get_standard_items (fixture->db, "Socialnämnden", &error);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) read_back = NULL;
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (defaults->len, ==, 6);
  g_assert_cmpstr (pk_agenda_item_get_title (defaults->pdata[1]), ==, "Val av justerare");
  g_assert_cmpstr (pk_agenda_item_get_title (defaults->pdata[5]), ==, "Mötets avslutande");

  g_ptr_array_add (own, pk_agenda_item_new ());
  pk_agenda_item_set_title (own->pdata[0], "Mötets öppnande");
  pk_agenda_item_set_duration_min (own->pdata[0], 5);
  g_ptr_array_add (own, pk_agenda_item_new ());
  pk_agenda_item_set_title (own->pdata[1], "Anmälan av delegationsbeslut");
  g_assert_true (pk_database_set_standard_items (fixture->db, "Socialnämnden", own, &error));
  g_assert_no_error (error);
  read_back = pk_database_get_standard_items (fixture->db, "Socialnämnden", &error);
  g_assert_cmpuint (read_back->len, ==, 2);
  g_assert_cmpstr (pk_agenda_item_get_title (read_back->pdata[1]), ==, "Anmälan av delegationsbeslut");
  g_assert_cmpint (pk_agenda_item_get_duration_min (read_back->pdata[0]), ==, 5);

  pk_meeting_set_body (meeting, "Socialnämnden");
  g_assert_true (pk_database_add_standard_items (fixture->db, meeting, &error));
  ASSERT_OUTLINE (meeting, "1 Mötets öppnande|2 Anmälan av delegationsbeslut");
}

/* Exactly the deferred items (with their sub-items) and the open actions come along. */
static void
test_next_meeting_carries_over (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();
  g_autoptr(PkMeeting) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkAction) open_action = pk_action_new ();
  g_autoptr(PkAction) done_action = pk_action_new ();
  g_autoptr(PkAgendaItem) sub = pk_agenda_item_new ();
  g_autoptr(GListStore) flat = NULL;
  PkAgendaItem *b, *c;
  gint64 id, next_id;
  guint deferred_found = 0;

  b = item_titled (meeting, "B");
  c = item_titled (meeting, "C");
  pk_agenda_item_set_state (item_titled (meeting, "A"), PK_ITEM_STATE_DONE);
  pk_agenda_item_set_state (b, PK_ITEM_STATE_DEFERRED);
  pk_agenda_item_set_dnr (b, "KS 2026/101");
  pk_agenda_item_set_title (sub, "B:s underpunkt");
  g_list_store_append (pk_agenda_item_get_items (b), sub);
  pk_agenda_item_set_state (c, PK_ITEM_STATE_DONE);
  pk_action_set_text (open_action, "Ta fram underlag");
  pk_action_set_owner (open_action, "Magnus Frithiof");
  g_list_store_append (pk_agenda_item_get_actions (c), open_action);
  pk_action_set_text (done_action, "Redan gjort");
  pk_action_set_state (done_action, PK_ACTION_STATE_DONE);
  g_list_store_append (pk_agenda_item_get_actions (c), done_action);
  id = pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);

  next_id = pk_database_create_next_meeting (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next_id, >, id);
  next = pk_database_load_meeting (fixture->db, next_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pk_meeting_get_body (next), ==, "Kommunstyrelsen");
  g_assert_cmpint (pk_meeting_get_status (next), ==, PK_MEETING_STATUS_DRAFT);

  ASSERT_OUTLINE (next, "1 Mötets öppnande|2 Val av justerare|3 Godkännande av dagordningen|"
                        "4 Föregående protokoll|5 Uppföljning av uppdrag|6 B|6.1 B:s underpunkt|"
                        "7 Övriga frågor|8 Mötets avslutande");
  flat = pk_agenda_flatten (next);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (flat)); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (flat), i);

      g_assert_cmpint (pk_agenda_item_get_state (item), ==, PK_ITEM_STATE_OPEN);
      if (pk_agenda_item_get_deferred_from (item) != 0)
        deferred_found++;
    }
  g_assert_cmpuint (deferred_found, ==, 2);
  g_assert_cmpint (pk_agenda_item_get_deferred_from (item_titled (next, "B")), ==, pk_agenda_item_get_id (b));
  g_assert_cmpstr (pk_agenda_item_get_dnr (item_titled (next, "B")), ==, "KS 2026/101");
  {
    GListModel *actions = G_LIST_MODEL (pk_agenda_item_get_actions (item_titled (next, "Uppföljning av uppdrag")));
    g_autoptr(PkAction) carried = NULL;
    g_autofree char *sql = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
    carried = g_list_model_get_item (actions, 0);
    g_assert_cmpstr (pk_action_get_text (carried), ==, "Ta fram underlag");
    g_assert_cmpstr (pk_action_get_owner (carried), ==, "Magnus Frithiof");
    sql = g_strdup_printf ("SELECT carried_from FROM action WHERE id = %" G_GINT64_FORMAT, pk_action_get_id (carried));
    g_assert_cmpint (pk_test_sql_int (fixture->path, sql), ==, pk_action_get_id (open_action));
  }
}

static void
test_agenda_pdf_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();
  g_autoptr(PkPerson) presenter = pk_person_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "kallelse.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *expected[] = { "Kommunstyrelsen", "KALLELSE", "Föredragningslista", "onsdag 18 november 2026",
                             "13:00–14:00", "Fia Mårdfelt", "projektledare eHealth arena", "Dnr KS 2026/7",
                             "13:00", "13:10", "13:30", "13:45", "Sida 1 av 1" };
  guint n_pages = 0;

  pk_person_set_name (presenter, "Fia Mårdfelt");
  pk_person_set_title (presenter, "projektledare eHealth arena");
  g_list_store_append (pk_agenda_item_get_presenters (item_titled (meeting, "B")), presenter);
  pk_agenda_item_set_dnr (item_titled (meeting, "B"), "KS 2026/7");
  pk_agenda_item_set_title (item_titled (meeting, "A"), "Godkännande av dagordningen");
  pk_agenda_item_set_title (item_titled (meeting, "C"), "Budgetuppföljning för oktober");
  g_assert_true (pk_agenda_indent (meeting, item_titled (meeting, "Budgetuppföljning för oktober")));

  g_assert_true (pk_agenda_pdf_write (meeting, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);

  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_string_append (text, page_text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text->str, expected[i]) == NULL)
      g_error ("“%s” is not in the PDF text:\n%s", expected[i], text->str);
  /* Every title, sub-item included. */
  for (const char *title = "Godkännande av dagordningen"; title; title = NULL)
    g_assert_nonnull (strstr (text->str, title));
  g_assert_nonnull (strstr (text->str, "Budgetuppföljning för oktober"));
  g_assert_nonnull (strstr (text->str, "2.1"));
  {
    g_autofree char *title = poppler_document_get_title (document);
    g_autofree char *author = poppler_document_get_author (document);
    g_assert_cmpstr (title, ==, "Sammanträde");
    g_assert_cmpstr (author, ==, "Kommunstyrelsen");
  }
}

/* A long agenda runs over pages, each saying which page of how many it is. */
static void
test_agenda_pdf_pages (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "long.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  guint n_pages = 0;

  for (int i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Ärende nummer %d om detaljplan för kvarteret Eken", i + 5);
      add_item (pk_meeting_get_items (meeting), title, 5);
    }
  g_assert_true (pk_agenda_pdf_write (meeting, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 2);
  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int) n_pages);
  {
    g_autoptr(PopplerPage) last = poppler_document_get_page (document, n_pages - 1);
    g_autofree char *text = poppler_page_get_text (last);
    g_autofree char *expected = g_strdup_printf ("Sida %u av %u", n_pages, n_pages);
    g_assert_nonnull (strstr (text, expected));
    g_assert_nonnull (strstr (text, "Ärende nummer 64"));
  }
}

static void
test_agenda_pdf_unwritable (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = sample_meeting ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "no", "such", "folder", "x.pdf", NULL);

  g_assert_false (pk_agenda_pdf_write (meeting, pdf, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static char *
pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
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

/* Poppler breaks lines where the PDF does: compare with all white space folded. */
/* Every page carries the draft mark. */
static gboolean
pdf_has_draft_mark (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(PopplerDocument) document = poppler_document_new_from_file (uri, NULL, NULL);
  gboolean found = TRUE;

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      GList *hits = poppler_page_find_text (page, "UTKAST – ej justerat");

      found = found && hits != NULL;
      g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
    }
  return found;
}

static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *a = g_regex_replace_literal (space, haystack, -1, 0, " ", 0, NULL);
  g_autofree char *b = g_regex_replace_literal (space, needle, -1, 0, " ", 0, NULL);
  return strstr (a, b) != NULL;
}

static PkMeeting *
rich_protocol (void)
{
  g_autofree char *json = pk_test_read_data_file ("rich-meeting.json", NULL);
  g_autoptr(GError) error = NULL;
  PkMeeting *meeting = pk_meeting_from_json (json, -1, &error);

  g_assert_no_error (error);
  pk_meeting_set_kind (meeting, PK_MEETING_KIND_PROTOKOLL);
  return meeting;
}

static void
test_protocol_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = rich_protocol ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "protokoll.pdf", NULL);
  g_autofree char *text = NULL;
  const char *expected[] = {
    "PROTOKOLL", "Plats och tid", "Digitalt möte via Teams", "fredag 4 juni 2021, kl. 09:45–15:00",
    "Beslutande", "Hanna Svensson (Region Kronoberg), tjänstgörande ersättare för Gunilla Kaj-Bevheden",
    "Annie-Lie Jarhult (Uppvidinge), närvarande från punkt 2 (ej fm)", "Övriga närvarande",
    "Jenny Folkesson (Region Kronoberg), sekreterare", "Justeringens plats och tid", "Växjö 2021-06-10 14:02",
    "Sekreterare", "Ordförande", "Justerare", "Paragrafer §§ 1–12",
    "§ 1 Incheckning", "§ 2 Arbete med Nära vård", "Dnr 21RGK153-2",
    "Johan Rutgersmark anmäler jäv (Jäv: anställd i berört bolag) och deltar inte i handläggningen av ärendet.",
    "Beslut", "Ledningsgruppen ställer sig bakom detta.", "Omröstning: 9 ja, 2 nej, 1 avstår.",
    "Per Sandberg reserverar sig mot beslutet.", "Protokollsanteckning: Ewa Ekman: Växjö vill se en tidplan.",
    "Bilaga 1: Patientkontrakt – underlag", "• Hur: Kartlägga de verktyg som vi har idag.",
    "2.1 Fast vårdkontakt", "Bevis om justering", "Anslaget sätts upp", "Förvaringsplats",
    "Sida 1 av 2",
  };

  g_assert_true (pk_protocol_pdf_write (meeting, PK_PROTOCOL_FULL, pdf, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!contains_words (text, expected[i]))
      g_error ("“%s” is not in the protocol:\n%s", expected[i], text);
  /* No raw Markdown reaches the page, and an absent person is not listed. */
  g_assert_null (strstr (text, "**"));
  g_assert_false (contains_words (text, "Åsa Karlsson"));
  /* One bookmark per § and sub-item, in order. */
  {
    g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
    g_autoptr(PopplerDocument) document = poppler_document_new_from_file (uri, NULL, NULL);
    PopplerIndexIter *iter = poppler_index_iter_new (document);
    g_autoptr(GString) titles = g_string_new (NULL);

    g_assert_nonnull (iter);
    do
      {
        PopplerAction *action = poppler_index_iter_get_action (iter);
        g_string_append_printf (titles, "%s|", action->any.title);
        poppler_action_free (action);
      }
    while (poppler_index_iter_next (iter));
    poppler_index_iter_free (iter);
    g_assert_true (g_str_has_prefix (titles->str, "§ 1 Incheckning"));
    g_assert_nonnull (strstr (titles->str, "|§ 2 Arbete med Nära vård"));
    g_assert_nonnull (strstr (titles->str, "|2.1 Fast vårdkontakt|2.1.1 Utkast till Socialstyrelsen|§ 12 Övrigt|"));
  }
  /* Every page of a draft says so; approved minutes do not. */
  g_assert_true (pdf_has_draft_mark (pdf));
  pk_meeting_set_status (meeting, PK_MEETING_STATUS_JUSTERAT);
  g_assert_true (pk_protocol_pdf_write (meeting, PK_PROTOCOL_FULL, pdf, NULL, &error));
  g_assert_false (pdf_has_draft_mark (pdf));
}

static void
test_public_protocol (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = rich_protocol ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "offentlig.pdf", NULL);
  g_autofree char *text = NULL;
  PkAgendaItem *item2 = item_titled (meeting, "Arbete med Nära vård och patientkontrakt - redovisning");

  pk_agenda_item_set_confidential (item2, TRUE);
  g_assert_true (pk_protocol_pdf_write (meeting, PK_PROTOCOL_PUBLIC, pdf, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  /* The § and title stay; what was said, by whom and what was decided do not. */
  g_assert_true (contains_words (text, "§ 2 Arbete med Nära vård och patientkontrakt - redovisning"));
  g_assert_true (contains_words (text, "Sekretess enligt OSL"));
  g_assert_false (contains_words (text, "Kartlägga de verktyg"));
  g_assert_false (contains_words (text, "Ledningsgruppen ställer sig bakom detta"));
  g_assert_false (contains_words (text, "Johan Rutgersmark anmäler jäv"));
  g_assert_false (contains_words (text, "Per Sandberg reserverar"));
  g_assert_true (contains_words (text, "Dagordningen godkänns."));
}

static void
test_notes_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = rich_protocol ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "anteckningar.pdf", NULL);
  g_autofree char *text = NULL;

  pk_meeting_set_kind (meeting, PK_MEETING_KIND_MINNESANTECKNINGAR);
  g_assert_true (pk_protocol_pdf_write (meeting, PK_PROTOCOL_FULL, pdf, NULL, &error));
  text = pdf_text (pdf);
  g_assert_true (contains_words (text, "MÖTESANTECKNINGAR"));
  g_assert_true (contains_words (text, "Dnr 21RGK153"));
  g_assert_true (contains_words (text, "Närvarande"));
  g_assert_true (contains_words (text, "Roger O Nilsson (Region Kronoberg), närvarande till och med punkt 3 (till och från)"));
  g_assert_true (contains_words (text, "2. Arbete med Nära vård"));
  g_assert_true (contains_words (text, "Mötesanteckningar förda av Jenny Folkesson"));
  /* Meeting notes are not approved: no § and no draft mark. */
  g_assert_false (contains_words (text, "§"));
  g_assert_false (contains_words (text, "UTKAST"));
}

static void
test_swedish_date (void)
{
  g_autofree char *date = pk_swedish_long_date ("2021-06-04");
  g_autofree char *leap = pk_swedish_long_date ("2024-02-29");

  g_assert_cmpstr (date, ==, "fredag 4 juni 2021");
  g_assert_cmpstr (leap, ==, "torsdag 29 februari 2024");
  g_assert_null (pk_swedish_long_date ("2021-02-30"));
  g_assert_null (pk_swedish_long_date (NULL));
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agenda/numbering-after-edits", test_numbering_after_edits);
  g_test_add_func ("/agenda/remove-and-restore", test_remove_and_restore);
  g_test_add_func ("/agenda/move-next-to", test_move_next_to);
  ADD ("/agenda/copy-and-adopt-ids", test_copy_and_adopt_ids);
  g_test_add_func ("/agenda/time-plan", test_time_plan);
  g_test_add_func ("/agenda/time-plan-over-midnight-and-missing", test_time_plan_over_midnight_and_missing);
  g_test_add_func ("/agenda/swedish-date", test_swedish_date);
  ADD ("/agenda/save-agenda", test_save_agenda);
  ADD ("/agenda/standard-items", test_standard_items);
  ADD ("/agenda/next-meeting-carries-over", test_next_meeting_carries_over);
  ADD ("/agenda/pdf-text", test_agenda_pdf_text);
  ADD ("/agenda/pdf-pages", test_agenda_pdf_pages);
  ADD ("/agenda/pdf-unwritable", test_agenda_pdf_unwritable);
  ADD ("/protocol/pdf", test_protocol_pdf);
  ADD ("/protocol/public", test_public_protocol);
  ADD ("/protocol/notes", test_notes_pdf);

  return g_test_run ();
}
