/* test-actions.c: the action register: filters, closing, carry-over, the justerat lock, the CLI. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "pk-test-util.h"
#include "protokoll-core.h"

#define TODAY "2026-04-01"

typedef struct
{
  char *dir;
  char *path;
  PkDatabase *db;
  /* the fixture meetings */
  gint64 ks, sn;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = pk_test_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "actions.db", NULL);
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
add_item (GListStore *items,
          const char *title)
{
  g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();

  pk_agenda_item_set_title (item, title);
  g_list_store_append (items, item);
  return item;
}

static void
add_action (PkAgendaItem  *item,
            const char    *text,
            const char    *owner,
            const char    *due,
            PkActionState  state)
{
  g_autoptr(PkAction) action = pk_action_new ();

  pk_action_set_text (action, text);
  pk_action_set_owner (action, owner);
  pk_action_set_due (action, due);
  pk_action_set_state (action, state);
  g_list_store_append (pk_agenda_item_get_actions (item), action);
}

/* Kommunstyrelsen 2026-01-10: 1 Budget (A open, overdue; B done), 2 Skola > 2.1 Skolskjuts (C open,
 * no date). Socialnämnden 2026-03-05: 1 Äldreomsorg (D open, overdue; E open, due next year). */
static void
add_fixture_meetings (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) ks = pk_meeting_new ();
  g_autoptr(PkMeeting) sn = pk_meeting_new ();
  PkAgendaItem *item, *school;

  pk_meeting_set_body (ks, "Kommunstyrelsen");
  pk_meeting_set_title (ks, "Sammanträde");
  pk_meeting_set_date (ks, "2026-01-10");
  add_item (pk_meeting_get_items (ks), "Mötets öppnande");
  item = add_item (pk_meeting_get_items (ks), "Budget");
  add_action (item, "Ta fram budgetförslag", "Åsa Lind", "2026-02-01", PK_ACTION_STATE_OPEN);
  add_action (item, "Rapport om utfallet", "Per Sandberg", "2026-06-01", PK_ACTION_STATE_DONE);
  school = add_item (pk_meeting_get_items (ks), "Skola");
  add_item (pk_agenda_item_get_items (school), "Lokaler");
  item = add_item (pk_agenda_item_get_items (school), "Skolskjuts");
  add_action (item, "Utred skolskjutsen", "Per Sandberg", NULL, PK_ACTION_STATE_OPEN);
  fixture->ks = pk_database_insert_meeting (fixture->db, ks, &error);
  g_assert_no_error (error);

  pk_meeting_set_body (sn, "Socialnämnden");
  pk_meeting_set_title (sn, "Sammanträde");
  pk_meeting_set_date (sn, "2026-03-05");
  item = add_item (pk_meeting_get_items (sn), "Äldreomsorg");
  add_action (item, "Kalla till dialogmöte", "åsa lind", "2026-03-01", PK_ACTION_STATE_OPEN);
  add_action (item, "Följ upp bemanningen", "Karin Ek", "2027-01-01", PK_ACTION_STATE_OPEN);
  fixture->sn = pk_database_insert_meeting (fixture->db, sn, &error);
  g_assert_no_error (error);
}

static GListStore *
list (Fixture              *fixture,
      const PkActionFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListStore *entries = pk_database_list_actions (fixture->db, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

/* The texts in order, "|"-joined: what a filter let through. */
static char *
texts (GListStore *entries)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(PkActionEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries), i);
      g_string_append_printf (text, "%s%s", i ? "|" : "", pk_action_entry_get_text (entry));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
filtered (Fixture    *fixture,
          gboolean    open_only,
          gboolean    overdue_only,
          const char *owner,
          const char *body)
{
  PkActionFilter filter = { open_only, overdue_only, owner, body, TODAY };
  g_autoptr(GListStore) entries = list (fixture, &filter);

  return texts (entries);
}

static PkActionEntry *
find_entry (GListStore *entries,
            const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entries)); i++)
    {
      g_autoptr(PkActionEntry) entry = g_list_model_get_item (G_LIST_MODEL (entries), i);
      if (g_strcmp0 (pk_action_entry_get_text (entry), text) == 0)
        return entry;
    }
  return NULL;
}

