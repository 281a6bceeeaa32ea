/* pk-protocol-pdf.c: the minutes as PDF, in the Swedish a registrar expects (design §6). The text
 * of the document is Swedish whatever language the app speaks. */
#include "config.h"

#include <string.h>

#include "pk-action.h"
#include "pk-agenda.h"
#include "pk-agenda-item.h"
#include "pk-attachment.h"
#include "pk-attendance.h"
#include "pk-decision.h"
#include "pk-markdown-pdf.h"
#include "pk-pdf-writer.h"
#include "pk-person.h"
#include "pk-person-note.h"
#include "pk-protocol-pdf.h"
#include "pk-signoff.h"
#include "pk-swedish.h"

#define LABEL_WIDTH 128.0
#define OSL_TEXT "Sekretess enligt OSL"

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static const char *
role_word (PkRole role)
{
  switch (role)
    {
    case PK_ROLE_ORDFORANDE:
      return "ordförande";
    case PK_ROLE_VICE_ORDFORANDE:
      return "vice ordförande";
    case PK_ROLE_SEKRETERARE:
      return "sekreterare";
    case PK_ROLE_JUSTERARE:
      return "justerare";
    case PK_ROLE_ERSATTARE:
      return "ersättare";
    case PK_ROLE_ADJUNGERAD:
      return "adjungerad";
    case PK_ROLE_LEDAMOT:
    case PK_ROLE_OVRIG:
    default:
      return NULL;
    }
}

char *
pk_protocol_describe_attendee (PkAttendance *a)
{
  GString *text = g_string_new (pk_attendance_get_name (a));
  const char *organisation = pk_attendance_get_organisation (a);
  const char *role = role_word (pk_attendance_get_role (a));

  if (organisation != NULL)
    g_string_append_printf (text, " (%s)", organisation);
  if (pk_attendance_get_role (a) == PK_ROLE_ERSATTARE && pk_attendance_get_replaces (a) != NULL)
    g_string_append_printf (text, ", tjänstgörande ersättare för %s", pk_attendance_get_replaces (a));
  else if (role != NULL && pk_attendance_get_role (a) != PK_ROLE_ERSATTARE)
    g_string_append_printf (text, ", %s", role);
  if (pk_attendance_get_title (a) != NULL)
    g_string_append_printf (text, ", %s", pk_attendance_get_title (a));
  if (pk_attendance_get_from_item (a) != NULL && pk_attendance_get_to_item (a) != NULL)
    g_string_append_printf (text, ", närvarande punkt %s–%s", pk_attendance_get_from_item (a),
                            pk_attendance_get_to_item (a));
  else if (pk_attendance_get_from_item (a) != NULL)
    g_string_append_printf (text, ", närvarande från punkt %s", pk_attendance_get_from_item (a));
  else if (pk_attendance_get_to_item (a) != NULL)
    g_string_append_printf (text, ", närvarande till och med punkt %s", pk_attendance_get_to_item (a));
  /* Notes as written: "ej fm", "till och från". */
  if (pk_attendance_get_note (a) != NULL)
    g_string_append_printf (text, " (%s)", pk_attendance_get_note (a));
  return g_string_free (text, FALSE);
}

static void
add_labelled (PkPdfWriter *writer,
              const char  *label,
              const char  *markup,
              double       space_before)
{
  PkPdfCell cells[2];

  if (markup == NULL || *markup == '\0')
    return;
  cells[0] = (PkPdfCell) { 0, LABEL_WIDTH - 6, PK_PDF_STYLE_STRONG, PK_PDF_ALIGN_LEFT, label };
  cells[1] = (PkPdfCell) { LABEL_WIDTH, pk_pdf_writer_get_text_width (writer) - LABEL_WIDTH,
                           PK_PDF_STYLE_BODY, PK_PDF_ALIGN_LEFT, markup };
  pk_pdf_writer_add_row (writer, cells, 2, space_before, FALSE);
}

typedef enum { LIST_VOTING, LIST_SUBSTITUTES, LIST_OTHERS } ListKind;

