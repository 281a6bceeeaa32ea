/* pk-spell-adapter.c: spell checking while typing in a GtkTextView: red wavy underlines and
 * suggestions, "Add to Dictionary", "Ignore" and the language in the view's context menu.
 *
 * Modelled on gnome-text-editor's EditorTextBufferSpellAdapter (before libspelling): edits mark
 * their lines unchecked, a debounced idle checks unchecked lines in slices of a few ms, and the
 * word being typed is not underlined until the cursor leaves it. Unchecked text is held as a
 * property-less tag, so the buffer moves it with every edit. */
#include "config.h"

#include <glib/gi18n.h>

#include "pk-spell-adapter.h"

/* Typing pauses this long before its lines are checked. */
#define CHECK_DELAY_MS 150
/* Cursor moves (key repeat is 30 ms) settle this long before the word left is checked. */
#define CURSOR_DELAY_MS 100
/* One slice of checking; frames come between slices. */
#define SLICE_USEC 4000
/* Very long lines are checked in pieces of about this many characters. */
#define SEGMENT_CHARS 2000

struct _PkSpellAdapter
{
  GObject          parent_instance;

  GtkTextView     *view;              /* weak */
  GtkTextBuffer   *buffer;
  GtkTextTag      *tag;
  GtkTextTag      *unchecked_tag;
  GtkTextTag      *skip_tag;          /* the owner's: text not to check (code, URLs) */
  GMenuModel      *saved_extra_menu;
  GMenu           *extra_menu;
  GMenu           *menu;
  GMenu           *corrections;
  GMenu           *languages_menu;
  GSimpleActionGroup *actions;
  GtkEventController *click;
  GtkEventController *keys;

  char            *language;
  PkSpellChecker  *checker;
  GCancellable    *loading;
  GCancellable    *suggesting;
  guint            suggestions_running; /* threads using the dictionary, cancelled or not */
  char            *load_error;

  /* Edits since the last check, as character offsets kept current by later edits. */
  GArray          *pending;
  guint            check_timeout;
  guint            check_idle;
  guint            cursor_timeout;
  GtkTextMark     *skipped_start;     /* the word left unmarked under the cursor */
  GtkTextMark     *skipped_end;

  char            *word;              /* the misspelt word the menu is about */
  GtkTextMark     *word_start;
  GtkTextMark     *word_end;

  gboolean         enabled;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (PkSpellAdapter, pk_spell_adapter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_ENABLED,
  PROP_LANGUAGE,
  PROP_AVAILABLE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  int start;
  int end;
} Pending;

/* Dictionaries load in ≈ 150 ms and take memory: one per language for all views. */
static GHashTable *checkers;
static char **languages;

static void queue_check (PkSpellAdapter *self, guint delay_ms);
static void load_checker (PkSpellAdapter *self);

static const struct
{
  const char *code;
  const char *name;
} language_names[] = {
  { "sv_SE", N_("Swedish (Sweden)") },
  { "sv_FI", N_("Swedish (Finland)") },
  { "en_US", N_("English (United States)") },
  { "en_GB", N_("English (United Kingdom)") },
  { "fi_FI", N_("Finnish") },
  { "da_DK", N_("Danish") },
  { "nb_NO", N_("Norwegian Bokmål") },
  { "nn_NO", N_("Norwegian Nynorsk") },
  { "de_DE", N_("German (Germany)") },
};

static const char *
language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_strcmp0 (language_names[i].code, code) == 0)
      return _(language_names[i].name);
  return code;
}

