/* pk-search-results.h: full-text search over every meeting, as a list of hits for the sidebar. */
#pragma once

#include <adwaita.h>

#include "protokoll-core.h"

G_BEGIN_DECLS

#define PK_TYPE_SEARCH_RESULTS (pk_search_results_get_type ())
G_DECLARE_FINAL_TYPE (PkSearchResults, pk_search_results, PK, SEARCH_RESULTS, GtkWidget)

void        pk_search_results_set_database (PkSearchResults *self,
                                            PkDatabase      *database);
/* Searches on the database worker; a newer text replaces an older one still running. */
void        pk_search_results_set_text     (PkSearchResults *self,
                                            const char      *text);
/* The hits shown (PkSearchHit), best first. */
GListModel *pk_search_results_get_hits     (PkSearchResults *self);
gboolean    pk_search_results_is_busy      (PkSearchResults *self);

G_END_DECLS
