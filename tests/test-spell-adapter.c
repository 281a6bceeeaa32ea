/* test-spell-adapter.c: PkSpellAdapter on a real GtkTextView under Xvfb, with hunspell-sv. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "pk-spell-adapter.h"
#include "pk-test-util.h"

static char *xdg_data_home;

typedef struct
{
  GtkWindow *window;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  PkSpellAdapter *adapter;
} Fixture;

static gboolean
checked (gpointer data)
{
  Fixture *fixture = data;

  return !pk_spell_adapter_get_busy (fixture->adapter);
}

static void
wait_checked (Fixture *fixture)
{
  /* busy goes up only once an edit is seen; give the debounce a moment to start. */
  pk_test_wait_ms (20);
  pk_test_wait_until (checked, fixture);
}

/* Like wait_checked(), and tells how long the longest main loop iteration took, in µs. */
static gint64
wait_checked_longest (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 longest = 0;
  gint64 settle = g_get_monotonic_time () + 20 * 1000;

  while (g_get_monotonic_time () < settle || pk_spell_adapter_get_busy (fixture->adapter))
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, g_get_monotonic_time () - before);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (500);
    }
  return longest;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 640, 400);
  fixture->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (fixture->view, GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->view));
  gtk_window_set_child (fixture->window, scrolled);
  fixture->buffer = gtk_text_view_get_buffer (fixture->view);
  fixture->adapter = pk_spell_adapter_new (fixture->view);
  gtk_window_present (fixture->window);
  wait_checked (fixture);
  g_assert_true (pk_spell_adapter_get_available (fixture->adapter));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->adapter);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  pk_test_wait_ms (20);
}

/* Types @text at the end as a user would: through the buffer at the cursor, a piece at a time. */
static void
type_text (Fixture    *fixture,
           const char *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (fixture->buffer, &end);
  gtk_text_buffer_place_cursor (fixture->buffer, &end);
  for (const char *p = text; *p; )
    {
      const char *next = g_utf8_next_char (p);

      gtk_text_buffer_insert_interactive_at_cursor (fixture->buffer, p, next - p, TRUE);
      p = next;
      if (g_random_int_range (0, 8) == 0)
        g_main_context_iteration (NULL, FALSE);
    }
}

/* The underlined words, "a|b|c". */
static char *
underlined (Fixture *fixture)
{
  GtkTextTag *tag = pk_spell_adapter_get_tag (fixture->adapter);
  GString *words = g_string_new (NULL);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (fixture->buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter end = iter;
      g_autofree char *word = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      word = gtk_text_iter_get_slice (&iter, &end);
      if (words->len > 0)
        g_string_append_c (words, '|');
      g_string_append (words, word);
      iter = end;
    }
  return g_string_free (words, FALSE);
}

/* TRUE when exactly the characters of the first @word after @after carry the tag. */
static void
assert_word_underlined (Fixture    *fixture,
                        const char *word,
                        gboolean    expected)
{
  GtkTextTag *tag = pk_spell_adapter_get_tag (fixture->adapter);
  GtkTextIter start, match_start, match_end, before, after;

  gtk_text_buffer_get_start_iter (fixture->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, GTK_TEXT_SEARCH_TEXT_ONLY, &match_start,
                                               &match_end, NULL));
  for (GtkTextIter i = match_start; gtk_text_iter_compare (&i, &match_end) < 0; gtk_text_iter_forward_char (&i))
    g_assert_cmpint (gtk_text_iter_has_tag (&i, tag), ==, expected);
  if (!expected)
    return;
  g_assert_true (gtk_text_iter_starts_tag (&match_start, tag));
  g_assert_true (gtk_text_iter_ends_tag (&match_end, tag));
  before = match_start;
  if (gtk_text_iter_backward_char (&before))
    g_assert_false (gtk_text_iter_has_tag (&before, tag));
  after = match_end;
  g_assert_false (gtk_text_iter_has_tag (&after, tag));
}

static void
place_cursor_in (Fixture    *fixture,
                 const char *word,
                 int         offset)
{
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (fixture->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, GTK_TEXT_SEARCH_TEXT_ONLY, &match_start,
                                               &match_end, NULL));
  gtk_text_iter_forward_chars (&match_start, offset);
  gtk_text_buffer_place_cursor (fixture->buffer, &match_start);
}

static GMenuModel *
corrections_section (Fixture *fixture)
{
  GMenuModel *menu = pk_spell_adapter_get_menu_model (fixture->adapter);

  return g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
}

