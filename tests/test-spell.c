/* test-spell.c: PkSpellChecker over the real hunspell-sv dictionary, on Markdown minutes. */
#include "config.h"

#include <enchant.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pk-test-util.h"
#include "protokoll-core.h"

static char *xdg_data_home;

static PkSpellChecker *
new_swedish (void)
{
  g_autoptr(GError) error = NULL;
  PkSpellChecker *checker = pk_spell_checker_new ("sv_SE", &error);

  g_assert_no_error (error);
  g_assert_nonnull (checker);
  return checker;
}

static void
assert_strv_contains (char       **strv,
                      const char  *word)
{
  g_autofree char *joined = g_strjoinv (", ", strv);

  if (!g_strv_contains ((const char * const *) strv, word))
    g_error ("“%s” not among: %s", word, joined);
}

static void
test_list_languages (void)
{
  g_auto(GStrv) languages = pk_spell_checker_list_languages ();

  g_assert_nonnull (languages);
  assert_strv_contains (languages, "sv_SE");
  for (guint i = 1; languages[i] != NULL; i++)
    g_assert_cmpstr (languages[i - 1], <, languages[i]);
}

static void
test_meeting_terms_accepted (void)
{
  static const char * const terms[] = {
    "beslutsunderlag", "protokollsanteckning", "justerare", "föredragningslista",
    "tjänstgörande", "bordläggning", "återremiss", "minnesanteckningar", "brukarrepresentant",
    "ersättare", "justerandes", "Dnr", "tillgänglighetsrådet", "funktionsrättsråd", "Teamsmöte",
    "Beslutsunderlag", "Justerandes", "Protokollsanteckningar", "sammanträde", "ledamöter",
    NULL
  };
  g_autoptr(PkSpellChecker) checker = new_swedish ();
  const char * const *builtin = pk_spell_checker_get_builtin_words ();

  for (guint i = 0; terms[i] != NULL; i++)
    if (!pk_spell_checker_check_word (checker, terms[i], -1))
      g_error ("“%s” was not accepted", terms[i]);
  for (guint i = 0; builtin[i] != NULL; i++)
    g_assert_true (pk_spell_checker_check_word (checker, builtin[i], -1));
  g_assert_false (pk_spell_checker_check_word (checker, "beslutt", -1));
  g_assert_false (pk_spell_checker_check_word (checker, "protokol", -1));
}

/* The built-in list holds only words hunspell-sv itself rejects: otherwise it is dead weight. */
static void
test_builtin_words_needed (void)
{
  EnchantBroker *broker = enchant_broker_init ();
  EnchantDict *dict = enchant_broker_request_dict (broker, "sv_SE");
  const char * const *builtin = pk_spell_checker_get_builtin_words ();

  g_assert_nonnull (dict);
  g_assert_nonnull (builtin[0]);
  for (guint i = 0; builtin[i] != NULL; i++)
    if (enchant_dict_check (dict, builtin[i], -1) == 0)
      g_error ("hunspell-sv already knows “%s”", builtin[i]);
  enchant_broker_free_dict (broker, dict);
  enchant_broker_free (broker);
}

static void
assert_ranges (const char  *text,
               GArray      *ranges,
               const char **expected)
{
  guint n = g_strv_length ((char **) expected);
  const char *from = text;

  for (guint i = 0; i < ranges->len; i++)
    {
      PkSpellRange *range = &g_array_index (ranges, PkSpellRange, i);
      g_autofree char *word = g_strndup (text + range->start, range->end - range->start);

      g_test_message ("misspelt: “%s” at %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT,
                      word, range->start, range->end);
    }
  g_assert_cmpuint (ranges->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      PkSpellRange *range = &g_array_index (ranges, PkSpellRange, i);
      const char *at = strstr (from, expected[i]);

      g_assert_nonnull (at);
      g_assert_cmpuint (range->start, ==, (gsize) (at - text));
      g_assert_cmpuint (range->end, ==, (gsize) (at - text) + strlen (expected[i]));
      from = at + strlen (expected[i]);
    }
}

