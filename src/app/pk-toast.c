/* pk-toast.c: toasts from any widget of a window, shown in the window's AdwToastOverlay. */
#include "config.h"

#include "pk-toast.h"

void
pk_toast_show (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *overlay = widget != NULL ? gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) : NULL;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
pk_toast_show_message (GtkWidget  *widget,
                       const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  pk_toast_show (widget, toast);
}
