/* pk-pdf-writer.c: lays out blocks of text on A4 pages with cairo + pango and writes the PDF. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "pk-pdf-writer.h"
#include "pk-pdfa.h"

/* A4 in points, with margins a Swedish registrar expects (room to punch and bind on the left). */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN_LEFT   68.0
#define MARGIN_RIGHT  56.7
#define MARGIN_TOP    56.7
#define MARGIN_BOTTOM 75.0
#define FOOTER_Y      (PAGE_HEIGHT - 42.0)
#define TEXT_WIDTH    (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define CONTENT_BOTTOM (PAGE_HEIGHT - MARGIN_BOTTOM)

/* Liberation Sans is metrically Arial, which most municipal templates use; DejaVu is the fallback. */
#define FONT_FAMILY "Liberation Sans, DejaVu Sans"

G_DEFINE_QUARK (pk-pdf-writer-error-quark, pk_pdf_writer_error)

typedef enum
{
  BLOCK_PARAGRAPH,
  BLOCK_ROW,
  BLOCK_RULE,
  BLOCK_PAGE_BREAK,
  BLOCK_TABLE_ROW,
} BlockKind;

/* Table cells: padding inside each cell, in points. */
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0

typedef struct
{
  double x;
  double width;
  PangoLayout *layout;
} Cell;

typedef struct _Block
{
  BlockKind kind;
  double space_before;
  gboolean keep_with_next;
  double indent;
  PangoLayout *layout;   /* paragraph */
  GArray *cells;         /* row: Cell */
  double height;
  /* Paragraph lines, for breaking across pages: top of each line and the end of the last. */
  GArray *line_tops;     /* double, n_lines + 1 entries */
  char *outline;         /* bookmark title, or NULL */
  PangoLayout *marker;   /* list paragraph: bullet or number, set in the hang before the text */
  double hang;
  /* Table row: the table's width, its head row (repeated after a page break; not owned), and
   * whether this row is a head row or the table's last. */
  double width;
  struct _Block *header;
  gboolean is_header;
  gboolean is_first;
  gboolean is_last;
} Block;

/* A block, or the lines [first_line, last_line) of a paragraph, at a place on a page. */
typedef struct
{
  Block *block;
  guint page;
  double y;
  int first_line;
  int last_line;
} Placement;

struct _PkPdfWriter
{
  GObject parent_instance;

  PangoContext *context;
  GPtrArray *blocks;
  char *title;
  char *author;
  char *subject;
  char *keywords;
  char *footer;
  char *watermark;
  char *initials_label;
  guint n_initials;
  gboolean pdfa;
};

G_DEFINE_FINAL_TYPE (PkPdfWriter, pk_pdf_writer, G_TYPE_OBJECT)

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->marker);
  if (block->cells != NULL)
    {
      for (guint i = 0; i < block->cells->len; i++)
        g_clear_object (&g_array_index (block->cells, Cell, i).layout);
      g_array_unref (block->cells);
    }
  g_clear_pointer (&block->line_tops, g_array_unref);
  g_free (block->outline);
  g_free (block);
}

static void
pk_pdf_writer_finalize (GObject *object)
{
  PkPdfWriter *self = PK_PDF_WRITER (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->keywords);
  g_free (self->footer);
  g_free (self->watermark);
  g_free (self->initials_label);
  G_OBJECT_CLASS (pk_pdf_writer_parent_class)->finalize (object);
}

static void
pk_pdf_writer_class_init (PkPdfWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pk_pdf_writer_finalize;
}

static void
pk_pdf_writer_init (PkPdfWriter *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Measured as drawn: no hinting, so text laid out here is where the PDF puts it. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context, pango_language_from_string ("sv"));

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

PkPdfWriter *
pk_pdf_writer_new (void)
{
  return g_object_new (PK_TYPE_PDF_WRITER, NULL);
}

double
pk_pdf_writer_get_text_width (PkPdfWriter *self)
{
  return TEXT_WIDTH;
}

void
pk_pdf_writer_set_metadata (PkPdfWriter *self,
                            const char  *title,
                            const char  *author,
                            const char  *subject,
                            const char  *keywords)
{
  g_return_if_fail (PK_IS_PDF_WRITER (self));

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->author);
  self->author = g_strdup (author);
  g_free (self->subject);
  self->subject = g_strdup (subject);
  g_free (self->keywords);
  self->keywords = g_strdup (keywords);
}