static void
set_busy (PkSpellAdapter *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_busy (PkSpellAdapter *self)
{
  set_busy (self, self->suggestions_running > 0 ||
                  (self->enabled && self->buffer != NULL &&
                   (self->loading != NULL || self->check_timeout != 0 || self->check_idle != 0 ||
                    self->pending->len > 0)));
}

static void
clear_skipped (PkSpellAdapter *self)
{
  if (self->skipped_start != NULL)
    {
      gtk_text_buffer_delete_mark (self->buffer, self->skipped_start);
      gtk_text_buffer_delete_mark (self->buffer, self->skipped_end);
      g_clear_object (&self->skipped_start);
      g_clear_object (&self->skipped_end);
    }
}

static void
clear_word (PkSpellAdapter *self)
{
  g_clear_pointer (&self->word, g_free);
  if (self->word_start != NULL)
    {
      gtk_text_buffer_delete_mark (self->buffer, self->word_start);
      gtk_text_buffer_delete_mark (self->buffer, self->word_end);
      g_clear_object (&self->word_start);
      g_clear_object (&self->word_end);
    }
}

static void
set_action_enabled (PkSpellAdapter *self,
                    const char     *name,
                    gboolean        enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
set_corrections_placeholder (PkSpellAdapter *self,
                             const char     *label)
{
  g_menu_remove_all (self->corrections);
  if (label != NULL)
    g_menu_append (self->corrections, label, "spelling.none");
}

static void
clear_corrections (PkSpellAdapter *self)
{
  g_cancellable_cancel (self->suggesting);
  g_clear_object (&self->suggesting);
  if (self->buffer != NULL)
    clear_word (self);
  set_action_enabled (self, "add", FALSE);
  set_action_enabled (self, "ignore", FALSE);
  if (self->load_error != NULL && self->enabled)
    set_corrections_placeholder (self, self->load_error);
  else
    set_corrections_placeholder (self, NULL);
}

/* Whole lines around [start, end) become unchecked. */
static void
mark_unchecked (PkSpellAdapter *self,
                GtkTextIter    *start,
                GtkTextIter    *end)
{
  GtkTextIter begin = *start, stop = *end;

  gtk_text_iter_set_line_offset (&begin, 0);
  if (!gtk_text_iter_ends_line (&stop))
    gtk_text_iter_forward_to_line_end (&stop);
  gtk_text_iter_forward_char (&stop);
  gtk_text_buffer_apply_tag (self->buffer, self->unchecked_tag, &begin, &stop);
}

static void
mark_all_unchecked (PkSpellAdapter *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  mark_unchecked (self, &start, &end);
}

/* Turns the pending edit offsets into unchecked lines; outside any signal handler of the
 * buffer, as tagging invalidates the iterators handlers are given. */
static void
flush_pending (PkSpellAdapter *self)
{
  int count = gtk_text_buffer_get_char_count (self->buffer);

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *p = &g_array_index (self->pending, Pending, i);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, MIN (p->start, count));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, MIN (p->end, count));
      mark_unchecked (self, &start, &end);
    }
  g_array_set_size (self->pending, 0);
}

static void
add_pending (PkSpellAdapter *self,
             int             start,
             int             end)
{
  Pending p = { start, end };

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *q = &g_array_index (self->pending, Pending, i);

      if (start <= q->end && end >= q->start)
        {
          q->start = MIN (q->start, start);
          q->end = MAX (q->end, end);
          return;
        }
    }
  g_array_append_val (self->pending, p);
}

static void
on_insert_text (PkSpellAdapter *self,
                GtkTextIter    *location,
                const char     *text,
                int             length,
                GtkTextBuffer  *buffer)
{
  int end = gtk_text_iter_get_offset (location);
  int n = (int) g_utf8_strlen (text, length);
  int start = end - n;

  if (!self->enabled)
    return;
  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *p = &g_array_index (self->pending, Pending, i);

      if (p->start >= start)
        p->start += n;
      if (p->end >= start)
        p->end += n;
    }
  add_pending (self, start, end);
  queue_check (self, CHECK_DELAY_MS);
}

static void
on_delete_range (PkSpellAdapter *self,
                 GtkTextIter    *start_iter,
                 GtkTextIter    *end_iter,
                 GtkTextBuffer  *buffer)
{
  /* Before the deletion: offsets of what goes. */
  int start = gtk_text_iter_get_offset (start_iter);
  int n = gtk_text_iter_get_offset (end_iter) - start;

  if (!self->enabled)
    return;
  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *p = &g_array_index (self->pending, Pending, i);

      if (p->start > start)
        p->start = MAX (start, p->start - n);
      if (p->end > start)
        p->end = MAX (start, p->end - n);
    }
  add_pending (self, start, start);
  queue_check (self, CHECK_DELAY_MS);
}

/* The owner tagged or untagged text as not to be checked: those lines again. */
static void
on_tag_changed (PkSpellAdapter *self,
                GtkTextTag     *tag,
                GtkTextIter    *start,
                GtkTextIter    *end,
                GtkTextBuffer  *buffer)
{
  if (!self->enabled || tag == NULL || tag != self->skip_tag)
    return;
  add_pending (self, gtk_text_iter_get_offset (start), gtk_text_iter_get_offset (end));
  queue_check (self, CHECK_DELAY_MS);
}

static gboolean
cursor_touches (PkSpellAdapter    *self,
                const GtkTextIter *start,
                const GtkTextIter *end)
{
  GtkTextIter cursor, bound;

  if (self->view == NULL || !gtk_widget_has_focus (GTK_WIDGET (self->view)))
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_buffer_get_iter_at_mark (self->buffer, &bound, gtk_text_buffer_get_selection_bound (self->buffer));
  return gtk_text_iter_equal (&cursor, &bound) &&
         gtk_text_iter_compare (start, &cursor) <= 0 && gtk_text_iter_compare (&cursor, end) <= 0;
}

