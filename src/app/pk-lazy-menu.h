/* pk-lazy-menu.h: menu buttons whose popover is built when first opened. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Like gtk_menu_button_set_menu_model(), but GtkMenuButton builds every item of @menu only when it
 * opens, not while the window is being built; @menu must outlive @button (a template object). */
void pk_menu_button_set_menu_lazily (GtkMenuButton *button,
                                     GMenuModel    *menu);

G_END_DECLS
