/* pk-view-switcher-title.h: the header bar's panel switcher, as AdwViewSwitcherTitle, with its
 * wide switcher built only once the header is wide enough that it might fit. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PK_TYPE_VIEW_SWITCHER_TITLE (pk_view_switcher_title_get_type ())
G_DECLARE_FINAL_TYPE (PkViewSwitcherTitle, pk_view_switcher_title, PK, VIEW_SWITCHER_TITLE, GtkWidget)

PkViewSwitcherTitle *pk_view_switcher_title_new               (void);
void                 pk_view_switcher_title_set_stack         (PkViewSwitcherTitle *self,
                                                               AdwViewStack        *stack);
AdwViewStack        *pk_view_switcher_title_get_stack         (PkViewSwitcherTitle *self);
void                 pk_view_switcher_title_set_title         (PkViewSwitcherTitle *self,
                                                               const char          *title);
const char          *pk_view_switcher_title_get_title         (PkViewSwitcherTitle *self);
/* Makes the wide switcher now, for a window that starts wide enough that it may show. */
void                 pk_view_switcher_title_prepare_wide      (PkViewSwitcherTitle *self);
/* TRUE when the header is too narrow for any switcher and shows the title instead (a
 * window then reveals an AdwViewSwitcherBar, as with AdwViewSwitcherTitle). */
gboolean             pk_view_switcher_title_get_title_visible (PkViewSwitcherTitle *self);

G_END_DECLS
