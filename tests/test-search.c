/* test-search.c: full-text search over a real database: Swedish words, ranking, where a hit is,
 * bilaga text, hostile queries, and `protokoll-cli search`. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "pk-test-pdf.h"
#include "pk-test-util.h"
#include "protokoll-core.h"

typedef struct
{
  char *dir;
  char *path;
  PkDatabase *db;
  gint64 ks, sn, bn;  /* the fixture meetings */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = pk_test_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "search.db", NULL);
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
          const char *title,
          const char *discussion)
{
  g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();

  pk_agenda_item_set_title (item, title);
  pk_agenda_item_set_discussion (item, discussion);
  g_list_store_append (items, item);
  return item;
}

static PkMeeting *
new_meeting (const char *body,
             const char *title,
             const char *date)
{
  PkMeeting *meeting = pk_meeting_new ();

  pk_meeting_set_body (meeting, body);
  pk_meeting_set_title (meeting, title);
  pk_meeting_set_date (meeting, date);
  pk_meeting_set_status (meeting, PK_MEETING_STATUS_HELD);
  return meeting;
}

/* Kommunstyrelsen 2026-02-10
 *   1 Budget för år 2027 — "Nämnden får mer pengar." — decision "… fastställa budgeten."
 *   2 Skolskjuts — "Min far åker buss till skolan." — action "Utreda skolskjutsen till Älmhult"
 *     2.1 Markköp — "Markytan är 12 ar."
 *       2.1.1 Förrättning — "Lantmäteriet har kallat."
 * Socialnämnden 2026-03-05 "Extra möte om äldreomsorg"
 *   1 Äldreomsorg — äldreomsorg four times in a short text
 * Byggnadsnämnden 2026-01-20
 *   1 Detaljplan — äldreomsorg once in a long text
 * Each Swedish word of the diacritics test ("får", "far", "år", "ar") is in exactly one place. */
static void
add_fixture_meetings (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PkMeeting) ks = new_meeting ("Kommunstyrelsen", "Sammanträde", "2026-02-10");
  g_autoptr(PkMeeting) sn = new_meeting ("Socialnämnden", "Extra möte om äldreomsorg", "2026-03-05");
  g_autoptr(PkMeeting) bn = new_meeting ("Byggnadsnämnden", "Sammanträde", "2026-01-20");
  g_autoptr(PkDecision) decision = pk_decision_new ();
  g_autoptr(PkAction) action = pk_action_new ();
  g_autoptr(GString) long_text = g_string_new ("Planen omfattar bostäder, skola och äldreomsorg.");
  PkAgendaItem *budget, *school, *markkop;

  budget = add_item (pk_meeting_get_items (ks), "Budget för år 2027", "Nämnden får mer pengar.");
  pk_decision_set_text (decision, "Kommunstyrelsen beslutar att fastställa budgeten.");
  g_list_store_append (pk_agenda_item_get_decisions (budget), decision);
  school = add_item (pk_meeting_get_items (ks), "Skolskjuts", "Min far åker buss till skolan.");
  pk_action_set_text (action, "Utreda skolskjutsen till Älmhult");
  pk_action_set_owner (action, "Örjan Lind");
  g_list_store_append (pk_agenda_item_get_actions (school), action);
  markkop = add_item (pk_agenda_item_get_items (school), "Markköp", "Markytan är 12 ar.");
  add_item (pk_agenda_item_get_items (markkop), "Förrättning", "Lantmäteriet har kallat.");
  fixture->ks = pk_database_insert_meeting (fixture->db, ks, &error);
  g_assert_no_error (error);

  add_item (pk_meeting_get_items (sn), "Äldreomsorg", "Äldreomsorg äldreomsorg äldreomsorg i kommunen.");
  fixture->sn = pk_database_insert_meeting (fixture->db, sn, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 12; i++)
    g_string_append (long_text, " Gatorna, parkerna och ledningarna byggs ut i flera etapper.");
  add_item (pk_meeting_get_items (bn), "Detaljplan", long_text->str);
  fixture->bn = pk_database_insert_meeting (fixture->db, bn, &error);
  g_assert_no_error (error);
}

