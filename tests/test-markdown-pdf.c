/* test-markdown-pdf.c: Markdown in an item's text laid out in the protocol and agenda PDFs (lists,
 * bold, tables), read back with Poppler: where the glyphs are, in which font, and no marker left. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "pk-test-util.h"
#include "protokoll-core.h"

/* A table cell's text starts this far right of the cell's (and so the table's) left edge. */
#define CELL_PAD 4.0

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  char *dir;
  char *path;
  PkDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = pk_test_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "markdown.db", NULL);
  fixture->db = pk_database_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
  pk_test_dir_free (fixture->dir);
  g_free (fixture->path);
}

/* The Kronoberg minutes' bullets with bold lead words, a nested point, a numbered list. */
static const char *const KRONOBERG =
  "Arbetsgruppen redovisar sitt uppdrag.\n"
  "\n"
  "- **Hur:** Kartlägga de verktyg som vi har idag samt komma med förslag på hur vi kan maximera "
  "nyttan och användandet av dessa verktyg i hela länet.\n"
  "- **Vad ska arbetsgruppen göra?** Arbeta för att patientkontraktet sjösätts för alla länets invånare.\n"
  "  - Nästlad punkt om samordning\n"
  "- **Varför:** Det finns idag olika initiativ men inget helhetsgrepp om frågan.\n"
  "\n"
  "## Fortsatt arbete\n"
  "\n"
  "1. Första steget\n"
  "2. Andra steget\n";

/* The Kalmar minutes' item 6: pros and cons, as a Markdown table. */
static const char *const KALMAR =
  "För- och nackdelar med IKB-team:\n"
  "\n"
  "| | För barn och familjer | För verksamheterna |\n"
  "|---|---|---|\n"
  "| Fördelar | Stor tillgänglighet till behandling, en sammanhållen och synkroniserad behandling, "
  "möjligheter att förhindra etablering av svårare beteenden, säkrare och tidigare bedömda behov, "
  "minskat behov av inläggning eller placering, obruten skolgång | Förbättrad samverkan, "
  "resursbesparing genom bättre utnyttjande av tider, minskad kö |\n"
  "| Nackdelar | Kan behöva ta ledigt från arbete; kan behöva öppna upp sitt hem | Ökade personalkostnader |\n"
  "\n"
  "Beslutet följer nedan.\n";

static PkMeeting *
meeting_with_discussion (Fixture    *fixture,
                         const char *discussion,
                         const char *decision_text)
{
  g_autoptr(PkMeeting) meeting = pk_meeting_new ();
  g_autoptr(PkAgendaItem) item = pk_agenda_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  pk_meeting_set_body (meeting, "Läns-gemensam ledning");
  pk_meeting_set_title (meeting, "Sammanträde");
  pk_meeting_set_date (meeting, "2022-03-25");
  pk_meeting_set_kind (meeting, PK_MEETING_KIND_PROTOKOLL);
  pk_meeting_set_status (meeting, PK_MEETING_STATUS_HELD);
  pk_agenda_item_set_title (item, "Barn och unga med komplexa behov");
  pk_agenda_item_set_discussion (item, discussion);
  if (decision_text != NULL)
    {
      g_autoptr(PkDecision) decision = pk_decision_new ();

      pk_decision_set_text (decision, decision_text);
      g_list_store_append (pk_agenda_item_get_decisions (item), decision);
    }
  g_list_store_append (pk_meeting_get_items (meeting), item);
  /* Through the real database: the text is what was stored and read back. */
  id = pk_database_insert_meeting (fixture->db, meeting, &error);
  g_assert_no_error (error);
  return pk_database_load_meeting (fixture->db, id, &error);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static PopplerDocument *
write_protocol (Fixture    *fixture,
                PkMeeting  *meeting,
                const char *name,
                guint      *n_pages)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pk_protocol_pdf_write (meeting, PK_PROTOCOL_FULL, pdf, n_pages, &error));
  g_assert_no_error (error);
  return open_pdf (pdf);
}

/* One page's text with the box of each character, as Poppler reads them. */
typedef struct
{
  char *text;
  PopplerRectangle *boxes;
  guint n_boxes;
  GList *attributes;
} PageText;

static void
page_text_free (PageText *page_text)
{
  g_free (page_text->text);
  g_free (page_text->boxes);
  poppler_page_free_text_attributes (page_text->attributes);
  g_free (page_text);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageText, page_text_free)

