/* pk-lazy-menu.c: menu buttons whose popover is built when first opened. */
#include "config.h"

#include "pk-lazy-menu.h"

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