void
pk_pdf_writer_set_footer (PkPdfWriter *self,
                          const char  *footer)
{
  g_return_if_fail (PK_IS_PDF_WRITER (self));
  g_free (self->footer);
  self->footer = g_strdup (footer);
}

void
pk_pdf_writer_set_initials_boxes (PkPdfWriter *self,
                                  const char  *label,
                                  guint        n_boxes)
{
  g_return_if_fail (PK_IS_PDF_WRITER (self));
  g_free (self->initials_label);
  self->initials_label = g_strdup (label);
  self->n_initials = n_boxes;
}

void
pk_pdf_writer_set_watermark (PkPdfWriter *self,
                             const char  *watermark)
{
  g_return_if_fail (PK_IS_PDF_WRITER (self));
  g_free (self->watermark);
  self->watermark = g_strdup (watermark);
}

void
pk_pdf_writer_set_pdfa (PkPdfWriter *self,
                        gboolean     pdfa)
{
  g_return_if_fail (PK_IS_PDF_WRITER (self));
  self->pdfa = pdfa;
}

static const char *
style_font (PkPdfStyle style)
{
  switch (style)
    {
    case PK_PDF_STYLE_SMALL:
      return FONT_FAMILY " 8.5";
    case PK_PDF_STYLE_STRONG:
      return FONT_FAMILY " Bold 10.5";
    case PK_PDF_STYLE_HEADING:
      return FONT_FAMILY " Bold 12.5";
    case PK_PDF_STYLE_TITLE:
      return FONT_FAMILY " Bold 17";
    case PK_PDF_STYLE_BODY:
    default:
      return FONT_FAMILY " 10.5";
    }
}

