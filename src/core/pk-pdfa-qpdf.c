/* pk-pdfa-qpdf.c: rewrites a PDF that cairo wrote with PDF/A-2b identification, through libqpdf (cairo
 * can write neither XMP metadata nor an OutputIntent). Part of the libprotokoll-pdf module
 * (pk-pdf-backend.h); the core's pk_pdfa_convert() calls it there. */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "pk-pdf-module.h"
#include "pk-pdf-writer.h"

/* The core's PK_PDF_WRITER_ERROR, by its name: the module links nothing of the core. */
#undef PK_PDF_WRITER_ERROR
#define PK_PDF_WRITER_ERROR (g_quark_from_static_string ("pk-pdf-writer-error-quark"))

#define SRGB_NAME     "sRGB IEC61966-2.1"

/* "   <open>value</close>" and a new line, or nothing without a value. */
static void
append_xml (GString    *xmp,
            const char *open,
            const char *value,
            const char *close)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (xmp, "   %s%s%s\n", open, escaped, close);
}

/* The XMP packet: the same values as the Info dictionary, in the schemas PDF/A predefines (so no
 * extension schema is needed). */
static char *
make_xmp (const PkPdfaInfo *info,
          const char       *producer,
          const char       *date)
{
  GString *xmp = g_string_new ("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                               "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                               " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                               "  <rdf:Description rdf:about=\"\"\n"
                               "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                               "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                               "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                               "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                               "   <pdfaid:part>2</pdfaid:part>\n"
                               "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                               "   <dc:format>application/pdf</dc:format>\n");

  append_xml (xmp, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", info->title, "</rdf:li></rdf:Alt></dc:title>");
  append_xml (xmp, "<dc:creator><rdf:Seq><rdf:li>", info->author, "</rdf:li></rdf:Seq></dc:creator>");
  append_xml (xmp, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", info->subject,
              "</rdf:li></rdf:Alt></dc:description>");
  append_xml (xmp, "<pdf:Keywords>", info->keywords, "</pdf:Keywords>");
  append_xml (xmp, "<pdf:Producer>", producer, "</pdf:Producer>");
  append_xml (xmp, "<xmp:CreatorTool>", info->creator, "</xmp:CreatorTool>");
  append_xml (xmp, "<xmp:CreateDate>", date, "</xmp:CreateDate>");
  append_xml (xmp, "<xmp:ModifyDate>", date, "</xmp:ModifyDate>");
  append_xml (xmp, "<xmp:MetadataDate>", date, "</xmp:MetadataDate>");
  g_string_append (xmp, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
  return g_string_free (xmp, FALSE);
}

/* "D:20260310143000+01'00'", the same instant as the XMP's "2026-03-10T14:30:00+01:00". */
static char *
pdf_date (GDateTime *when)
{
  g_autofree char *base = g_date_time_format (when, "D:%Y%m%d%H%M%S");
  g_autofree char *zone = g_date_time_format (when, "%z");

  return g_strdup_printf ("%s%c%c%c'%c%c'", base, zone[0], zone[1], zone[2], zone[3], zone[4]);
}

static void
set_info_text (qpdf_data   q,
               qpdf_oh     info,
               const char *key,
               const char *value)
{
  if (value != NULL)
    qpdf_oh_replace_key (q, info, key, qpdf_oh_new_unicode_string (q, value));
  else
    qpdf_oh_remove_key (q, info, key);
}

static gboolean
qpdf_failed (qpdf_data  q,
             GError   **error)
{
  if (!qpdf_has_error (q))
    return FALSE;
  g_set_error (error, PK_PDF_WRITER_ERROR, PK_PDF_WRITER_ERROR_FAILED, _("Could not make the PDF/A file: %s"),
               qpdf_get_error_full_text (q, qpdf_get_error (q)));
  return TRUE;
}

GBytes *
pk_pdfa_qpdf_convert (GBytes            *pdf,
                      const PkPdfaInfo  *info,
                      GBytes            *profile,
                      GError           **error)
{
  g_autofree char *producer = NULL;
  g_autofree char *xmp_date = g_date_time_format (info->created, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *info_date = pdf_date (info->created);
  g_autofree char *xmp = NULL;
  qpdf_data q = qpdf_init ();
  qpdf_oh root, trailer, info_dict, metadata, icc, intent, intents;
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  GBytes *out = NULL;

  g_return_val_if_fail (profile != NULL, NULL);

  producer = g_strdup_printf ("cairo %s, qpdf %s", cairo_version_string (), qpdf_get_qpdf_version ());
  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  qpdf_read_memory (q, "protokoll.pdf", data, size, NULL);
  if (qpdf_failed (q, error))
    goto out;

  root = qpdf_get_root (q);
  trailer = qpdf_get_trailer (q);

  /* The Info dictionary, written again so that it says exactly what the XMP says. */
  info_dict = qpdf_oh_get_key (q, trailer, "/Info");
  if (!qpdf_oh_is_dictionary (q, info_dict))
    {
      info_dict = qpdf_make_indirect_object (q, qpdf_oh_new_dictionary (q));
      qpdf_oh_replace_key (q, trailer, "/Info", info_dict);
    }
  set_info_text (q, info_dict, "/Title", info->title);
  set_info_text (q, info_dict, "/Author", info->author);
  set_info_text (q, info_dict, "/Subject", info->subject);
  set_info_text (q, info_dict, "/Keywords", info->keywords);
  set_info_text (q, info_dict, "/Creator", info->creator);
  set_info_text (q, info_dict, "/Producer", producer);
  qpdf_oh_replace_key (q, info_dict, "/CreationDate", qpdf_oh_new_string (q, info_date));
  qpdf_oh_replace_key (q, info_dict, "/ModDate", qpdf_oh_new_string (q, info_date));
  qpdf_oh_remove_key (q, info_dict, "/Trapped");

  /* cairo gives every page a transparency group though nothing on it is transparent (all alpha
   * is 1): without it the file has no transparency at all. */
  for (int i = 0; i < qpdf_get_num_pages (q); i++)
    {
      qpdf_oh page = qpdf_get_page_n (q, (size_t) i);
      qpdf_oh group = qpdf_oh_get_key (q, page, "/Group");

      if (qpdf_oh_is_dictionary (q, group))
        qpdf_oh_remove_key (q, page, "/Group");
    }

  /* PDF/A wants a CIDToGIDMap on every TrueType CIDFont; cairo leaves it out and so means the
   * default, Identity, which is what is written here. */
  {
    qpdf_oh highest = qpdf_oh_get_key (q, trailer, "/Size");
    int n_objects = qpdf_oh_is_integer (q, highest) ? qpdf_oh_get_int_value_as_int (q, highest) : 0;

    for (int id = 1; id < n_objects; id++)
      {
        qpdf_oh object = qpdf_get_object_by_id (q, id, 0);

        if (qpdf_oh_is_dictionary_of_type (q, object, "/Font", "/CIDFontType2") &&
            !qpdf_oh_has_key (q, object, "/CIDToGIDMap"))
          qpdf_oh_replace_key (q, object, "/CIDToGIDMap", qpdf_oh_new_name (q, "/Identity"));
        qpdf_oh_release (q, object);
      }
  }

  /* XMP metadata, left uncompressed (qpdf does not compress the document's metadata stream). */
  xmp = make_xmp (info, producer, xmp_date);
  metadata = qpdf_oh_new_stream (q);
  qpdf_oh_replace_stream_data (q, metadata, (const unsigned char *) xmp, strlen (xmp), qpdf_oh_new_null (q),
                               qpdf_oh_new_null (q));
  qpdf_oh_replace_key (q, qpdf_oh_get_dict (q, metadata), "/Type", qpdf_oh_new_name (q, "/Metadata"));
  qpdf_oh_replace_key (q, qpdf_oh_get_dict (q, metadata), "/Subtype", qpdf_oh_new_name (q, "/XML"));
  qpdf_oh_replace_key (q, root, "/Metadata", metadata);

  /* The sRGB OutputIntent: cairo draws in DeviceRGB, which PDF/A allows with an RGB intent. */
  icc = qpdf_oh_new_stream (q);
  {
    gsize icc_size;
    const unsigned char *icc_data = g_bytes_get_data (profile, &icc_size);

    qpdf_oh_replace_stream_data (q, icc, icc_data, icc_size, qpdf_oh_new_null (q), qpdf_oh_new_null (q));
  }
  qpdf_oh_replace_key (q, qpdf_oh_get_dict (q, icc), "/N", qpdf_oh_new_integer (q, 3));
  intent = qpdf_oh_parse (q, "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (" SRGB_NAME ")"
                             " /RegistryName (http://www.color.org) /Info (" SRGB_NAME ") >>");
  qpdf_oh_replace_key (q, intent, "/DestOutputProfile", icc);
  intents = qpdf_oh_new_array (q);
  qpdf_oh_append_item (q, intents, qpdf_make_indirect_object (q, intent));
  qpdf_oh_replace_key (q, root, "/OutputIntents", intents);
  if (qpdf_failed (q, error))
    goto out;

  qpdf_init_write_memory (q);
  if (qpdf_failed (q, error))
    goto out;
  /* PDF/A wants an end of line before "endstream"; the /ID comes from the content. */
  qpdf_set_newline_before_endstream (q, QPDF_TRUE);
  qpdf_set_deterministic_ID (q, QPDF_TRUE);
  qpdf_set_object_stream_mode (q, qpdf_o_disable);
  qpdf_write (q);
  if (qpdf_failed (q, error))
    goto out;
  out = g_bytes_new (qpdf_get_buffer (q), qpdf_get_buffer_length (q));

out:
  qpdf_cleanup (&q);
  return out;
}
