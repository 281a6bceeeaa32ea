/* pk-markdown-pdf.c: an item's Markdown (discussion, decision text) laid out as PkPdfWriter blocks,
 * parsed by md4c's callbacks; no Markdown marker reaches the PDF. */
#include "config.h"

#include <md4c.h>
#include <string.h>

#include "pk-markdown-pdf.h"

/* Each list level moves the text this far in; its marker stands in the space. */
#define LIST_INDENT   20.0
#define QUOTE_INDENT  14.0
#define SPACE_BLOCK   6.0
#define SPACE_TIGHT   2.0
#define SPACE_LOOSE   5.0
#define SPACE_HEADING 9.0

typedef enum
{
  CONTAINER_BULLETS,
  CONTAINER_NUMBERS,
  CONTAINER_QUOTE,
} ContainerKind;

typedef struct
{
  ContainerKind kind;
  guint next_number;
  char delimiter;
  gboolean tight;
  guint n_items;
} Container;

typedef struct
{
  PkPdfWriter *writer;
  double indent;         /* where text starts at the current depth */
  double next_space;     /* space above the next block */
  GArray *containers;    /* Container, innermost last */
  GString *text;         /* Pango markup of the block being gathered */
  gboolean has_content;  /* ...and whether it holds anything but white space */
  PkPdfStyle style;
  char *marker;          /* a list item's marker, waiting for the item's first block */
  GArray *link_starts;   /* gsize: where each open link's text began in @text */
  /* The table being gathered. */
  GPtrArray *cells;      /* char *, row by row */
  GArray *aligns;        /* PkPdfAlign, one per column */
  guint n_columns;
  guint n_header_rows;
  guint row_cells;       /* cells of the current row so far */
  gboolean in_header;
  gboolean in_html_block;
  gboolean last_was_paragraph;  /* the last block this text added was a paragraph */
  gboolean in_tag;       /* inside "<...>" of raw HTML, which may come in pieces */
} Builder;

static void
append_escaped (Builder    *b,
                const char *text,
                gsize       size)
{
  g_autofree char *escaped = g_markup_escape_text (text, (gssize) size);

  g_string_append (b->text, escaped);
  for (gsize i = 0; i < size && !b->has_content; i++)
    if (!g_ascii_isspace (text[i]))
      b->has_content = TRUE;
}

/* Emits what has been gathered as a paragraph, or a list item's first paragraph with its marker;
 * says whether it added one. */
static gboolean
flush (Builder *b)
{
  gboolean added = FALSE;

  if (b->has_content || b->marker != NULL)
    {
      /* A list item's text never ends in the line break of a soft wrap. */
      while (b->text->len > 0 && b->text->str[b->text->len - 1] == '\n')
        g_string_truncate (b->text, b->text->len - 1);
      if (b->marker != NULL)
        pk_pdf_writer_add_list_paragraph (b->writer, b->style, b->marker, b->text->str, b->indent, LIST_INDENT,
                                          b->next_space);
      else
        pk_pdf_writer_add_paragraph (b->writer, b->style, b->text->str, b->indent, b->next_space);
      g_clear_pointer (&b->marker, g_free);
      b->next_space = SPACE_BLOCK;
      b->last_was_paragraph = TRUE;
      added = TRUE;
    }
  g_string_truncate (b->text, 0);
  b->has_content = FALSE;
  b->style = PK_PDF_STYLE_BODY;
  return added;
}

static Container *
innermost_list (Builder *b)
{
  for (guint i = b->containers->len; i-- > 0;)
    {
      Container *container = &g_array_index (b->containers, Container, i);
      if (container->kind != CONTAINER_QUOTE)
        return container;
    }
  return NULL;
}

static guint
list_depth (Builder *b)
{
  guint depth = 0;

  for (guint i = 0; i < b->containers->len; i++)
    depth += g_array_index (b->containers, Container, i).kind != CONTAINER_QUOTE;
  return depth;
}

static PkPdfAlign
table_align (MD_ALIGN align)
{
  switch (align)
    {
    case MD_ALIGN_RIGHT:
      return PK_PDF_ALIGN_RIGHT;
    case MD_ALIGN_CENTER:
      return PK_PDF_ALIGN_CENTER;
    case MD_ALIGN_LEFT:
    case MD_ALIGN_DEFAULT:
    default:
      return PK_PDF_ALIGN_LEFT;
    }
}

