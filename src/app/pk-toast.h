/* pk-toast.h: toasts from any widget of a window, shown in the window's AdwToastOverlay. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Takes @toast (floating); dropped when @widget is in no overlay (not shown yet, or gone). */
void pk_toast_show         (GtkWidget  *widget,
                            AdwToast   *toast);
/* A plain message, up for 6 s. */
void pk_toast_show_message (GtkWidget  *widget,
                            const char *message);

G_END_DECLS