static gboolean
has_suggestions (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GMenuModel) section = corrections_section (fixture);
  g_autofree char *action = NULL;

  return g_menu_model_get_n_items (section) > 0 &&
         g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
         g_strcmp0 (action, "spelling.correct") == 0;
}

static char *
buffer_text (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  return gtk_text_buffer_get_text (fixture->buffer, &start, &end, TRUE);
}

static const char *minutes =
  "## § 14 Budget\n"
  "\n"
  "- **Beslutsunderlag:** ett protokol från förra sammanträdet.\n"
  "- Dnr KS 2026/123, se https://kommun.se/beslutt.pdf och OSL 21 kap.\n"
  "Justerare: Åsa Öberg, tjänstgörande ersättare.\n";

static void
test_underlines_misspelt (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *words = NULL;

  type_text (fixture, minutes);
  gtk_text_buffer_set_modified (fixture->buffer, FALSE);
  wait_checked (fixture);

  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "protokol");
  assert_word_underlined (fixture, "protokol", TRUE);
  assert_word_underlined (fixture, "beslutt", FALSE);
  /* Underlining is not an edit. */
  g_assert_false (gtk_text_buffer_get_modified (fixture->buffer));
}

static void
test_undo_untouched (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;

  gtk_text_buffer_insert_interactive_at_cursor (fixture->buffer, "Ett protokol från mötet.\n", -1, TRUE);
  wait_checked (fixture);
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "protokol");
  /* One undo takes the typing away: underlining left no step of its own in the history. */
  gtk_text_buffer_undo (fixture->buffer);
  text = buffer_text (fixture);
  g_assert_cmpstr (text, ==, "");
  g_assert_false (gtk_text_buffer_get_can_undo (fixture->buffer));
}

typedef struct
{
  GtkTextTag *tag;
  int min_line;
  int max_line;
} TagLog;

static void
on_remove_tag (GtkTextBuffer *buffer,
               GtkTextTag    *tag,
               GtkTextIter   *start,
               GtkTextIter   *end,
               TagLog        *log)
{
  if (tag != log->tag)
    return;
  log->min_line = MIN (log->min_line, gtk_text_iter_get_line (start));
  log->max_line = MAX (log->max_line, gtk_text_iter_get_line (end));
}

static void
test_only_edited_lines (Fixture       *fixture,
                        gconstpointer  data)
{
  TagLog log = { pk_spell_adapter_get_tag (fixture->adapter), G_MAXINT, -1 };
  g_autofree char *words = NULL;
  GtkTextIter iter;
  gulong handler;

  type_text (fixture, minutes);
  wait_checked (fixture);

  /* A new misspelling typed into line 4 (0-based): only that line is checked again. */
  handler = g_signal_connect (fixture->buffer, "remove-tag", G_CALLBACK (on_remove_tag), &log);
  gtk_text_buffer_get_iter_at_line (fixture->buffer, &iter, 4);
  gtk_text_buffer_place_cursor (fixture->buffer, &iter);
  gtk_text_buffer_insert_interactive_at_cursor (fixture->buffer, "Nästa sammantrade ", -1, TRUE);
  wait_checked (fixture);
  g_signal_handler_disconnect (fixture->buffer, handler);

  g_assert_cmpint (log.min_line, ==, 4);
  g_assert_cmpint (log.max_line, <=, 5);
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "protokol|sammantrade");
  assert_word_underlined (fixture, "sammantrade", TRUE);

  /* Fixing a word by deleting a letter takes its underline away. */
  place_cursor_in (fixture, "sammantrade", 0);
  gtk_text_buffer_get_iter_at_mark (fixture->buffer, &iter, gtk_text_buffer_get_insert (fixture->buffer));
  {
    GtkTextIter a = iter, b;

    gtk_text_iter_forward_chars (&a, strlen ("samman"));
    b = a;
    gtk_text_iter_forward_chars (&b, 3);
    gtk_text_buffer_delete (fixture->buffer, &a, &b);
    gtk_text_buffer_insert (fixture->buffer, &a, "träd", -1);
  }
  wait_checked (fixture);
  g_free (words);
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "protokol");
}