static char *
attendee_list (PkMeeting *meeting,
               ListKind   kind)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) a = g_list_model_get_item (attendees, i);
      PkRole role = pk_attendance_get_role (a);
      gboolean serving = role == PK_ROLE_ERSATTARE && pk_attendance_get_replaces (a) != NULL;
      gboolean voting = role == PK_ROLE_ORDFORANDE || role == PK_ROLE_VICE_ORDFORANDE ||
                        role == PK_ROLE_LEDAMOT || serving;
      gboolean belongs;
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      if (!pk_attendance_get_present (a))
        continue;
      switch (kind)
        {
        case LIST_VOTING:
          belongs = voting;
          break;
        case LIST_SUBSTITUTES:
          belongs = role == PK_ROLE_ERSATTARE && !serving;
          break;
        case LIST_OTHERS:
        default:
          belongs = !voting && role != PK_ROLE_ERSATTARE;
          break;
        }
      if (!belongs)
        continue;
      text = pk_protocol_describe_attendee (a);
      escaped = g_markup_escape_text (text, -1);
      g_string_append_printf (markup, "%s%s", markup->len ? "\n" : "", escaped);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Who holds @role: chosen in the roster, or else whoever signed in it. */
static char *
names_with_role (PkMeeting *meeting,
                 PkRole     role)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  GListModel *signoffs = G_LIST_MODEL (pk_meeting_get_signoffs (meeting));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) a = g_list_model_get_item (attendees, i);
      if (pk_attendance_get_role (a) == role)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", pk_attendance_get_name (a));
    }
  for (guint i = 0; names->len == 0 && i < g_list_model_get_n_items (signoffs); i++)
    {
      g_autoptr(PkSignoff) signoff = g_list_model_get_item (signoffs, i);
      if (pk_signoff_get_role (signoff) == role)
        g_string_append (names, pk_signoff_get_name (signoff));
    }
  return names->len ? escape (names->str) : NULL;
}

static char *
section_label (PkAgendaItem *item,
               gboolean      protokoll)
{
  /* Sub-items share their parent's §: they are numbered, not paragraphed. */
  if (!protokoll || pk_agenda_item_get_depth (item) > 0)
    return g_strdup_printf ("%s%s", pk_agenda_item_get_number (item), protokoll ? "" : ".");
  if (pk_agenda_item_get_paragraph (item) >= 0)
    return g_strdup_printf ("§ %d", pk_agenda_item_get_paragraph (item));
  /* Before justering the § numbers are not fixed: the item number stands in. */
  return g_strdup_printf ("§ %s", pk_agenda_item_get_number (item));
}