/* Checks [start, end) of one line: its underlines are redone. */
static void
check_segment (PkSpellAdapter    *self,
               const GtkTextIter *start,
               const GtkTextIter *end)
{
  g_autofree char *text = gtk_text_buffer_get_slice (self->buffer, start, end, TRUE);
  g_autoptr(GArray) ranges = NULL;
  int base = gtk_text_iter_get_line_index (start);

  gtk_text_buffer_remove_tag (self->buffer, self->tag, start, end);
  ranges = pk_spell_checker_find_misspellings (self->checker, text, -1, NULL);
  if (ranges == NULL)
    return;
  for (guint i = 0; i < ranges->len; i++)
    {
      PkSpellRange *range = &g_array_index (ranges, PkSpellRange, i);
      GtkTextIter word_start = *start, word_end = *start;

      gtk_text_iter_set_line_index (&word_start, base + (int) range->start);
      gtk_text_iter_set_line_index (&word_end, base + (int) range->end);
      if (self->skip_tag != NULL && gtk_text_iter_has_tag (&word_start, self->skip_tag))
        continue;
      if (cursor_touches (self, &word_start, &word_end))
        {
          /* Being typed: underlined, if still wrong, once the cursor leaves it. */
          clear_skipped (self);
          self->skipped_start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &word_start, TRUE));
          self->skipped_end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &word_end, FALSE));
          continue;
        }
      gtk_text_buffer_apply_tag (self->buffer, self->tag, &word_start, &word_end);
    }
}

static gboolean
find_unchecked (PkSpellAdapter *self,
                GtkTextIter    *iter)
{
  gtk_text_buffer_get_start_iter (self->buffer, iter);
  if (gtk_text_iter_has_tag (iter, self->unchecked_tag))
    return TRUE;
  return gtk_text_iter_forward_to_tag_toggle (iter, self->unchecked_tag) &&
         gtk_text_iter_has_tag (iter, self->unchecked_tag);
}

static gboolean
check_slice (gpointer data)
{
  PkSpellAdapter *self = data;
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;
  GtkTextIter iter;

  /* A suggestion thread holds the dictionary: wait for it rather than block on it. */
  if (self->checker == NULL || self->suggestions_running > 0)
    {
      self->check_idle = 0;
      update_busy (self);
      return G_SOURCE_REMOVE;
    }

  while (find_unchecked (self, &iter))
    {
      GtkTextIter start = iter, end = iter, next;

      gtk_text_iter_set_line_offset (&start, 0);
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      if (gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&iter) > SEGMENT_CHARS)
        {
          /* A huge paragraph: a piece ending at a space, the rest stays unchecked. */
          GtkTextIter cut = iter;

          gtk_text_iter_forward_chars (&cut, SEGMENT_CHARS);
          while (gtk_text_iter_compare (&cut, &iter) > 0 &&
                 !g_unichar_isspace (gtk_text_iter_get_char (&cut)))
            gtk_text_iter_backward_char (&cut);
          if (gtk_text_iter_compare (&cut, &iter) > 0)
            {
              start = iter;
              if (!gtk_text_iter_starts_line (&start))
                {
                  /* Start after white space too, so no word is cut at the front. */
                  while (!gtk_text_iter_starts_line (&start) &&
                         !g_unichar_isspace (gtk_text_iter_get_char (&start)))
                    gtk_text_iter_backward_char (&start);
                }
              end = cut;
            }
        }
      check_segment (self, &start, &end);
      next = end;
      if (gtk_text_iter_ends_line (&next))
        gtk_text_iter_forward_char (&next);
      if (gtk_text_iter_compare (&next, &iter) <= 0)
        gtk_text_buffer_get_end_iter (self->buffer, &next);
      gtk_text_buffer_remove_tag (self->buffer, self->unchecked_tag, &iter, &next);

      if (g_get_monotonic_time () > deadline)
        return G_SOURCE_CONTINUE;
    }

  self->check_idle = 0;
  update_busy (self);
  return G_SOURCE_REMOVE;
}

static gboolean
check_timeout_cb (gpointer data)
{
  PkSpellAdapter *self = data;

  self->check_timeout = 0;
  flush_pending (self);
  if (self->check_idle == 0 && self->checker != NULL && self->suggestions_running == 0)
    self->check_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, check_slice, self, NULL);
  update_busy (self);
  return G_SOURCE_REMOVE;
}

static void
queue_check (PkSpellAdapter *self,
             guint           delay_ms)
{
  if (!self->enabled || self->buffer == NULL)
    return;
  g_clear_handle_id (&self->check_timeout, g_source_remove);
  self->check_timeout = g_timeout_add (delay_ms, check_timeout_cb, self);
  update_busy (self);
}