static GListStore *
search (Fixture    *fixture,
        const char *text,
        int         limit)
{
  g_autoptr(GError) error = NULL;
  GListStore *hits = pk_database_search (fixture->db, text, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static PkSearchHit *
hit_at (GListStore *hits,
        guint       index)
{
  PkSearchHit *hit = g_list_model_get_item (G_LIST_MODEL (hits), index);

  g_assert_nonnull (hit);
  g_object_unref (hit);  /* the store keeps it */
  return hit;
}

static void
assert_only_hit (Fixture      *fixture,
                 const char   *text,
                 gint64        meeting_id,
                 PkSearchKind  kind,
                 const char   *item_number,
                 const char   *marked)
{
  g_autoptr(GListStore) hits = search (fixture, text, 0);
  PkSearchHit *hit;
  g_autofree char *snippet = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hits)), ==, 1);
  hit = hit_at (hits, 0);
  g_assert_cmpint (pk_search_hit_get_meeting_id (hit), ==, meeting_id);
  g_assert_cmpint (pk_search_hit_get_kind (hit), ==, kind);
  g_assert_cmpstr (pk_search_hit_get_item_number (hit), ==, item_number);
  snippet = pk_search_hit_format_snippet (hit, "[", "]");
  g_assert_nonnull (strstr (snippet, marked));
}

static void
test_build_query (void)
{
  const char *cases[][2] = {
    { "får", "\"får\"" },
    { "  Budget \t 2027 ", "\"Budget\" AND \"2027\"" },
    { "budg*", "\"budg\" *" },
    { "budg**", "\"budg\" *" },
    { "\"nära vård\"", "\"nära vård\"" },
    { "\"nära vård\"*", "\"nära vård\" *" },
    { "\"olästa", "\"olästa\"" },
    { "a\"b", "\"a\" AND \"b\"" },
    { "KS-beslut", "\"KS-beslut\"" },
    { "NEAR(får far)", "\"NEAR(får\" AND \"far)\"" },
    { "får OR far", "\"får\" AND \"OR\" AND \"far\"" },
    { "text:far", "\"text:far\"" },
    /* Decomposed å (a + combining ring), as some keyboards and file names give it. */
    { "fa\xcc\x8ar", "\"får\"" },
    { "-", "" },
    { "( ) \" * ^ : + -", "" },
  };
  g_autoptr(GError) error = NULL;
  char *query;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *built = pk_search_build_query (cases[i][0], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (built, ==, cases[i][1]);
    }

  query = pk_search_build_query ("", &error);
  g_assert_error (error, PK_SEARCH_ERROR, PK_SEARCH_ERROR_EMPTY);
  g_assert_null (query);
  g_clear_error (&error);
  query = pk_search_build_query (" \t\n ", &error);
  g_assert_error (error, PK_SEARCH_ERROR, PK_SEARCH_ERROR_EMPTY);
  g_clear_error (&error);
  query = pk_search_build_query ("f\xe5r", &error);  /* "får" in Latin-1 */
  g_assert_error (error, PK_SEARCH_ERROR, PK_SEARCH_ERROR_INVALID);
  g_assert_null (query);
}

/* remove_diacritics 0: å, ä and ö are letters of their own, not a, a and o with marks. */
static void
test_diacritics (Fixture       *fixture,
                 gconstpointer  data)
{
  add_fixture_meetings (fixture);
  assert_only_hit (fixture, "får", fixture->ks, PK_SEARCH_KIND_ITEM, "1", "Nämnden [får] mer");
  assert_only_hit (fixture, "far", fixture->ks, PK_SEARCH_KIND_ITEM, "2", "Min [far] åker");
  assert_only_hit (fixture, "år", fixture->ks, PK_SEARCH_KIND_ITEM, "1", "Budget för [år] 2027");
  assert_only_hit (fixture, "ar", fixture->ks, PK_SEARCH_KIND_ITEM, "2.1", "är 12 [ar]");
  /* Case folds; the letter does not. */
  assert_only_hit (fixture, "FÅR", fixture->ks, PK_SEARCH_KIND_ITEM, "1", "[får]");
  assert_only_hit (fixture, "ÄLMHULT", fixture->ks, PK_SEARCH_KIND_ACTION, "2", "[Älmhult]");
  {
    g_autoptr(GListStore) hits = search (fixture, "almhult", 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hits)), ==, 0);
  }
}