static PageText *
page_text_new (PopplerDocument *document,
               int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  PageText *page_text = g_new0 (PageText, 1);

  g_assert_nonnull (page);
  page_text->text = poppler_page_get_text (page);
  g_assert_true (poppler_page_get_text_layout (page, &page_text->boxes, &page_text->n_boxes));
  page_text->attributes = poppler_page_get_text_attributes (page);
  return page_text;
}

/* Character offset of the @nth (from 0) occurrence of @needle, or -1. */
static glong
find_offset (PageText   *page_text,
             const char *needle,
             guint       nth)
{
  const char *at = page_text->text;

  for (;;)
    {
      at = strstr (at, needle);
      if (at == NULL)
        return -1;
      if (nth-- == 0)
        return g_utf8_pointer_to_offset (page_text->text, at);
      at += strlen (needle);
    }
}

/* The box of the first character of @needle; fails the test if it is not on the page. */
static PopplerRectangle
box_of (PageText   *page_text,
        const char *needle)
{
  glong offset = find_offset (page_text, needle, 0);

  if (offset < 0)
    g_error ("“%s” is not on the page:\n%s", needle, page_text->text);
  g_assert_cmpint (offset, <, page_text->n_boxes);
  return page_text->boxes[offset];
}

static const char *
font_at (PageText   *page_text,
         const char *needle)
{
  glong offset = find_offset (page_text, needle, 0);

  g_assert_cmpint (offset, >=, 0);
  for (GList *l = page_text->attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *attributes = l->data;

      if (offset >= attributes->start_index && offset <= attributes->end_index)
        return attributes->font_name;
    }
  g_error ("no font for “%s”", needle);
  return NULL;
}

static char *
document_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* No Markdown marker of any kind in the text a reader gets. */
static void
assert_no_markdown (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "|---"));
  g_assert_null (strstr (text, "---|"));
  g_assert_null (strstr (text, "|"));
  g_assert_null (strstr (text, "##"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ')
        line++;
      if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* ") || g_str_has_prefix (line, "# "))
        g_error ("a Markdown marker starts the line “%s”", lines[i]);
    }
}