static void
test_misspelt_in_markdown (void)
{
  /* "sammanträdde" and "Beslutt" sit inside emphasis and after § and list markers. */
  const char *text =
    "## § 14 Beslutt om budget\n"
    "\n"
    "- **Beslutsunderlag:** ett protokol från förra *sammantrade*.\n"
    "1. Ärendet återremitteras, se [underlaget](https://example.se/beslutt_protokol.pdf).\n"
    "> Justerare: Anna Öberg och Åke Ärlig-Lindqvist\n";
  const char *expected[] = { "Beslutt", "protokol", "sammantrade", NULL };
  g_autoptr(PkSpellChecker) checker = new_swedish ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = pk_spell_checker_find_misspellings (checker, text, -1, &error);

  g_assert_no_error (error);
  assert_ranges (text, ranges, expected);
}

static void
test_markdown_not_flagged (void)
{
  const char *text =
    "# Protokoll\n"
    "**Dnr** KS 2026/123 och dnr SN 2025.45; OSL 21 kap. 7 §, § 14 och §§ 3–5.\n"
    "* Tid: 09:00–11:30, 2026-03-10, kl. 13.15, 3e punkten, 10st, 2:a ärendet\n"
    "+ Länkar: https://www.kommun.se/protokoll/2026?id=qzx&lang=sv <www.exempel.se/qqq> "
    "[handlingar](ftp://arkiv.kommun.se/qwpx) och mejla nämnd.sekreterare@kommun.se\n"
    "- `qwzx --flagga` KS:s och SKR:s beslut, KS-beslut, e-post, bl.a. t.ex. resp. m.m.\n"
    "- a) b) c) _ordförande_ ___ --- *** &nbsp; &#167; å ä ö\n"
    "- Handlingar på vaxjo.se/qqzx och lessebo.se, i kallelse_qzx.pdf och Qwrtybilaga.docx.\n"
    "| Ledamot | Ersättare |\n"
    "|---|---|\n";
  g_autoptr(PkSpellChecker) checker = new_swedish ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = pk_spell_checker_find_misspellings (checker, text, -1, &error);
  const char *none[] = { NULL };

  g_assert_no_error (error);
  assert_ranges (text, ranges, none);
}

static void
test_words_and_hyphens (void)
{
  const char *text = "Kommun-beslutt togs. Förslagt avslås. Brukarrepresentant-gruppen, "
                     "och/elller, slutet av meningen protokol.";
  const char *expected[] = { "Kommun-beslutt", "Förslagt", "elller", "protokol", NULL };
  g_autoptr(PkSpellChecker) checker = new_swedish ();
  g_autoptr(GArray) ranges = pk_spell_checker_find_misspellings (checker, text, -1, NULL);
  PkSpellRange word;
  gsize pos = 0;
  const char *words = "Öppnande, av mötet: ÅÄÖ-frågan";

  assert_ranges (text, ranges, expected);

  /* The tokenizer itself: å, ä and ö are letters, ALLCAPS parts are words of a compound. */
  g_assert_true (pk_spell_next_word (words, strlen (words), &pos, &word));
  g_assert_cmpuint (word.start, ==, 0);
  g_assert_cmpuint (word.end, ==, strlen ("Öppnande"));
  g_assert_true (pk_spell_next_word (words, strlen (words), &pos, &word));
  g_assert_cmpuint (word.start, ==, strlen ("Öppnande, "));
  g_assert_cmpuint (word.end, ==, strlen ("Öppnande, av"));
  g_assert_true (pk_spell_next_word (words, strlen (words), &pos, &word));
  g_assert_true (pk_spell_next_word (words, strlen (words), &pos, &word));
  g_assert_cmpuint (word.start, ==, strlen ("Öppnande, av mötet: "));
  g_assert_cmpuint (word.end, ==, strlen (words));
  g_assert_false (pk_spell_next_word (words, strlen (words), &pos, &word));
  g_assert_cmpuint (pos, ==, strlen (words));
}

