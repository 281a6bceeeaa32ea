/* pk-lazy.h: parts of a window made when first needed rather than while it is built. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Like gtk_menu_button_set_menu_model(), but GtkMenuButton builds every item of @menu only when it
 * opens, not while the window is being built; @menu must outlive @button (a template object). */
void pk_menu_button_set_menu_lazily  (GtkMenuButton *button,
                                      GMenuModel    *menu);

/* Adds the page @name to @stack the first time it is asked for: the object with that id in the
 * GtkBuilder file @resource, built alone (a stack builds, styles and lays out its hidden pages
 * too, so an empty state or an error page nobody sees costs at every start). Returns the builder
 * that made it, to find its parts by id, or NULL when @stack had the page already. */
GtkBuilder *pk_stack_ensure_page    (GtkStack      *stack,
                                     const char    *name,
                                     const char    *resource);

/* Like gtk_widget_set_tooltip_text(), without the cost: for every visible widget it is given, GTK
 * 4.8's setter asks the X server where the pointer is (XIQueryPointer and an XSync, two round
 * trips), which is most of a millisecond each while a window is being built. The text is shown
 * through ::query-tooltip and given to assistive technologies as the description, as GTK does;
 * NULL or "" removes it. */
void pk_widget_set_tooltip           (GtkWidget     *widget,
                                      const char    *text);

typedef struct
{
  const char *child_id;  /* an id in the template */
  const char *text;      /* untranslated; the table marks it for xgettext */
} PkTemplateTooltip;

/* pk_widget_set_tooltip() for the widgets of @self's template with these ids (in instance init,
 * after gtk_widget_init_template()). */
void pk_template_set_tooltips        (GtkWidget               *self,
                                      const PkTemplateTooltip *tooltips,
                                      gsize                    n_tooltips);

G_END_DECLS