static void
test_lists_and_bold (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = meeting_with_discussion (fixture, KRONOBERG, "Informationen **noteras**.");
  g_autoptr(PopplerDocument) document = write_protocol (fixture, meeting, "lists.pdf", NULL);
  g_autoptr(PageText) page = page_text_new (document, 0);
  g_autofree char *text = document_text (document);
  PopplerRectangle body = box_of (page, "Arbetsgruppen redovisar");
  PopplerRectangle bullet = box_of (page, "•");
  PopplerRectangle lead = box_of (page, "Hur:");
  PopplerRectangle wrapped = box_of (page, "nyttan");
  PopplerRectangle nested = box_of (page, "◦");
  PopplerRectangle nested_text = box_of (page, "Nästlad punkt");
  PopplerRectangle first = box_of (page, "1.");
  PopplerRectangle first_text = box_of (page, "Första steget");
  PopplerRectangle heading = box_of (page, "Fortsatt arbete");

  assert_no_markdown (text);
  /* The bullet stands before the item's text, on its line, indented from the body text; the
   * item's second line hangs under its first word, not under the bullet. */
  g_assert_cmpfloat (bullet.x1, >, body.x1 + 3);
  g_assert_cmpfloat (lead.x1, >, bullet.x2);
  g_assert_cmpfloat (ABS (lead.y2 - bullet.y2), <, 1.5);
  g_assert_cmpfloat (wrapped.y1, >, lead.y2 - 1);
  g_assert_cmpfloat (ABS (wrapped.x1 - lead.x1), <, 0.5);
  /* A nested list goes further in. */
  g_assert_cmpfloat (nested.x1, >, bullet.x1 + 10);
  g_assert_cmpfloat (nested_text.x1, >, lead.x1 + 10);
  /* Numbers in the same place as bullets; the text after them where the bullets' text is. */
  g_assert_cmpfloat (first.x2, >, body.x1 + 3);
  g_assert_cmpfloat (ABS (first_text.x1 - lead.x1), <, 0.5);
  g_assert_nonnull (strstr (text, "2."));
  /* Bold is a bold font, the rest of the item is not; a heading is strong text at the margin. */
  g_assert_nonnull (strstr (font_at (page, "Hur:"), "Bold"));
  g_assert_nonnull (strstr (font_at (page, "Vad ska"), "Bold"));
  g_assert_null (strstr (font_at (page, "Kartlägga"), "Bold"));
  g_assert_nonnull (strstr (font_at (page, "Fortsatt arbete"), "Bold"));
  g_assert_cmpfloat (ABS (heading.x1 - body.x1), <, 0.5);
  /* The decision text is Markdown too. */
  g_assert_nonnull (strstr (font_at (page, "noteras"), "Bold"));
  g_assert_null (strstr (font_at (page, "Informationen"), "Bold"));
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = meeting_with_discussion (fixture, KALMAR, NULL);
  g_autoptr(PopplerDocument) document = write_protocol (fixture, meeting, "table.pdf", NULL);
  g_autoptr(PageText) page = page_text_new (document, 0);
  g_autofree char *text = document_text (document);
  PopplerRectangle body = box_of (page, "För- och nackdelar");
  PopplerRectangle head1 = box_of (page, "För barn och familjer");
  PopplerRectangle head2 = box_of (page, "För verksamheterna");
  PopplerRectangle pro = box_of (page, "Fördelar");
  PopplerRectangle pro1 = box_of (page, "Stor tillgänglighet");
  PopplerRectangle pro1_end = box_of (page, "obruten");
  PopplerRectangle pro2 = box_of (page, "Förbättrad");
  PopplerRectangle con = box_of (page, "Nackdelar");
  PopplerRectangle con1 = box_of (page, "Kan behöva");
  PopplerRectangle con2 = box_of (page, "Ökade");
  PopplerRectangle after = box_of (page, "Beslutet följer");

  assert_no_markdown (text);
  /* The head in bold, its cells on one baseline. */
  g_assert_nonnull (strstr (font_at (page, "För barn och familjer"), "Bold"));
  g_assert_nonnull (strstr (font_at (page, "För verksamheterna"), "Bold"));
  g_assert_null (strstr (font_at (page, "Stor tillgänglighet"), "Bold"));
  g_assert_cmpfloat (ABS (head1.y2 - head2.y2), <, 0.1);
  /* The cells of one row share a baseline... */
  g_assert_cmpfloat (ABS (pro.y2 - pro1.y2), <, 0.1);
  g_assert_cmpfloat (ABS (pro.y2 - pro2.y2), <, 0.1);
  g_assert_cmpfloat (ABS (con.y2 - con1.y2), <, 0.1);
  g_assert_cmpfloat (ABS (con.y2 - con2.y2), <, 0.1);
  /* ...rows come in order under the head... */
  g_assert_cmpfloat (head1.y2, <, pro.y1);
  g_assert_cmpfloat (pro1_end.y2, <, con.y1);
  g_assert_cmpfloat (con.y2, <, after.y1);
  /* ...and each column starts at one x down the rows, the first at the text margin. */
  g_assert_cmpfloat (ABS (pro.x1 - con.x1), <, 0.1);
  g_assert_cmpfloat (ABS (head1.x1 - pro1.x1), <, 0.1);
  g_assert_cmpfloat (ABS (pro1.x1 - con1.x1), <, 0.1);
  g_assert_cmpfloat (ABS (head2.x1 - pro2.x1), <, 0.1);
  g_assert_cmpfloat (ABS (pro2.x1 - con2.x1), <, 0.1);
  g_assert_cmpfloat (pro.x1, >=, body.x1);
  g_assert_cmpfloat (pro.x1, <, body.x1 + 10);
  g_assert_cmpfloat (pro1.x1, >, pro.x1 + 30);
  g_assert_cmpfloat (pro2.x1, >, pro1.x1 + 60);
  /* The long cell wraps inside its column: its last words are lines further down, starting at
   * the column's x and ending before the next column. */
  g_assert_cmpfloat (pro1_end.y1, >, pro1.y2 + 10);
  g_assert_cmpfloat (pro1_end.x1, >=, pro1.x1 - 0.1);
  {
    glong offset = find_offset (page, "obruten skolgång", 0);
    PopplerRectangle last = page->boxes[offset + g_utf8_strlen ("obruten skolgång", -1) - 1];

    g_assert_cmpfloat (last.x2, <, pro2.x1);
  }
}