/* The item that holds the action with @action_id in the loaded tree, or NULL. */
static PkAgendaItem *
item_of_action (GListModel *items,
                gint64      action_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);
      GListModel *actions = G_LIST_MODEL (pk_agenda_item_get_actions (item));
      PkAgendaItem *found;

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(PkAction) action = g_list_model_get_item (actions, j);
          if (pk_action_get_id (action) == action_id)
            return item;
        }
      if ((found = item_of_action (G_LIST_MODEL (pk_agenda_item_get_items (item)), action_id)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListStore) all = NULL;
  PkActionFilter filter = { .today = TODAY };
  PkActionEntry *entry;
  char *text;

  add_fixture_meetings (fixture);
  all = list (fixture, &filter);

  /* Open first, by due date, undated last; closed ones after. */
  g_assert_cmpstr ((text = texts (all)), ==,
                   "Ta fram budgetförslag|Kalla till dialogmöte|Följ upp bemanningen|Utred skolskjutsen|"
                   "Rapport om utfallet");
  g_free (text);

  entry = find_entry (all, "Utred skolskjutsen");
  g_assert_cmpstr (pk_action_entry_get_owner (entry), ==, "Per Sandberg");
  g_assert_null (pk_action_entry_get_due (entry));
  g_assert_cmpint (pk_action_entry_get_state (entry), ==, PK_ACTION_STATE_OPEN);
  g_assert_false (pk_action_entry_get_overdue (entry));
  g_assert_cmpint (pk_action_entry_get_meeting_id (entry), ==, fixture->ks);
  g_assert_cmpstr (pk_action_entry_get_meeting_date (entry), ==, "2026-01-10");
  g_assert_cmpstr (pk_action_entry_get_meeting_title (entry), ==, "Sammanträde");
  g_assert_cmpstr (pk_action_entry_get_body (entry), ==, "Kommunstyrelsen");
  g_assert_cmpstr (pk_action_entry_get_item_number (entry), ==, "3.2");
  g_assert_cmpstr (pk_action_entry_get_item_title (entry), ==, "Skolskjuts");
  g_assert_cmpint (pk_action_entry_get_carried_from (entry), ==, 0);
  g_assert_true (pk_action_entry_get_overdue (find_entry (all, "Ta fram budgetförslag")));
  g_assert_false (pk_action_entry_get_overdue (find_entry (all, "Följ upp bemanningen")));
  /* Done is never overdue, whatever its date. */
  g_assert_false (pk_action_entry_get_overdue (find_entry (all, "Rapport om utfallet")));

  /* Every item number is the one the loaded meeting gives the item holding the action. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(PkActionEntry) e = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_autoptr(GError) error = NULL;
      g_autoptr(PkMeeting) meeting = pk_database_load_meeting (fixture->db, pk_action_entry_get_meeting_id (e), &error);
      PkAgendaItem *item;

      g_assert_no_error (error);
      item = item_of_action (G_LIST_MODEL (pk_meeting_get_items (meeting)), pk_action_entry_get_id (e));
      g_assert_nonnull (item);
      g_assert_cmpstr (pk_agenda_item_get_number (item), ==, pk_action_entry_get_item_number (e));
    }

  g_assert_cmpstr ((text = filtered (fixture, TRUE, FALSE, NULL, NULL)), ==,
                   "Ta fram budgetförslag|Kalla till dialogmöte|Följ upp bemanningen|Utred skolskjutsen");
  g_free (text);
  g_assert_cmpstr ((text = filtered (fixture, FALSE, TRUE, NULL, NULL)), ==,
                   "Ta fram budgetförslag|Kalla till dialogmöte");
  g_free (text);
  /* Due today is not overdue yet. */
  {
    PkActionFilter on_the_day = { .overdue_only = TRUE, .today = "2026-02-01" };
    g_autoptr(GListStore) entries = list (fixture, &on_the_day);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 0);
  }
  /* Owner: part of the name, any case, Å and å alike. */
  g_assert_cmpstr ((text = filtered (fixture, FALSE, FALSE, "ÅSA", NULL)), ==,
                   "Ta fram budgetförslag|Kalla till dialogmöte");
  g_free (text);
  g_assert_cmpstr ((text = filtered (fixture, FALSE, FALSE, " sandberg ", NULL)), ==,
                   "Utred skolskjutsen|Rapport om utfallet");
  g_free (text);
  g_assert_cmpstr ((text = filtered (fixture, TRUE, FALSE, "sandberg", NULL)), ==, "Utred skolskjutsen");
  g_free (text);
  g_assert_cmpstr ((text = filtered (fixture, FALSE, FALSE, "Nobody", NULL)), ==, "");
  g_free (text);
  /* Body: exactly that body. */
  g_assert_cmpstr ((text = filtered (fixture, FALSE, FALSE, NULL, "Socialnämnden")), ==,
                   "Kalla till dialogmöte|Följ upp bemanningen");
  g_free (text);
  g_assert_cmpstr ((text = filtered (fixture, FALSE, TRUE, NULL, "Socialnämnden")), ==, "Kalla till dialogmöte");
  g_free (text);
  g_assert_cmpstr ((text = filtered (fixture, FALSE, FALSE, NULL, "Social")), ==, "");
  g_free (text);
  /* No filter at all (NULL): everything, against today's real date. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListStore) entries = pk_database_list_actions (fixture->db, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 5);
  }
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GListStore) entries = list (fixture, NULL);
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 0);
  /* A meeting without actions adds nothing. */
  add_item (pk_meeting_get_items (meeting), "Budget");
  pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  g_clear_object (&entries);
  entries = list (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 0);
}