static void
add_item (PkPdfWriter       *writer,
          PkAgendaItem      *item,
          gboolean           protokoll,
          PkProtocolVersion  version)
{
  double width = pk_pdf_writer_get_text_width (writer);
  gboolean withheld = version == PK_PROTOCOL_PUBLIC && pk_agenda_item_get_confidential (item);
  g_autofree char *label = section_label (item, protokoll);
  g_autofree char *title = escape (pk_agenda_item_get_title (item));
  g_autofree char *heading = g_strdup_printf ("%s %s", label, title);
  g_autofree char *dnr = pk_agenda_item_get_dnr (item) ? g_strdup_printf ("Dnr %s", pk_agenda_item_get_dnr (item)) : NULL;
  g_autofree char *dnr_escaped = escape (dnr);
  GListModel *presenters = G_LIST_MODEL (pk_agenda_item_get_presenters (item));
  GListModel *recusals = G_LIST_MODEL (pk_agenda_item_get_recusals (item));
  GListModel *decisions = G_LIST_MODEL (pk_agenda_item_get_decisions (item));
  GListModel *attachments = G_LIST_MODEL (pk_agenda_item_get_attachments (item));
  PkPdfCell head[2] = {
    { 0, width * 0.75, PK_PDF_STYLE_HEADING, PK_PDF_ALIGN_LEFT, heading },
    { width * 0.75, width * 0.25, PK_PDF_STYLE_SMALL, PK_PDF_ALIGN_RIGHT, dnr_escaped },
  };

  pk_pdf_writer_add_row (writer, head, 2, 16, TRUE);
  {
    g_autofree char *outline = g_strdup_printf ("%s %s", label, pk_agenda_item_get_title (item));
    pk_pdf_writer_mark_outline (writer, outline);
  }
  if (withheld)
    {
      pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_BODY, "<i>" OSL_TEXT "</i>", 0, 6);
      return;
    }

  if (g_list_model_get_n_items (presenters) > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (presenters); i++)
        {
          g_autoptr(PkPerson) person = g_list_model_get_item (presenters, i);
          g_string_append_printf (names, "%s%s", i ? ", " : "", pk_person_get_name (person));
          if (pk_person_get_title (person) != NULL)
            g_string_append_printf (names, ", %s", pk_person_get_title (person));
        }
      {
        g_autofree char *escaped = escape (names->str);
        g_autofree char *markup = g_strdup_printf ("<i>Föredragande: %s</i>", escaped);
        pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_SMALL, markup, 0, 4);
      }
    }

  for (guint i = 0; i < g_list_model_get_n_items (recusals); i++)
    {
      g_autoptr(PkPersonNote) recusal = g_list_model_get_item (recusals, i);
      g_autofree char *name = escape (pk_person_note_get_name (recusal));
      g_autofree char *reason = pk_person_note_get_text (recusal) ? escape (pk_person_note_get_text (recusal)) : NULL;
      g_autofree char *sentence = reason != NULL
        ? g_strdup_printf ("%s anmäler jäv (%s) och deltar inte i handläggningen av ärendet.", name, reason)
        : g_strdup_printf ("%s anmäler jäv och deltar inte i handläggningen av ärendet.", name);
      pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_BODY, sentence, 0, 6);
    }

  pk_markdown_pdf_add (writer, pk_agenda_item_get_discussion (item), 0, 6);

  /* Yrkanden come before the decision they led to, as the minutes tell it. */
  {
    gboolean motions_heading = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
      {
        g_autoptr(PkDecision) decision = g_list_model_get_item (decisions, i);
        GListModel *motions = G_LIST_MODEL (pk_decision_get_motions (decision));

        for (guint j = 0; j < g_list_model_get_n_items (motions); j++)
          {
            g_autoptr(PkPersonNote) note = g_list_model_get_item (motions, j);
            g_autofree char *name = escape (pk_person_note_get_name (note));
            g_autofree char *what = escape (pk_person_note_get_text (note));
            g_autofree char *line = g_strdup_printf ("%s yrkar %s", name, what);

            if (!motions_heading)
              pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_STRONG, "Yrkanden", 0, 8);
            motions_heading = TRUE;
            pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_BODY, line, 0, 3);
          }
      }
  }

  if (g_list_model_get_n_items (decisions) > 0)
    pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_STRONG, protokoll ? "Beslut" : "Beslut:", 0, 8);
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(PkDecision) decision = g_list_model_get_item (decisions, i);
      GListModel *reservations = G_LIST_MODEL (pk_decision_get_reservations (decision));
      GListModel *statements = G_LIST_MODEL (pk_decision_get_statements (decision));

      pk_markdown_pdf_add (writer, pk_decision_get_text (decision), 0, 3);
      if (pk_decision_get_votes_yes (decision) >= 0 || pk_decision_get_votes_no (decision) >= 0)
        {
          g_autofree char *votes = g_strdup_printf ("Omröstning: %d ja, %d nej, %d avstår.",
                                                    MAX (pk_decision_get_votes_yes (decision), 0),
                                                    MAX (pk_decision_get_votes_no (decision), 0),
                                                    MAX (pk_decision_get_votes_abstain (decision), 0));
          pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_BODY, votes, 0, 3);
        }
      for (guint j = 0; j < g_list_model_get_n_items (reservations); j++)
        {
          g_autoptr(PkPersonNote) note = g_list_model_get_item (reservations, j);
          g_autofree char *name = escape (pk_person_note_get_name (note));
          g_autofree char *why = escape (pk_person_note_get_text (note));
          g_autofree char *line = g_strdup_printf ("<i>Reservation:</i> %s reserverar sig mot beslutet. %s", name, why);
          pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_BODY, line, 0, 3);
        }
      for (guint j = 0; j < g_list_model_get_n_items (statements); j++)
        {
          g_autoptr(PkPersonNote) note = g_list_model_get_item (statements, j);
          g_autofree char *name = escape (pk_person_note_get_name (note));
          g_autofree char *what = escape (pk_person_note_get_text (note));
          g_autofree char *line = g_strdup_printf ("<i>Protokollsanteckning:</i> %s: %s", name, what);
          pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_BODY, line, 0, 3);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(PkAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autofree char *title_escaped = escape (pk_attachment_get_title (attachment));
      g_autofree char *line = g_strdup_printf ("Bilaga %d: %s", MAX (pk_attachment_get_number (attachment), 0),
                                               title_escaped);
      pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_SMALL, line, 0, i == 0 ? 6 : 1);
    }
}

