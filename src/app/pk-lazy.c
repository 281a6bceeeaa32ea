/* pk-lazy.c: parts of a window made when first needed rather than while it is built. */
#include "config.h"

#include "pk-lazy.h"

#include <glib/gi18n.h>

static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       menu)
{
  /* GTK 4.8 calls this on every opening: the popover is built once. */
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

void
pk_menu_button_set_menu_lazily (GtkMenuButton *button,
                                GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_create_popup_func (button, create_menu_popup, menu, NULL);
}

static gboolean
show_tooltip (GtkWidget  *widget,
              int         x,
              int         y,
              gboolean    keyboard_mode,
              GtkTooltip *tooltip,
              gpointer    text)
{
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
pk_widget_set_tooltip (GtkWidget  *widget,
                       const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_handlers_disconnect_matched (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, show_tooltip, NULL);
  if (text == NULL || *text == '\0')
    {
      gtk_widget_set_has_tooltip (widget, FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  g_signal_connect_data (widget, "query-tooltip", G_CALLBACK (show_tooltip), g_strdup (text),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* The widget built from the element with id @id in the template that made @widget's subtree
 * (GtkBuilder gives every object with an id its buildable id), or NULL. */
static GtkWidget *
find_by_buildable_id (GtkWidget  *widget,
                      const char *id)
{
  GtkWidget *found = NULL;

  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && found == NULL;
       child = gtk_widget_get_next_sibling (child))
    found = find_by_buildable_id (child, id);
  /* A closed GtkExpander keeps its child out of the tree. */
  if (found == NULL && GTK_IS_EXPANDER (widget))
    {
      GtkWidget *inner = gtk_expander_get_child (GTK_EXPANDER (widget));

      if (inner != NULL && gtk_widget_get_parent (inner) == NULL)
        found = find_by_buildable_id (inner, id);
    }
  return found;
}

void
pk_template_set_tooltips (GtkWidget               *self,
                          const PkTemplateTooltip *tooltips,
                          gsize                    n_tooltips)
{
  /* Found by id rather than bound as template children: GTK 4.8 aborts when a class binds one
   * child twice, and some of these are bound to fields. */
  for (gsize i = 0; i < n_tooltips; i++)
    {
      GtkWidget *child = find_by_buildable_id (self, tooltips[i].child_id);

      if (child == NULL)
        {
          g_critical ("%s has no widget with the id %s", G_OBJECT_TYPE_NAME (self), tooltips[i].child_id);
          continue;
        }
      pk_widget_set_tooltip (child, _(tooltips[i].text));
    }
}

GtkBuilder *
pk_stack_ensure_page (GtkStack   *stack,
                      const char *name,
                      const char *resource)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { name, NULL };

  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);

  if (gtk_stack_get_child_by_name (stack, name) != NULL)
    return NULL;
  builder = gtk_builder_new ();
  /* The files are compiled into the program: failing is a build error, not a user's. */
  if (!gtk_builder_add_objects_from_resource (builder, resource, ids, &error))
    g_error ("%s: %s", resource, error->message);
  gtk_stack_add_named (stack, GTK_WIDGET (gtk_builder_get_object (builder, name)), name);
  return g_steal_pointer (&builder);
}