/* Whether @needle is in @text, not followed by a digit ("nummer 1" is not in "nummer 10"). */
static gboolean
has_number (const char *text,
            const char *needle)
{
  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    if (!g_ascii_isdigit (at[strlen (needle)]))
      return TRUE;
  return FALSE;
}

static void
test_long_table (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) markdown = g_string_new ("Länets kommuner och deras kontaktpersoner:\n\n"
                                              "| Nr | Kommun | Kontaktperson |\n|---:|---|---|\n");
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PageText) last = NULL;
  guint n_pages = 0;
  int row1_page = -1, row60_page = -1;

  for (int i = 1; i <= 60; i++)
    g_string_append_printf (markdown, "| %d | Kommun nummer %d | Person %d med ett längre namn |\n", i, i, i);
  meeting = meeting_with_discussion (fixture, markdown->str, NULL);
  document = write_protocol (fixture, meeting, "long.pdf", &n_pages);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int) n_pages);

  for (int p = 0; p < (int) n_pages; p++)
    {
      g_autoptr(PageText) page = page_text_new (document, p);

      assert_no_markdown (page->text);
      if (has_number (page->text, "Kommun nummer 1"))
        row1_page = row1_page < 0 ? p : row1_page;
      if (has_number (page->text, "Kommun nummer 60"))
        row60_page = p;
      /* A row is never split: all of it is on the page its number is on. */
      for (int i = 1; i <= 60; i++)
        {
          g_autofree char *name = g_strdup_printf ("Kommun nummer %d", i);
          g_autofree char *person = g_strdup_printf ("Person %d med", i);
          g_assert_true (has_number (page->text, name) == (strstr (page->text, person) != NULL));
        }
    }
  g_assert_cmpint (row1_page, >=, 0);
  g_assert_cmpint (row60_page, >, row1_page);

  /* The page the table goes on to starts with its head again, bold, above the rows. */
  last = page_text_new (document, row60_page);
  {
    PopplerRectangle head = box_of (last, "Kontaktperson");
    PopplerRectangle row = box_of (last, "Kommun nummer 60");
    PopplerRectangle number = box_of (last, "60");

    g_assert_nonnull (strstr (font_at (last, "Kontaktperson"), "Bold"));
    g_assert_cmpfloat (head.y2, <, row.y1);
    /* The number column is right-aligned (|---:|): "60" ends where the head "Nr" ends. */
    {
      glong offset = find_offset (last, "Nr", 0);
      PopplerRectangle nr_end = last->boxes[offset + 1];
      glong sixty = find_offset (last, "60", 0);
      PopplerRectangle sixty_end = last->boxes[sixty + 1];

      g_assert_cmpfloat (ABS (nr_end.x2 - sixty_end.x2), <, 0.5);
      g_assert_cmpfloat (number.x1, <, row.x1);
    }
  }
}

/* Text that looks like markup stays text; raw HTML (the Kalmar seed has some) is not printed;
 * entities become characters; broken UTF-8 does not stop the export. */
static void
test_escaping_and_html (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = meeting_with_discussion (fixture,
    "Budget <b>R&D</b> & drift ökar med 5 % (x < y > z).\n"
    "\n"
    "<ul style=\"list-style-type: none\"> + Stor tillgänglighet</ul>\n"
    "\n"
    "Kostnad &sect; 4 &ndash; 12 &#8364; och `kod <tt>` samt ~~struken~~ text.\n"
    "\n"
    "Läs mer på [kommunens webbplats](https://example.se/ikb) och https://example.se/direkt.\n"
    "\n"
    "Trasig \xff\xfe text.\n",
    NULL);
  g_autoptr(PopplerDocument) document = write_protocol (fixture, meeting, "escaping.pdf", NULL);
  g_autofree char *text = document_text (document);

  assert_no_markdown (text);
  g_assert_nonnull (strstr (text, "Budget R&D & drift ökar med 5 % (x < y > z)."));
  g_assert_null (strstr (text, "<ul"));
  g_assert_null (strstr (text, "style="));
  g_assert_nonnull (strstr (text, "+ Stor tillgänglighet"));
  g_assert_nonnull (strstr (text, "Kostnad § 4 – 12 € och kod <tt> samt struken text."));
  g_assert_null (strstr (text, "~~"));
  g_assert_null (strstr (text, "&sect;"));
  g_assert_null (strstr (text, "]("));
  g_assert_nonnull (strstr (text, "kommunens webbplats (https://example.se/ikb)"));
  g_assert_nonnull (strstr (text, "https://example.se/direkt"));
  g_assert_null (strstr (text, "https://example.se/direkt (https"));
  g_assert_nonnull (strstr (text, "Trasig"));
  g_assert_nonnull (strstr (text, "text."));
}