static void
stop_checking (PkSpellAdapter *self)
{
  g_clear_handle_id (&self->check_timeout, g_source_remove);
  g_clear_handle_id (&self->check_idle, g_source_remove);
  g_clear_handle_id (&self->cursor_timeout, g_source_remove);
  g_array_set_size (self->pending, 0);
}

static void
remove_all_tags (PkSpellAdapter *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->unchecked_tag, &start, &end);
}

/* After "Add" or "Ignore" only underlined words can change: recheck their lines at once. */
static void
recheck_marked (PkSpellAdapter *self)
{
  GtkTextIter iter, end;

  if (!self->enabled || self->buffer == NULL)
    return;
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  while (gtk_text_iter_has_tag (&iter, self->tag) || gtk_text_iter_forward_to_tag_toggle (&iter, self->tag))
    {
      if (!gtk_text_iter_has_tag (&iter, self->tag))
        continue;
      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, self->tag);
      mark_unchecked (self, &iter, &end);
      iter = end;
      if (gtk_text_iter_is_end (&iter))
        break;
    }
  queue_check (self, 0);
}

static gboolean
cursor_timeout_cb (gpointer data)
{
  PkSpellAdapter *self = data;
  GtkTextIter start, end;

  self->cursor_timeout = 0;
  if (self->skipped_start == NULL)
    return G_SOURCE_REMOVE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->skipped_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->skipped_end);
  if (!cursor_touches (self, &start, &end))
    {
      clear_skipped (self);
      mark_unchecked (self, &start, &end);
      queue_check (self, 0);
    }
  return G_SOURCE_REMOVE;
}

static void
on_cursor_moved (PkSpellAdapter *self)
{
  if (!self->enabled || self->skipped_start == NULL)
    return;
  g_clear_handle_id (&self->cursor_timeout, g_source_remove);
  self->cursor_timeout = g_timeout_add (CURSOR_DELAY_MS, cursor_timeout_cb, self);
}

static void
on_focus_changed (PkSpellAdapter *self)
{
  /* Leaving the view leaves the word being typed too. */
  on_cursor_moved (self);
}

static void
detach_buffer (PkSpellAdapter *self)
{
  GtkTextTagTable *table;

  if (self->buffer == NULL)
    return;
  stop_checking (self);
  clear_corrections (self);
  clear_skipped (self);
  g_signal_handlers_disconnect_by_data (self->buffer, self);
  table = gtk_text_buffer_get_tag_table (self->buffer);
  gtk_text_tag_table_remove (table, self->tag);
  gtk_text_tag_table_remove (table, self->unchecked_tag);
  g_clear_object (&self->tag);
  g_clear_object (&self->unchecked_tag);
  g_clear_object (&self->buffer);
  update_busy (self);
}

static void
attach_buffer (PkSpellAdapter *self,
               GtkTextBuffer  *buffer)
{
  GtkTextTagTable *table;
  GdkRGBA red;

  detach_buffer (self);
  if (buffer == NULL)
    return;
  self->buffer = g_object_ref (buffer);
  gdk_rgba_parse (&red, "#e01b24");
  self->tag = g_object_ref (gtk_text_buffer_create_tag (buffer, NULL,
                                                        "underline", PANGO_UNDERLINE_ERROR,
                                                        "underline-rgba", &red,
                                                        NULL));
  self->unchecked_tag = g_object_ref (gtk_text_buffer_create_tag (buffer, NULL, NULL));
  table = gtk_text_buffer_get_tag_table (buffer);
  /* Above Markdown styling (links may underline too). */
  gtk_text_tag_set_priority (self->tag, gtk_text_tag_table_get_size (table) - 1);

  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_insert_text), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (on_delete_range), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "notify::cursor-position", G_CALLBACK (on_cursor_moved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "apply-tag", G_CALLBACK (on_tag_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "remove-tag", G_CALLBACK (on_tag_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (self->enabled)
    {
      mark_all_unchecked (self);
      queue_check (self, 0);
    }
}

static void
on_view_buffer_changed (PkSpellAdapter *self)
{
  attach_buffer (self, self->view != NULL ? gtk_text_view_get_buffer (self->view) : NULL);
}

/* The word at the cursor when it is misspelt: its range in the buffer. */
static char *
misspelt_word_at_cursor (PkSpellAdapter *self,
                         GtkTextIter    *word_start,
                         GtkTextIter    *word_end)
{
  GtkTextIter cursor, line_start, line_end;
  g_autofree char *line = NULL;
  PkSpellRange range;
  gsize pos = 0, length;
  int index;

  if (gtk_text_buffer_get_selection_bounds (self->buffer, &line_start, &line_end))
    return NULL;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  line_start = cursor;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = cursor;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_buffer_get_slice (self->buffer, &line_start, &line_end, TRUE);
  length = strlen (line);
  index = gtk_text_iter_get_line_index (&cursor);

  while (pk_spell_next_word (line, length, &pos, &range))
    {
      if ((gsize) index < range.start)
        break;
      if ((gsize) index > range.end)
        continue;
      if (pk_spell_checker_check_word (self->checker, line + range.start, range.end - range.start) ||
          (range.end < length && line[range.end] == '.' &&
           pk_spell_checker_check_word (self->checker, line + range.start, range.end + 1 - range.start)))
        return NULL;
      *word_start = line_start;
      gtk_text_iter_set_line_index (word_start, (int) range.start);
      *word_end = line_start;
      gtk_text_iter_set_line_index (word_end, (int) range.end);
      return g_strndup (line + range.start, range.end - range.start);
    }
  return NULL;
}

static void
got_suggestions (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PkSpellAdapter) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) suggestions = pk_spell_checker_get_suggestions_finish (PK_SPELL_CHECKER (source),
                                                                        result, &error);

  /* Checking waited for the dictionary, cancelled or not. */
  self->suggestions_running--;
  if (self->suggestions_running == 0 && self->buffer != NULL && self->enabled)
    queue_check (self, 0);
  update_busy (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->suggesting);
  if (self->word == NULL)
    return;

  g_menu_remove_all (self->corrections);
  if (suggestions == NULL || suggestions[0] == NULL)
    set_corrections_placeholder (self, _("No Suggestions"));
  for (guint i = 0; suggestions != NULL && suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target (item, "spelling.correct", "s", suggestions[i]);
      g_menu_append_item (self->corrections, item);
    }
}