static gint64
action_id (Fixture    *fixture,
           const char *text)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM action WHERE text = '%s' ORDER BY id DESC LIMIT 1", text);
  return pk_test_sql_int (fixture->path, sql);
}

static void
test_close (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  add_fixture_meetings (fixture);
  id = action_id (fixture, "Ta fram budgetförslag");
  g_assert_true (pk_database_set_action_state (fixture->db, id, PK_ACTION_STATE_DONE, &error));
  g_assert_no_error (error);
  text = filtered (fixture, TRUE, FALSE, NULL, NULL);
  g_assert_cmpstr (text, ==, "Kalla till dialogmöte|Följ upp bemanningen|Utred skolskjutsen");
  sql = g_strdup_printf ("SELECT state || ' ' || closed_in_meeting_id FROM action WHERE id = %" G_GINT64_FORMAT, id);
  {
    g_autofree char *expected = g_strdup_printf ("done %" G_GINT64_FORMAT, fixture->ks);
    g_autofree char *stored = pk_test_sql_text (fixture->path, sql);
    g_assert_cmpstr (stored, ==, expected);
  }
  /* What the meeting shows is what the register wrote. */
  {
    g_autoptr(PkMeeting) meeting = pk_database_load_meeting (fixture->db, fixture->ks, &error);
    g_autoptr(PkAgendaItem) budget = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (meeting)), 1);
    g_autoptr(PkAction) action = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_actions (budget)), 0);
    g_assert_cmpint (pk_action_get_state (action), ==, PK_ACTION_STATE_DONE);
  }

  /* Reopened: open again, closed nowhere. */
  g_assert_true (pk_database_set_action_state (fixture->db, id, PK_ACTION_STATE_OPEN, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT state || ' ' || ifnull (closed_in_meeting_id, '-') FROM action WHERE id = %"
                         G_GINT64_FORMAT, id);
  g_assert_cmpstr (pk_test_sql_text (fixture->path, sql), ==, "open -");

  g_assert_true (pk_database_set_action_state (fixture->db, id, PK_ACTION_STATE_CANCELLED, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = filtered (fixture, FALSE, TRUE, NULL, NULL);
  g_assert_cmpstr (text, ==, "Kalla till dialogmöte");

  /* No such action. */
  g_assert_false (pk_database_set_action_state (fixture->db, 9999, PK_ACTION_STATE_DONE, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_NOT_FOUND);
}

/* A carried-over action is listed once, as its newest copy; the history stays as minuted. */
static void
test_carried_over (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = NULL;
  g_autofree char *text = NULL;
  gint64 old_id, next, next2;
  PkActionEntry *entry;

  add_fixture_meetings (fixture);
  old_id = action_id (fixture, "Ta fram budgetförslag");
  next = pk_database_create_next_meeting (fixture->db, fixture->ks, &error);
  g_assert_no_error (error);
  /* Two open actions of Kommunstyrelsen now also exist as copies in the next meeting. */
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM action"), ==, 7);

  entries = list (fixture, &(PkActionFilter) { .today = TODAY });
  text = texts (entries);
  g_assert_cmpstr (text, ==,
                   "Ta fram budgetförslag|Kalla till dialogmöte|Följ upp bemanningen|Utred skolskjutsen|"
                   "Rapport om utfallet");
  entry = find_entry (entries, "Ta fram budgetförslag");
  g_assert_cmpint (pk_action_entry_get_meeting_id (entry), ==, next);
  g_assert_cmpint (pk_action_entry_get_carried_from (entry), ==, old_id);
  g_assert_cmpstr (pk_action_entry_get_item_title (entry), ==, "Uppföljning av uppdrag");
  g_assert_true (pk_action_entry_get_overdue (entry));
  g_assert_cmpint (pk_action_entry_get_meeting_id (find_entry (entries, "Rapport om utfallet")), ==, fixture->ks);

  /* The old row is history: changing it is refused, the copy is the one to change. */
  g_assert_false (pk_database_set_action_state (fixture->db, old_id, PK_ACTION_STATE_DONE, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Carried again: still once, in the newest meeting. */
  next2 = pk_database_create_next_meeting (fixture->db, next, &error);
  g_assert_no_error (error);
  g_clear_object (&entries);
  entries = list (fixture, &(PkActionFilter) { .open_only = TRUE, .today = TODAY });
  g_clear_pointer (&text, g_free);
  text = texts (entries);
  g_assert_cmpstr (text, ==, "Ta fram budgetförslag|Kalla till dialogmöte|Följ upp bemanningen|Utred skolskjutsen");
  g_assert_cmpint (pk_action_entry_get_meeting_id (find_entry (entries, "Ta fram budgetförslag")), ==, next2);

  /* Closed in the newest meeting: no longer open anywhere in the register. */
  g_assert_true (pk_database_set_action_state (fixture->db, pk_action_entry_get_id (find_entry (entries, "Ta fram budgetförslag")),
                                               PK_ACTION_STATE_DONE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = filtered (fixture, TRUE, FALSE, NULL, NULL);
  g_assert_cmpstr (text, ==, "Kalla till dialogmöte|Följ upp bemanningen|Utred skolskjutsen");

  /* The newest meeting deleted: its copies go, and the one before is current again. */
  g_assert_true (pk_database_delete_meeting (fixture->db, next2, &error));
  g_assert_no_error (error);
  g_clear_object (&entries);
  entries = list (fixture, &(PkActionFilter) { .open_only = TRUE, .today = TODAY });
  entry = find_entry (entries, "Ta fram budgetförslag");
  g_assert_nonnull (entry);
  g_assert_cmpint (pk_action_entry_get_meeting_id (entry), ==, next);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, 4);
}

static void
sign_all (Fixture *fixture,
          gint64   id)
{
  const struct { PkRole role; const char *name; } signers[] = {
    { PK_ROLE_SEKRETERARE, "Jenny Folkesson" }, { PK_ROLE_ORDFORANDE, "Annika Magnerot" },
    { PK_ROLE_JUSTERARE, "Ewa Ekman" },
  };
  gboolean justerat = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (signers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (pk_database_sign (fixture->db, id, signers[i].role, signers[i].name, "Växjö", &justerat, &error));
      g_assert_no_error (error);
    }
  g_assert_true (justerat);
}

/* An action in justerat minutes cannot be changed from the register; it is followed up in the
 * next meeting, where its copy can. */
static void
test_justerat_lock (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) entries = NULL;
  gint64 id, next;
  PkActionEntry *entry;

  add_fixture_meetings (fixture);
  sign_all (fixture, fixture->ks);
  id = action_id (fixture, "Ta fram budgetförslag");

  entries = list (fixture, &(PkActionFilter) { .today = TODAY });
  entry = find_entry (entries, "Ta fram budgetförslag");
  g_assert_cmpint (pk_action_entry_get_meeting_status (entry), ==, PK_MEETING_STATUS_JUSTERAT);

  g_assert_false (pk_database_set_action_state (fixture->db, id, PK_ACTION_STATE_DONE, &error));
  g_assert_error (error, PK_DATABASE_ERROR, PK_DATABASE_ERROR_JUSTERAT);
  g_assert_nonnull (strstr (error->message, "2026-01-10"));
  g_clear_error (&error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT state FROM action WHERE id = %" G_GINT64_FORMAT, id);
    g_assert_cmpstr (pk_test_sql_text (fixture->path, sql), ==, "open");
  }

  next = pk_database_create_next_meeting (fixture->db, fixture->ks, &error);
  g_assert_no_error (error);
  g_clear_object (&entries);
  entries = list (fixture, &(PkActionFilter) { .today = TODAY });
  entry = find_entry (entries, "Ta fram budgetförslag");
  g_assert_cmpint (pk_action_entry_get_meeting_id (entry), ==, next);
  g_assert_true (pk_database_set_action_state (fixture->db, pk_action_entry_get_id (entry), PK_ACTION_STATE_DONE,
                                               &error));
  g_assert_no_error (error);
  /* The justerat protocol still says what it said. */
  {
    g_autofree char *sha256 = NULL;
    g_assert_true (pk_database_verify_meeting (fixture->db, fixture->ks, &sha256, &error));
    g_assert_no_error (error);
  }
}

/* ---- the CLI ---- */

static JsonArray *
parse_array (const char *text,
             JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *object = NULL;
  gint64 skolskjuts;

  add_fixture_meetings (fixture);
  skolskjuts = action_id (fixture, "Utred skolskjutsen");
  sign_all (fixture, fixture->sn);
  g_clear_object (&fixture->db);

  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "actions", "--open", "--json", NULL);

    g_assert_cmpint (r.status, ==, 0);
    array = parse_array (r.out, parser);
    g_assert_cmpuint (json_array_get_length (array), ==, 4);
    /* The action fields of the meeting JSON, then where the action stands. */
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        object = json_array_get_object_element (array, i);
        g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "open");
        if (json_object_get_int_member (object, "id") == skolskjuts)
          break;
      }
    g_assert_cmpint (json_object_get_int_member (object, "id"), ==, skolskjuts);
    g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "Utred skolskjutsen");
    g_assert_cmpstr (json_object_get_string_member (object, "owner"), ==, "Per Sandberg");
    g_assert_true (json_object_has_member (object, "due"));
    g_assert_true (json_object_get_null_member (object, "due"));
    g_assert_false (json_object_get_boolean_member (object, "overdue"));
    g_assert_cmpint (json_object_get_int_member (object, "meeting_id"), ==, fixture->ks);
    g_assert_cmpstr (json_object_get_string_member (object, "meeting_date"), ==, "2026-01-10");
    g_assert_cmpstr (json_object_get_string_member (object, "body"), ==, "Kommunstyrelsen");
    g_assert_cmpstr (json_object_get_string_member (object, "item_number"), ==, "3.2");
    g_assert_cmpstr (json_object_get_string_member (object, "item_title"), ==, "Skolskjuts");
    g_assert_true (json_object_get_null_member (object, "carried_from"));
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "actions", "--overdue", "--date", TODAY,
                                "--body", "Socialnämnden", "--json", NULL);

    g_assert_cmpint (r.status, ==, 0);
    array = parse_array (r.out, parser);
    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    object = json_array_get_object_element (array, 0);
    g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "Kalla till dialogmöte");
    g_assert_true (json_object_get_boolean_member (object, "overdue"));
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "actions", "--owner", "sandberg", NULL);

    /* A table for people: a heading, one line per action, overdue said in words. */
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "ID "));
    g_assert_nonnull (strstr (r.out, "Utred skolskjutsen\n"));
    g_assert_nonnull (strstr (r.out, "Rapport om utfallet\n"));
    g_assert_null (strstr (r.out, "budgetförslag"));
    g_assert_nonnull (strstr (r.out, " 3.2 "));
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "actions", "--overdue", "--date", TODAY, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "overdue"));
  }

  /* Closing from the command line. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, skolskjuts);
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "action-state", id, "done", NULL);
    g_auto(PkTestCliResult) after = pk_test_run_cli ("--db", fixture->path, "actions", "--open", "--json", NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (after.status, ==, 0);
    g_assert_cmpuint (json_array_get_length (parse_array (after.out, parser)), ==, 3);
    g_assert_null (strstr (after.out, "Utred skolskjutsen"));
  }
  /* Refused: justerat minutes (bad input, the file is fine), no such action, bad words. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, action_id (fixture, "Kalla till dialogmöte"));
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "action-state", id, "done", NULL);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "approved"));
    g_assert_cmpstr (pk_test_sql_text (fixture->path, "SELECT state FROM action WHERE text = 'Kalla till dialogmöte'"),
                     ==, "open");
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "action-state", "9999", "done", NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "action-state", "1", "finished", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "actions", "--date", "1 april", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "actions", "--owner", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
}

static void
test_cli_empty (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(PkTestCliResult) json = pk_test_run_cli ("--db", fixture->path, "actions", "--json", NULL);
  g_auto(PkTestCliResult) plain = pk_test_run_cli ("--db", fixture->path, "actions", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (parse_array (json.out, parser)), ==, 0);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpstr (plain.out, ==, "");
  g_assert_nonnull (strstr (plain.err, "No actions"));

  /* Not a database: exit 3, the file untouched. */
  g_file_set_contents (garbage, "not a database at all, just words", -1, &error);
  g_assert_no_error (error);
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", garbage, "actions", NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (r.status, ==, 3);
    g_file_get_contents (garbage, &contents, NULL, &error);
    g_assert_cmpstr (contents, ==, "not a database at all, just words");
  }
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/actions/filters", test_filters);
  ADD ("/actions/empty", test_empty);
  ADD ("/actions/close", test_close);
  ADD ("/actions/carried-over", test_carried_over);
  ADD ("/actions/justerat-lock", test_justerat_lock);
  ADD ("/actions/cli", test_cli);
  ADD ("/actions/cli-empty", test_cli_empty);
  return g_test_run ();
}