static void
add_signature_block (PkPdfWriter *writer,
                     PkMeeting   *meeting,
                     const char  *range)
{
  double width = pk_pdf_writer_get_text_width (writer);
  const struct { PkRole role; const char *label; } signers[] = {
    { PK_ROLE_SEKRETERARE, "Sekreterare" },
    { PK_ROLE_ORDFORANDE, "Ordförande" },
    { PK_ROLE_JUSTERARE, "Justerare" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (signers); i++)
    {
      g_autofree char *names = names_with_role (meeting, signers[i].role);
      g_autofree char *under = g_strdup_printf ("……………………………………………\n%s", names != NULL ? names : "");
      g_autofree char *right = i == 0 && range != NULL ? g_strdup_printf ("Paragrafer %s", range) : NULL;
      PkPdfCell cells[3] = {
        { 0, LABEL_WIDTH - 6, PK_PDF_STYLE_STRONG, PK_PDF_ALIGN_LEFT, signers[i].label },
        { LABEL_WIDTH, width - LABEL_WIDTH - 120, PK_PDF_STYLE_BODY, PK_PDF_ALIGN_LEFT, under },
        { width - 118, 118, PK_PDF_STYLE_BODY, PK_PDF_ALIGN_RIGHT, right },
      };
      pk_pdf_writer_add_row (writer, cells, 3, i == 0 ? 20 : 22, FALSE);
    }
}

static char *
paragraph_range (GListStore *flat,
                 gboolean    protokoll)
{
  g_autoptr(PkAgendaItem) first = NULL;
  g_autoptr(PkAgendaItem) last = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (flat));

  if (n == 0 || !protokoll)
    return NULL;
  first = g_list_model_get_item (G_LIST_MODEL (flat), 0);
  for (guint i = n; i-- > 0 && last == NULL;)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (flat), i);
      if (pk_agenda_item_get_depth (item) == 0)
        last = g_steal_pointer (&item);
    }
  a = section_label (first, TRUE);
  b = section_label (last, TRUE);
  return g_strdup_printf ("§§ %s–%s", a + strlen ("§ "), b + strlen ("§ "));
}

/* The day the last sign-off was made, or NULL before justering. */
static GDateTime *
approval_day (PkMeeting *meeting)
{
  GListModel *signoffs = G_LIST_MODEL (pk_meeting_get_signoffs (meeting));
  GDateTime *latest = NULL;

  if (pk_meeting_get_status (meeting) != PK_MEETING_STATUS_JUSTERAT)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (signoffs); i++)
    {
      g_autoptr(PkSignoff) signoff = g_list_model_get_item (signoffs, i);
      GDateTime *at = pk_signoff_get_at (signoff) ? g_date_time_new_from_iso8601 (pk_signoff_get_at (signoff), NULL)
                                                   : NULL;

      if (at != NULL && (latest == NULL || g_date_time_compare (at, latest) > 0))
        {
          g_clear_pointer (&latest, g_date_time_unref);
          latest = at;
        }
      else if (at != NULL)
        g_date_time_unref (at);
    }
  return latest;
}

static void
add_notice_box (PkPdfWriter *writer,
                PkMeeting   *meeting,
                const char  *long_date)
{
  g_autofree char *body = escape (pk_meeting_get_body (meeting));
  g_autofree char *date = escape (long_date);
  g_autoptr(GDateTime) approved = approval_day (meeting);
  /* Posted on the day of justering, for at least three weeks (KL 8 kap 12 §). */
  g_autoptr(GDateTime) down = approved ? g_date_time_add_days (approved, 21) : NULL;
  g_autofree char *posted_text = approved ? g_date_time_format (approved, "%Y-%m-%d") : g_strdup ("……………………");
  g_autofree char *down_text = down ? g_date_time_format (down, "%Y-%m-%d") : g_strdup ("……………………");

  /* The box is one piece of paper's worth: it is never split over two pages (each block keeps to
   * the next, down to the signature). */
  pk_pdf_writer_add_rule (writer, 28);
  pk_pdf_writer_keep_with_next (writer);
  pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_HEADING, "Bevis om justering", 0, 4);
  pk_pdf_writer_keep_with_next (writer);
  pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_SMALL,
                               "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.", 0, 2);
  pk_pdf_writer_keep_with_next (writer);
  add_labelled (writer, "Organ", body, 6);
  pk_pdf_writer_keep_with_next (writer);
  add_labelled (writer, "Sammanträdesdatum", date, 3);
  pk_pdf_writer_keep_with_next (writer);
  add_labelled (writer, "Anslaget sätts upp", posted_text, 3);
  pk_pdf_writer_keep_with_next (writer);
  add_labelled (writer, "Anslaget tas ned", down_text, 3);
  pk_pdf_writer_keep_with_next (writer);
  add_labelled (writer, "Förvaringsplats", "……………………………………………", 3);
  pk_pdf_writer_keep_with_next (writer);
  add_labelled (writer, "Underskrift", "……………………………………………", 12);
  pk_pdf_writer_add_rule (writer, 6);
}