void
pk_spell_adapter_update_corrections (PkSpellAdapter *self)
{
  GtkTextIter start, end;
  char *word;

  g_return_if_fail (PK_IS_SPELL_ADAPTER (self));

  clear_corrections (self);
  if (!self->enabled || self->buffer == NULL || self->checker == NULL)
    return;
  word = misspelt_word_at_cursor (self, &start, &end);
  if (word == NULL)
    return;

  self->word = word;
  self->word_start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE));
  self->word_end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &end, FALSE));
  set_action_enabled (self, "add", TRUE);
  set_action_enabled (self, "ignore", TRUE);

  /* Suggestions take ≈ 0.1 s: the menu opens at once and they fill in. */
  set_corrections_placeholder (self, _("Looking for Suggestions…"));
  self->suggesting = g_cancellable_new ();
  self->suggestions_running++;
  update_busy (self);
  pk_spell_checker_get_suggestions_async (self->checker, word, PK_SPELL_MAX_SUGGESTIONS,
                                          self->suggesting, got_suggestions, g_object_ref (self));
}

static void
on_click_pressed (GtkGestureClick *click,
                  int              n_press,
                  double           x,
                  double           y,
                  PkSpellAdapter  *self)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (click));
  GdkEvent *event = gtk_gesture_get_last_event (GTK_GESTURE (click), sequence);
  GtkTextIter iter, start, end;
  int buffer_x, buffer_y;

  if (n_press != 1 || event == NULL || !gdk_event_triggers_context_menu (event) ||
      self->view == NULL || self->buffer == NULL)
    return;
  /* Like gnome-text-editor: the menu is about the word clicked, so the cursor goes there,
   * unless the click falls inside a selection the menu can cut or copy. */
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (self->view, &iter, buffer_x, buffer_y);
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) ||
      !gtk_text_iter_in_range (&iter, &start, &end))
    gtk_text_buffer_place_cursor (self->buffer, &iter);
  pk_spell_adapter_update_corrections (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PkSpellAdapter        *self)
{
  /* The view opens its menu from these keys without telling anyone first. */
  if (((state & GDK_SHIFT_MASK) != 0 && keyval == GDK_KEY_F10) || keyval == GDK_KEY_Menu)
    pk_spell_adapter_update_corrections (self);
  return FALSE;
}

static void
correct_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PkSpellAdapter *self = user_data;
  const char *replacement = g_variant_get_string (parameter, NULL);
  g_autofree char *slice = NULL;
  g_autofree char *word = NULL;
  GtkTextIter start, end;
  int start_offset, end_offset;

  if (self->word == NULL || self->buffer == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->word_end);
  slice = gtk_text_iter_get_slice (&start, &end);
  start_offset = gtk_text_iter_get_offset (&start);
  end_offset = gtk_text_iter_get_offset (&end);
  word = g_strdup (self->word);
  /* Deleting the marks invalidates the iterators: they are found again by offset. */
  clear_corrections (self);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, start_offset);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, end_offset);
  /* The text changed since the menu opened: replace nothing rather than the wrong thing. */
  if (g_strcmp0 (slice, word) != 0)
    return;
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (self->buffer);
}