static PangoLayout *
make_layout (PkPdfWriter *self,
             PkPdfStyle   style,
             PkPdfAlign   align,
             double       width,
             const char  *markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (style_font (style));

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align == PK_PDF_ALIGN_RIGHT    ? PANGO_ALIGN_RIGHT
                                      : align == PK_PDF_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                                                     : PANGO_ALIGN_LEFT);
  if (style == PK_PDF_STYLE_BODY || style == PK_PDF_STYLE_STRONG)
    pango_layout_set_spacing (layout, (int) (1.5 * PANGO_SCALE));
  if (markup == NULL)
    markup = "";
  /* Text that is not valid markup is shown as it is rather than lost. */
  if (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    pango_layout_set_markup (layout, markup, -1);
  else
    pango_layout_set_text (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static Block *
paragraph_block (PkPdfWriter *self,
                 PkPdfStyle   style,
                 const char  *markup,
                 double       indent,
                 double       space_before)
{
  Block *block = g_new0 (Block, 1);
  PangoLayoutIter *iter;
  double top;

  block->kind = BLOCK_PARAGRAPH;
  block->space_before = space_before;
  block->indent = indent;
  block->layout = make_layout (self, style, PK_PDF_ALIGN_LEFT, TEXT_WIDTH - indent, markup);
  block->height = layout_height (block->layout);
  block->line_tops = g_array_new (FALSE, FALSE, sizeof (double));
  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle line;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      top = (double) line.y / PANGO_SCALE;
      g_array_append_val (block->line_tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_array_append_val (block->line_tops, block->height);
  return block;
}

void
pk_pdf_writer_add_paragraph (PkPdfWriter *self,
                             PkPdfStyle   style,
                             const char  *markup,
                             double       indent,
                             double       space_before)
{
  g_return_if_fail (PK_IS_PDF_WRITER (self));
  g_ptr_array_add (self->blocks, paragraph_block (self, style, markup, indent, space_before));
}

void
pk_pdf_writer_add_list_paragraph (PkPdfWriter *self,
                                  PkPdfStyle   style,
                                  const char  *marker,
                                  const char  *markup,
                                  double       indent,
                                  double       hang,
                                  double       space_before)
{
  Block *block;

  g_return_if_fail (PK_IS_PDF_WRITER (self));
  g_return_if_fail (hang > 0 && hang <= indent);

  block = paragraph_block (self, style, markup, indent, space_before);
  /* Right-aligned, a little clear of the text: "9." and "10." line up on their dots. */
  block->marker = make_layout (self, style, PK_PDF_ALIGN_RIGHT, MAX (hang - 5.0, 1.0), marker);
  pango_layout_set_wrap (block->marker, PANGO_WRAP_CHAR);
  block->hang = hang;
  g_ptr_array_add (self->blocks, block);
}

/* Widest line of @layout, in points. */
static double
layout_width (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double widest = 0;

  do
    {
      PangoRectangle line;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      widest = MAX (widest, (double) line.width / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return widest;
}

void
pk_pdf_writer_add_table (PkPdfWriter       *self,
                         const char *const *cells,
                         const PkPdfAlign  *aligns,
                         guint              n_rows,
                         guint              n_columns,
                         guint              n_header_rows,
                         double             indent,
                         double             space_before)
{
  g_autofree double *min_width = NULL;
  g_autofree double *max_width = NULL;
  g_autofree double *width = NULL;
  double available = TEXT_WIDTH - indent;
  double sum_min = 0, sum_max = 0, table_width = 0;
  Block *header = NULL;

  g_return_if_fail (PK_IS_PDF_WRITER (self));
  g_return_if_fail (n_rows == 0 || cells != NULL);
  if (n_rows == 0 || n_columns == 0)
    return;

  /* Each column's natural widths, as in HTML's automatic table layout: the widest word (below
   * which a cell would break inside words) and the widest unbroken line. */
  min_width = g_new0 (double, n_columns);
  max_width = g_new0 (double, n_columns);
  width = g_new0 (double, n_columns);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        PkPdfStyle style = r < n_header_rows ? PK_PDF_STYLE_STRONG : PK_PDF_STYLE_BODY;
        g_autoptr(PangoLayout) layout = make_layout (self, style, PK_PDF_ALIGN_LEFT, 1, cells[r * n_columns + c]);

        pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
        min_width[c] = MAX (min_width[c], layout_width (layout) + 2 * CELL_PAD_X);
        pango_layout_set_width (layout, -1);
        max_width[c] = MAX (max_width[c], layout_width (layout) + 2 * CELL_PAD_X);
      }
  for (guint c = 0; c < n_columns; c++)
    {
      max_width[c] = MAX (max_width[c], min_width[c]);
      sum_min += min_width[c];
      sum_max += max_width[c];
    }

  /* All on one line if that fits; else every column gets its widest word and the rest of the
   * width goes to the columns in proportion to how much more they would take. If even the words
   * do not fit, columns whose words fit in an equal share keep them whole and the others share
   * what is left, breaking inside words. */
  if (sum_min > available)
    {
      double fair = available / n_columns, small = 0, big_min = 0;

      for (guint c = 0; c < n_columns; c++)
        {
          if (min_width[c] <= fair)
            small += min_width[c];
          else
            big_min += min_width[c];
        }
      for (guint c = 0; c < n_columns; c++)
        width[c] = min_width[c] <= fair ? min_width[c] : min_width[c] * (available - small) / big_min;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      if (sum_max <= available)
        width[c] = max_width[c];
      else if (sum_min <= available)
        width[c] = min_width[c] + (max_width[c] - min_width[c]) * (available - sum_min) / (sum_max - sum_min);
      table_width += width[c];
    }

  for (guint r = 0; r < n_rows; r++)
    {
      Block *block = g_new0 (Block, 1);
      PkPdfStyle style = r < n_header_rows ? PK_PDF_STYLE_STRONG : PK_PDF_STYLE_BODY;
      double x = indent;

      block->kind = BLOCK_TABLE_ROW;
      block->space_before = r == 0 ? space_before : 0;
      block->indent = indent;
      block->width = table_width;
      block->is_header = r < n_header_rows;
      block->is_first = r == 0;
      block->is_last = r + 1 == n_rows;
      /* The head stays with the first row under it. */
      block->keep_with_next = block->is_header && !block->is_last;
      block->cells = g_array_sized_new (FALSE, TRUE, sizeof (Cell), n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          PkPdfAlign align = aligns != NULL ? aligns[c] : PK_PDF_ALIGN_LEFT;
          Cell cell = { x + CELL_PAD_X, MAX (width[c] - 2 * CELL_PAD_X, 1), NULL };

          cell.layout = make_layout (self, style, align, cell.width, cells[r * n_columns + c]);
          block->height = MAX (block->height, layout_height (cell.layout) + 2 * CELL_PAD_Y);
          g_array_append_val (block->cells, cell);
          x += width[c];
        }
      if (r == 0 && n_header_rows > 0)
        header = block;
      block->header = header;
      g_ptr_array_add (self->blocks, block);
    }
}

void
pk_pdf_writer_add_row (PkPdfWriter     *self,
                       const PkPdfCell *cells,
                       guint            n_cells,
                       double           space_before,
                       gboolean         keep_with_next)
{
  Block *block = g_new0 (Block, 1);

  g_return_if_fail (PK_IS_PDF_WRITER (self));

  block->kind = BLOCK_ROW;
  block->space_before = space_before;
  block->keep_with_next = keep_with_next;
  block->cells = g_array_sized_new (FALSE, TRUE, sizeof (Cell), n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      Cell cell = { cells[i].x, cells[i].width, NULL };

      cell.layout = make_layout (self, cells[i].style, cells[i].align, cells[i].width, cells[i].markup);
      block->height = MAX (block->height, layout_height (cell.layout));
      g_array_append_val (block->cells, cell);
    }
  g_ptr_array_add (self->blocks, block);
}

void
pk_pdf_writer_mark_outline (PkPdfWriter *self,
                            const char  *title)
{
  Block *block;

  g_return_if_fail (PK_IS_PDF_WRITER (self));
  g_return_if_fail (self->blocks->len > 0);

  block = self->blocks->pdata[self->blocks->len - 1];
  g_free (block->outline);
  block->outline = g_strdup (title);
}

void
pk_pdf_writer_add_rule (PkPdfWriter *self,
                        double       space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_RULE;
  block->space_before = space_before;
  block->height = 4.0;
  g_ptr_array_add (self->blocks, block);
}

void
pk_pdf_writer_add_page_break (PkPdfWriter *self)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_PAGE_BREAK;
  g_ptr_array_add (self->blocks, block);
}

static int
paragraph_lines (Block *block)
{
  return (int) block->line_tops->len - 1;
}

/* Height a block needs on the page it starts on: a whole row, or a paragraph's first two lines
 * (no single orphan line at the foot of a page). */
static double
min_start_height (Block *block)
{
  if (block->kind == BLOCK_PARAGRAPH)
    return g_array_index (block->line_tops, double, MIN (2, paragraph_lines (block)));
  return block->height;
}

/* Height block @i needs on the page it starts on, with what it is kept with: a heading goes with
 * the first lines of what follows it, through a chain (a caption, a table's head, its first row).
 * A paragraph of more than three lines is no heading and is not held back. */
static double
start_height (PkPdfWriter *self,
              guint        i,
              guint        depth)
{
  Block *block = self->blocks->pdata[i];

  if (block->keep_with_next && i + 1 < self->blocks->len && depth < 8 &&
      (block->kind != BLOCK_PARAGRAPH || paragraph_lines (block) <= 3))
    {
      Block *next = self->blocks->pdata[i + 1];
      return block->height + next->space_before + start_height (self, i + 1, depth + 1);
    }
  return min_start_height (block);
}

void
pk_pdf_writer_keep_with_next (PkPdfWriter *self)
{
  g_return_if_fail (PK_IS_PDF_WRITER (self));
  g_return_if_fail (self->blocks->len > 0);

  ((Block *) self->blocks->pdata[self->blocks->len - 1])->keep_with_next = TRUE;
}

static GArray *
paginate (PkPdfWriter *self,
          guint       *n_pages)
{
  GArray *placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  guint page = 0;
  double y = MARGIN_TOP;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];
      double space = y > MARGIN_TOP ? block->space_before : 0;
      double needed = start_height (self, i, 0);

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (y > MARGIN_TOP)
            {
              page++;
              y = MARGIN_TOP;
            }
          continue;
        }

      if (y + space + needed > CONTENT_BOTTOM && y > MARGIN_TOP)
        {
          page++;
          y = MARGIN_TOP;
          space = 0;
          /* A table that goes on over the page starts the new page with its head again. */
          if (block->kind == BLOCK_TABLE_ROW && !block->is_header && block->header != NULL)
            {
              Placement head = { block->header, page, y, 0, 0 };

              g_array_append_val (placements, head);
              y += block->header->height;
            }
        }
      y += space;

      if (block->kind == BLOCK_PARAGRAPH)
        {
          int n_lines = paragraph_lines (block);
          int first = 0;

          while (first < n_lines)
            {
              double first_top = g_array_index (block->line_tops, double, first);
              int last = first;
              Placement placement;

              while (last < n_lines &&
                     y + g_array_index (block->line_tops, double, last + 1) - first_top <= CONTENT_BOTTOM)
                last++;
              if (last == first && y == MARGIN_TOP)
                last = first + 1;  /* a line taller than a page still goes somewhere */
              if (last > first)
                {
                  placement = (Placement) { block, page, y - first_top, first, last };
                  g_array_append_val (placements, placement);
                  y += g_array_index (block->line_tops, double, last) - first_top;
                }
              first = last;
              if (first < n_lines)
                {
                  page++;
                  y = MARGIN_TOP;
                }
            }
        }
      else
        {
          Placement placement = { block, page, y, 0, 0 };

          g_array_append_val (placements, placement);
          y += block->height;
        }
    }
  *n_pages = page + 1;
  return placements;
}