static void
test_apply_suggestion (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GMenuModel) section = NULL;
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  gboolean found = FALSE;

  type_text (fixture, minutes);
  wait_checked (fixture);

  /* A correct word offers nothing. */
  place_cursor_in (fixture, "sammanträdet", 3);
  pk_spell_adapter_update_corrections (fixture->adapter);
  g_assert_null (pk_spell_adapter_get_word (fixture->adapter));
  g_assert_false (g_action_group_get_action_enabled (
    G_ACTION_GROUP (pk_spell_adapter_get_action_group (fixture->adapter)), "add"));

  place_cursor_in (fixture, "protokol", 4);
  pk_spell_adapter_update_corrections (fixture->adapter);
  g_assert_cmpstr (pk_spell_adapter_get_word (fixture->adapter), ==, "protokol");
  pk_test_wait_until (has_suggestions, fixture);

  section = corrections_section (fixture);
  g_assert_cmpint (g_menu_model_get_n_items (section), <=, 5);
  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET,
                                                                         G_VARIANT_TYPE_STRING);
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_cmpstr (label, ==, g_variant_get_string (target, NULL));
      found = found || g_strcmp0 (label, "protokoll") == 0;
    }
  g_assert_true (found);

  /* As the menu item does it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spelling.correct", "s", "protokoll"));
  text = buffer_text (fixture);
  g_assert_nonnull (strstr (text, "ett protokoll från förra"));
  g_assert_null (strstr (text, "protokol "));
  wait_checked (fixture);
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "");
}

static void
test_add_to_dictionary (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (xdg_data_home, "protokoll", "words-sv_SE.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *words = NULL;
  gint64 longest;

  type_text (fixture, "Ljuderkansliet har ordet. Sedan Ljuderkansliet igen och ett protokol.\n");
  wait_checked (fixture);
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "Ljuderkansliet|Ljuderkansliet|protokol");

  place_cursor_in (fixture, "Ljuderkansliet", 2);
  pk_spell_adapter_update_corrections (fixture->adapter);
  g_assert_cmpstr (pk_spell_adapter_get_word (fixture->adapter), ==, "Ljuderkansliet");
  /* At once, while the suggestion thread still holds the dictionary: rechecking waits for it
   * instead of blocking the main loop on it. */
  pk_test_wait_ms (15);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spelling.add", NULL));
  longest = wait_checked_longest (fixture);
  g_test_message ("longest main loop iteration after Add: %" G_GINT64_FORMAT " µs", longest);
  g_assert_cmpint (longest, <, 40 * 1000);
  g_free (words);
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "protokol");

  /* Saved on a thread: the file has it once the thread is done. */
  pk_test_wait_ms (200);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Ljuderkansliet\n"));
}

static void
test_ignore (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *words = NULL;
  g_autofree char *path = g_build_filename (xdg_data_home, "protokoll", "words-sv_SE.txt", NULL);
  g_autofree char *contents = NULL;

  type_text (fixture, "Qvarnströmsutredningen och protokol.\n");
  wait_checked (fixture);
  place_cursor_in (fixture, "Qvarnströmsutredningen", 0);
  pk_spell_adapter_update_corrections (fixture->adapter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spelling.ignore", NULL));
  wait_checked (fixture);
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "protokol");
  if (g_file_get_contents (path, &contents, NULL, NULL))
    g_assert_null (strstr (contents, "Qvarnströmsutredningen"));
}

static void
test_enable_disable (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *on = NULL;
  g_autofree char *off = NULL;
  g_autofree char *again = NULL;
  GActionGroup *actions = G_ACTION_GROUP (pk_spell_adapter_get_action_group (fixture->adapter));
  g_autoptr(GVariant) state = NULL;

  type_text (fixture, minutes);
  wait_checked (fixture);
  on = underlined (fixture);
  g_assert_cmpstr (on, ==, "protokol");

  pk_spell_adapter_set_enabled (fixture->adapter, FALSE);
  wait_checked (fixture);
  off = underlined (fixture);
  g_assert_cmpstr (off, ==, "");
  state = g_action_group_get_action_state (actions, "enabled");
  g_assert_false (g_variant_get_boolean (state));
  /* Typing while it is off underlines nothing. */
  type_text (fixture, "Ännu ett beslutt.\n");
  pk_test_wait_ms (300);
  g_free (off);
  off = underlined (fixture);
  g_assert_cmpstr (off, ==, "");

  /* The menu's check item toggles it back. */
  g_action_group_activate_action (actions, "enabled", NULL);
  g_assert_true (pk_spell_adapter_get_enabled (fixture->adapter));
  wait_checked (fixture);
  again = underlined (fixture);
  g_assert_cmpstr (again, ==, "protokol|beslutt");
}