static void
added_to_personal (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PkSpellAdapter) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* The word is accepted for this session either way; only keeping it failed. */
  if (pk_spell_checker_add_to_personal_finish (PK_SPELL_CHECKER (source), result, &error))
    return;
  message = g_strdup_printf (_("The word was not saved in the dictionary: %s"), error->message);
  if (g_signal_has_handler_pending (self, signals[SAVE_FAILED], 0, TRUE))
    g_signal_emit (self, signals[SAVE_FAILED], 0, message);
  else
    g_message ("%s", message);
}

static void
add_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  PkSpellAdapter *self = user_data;
  g_autofree char *word = g_strdup (self->word);

  if (word == NULL || self->checker == NULL)
    return;
  clear_corrections (self);
  pk_spell_checker_add_to_personal_async (self->checker, word, NULL, added_to_personal, g_object_ref (self));
}

static void
ignore_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PkSpellAdapter *self = user_data;
  g_autofree char *word = g_strdup (self->word);

  if (word == NULL || self->checker == NULL)
    return;
  clear_corrections (self);
  pk_spell_checker_ignore_word (self->checker, word);
}

static void
enabled_action (GSimpleAction *action,
                GVariant      *value,
                gpointer       user_data)
{
  pk_spell_adapter_set_enabled (user_data, g_variant_get_boolean (value));
}

static void
language_action (GSimpleAction *action,
                 GVariant      *value,
                 gpointer       user_data)
{
  pk_spell_adapter_set_language (user_data, g_variant_get_string (value, NULL));
}

static void
fill_languages_menu (PkSpellAdapter *self)
{
  g_menu_remove_all (self->languages_menu);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (language_name (languages[i]), NULL);

      g_menu_item_set_action_and_target (item, "spelling.language", "s", languages[i]);
      g_menu_append_item (self->languages_menu, item);
    }
}

static void
on_words_changed (PkSpellAdapter *self)
{
  recheck_marked (self);
}

static void
set_checker (PkSpellAdapter *self,
             PkSpellChecker *checker)
{
  if (self->checker == checker)
    return;
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_set_object (&self->checker, checker);
  if (checker != NULL)
    g_signal_connect_object (checker, "words-changed", G_CALLBACK (on_words_changed), self,
                             G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
  if (self->buffer != NULL && self->enabled)
    {
      remove_all_tags (self);
      mark_all_unchecked (self);
      queue_check (self, 0);
    }
}

typedef struct
{
  PkSpellChecker *checker;
  char **languages;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->checker);
  g_strfreev (loaded->languages);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  loaded->languages = pk_spell_checker_list_languages ();
  loaded->checker = pk_spell_checker_new (task_data, &error);
  /* Without a dictionary the language list is still worth having, to pick another. */
  g_clear_error (&error);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PkSpellAdapter) self = user_data;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), NULL);
  GTask *task = G_TASK (result);

  if (g_task_get_cancellable (task) != self->loading || loaded == NULL)
    {
      g_clear_pointer (&loaded, loaded_free);
      return;
    }
  g_clear_object (&self->loading);

  if (languages == NULL && loaded->languages != NULL)
    languages = g_steal_pointer (&loaded->languages);
  fill_languages_menu (self);

  if (loaded->checker != NULL)
    {
      if (checkers == NULL)
        checkers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      /* Another adapter may have loaded the same language meanwhile: share its dictionary. */
      if (!g_hash_table_contains (checkers, self->language))
        g_hash_table_insert (checkers, g_strdup (self->language), g_object_ref (loaded->checker));
      set_checker (self, g_hash_table_lookup (checkers, self->language));
    }
  else
    {
      /* Not the checker's words: it speaks to whoever opens the menu. */
      self->load_error = g_strdup_printf (_("No dictionary for %s"), language_name (self->language));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
      clear_corrections (self);
    }
  loaded_free (loaded);
  update_busy (self);
}

static void
load_checker (PkSpellAdapter *self)
{
  g_autoptr(GTask) task = NULL;
  PkSpellChecker *cached = checkers != NULL ? g_hash_table_lookup (checkers, self->language) : NULL;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->load_error, g_free);
  if (cached != NULL)
    {
      /* Listed when the dictionary was first loaded. */
      if (g_menu_model_get_n_items (G_MENU_MODEL (self->languages_menu)) == 0)
        fill_languages_menu (self);
      set_checker (self, cached);
      clear_corrections (self);
      update_busy (self);
      return;
    }

  set_checker (self, NULL);
  if (self->buffer != NULL)
    remove_all_tags (self);
  self->loading = g_cancellable_new ();
  task = g_task_new (NULL, self->loading, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_checker);
  g_task_set_task_data (task, g_strdup (self->language), g_free);
  g_task_run_in_thread (task, load_thread);
  update_busy (self);
}