static int
enter_block (MD_BLOCKTYPE type,
             void        *detail,
             void        *userdata)
{
  Builder *b = userdata;

  switch (type)
    {
    case MD_BLOCK_QUOTE:
      {
        Container quote = { CONTAINER_QUOTE, 0, 0, FALSE, 0 };

        flush (b);
        g_array_append_val (b->containers, quote);
        b->indent += QUOTE_INDENT;
      }
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        Container list = { CONTAINER_BULLETS, 1, '.', TRUE, 0 };

        /* A tight item's text comes straight in the item: it ends where a nested list begins. */
        flush (b);
        if (type == MD_BLOCK_OL)
          {
            MD_BLOCK_OL_DETAIL *ol = detail;

            list.kind = CONTAINER_NUMBERS;
            list.next_number = ol->start;
            list.delimiter = ol->mark_delimiter;
            list.tight = ol->is_tight;
          }
        else
          list.tight = ((MD_BLOCK_UL_DETAIL *) detail)->is_tight;
        g_array_append_val (b->containers, list);
        b->indent += LIST_INDENT;
        b->next_space = list_depth (b) > 1 ? SPACE_TIGHT : SPACE_BLOCK - 2;
      }
      break;

    case MD_BLOCK_LI:
      {
        MD_BLOCK_LI_DETAIL *li = detail;
        Container *list = innermost_list (b);
        static const char *const bullets[] = { "•", "◦", "▪" };

        flush (b);
        if (list == NULL)
          break;
        g_free (b->marker);
        if (li->is_task)
          b->marker = g_strdup (li->task_mark == ' ' ? "☐" : "☒");
        else if (list->kind == CONTAINER_NUMBERS)
          b->marker = g_strdup_printf ("%u%c", list->next_number++, list->delimiter);
        else
          b->marker = g_strdup (bullets[(list_depth (b) - 1) % G_N_ELEMENTS (bullets)]);
        if (list->n_items++ > 0)
          b->next_space = list->tight ? SPACE_TIGHT : SPACE_LOOSE;
      }
      break;

    case MD_BLOCK_HR:
      flush (b);
      pk_pdf_writer_add_rule (b->writer, b->next_space);
      b->last_was_paragraph = FALSE;
      b->next_space = SPACE_BLOCK;
      break;

    case MD_BLOCK_H:
      flush (b);
      b->style = PK_PDF_STYLE_STRONG;
      if (b->marker == NULL)
        b->next_space = MAX (b->next_space, SPACE_HEADING);
      break;

    case MD_BLOCK_CODE:
      flush (b);
      g_string_append (b->text, "<tt>");
      break;

    case MD_BLOCK_P:
      /* A paragraph in a list item follows the item's text, if any came first. */
      if (b->has_content)
        flush (b);
      break;

    case MD_BLOCK_TABLE:
      {
        MD_BLOCK_TABLE_DETAIL *table = detail;

        flush (b);
        /* The line introducing a table ("För- och nackdelar:") stays with it. */
        if (b->last_was_paragraph)
          pk_pdf_writer_keep_with_next (b->writer);
        b->cells = g_ptr_array_new_with_free_func (g_free);
        b->aligns = g_array_new (FALSE, TRUE, sizeof (PkPdfAlign));
        b->n_columns = table->col_count;
        b->n_header_rows = 0;
        g_array_set_size (b->aligns, b->n_columns);
      }
      break;

    case MD_BLOCK_THEAD:
      b->in_header = TRUE;
      break;

    case MD_BLOCK_TBODY:
      b->in_header = FALSE;
      break;

    case MD_BLOCK_TR:
      b->row_cells = 0;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (b->aligns != NULL && b->row_cells < b->n_columns)
        g_array_index (b->aligns, PkPdfAlign, b->row_cells) = table_align (((MD_BLOCK_TD_DETAIL *) detail)->align);
      g_string_truncate (b->text, 0);
      b->has_content = FALSE;
      break;

    case MD_BLOCK_HTML:
      flush (b);
      b->in_html_block = TRUE;
      b->in_tag = FALSE;
      break;

    case MD_BLOCK_DOC:
    default:
      break;
    }
  return 0;
}

