/* pk-spell-checker.c: spell checking over enchant-2 (hunspell-sv), with Swedish meeting terms. */
#include "config.h"

#include <enchant.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "pk-spell-checker.h"

struct _PkSpellChecker
{
  GObject       parent_instance;

  char         *language;
  char         *personal_path;
  EnchantBroker *broker;
  EnchantDict  *dict;
  /* Enchant is not thread-safe: suggestions run on a thread while the main thread checks. */
  GMutex        dict_mutex;
  GHashTable   *personal;   /* words added by the user, saved */
  GHashTable   *ignored;    /* words ignored for this session */
  gboolean      swedish;
};

G_DEFINE_FINAL_TYPE (PkSpellChecker, pk_spell_checker, G_TYPE_OBJECT)
G_DEFINE_QUARK (pk-spell-error-quark, pk_spell_error)

enum {
  WORDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Swedish meeting terms that hunspell-sv 7.5 (Debian 12) rejects; each was checked against it.
 * Its compounding already accepts most of the vocabulary (beslutsunderlag, protokollsanteckning,
 * justerare, föredragningslista, tjänstgörande, bordläggning, återremiss, minnesanteckningar,
 * brukarrepresentant, ersättare, …), so only these are needed. */
static const char * const builtin_words[] = {
  "justerandes",
  "justerandens",
  "Dnr",
  "dnr",
  "diarienr",
  "ärendenr",
  "sekr",
  "tillgänglighetsråd",
  "tillgänglighetsrådet",
  "tillgänglighetsråden",
  "tillgänglighetsrådets",
  "funktionshinderråd",
  "funktionshinderrådet",
  "funktionshinderrådets",
  "funktionsrättsråd",
  "funktionsrättsrådet",
  "funktionsrättsrådets",
  "Teamsmöte",
  "Teamsmötet",
  "Teamsmöten",
  "Teamsmötena",
  NULL
};

static GHashTable *builtin_set;

static void
pk_spell_checker_finalize (GObject *object)
{
  PkSpellChecker *self = PK_SPELL_CHECKER (object);

  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);
  g_mutex_clear (&self->dict_mutex);
  g_clear_pointer (&self->personal, g_hash_table_unref);
  g_clear_pointer (&self->ignored, g_hash_table_unref);
  g_free (self->language);
  g_free (self->personal_path);

  G_OBJECT_CLASS (pk_spell_checker_parent_class)->finalize (object);
}

static void
pk_spell_checker_class_init (PkSpellCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pk_spell_checker_finalize;

  /* The personal or ignored words changed: views recheck the words they marked. */
  signals[WORDS_CHANGED] = g_signal_new ("words-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  builtin_set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; builtin_words[i] != NULL; i++)
    g_hash_table_add (builtin_set, (gpointer) builtin_words[i]);
}

static void
pk_spell_checker_init (PkSpellChecker *self)
{
  g_mutex_init (&self->dict_mutex);
  self->personal = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
add_language (const char * const lang_tag,
              const char * const provider_name,
              const char * const provider_desc,
              const char * const provider_file,
              void              *user_data)
{
  GPtrArray *languages = user_data;

  for (guint i = 0; i < languages->len; i++)
    if (g_strcmp0 (g_ptr_array_index (languages, i), lang_tag) == 0)
      return;
  g_ptr_array_add (languages, g_strdup (lang_tag));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char **
pk_spell_checker_list_languages (void)
{
  EnchantBroker *broker = enchant_broker_init ();
  GPtrArray *languages = g_ptr_array_new ();

  if (broker != NULL)
    {
      enchant_broker_list_dicts (broker, add_language, languages);
      enchant_broker_free (broker);
    }
  g_ptr_array_sort (languages, compare_strings);
  g_ptr_array_add (languages, NULL);
  return (char **) g_ptr_array_free (languages, FALSE);
}

const char * const *
pk_spell_checker_get_builtin_words (void)
{
  return builtin_words;
}

/* A language code is letters, digits, '_', '-' and '@': it also names a file. */
static gboolean
language_is_valid (const char *language)
{
  if (language == NULL || *language == '\0' || strlen (language) > 32)
    return FALSE;
  for (const char *p = language; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '@')
      return FALSE;
  return TRUE;
}

static void
load_personal (PkSpellChecker *self)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  /* A missing or unreadable list is an empty one: spell checking still works. */
  if (!g_file_get_contents (self->personal_path, &contents, NULL, NULL) ||
      !g_utf8_validate (contents, -1, NULL))
    return;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *word = g_strstrip (lines[i]);

      if (*word != '\0' && *word != '#')
        g_hash_table_add (self->personal, g_strdup (word));
    }
}

PkSpellChecker *
pk_spell_checker_new (const char  *language,
                      GError     **error)
{
  g_autoptr(PkSpellChecker) self = NULL;
  g_autofree char *file_name = NULL;

  if (language == NULL)
    language = PK_SPELL_DEFAULT_LANGUAGE;
  if (!language_is_valid (language))
    {
      g_set_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_NO_DICTIONARY,
                   _("“%s” is not a language code"), language);
      return NULL;
    }

  self = g_object_new (PK_TYPE_SPELL_CHECKER, NULL);
  self->language = g_strdup (language);
  self->swedish = g_str_has_prefix (language, "sv");
  self->broker = enchant_broker_init ();
  if (self->broker != NULL)
    self->dict = enchant_broker_request_dict (self->broker, language);
  if (self->dict == NULL)
    {
      g_set_error (error, PK_SPELL_ERROR, PK_SPELL_ERROR_NO_DICTIONARY,
                   _("No spell checking dictionary is installed for “%s”"), language);
      return NULL;
    }

  file_name = g_strdup_printf ("words-%s.txt", language);
  self->personal_path = g_build_filename (g_get_user_data_dir (), "protokoll", file_name, NULL);
  load_personal (self);
  return g_steal_pointer (&self);
}

