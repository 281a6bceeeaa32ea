/* pk-spell-checker.h: spell checking over enchant-2 (hunspell-sv), with Swedish meeting terms. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PK_SPELL_ERROR (pk_spell_error_quark ())

typedef enum
{
  PK_SPELL_ERROR_NO_DICTIONARY, /* no word list installed for the language */
  PK_SPELL_ERROR_INVALID_TEXT,  /* the text is not UTF-8 */
  PK_SPELL_ERROR_INVALID_WORD,  /* empty, not UTF-8, or holds white space */
} PkSpellError;

#define PK_SPELL_DEFAULT_LANGUAGE "sv_SE"
#define PK_SPELL_MAX_SUGGESTIONS 5

/* A word in a string, in bytes: text[start] up to, not including, text[end]. */
typedef struct
{
  gsize start;
  gsize end;
} PkSpellRange;

#define PK_TYPE_SPELL_CHECKER (pk_spell_checker_get_type ())
G_DECLARE_FINAL_TYPE (PkSpellChecker, pk_spell_checker, PK, SPELL_CHECKER, GObject)

GQuark              pk_spell_error_quark                   (void);

/* The language codes with an installed dictionary ("sv_FI", "sv_SE", …), sorted. */
char              **pk_spell_checker_list_languages        (void);
/* The Swedish meeting terms hunspell-sv does not know, accepted by every sv checker. */
const char * const *pk_spell_checker_get_builtin_words     (void);

/* Loads the dictionary (≈ 150 ms for sv_SE) and the personal word list: not on the main thread;
 * use the async variant there. NULL @language means PK_SPELL_DEFAULT_LANGUAGE. */
PkSpellChecker     *pk_spell_checker_new                   (const char           *language,
                                                            GError              **error);
void                pk_spell_checker_new_async             (const char           *language,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
PkSpellChecker     *pk_spell_checker_new_finish            (GAsyncResult         *result,
                                                            GError              **error);

const char         *pk_spell_checker_get_language          (PkSpellChecker       *self);
/* $XDG_DATA_HOME/protokoll/words-LANG.txt: one word a line, UTF-8. */
const char         *pk_spell_checker_get_personal_path     (PkSpellChecker       *self);

/* TRUE for a correct word (≈ 10–30 µs). Invalid UTF-8 is never correct. */
gboolean            pk_spell_checker_check_word            (PkSpellChecker       *self,
                                                            const char           *word,
                                                            gssize                length);
/* At most @max_suggestions (0: PK_SPELL_MAX_SUGGESTIONS), best first; may be empty. Takes
 * ≈ 0.1 s: the async variant runs it on a thread. */
char              **pk_spell_checker_get_suggestions       (PkSpellChecker       *self,
                                                            const char           *word,
                                                            gssize                length,
                                                            guint                 max_suggestions,
                                                            GError              **error);
void                pk_spell_checker_get_suggestions_async (PkSpellChecker       *self,
                                                            const char           *word,
                                                            guint                 max_suggestions,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
char              **pk_spell_checker_get_suggestions_finish (PkSpellChecker      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* Accepted at once; appended to the personal word list (blocking; the async variant writes on a
 * thread). Emits "words-changed". */
gboolean            pk_spell_checker_add_to_personal       (PkSpellChecker       *self,
                                                            const char           *word,
                                                            GError              **error);
void                pk_spell_checker_add_to_personal_async (PkSpellChecker       *self,
                                                            const char           *word,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean            pk_spell_checker_add_to_personal_finish (PkSpellChecker      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
/* Accepted by this checker until it is gone; nothing is written. Emits "words-changed". */
void                pk_spell_checker_ignore_word           (PkSpellChecker       *self,
                                                            const char           *word);

/* The next word to check in @text from *@pos on, skipping Markdown syntax, URLs, e-mail
 * addresses, inline code, numbers, words with digits, one-letter words and ALLCAPS
 * abbreviations. FALSE at the end. @text must be valid UTF-8. */
gboolean            pk_spell_next_word                     (const char           *text,
                                                            gsize                 length,
                                                            gsize                *pos,
                                                            PkSpellRange         *word);
/* The misspelt words of @text (GArray of PkSpellRange, byte offsets, in order); NULL and
 * PK_SPELL_ERROR_INVALID_TEXT when @text is not UTF-8. */
GArray             *pk_spell_checker_find_misspellings     (PkSpellChecker       *self,
                                                            const char           *text,
                                                            gssize                length,
                                                            GError              **error);

G_END_DECLS