static void
test_missing_language (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GMenuModel) section = NULL;
  g_autofree char *label = NULL;
  g_autofree char *words = NULL;
  g_autofree char *none = NULL;

  type_text (fixture, minutes);
  wait_checked (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spelling.language", "s", "xx_YY"));
  g_assert_cmpstr (pk_spell_adapter_get_language (fixture->adapter), ==, "xx_YY");
  wait_checked (fixture);
  g_assert_false (pk_spell_adapter_get_available (fixture->adapter));
  g_assert_null (pk_spell_adapter_get_checker (fixture->adapter));
  none = underlined (fixture);
  g_assert_cmpstr (none, ==, "");
  section = corrections_section (fixture);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "No dictionary for xx_YY");
  /* Typing and the menu keep working without one. */
  type_text (fixture, "Mer text utan kontroll, beslutt.\n");
  place_cursor_in (fixture, "beslutt", 1);
  pk_spell_adapter_update_corrections (fixture->adapter);
  g_assert_null (pk_spell_adapter_get_word (fixture->adapter));

  type_text (fixture, "");
  pk_spell_adapter_set_language (fixture->adapter, "sv_SE");
  wait_checked (fixture);
  g_assert_true (pk_spell_adapter_get_available (fixture->adapter));
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "protokol|beslutt");
}

static void
test_word_being_typed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *typing = NULL;
  g_autofree char *left = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  pk_test_wait_ms (50);
  if (!gtk_widget_has_focus (GTK_WIDGET (fixture->view)))
    {
      g_test_skip ("the text view did not get the focus under this X server");
      return;
    }
  type_text (fixture, "Ett protokol");
  wait_checked (fixture);
  typing = underlined (fixture);
  g_assert_cmpstr (typing, ==, "");

  /* The cursor leaves the word: now it is underlined. */
  type_text (fixture, " till");
  pk_test_wait_ms (150);
  wait_checked (fixture);
  left = underlined (fixture);
  g_assert_cmpstr (left, ==, "protokol");
}

static void
test_long_text_in_slices (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *words = NULL;
  gint64 longest = 0, start, total;
  guint n_underlined = 0;
  char **split;

  for (int i = 0; i < 3000; i++)
    g_string_append_printf (text, "- § %d Beslutsunderlaget för ärendet togs upp av ordföranden %s och "
                            "nämnden beslutade enligt förslaget.\n", i, i % 100 == 0 ? "protokol" : "idag");
  gtk_text_buffer_set_text (fixture->buffer, text->str, -1);

  start = g_get_monotonic_time ();
  pk_test_wait_ms (20);
  while (pk_spell_adapter_get_busy (fixture->adapter))
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, g_get_monotonic_time () - before);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
    }
  total = g_get_monotonic_time () - start;
  words = underlined (fixture);
  split = g_strsplit (words, "|", -1);
  n_underlined = g_strv_length (split);
  g_strfreev (split);
  g_test_message ("3000 lines checked in %" G_GINT64_FORMAT " ms; longest main loop iteration %"
                  G_GINT64_FORMAT " ms", total / 1000, longest / 1000);
  g_assert_cmpuint (n_underlined, ==, 30);
  /* Frames keep coming while it checks. */
  g_assert_cmpint (longest, <, 50 * 1000);
}