/* A line break the secretary typed stays a line break; a blank paragraph or an empty text
 * prints nothing and breaks nothing. */
static void
test_line_breaks_and_blank (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = meeting_with_discussion (fixture, "Närvarande:\nAnna Andersson\nBo Berg\n", "  \n\n ");
  g_autoptr(PopplerDocument) document = write_protocol (fixture, meeting, "breaks.pdf", NULL);
  g_autoptr(PageText) page = page_text_new (document, 0);
  PopplerRectangle label = box_of (page, "Närvarande:");
  PopplerRectangle anna = box_of (page, "Anna Andersson");
  PopplerRectangle bo = box_of (page, "Bo Berg");

  g_assert_cmpfloat (anna.y1, >, label.y2 - 1);
  g_assert_cmpfloat (bo.y1, >, anna.y2 - 1);
  g_assert_cmpfloat (ABS (anna.x1 - label.x1), <, 0.1);
}

/* Tables of odd shapes: ragged rows (missing cells empty, extra cells dropped, as GitHub does), a
 * head with no rows, a table inside a list item (indented with the item's text). */
static void
test_odd_tables (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = meeting_with_discussion (fixture,
    "Inledning.\n"
    "\n"
    "| Ett | Två | Tre |\n"
    "|---|---|---|\n"
    "| a1 |\n"
    "| b1 | b2 | b3 | b4extra |\n"
    "\n"
    "| Bara huvud |\n"
    "|---|\n"
    "\n"
    "- Punkt med tabell:\n"
    "\n"
    "  | Inne | Tabell |\n"
    "  |---|---|\n"
    "  | i1 | i2 |\n",
    NULL);
  g_autoptr(PopplerDocument) document = write_protocol (fixture, meeting, "odd.pdf", NULL);
  g_autoptr(PageText) page = page_text_new (document, 0);
  g_autofree char *text = document_text (document);
  PopplerRectangle body = box_of (page, "Inledning");
  PopplerRectangle a1 = box_of (page, "a1");
  PopplerRectangle b1 = box_of (page, "b1");
  PopplerRectangle b3 = box_of (page, "b3");
  PopplerRectangle tre = box_of (page, "Tre");
  PopplerRectangle item = box_of (page, "Punkt med tabell");
  PopplerRectangle inner = box_of (page, "Inne");
  PopplerRectangle i1 = box_of (page, "i1");

  assert_no_markdown (text);
  g_assert_null (strstr (text, "b4extra"));
  g_assert_nonnull (strstr (text, "Bara huvud"));
  g_assert_cmpfloat (ABS (a1.x1 - b1.x1), <, 0.1);
  g_assert_cmpfloat (ABS (b3.x1 - tre.x1), <, 0.1);
  g_assert_cmpfloat (a1.y2, <, b1.y1);
  /* The table in the item starts where the item's text does, right of the body text. */
  g_assert_cmpfloat (inner.x1, >, body.x1 + 10);
  g_assert_cmpfloat (ABS (inner.x1 - CELL_PAD - item.x1), <, 0.5);
  g_assert_cmpfloat (ABS (inner.x1 - i1.x1), <, 0.1);
  g_assert_cmpfloat (inner.y1, >, item.y2 - 1);
}

/* Wherever the page ends, a heading is on the page of the text under it, and a table's caption on
 * the page of its head and first row: the filler before them grows a line at a time so that each
 * lands at the foot of a page once. */