static void
new_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  PkSpellChecker *checker = pk_spell_checker_new (task_data, &error);

  if (checker == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, checker, g_object_unref);
}

void
pk_spell_checker_new_async (const char          *language,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, pk_spell_checker_new_async);
  g_task_set_task_data (task, g_strdup (language), g_free);
  g_task_run_in_thread (task, new_thread);
}

PkSpellChecker *
pk_spell_checker_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
pk_spell_checker_get_language (PkSpellChecker *self)
{
  g_return_val_if_fail (PK_IS_SPELL_CHECKER (self), NULL);
  return self->language;
}

const char *
pk_spell_checker_get_personal_path (PkSpellChecker *self)
{
  g_return_val_if_fail (PK_IS_SPELL_CHECKER (self), NULL);
  return self->personal_path;
}

static gboolean
has_lower (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Abbreviations ("OSL", "KS") and anything with a digit are not words to check. */
static gboolean
is_skipped_token (const char *word,
                  gsize       length)
{
  guint letters = 0;
  gboolean lower = FALSE;

  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        return TRUE;
      if (g_unichar_isalpha (c))
        {
          letters++;
          lower = lower || g_unichar_islower (c);
        }
    }
  return letters <= 1 || !lower;
}

static gboolean
in_word_sets (PkSpellChecker *self,
              const char     *word)
{
  g_autofree char *lower = NULL;

  if (g_hash_table_contains (self->personal, word) || g_hash_table_contains (self->ignored, word) ||
      (self->swedish && g_hash_table_contains (builtin_set, word)))
    return TRUE;

  /* "Beslutsunderlag" at the start of a sentence is the word "beslutsunderlag". */
  lower = g_utf8_strdown (word, -1);
  if (strcmp (lower, word) == 0)
    return FALSE;
  return g_hash_table_contains (self->personal, lower) || g_hash_table_contains (self->ignored, lower) ||
         (self->swedish && g_hash_table_contains (builtin_set, lower));
}

static gboolean
dict_check (PkSpellChecker *self,
            const char     *word,
            gsize           length)
{
  int result;

  g_mutex_lock (&self->dict_mutex);
  result = enchant_dict_check (self->dict, word, length);
  g_mutex_unlock (&self->dict_mutex);
  return result == 0;
}

static gboolean
check_plain (PkSpellChecker *self,
             const char     *word,
             gsize           length)
{
  g_autofree char *copy = g_strndup (word, length);

  return in_word_sets (self, copy) || dict_check (self, word, length);
}