static void
test_menu_and_detach (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());
  g_autoptr(GMenu) own = g_menu_new ();
  g_autoptr(GtkTextTagTable) table = NULL;
  PkSpellAdapter *adapter;
  GMenuModel *extra;
  int tags_before;

  g_object_ref_sink (view);
  g_menu_append (own, "Eget", "win.own");
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (own));
  table = g_object_ref (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view)));
  tags_before = gtk_text_tag_table_get_size (table);

  adapter = pk_spell_adapter_new (view);
  extra = gtk_text_view_get_extra_menu (view);
  g_assert_true (extra != G_MENU_MODEL (own));
  /* The owner's section first, then the three of spelling: suggestions, add/ignore, settings. */
  g_assert_cmpint (g_menu_model_get_n_items (extra), ==, 4);
  {
    g_autoptr(GMenuModel) first = g_menu_model_get_item_link (extra, 0, G_MENU_LINK_SECTION);
    GMenuModel *menu = pk_spell_adapter_get_menu_model (adapter);

    g_assert_true (first == G_MENU_MODEL (own));
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
    for (int i = 0; i < 3; i++)
      {
        g_autoptr(GMenuModel) ours = g_menu_model_get_item_link (extra, i + 1, G_MENU_LINK_SECTION);
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

        g_assert_true (ours == section);
      }
  }
  /* "spelling.none" is always there, and always disabled. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spelling.none", NULL));
  g_assert_cmpint (gtk_text_tag_table_get_size (table), ==, tags_before + 2);

  /* A menu the owner sets later keeps spelling after it. */
  {
    g_autoptr(GMenu) later = g_menu_new ();
    g_autoptr(GMenuModel) first = NULL;

    g_menu_append (later, "Senare", "win.later");
    gtk_text_view_set_extra_menu (view, G_MENU_MODEL (later));
    extra = gtk_text_view_get_extra_menu (view);
    g_assert_cmpint (g_menu_model_get_n_items (extra), ==, 4);
    first = g_menu_model_get_item_link (extra, 0, G_MENU_LINK_SECTION);
    g_assert_true (first == G_MENU_MODEL (later));
    gtk_text_view_set_extra_menu (view, G_MENU_MODEL (own));
  }

  /* Gone without a trace. */
  g_object_unref (adapter);
  g_assert_true (gtk_text_view_get_extra_menu (view) == G_MENU_MODEL (own));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "spelling.none", NULL));
  g_assert_cmpint (gtk_text_tag_table_get_size (table), ==, tags_before);

  /* And the view may go first. */
  adapter = pk_spell_adapter_new (view);
  g_object_unref (view);
  g_assert_null (pk_spell_adapter_get_view (adapter));
  g_object_unref (adapter);
}

static void
test_buffer_replaced (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GtkTextBuffer) other = gtk_text_buffer_new (NULL);
  g_autofree char *words = NULL;

  gtk_text_buffer_set_text (other, "Ett annat ärende med ett sammantrade.\n", -1);
  gtk_text_view_set_buffer (fixture->view, other);
  fixture->buffer = other;
  wait_checked (fixture);
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "sammantrade");
}