static void
test_keep_with_next (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "keep.pdf", NULL);
  gboolean broke = FALSE;

  for (guint n = 40; n < 75; n++)
    {
      g_autoptr(PkPdfWriter) writer = pk_pdf_writer_new ();
      g_autoptr(GString) markdown = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PopplerDocument) document = NULL;
      guint n_pages = 0;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (markdown, "Rad %u av utfyllnad.  \n", i);
      g_string_append (markdown, "\n## Rubriken\n\nTexten under rubriken.\n\nTabellens rubrik:\n\n"
                                 "| Kolumn A | Kolumn B |\n|---|---|\n| Värde 1 | Värde 2 |\n| Värde 3 | Värde 4 |\n");
      pk_markdown_pdf_add (writer, markdown->str, 0, 0);
      g_assert_true (pk_pdf_writer_save (writer, pdf, &n_pages, &error));
      g_assert_no_error (error);
      document = open_pdf (pdf);
      for (guint p = 0; p < n_pages; p++)
        {
          g_autoptr(PopplerPage) page = poppler_document_get_page (document, (int) p);
          g_autofree char *text = poppler_page_get_text (page);

          if (strstr (text, "Rubriken") != NULL)
            g_assert_nonnull (strstr (text, "Texten under rubriken"));
          if (strstr (text, "Tabellens rubrik") != NULL)
            {
              g_assert_nonnull (strstr (text, "Kolumn A"));
              g_assert_nonnull (strstr (text, "Värde 1"));
            }
          if (p > 0 && (strstr (text, "Rubriken") != NULL || strstr (text, "Tabellens rubrik") != NULL) &&
              strstr (text, "Rad 0 ") == NULL)
            broke = TRUE;
        }
    }
  /* The filler did push them over a page end: the test saw the case it is for. */
  g_assert_true (broke);
}

/* The anslag box ("Bevis om justering") is never split over two pages, however long the minutes
 * before it (seen: a protocol whose last page held only "Underskrift"). */
static void
test_anslag_box_whole (Fixture       *fixture,
                       gconstpointer  data)
{
  gboolean moved = FALSE;

  for (guint n = 20; n < 90; n += 2)
    {
      g_autoptr(GString) discussion = g_string_new (NULL);
      g_autoptr(PkMeeting) meeting = NULL;
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *name = g_strdup_printf ("anslag-%u.pdf", n);
      guint n_pages = 0;
      gboolean found = FALSE;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (discussion, "Rad %u av utfyllnad.  \n", i);
      meeting = meeting_with_discussion (fixture, discussion->str, "Ärendet läggs till handlingarna.");
      document = write_protocol (fixture, meeting, name, &n_pages);
      for (guint p = 0; p < n_pages; p++)
        {
          g_autoptr(PopplerPage) page = poppler_document_get_page (document, (int) p);
          g_autofree char *text = poppler_page_get_text (page);

          if (strstr (text, "Bevis om justering") == NULL)
            continue;
          found = TRUE;
          g_assert_nonnull (strstr (text, "Förvaringsplats"));
          g_assert_nonnull (strstr (text, "Underskrift"));
          if (strstr (text, "utfyllnad") == NULL && strstr (text, "handlingarna") == NULL)
            moved = TRUE;
        }
      g_assert_true (found);
    }
  /* Some lengths did push the box over a page end. */
  g_assert_true (moved);
}

/* Minnesanteckningar list everyone present under Närvarande, line after line: no empty line where
 * a group (here the ersättare) has nobody. */
static void
test_attendance_list_no_gap (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PkMeeting) stored = meeting_with_discussion (fixture, "Text.", NULL);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PageText) page = NULL;
  const struct { const char *name; PkRole role; } people[] = {
    { "Anna Ek", PK_ROLE_LEDAMOT }, { "Bo Berg", PK_ROLE_LEDAMOT }, { "Cecilia Dahl", PK_ROLE_SEKRETERARE },
  };
  PopplerRectangle a, b, c;
  guint n_pages = 0;

  pk_meeting_set_kind (stored, PK_MEETING_KIND_MINNESANTECKNINGAR);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(PkAttendance) attendance = pk_attendance_new ();

      pk_attendance_set_name (attendance, people[i].name);
      pk_attendance_set_role (attendance, people[i].role);
      g_list_store_append (pk_meeting_get_attendees (stored), attendance);
    }
  document = write_protocol (fixture, stored, "attendance.pdf", &n_pages);
  page = page_text_new (document, 0);
  a = box_of (page, "Anna Ek");
  b = box_of (page, "Bo Berg");
  c = box_of (page, "Cecilia Dahl");
  /* The same step from each line to the next. */
  g_assert_cmpfloat (b.y1 - a.y1, >, 0);
  g_assert_cmpfloat (fabs ((c.y1 - b.y1) - (b.y1 - a.y1)), <, 1.0);
}