static const GActionEntry action_entries[] = {
  { .name = "correct", .activate = correct_action, .parameter_type = "s" },
  { .name = "add", .activate = add_action },
  { .name = "ignore", .activate = ignore_action },
  { .name = "none" },
  { .name = "enabled", .state = "true", .change_state = enabled_action },
  { .name = "language", .parameter_type = "s", .state = "'" PK_SPELL_DEFAULT_LANGUAGE "'",
    .change_state = language_action },
};

static void
build_menu (PkSpellAdapter *self)
{
  g_autoptr(GMenu) words = g_menu_new ();
  g_autoptr(GMenu) settings = g_menu_new ();
  g_autoptr(GMenuItem) add = g_menu_item_new (_("Add to Dictionary"), "spelling.add");
  g_autoptr(GMenuItem) ignore = g_menu_item_new (_("Ignore"), "spelling.ignore");
  g_autoptr(GMenuItem) check = g_menu_item_new (_("Check Spelling"), "spelling.enabled");

  self->menu = g_menu_new ();
  self->corrections = g_menu_new ();
  self->languages_menu = g_menu_new ();

  g_menu_item_set_attribute (add, "hidden-when", "s", "action-disabled");
  g_menu_item_set_attribute (ignore, "hidden-when", "s", "action-disabled");
  g_menu_append_item (words, add);
  g_menu_append_item (words, ignore);
  g_menu_append_item (settings, check);
  g_menu_append_submenu (settings, _("Language"), G_MENU_MODEL (self->languages_menu));

  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->corrections));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (words));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (settings));
}

/* Keeps what the view's owner put in the extra menu, and adds the spelling part after it. */
static void
install_extra_menu (PkSpellAdapter *self)
{
  GMenuModel *current = gtk_text_view_get_extra_menu (self->view);

  if (current != NULL && current == G_MENU_MODEL (self->extra_menu))
    return;
  g_set_object (&self->saved_extra_menu, current);
  g_clear_object (&self->extra_menu);
  self->extra_menu = g_menu_new ();
  if (self->saved_extra_menu != NULL)
    g_menu_append_section (self->extra_menu, NULL, self->saved_extra_menu);
  /* The spelling sections side by side with the view's own, so each gets its separator. */
  for (int i = 0; i < g_menu_model_get_n_items (G_MENU_MODEL (self->menu)); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (G_MENU_MODEL (self->menu), i,
                                                                  G_MENU_LINK_SECTION);

      g_menu_append_section (self->extra_menu, NULL, section);
    }
  gtk_text_view_set_extra_menu (self->view, G_MENU_MODEL (self->extra_menu));
}