static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListStore) hits = NULL;
  guint n;

  add_fixture_meetings (fixture);
  hits = search (fixture, "äldreomsorg", 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (hits));
  /* The dense item, the meeting title, the long text that mentions it once. */
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (pk_search_hit_get_meeting_id (hit_at (hits, 0)), ==, fixture->sn);
  g_assert_cmpint (pk_search_hit_get_kind (hit_at (hits, 0)), ==, PK_SEARCH_KIND_ITEM);
  g_assert_cmpint (pk_search_hit_get_meeting_id (hit_at (hits, 2)), ==, fixture->bn);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (pk_search_hit_get_rank (hit_at (hits, i - 1)), <=, pk_search_hit_get_rank (hit_at (hits, i)));
  g_assert_cmpfloat (pk_search_hit_get_rank (hit_at (hits, 0)), <, pk_search_hit_get_rank (hit_at (hits, 2)));

  /* The limit keeps the best ones. */
  {
    g_autoptr(GListStore) first = search (fixture, "äldreomsorg", 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 1);
    g_assert_cmpint (pk_search_hit_get_id (hit_at (first, 0)), ==, pk_search_hit_get_id (hit_at (hits, 0)));
  }
  /* All words must be there; a prefix finds the longer words. */
  {
    g_autoptr(GListStore) both = search (fixture, "äldreomsorg kommunen", 0);
    g_autoptr(GListStore) prefix = search (fixture, "skolskjuts*", 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (both)), ==, 1);
    g_assert_cmpint (pk_search_hit_get_meeting_id (hit_at (both, 0)), ==, fixture->sn);
    /* The item title "Skolskjuts" and the action "… skolskjutsen …". */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (prefix)), ==, 2);
  }
}

static void
test_where (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PkMeeting) ks = NULL;
  g_autoptr(GError) error = NULL;
  PkAgendaItem *budget, *school;
  PkDecision *decision;
  PkAction *action;

  add_fixture_meetings (fixture);
  ks = pk_database_load_meeting (fixture->db, fixture->ks, &error);
  g_assert_no_error (error);
  budget = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (ks)), 0);
  school = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (ks)), 1);
  decision = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_decisions (budget)), 0);
  action = g_list_model_get_item (G_LIST_MODEL (pk_agenda_item_get_actions (school)), 0);

  {
    g_autoptr(GListStore) hits = search (fixture, "fastställa", 0);
    PkSearchHit *hit;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hits)), ==, 1);
    hit = hit_at (hits, 0);
    g_assert_cmpint (pk_search_hit_get_kind (hit), ==, PK_SEARCH_KIND_DECISION);
    g_assert_cmpint (pk_search_hit_get_id (hit), ==, pk_decision_get_id (decision));
    g_assert_cmpstr (pk_search_hit_get_item_number (hit), ==, "1");
    g_assert_cmpstr (pk_search_hit_get_item_title (hit), ==, "Budget för år 2027");
    g_assert_cmpstr (pk_search_hit_get_meeting_body (hit), ==, "Kommunstyrelsen");
    g_assert_cmpstr (pk_search_hit_get_meeting_date (hit), ==, "2026-02-10");
    g_assert_cmpstr (pk_search_hit_get_meeting_title (hit), ==, "Sammanträde");
  }
  {
    g_autoptr(GListStore) hits = search (fixture, "utreda", 0);
    PkSearchHit *hit;
    const PkSearchRange *ranges;
    guint n_ranges;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hits)), ==, 1);
    hit = hit_at (hits, 0);
    g_assert_cmpint (pk_search_hit_get_kind (hit), ==, PK_SEARCH_KIND_ACTION);
    g_assert_cmpint (pk_search_hit_get_id (hit), ==, pk_action_get_id (action));
    g_assert_cmpstr (pk_search_hit_get_item_number (hit), ==, "2");
    g_assert_cmpstr (pk_search_hit_get_snippet (hit), ==, "Utreda skolskjutsen till Älmhult");
    ranges = pk_search_hit_get_highlights (hit, &n_ranges);
    g_assert_cmpuint (n_ranges, ==, 1);
    g_assert_cmpuint (ranges[0].start, ==, 0);
    g_assert_cmpuint (ranges[0].length, ==, strlen ("Utreda"));
  }
  {
    g_autoptr(GListStore) hits = search (fixture, "extra möte", 0);
    PkSearchHit *hit;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hits)), ==, 1);
    hit = hit_at (hits, 0);
    g_assert_cmpint (pk_search_hit_get_kind (hit), ==, PK_SEARCH_KIND_MEETING);
    g_assert_cmpint (pk_search_hit_get_id (hit), ==, fixture->sn);
    g_assert_null (pk_search_hit_get_item_number (hit));
    g_assert_cmpstr (pk_search_hit_get_snippet (hit), ==, "Extra möte om äldreomsorg");
  }
  /* An item's text runs on one line in the snippet: title and discussion are joined. */
  {
    g_autoptr(GListStore) hits = search (fixture, "markytan", 0);
    g_autoptr(GListStore) deeper = search (fixture, "lantmäteriet", 0);
    g_assert_cmpstr (pk_search_hit_get_snippet (hit_at (hits, 0)), ==, "Markköp Markytan är 12 ar.");
    g_assert_cmpstr (pk_search_hit_get_item_number (hit_at (deeper, 0)), ==, "2.1.1");
    g_assert_cmpstr (pk_search_hit_get_item_title (hit_at (deeper, 0)), ==, "Förrättning");
  }
  /* Edits reach the index (the schema's triggers), and so does a deleted meeting. */
  pk_action_set_text (action, "Utreda busskort");
  {
    g_autoptr(GPtrArray) changed = g_ptr_array_new ();
    g_ptr_array_add (changed, school);
    g_assert_true (pk_database_save_minutes (fixture->db, changed, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GListStore) old_words = search (fixture, "Älmhult", 0);
    g_autoptr(GListStore) new_words = search (fixture, "busskort", 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (old_words)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (new_words)), ==, 1);
  }
  g_assert_true (pk_database_delete_meeting (fixture->db, fixture->sn, &error));
  {
    g_autoptr(GListStore) hits = search (fixture, "äldreomsorg", 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hits)), ==, 1);
    g_assert_cmpint (pk_search_hit_get_meeting_id (hit_at (hits, 0)), ==, fixture->bn);
  }
  g_object_unref (action);
  g_object_unref (decision);
  g_object_unref (school);
  g_object_unref (budget);
}