static int
leave_block (MD_BLOCKTYPE type,
             void        *detail,
             void        *userdata)
{
  Builder *b = userdata;

  switch (type)
    {
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      flush (b);
      if (b->containers->len > 0)
        g_array_set_size (b->containers, b->containers->len - 1);
      b->indent -= type == MD_BLOCK_QUOTE ? QUOTE_INDENT : LIST_INDENT;
      b->next_space = SPACE_BLOCK;
      break;

    case MD_BLOCK_LI:
      flush (b);
      /* An item with nothing in it still shows its marker. */
      if (b->marker != NULL)
        {
          b->has_content = TRUE;
          flush (b);
        }
      break;

    case MD_BLOCK_CODE:
      while (b->text->len > 0 && b->text->str[b->text->len - 1] == '\n')
        g_string_truncate (b->text, b->text->len - 1);
      g_string_append (b->text, "</tt>");
      flush (b);
      break;

    case MD_BLOCK_H:
      /* A heading stays with what follows it. */
      if (flush (b))
        pk_pdf_writer_keep_with_next (b->writer);
      b->next_space = SPACE_TIGHT + 1;
      break;

    case MD_BLOCK_P:
      flush (b);
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (b->cells != NULL && b->row_cells < b->n_columns)
        {
          g_ptr_array_add (b->cells, b->has_content ? g_strdup (b->text->str) : NULL);
          b->row_cells++;
        }
      g_string_truncate (b->text, 0);
      b->has_content = FALSE;
      break;

    case MD_BLOCK_TR:
      for (; b->cells != NULL && b->row_cells < b->n_columns; b->row_cells++)
        g_ptr_array_add (b->cells, NULL);
      if (b->in_header)
        b->n_header_rows++;
      break;

    case MD_BLOCK_TABLE:
      if (b->cells != NULL && b->n_columns > 0)
        pk_pdf_writer_add_table (b->writer, (const char *const *) b->cells->pdata,
                                 (const PkPdfAlign *) b->aligns->data, b->cells->len / b->n_columns, b->n_columns,
                                 b->n_header_rows, b->indent, b->next_space);
      g_clear_pointer (&b->cells, g_ptr_array_unref);
      g_clear_pointer (&b->aligns, g_array_unref);
      b->in_header = FALSE;
      b->last_was_paragraph = FALSE;
      b->next_space = SPACE_BLOCK + 2;
      break;

    case MD_BLOCK_DOC:
      flush (b);
      break;

    case MD_BLOCK_HTML:
      flush (b);
      b->in_html_block = FALSE;
      b->in_tag = FALSE;
      break;

    case MD_BLOCK_HR:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    default:
      break;
    }
  return 0;
}

static int
enter_span (MD_SPANTYPE type,
            void       *detail,
            void       *userdata)
{
  Builder *b = userdata;

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (b->text, "<i>");
      break;
    case MD_SPAN_STRONG:
      g_string_append (b->text, "<b>");
      break;
    case MD_SPAN_CODE:
      g_string_append (b->text, "<tt>");
      break;
    case MD_SPAN_DEL:
      g_string_append (b->text, "<s>");
      break;
    case MD_SPAN_U:
      g_string_append (b->text, "<u>");
      break;
    case MD_SPAN_IMG:
      /* No pictures in the minutes: their description stands in. */
      g_string_append (b->text, "<i>[bild: ");
      break;
    case MD_SPAN_A:
      {
        gsize start = b->text->len;
        g_array_append_val (b->link_starts, start);
      }
      break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      break;
    }
  return 0;
}

static gboolean
is_printable_target (const MD_ATTRIBUTE *href)
{
  return href->size > 0 && (g_str_has_prefix (href->text, "http://") || g_str_has_prefix (href->text, "https://") ||
                            g_str_has_prefix (href->text, "mailto:"));
}

static int
leave_span (MD_SPANTYPE type,
            void       *detail,
            void       *userdata)
{
  Builder *b = userdata;

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (b->text, "</i>");
      break;
    case MD_SPAN_STRONG:
      g_string_append (b->text, "</b>");
      break;
    case MD_SPAN_CODE:
      g_string_append (b->text, "</tt>");
      break;
    case MD_SPAN_DEL:
      g_string_append (b->text, "</s>");
      break;
    case MD_SPAN_U:
      g_string_append (b->text, "</u>");
      break;
    case MD_SPAN_IMG:
      g_string_append (b->text, "]</i>");
      break;
    case MD_SPAN_A:
      {
        MD_SPAN_A_DETAIL *a = detail;
        gsize start = 0;

        if (b->link_starts->len > 0)
          {
            start = g_array_index (b->link_starts, gsize, b->link_starts->len - 1);
            g_array_set_size (b->link_starts, b->link_starts->len - 1);
          }
        /* On paper a link is only as good as its address: it follows the text, unless the text
         * is the address already. */
        if (is_printable_target (&a->href))
          {
            g_autofree char *href = g_markup_escape_text (a->href.text, a->href.size);
            const char *shown = b->text->str + MIN (start, b->text->len);
            const char *bare = g_str_has_prefix (href, "mailto:") ? href + strlen ("mailto:") : href;

            if (strcmp (shown, href) != 0 && strcmp (shown, bare) != 0)
              g_string_append_printf (b->text, " (%s)", bare);
          }
      }
      break;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      break;
    }
  return 0;
}

