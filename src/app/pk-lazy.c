/* pk-lazy.c: parts of a window made when first needed rather than while it is built. */
#include "config.h"

#include "pk-lazy.h"

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

static void
set_icon_on_map (GtkWidget *page,
                 gpointer   icon_name)
{
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  g_signal_handlers_disconnect_by_func (page, set_icon_on_map, icon_name);
}

void
pk_status_page_set_icon_lazily (AdwStatusPage *page,
                                const char    *icon_name)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    adw_status_page_set_icon_name (page, icon_name);
  else
    g_signal_connect_data (page, "map", G_CALLBACK (set_icon_on_map), g_strdup (icon_name),
                           (GClosureNotify) (void (*) (void)) g_free, 0);
}
