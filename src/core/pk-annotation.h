/* pk-annotation.h: a private note pinned to a rectangle on one page of a bilaga. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PK_TYPE_ANNOTATION (pk_annotation_get_type ())
G_DECLARE_FINAL_TYPE (PkAnnotation, pk_annotation, PK, ANNOTATION, GObject)

PkAnnotation *pk_annotation_new (void);

gint64      pk_annotation_get_id            (PkAnnotation *self);
void        pk_annotation_set_id            (PkAnnotation *self, gint64 id);
gint64      pk_annotation_get_attachment_id (PkAnnotation *self);
void        pk_annotation_set_attachment_id (PkAnnotation *self, gint64 attachment_id);
/* 0-based page index. */
int         pk_annotation_get_page          (PkAnnotation *self);
void        pk_annotation_set_page          (PkAnnotation *self, int page);
/* The rectangle in PDF points from the page's top left corner (as Poppler's page size). */
double      pk_annotation_get_x             (PkAnnotation *self);
void        pk_annotation_set_x             (PkAnnotation *self, double x);
double      pk_annotation_get_y             (PkAnnotation *self);
void        pk_annotation_set_y             (PkAnnotation *self, double y);
double      pk_annotation_get_width         (PkAnnotation *self);
void        pk_annotation_set_width         (PkAnnotation *self, double width);
double      pk_annotation_get_height        (PkAnnotation *self);
void        pk_annotation_set_height        (PkAnnotation *self, double height);
const char *pk_annotation_get_text          (PkAnnotation *self);
void        pk_annotation_set_text          (PkAnnotation *self, const char *text);
/* ISO 8601 UTC, set by the database when the note is added. */
const char *pk_annotation_get_created_at    (PkAnnotation *self);
void        pk_annotation_set_created_at    (PkAnnotation *self, const char *created_at);

G_END_DECLS