static void
draw_text (cairo_t    *cr,
           const char *font,
           double      x,
           double      y,
           double      width,
           PangoAlignment align,
           const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_page_frame (PkPdfWriter *self,
                 cairo_t     *cr,
                 guint        page,
                 guint        n_pages)
{
  g_autofree char *page_text = g_strdup_printf ("Sida %u av %u", page + 1, n_pages);

  /* Level, above the text of every page: readable, and found by a text search. */
  if (self->watermark != NULL)
    {
      cairo_set_source_rgb (cr, 0.70, 0.18, 0.18);
      draw_text (cr, FONT_FAMILY " Bold 10", MARGIN_LEFT, 26, TEXT_WIDTH, PANGO_ALIGN_CENTER, self->watermark);
    }

  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_LEFT, FOOTER_Y - 6);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y - 6);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  if (self->footer != NULL)
    draw_text (cr, FONT_FAMILY " 8", MARGIN_LEFT, FOOTER_Y, TEXT_WIDTH * 0.75, PANGO_ALIGN_LEFT,
               self->footer);
  draw_text (cr, FONT_FAMILY " 8", MARGIN_LEFT, FOOTER_Y, TEXT_WIDTH, PANGO_ALIGN_RIGHT, page_text);

  /* Initials boxes, centred at the foot: each approver initials every page. */
  if (self->n_initials > 0)
    {
      double box = 26, gap = 6;
      double total = self->n_initials * box + (self->n_initials - 1) * gap;
      double x = MARGIN_LEFT + TEXT_WIDTH * 0.62 - total;

      if (self->initials_label != NULL)
        draw_text (cr, FONT_FAMILY " 7", x - 120, FOOTER_Y + 2, 114, PANGO_ALIGN_RIGHT, self->initials_label);
      cairo_set_line_width (cr, 0.6);
      for (guint i = 0; i < self->n_initials; i++)
        cairo_rectangle (cr, x + i * (box + gap), FOOTER_Y - 2, box, 16);
      cairo_stroke (cr);
    }
}

