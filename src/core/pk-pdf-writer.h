/* pk-pdf-writer.h: lays out blocks of text on A4 pages with cairo + pango and writes the PDF. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PK_PDF_WRITER_ERROR (pk_pdf_writer_error_quark ())

typedef enum
{
  PK_PDF_WRITER_ERROR_FAILED,
} PkPdfWriterError;

typedef enum
{
  PK_PDF_STYLE_BODY,     /* running text */
  PK_PDF_STYLE_SMALL,    /* captions, column heads, notes */
  PK_PDF_STYLE_STRONG,   /* bold running text */
  PK_PDF_STYLE_HEADING,  /* a section or § heading */
  PK_PDF_STYLE_TITLE,    /* the document's title */
} PkPdfStyle;

typedef enum
{
  PK_PDF_ALIGN_LEFT,
  PK_PDF_ALIGN_RIGHT,
  PK_PDF_ALIGN_CENTER,
} PkPdfAlign;

/* One column of a row. Positions and widths are in points from the left text margin. */
typedef struct
{
  double      x;
  double      width;
  PkPdfStyle  style;
  PkPdfAlign  align;
  const char *markup;    /* Pango markup; NULL or "" for an empty cell */
} PkPdfCell;

#define PK_TYPE_PDF_WRITER (pk_pdf_writer_get_type ())
G_DECLARE_FINAL_TYPE (PkPdfWriter, pk_pdf_writer, PK, PDF_WRITER, GObject)

GQuark       pk_pdf_writer_error_quark      (void);

PkPdfWriter *pk_pdf_writer_new              (void);
/* Width of the text area in points (A4 less the margins). */
double       pk_pdf_writer_get_text_width   (PkPdfWriter  *self);
void         pk_pdf_writer_set_metadata     (PkPdfWriter  *self,
                                             const char   *title,
                                             const char   *author,
                                             const char   *subject,
                                             const char   *keywords);
/* Small text at the foot of every page, left; "Sida X av Y" stands at the right. */
void         pk_pdf_writer_set_footer       (PkPdfWriter  *self,
                                             const char   *footer);
/* Boxes at the foot of every page for the approvers' initials, with @label before them. */
void         pk_pdf_writer_set_initials_boxes (PkPdfWriter *self,
                                               const char  *label,
                                               guint        n_boxes);
/* A mark at the head of every page, e.g. "UTKAST – ej justerat"; NULL for none. */
void         pk_pdf_writer_set_watermark    (PkPdfWriter  *self,
                                             const char   *watermark);

/* Writes the file as PDF/A-2b (archival): XMP identification agreeing with the metadata, an sRGB
 * OutputIntent, a document ID; the file cairo writes is rewritten with libqpdf. Off by default. */
void         pk_pdf_writer_set_pdfa         (PkPdfWriter  *self,
                                             gboolean      pdfa);

/* A paragraph over the whole width (less @indent); long ones break across pages between lines. */
void         pk_pdf_writer_add_paragraph    (PkPdfWriter  *self,
                                             PkPdfStyle    style,
                                             const char   *markup,
                                             double        indent,
                                             double        space_before);
/* A paragraph with a hanging @marker (a bullet, "2."): the text starts @indent points from the
 * margin and the marker is set right-aligned in the @hang points before it, on the first line. */
void         pk_pdf_writer_add_list_paragraph (PkPdfWriter *self,
                                               PkPdfStyle   style,
                                               const char  *marker,
                                               const char  *markup,
                                               double       indent,
                                               double       hang,
                                               double       space_before);
/* A table laid out from its content: @cells holds @n_rows × @n_columns Pango markup strings (row
 * by row; NULL for an empty cell), @aligns one alignment per column (NULL: all left). Column widths
 * come from the cells' natural widths, shared out over the text width less @indent; text wraps
 * inside its cell. The first @n_header_rows rows are the head, set bold; the first of them is
 * repeated at the top of each page the table continues on. Rows are kept whole and a long table
 * breaks between rows. */
void         pk_pdf_writer_add_table        (PkPdfWriter       *self,
                                             const char *const *cells,
                                             const PkPdfAlign  *aligns,
                                             guint              n_rows,
                                             guint              n_columns,
                                             guint              n_header_rows,
                                             double             indent,
                                             double             space_before);
/* A row of cells kept on one page; @keep_with_next keeps it on the page of the following block
 * (a heading above its first line). */
void         pk_pdf_writer_add_row          (PkPdfWriter     *self,
                                             const PkPdfCell *cells,
                                             guint            n_cells,
                                             double           space_before,
                                             gboolean         keep_with_next);
/* The last block added stays on the page of the block after it (a heading, a table's caption);
 * ignored for a paragraph of more than three lines. */
void         pk_pdf_writer_keep_with_next   (PkPdfWriter  *self);
/* The last block added gets an entry in the document outline (bookmarks), e.g. "§ 4 Budget". */
void         pk_pdf_writer_mark_outline     (PkPdfWriter  *self,
                                             const char   *title);
void         pk_pdf_writer_add_rule         (PkPdfWriter  *self,
                                             double        space_before);
/* Starts a new page (no-op at the top of a page). */
void         pk_pdf_writer_add_page_break   (PkPdfWriter  *self);

/* Paginates and writes the file; the pages it took are counted in @n_pages. */
gboolean     pk_pdf_writer_save             (PkPdfWriter  *self,
                                             const char   *path,
                                             guint        *n_pages,
                                             GError      **error);

G_END_DECLS
