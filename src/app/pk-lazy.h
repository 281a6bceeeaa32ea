/* pk-lazy.h: parts of a window made when first needed rather than while it is built. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Like gtk_menu_button_set_menu_model(), but GtkMenuButton builds every item of @menu only when it
 * opens, not while the window is being built; @menu must outlive @button (a template object). */
void pk_menu_button_set_menu_lazily  (GtkMenuButton *button,
                                      GMenuModel    *menu);

/* Gives @page its icon when it is first shown. A GtkImage loads its icon as soon as its style is
 * computed, and GTK computes the style of a stack's hidden pages too: an empty state's 128-pixel
 * symbolic icon is an SVG rendered at start-up for a page that may never show. */
void pk_status_page_set_icon_lazily  (AdwStatusPage *page,
                                      const char    *icon_name);

G_END_DECLS