static void
draw_placement (cairo_t         *cr,
                const Placement *placement)
{
  Block *block = placement->block;

  cairo_set_source_rgb (cr, 0, 0, 0);
  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      {
        PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
        int line = 0;

        do
          {
            if (line >= placement->first_line)
              {
                double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

                cairo_move_to (cr, MARGIN_LEFT + block->indent, placement->y + baseline);
                pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
                if (line == 0 && block->marker != NULL)
                  {
                    double marker_baseline = (double) pango_layout_get_baseline (block->marker) / PANGO_SCALE;

                    cairo_move_to (cr, MARGIN_LEFT + block->indent - block->hang,
                                   placement->y + baseline - marker_baseline);
                    pango_cairo_show_layout (cr, block->marker);
                  }
              }
            line++;
          }
        while (line < placement->last_line && pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
      }
      break;

    case BLOCK_ROW:
      for (guint i = 0; i < block->cells->len; i++)
        {
          Cell *cell = &g_array_index (block->cells, Cell, i);

          cairo_move_to (cr, MARGIN_LEFT + cell->x, placement->y);
          pango_cairo_show_layout (cr, cell->layout);
        }
      break;

    case BLOCK_TABLE_ROW:
      {
        double left = MARGIN_LEFT + block->indent;
        double right = left + block->width;
        double bottom = placement->y + block->height;

        /* A light ground under the head; thin rules: heavier above the head, under the head and
         * under the last row, light between rows. */
        if (block->is_header)
          {
            cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
            cairo_rectangle (cr, left, placement->y, block->width, block->height);
            cairo_fill (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
          }
        if (block->is_header || block->is_first)
          {
            cairo_set_line_width (cr, 0.8);
            cairo_move_to (cr, left, placement->y);
            cairo_line_to (cr, right, placement->y);
            cairo_stroke (cr);
          }
        for (guint i = 0; i < block->cells->len; i++)
          {
            Cell *cell = &g_array_index (block->cells, Cell, i);

            cairo_move_to (cr, MARGIN_LEFT + cell->x, placement->y + CELL_PAD_Y);
            pango_cairo_show_layout (cr, cell->layout);
          }
        if (block->is_header || block->is_last)
          {
            cairo_set_line_width (cr, block->is_last ? 0.8 : 0.6);
          }
        else
          {
            cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
            cairo_set_line_width (cr, 0.3);
          }
        cairo_move_to (cr, left, bottom);
        cairo_line_to (cr, right, bottom);
        cairo_stroke (cr);
      }
      break;

    case BLOCK_RULE:
      cairo_set_line_width (cr, 0.75);
      cairo_move_to (cr, MARGIN_LEFT, placement->y + 2);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN_RIGHT, placement->y + 2);
      cairo_stroke (cr);
      break;

    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* A replace stream closed while cancelled keeps the old file; but a file that did not exist was
 * written in place (GIO only uses a temporary beside an existing one), so it is removed. */
static void
discard_output (GFile             *file,
                GFileOutputStream *stream,
                gboolean           existed)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
}

gboolean
pk_pdf_writer_save (PkPdfWriter  *self,
                    const char   *path,
                    guint        *n_pages_out,
                    GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  g_autoptr(GByteArray) buffer = self->pdfa ? g_byte_array_new () : NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;
  guint next = 0;
  gboolean existed;

  g_return_val_if_fail (PK_IS_PDF_WRITER (self), FALSE);

  /* Written beside the target and renamed over it at the end: a failed export leaves no
   * half-written PDF, and an existing file stays as it was. */
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  placements = paginate (self, &n_pages);
  /* For PDF/A, cairo writes to memory and qpdf rewrites that into the file. */
  surface = buffer != NULL ? cairo_pdf_surface_create_for_stream (write_to_bytes, buffer, PAGE_WIDTH, PAGE_HEIGHT)
                           : cairo_pdf_surface_create_for_stream (write_to_stream, stream, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Protokoll " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  if (self->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  if (self->keywords != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, self->keywords);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      draw_page_frame (self, cr, page, n_pages);
      while (next < placements->len && g_array_index (placements, Placement, next).page == page)
        {
          Placement *placement = &g_array_index (placements, Placement, next++);

          if (placement->block->outline != NULL && placement->first_line == 0)
            {
              g_autofree char *target = g_strdup_printf ("page=%u pos=[%.1f %.1f]", page + 1, MARGIN_LEFT,
                                                         placement->y);
              cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, placement->block->outline,
                                             target, 0);
            }
          draw_placement (cr, placement);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PK_PDF_WRITER_ERROR, PK_PDF_WRITER_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      discard_output (file, stream, existed);
      return FALSE;
    }
  if (buffer != NULL)
    {
      g_autoptr(GBytes) drawn = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
      g_autoptr(GBytes) archival = NULL;
      PkPdfaInfo info = { self->title, self->author, self->subject, self->keywords, "Protokoll " PACKAGE_VERSION, now };

      archival = pk_pdfa_convert (drawn, &info, error);
      if (archival == NULL ||
          !g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (archival, NULL),
                                      g_bytes_get_size (archival), NULL, NULL, error))
        {
          discard_output (file, stream, existed);
          return FALSE;
        }
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;
  if (n_pages_out != NULL)
    *n_pages_out = n_pages;
  return TRUE;
}