/* "&auml;", "&#228;", "&#xE4;" as the character; an unknown name as written. */
static void
append_entity (Builder    *b,
               const char *text,
               gsize       size)
{
  static const struct { const char *name; const char *utf8; } names[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
    { "&nbsp;", "\u00a0" }, { "&ndash;", "–" }, { "&mdash;", "—" }, { "&hellip;", "…" },
    { "&auml;", "ä" }, { "&Auml;", "Ä" }, { "&ouml;", "ö" }, { "&Ouml;", "Ö" },
    { "&aring;", "å" }, { "&Aring;", "Å" }, { "&eacute;", "é" }, { "&Eacute;", "É" },
    { "&uuml;", "ü" }, { "&Uuml;", "Ü" }, { "&sect;", "§" }, { "&euro;", "€" }, { "&copy;", "©" },
    { "&laquo;", "«" }, { "&raquo;", "»" }, { "&bull;", "•" }, { "&times;", "×" },
  };
  g_autofree char *entity = g_strndup (text, size);

  if (size > 3 && entity[1] == '#')
    {
      gboolean hex = entity[2] == 'x' || entity[2] == 'X';
      char *end = NULL;
      guint64 code = g_ascii_strtoull (entity + (hex ? 3 : 2), &end, hex ? 16 : 10);
      char utf8[8] = { 0 };

      if (end != NULL && *end == ';' && code > 0 && code <= G_MAXUINT32 && g_unichar_validate ((gunichar) code) &&
          !g_unichar_iscntrl ((gunichar) code))
        {
          append_escaped (b, utf8, g_unichar_to_utf8 ((gunichar) code, utf8));
          return;
        }
      append_escaped (b, "\xef\xbf\xbd", 3);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (entity, names[i].name) == 0)
      {
        append_escaped (b, names[i].utf8, strlen (names[i].utf8));
        return;
      }
  append_escaped (b, text, size);
}

/* Raw HTML (pasted from a web page, as in the Kalmar minutes): the tags are not printed, the text
 * between them is; a <br> is a line break. */
static void
append_html (Builder    *b,
             const char *text,
             gsize       size)
{
  const char *end = text + size;
  const char *p = text;

  while (p < end)
    {
      if (b->in_tag)
        {
          const char *close = memchr (p, '>', end - p);

          if (close == NULL)
            return;
          b->in_tag = FALSE;
          p = close + 1;
        }
      else if (*p == '<')
        {
          if (end - p >= 4 && g_ascii_strncasecmp (p, "<br", 3) == 0 && (p[3] == '>' || p[3] == '/' || p[3] == ' '))
            g_string_append_c (b->text, '\n');
          b->in_tag = TRUE;
          p++;
        }
      else
        {
          const char *open = memchr (p, '<', end - p);
          const char *stop = open != NULL ? open : end;
          g_autofree char *piece = g_strndup (p, stop - p);

          /* An HTML block's lines run on as one paragraph. */
          if (b->in_html_block)
            g_strdelimit (piece, "\n\r\t", ' ');
          append_escaped (b, piece, strlen (piece));
          p = stop;
        }
    }
}

static int
on_text (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *userdata)
{
  Builder *b = userdata;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      append_escaped (b, "\xef\xbf\xbd", 3);
      break;
    case MD_TEXT_BR:
      g_string_append_c (b->text, '\n');
      break;
    case MD_TEXT_SOFTBR:
      /* Minutes are typed line by line ("Närvarande:" and a name a line): a line break the
       * secretary typed stays one. */
      g_string_append_c (b->text, '\n');
      break;
    case MD_TEXT_ENTITY:
      append_entity (b, text, size);
      break;
    case MD_TEXT_HTML:
      append_html (b, text, size);
      break;
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
    default:
      append_escaped (b, text, size);
      break;
    }
  return 0;
}

void
pk_markdown_pdf_add (PkPdfWriter *writer,
                     const char  *markdown,
                     double       indent,
                     double       space_before)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEURLAUTOLINKS |
             MD_FLAG_PERMISSIVEEMAILAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS,
    .enter_block = enter_block,
    .leave_block = leave_block,
    .enter_span = enter_span,
    .leave_span = leave_span,
    .text = on_text,
  };
  g_autofree char *valid = NULL;
  Builder b = { 0 };

  g_return_if_fail (PK_IS_PDF_WRITER (writer));

  if (markdown == NULL)
    return;
  valid = g_utf8_make_valid (markdown, -1);
  if (*g_strstrip (valid) == '\0')
    return;

  b.writer = writer;
  b.indent = indent;
  b.next_space = space_before;
  b.containers = g_array_new (FALSE, FALSE, sizeof (Container));
  b.text = g_string_new (NULL);
  b.style = PK_PDF_STYLE_BODY;
  b.link_starts = g_array_new (FALSE, FALSE, sizeof (gsize));

  /* md4c fails only when out of memory; what was gathered by then is still printed. */
  if (md_parse (valid, (MD_SIZE) strlen (valid), &parser, &b) != 0)
    g_debug ("md4c could not parse all of an item's text");
  flush (&b);

  g_clear_pointer (&b.cells, g_ptr_array_unref);
  g_clear_pointer (&b.aligns, g_array_unref);
  g_array_unref (b.containers);
  g_array_unref (b.link_starts);
  g_string_free (b.text, TRUE);
  g_free (b.marker);
}