/* Item numbers follow the agenda's order, not the order the rows were made in. */
static void
test_numbering_follows_moves (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PkMeeting) ks = NULL;
  g_autoptr(PkAgendaItem) budget = NULL;
  g_autoptr(GError) error = NULL;

  add_fixture_meetings (fixture);
  ks = pk_database_load_meeting (fixture->db, fixture->ks, &error);
  g_assert_no_error (error);
  budget = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (ks)), 0);
  g_assert_true (pk_agenda_move (ks, budget, +1));
  g_assert_true (pk_database_save_agenda (fixture->db, ks, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListStore) decision = search (fixture, "fastställa", 0);
    g_autoptr(GListStore) deeper = search (fixture, "lantmäteriet", 0);
    g_assert_cmpstr (pk_search_hit_get_item_number (hit_at (decision, 0)), ==, "2");
    g_assert_cmpstr (pk_search_hit_get_item_number (hit_at (deeper, 0)), ==, "1.1.1");
  }
}

/* A bilaga's text, extracted by the probe from a real PDF, is found and named by its number. */
static void
test_attachment_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) pdf = pk_test_make_pdf (3, 1, "Överklagandetiden är tre veckor");
  g_autofree char *path = g_build_filename (fixture->dir, "Tjänsteskrivelse.pdf", NULL);
  g_autoptr(PkMeeting) ks = NULL;
  g_autoptr(PkAgendaItem) school = NULL;
  g_autoptr(PkAttachment) attachment = NULL;
  g_autoptr(GListStore) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snippet = NULL;
  PkSearchHit *hit;

  add_fixture_meetings (fixture);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  ks = pk_database_load_meeting (fixture->db, fixture->ks, &error);
  g_assert_no_error (error);
  school = g_list_model_get_item (G_LIST_MODEL (pk_meeting_get_items (ks)), 1);
  attachment = pk_database_attach_file (fixture->db, pk_agenda_item_get_id (school), path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pk_attachment_get_safe_to_show (attachment));

  hits = search (fixture, "överklagandetiden", 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hits)), ==, 1);
  hit = hit_at (hits, 0);
  g_assert_cmpint (pk_search_hit_get_kind (hit), ==, PK_SEARCH_KIND_ATTACHMENT);
  g_assert_cmpint (pk_search_hit_get_id (hit), ==, pk_attachment_get_id (attachment));
  g_assert_cmpint (pk_search_hit_get_attachment_number (hit), ==, 1);
  g_assert_cmpstr (pk_search_hit_get_item_number (hit), ==, "2");
  snippet = pk_search_hit_format_snippet (hit, "[", "]");
  g_assert_nonnull (strstr (snippet, "[Överklagandetiden] är tre veckor"));
  /* The title (the file name) is searched too. */
  {
    g_autoptr(GListStore) by_title = search (fixture, "tjänsteskrivelse", 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_title)), ==, 1);
  }
}