gboolean
pk_protocol_pdf_write (PkMeeting          *meeting,
                       PkProtocolVersion   version,
                       const char         *path,
                       guint              *n_pages,
                       GError            **error)
{
  g_autoptr(PkPdfWriter) writer = pk_pdf_writer_new ();
  g_autoptr(GListStore) flat = NULL;
  gboolean protokoll = pk_meeting_get_kind (meeting) == PK_MEETING_KIND_PROTOKOLL;
  double width = pk_pdf_writer_get_text_width (writer);
  const char *body = pk_meeting_get_body (meeting);
  g_autofree char *body_markup = escape (body);
  g_autofree char *long_date = pk_swedish_long_date (pk_meeting_get_date (meeting));
  g_autofree char *range = NULL;
  g_autofree char *right = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *when = NULL;
  PkPdfCell head[2];

  g_return_val_if_fail (PK_IS_MEETING (meeting), FALSE);

  pk_meeting_renumber_items (meeting);
  flat = pk_agenda_flatten (meeting);
  range = paragraph_range (flat, protokoll);

  pk_pdf_writer_set_metadata (writer, pk_meeting_get_title (meeting), body,
                              protokoll ? "Protokoll" : "Mötesanteckningar", "protokoll, sammanträde");
  footer = protokoll ? g_strdup_printf ("Protokoll %s", pk_meeting_get_date (meeting) ? pk_meeting_get_date (meeting) : "")
                     : g_strdup_printf ("%s · Mötesanteckningar %s", body ? body : "",
                                        pk_meeting_get_date (meeting) ? pk_meeting_get_date (meeting) : "");
  pk_pdf_writer_set_footer (writer, footer);
  /* Minutes are kept for good: written as PDF/A-2b for the archive (e-arkiv). */
  pk_pdf_writer_set_pdfa (writer, TRUE);
  if (protokoll && pk_meeting_get_status (meeting) != PK_MEETING_STATUS_JUSTERAT)
    pk_pdf_writer_set_watermark (writer, "UTKAST – ej justerat");
  if (protokoll)
    {
      /* A box per approver (the chair's included), at least two. */
      g_autofree char *approvers = names_with_role (meeting, PK_ROLE_JUSTERARE);
      guint n = 2;  /* the chair and one approver at least */

      for (const char *p = approvers; p != NULL && *p; p++)
        n += *p == ',';
      pk_pdf_writer_set_initials_boxes (writer, "Justerandes signatur", n);
    }

  if (pk_meeting_get_start_time (meeting) != NULL)
    when = g_strdup_printf ("%s, kl. %s%s%s", long_date ? long_date : "", pk_meeting_get_start_time (meeting),
                            pk_meeting_get_end_time (meeting) ? "–" : "",
                            pk_meeting_get_end_time (meeting) ? pk_meeting_get_end_time (meeting) : "");
  else
    when = g_strdup (long_date);

  right = g_strdup_printf ("%s\n<span size=\"small\" weight=\"normal\">%s%s%s</span>",
                           protokoll ? "PROTOKOLL" : "MÖTESANTECKNINGAR",
                           pk_meeting_get_date (meeting) ? pk_meeting_get_date (meeting) : "",
                           range ? "\n" : "", range ? range : "");
  head[0] = (PkPdfCell) { 0, width * 0.62, PK_PDF_STYLE_TITLE, PK_PDF_ALIGN_LEFT, body_markup };
  head[1] = (PkPdfCell) { width * 0.64, width * 0.36, PK_PDF_STYLE_HEADING, PK_PDF_ALIGN_RIGHT, right };
  pk_pdf_writer_add_row (writer, head, 2, 0, FALSE);
  pk_pdf_writer_add_rule (writer, 8);

  if (pk_meeting_get_dnr (meeting) != NULL)
    {
      g_autofree char *dnr = escape (pk_meeting_get_dnr (meeting));
      add_labelled (writer, "Dnr", dnr, 4);
    }
  {
    g_autofree char *place = escape (pk_meeting_get_place (meeting));
    g_autofree char *when_escaped = escape (when);
    g_autofree char *place_and_time = g_strdup_printf ("%s\n%s", place, when_escaped);
    add_labelled (writer, protokoll ? "Plats och tid" : "Tid och plats", place_and_time, 4);
  }

  if (protokoll)
    {
      g_autofree char *voting = attendee_list (meeting, LIST_VOTING);
      g_autofree char *substitutes = attendee_list (meeting, LIST_SUBSTITUTES);
      g_autofree char *others = attendee_list (meeting, LIST_OTHERS);
      g_autofree char *approvers = names_with_role (meeting, PK_ROLE_JUSTERARE);
      g_autoptr(GString) signing = g_string_new (NULL);
      GListModel *signoffs = G_LIST_MODEL (pk_meeting_get_signoffs (meeting));

      add_labelled (writer, "Beslutande", version == PK_PROTOCOL_PUBLIC || *voting ? voting : NULL, 10);
      add_labelled (writer, "Ersättare", substitutes, 8);
      add_labelled (writer, "Övriga närvarande", others, 8);
      add_labelled (writer, "Utses att justera", approvers, 8);
      for (guint i = 0; i < g_list_model_get_n_items (signoffs); i++)
        {
          g_autoptr(PkSignoff) signoff = g_list_model_get_item (signoffs, i);
          if (pk_signoff_get_place (signoff) != NULL && signing->len == 0)
            {
              g_autoptr(GDateTime) at = pk_signoff_get_at (signoff)
                                          ? g_date_time_new_from_iso8601 (pk_signoff_get_at (signoff), NULL) : NULL;
              g_autofree char *when_signed = at ? g_date_time_format (at, "%Y-%m-%d %H:%M") : NULL;

              g_string_append_printf (signing, "%s %s", pk_signoff_get_place (signoff), when_signed ? when_signed : "");
            }
        }
      {
        g_autofree char *signing_escaped = escape (signing->len ? signing->str : "……………………………………………");
        add_labelled (writer, "Justeringens plats och tid", signing_escaped, 8);
      }
      add_signature_block (writer, meeting, range);
    }
  else
    {
      g_autofree char *everyone = attendee_list (meeting, LIST_VOTING);
      g_autofree char *rest = attendee_list (meeting, LIST_OTHERS);
      g_autofree char *substitutes = attendee_list (meeting, LIST_SUBSTITUTES);
      const char *parts[] = { everyone, substitutes, rest };
      g_autoptr(GString) all = g_string_new (NULL);

      /* One list: a group with nobody in it leaves no empty line. */
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (parts[i] != NULL && *parts[i] != '\0')
          g_string_append_printf (all, "%s%s", all->len > 0 ? "\n" : "", parts[i]);
      add_labelled (writer, "Närvarande", all->str, 8);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (flat)); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (flat), i);
      add_item (writer, item, protokoll, version);
    }

  if (protokoll)
    add_notice_box (writer, meeting, long_date);
  if (protokoll && pk_meeting_get_content_sha256 (meeting) != NULL)
    {
      g_autofree char *line = g_strdup_printf ("Justerad version %d. Kontrollsumma (SHA-256) över innehållet: %s",
                                               pk_meeting_get_version (meeting), pk_meeting_get_content_sha256 (meeting));
      pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_SMALL, line, 0, 10);
    }
  /* A protokoll is signed by its sekreterare above; the notes of a lighter meeting say who kept them. */
  else if (!protokoll && pk_meeting_get_recorded_by (meeting) != NULL)
    {
      g_autofree char *who = escape (pk_meeting_get_recorded_by (meeting));
      g_autofree char *line = g_strdup_printf ("Mötesanteckningar förda av %s", who);
      pk_pdf_writer_add_paragraph (writer, PK_PDF_STYLE_BODY, line, 0, 24);
    }

  return pk_pdf_writer_save (writer, path, n_pages, error);
}