gboolean
pk_spell_checker_check_word (PkSpellChecker *self,
                             const char     *word,
                             gssize          length)
{
  const char *colon;
  gsize len;

  g_return_val_if_fail (PK_IS_SPELL_CHECKER (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  len = length < 0 ? strlen (word) : (gsize) length;
  if (len == 0 || !g_utf8_validate (word, len, NULL))
    return FALSE;
  if (check_plain (self, word, len))
    return TRUE;

  /* "SKR:s", "KS:s": an abbreviation inflected with a colon. */
  colon = memchr (word, ':', len);
  if (colon != NULL && colon > word)
    {
      g_autofree char *prefix = g_strndup (word, colon - word);

      if (!has_lower (prefix))
        return TRUE;
    }

  /* "KS-beslut", "kommun-bolag": each part right is the whole right. */
  if (memchr (word, '-', len) != NULL)
    {
      const char *part = word;
      const char *end = word + len;

      while (part <= end)
        {
          const char *dash = memchr (part, '-', end - part);
          const char *part_end = dash != NULL ? dash : end;

          if (part_end == part)
            return FALSE;
          if (!is_skipped_token (part, part_end - part) && !check_plain (self, part, part_end - part))
            return FALSE;
          part = part_end + 1;
        }
      return TRUE;
    }
  return FALSE;
}

char **
pk_spell_checker_get_suggestions (PkSpellChecker  *self,
                                  const char      *word,
                                  gssize           length,
                                  guint            max_suggestions,
                                  GError         **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_free);
  char **suggestions;
  size_t n_suggestions = 0;
  gsize len;

  g_return_val_if_fail (PK_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  len = length < 0 ? strlen (word) : (gsize) length;
  if (len == 0 || !g_utf8_validate (word, len, NULL))
    {
      g_set_error_literal (error, PK_SPELL_ERROR, PK_SPELL_ERROR_INVALID_WORD,
                           _("The word is empty or not valid UTF-8"));
      return NULL;
    }
  if (max_suggestions == 0)
    max_suggestions = PK_SPELL_MAX_SUGGESTIONS;

  g_mutex_lock (&self->dict_mutex);
  suggestions = enchant_dict_suggest (self->dict, word, len, &n_suggestions);
  for (size_t i = 0; i < n_suggestions && result->len < max_suggestions; i++)
    if (g_utf8_validate (suggestions[i], -1, NULL))
      g_ptr_array_add (result, g_strdup (suggestions[i]));
  if (suggestions != NULL)
    enchant_dict_free_string_list (self->dict, suggestions);
  g_mutex_unlock (&self->dict_mutex);

  g_ptr_array_add (result, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&result), FALSE);
}

typedef struct
{
  char *word;
  guint max;
} SuggestData;

static void
suggest_data_free (SuggestData *data)
{
  g_free (data->word);
  g_free (data);
}

static void
suggest_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SuggestData *data = task_data;
  GError *error = NULL;
  char **suggestions;

  if (g_task_return_error_if_cancelled (task))
    return;
  suggestions = pk_spell_checker_get_suggestions (source_object, data->word, -1, data->max, &error);
  if (suggestions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, suggestions, (GDestroyNotify) g_strfreev);
}

void
pk_spell_checker_get_suggestions_async (PkSpellChecker      *self,
                                        const char          *word,
                                        guint                max_suggestions,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SuggestData *data;

  g_return_if_fail (PK_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pk_spell_checker_get_suggestions_async);
  data = g_new0 (SuggestData, 1);
  data->word = g_strdup (word);
  data->max = max_suggestions;
  g_task_set_task_data (task, data, (GDestroyNotify) suggest_data_free);
  g_task_run_in_thread (task, suggest_thread);
}

