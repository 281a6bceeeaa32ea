/* pk-window-private.h: what pk-window.c shares with pk-window-actions.c. */
#pragma once

#include "pk-meeting-view.h"
#include "pk-search-results.h"
#include "pk-view-switcher-title.h"
#include "pk-window.h"

G_BEGIN_DECLS

struct _PkWindow
{
  AdwApplicationWindow parent_instance;

  GtkStack *main_stack;
  AdwStatusPage *error_page;    /* NULL until a file could not be opened (ensure_page) */
  AdwLeaflet *leaflet;
  GtkListView *meeting_list;
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  PkSearchResults *search_results;
  GtkStack *content_stack;
  PkMeetingView *meeting_view;
  PkViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwToastOverlay *toast_overlay;
  GtkMenuButton *meeting_menu_button;
  GtkMenuButton *sidebar_menu_button;
  GMenuModel *primary_menu;
  GMenuModel *meeting_menu;

  char *database_path;
  char *opening_path;            /* the open in flight; a late result for another path is dropped */
  gboolean opening;              /* until that open has shown its meetings or its error */
  PkDatabase *database;
  GCancellable *cancellable;
  GListStore *meetings;          /* PkMeeting, grouped by body, newest first */
  GListStore *rows;              /* the sidebar: a GtkStringObject heading per body, then its meetings */
  GtkSingleSelection *selection;
  GHashTable *pending_deletes;   /* meeting id -> PkMeeting removed but not yet deleted */
  GPtrArray *sidebar_tail;      /* rows of the first fill not yet in the sidebar (see rebuild) */
  guint sidebar_tail_id;
  gboolean sidebar_filled;
  guint pending_jobs;            /* database writes in flight; the app is held meanwhile */
  gint64 select_after_reload;
  char *selected_sort_key;
  gboolean bench_first_frame;
};

void pk_window_class_install_actions (GtkWidgetClass *widget_class);
void pk_window_class_install_share_actions (GtkWidgetClass *widget_class);
void pk_window_update_actions     (PkWindow   *self);
void pk_window_rebuild_sidebar    (PkWindow   *self);
void pk_window_reload_meetings    (PkWindow   *self,
                                   gint64      select_id);
void pk_window_commit_deletes     (PkWindow   *self);
/* Counts a database write so the app is not quit under it. */
void pk_window_job_started        (PkWindow   *self);
void pk_window_job_finished       (PkWindow   *self);

G_END_DECLS