static void
test_suggestions (void)
{
  g_autoptr(PkSpellChecker) checker = new_swedish ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) protokol = pk_spell_checker_get_suggestions (checker, "protokol", -1, 0, &error);
  g_auto(GStrv) beslutt = NULL;
  g_auto(GStrv) sammantrade = NULL;

  g_assert_no_error (error);
  assert_strv_contains (protokol, "protokoll");
  g_assert_cmpstr (protokol[0], ==, "protokoll");
  beslutt = pk_spell_checker_get_suggestions (checker, "beslutt", -1, 0, &error);
  g_assert_no_error (error);
  assert_strv_contains (beslutt, "beslut");
  g_assert_cmpuint (g_strv_length (beslutt), <=, PK_SPELL_MAX_SUGGESTIONS);
  sammantrade = pk_spell_checker_get_suggestions (checker, "sammantrade", -1, 2, &error);
  g_assert_no_error (error);
  assert_strv_contains (sammantrade, "sammanträde");
  g_assert_cmpuint (g_strv_length (sammantrade), <=, 2);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (void)
{
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) suggested = NULL;
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PkSpellChecker) checker = NULL;
  g_autoptr(PkSpellChecker) none = NULL;
  g_auto(GStrv) suggestions = NULL;

  pk_spell_checker_new_async (NULL, NULL, got_result, &created);
  checker = pk_spell_checker_new_finish (wait_for_result (&created), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pk_spell_checker_get_language (checker), ==, PK_SPELL_DEFAULT_LANGUAGE);

  pk_spell_checker_get_suggestions_async (checker, "protokol", 0, NULL, got_result, &suggested);
  /* The main thread keeps checking while the thread suggests. */
  g_assert_true (pk_spell_checker_check_word (checker, "beslutsunderlag", -1));
  suggestions = pk_spell_checker_get_suggestions_finish (checker, wait_for_result (&suggested), &error);
  g_assert_no_error (error);
  assert_strv_contains (suggestions, "protokoll");

  pk_spell_checker_new_async ("xx_YY", NULL, got_result, &missing);
  none = pk_spell_checker_new_finish (wait_for_result (&missing), &error);
  g_assert_null (none);
  g_assert_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_NO_DICTIONARY);
}

static void
count_signal (guint *counter)
{
  (*counter)++;
}