static void
test_language_menu (Fixture       *fixture,
                    gconstpointer  data)
{
  GMenuModel *menu = pk_spell_adapter_get_menu_model (fixture->adapter);
  g_autoptr(GMenuModel) settings = g_menu_model_get_item_link (menu, 2, G_MENU_LINK_SECTION);
  g_autoptr(GMenuModel) languages = NULL;
  GActionGroup *actions = pk_spell_adapter_get_action_group (fixture->adapter);
  g_autoptr(GVariant) state = NULL;
  g_autofree char *words = NULL;
  gboolean swedish = FALSE;

  g_assert_cmpint (g_menu_model_get_n_items (settings), ==, 2);
  languages = g_menu_model_get_item_link (settings, 1, G_MENU_LINK_SUBMENU);
  g_assert_nonnull (languages);
  for (int i = 0; i < g_menu_model_get_n_items (languages); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (languages, i, G_MENU_ATTRIBUTE_TARGET,
                                                                         G_VARIANT_TYPE_STRING);

      g_assert_true (g_menu_model_get_item_attribute (languages, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_true (g_menu_model_get_item_attribute (languages, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (action, ==, "spelling.language");
      if (g_strcmp0 (g_variant_get_string (target, NULL), "sv_SE") == 0)
        {
          g_assert_cmpstr (label, ==, "Swedish (Sweden)");
          swedish = TRUE;
        }
    }
  g_assert_true (swedish);
  state = g_action_group_get_action_state (actions, "language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "sv_SE");

  /* Another installed language, as its menu item does it: the text is checked again with it. */
  type_text (fixture, "Ett protokol.\n");
  wait_checked (fixture);
  g_action_group_activate_action (actions, "language", g_variant_new_string ("sv_FI"));
  g_assert_cmpstr (pk_spell_adapter_get_language (fixture->adapter), ==, "sv_FI");
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (actions, "language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "sv_FI");
  wait_checked (fixture);
  g_assert_true (pk_spell_adapter_get_available (fixture->adapter));
  g_assert_cmpstr (pk_spell_checker_get_language (pk_spell_adapter_get_checker (fixture->adapter)), ==, "sv_FI");
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "protokol");
}


static void
on_save_failed (PkSpellAdapter *adapter,
                const char     *message,
                char          **slot)
{
  *slot = g_strdup (message);
}

static gboolean
got_message (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_save_failed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (xdg_data_home, "protokoll", "words-sv_SE.txt", NULL);
  g_autofree char *moved = g_strconcat (path, ".moved", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *message = NULL;
  g_autofree char *words = NULL;
  gboolean had_file;

  /* A folder where the word list should be: the write fails. */
  g_mkdir_with_parents (dir, 0700);
  had_file = g_file_test (path, G_FILE_TEST_EXISTS);
  if (had_file)
    g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  g_signal_connect (fixture->adapter, "save-failed", G_CALLBACK (on_save_failed), &message);
  type_text (fixture, "Braåsmodellen nämndes, Tolgsprojektett också.\n");
  wait_checked (fixture);
  place_cursor_in (fixture, "Tolgsprojektett", 3);
  pk_spell_adapter_update_corrections (fixture->adapter);
  g_assert_cmpstr (pk_spell_adapter_get_word (fixture->adapter), ==, "Tolgsprojektett");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spelling.add", NULL));
  pk_test_wait_until (got_message, &message);
  g_test_message ("save-failed: %s", message);
  g_assert_true (g_str_has_prefix (message, "The word was not saved in the dictionary: "));
  /* Still accepted while the app runs. */
  wait_checked (fixture);
  words = underlined (fixture);
  g_assert_cmpstr (words, ==, "");

  g_assert_cmpint (g_rmdir (path), ==, 0);
  if (had_file)
    g_assert_cmpint (g_rename (moved, path), ==, 0);
}


static void
test_skip_tag (Fixture       *fixture,
               gconstpointer  data)
{
  GtkTextTag *code = gtk_text_buffer_create_tag (fixture->buffer, "code", "family", "monospace", NULL);
  GtkTextIter start, match_start, match_end;
  g_autofree char *before = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *untagged = NULL;

  type_text (fixture, "Kör qzxkommando och ett protokol.\n");
  wait_checked (fixture);
  before = underlined (fixture);
  g_assert_cmpstr (before, ==, "qzxkommando|protokol");

  /* The owner marks code: not checked. */
  pk_spell_adapter_set_skip_tag (fixture->adapter, code);
  gtk_text_buffer_get_start_iter (fixture->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "qzxkommando", GTK_TEXT_SEARCH_TEXT_ONLY,
                                               &match_start, &match_end, NULL));
  gtk_text_buffer_apply_tag (fixture->buffer, code, &match_start, &match_end);
  wait_checked (fixture);
  skipped = underlined (fixture);
  g_assert_cmpstr (skipped, ==, "protokol");

  /* And no longer code: checked again. */
  gtk_text_buffer_get_start_iter (fixture->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "qzxkommando", GTK_TEXT_SEARCH_TEXT_ONLY,
                                               &match_start, &match_end, NULL));
  gtk_text_buffer_remove_tag (fixture->buffer, code, &match_start, &match_end);
  wait_checked (fixture);
  untagged = underlined (fixture);
  g_assert_cmpstr (untagged, ==, "qzxkommando|protokol");
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  int status;

  xdg_data_home = pk_test_dir_new ();
  g_setenv ("XDG_DATA_HOME", xdg_data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);

  ADD ("/spell-adapter/underlines-misspelt", test_underlines_misspelt);
  ADD ("/spell-adapter/undo-untouched", test_undo_untouched);
  ADD ("/spell-adapter/only-edited-lines", test_only_edited_lines);
  ADD ("/spell-adapter/apply-suggestion", test_apply_suggestion);
  ADD ("/spell-adapter/add-to-dictionary", test_add_to_dictionary);
  ADD ("/spell-adapter/ignore", test_ignore);
  ADD ("/spell-adapter/enable-disable", test_enable_disable);
  ADD ("/spell-adapter/missing-language", test_missing_language);
  ADD ("/spell-adapter/word-being-typed", test_word_being_typed);
  ADD ("/spell-adapter/long-text-in-slices", test_long_text_in_slices);
  ADD ("/spell-adapter/menu-and-detach", test_menu_and_detach);
  ADD ("/spell-adapter/buffer-replaced", test_buffer_replaced);
  ADD ("/spell-adapter/language-menu", test_language_menu);
  ADD ("/spell-adapter/save-failed", test_save_failed);
  ADD ("/spell-adapter/skip-tag", test_skip_tag);

  status = g_test_run ();
  pk_test_dir_free (xdg_data_home);
  return status;
}
