/* pk-spell-adapter.h: spell checking while typing in a GtkTextView: red wavy underlines and
 * suggestions, "Add to Dictionary", "Ignore" and the language in the view's context menu. */
#pragma once

#include <gtk/gtk.h>

#include "pk-spell-checker.h"

G_BEGIN_DECLS

#define PK_TYPE_SPELL_ADAPTER (pk_spell_adapter_get_type ())
G_DECLARE_FINAL_TYPE (PkSpellAdapter, pk_spell_adapter, PK, SPELL_ADAPTER, GObject)

/* Signal "save-failed" (const char *message): "Add to Dictionary" could not write the personal
 * word list (the word is still accepted until the app quits); show @message in a toast. */

/* Attaches to @view (and whatever buffer it shows, now or later) and starts loading the
 * PK_SPELL_DEFAULT_LANGUAGE dictionary on a thread. The caller owns the adapter; dropping the
 * last reference detaches it (tags, menu and actions are removed). The view is not kept alive. */
PkSpellAdapter *pk_spell_adapter_new                (GtkTextView    *view);

GtkTextView    *pk_spell_adapter_get_view           (PkSpellAdapter *self);
gboolean        pk_spell_adapter_get_enabled        (PkSpellAdapter *self);
void            pk_spell_adapter_set_enabled        (PkSpellAdapter *self,
                                                     gboolean        enabled);
const char     *pk_spell_adapter_get_language       (PkSpellAdapter *self);
/* Loads that dictionary on a thread (dictionaries are shared by all adapters) and rechecks. */
void            pk_spell_adapter_set_language       (PkSpellAdapter *self,
                                                     const char     *language);
/* NULL while the dictionary loads, or when there is none for the language. */
PkSpellChecker *pk_spell_adapter_get_checker        (PkSpellAdapter *self);
/* FALSE when the language has no dictionary: nothing is underlined; the menu says so. */
gboolean        pk_spell_adapter_get_available      (PkSpellAdapter *self);
/* TRUE while the dictionary loads, suggestions are looked up or text waits to be checked. */
gboolean        pk_spell_adapter_get_busy           (PkSpellAdapter *self);
/* Words starting in text with @tag (the owner's, e.g. code spans, link targets) are not checked;
 * applying or removing it rechecks those lines. NULL for none. */
void            pk_spell_adapter_set_skip_tag       (PkSpellAdapter *self,
                                                     GtkTextTag     *tag);
/* The tag that underlines misspelt words. */
GtkTextTag     *pk_spell_adapter_get_tag            (PkSpellAdapter *self);
/* The spelling part of the context menu, three sections (already in the view's extra menu). */
GMenuModel     *pk_spell_adapter_get_menu_model     (PkSpellAdapter *self);
/* The "spelling" actions inserted on the view: correct (s), add, ignore, enabled (b state),
 * language (s state). A header bar toggle can use "enabled" too. */
GActionGroup   *pk_spell_adapter_get_action_group   (PkSpellAdapter *self);
/* Fills the menu for the word at the cursor. A right click and Shift+F10/Menu do it already. */
void            pk_spell_adapter_update_corrections (PkSpellAdapter *self);
/* The misspelt word at the cursor the menu is about, or NULL. */
const char     *pk_spell_adapter_get_word           (PkSpellAdapter *self);

G_END_DECLS
