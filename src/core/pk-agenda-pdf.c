/* pk-agenda-pdf.c: the kallelse with its föredragningslista (notice of meeting and agenda) as PDF.
 * The document is in Swedish whatever language the app speaks: it is what the members receive. */
#include "config.h"

#include "pk-action.h"
#include "pk-agenda.h"
#include "pk-agenda-item.h"
#include "pk-agenda-pdf.h"
#include "pk-attachment.h"
#include "pk-markdown-pdf.h"
#include "pk-pdf-writer.h"
#include "pk-person.h"
#include "pk-swedish.h"

/* Columns of the agenda table, in points from the left text margin. */
#define NUMBER_X      0.0
#define NUMBER_WIDTH  34.0
#define TITLE_X       38.0
#define TIME_WIDTH    74.0
#define INDENT_STEP   18.0

static char *
presenters_markup (PkAgendaItem *item)
{
  GListModel *presenters = G_LIST_MODEL (pk_agenda_item_get_presenters (item));
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (presenters);

  if (n == 0)
    return NULL;
  g_string_append (text, n == 1 ? "Föredragande: " : "Föredragande: ");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PkPerson) person = g_list_model_get_item (presenters, i);
      g_autofree char *name = g_markup_escape_text (pk_person_get_name (person), -1);

      if (i > 0)
        g_string_append (text, i + 1 == n ? " och " : ", ");
      g_string_append (text, name);
      if (pk_person_get_title (person) != NULL)
        {
          g_autofree char *title = g_markup_escape_text (pk_person_get_title (person), -1);
          g_string_append_printf (text, ", %s", title);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
item_markup (PkAgendaItem *item,
             gboolean      top_level)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (pk_agenda_item_get_title (item), -1);
  g_autofree char *presenters = presenters_markup (item);
  GListModel *attachments = G_LIST_MODEL (pk_agenda_item_get_attachments (item));

  g_string_append_printf (markup, top_level ? "<b>%s</b>" : "%s", title);
  if (pk_agenda_item_get_dnr (item) != NULL)
    {
      g_autofree char *dnr = g_markup_escape_text (pk_agenda_item_get_dnr (item), -1);
      g_string_append_printf (markup, "\n<span size=\"small\">Dnr %s</span>", dnr);
    }
  if (presenters != NULL)
    g_string_append_printf (markup, "\n<span size=\"small\">%s</span>", presenters);
  if (pk_agenda_item_get_deferred_from (item) != 0)
    g_string_append (markup, "\n<span size=\"small\"><i>Bordlagt vid föregående sammanträde</i></span>");
  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(PkAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autofree char *attachment_title = g_markup_escape_text (pk_attachment_get_title (attachment), -1);

      if (pk_attachment_get_number (attachment) > 0)
        g_string_append_printf (markup, "\n<span size=\"small\">Bilaga %d: %s</span>",
                                pk_attachment_get_number (attachment), attachment_title);
      else
        g_string_append_printf (markup, "\n<span size=\"small\">Bilaga: %s</span>", attachment_title);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
add_info_row (PkPdfWriter *writer,
              const char  *label,
              const char  *value)
{
  g_autofree char *escaped = NULL;
  PkPdfCell cells[2];

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  cells[0] = (PkPdfCell) { 0, 80, PK_PDF_STYLE_STRONG, PK_PDF_ALIGN_LEFT, label };
  cells[1] = (PkPdfCell) { 84, pk_pdf_writer_get_text_width (writer) - 84, PK_PDF_STYLE_BODY,
                           PK_PDF_ALIGN_LEFT, escaped };
  pk_pdf_writer_add_row (writer, cells, 2, 4, FALSE);
}

gboolean
pk_agenda_pdf_write (PkMeeting   *meeting,
                     const char  *path,
                     guint       *n_pages,
                     GError     **error)
{
  g_autoptr(PkPdfWriter) writer = pk_pdf_writer_new ();
  g_autoptr(PkTimePlan) plan = pk_time_plan_new (meeting);
  gboolean has_start = pk_time_parse (pk_meeting_get_start_time (meeting)) >= 0;
  gboolean before_meeting = pk_meeting_get_status (meeting) == PK_MEETING_STATUS_DRAFT ||
                            pk_meeting_get_status (meeting) == PK_MEETING_STATUS_CALLED;
  double width = pk_pdf_writer_get_text_width (writer);
  const char *body = pk_meeting_get_body (meeting);
  g_autofree char *body_markup = g_markup_escape_text (body != NULL ? body : "", -1);
  g_autofree char *long_date = pk_swedish_long_date (pk_meeting_get_date (meeting));
  g_autofree char *time_text = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *subject = NULL;
  PkPdfCell head[2];
  PkPdfCell columns[3];

  g_return_val_if_fail (PK_IS_MEETING (meeting), FALSE);

  pk_meeting_renumber_items (meeting);
  subject = g_strdup_printf ("Kallelse och föredragningslista %s", pk_meeting_get_date (meeting) ? pk_meeting_get_date (meeting) : "");
  pk_pdf_writer_set_metadata (writer, pk_meeting_get_title (meeting), body, subject,
                              "kallelse, föredragningslista, dagordning");
  footer = g_strdup_printf ("%s · Kallelse %s", body != NULL ? body : "",
                            pk_meeting_get_date (meeting) ? pk_meeting_get_date (meeting) : "");
  pk_pdf_writer_set_footer (writer, footer);

  head[0] = (PkPdfCell) { 0, width * 0.62, PK_PDF_STYLE_TITLE, PK_PDF_ALIGN_LEFT, body_markup };
  head[1] = (PkPdfCell) { width * 0.64, width * 0.36, PK_PDF_STYLE_HEADING, PK_PDF_ALIGN_RIGHT,
                          "KALLELSE\n<span size=\"small\" weight=\"normal\">Föredragningslista</span>" };
  pk_pdf_writer_add_row (writer, head, 2, 0, FALSE);
  pk_pdf_writer_add_rule (writer, 8);

  add_info_row (writer, "Sammanträde", pk_meeting_get_title (meeting));
  add_info_row (writer, "Datum", long_date != NULL ? long_date : pk_meeting_get_date (meeting));
  if (pk_meeting_get_start_time (meeting) != NULL)
    time_text = pk_meeting_get_end_time (meeting) != NULL
                  ? g_strdup_printf ("%s–%s", pk_meeting_get_start_time (meeting), pk_meeting_get_end_time (meeting))
                  : g_strdup_printf ("kl. %s", pk_meeting_get_start_time (meeting));
  add_info_row (writer, "Tid", time_text);
  add_info_row (writer, "Plats", pk_meeting_get_place (meeting));
  add_info_row (writer, "Länk", pk_meeting_get_online_link (meeting));
  add_info_row (writer, "Dnr", pk_meeting_get_dnr (meeting));

  pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_HEADING, "Föredragningslista", 0, 22);
  columns[0] = (PkPdfCell) { NUMBER_X, NUMBER_WIDTH, PK_PDF_STYLE_SMALL, PK_PDF_ALIGN_LEFT, "Nr" };
  columns[1] = (PkPdfCell) { TITLE_X, width - TITLE_X - TIME_WIDTH, PK_PDF_STYLE_SMALL, PK_PDF_ALIGN_LEFT, "Ärende" };
  columns[2] = (PkPdfCell) { width - TIME_WIDTH, TIME_WIDTH, PK_PDF_STYLE_SMALL, PK_PDF_ALIGN_RIGHT,
                             has_start ? "Tid" : "Längd" };
  pk_pdf_writer_add_row (writer, columns, 3, 6, TRUE);
  pk_pdf_writer_add_rule (writer, 0);

  for (guint i = 0; i < plan->items->len; i++)
    {
      PkPlannedItem *planned = &g_array_index (plan->items, PkPlannedItem, i);
      PkAgendaItem *item = planned->item;
      guint depth = pk_agenda_item_get_depth (item);
      double indent = depth * INDENT_STEP;
      g_autofree char *number = g_markup_escape_text (pk_agenda_item_get_number (item), -1);
      g_autofree char *number_markup = g_strdup_printf (depth == 0 ? "<b>%s</b>" : "%s", number);
      g_autofree char *markup = item_markup (item, depth == 0);
      g_autofree char *start = has_start ? pk_time_plan_format_time (planned->start_min) : NULL;
      g_autofree char *time_markup = NULL;
      PkPdfCell cells[3];

      if (planned->no_duration)
        time_markup = g_strdup (start != NULL ? start : "");
      else if (start != NULL)
        time_markup = g_strdup_printf ("%s\n<span size=\"small\">%d min</span>", start,
                                       pk_agenda_item_get_duration_min (item));
      else
        time_markup = g_strdup_printf ("%d min", pk_agenda_item_get_duration_min (item));

      cells[0] = (PkPdfCell) { NUMBER_X + indent, NUMBER_WIDTH, PK_PDF_STYLE_BODY, PK_PDF_ALIGN_LEFT, number_markup };
      cells[1] = (PkPdfCell) { TITLE_X + indent, width - TITLE_X - TIME_WIDTH - indent - 6,
                               PK_PDF_STYLE_BODY, PK_PDF_ALIGN_LEFT, markup };
      cells[2] = (PkPdfCell) { width - TIME_WIDTH, TIME_WIDTH, PK_PDF_STYLE_BODY, PK_PDF_ALIGN_RIGHT, time_markup };
      pk_pdf_writer_add_row (writer, cells, 3, depth == 0 ? 9 : 5, FALSE);
      /* Before the meeting an item's text is its description (ärendebeskrivning) and goes under
       * its title; once the meeting is held it is the minutes, which are not the kallelse's. */
      if (before_meeting)
        pk_markdown_pdf_add (writer, pk_agenda_item_get_discussion (item), TITLE_X + indent, 3);
    }
  if (plan->items->len == 0)
    pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_BODY, "<i>Inga ärenden.</i>", TITLE_X, 8);

  pk_pdf_writer_add_rule (writer, 10);
  if (plan->end_min >= 0 && plan->items->len > 0)
    {
      g_autofree char *end = pk_time_plan_format_time (plan->end_min);
      g_autofree char *total = plan->total_min >= 60
                                 ? g_strdup_printf ("%d h %02d min", plan->total_min / 60, plan->total_min % 60)
                                 : g_strdup_printf ("%d min", plan->total_min);
      g_autofree char *summary = g_strdup_printf ("Beräknad sluttid %s (sammanlagt %s)", end, total);
      pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_SMALL, summary, TITLE_X, 4);
    }

  return pk_pdf_writer_save (writer, path, n_pages, error);
}