static void
attach_view (PkSpellAdapter *self,
             GtkTextView    *view)
{
  GtkEventController *controller;

  g_set_weak_pointer (&self->view, view);

  gtk_widget_insert_action_group (GTK_WIDGET (view), "spelling", G_ACTION_GROUP (self->actions));
  install_extra_menu (self);
  /* An extra menu the owner sets later is kept too, with spelling after it. */
  g_signal_connect_object (view, "notify::extra-menu", G_CALLBACK (install_extra_menu), self,
                           G_CONNECT_SWAPPED);

  /* Capture: before the view's own click gesture opens the menu. */
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
  self->click = controller;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
  self->keys = controller;

  g_signal_connect_object (view, "notify::buffer", G_CALLBACK (on_view_buffer_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::has-focus", G_CALLBACK (on_focus_changed), self,
                           G_CONNECT_SWAPPED);
  attach_buffer (self, gtk_text_view_get_buffer (view));
}

static void
detach_view (PkSpellAdapter *self)
{
  detach_buffer (self);
  if (self->view == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->view, self);
  gtk_widget_remove_controller (GTK_WIDGET (self->view), self->click);
  gtk_widget_remove_controller (GTK_WIDGET (self->view), self->keys);
  self->click = self->keys = NULL;
  if (gtk_text_view_get_extra_menu (self->view) == G_MENU_MODEL (self->extra_menu))
    gtk_text_view_set_extra_menu (self->view, self->saved_extra_menu);
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spelling", NULL);
  g_clear_weak_pointer (&self->view);
}

static void
pk_spell_adapter_dispose (GObject *object)
{
  PkSpellAdapter *self = PK_SPELL_ADAPTER (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  detach_view (self);
  g_cancellable_cancel (self->suggesting);
  g_clear_object (&self->suggesting);
  set_checker (self, NULL);
  g_clear_object (&self->saved_extra_menu);
  g_clear_object (&self->skip_tag);

  G_OBJECT_CLASS (pk_spell_adapter_parent_class)->dispose (object);
}

static void
pk_spell_adapter_finalize (GObject *object)
{
  PkSpellAdapter *self = PK_SPELL_ADAPTER (object);

  g_clear_object (&self->extra_menu);
  g_clear_object (&self->menu);
  g_clear_object (&self->corrections);
  g_clear_object (&self->languages_menu);
  g_clear_object (&self->actions);
  g_array_unref (self->pending);
  g_free (self->language);
  g_free (self->load_error);
  g_free (self->word);

  G_OBJECT_CLASS (pk_spell_adapter_parent_class)->finalize (object);
}

static void
pk_spell_adapter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PkSpellAdapter *self = PK_SPELL_ADAPTER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, pk_spell_adapter_get_available (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_spell_adapter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PkSpellAdapter *self = PK_SPELL_ADAPTER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      attach_view (self, g_value_get_object (value));
      break;
    case PROP_ENABLED:
      pk_spell_adapter_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_LANGUAGE:
      pk_spell_adapter_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_spell_adapter_constructed (GObject *object)
{
  PkSpellAdapter *self = PK_SPELL_ADAPTER (object);

  G_OBJECT_CLASS (pk_spell_adapter_parent_class)->constructed (object);
  if (self->checker == NULL && self->loading == NULL)
    load_checker (self);
}

static void
pk_spell_adapter_class_init (PkSpellAdapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pk_spell_adapter_constructed;
  object_class->dispose = pk_spell_adapter_dispose;
  object_class->finalize = pk_spell_adapter_finalize;
  object_class->get_property = pk_spell_adapter_get_property;
  object_class->set_property = pk_spell_adapter_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_TYPE_TEXT_VIEW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, PK_SPELL_DEFAULT_LANGUAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "Add to Dictionary" could not write the personal word list: a message for a toast. */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pk_spell_adapter_init (PkSpellAdapter *self)
{
  self->enabled = TRUE;
  self->language = g_strdup (PK_SPELL_DEFAULT_LANGUAGE);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  set_action_enabled (self, "add", FALSE);
  set_action_enabled (self, "ignore", FALSE);
  set_action_enabled (self, "none", FALSE);
  build_menu (self);
}

PkSpellAdapter *
pk_spell_adapter_new (GtkTextView *view)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  return g_object_new (PK_TYPE_SPELL_ADAPTER, "view", view, NULL);
}

GtkTextView *
pk_spell_adapter_get_view (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), NULL);
  return self->view;
}

gboolean
pk_spell_adapter_get_enabled (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), FALSE);
  return self->enabled;
}

void
pk_spell_adapter_set_enabled (PkSpellAdapter *self,
                              gboolean        enabled)
{
  g_return_if_fail (PK_IS_SPELL_ADAPTER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                          "enabled")),
                             g_variant_new_boolean (enabled));
  if (self->buffer != NULL)
    {
      stop_checking (self);
      clear_skipped (self);
      remove_all_tags (self);
      if (enabled)
        {
          mark_all_unchecked (self);
          queue_check (self, 0);
        }
    }
  clear_corrections (self);
  update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

const char *
pk_spell_adapter_get_language (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), NULL);
  return self->language;
}

void
pk_spell_adapter_set_language (PkSpellAdapter *self,
                               const char     *language)
{
  g_return_if_fail (PK_IS_SPELL_ADAPTER (self));

  if (language == NULL || *language == '\0')
    language = PK_SPELL_DEFAULT_LANGUAGE;
  if (g_strcmp0 (self->language, language) == 0 && (self->checker != NULL || self->loading != NULL))
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                          "language")),
                             g_variant_new_string (language));
  load_checker (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

PkSpellChecker *
pk_spell_adapter_get_checker (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), NULL);
  return self->checker;
}

gboolean
pk_spell_adapter_get_available (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), FALSE);
  return self->checker != NULL;
}

gboolean
pk_spell_adapter_get_busy (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), FALSE);
  return self->busy;
}

GtkTextTag *
pk_spell_adapter_get_tag (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), NULL);
  return self->tag;
}

GMenuModel *
pk_spell_adapter_get_menu_model (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), NULL);
  return G_MENU_MODEL (self->menu);
}

const char *
pk_spell_adapter_get_word (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), NULL);
  return self->word;
}

GActionGroup *
pk_spell_adapter_get_action_group (PkSpellAdapter *self)
{
  g_return_val_if_fail (PK_IS_SPELL_ADAPTER (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

void
pk_spell_adapter_set_skip_tag (PkSpellAdapter *self,
                               GtkTextTag     *tag)
{
  g_return_if_fail (PK_IS_SPELL_ADAPTER (self));
  g_return_if_fail (tag == NULL || GTK_IS_TEXT_TAG (tag));

  if (!g_set_object (&self->skip_tag, tag))
    return;
  if (self->buffer != NULL && self->enabled)
    {
      mark_all_unchecked (self);
      queue_check (self, 0);
    }
}