char **
pk_spell_checker_get_suggestions_finish (PkSpellChecker  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
validate_word (const char  *word,
               GError     **error)
{
  gboolean ok = word != NULL && *word != '\0' && g_utf8_validate (word, -1, NULL);

  for (const char *p = word; ok && *p; p = g_utf8_next_char (p))
    ok = !g_unichar_isspace (g_utf8_get_char (p));
  if (!ok)
    g_set_error_literal (error, PK_SPELL_ERROR, PK_SPELL_ERROR_INVALID_WORD,
                         _("A word to add must be one word of valid UTF-8"));
  return ok;
}

/* Appends from any thread; the lock keeps two appends from interleaving. */
static gboolean
append_word (const char  *path,
             const char  *word,
             GError     **error)
{
  static GMutex append_mutex;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *line = g_strconcat (word, "\n", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  gboolean ok;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  g_mutex_lock (&append_mutex);
  stream = g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL, error);
  ok = stream != NULL &&
       g_output_stream_write_all (G_OUTPUT_STREAM (stream), line, strlen (line), NULL, NULL, error) &&
       g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
  g_mutex_unlock (&append_mutex);
  return ok;
}

/* TRUE when the word is new to the personal list (and so must be written). */
static gboolean
remember_personal (PkSpellChecker *self,
                   const char     *word)
{
  if (g_hash_table_contains (self->personal, word))
    return FALSE;
  g_hash_table_add (self->personal, g_strdup (word));
  g_hash_table_remove (self->ignored, word);
  g_signal_emit (self, signals[WORDS_CHANGED], 0);
  return TRUE;
}

gboolean
pk_spell_checker_add_to_personal (PkSpellChecker  *self,
                                  const char      *word,
                                  GError         **error)
{
  g_return_val_if_fail (PK_IS_SPELL_CHECKER (self), FALSE);

  if (!validate_word (word, error))
    return FALSE;
  if (!remember_personal (self, word))
    return TRUE;
  return append_word (self->personal_path, word, error);
}

static void
append_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PkSpellChecker *self = source_object;
  GError *error = NULL;

  if (append_word (self->personal_path, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pk_spell_checker_add_to_personal_async (PkSpellChecker      *self,
                                        const char          *word,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (PK_IS_SPELL_CHECKER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pk_spell_checker_add_to_personal_async);
  if (!validate_word (word, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!remember_personal (self, word))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_set_task_data (task, g_strdup (word), g_free);
  g_task_run_in_thread (task, append_thread);
}

gboolean
pk_spell_checker_add_to_personal_finish (PkSpellChecker  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pk_spell_checker_ignore_word (PkSpellChecker *self,
                              const char     *word)
{
  g_return_if_fail (PK_IS_SPELL_CHECKER (self));

  if (!validate_word (word, NULL) || g_hash_table_contains (self->ignored, word))
    return;
  g_hash_table_add (self->ignored, g_strdup (word));
  g_signal_emit (self, signals[WORDS_CHANGED], 0);
}

static inline gunichar
char_at (const char *text,
         gsize       length,
         gsize       pos)
{
  return pos < length ? g_utf8_get_char (text + pos) : 0;
}

static inline gboolean
is_word_char (gunichar c)
{
  return c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

static gboolean
has_prefix_at (const char *text,
               gsize       length,
               gsize       pos,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return pos + n <= length && g_ascii_strncasecmp (text + pos, prefix, n) == 0;
}

/* A URL, an e-mail address or a path runs to the next white space or closing bracket. */
static gsize
skip_to_space (const char *text,
               gsize       length,
               gsize       pos)
{
  while (pos < length)
    {
      gunichar c = char_at (text, length, pos);

      if (g_unichar_isspace (c) || c == '>' || c == ')' || c == ']' || c == '"' || c == '<')
        break;
      pos = g_utf8_next_char (text + pos) - text;
    }
  return pos;
}

static gboolean
starts_url (const char *text,
            gsize       length,
            gsize       pos)
{
  static const char * const schemes[] = {
    "http://", "https://", "ftp://", "file://", "www.", "mailto:", "tel:", NULL,
  };

  for (guint i = 0; schemes[i] != NULL; i++)
    if (has_prefix_at (text, length, pos, schemes[i]))
      return TRUE;
  return FALSE;
}

/* "kommun.se/protokoll", "vaxjo.se", "kallelse.pdf", "namn@kommun.se": addresses and file names
 * written without a scheme are not prose. */
static gboolean
looks_like_address (const char *text,
                    gsize       start,
                    gsize       end)
{
  static const char * const suffixes[] = {
    "se", "nu", "com", "org", "net", "eu", "fi", "io", "pdf", "doc", "docx", "odt", "xls", "xlsx",
    "ods", "ppt", "pptx", "txt", "csv", "md", "png", "jpg", "jpeg", "zip", "html", NULL,
  };
  const char *run = text + start;
  gsize length = end - start;
  const char *slash, *dot;
  g_autofree char *suffix = NULL;

  /* A sentence may end right after it. */
  while (length > 0 && strchr (".,;:!?'\"", run[length - 1]) != NULL)
    length--;
  if (length == 0)
    return FALSE;
  if (g_strstr_len (run, length, "://") != NULL || memchr (run, '@', length) != NULL)
    return TRUE;
  slash = memchr (run, '/', length);
  for (const char *p = run; p + 1 < run + (slash != NULL ? (gsize) (slash - run) : length); p++)
    if (*p == '.' && g_ascii_isalpha (p[1]) && slash != NULL)
      return TRUE;
  dot = g_strrstr_len (run, length, ".");
  if (dot == NULL || dot == run || slash != NULL)
    return FALSE;
  suffix = g_ascii_strdown (dot + 1, run + length - dot - 1);
  return g_strv_contains (suffixes, suffix);
}

gboolean
pk_spell_next_word (const char   *text,
                    gsize         length,
                    gsize        *pos,
                    PkSpellRange *word)
{
  gsize p;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (pos != NULL && word != NULL, FALSE);

  p = *pos;
  while (p < length)
    {
      gunichar c = char_at (text, length, p);
      gsize start, end, segment_start;
      gunichar next;

      if (c == '`')
        {
          /* Inline code: up to the closing backquote, or the end of the text. */
          const char *close = memchr (text + p + 1, '`', length - p - 1);

          p = close != NULL ? (gsize) (close - text) + 1 : length;
          continue;
        }
      if (c == ']' && char_at (text, length, p + 1) == '(')
        {
          /* The target of a Markdown link [text](target). */
          const char *close = memchr (text + p + 2, ')', length - p - 2);

          p = close != NULL ? (gsize) (close - text) + 1 : length;
          continue;
        }
      if (c == '&')
        {
          /* An HTML entity such as &nbsp; or &#167;. */
          gsize q = p + 1;

          while (q < length && q - p <= 10 && g_ascii_isalnum (text[q]))
            q++;
          if (q < length && text[q] == ';' && q > p + 1)
            {
              p = q + 1;
              continue;
            }
        }
      if (!is_word_char (c))
        {
          p = g_utf8_next_char (text + p) - text;
          continue;
        }
      if (starts_url (text, length, p) ||
          ((p == 0 || !is_word_char (g_utf8_get_char (g_utf8_prev_char (text + p)))) &&
           looks_like_address (text, p, skip_to_space (text, length, p))))
        {
          p = skip_to_space (text, length, p);
          continue;
        }

      /* A run of letters and digits, joined by hyphens, apostrophes, "KS:s" colons and the
       * periods of short abbreviations ("bl.a", "t.ex"). */
      start = p;
      segment_start = p;
      end = p;
      while (end < length)
        {
          c = char_at (text, length, end);
          if (is_word_char (c))
            {
              end = g_utf8_next_char (text + end) - text;
              continue;
            }
          next = char_at (text, length, g_utf8_next_char (text + end) - text);
          if ((c == '-' || c == '\'' || c == 0x2019 || c == ':') && is_word_char (next))
            {
              end = g_utf8_next_char (text + end) - text;
              segment_start = end;
              continue;
            }
          if (c == '.' && g_unichar_isalpha (next) &&
              g_utf8_strlen (text + segment_start, end - segment_start) <= 3)
            {
              end++;
              segment_start = end;
              continue;
            }
          break;
        }
      p = end;

      c = char_at (text, length, end);
      if (c == '@' || (c == ':' && has_prefix_at (text, length, end, "://")))
        {
          /* An e-mail address or a URL with another scheme. */
          p = skip_to_space (text, length, end);
          continue;
        }
      if (is_skipped_token (text + start, end - start))
        continue;

      *pos = p;
      word->start = start;
      word->end = end;
      return TRUE;
    }
  *pos = p;
  return FALSE;
}

GArray *
pk_spell_checker_find_misspellings (PkSpellChecker  *self,
                                    const char      *text,
                                    gssize           length,
                                    GError         **error)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (PkSpellRange));
  PkSpellRange word;
  gsize len, pos = 0;

  g_return_val_if_fail (PK_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error_literal (error, PK_SPELL_ERROR, PK_SPELL_ERROR_INVALID_TEXT,
                           _("The text is not valid UTF-8"));
      return NULL;
    }

  while (pk_spell_next_word (text, len, &pos, &word))
    {
      if (pk_spell_checker_check_word (self, text + word.start, word.end - word.start))
        continue;
      /* "resp.", "bl.a.": the dictionary knows some abbreviations only with their period. */
      if (word.end < len && text[word.end] == '.' &&
          pk_spell_checker_check_word (self, text + word.start, word.end + 1 - word.start))
        continue;
      g_array_append_val (ranges, word);
    }
  return g_steal_pointer (&ranges);
}
