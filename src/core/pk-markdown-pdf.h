/* pk-markdown-pdf.h: an item's Markdown (discussion, decision text) laid out as PkPdfWriter blocks. */
#pragma once

#include "pk-pdf-writer.h"

G_BEGIN_DECLS

/* Parses @markdown with md4c (CommonMark with GitHub's tables, strikethrough and task lists) and
 * adds it to @writer: paragraphs, nested bullet and numbered lists with hanging markers, tables,
 * headings as strong text, rules; bold, italics and code as Pango markup. Raw HTML tags are left
 * out (the text between them is kept) and
 * a line break typed in a paragraph is kept. Blocks start @indent points from the left margin; the
 * first gets @space_before above it, later ones the usual spacing. NULL or blank text adds nothing. */
void pk_markdown_pdf_add (PkPdfWriter *writer,
                          const char  *markdown,
                          double       indent,
                          double       space_before);

G_END_DECLS