/* Whatever is typed, the query is never an FTS5 syntax error, and operators are plain words. */
static void
test_hostile_queries (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *queries[] = {
    "\"", "\"\"", "\"\"\"", "(", ")", "()", "((får", "får)", "NEAR(får far, 2)", "NEAR", "AND", "OR",
    "NOT", "får OR far", "NOT får", "får NOT far", "-får", "får -far", "text:får", "kind:item", "{text kind}: far",
    "^får", "*", "**", "*får", "får*", "\"får*\"", "\"får\"*", "+", "får + far", "'", "';DROP TABLE meeting;--",
    "\\", "\\\"", "får\"far", "🙂", "får\x01" "far", "\x7f", "a:b:c", "[", "]", "{", "}", "@", "$", "%",
  };
  const char alphabet[] = "\"*()-+^:' {}[]\\NEAROTDfåra2 ";
  GRand *rand = g_rand_new_with_seed (20260210);

  add_fixture_meetings (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) hits = pk_database_search (fixture->db, queries[i], 0, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GString) query = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) hits = NULL;
      int length = g_rand_int_range (rand, 1, 16);

      for (int c = 0; c < length; c++)
        g_string_append_c (query, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
      if (!g_utf8_validate (query->str, -1, NULL) || pk_str_or_null (query->str) == NULL)
        continue;
      hits = pk_database_search (fixture->db, query->str, 0, &error);
      if (error != NULL)
        g_error ("query «%s»: %s", query->str, error->message);
    }
  g_rand_free (rand);

  /* "-far" is the word far, not "without far"; "får OR far" needs the word "or" too. */
  assert_only_hit (fixture, "-far", fixture->ks, PK_SEARCH_KIND_ITEM, "2", "[far]");
  {
    /* "NEAR(far)" is the two words "near far" side by side, which no text has. */
    g_autoptr(GListStore) near = search (fixture, "NEAR(far)", 0);
    g_autoptr(GListStore) or = search (fixture, "får OR far", 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (near)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (or)), ==, 0);
  }
  /* The tables are all still there. */
  g_assert_cmpint (pk_test_sql_int (fixture->path, "SELECT count(*) FROM meeting"), ==, 3);
}