static void
test_personal_words (void)
{
  const char *word = "Ljuderkansliet";
  g_autoptr(PkSpellChecker) checker = new_swedish ();
  g_autoptr(PkSpellChecker) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_path = g_build_filename (xdg_data_home, "protokoll", "words-sv_SE.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  guint changed = 0;

  g_assert_cmpstr (pk_spell_checker_get_personal_path (checker), ==, expected_path);
  g_assert_false (pk_spell_checker_check_word (checker, word, -1));
  g_signal_connect_swapped (checker, "words-changed", G_CALLBACK (count_signal), &changed);

  g_assert_true (pk_spell_checker_add_to_personal (checker, word, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (pk_spell_checker_check_word (checker, word, -1));
  /* Adding it again writes nothing and changes nothing. */
  g_assert_true (pk_spell_checker_add_to_personal (checker, word, &error));
  g_assert_cmpuint (changed, ==, 1);

  /* The async variant accepts the word before the thread has written it. */
  g_assert_false (pk_spell_checker_check_word (checker, "kvarnbyrådet", -1));
  pk_spell_checker_add_to_personal_async (checker, "kvarnbyrådet", NULL, got_result, &added);
  g_assert_true (pk_spell_checker_check_word (checker, "kvarnbyrådet", -1));
  g_assert_true (pk_spell_checker_check_word (checker, "Kvarnbyrådet", -1));
  g_assert_true (pk_spell_checker_add_to_personal_finish (checker, wait_for_result (&added), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_true (g_file_get_contents (expected_path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "Ljuderkansliet\n"));
  g_assert_nonnull (strstr (contents, "kvarnbyrådet\n"));
  g_assert_null (strstr (strstr (contents, "Ljuderkansliet\n") + 1, "Ljuderkansliet"));

  /* A new checker reads them from the file. */
  again = new_swedish ();
  g_assert_true (pk_spell_checker_check_word (again, word, -1));
  g_assert_true (pk_spell_checker_check_word (again, "kvarnbyrådet", -1));
  g_assert_false (pk_spell_checker_check_word (again, "Ljuderkansliett", -1));

  /* Bad words are refused, and nothing is written. */
  g_assert_false (pk_spell_checker_add_to_personal (checker, "två ord", &error));
  g_assert_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_INVALID_WORD);
  g_clear_error (&error);
  g_assert_false (pk_spell_checker_add_to_personal (checker, "", &error));
  g_assert_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_INVALID_WORD);
  g_clear_error (&error);
  g_assert_false (pk_spell_checker_add_to_personal (checker, "ord\xff", &error));
  g_assert_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_INVALID_WORD);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 2);
}

static void
test_personal_list_unwritable (void)
{
  g_autoptr(PkSpellChecker) checker = new_swedish ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (pk_spell_checker_get_personal_path (checker));
  g_autofree char *path = g_strdup (pk_spell_checker_get_personal_path (checker));
  g_autofree char *moved = g_strconcat (path, ".moved", NULL);
  gboolean had_file = g_file_test (path, G_FILE_TEST_EXISTS);

  /* A folder where the file should be: the word is accepted for now and the error is told. */
  g_mkdir_with_parents (dir, 0700);
  if (had_file)
    g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (pk_spell_checker_add_to_personal (checker, "Kronoberga", &error));
  g_assert_nonnull (error);
  g_assert_true (pk_spell_checker_check_word (checker, "Kronoberga", -1));
  g_assert_cmpint (g_rmdir (path), ==, 0);
  if (had_file)
    g_assert_cmpint (g_rename (moved, path), ==, 0);
}

static void
test_ignore (void)
{
  g_autoptr(PkSpellChecker) checker = new_swedish ();
  g_autoptr(PkSpellChecker) other = NULL;
  g_autofree char *contents = NULL;
  guint changed = 0;

  g_signal_connect_swapped (checker, "words-changed", G_CALLBACK (count_signal), &changed);
  g_assert_false (pk_spell_checker_check_word (checker, "Qvarnströmsutredningen", -1));
  pk_spell_checker_ignore_word (checker, "Qvarnströmsutredningen");
  g_assert_true (pk_spell_checker_check_word (checker, "Qvarnströmsutredningen", -1));
  g_assert_cmpuint (changed, ==, 1);
  other = new_swedish ();
  g_assert_false (pk_spell_checker_check_word (other, "Qvarnströmsutredningen", -1));
  if (g_file_get_contents (pk_spell_checker_get_personal_path (checker), &contents, NULL, NULL))
    g_assert_null (strstr (contents, "Qvarnströmsutredningen"));
}

static void
test_missing_language (void)
{
  static const char * const bad[] = { "xx_YY", "../../etc/passwd", "", "sv SE", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PkSpellChecker) checker = pk_spell_checker_new (bad[i], &error);

      g_assert_null (checker);
      g_assert_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_NO_DICTIONARY);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(PkSpellChecker) checker = new_swedish ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = pk_spell_checker_find_misspellings (checker, "beslut \xff\xfe protokol", -1, &error);
  g_auto(GStrv) suggestions = NULL;
  /* Latin-1 "sammanträde" */
  const char latin1[] = "sammantr\xe4" "de";

  g_assert_null (ranges);
  g_assert_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_assert_false (pk_spell_checker_check_word (checker, latin1, -1));
  g_assert_false (pk_spell_checker_check_word (checker, "", -1));
  suggestions = pk_spell_checker_get_suggestions (checker, latin1, -1, 0, &error);
  g_assert_null (suggestions);
  g_assert_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_INVALID_WORD);
  g_clear_error (&error);

  /* A length that cuts "ä" in half is not UTF-8 either. */
  ranges = pk_spell_checker_find_misspellings (checker, "sammanträde", strlen ("sammantr") + 1, &error);
  g_assert_null (ranges);
  g_assert_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  /* An empty text has no misspellings. */
  ranges = pk_spell_checker_find_misspellings (checker, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranges->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for the data folder: the personal lists go to a fresh one. */
  xdg_data_home = pk_test_dir_new ();
  g_setenv ("XDG_DATA_HOME", xdg_data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spell/list-languages", test_list_languages);
  g_test_add_func ("/spell/meeting-terms-accepted", test_meeting_terms_accepted);
  g_test_add_func ("/spell/builtin-words-needed", test_builtin_words_needed);
  g_test_add_func ("/spell/misspelt-in-markdown", test_misspelt_in_markdown);
  g_test_add_func ("/spell/markdown-not-flagged", test_markdown_not_flagged);
  g_test_add_func ("/spell/words-and-hyphens", test_words_and_hyphens);
  g_test_add_func ("/spell/suggestions", test_suggestions);
  g_test_add_func ("/spell/async", test_async);
  g_test_add_func ("/spell/personal-words", test_personal_words);
  g_test_add_func ("/spell/personal-list-unwritable", test_personal_list_unwritable);
  g_test_add_func ("/spell/ignore", test_ignore);
  g_test_add_func ("/spell/missing-language", test_missing_language);
  g_test_add_func ("/spell/invalid-utf8", test_invalid_utf8);

  status = g_test_run ();
  pk_test_dir_free (xdg_data_home);
  return status;
}