/* The writer's table API directly: no rows adds nothing; a table wider than the page in words
 * still fits the text width (words break inside). */
static void
test_writer_table_edges (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PkPdfWriter) writer = pk_pdf_writer_new ();
  g_autofree char *pdf = g_build_filename (fixture->dir, "edges.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PageText) page = NULL;
  const char *cells[] = {
    "Ettmycketlångtordutanmellanrumsomintefårplatsiensmalkolumn", "Tvåmycketlångtordutanmellanrumsomintefårplats",
    "Tremycketlångtordutanmellanrumsomintefårplatsheller", "Fyra",
  };
  double width = pk_pdf_writer_get_text_width (writer);
  guint n_pages = 0;

  pk_pdf_writer_add_table (writer, cells, NULL, 0, 4, 0, 0, 0);
  pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_BODY, "Före tabellen", 0, 0);
  pk_pdf_writer_add_table (writer, cells, NULL, 1, 4, 0, 0, 6);
  pk_markdown_pdf_add (writer, NULL, 0, 6);
  pk_markdown_pdf_add (writer, "", 0, 6);
  g_assert_true (pk_pdf_writer_save (writer, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);

  document = open_pdf (pdf);
  page = page_text_new (document, 0);
  {
    PopplerRectangle margin = box_of (page, "Före tabellen");
    PopplerRectangle fyra = box_of (page, "Fyra");

    for (guint i = 0; i < page->n_boxes; i++)
      if (page->text[0] != '\0' && page->boxes[i].x2 > 0 && page->boxes[i].y1 < fyra.y2 + 40)
        g_assert_cmpfloat (page->boxes[i].x2, <=, margin.x1 + width + 1);
  }
}

/* Before the meeting, the kallelse prints an item's text under its title, Markdown laid out the
 * same way; after it, the text is the minutes and stays out of the kallelse. */
static void
test_agenda (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PkMeeting) meeting = meeting_with_discussion (fixture, KRONOBERG, NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "kallelse.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PageText) page = NULL;
  g_autofree char *text = NULL;

  g_assert_true (pk_agenda_pdf_write (meeting, pdf, NULL, &error));
  g_assert_no_error (error);
  document = open_pdf (pdf);
  text = document_text (document);
  g_assert_nonnull (strstr (text, "Barn och unga med komplexa behov"));
  g_assert_null (strstr (text, "Arbetsgruppen redovisar"));
  g_clear_object (&document);
  g_clear_pointer (&text, g_free);

  pk_meeting_set_status (meeting, PK_MEETING_STATUS_CALLED);
  g_assert_true (pk_agenda_pdf_write (meeting, pdf, NULL, &error));
  g_assert_no_error (error);
  document = open_pdf (pdf);
  text = document_text (document);
  page = page_text_new (document, 0);
  assert_no_markdown (text);
  {
    PopplerRectangle title = box_of (page, "Barn och unga med komplexa behov");
    PopplerRectangle body = box_of (page, "Arbetsgruppen redovisar");
    PopplerRectangle bullet = box_of (page, "•");

    g_assert_cmpfloat (ABS (body.x1 - title.x1), <, 0.5);
    g_assert_cmpfloat (body.y1, >, title.y2 - 1);
    g_assert_cmpfloat (bullet.x1, >, title.x1 + 3);
    g_assert_nonnull (strstr (font_at (page, "Hur:"), "Bold"));
  }
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/markdown-pdf/lists-and-bold", test_lists_and_bold);
  ADD ("/markdown-pdf/table", test_table);
  ADD ("/markdown-pdf/long-table", test_long_table);
  ADD ("/markdown-pdf/escaping-and-html", test_escaping_and_html);
  ADD ("/markdown-pdf/line-breaks-and-blank", test_line_breaks_and_blank);
  ADD ("/markdown-pdf/odd-tables", test_odd_tables);
  ADD ("/markdown-pdf/keep-with-next", test_keep_with_next);
  ADD ("/markdown-pdf/anslag-box-whole", test_anslag_box_whole);
  ADD ("/markdown-pdf/attendance-list-no-gap", test_attendance_list_no_gap);
  ADD ("/markdown-pdf/writer-table-edges", test_writer_table_edges);
  ADD ("/markdown-pdf/agenda", test_agenda);

  return g_test_run ();
}