/* ---- the CLI ---- */

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  add_fixture_meetings (fixture);
  g_clear_object (&fixture->db);

  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "search", "fastställa", NULL);
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT "\t2026-02-10\tKommunstyrelsen\tSammanträde\t"
                                                 "decision, item 1\tKommunstyrelsen beslutar att [fastställa] "
                                                 "budgeten.\n", fixture->ks);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, expected);
  }
  {
    /* Several words as several arguments; an action; the item's own line. */
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "search", "utreda", "älmhult", NULL);
    g_auto(PkTestCliResult) sub = pk_test_run_cli ("--db", fixture->path, "search", "markytan", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "\taction, item 2\t[Utreda] skolskjutsen till [Älmhult]\n"));
    g_assert_nonnull (strstr (sub.out, "\titem 2.1\tMarkköp [Markytan] är 12 ar.\n"));
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "search", "äldreomsorg", "--json", NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonArray *array;
    JsonObject *first, *title;
    JsonArray *highlights, *range;

    g_assert_cmpint (r.status, ==, 0);
    json_parser_load_from_data (parser, r.out, -1, &error);
    g_assert_no_error (error);
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), ==, 3);
    first = json_array_get_object_element (array, 0);
    g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "item");
    g_assert_cmpint (json_object_get_int_member (first, "meeting_id"), ==, fixture->sn);
    g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2026-03-05");
    g_assert_cmpstr (json_object_get_string_member (first, "body"), ==, "Socialnämnden");
    g_assert_cmpstr (json_object_get_string_member (first, "item_number"), ==, "1");
    g_assert_cmpstr (json_object_get_string_member (first, "item_title"), ==, "Äldreomsorg");
    g_assert_true (json_object_get_null_member (first, "attachment_number"));
    g_assert_cmpstr (json_object_get_string_member (first, "snippet"), ==,
                     "Äldreomsorg Äldreomsorg äldreomsorg äldreomsorg i kommunen.");
    /* Ranges in characters: the second "Äldreomsorg" starts at character 12 (byte 13). */
    highlights = json_object_get_array_member (first, "highlights");
    g_assert_cmpuint (json_array_get_length (highlights), ==, 4);
    range = json_array_get_array_element (highlights, 1);
    g_assert_cmpint (json_array_get_int_element (range, 0), ==, 12);
    g_assert_cmpint (json_array_get_int_element (range, 1), ==, 11);
    g_assert_cmpfloat (json_object_get_double_member (first, "rank"), <, 0);
    title = json_array_get_object_element (array, 1);
    g_assert_cmpstr (json_object_get_string_member (title, "kind"), ==, "meeting");
    g_assert_true (json_object_get_null_member (title, "item_number"));
    g_assert_cmpint (json_object_get_int_member (title, "id"), ==, fixture->sn);
  }
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "search", "äldreomsorg", "--limit", "1", "--json", NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
    g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 1);
  }
  {
    /* "--" ends the options, so a query may start with "-"; it is still the word. */
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "search", "--", "-far", NULL);
    g_auto(PkTestCliResult) quotes = pk_test_run_cli ("--db", fixture->path, "search", "\"min far", "NEAR(", ")", NULL);
    g_auto(PkTestCliResult) none = pk_test_run_cli ("--db", fixture->path, "search", "()", NULL);
    g_auto(PkTestCliResult) empty = pk_test_run_cli ("--db", fixture->path, "search", "zzzordfinnsinte", "--json", NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Min [far] åker"));
    g_assert_cmpint (quotes.status, ==, 0);
    g_assert_cmpstr (quotes.out, ==, "");
    g_assert_cmpint (none.status, ==, 0);
    g_assert_cmpstr (none.out, ==, "");
    g_assert_nonnull (strstr (none.err, "No hits"));
    g_assert_cmpint (empty.status, ==, 0);
    g_assert_cmpstr (g_strstrip (empty.out), ==, "[]");
  }
  {
    g_auto(PkTestCliResult) blank = pk_test_run_cli ("--db", fixture->path, "search", "  ", NULL);
    g_auto(PkTestCliResult) missing = pk_test_run_cli ("--db", fixture->path, "search", NULL);
    g_auto(PkTestCliResult) bad_limit = pk_test_run_cli ("--db", fixture->path, "search", "far", "--limit", "0", NULL);
    g_auto(PkTestCliResult) no_limit = pk_test_run_cli ("--db", fixture->path, "search", "far", "--limit", NULL);
    g_auto(PkTestCliResult) latin1 = pk_test_run_cli ("--db", fixture->path, "search", "f\xe5r", NULL);

    g_assert_cmpint (blank.status, ==, 2);
    g_assert_nonnull (strstr (blank.err, "at least one word"));
    g_assert_cmpstr (blank.out, ==, "");
    g_assert_cmpint (missing.status, ==, 2);
    g_assert_cmpint (bad_limit.status, ==, 2);
    g_assert_cmpint (no_limit.status, ==, 2);
    g_assert_cmpint (latin1.status, ==, 1);
    g_assert_nonnull (strstr (latin1.err, "UTF-8"));
    g_assert_cmpstr (latin1.out, ==, "");
  }
}

static void
test_cli_corrupt_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  add_fixture_meetings (fixture);
  g_clear_object (&fixture->db);
  pk_test_sql (fixture->path, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (fixture->path, contents, length / 2 + 7, NULL));
  before = pk_test_file_checksum (fixture->path);
  {
    g_auto(PkTestCliResult) r = pk_test_run_cli ("--db", fixture->path, "search", "far", NULL);
    g_assert_cmpint (r.status, ==, 3);
    g_assert_nonnull (strstr (r.err, fixture->path));
    g_assert_cmpstr (r.out, ==, "");
  }
  after = pk_test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/build-query", test_build_query);
  ADD ("/search/diacritics", test_diacritics);
  ADD ("/search/ranking", test_ranking);
  ADD ("/search/where", test_where);
  ADD ("/search/numbering-follows-moves", test_numbering_follows_moves);
  ADD ("/search/attachment-text", test_attachment_text);
  ADD ("/search/hostile-queries", test_hostile_queries);
  ADD ("/search/cli", test_cli);
  ADD ("/search/cli-corrupt-database", test_cli_corrupt_database);

  return g_test_run ();
}
