/* pk-text-import.c: reads minutes written as plain text into a PkMeeting (import-text).
 *
 * The rules come from the two real samples in shared/samples/ (a Kalmar protokoll and a Kronoberg
 * set of mötesanteckningar) and from the usual form of a Swedish municipal protocol (§ headings,
 * Beslutande/Ersättare, "Kommunstyrelsen beslutar / att …", Reservation, signature lines). Each
 * line is classified by small functions below, in a fixed order: item headings, then whatever the
 * current mode expects (a roster entry, the presenters, a name under a signature line …), then
 * labels ("Plats:", "Beslut:", "Föredragande:" …), then sub-headings and decision sentences, and
 * what is left is discussion text of the item it stands in. Nothing is dropped: a label that finds
 * nothing to label, a name that cannot be placed, header text the parser does not know, all go
 * back into the text of the nearest item.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pk-action.h"
#include "pk-agenda-item.h"
#include "pk-attendance.h"
#include "pk-decision.h"
#include "pk-meeting.h"
#include "pk-person.h"
#include "pk-person-note.h"
#include "pk-text-import.h"

G_DEFINE_QUARK (pk-text-import-error-quark, pk_text_import_error)

/* ---- bytes to UTF-8 ------------------------------------------------------------------------- */

/* 1-based line of byte @offset; a lone CR ends a line too (old Mac text). */
static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  /* data[offset] exists: it is the byte being reported. */
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
      line++;
  return line;
}

/* NUL and the C0 controls that never stand in text are what makes a file binary. Tab, line feed,
 * carriage return, form feed (pdftotext's page break) and vertical tab are line structure; a
 * Ctrl-Z at the very end is the end-of-file mark of old DOS files. */
static gboolean
check_text_bytes (const char  *data,
                  gsize        length,
                  GError     **error)
{
  gsize end = length;

  while (end > 0 && data[end - 1] == '\x1a')
    end--;
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) data[i];

      if (c == '\0')
        {
          g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_BINARY,
                       _("line %u, byte %u: a NUL byte: this is a binary file, not text"),
                       line_of_offset (data, i), (guint) i + 1);
          return FALSE;
        }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && !(c == 0x1a && i >= end)) ||
          c == 0x7f)
        {
          g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_BINARY,
                       _("line %u, byte %u: control character 0x%02X: this is a binary file, not text"),
                       line_of_offset (data, i), (guint) i + 1, c);
          return FALSE;
        }
    }
  return TRUE;
}

/* TRUE when @data holds at least one valid UTF-8 sequence of two or more bytes: then the file was
 * meant as UTF-8, and reading it as Windows-1252 would turn every å of it into "Ã¥". */
static gboolean
has_utf8_sequence (const char *data,
                   gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) data[i] >= 0xc2 && (guchar) data[i] <= 0xf4)
      {
        gunichar c = g_utf8_get_char_validated (data + i, (gssize) MIN (length - i, 4));

        if (c != (gunichar) -1 && c != (gunichar) -2)
          return TRUE;
      }
  return FALSE;
}

char *
pk_text_import_decode (const char      *data,
                       gsize            length,
                       PkTextEncoding  *encoding,
                       guint           *legacy_line,
                       GError         **error)
{
  const char *invalid = NULL;
  PkTextEncoding found = PK_TEXT_ENCODING_UTF8;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *converted = NULL;
  gsize read = 0, written = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (legacy_line != NULL)
    *legacy_line = 0;
  if (length == 0)
    {
      g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_EMPTY, _("the file is empty"));
      return NULL;
    }
  if (length > PK_TEXT_IMPORT_MAX_SIZE)
    {
      g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_TOO_LARGE,
                   _("the file is larger than %u MiB: that is not minutes"), PK_TEXT_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Windows Notepad's "Unicode" is UTF-16 with a byte order mark; nothing else starts so. */
  if (length >= 2 && ((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe))
    found = PK_TEXT_ENCODING_UTF16LE;
  else if (length >= 2 && ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff))
    found = PK_TEXT_ENCODING_UTF16BE;
  if (found == PK_TEXT_ENCODING_UTF16LE || found == PK_TEXT_ENCODING_UTF16BE)
    {
      converted = g_convert (data + 2, (gssize) length - 2, "UTF-8",
                             found == PK_TEXT_ENCODING_UTF16LE ? "UTF-16LE" : "UTF-16BE", &read, &written,
                             &local_error);
      /* g_convert() stops quietly before a half character at the end: that is an error too. */
      if (converted == NULL || read != length - 2)
        {
          g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_ENCODING,
                       _("byte %u: not valid UTF-16, although the file starts with a UTF-16 byte order mark"),
                       (guint) read + 3);
          return NULL;
        }
      if (!check_text_bytes (converted, written, error))
        return NULL;
      if (encoding != NULL)
        *encoding = found;
      return g_steal_pointer (&converted);
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      found = PK_TEXT_ENCODING_UTF8_BOM;
      data += 3;
      length -= 3;
    }
  if (!check_text_bytes (data, length, error))
    return NULL;
  if (g_utf8_validate (data, (gssize) length, &invalid))
    {
      if (encoding != NULL)
        *encoding = found;
      return g_strndup (data, length);
    }

  if (found == PK_TEXT_ENCODING_UTF8_BOM || has_utf8_sequence (data, length))
    {
      gsize offset = (gsize) (invalid - data);

      g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_ENCODING,
                   _("line %u, byte %u: not valid UTF-8 (and the rest of the file is UTF-8, so it is "
                     "not Windows-1252 either)"),
                   line_of_offset (data, offset), (guint) offset + 1 + (found == PK_TEXT_ENCODING_UTF8_BOM ? 3 : 0));
      return NULL;
    }

  /* Not one UTF-8 sequence, but bytes above 127: Swedish text saved by Windows (Word's "Text
   * only", Notepad's "ANSI"), where å ä ö are single bytes. Windows-1252 is Latin-1 plus the
   * quotes and dashes Word types in 0x80–0x9F. */
  converted = g_convert (data, (gssize) length, "UTF-8", "WINDOWS-1252", &read, &written, &local_error);
  if (converted == NULL)
    {
      g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_ENCODING,
                   _("line %u, byte %u: byte 0x%02X is neither UTF-8 nor Windows-1252"),
                   line_of_offset (data, read), (guint) read + 1, read < length ? (guchar) data[read] : 0);
      return NULL;
    }
  if (encoding != NULL)
    *encoding = PK_TEXT_ENCODING_WINDOWS_1252;
  if (legacy_line != NULL)
    *legacy_line = line_of_offset (data, (gsize) (invalid - data));
  return g_steal_pointer (&converted);
}

/* ---- lines ---------------------------------------------------------------------------------- */

typedef struct
{
  char *text;          /* as written, white space at the end removed */
  const char *bare;    /* @text without its leading white space */
  char *table_text;    /* the line as a Markdown table row, when its paragraph is a table */
  guint index;         /* place among all lines, blank ones included */
  guint number;        /* 1-based line number in the source */
  gboolean blank;
  gboolean para_start; /* first line of a paragraph: after a blank line, or the first */
  gboolean para_end;   /* last line of a paragraph */
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line->table_text);
  g_free (line);
}

static gboolean
is_space (gunichar c)
{
  /* NBSP (U+00A0) included: word processors put it between a number and its unit. */
  return g_unichar_isspace (c) || c == 0xa0 || c == 0x202f;
}

static const char *
skip_space (const char *p)
{
  while (*p && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Removes white space at the end, in place. */
static char *
trim_end (char *text)
{
  char *end = text + strlen (text);

  while (end > text)
    {
      char *prev = g_utf8_find_prev_char (text, end);
      if (prev == NULL || !is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  *end = '\0';
  return text;
}

/* A new string: @text trimmed at both ends. */
static char *
trimmed (const char *text)
{
  return trim_end (g_strdup (skip_space (text)));
}

static guint
count_tabs (const char *text)
{
  guint n = 0;

  for (; *text; text++)
    n += *text == '\t';
  return n;
}

/* "| a | b |": the cells between tabs, with | in them escaped. */
static char *
table_row (const char *text)
{
  g_auto(GStrv) cells = g_strsplit (text, "\t", -1);
  GString *row = g_string_new ("|");

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = trimmed (cells[i]);

      g_string_append_c (row, ' ');
      for (const char *c = cell; *c; c++)
        {
          if (*c == '|')
            g_string_append_c (row, '\\');
          g_string_append_c (row, *c);
        }
      g_string_append (row, " |");
    }
  return g_string_free (row, FALSE);
}

/* A paragraph of two or more lines with the same number of tabs in each is a table pasted from a
 * word processor (Kalmar § 6, "För barn och familjer<tab>För verksamheterna"): as discussion text
 * it becomes a Markdown table, its first line the head row. */
static void
mark_tables (GPtrArray *lines)
{
  for (guint start = 0; start < lines->len;)
    {
      Line *first = lines->pdata[start];
      guint end = start, tabs;
      gboolean same = TRUE;

      if (first->blank)
        {
          start++;
          continue;
        }
      tabs = count_tabs (first->bare);
      while (end < lines->len && !((Line *) lines->pdata[end])->blank)
        same &= count_tabs (((Line *) lines->pdata[end++])->bare) == tabs;
      if (same && tabs > 0 && end - start >= 2)
        for (guint i = start; i < end; i++)
          {
            Line *line = lines->pdata[i];
            g_autofree char *row = table_row (line->bare);

            if (i == start)
              {
                g_autoptr(GString) rule = g_string_new ("|");

                for (guint c = 0; c <= tabs; c++)
                  g_string_append (rule, " --- |");
                line->table_text = g_strconcat (row, "\n", rule->str, NULL);
              }
            else
              line->table_text = g_steal_pointer (&row);
          }
      start = end;
    }
}

static GPtrArray *
split_lines (const char *text,
             gsize       length)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  const char *end = text + length;
  const char *p = text;
  guint number = 1;

  while (p < end)
    {
      const char *q = p;
      Line *line = g_new0 (Line, 1);

      /* Form feed and vertical tab break a line but are not a new line in an editor. */
      while (q < end && *q != '\n' && *q != '\r' && *q != '\f' && *q != '\v')
        q++;
      line->text = trim_end (g_strndup (p, (gsize) (q - p)));
      line->bare = skip_space (line->text);
      line->blank = *line->bare == '\0' || (*line->bare == '\x1a' && line->bare[1] == '\0');
      line->number = number;
      line->index = lines->len;
      g_ptr_array_add (lines, line);
      if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
        q++;
      if (q < end && (*q == '\n' || *q == '\r'))
        number++;
      p = q + 1;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = lines->pdata[i];

      line->para_start = !line->blank && (i == 0 || ((Line *) lines->pdata[i - 1])->blank);
      line->para_end = !line->blank && (i + 1 == lines->len || ((Line *) lines->pdata[i + 1])->blank);
    }
  mark_tables (lines);
  return lines;
}

/* ---- words ---------------------------------------------------------------------------------- */

typedef struct
{
  const char *start;
  const char *end;
} Span;

/* The words (runs of letters and digits) of @text, at most @max of them. */
static GArray *
words_of (const char *text,
          guint       max)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *p = text;

  while (*p && words->len < max)
    {
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        {
          Span word = { p, NULL };

          while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          word.end = p;
          g_array_append_val (words, word);
        }
      else
        p = g_utf8_next_char (p);
    }
  return words;
}

/* Case-insensitive prefix, character by character (Å and å are one letter): the rest, or NULL. */
static const char *
skip_prefix_ci (const char *text,
                const char *prefix)
{
  while (*prefix)
    {
      if (*text == '\0' ||
          g_unichar_tolower (g_utf8_get_char (text)) != g_unichar_tolower (g_utf8_get_char (prefix)))
        return NULL;
      text = g_utf8_next_char (text);
      prefix = g_utf8_next_char (prefix);
    }
  return text;
}

static gboolean
at_word_end (const char *p)
{
  return *p == '\0' || !g_unichar_isalnum (g_utf8_get_char (p));
}

static gboolean
span_is (const Span *word,
         const char *text)
{
  const char *rest = skip_prefix_ci (word->start, text);
  return rest == word->end;
}

static gboolean
span_number (const Span *word,
             guint       min_digits,
             guint       max_digits,
             guint      *value)
{
  gsize n = (gsize) (word->end - word->start);
  guint v = 0;

  if (n < min_digits || n > max_digits)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (word->start[i]))
        return FALSE;
      v = v * 10 + (guint) (word->start[i] - '0');
    }
  *value = v;
  return TRUE;
}

static gboolean
starts_upper (const char *text)
{
  return *text && g_unichar_isupper (g_utf8_get_char (text));
}

static gboolean
starts_lower (const char *text)
{
  return *text && g_unichar_islower (g_utf8_get_char (text));
}

static gunichar
last_char (const char *text)
{
  const char *prev = *text ? g_utf8_find_prev_char (text, text + strlen (text)) : NULL;
  return prev ? g_utf8_get_char (prev) : 0;
}

/* More than @chars characters (not bytes: å is two). */
static gboolean
longer_than (const char *text,
             glong       chars)
{
  for (glong n = 0; *text; text = g_utf8_next_char (text))
    if (++n > chars)
      return TRUE;
  return FALSE;
}

/* Ends with one of the ASCII @marks ("." for a sentence, ":" for a label …). */
static gboolean
ends_with_any (const char *text,
               const char *marks)
{
  gunichar c = last_char (text);
  return c != 0 && c < 128 && strchr (marks, (int) c) != NULL;
}

/* Removes commas, semicolons and dashes (- – —) at the end, and the spaces before them. */
static void
trim_separators (char *text)
{
  for (;;)
    {
      char *end = text + strlen (text);
      char *prev = end > text ? g_utf8_find_prev_char (text, end) : NULL;
      gunichar c = prev ? g_utf8_get_char (prev) : 0;

      if (c == ',' || c == ';' || c == '-' || c == 0x2013 || c == 0x2014)
        {
          *prev = '\0';
          trim_end (text);
        }
      else
        return;
    }
}

/* "Läns gemensam ledning" and "Länsgemensam ledning" are one body: compared without spaces,
 * hyphens and case. */
static char *
squashed (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ---- dates and times ------------------------------------------------------------------------ */

static const char *const month_names[] = {
  "januari", "februari", "mars", "april", "maj", "juni",
  "juli", "augusti", "september", "oktober", "november", "december",
};

static const char *const weekday_names[] = {
  "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
  "måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen",
};

static int
month_of (const Span *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (span_is (word, month_names[i]))
      return (int) i + 1;
  return 0;
}

static gboolean
is_weekday (const Span *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (weekday_names); i++)
    if (span_is (word, weekday_names[i]))
      return TRUE;
  return FALSE;
}

/* A date in @text: "2021-06-04", or "4 juni 2021" with "Fredag den" before it (Kronoberg's
 * "Tid: Fredag den 4 juni 2021"). @span covers all of it. */
static char *
find_date (const char *text,
           Span       *span)
{
  g_autoptr(GArray) w = words_of (text, 4096);

  for (guint i = 0; i + 2 < w->len; i++)
    {
      Span *a = &g_array_index (w, Span, i);
      Span *b = &g_array_index (w, Span, i + 1);
      Span *c = &g_array_index (w, Span, i + 2);
      guint year, month, day;

      if (span_number (a, 4, 4, &year) && *a->end == '-' && b->start == a->end + 1 &&
          span_number (b, 2, 2, &month) && *b->end == '-' && c->start == b->end + 1 &&
          span_number (c, 2, 2, &day) && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        {
          if (span != NULL)
            *span = (Span) { a->start, c->end };
          return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
        }
      if (span_number (a, 1, 2, &day) && (month = (guint) month_of (b)) > 0 && span_number (c, 4, 4, &year) &&
          g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        {
          guint first = i;

          if (first > 0 && span_is (&g_array_index (w, Span, first - 1), "den"))
            first--;
          if (first > 0 && is_weekday (&g_array_index (w, Span, first - 1)))
            first--;
          if (span != NULL)
            *span = (Span) { g_array_index (w, Span, first).start, c->end };
          return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
        }
    }
  return NULL;
}

/* "9:45", "13.00", or after "kl" a bare hour ("kl 13–16"). */
static gboolean
time_at (GArray  *w,
         guint    i,
         gboolean hour_alone,
         guint   *hour,
         guint   *minute,
         guint   *next)
{
  Span *a = &g_array_index (w, Span, i);

  if (!span_number (a, 1, 2, hour) || *hour > 23)
    return FALSE;
  if (i + 1 < w->len && (*a->end == ':' || *a->end == '.'))
    {
      Span *b = &g_array_index (w, Span, i + 1);
      if (b->start == a->end + 1 && span_number (b, 2, 2, minute) && *minute <= 59)
        {
          *next = i + 2;
          return TRUE;
        }
    }
  if (!hour_alone)
    return FALSE;
  *minute = 0;
  *next = i + 1;
  return TRUE;
}

/* A time or a range in @text: "Kl. 9:45-15:00" (Kronoberg), "kl. 13.00–16.30". @span covers the
 * "kl." before it too. */
static gboolean
find_times (const char  *text,
            char       **start,
            char       **end,
            Span        *span)
{
  g_autoptr(GArray) w = words_of (text, 4096);

  for (guint i = 0; i < w->len; i++)
    {
      gboolean after_kl = i > 0 && (span_is (&g_array_index (w, Span, i - 1), "kl") ||
                                    span_is (&g_array_index (w, Span, i - 1), "klockan"));
      guint h1, m1, h2, m2, next, after;
      const char *p;

      if (!time_at (w, i, after_kl, &h1, &m1, &next))
        continue;
      *start = g_strdup_printf ("%02u:%02u", h1, m1);
      *end = NULL;
      span->start = after_kl ? g_array_index (w, Span, i - 1).start : g_array_index (w, Span, i).start;
      span->end = g_array_index (w, Span, next - 1).end;
      /* A dash (-, – or —) or "till" and a second time: the end. */
      p = skip_space (span->end);
      if (g_str_has_prefix (p, "-"))
        p++;
      else if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
        p += strlen ("–");
      else if (skip_prefix_ci (p, "till ") != NULL)
        p += strlen ("till");
      else
        return TRUE;
      p = skip_space (p);
      if (next < w->len && g_array_index (w, Span, next).start == p &&
          time_at (w, next, after_kl, &h2, &m2, &after))
        {
          *end = g_strdup_printf ("%02u:%02u", h2, m2);
          span->end = g_array_index (w, Span, after - 1).end;
        }
      return TRUE;
    }
  return FALSE;
}

/* @text without @span, and without the words that only frame a date or a time ("den", "kl",
 * weekdays): what is left over when a header line held more than its date. */
static char *
text_without (const char *text,
              const Span *span)
{
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autofree char *joined = NULL;

  g_string_append_len (rest, text, span->start - text);
  g_string_append_c (rest, ' ');
  g_string_append (rest, span->end);
  joined = g_strdup (rest->str);
  return trimmed (joined);
}

static gboolean
only_frame_words (const char *text)
{
  g_autoptr(GArray) w = words_of (text, 64);

  for (guint i = 0; i < w->len; i++)
    {
      Span *word = &g_array_index (w, Span, i);
      if (!is_weekday (word) && !span_is (word, "den") && !span_is (word, "kl") && !span_is (word, "klockan"))
        return FALSE;
    }
  return w->len < 64;
}

/* ---- names and roles ------------------------------------------------------------------------ */

/* Lower-case words that stand inside names: "Ulla von Platen", "Per af Klercker". */
static gboolean
is_name_particle (const char *word)
{
  static const char *const particles[] = { "von", "van", "af", "de", "der", "da", "du", "la", "le", "di" };

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (g_str_equal (word, particles[i]))
      return TRUE;
  return FALSE;
}

/* Capitalised words that start the name of an organisation, not of a person: "Region Kronoberg"
 * after a name is where the person works. */
static gboolean
is_organisation_word (const char *word)
{
  static const char *const words[] = {
    "Region", "Regionen", "Kommun", "Kommunen", "Kommunförbundet", "Landstinget", "Länsstyrelsen",
    "Förvaltningen", "Nämnden", "Styrelsen", "Kommunstyrelsen", "Kommunfullmäktige", "Ledningsgruppen",
    "Socialförvaltningen", "Stadsledningskontoret", "Kommunledningskontoret",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (word, words[i]))
      return TRUE;
  return FALSE;
}

/* "Kaj-Bevheden", "Åsa", an initial "O" or "O.": a word of a person's name. Abbreviations in
 * capitals (SSPF, OSL) are not. */
static gboolean
is_name_word (const char *word)
{
  guint letters = 0, upper = 0;

  if (!starts_upper (word) || is_organisation_word (word))
    return FALSE;
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          letters++;
          upper += g_unichar_isupper (c);
        }
      else if (c == '.' && p[1] == '\0' && letters == 1)
        ;
      else if (c != '-' && c != '\'' && c != 0x2019)
        return FALSE;
    }
  return letters == 1 || upper < letters;
}

/* How many of @words, from the first, make a person's name (2 to 5 words), or 0. */
static guint
leading_name_words (char **words)
{
  guint n = 0;

  while (words[n] != NULL && n < 5)
    {
      if (is_name_word (words[n]))
        n++;
      else if (n > 0 && is_name_particle (words[n]) && words[n + 1] != NULL && is_name_word (words[n + 1]))
        n += 2;
      else
        break;
    }
  return n >= 2 ? n : 0;
}

static char **
split_words (const char *text)
{
  g_autofree char *copy = trimmed (text);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  for (char *p = copy; *p;)
    {
      char *start = p;

      while (*p && !is_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_ptr_array_add (words, g_strndup (start, (gsize) (p - start)));
      p = (char *) skip_space (p);
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static char *
join_words (char  **words,
            guint   from,
            guint   to)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = from; i < to && words[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The whole of @text is a person's name ("Roger O Nilsson"), a full stop or comma at its end
 * aside. */
static gboolean
is_person_name (const char *text)
{
  g_autofree char *copy = trimmed (text);
  g_auto(GStrv) words = NULL;
  gsize n = strlen (copy);

  while (n > 0 && (copy[n - 1] == ',' || copy[n - 1] == '.' || copy[n - 1] == ';'))
    copy[--n] = '\0';
  words = split_words (copy);
  return words[0] != NULL && leading_name_words (words) == g_strv_length (words);
}

typedef struct
{
  const char *word;
  PkRole role;
} RoleWord;

/* The role words of shared/cli-and-json.md, with the abbreviations protocols use. */
static const RoleWord role_words[] = {
  { "vice ordförande", PK_ROLE_VICE_ORDFORANDE },
  { "vice ordf.", PK_ROLE_VICE_ORDFORANDE },
  { "ordförande", PK_ROLE_ORDFORANDE },
  { "ordf.", PK_ROLE_ORDFORANDE },
  { "ordf", PK_ROLE_ORDFORANDE },
  { "sekreterare", PK_ROLE_SEKRETERARE },
  { "sekr.", PK_ROLE_SEKRETERARE },
  { "justerare", PK_ROLE_JUSTERARE },
  { "ersättare", PK_ROLE_ERSATTARE },
  { "ers.", PK_ROLE_ERSATTARE },
  { "adjungerad", PK_ROLE_ADJUNGERAD },
  { "ledamot", PK_ROLE_LEDAMOT },
};

/* "(ordförande)", ", sekreterare": a part that is nothing but a role word. */
static gboolean
role_from_word (const char *text,
                PkRole     *role)
{
  g_autofree char *copy = trimmed (text);

  for (guint i = 0; i < G_N_ELEMENTS (role_words); i++)
    {
      const char *rest = skip_prefix_ci (copy, role_words[i].word);
      if (rest != NULL && *rest == '\0')
        {
          *role = role_words[i].role;
          return TRUE;
        }
    }
  return FALSE;
}

/* "tjänstgörande ersättare för Karl Holm (C)", "tjg ers. för X", "tjänstgör för X": the name of
 * the member a substitute serves for, as written. */
static char *
replaces_from_phrase (const char *text)
{
  static const char *const openings[] = {
    "tjänstgörande ersättare för ", "tjänstgörande ers. för ", "tjg. ersättare för ", "tjg ersättare för ",
    "tjg. ers. för ", "tjg ers. för ", "tjg ers för ", "ersättare för ", "ers. för ", "tjänstgör för ",
    "tjänstgör istället för ", "i stället för ", "istället för ",
  };
  const char *p = skip_space (text);

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    {
      const char *rest = skip_prefix_ci (p, openings[i]);
      if (rest != NULL && *skip_space (rest))
        return trimmed (rest);
    }
  return NULL;
}

/* "S", "KD", "MP": a party in brackets after a name. */
static gboolean
is_party (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p), n++)
    if (!g_unichar_isupper (g_utf8_get_char (p)))
      return FALSE;
  return n >= 1 && n <= 3;
}

/* ---- the model being built ------------------------------------------------------------------ */

/* Text of one part of an item: what stands before its first sub-heading, or under one. */
typedef struct
{
  char *heading;     /* NULL for the part before the first sub-heading */
  GString *text;     /* Markdown: lines of a paragraph joined by \n, paragraphs by a blank line */
  guint last_index;  /* of the line last added, to tell a continued paragraph from a new one */
} Section;

typedef struct
{
  PkDecision *decision;
  GString *text;
  guint last_index;
  guint section;           /* 0: the item's own ("Beslut:"); n: stood in sub-heading n's text */
  const Line *label_line;  /* a bare "Beslut:", put back if nothing follows it */
} DecisionDraft;

typedef struct _ItemDraft ItemDraft;
struct _ItemDraft
{
  PkAgendaItem *item;
  ItemDraft *parent;
  guint number;              /* as written: "3." or "§ 3" */
  guint last_sub_number;
  gboolean has_content;      /* text or decisions: a Dnr line counts as the item's only before */
  gboolean has_numbered_subs;
  GPtrArray *sections;       /* Section *; [0] the lead */
  GPtrArray *decisions;      /* DecisionDraft * */
  GPtrArray *motions;        /* PkPersonNote *: yrkanden waiting for the decision they led to */
  GPtrArray *motion_lines;   /* const Line *: put back if no decision comes */
};

typedef enum
{
  MODE_TEXT,
  MODE_ITEM_TITLE,     /* "§ 45" alone: the next line is the title */
  MODE_ROSTER,         /* after "Närvarande:": one attendee a line */
  MODE_PRESENTERS,     /* a bare "Föredragare:" (Kalmar § 5): the next paragraph names them */
  MODE_RECORDER,       /* "Vid anteckningar" (Kalmar): the next line is the name */
  MODE_RECORDER_TITLE, /* and the line after it may be their title */
  MODE_SIGNATURE,      /* "Ordförande" over a signature line: the name comes under it */
  MODE_RESERVATIONS,
  MODE_STATEMENTS,
  MODE_MOTIONS,
  MODE_ACTIONS,
} Mode;

/* A role found in the text for a name: placed on the roster once all of it is read. */
typedef struct
{
  char *name;
  PkRole role;
  char *title;
  gboolean from_prose;   /* "Ordförande Sofia Hartz hälsar …": the text stays; a near spelling matches */
  GPtrArray *lines;      /* const Line *: put back into @fallback if the role cannot be placed */
  Section *fallback;
} RoleAssignment;

typedef struct
{
  PkMeeting *meeting;
  GPtrArray *lines;
  Mode mode;
  GPtrArray *mode_lines;      /* the label (and rule lines) a mode took, put back if it finds nothing */
  guint mode_taken;           /* what the mode has taken besides */
  PkRole roster_role;
  gboolean roster_present;
  PkRole signature_role;
  gboolean have_kind;
  char *title;
  Section *preamble;          /* text before the first item: goes to the first item */
  GPtrArray *items;           /* ItemDraft *, in document order */
  ItemDraft *top;             /* the last top-level item */
  ItemDraft *current;         /* the item (or numbered sub-item) text goes to */
  gboolean section_headings;  /* items are "§ n" rather than "n." */
  DecisionDraft *decision;    /* the decision lines go to while one is open */
  gboolean decision_block;    /* opened by a bare "Beslut:": runs over paragraphs */
  GPtrArray *assignments;     /* RoleAssignment * */
  RoleAssignment *recorder;   /* who kept the minutes */
  gboolean recognised;        /* found anything but text: not every text file is minutes */
  guint skip_to;              /* lines before this index were read with an earlier one */
} Parser;

static Section *
section_new (const char *heading)
{
  Section *section = g_new0 (Section, 1);

  section->heading = g_strdup (heading);
  section->text = g_string_new (NULL);
  return section;
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->heading);
  g_string_free (section->text, TRUE);
  g_free (section);
}

/* Lines of one paragraph stay lines (minutes are typed line by line, and the PDF keeps the
 * breaks); a new paragraph gets a blank line before it. */
static void
text_add (GString    *text,
          guint      *last_index,
          const char *piece,
          guint       index,
          gboolean    para_start)
{
  if (text->len > 0)
    g_string_append (text, !para_start && *last_index + 1 == index ? "\n" : "\n\n");
  g_string_append (text, piece);
  *last_index = index;
}

static void
section_add_line (Section    *section,
                  const Line *line)
{
  text_add (section->text, &section->last_index, line->table_text ? line->table_text : line->text,
            line->index, line->para_start);
}

static void
decision_draft_free (gpointer data)
{
  DecisionDraft *draft = data;

  g_object_unref (draft->decision);
  g_string_free (draft->text, TRUE);
  g_free (draft);
}

static void
item_draft_free (gpointer data)
{
  ItemDraft *draft = data;

  g_object_unref (draft->item);
  g_ptr_array_unref (draft->sections);
  g_ptr_array_unref (draft->decisions);
  g_ptr_array_unref (draft->motions);
  g_ptr_array_unref (draft->motion_lines);
  g_free (draft);
}

static void
role_assignment_free (gpointer data)
{
  RoleAssignment *assignment = data;

  g_free (assignment->name);
  g_free (assignment->title);
  g_ptr_array_unref (assignment->lines);
  g_free (assignment);
}

static Section *
current_section (Parser *p)
{
  if (p->current == NULL)
    return p->preamble;
  return p->current->sections->pdata[p->current->sections->len - 1];
}

static void
add_text (Parser     *p,
          const Line *line)
{
  section_add_line (current_section (p), line);
  if (p->current != NULL)
    p->current->has_content = TRUE;
}

static RoleAssignment *
add_assignment (Parser     *p,
                const char *name,
                PkRole      role,
                gboolean    from_prose)
{
  RoleAssignment *assignment = g_new0 (RoleAssignment, 1);

  assignment->name = g_strdup (name);
  assignment->role = role;
  assignment->from_prose = from_prose;
  assignment->lines = g_ptr_array_new ();
  assignment->fallback = current_section (p);
  g_ptr_array_add (p->assignments, assignment);
  return assignment;
}

/* A mode ends: a label that found nothing to label is text again. */
static void
end_mode (Parser *p)
{
  if (p->mode_taken == 0)
    for (guint i = 0; i < p->mode_lines->len; i++)
      add_text (p, p->mode_lines->pdata[i]);
  g_ptr_array_set_size (p->mode_lines, 0);
  p->mode_taken = 0;
  p->mode = MODE_TEXT;
}

static void
start_mode (Parser     *p,
            Mode        mode,
            const Line *label)
{
  end_mode (p);
  p->mode = mode;
  if (label != NULL)
    g_ptr_array_add (p->mode_lines, (gpointer) label);
}

/* ---- labels --------------------------------------------------------------------------------- */

typedef enum
{
  LABEL_COLON = 1 << 0, /* "Plats: Digitalt möte via Teams" */
  LABEL_ALONE = 1 << 1, /* "Närvarade ledamöter" on a line of its own (Kalmar) */
  LABEL_SPACE = 1 << 2, /* "Dnr 21RGK153" */
} LabelForm;

/* The text after @label when @bare starts with it in one of @forms ("" when nothing follows),
 * else NULL. */
static const char *
match_label (const char *bare,
             const char *label,
             LabelForm   forms)
{
  const char *rest = skip_prefix_ci (bare, label);

  if (rest == NULL)
    return NULL;
  if (*rest == '\0')
    return forms & (LABEL_ALONE | LABEL_COLON) ? rest : NULL;
  if (*rest == ':')
    return forms & LABEL_COLON ? skip_space (rest + 1) : NULL;
  if (is_space (g_utf8_get_char (rest)))
    {
      rest = skip_space (rest);
      if (*rest == ':')
        return forms & LABEL_COLON ? skip_space (rest + 1) : NULL;
      return forms & LABEL_SPACE ? rest : NULL;
    }
  return NULL;
}

static const char *
match_labels (const char        *bare,
              const char *const *labels,
              guint              n_labels,
              LabelForm          forms)
{
  for (guint i = 0; i < n_labels; i++)
    {
      const char *rest = match_label (bare, labels[i], forms);
      if (rest != NULL)
        return rest;
    }
  return NULL;
}

#define MATCH_LABELS(bare, labels, forms) match_labels ((bare), (labels), G_N_ELEMENTS (labels), (forms))

typedef struct
{
  const char *label;
  PkRole role;
  gboolean present;
} RosterLabel;

static const RosterLabel roster_labels[] = {
  /* Kronoberg: "Närvarande: Gunilla Kaj-Bevheden, Alvesta" and one attendee a line after it. */
  { "Närvarande", PK_ROLE_LEDAMOT, TRUE },
  /* Kalmar: "Närvarade ledamöter" and "Övriga medverkande", each on a line of its own. */
  { "Närvarade ledamöter", PK_ROLE_LEDAMOT, TRUE },
  { "Övriga medverkande", PK_ROLE_OVRIG, TRUE },
  /* A municipal protocol's first page. */
  { "Närvarande ledamöter", PK_ROLE_LEDAMOT, TRUE },
  { "Beslutande", PK_ROLE_LEDAMOT, TRUE },
  { "Beslutande ledamöter", PK_ROLE_LEDAMOT, TRUE },
  { "Ledamöter", PK_ROLE_LEDAMOT, TRUE },
  { "Närvarade", PK_ROLE_LEDAMOT, TRUE },
  { "Deltagare", PK_ROLE_LEDAMOT, TRUE },
  { "Närvarande ersättare", PK_ROLE_ERSATTARE, TRUE },
  { "Ersättare", PK_ROLE_ERSATTARE, TRUE },
  { "Icke tjänstgörande ersättare", PK_ROLE_ERSATTARE, TRUE },
  { "Ej tjänstgörande ersättare", PK_ROLE_ERSATTARE, TRUE },
  { "Övriga närvarande", PK_ROLE_OVRIG, TRUE },
  { "Övriga deltagare", PK_ROLE_OVRIG, TRUE },
  { "Övriga", PK_ROLE_OVRIG, TRUE },
  { "Adjungerade", PK_ROLE_ADJUNGERAD, TRUE },
  { "Adjungerad", PK_ROLE_ADJUNGERAD, TRUE },
  { "Frånvarande", PK_ROLE_LEDAMOT, FALSE },
  { "Frånvarande ledamöter", PK_ROLE_LEDAMOT, FALSE },
  { "Anmält förhinder", PK_ROLE_LEDAMOT, FALSE },
};

/* Who kept the minutes. Kronoberg ends "Mötesanteckningar förda av Jenny Folkesson"; Kalmar
 * has "Vid anteckningar", the name and the title on the lines below. */
static const char *const recorder_labels_with_name[] = {
  "Mötesanteckningar förda av", "Minnesanteckningar förda av", "Anteckningar förda av",
  "Protokollet fört av", "Protokoll fört av", "Antecknat av", "Antecknare", "Protokollförare",
};
static const char *const recorder_labels[] = { "Vid anteckningar", "Vid anteckningarna", "Vid protokollet" };

static const char *const presenter_labels[] = {
  "Föredragande", "Föredragare", "Föredragande tjänsteperson", "Föredragande tjänstepersoner", "Föredragning",
};

static const char *const decision_labels[] = { "Beslut", "Beslutet", "Mötets beslut" };

/* ---- item headings -------------------------------------------------------------------------- */

/* "3. Digital hub inom e-hälsa" (both samples), "§ 12 Budget", "§ 12. Budget", "§ 12" alone
 * (the title on the next line, as many municipal protocols have it). */
static gboolean
parse_item_heading (const char  *bare,
                    guint       *number,
                    gboolean    *section_mark,
                    const char **title)
{
  const char *p = bare;
  guint value = 0, digits = 0;

  *section_mark = g_str_has_prefix (p, "§");
  if (*section_mark)
    p = skip_space (p + strlen ("§"));
  while (g_ascii_isdigit (*p) && digits < 4)
    value = value * 10 + (guint) (*p++ - '0'), digits++;
  if (digits == 0 || g_ascii_isdigit (*p) || value == 0)
    return FALSE;
  if (*section_mark)
    {
      if (*p == '.')
        p++;
      if (*p != '\0' && !is_space (g_utf8_get_char (p)))
        return FALSE;
    }
  else
    {
      if (*p != '.' && *p != ')')
        return FALSE;
      p++;
      if (!is_space (g_utf8_get_char (p)))
        return FALSE;
    }
  p = skip_space (p);
  if (!*section_mark && *p == '\0')
    return FALSE;
  /* A title is a line, not a paragraph typed after a number. */
  if (longer_than (p, 400))
    return FALSE;
  *number = value;
  *title = p;
  return TRUE;
}

/* "Budget 2024 Dnr KS 2023/112": the title and the item's Dnr. */
static void
set_item_title (PkAgendaItem *item,
                const char   *text)
{
  const char *dnr = strstr (text, " Dnr ");

  if (dnr == NULL)
    dnr = strstr (text, " Dnr: ");
  if (dnr != NULL && dnr > text)
    {
      g_autofree char *title = g_strndup (text, (gsize) (dnr - text));
      g_autofree char *number = trimmed (dnr + strlen (dnr[4] == ':' ? " Dnr: " : " Dnr "));

      pk_agenda_item_set_title (item, trim_end (title));
      if (*number)
        pk_agenda_item_set_dnr (item, number);
      return;
    }
  pk_agenda_item_set_title (item, text);
}

static ItemDraft *
item_draft_new (ItemDraft *parent,
                guint      number)
{
  ItemDraft *draft = g_new0 (ItemDraft, 1);

  draft->item = pk_agenda_item_new ();
  draft->parent = parent;
  draft->number = number;
  draft->sections = g_ptr_array_new_with_free_func (section_free);
  g_ptr_array_add (draft->sections, section_new (NULL));
  draft->decisions = g_ptr_array_new_with_free_func (decision_draft_free);
  draft->motions = g_ptr_array_new_with_free_func (g_object_unref);
  draft->motion_lines = g_ptr_array_new ();
  return draft;
}

/* A heading wrapped over two or three lines, as text taken out of a PDF has it: the lines after
 * it in its paragraph, if each goes on in lower case (so none starts a list item or a sentence).
 * The whole title, or NULL. */
static char *
wrapped_title (Parser     *p,
               const Line *line,
               const char *first_part)
{
  GString *title = g_string_new (first_part);

  for (guint i = line->index + 1; i < p->lines->len; i++)
    {
      const Line *next = p->lines->pdata[i];
      gunichar c = g_utf8_get_char (next->bare);

      if (next->blank)
        break;
      if (i > line->index + 2 || !g_unichar_islower (c))
        {
          g_string_free (title, TRUE);
          return NULL;
        }
      g_string_append_printf (title, " %s", next->bare);
    }
  if (longer_than (title->str, 200))
    {
      g_string_free (title, TRUE);
      return NULL;
    }
  return g_string_free (title, FALSE);
}

static guint
paragraph_end_index (Parser     *p,
                     const Line *line)
{
  guint i = line->index;

  while (i + 1 < p->lines->len && !((Line *) p->lines->pdata[i + 1])->blank)
    i++;
  return i;
}

static gboolean
try_item_heading (Parser     *p,
                  const Line *line)
{
  ItemDraft *draft;
  gboolean section_mark;
  const char *title;
  g_autofree char *wrapped = NULL;
  guint number;

  if (!line->para_start || !parse_item_heading (line->bare, &number, &section_mark, &title))
    return FALSE;
  /* "3. …" inside a paragraph is a numbered list; a heading stands alone, or wraps. */
  if (!section_mark && !line->para_end && (wrapped = wrapped_title (p, line, title)) == NULL)
    return FALSE;
  if (p->top == NULL)
    {
      /* Plain numbers must start at 1 (an agenda does); § numbers run on through the year. */
      if (!section_mark && number != 1)
        return FALSE;
      p->section_headings = section_mark;
    }
  else if (section_mark != p->section_headings ||
           (section_mark ? number <= p->top->number : number != p->top->number + 1))
    /* The next item or nothing: "1." to "5." of a list inside an item are not items. */
    return FALSE;

  end_mode (p);
  p->decision = NULL;
  draft = item_draft_new (NULL, number);
  if (section_mark)
    pk_agenda_item_set_paragraph (draft->item, (int) number);
  if (wrapped != NULL)
    {
      set_item_title (draft->item, wrapped);
      p->skip_to = paragraph_end_index (p, line) + 1;
    }
  else if (*title)
    set_item_title (draft->item, title);
  else
    p->mode = MODE_ITEM_TITLE;
  g_list_store_append (pk_meeting_get_items (p->meeting), draft->item);
  g_ptr_array_add (p->items, draft);
  p->top = p->current = draft;
  p->recognised = TRUE;
  return TRUE;
}

/* "2.1 Fast vårdkontakt": a numbered sub-item of the current item. */
static gboolean
try_sub_item_heading (Parser     *p,
                      const Line *line)
{
  const char *q = line->bare;
  guint parent = 0, sub = 0;
  ItemDraft *draft;

  if (p->top == NULL || !line->para_start || !line->para_end)
    return FALSE;
  if (g_str_has_prefix (q, "§"))
    q = skip_space (q + strlen ("§"));
  while (g_ascii_isdigit (*q))
    parent = parent * 10 + (guint) (*q++ - '0');
  if (*q != '.' || !g_ascii_isdigit (q[1]))
    return FALSE;
  q++;
  while (g_ascii_isdigit (*q))
    sub = sub * 10 + (guint) (*q++ - '0');
  if (*q == '.')
    q++;
  if (!is_space (g_utf8_get_char (q)) || parent != p->top->number || sub != p->top->last_sub_number + 1)
    return FALSE;
  q = skip_space (q);
  if (*q == '\0')
    return FALSE;

  end_mode (p);
  p->decision = NULL;
  draft = item_draft_new (p->top, sub);
  set_item_title (draft->item, q);
  g_list_store_append (pk_agenda_item_get_items (p->top->item), draft->item);
  g_ptr_array_add (p->items, draft);
  p->top->last_sub_number = sub;
  p->top->has_numbered_subs = TRUE;
  p->current = draft;
  return TRUE;
}

/* ---- the header ----------------------------------------------------------------------------- */

typedef struct
{
  const char *word;
  PkMeetingKind kind;
} KindWord;

/* Kalmar starts "Protokoll Läns gemensam ledning i samverkan 2022-03-25", Kronoberg has
 * "MÖTESANTECKNINGAR" on a line of its own. */
static const KindWord kind_words[] = {
  { "Sammanträdesprotokoll", PK_MEETING_KIND_PROTOKOLL },
  { "Mötesprotokoll", PK_MEETING_KIND_PROTOKOLL },
  { "Protokoll", PK_MEETING_KIND_PROTOKOLL },
  { "Mötesanteckningar", PK_MEETING_KIND_MINNESANTECKNINGAR },
  { "Minnesanteckningar", PK_MEETING_KIND_MINNESANTECKNINGAR },
  { "Anteckningar", PK_MEETING_KIND_MINNESANTECKNINGAR },
};

/* "MÖTESANTECKNINGAR" is a title typed in capitals: "Mötesanteckningar". */
static char *
title_case (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gunichar first = g_unichar_toupper (g_utf8_get_char (lower));
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (first, buffer);
  return g_strconcat (buffer, g_utf8_next_char (lower), NULL);
}

static void
add_leftover (Parser     *p,
              const char *text,
              const Line *line)
{
  if (*text)
    text_add (p->preamble->text, &p->preamble->last_index, text, line->index, line->para_start);
}

static gboolean
try_kind_line (Parser     *p,
               const Line *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_words) && !p->have_kind; i++)
    {
      const char *rest = skip_prefix_ci (line->bare, kind_words[i].word);
      g_autofree char *word = NULL;
      g_autofree char *remaining = NULL;
      g_autofree char *date = NULL;
      Span span;

      if (rest == NULL || !at_word_end (rest))
        continue;
      word = g_strndup (line->bare, (gsize) (rest - line->bare));
      p->have_kind = TRUE;
      p->recognised = TRUE;
      pk_meeting_set_kind (p->meeting, kind_words[i].kind);
      g_free (p->title);
      p->title = title_case (word);
      remaining = trimmed (rest);
      if ((date = find_date (remaining, &span)) != NULL && pk_meeting_get_date (p->meeting) == NULL)
        {
          char *without = text_without (remaining, &span);
          g_free (remaining);
          remaining = without;
          pk_meeting_set_date (p->meeting, date);
        }
      /* What follows the kind word is the body, unless it is a sentence ("Protokoll fört vid …"). */
      trim_separators (remaining);
      if (*remaining && pk_meeting_get_body (p->meeting) == NULL && starts_upper (remaining) &&
          !ends_with_any (remaining, "."))
        pk_meeting_set_body (p->meeting, remaining);
      else
        add_leftover (p, remaining, line);
      return TRUE;
    }
  return FALSE;
}

/* A date, or a time, on a line of its own or after a label: sets what is not set yet. A line that
 * held more than that, or a second different date, stays text as well. */
static void
read_date_and_times (Parser     *p,
                     const Line *line,
                     const char *value,
                     gboolean    place_too)
{
  g_autofree char *rest = g_strdup (value);
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gboolean keep_line = FALSE;
  Span span;

  if ((date = find_date (rest, &span)) != NULL)
    {
      char *without = text_without (rest, &span);

      g_free (rest);
      rest = without;
      if (pk_meeting_get_date (p->meeting) == NULL)
        pk_meeting_set_date (p->meeting, date);
      else if (!g_str_equal (pk_meeting_get_date (p->meeting), date))
        keep_line = TRUE;
    }
  if (find_times (rest, &start, &end, &span))
    {
      char *without = text_without (rest, &span);

      g_free (rest);
      rest = without;
      if (pk_meeting_get_start_time (p->meeting) == NULL)
        {
          pk_meeting_set_start_time (p->meeting, start);
          pk_meeting_set_end_time (p->meeting, end);
        }
      else
        keep_line = TRUE;
    }
  /* "Kommunhuset, sammanträdesrummet Åsen, kl. 13.00–16.30": the place is what is left. */
  g_strstrip (rest);
  trim_separators (rest);
  if (place_too && *rest && !only_frame_words (rest) && pk_meeting_get_place (p->meeting) == NULL)
    pk_meeting_set_place (p->meeting, rest);
  else if (*rest && !only_frame_words (rest))
    keep_line = TRUE;
  if (keep_line)
    add_leftover (p, line->text, line);
  p->recognised = TRUE;
}

/* Lines before the first item: Dnr, kind, date, Tid, Kl., Plats, the body. */
static gboolean
try_header_line (Parser     *p,
                 const Line *line)
{
  static const char *const dnr_labels[] = { "Dnr", "Diarienummer", "Dnr." };
  static const char *const date_labels[] = { "Datum", "Sammanträdesdatum", "Mötesdatum" };
  static const char *const time_labels[] = { "Tid", "Tidpunkt" };
  static const char *const place_labels[] = { "Plats", "Lokal", "Mötesplats" };
  static const char *const place_and_time_labels[] = { "Plats och tid", "Tid och plats" };
  const char *value;
  g_autofree char *date = NULL;
  Span span;

  if (p->top != NULL)
    return FALSE;
  if (try_kind_line (p, line))
    return TRUE;
  /* Kronoberg: "Dnr 21RGK153". */
  if ((value = MATCH_LABELS (line->bare, dnr_labels, LABEL_COLON | LABEL_SPACE)) != NULL && *value &&
      pk_meeting_get_dnr (p->meeting) == NULL)
    {
      pk_meeting_set_dnr (p->meeting, value);
      p->recognised = TRUE;
      return TRUE;
    }
  if ((value = MATCH_LABELS (line->bare, place_and_time_labels, LABEL_COLON | LABEL_SPACE)) != NULL && *value)
    {
      read_date_and_times (p, line, value, TRUE);
      return TRUE;
    }
  if ((value = MATCH_LABELS (line->bare, date_labels, LABEL_COLON | LABEL_SPACE)) != NULL &&
      (date = find_date (value, &span)) != NULL)
    {
      read_date_and_times (p, line, value, FALSE);
      return TRUE;
    }
  g_clear_pointer (&date, g_free);
  /* Kronoberg: "Tid: Fredag den 4 juni 2021" and "Kl. 9:45-15:00" under it. */
  if ((value = MATCH_LABELS (line->bare, time_labels, LABEL_COLON)) != NULL && *value)
    {
      read_date_and_times (p, line, value, FALSE);
      return TRUE;
    }
  if ((skip_prefix_ci (line->bare, "kl.") != NULL || skip_prefix_ci (line->bare, "kl ") != NULL ||
       skip_prefix_ci (line->bare, "klockan ") != NULL))
    {
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      if (find_times (line->bare, &start, &end, &span))
        {
          read_date_and_times (p, line, line->bare, FALSE);
          return TRUE;
        }
    }
  /* Kronoberg: "Plats: Digitalt möte via Teams". */
  if ((value = MATCH_LABELS (line->bare, place_labels, LABEL_COLON)) != NULL && *value)
    {
      read_date_and_times (p, line, value, TRUE);
      return TRUE;
    }
  /* Kronoberg's "2021-06-04" on a line of its own. */
  if ((date = find_date (line->bare, &span)) != NULL)
    {
      g_autofree char *rest = text_without (line->bare, &span);

      if (*rest == '\0' || only_frame_words (rest))
        {
          read_date_and_times (p, line, line->bare, FALSE);
          return TRUE;
        }
    }
  return FALSE;
}

/* Kronoberg: "Ledningsgrupp för samordning av länets hälso- och sjukvård och socialtjänst", the
 * first line before the items that is nothing else. */
static gboolean
try_body_line (Parser     *p,
               const Line *line)
{
  g_autoptr(GString) body = NULL;
  guint i;

  if (p->top != NULL || pk_meeting_get_body (p->meeting) != NULL || !starts_upper (line->bare) ||
      ends_with_any (line->bare, ".:") || longer_than (line->bare, 160) || is_person_name (line->bare))
    return FALSE;
  /* A long name wrapped over lines (text from a PDF): the lines after it that go on in lower case. */
  body = g_string_new (line->bare);
  for (i = line->index + 1; i < p->lines->len; i++)
    {
      const Line *next = p->lines->pdata[i];

      if (next->blank || !starts_lower (next->bare) || longer_than (body->str, 160))
        break;
      g_string_append_printf (body, " %s", next->bare);
    }
  p->skip_to = i;
  pk_meeting_set_body (p->meeting, body->str);
  return TRUE;
}

/* ---- the roster ----------------------------------------------------------------------------- */

/* Splits at commas outside brackets: "Lisa Berg (C), tjänstgörande ersättare för Karl Holm (C)". */
static GPtrArray *
split_top_level (const char *text,
                 char        separator)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  int depth = 0;
  const char *start = text;

  for (const char *p = text;; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if ((*p == separator && depth == 0) || *p == '\0')
        {
          g_autofree char *part = g_strndup (start, (gsize) (p - start));
          g_ptr_array_add (parts, trimmed (part));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return parts;
}

/* Takes the bracketed groups out of @text: "Uppvidinge (ej fm)" → "Uppvidinge" and "ej fm". */
static char *
take_brackets (const char *text,
               GPtrArray  *groups)
{
  g_autoptr(GString) outside = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      const char *close;

      if (*p == '(' && (close = strchr (p, ')')) != NULL)
        {
          g_autofree char *inside = g_strndup (p + 1, (gsize) (close - p - 1));
          g_ptr_array_add (groups, trimmed (inside));
          p = close;
        }
      else
        g_string_append_c (outside, *p);
    }
  return trimmed (outside->str);
}

static void
append_joined (char       **field,
               const char  *text,
               const char  *separator)
{
  char *joined = *field ? g_strconcat (*field, separator, text, NULL) : g_strdup (text);

  g_free (*field);
  *field = joined;
}

typedef struct
{
  char *organisation;
  char *title;
  char *note;
  char *replaces;
  PkRole role;
  gboolean role_set;
} EntryParts;

/* A bracketed group: a role word, "tjänstgörande ersättare för X", a party, or a note kept word
 * for word ("ej fm", "till och från", "kommunikatör" in Kronoberg). */
static void
read_bracket (EntryParts *parts,
              const char *group)
{
  g_autofree char *replaces = replaces_from_phrase (group);
  PkRole role;

  if (*group == '\0')
    return;
  if (replaces != NULL)
    {
      parts->role = PK_ROLE_ERSATTARE, parts->role_set = TRUE;
      g_free (parts->replaces);
      parts->replaces = g_steal_pointer (&replaces);
    }
  else if (role_from_word (group, &role))
    parts->role = role, parts->role_set = TRUE;
  else if (is_party (group) && parts->organisation == NULL)
    parts->organisation = g_strdup (group);
  /* "Sofia Hartz (Region Kalmar län), ordförande": how this app's protocols print a roster. */
  else if (starts_upper (group) && parts->organisation == NULL)
    parts->organisation = g_strdup (group);
  else
    append_joined (&parts->note, group, ", ");
}

/* A part after a comma: a role, a substitute's member, a title ("brukarrepresentant" in Kalmar:
 * it starts in lower case) or an organisation ("Region Kronoberg", "e-Health Arena"). */
static void
read_part (EntryParts *parts,
           const char *part)
{
  g_autofree char *replaces = replaces_from_phrase (part);
  g_auto(GStrv) words = NULL;
  PkRole role;

  if (*part == '\0')
    return;
  if (replaces != NULL)
    {
      parts->role = PK_ROLE_ERSATTARE, parts->role_set = TRUE;
      g_free (parts->replaces);
      parts->replaces = g_steal_pointer (&replaces);
      return;
    }
  if (role_from_word (part, &role))
    {
      parts->role = role, parts->role_set = TRUE;
      return;
    }
  words = split_words (part);
  {
    gboolean has_upper = FALSE;

    for (const char *q = words[0]; q && *q; q = g_utf8_next_char (q))
      has_upper |= g_unichar_isupper (g_utf8_get_char (q));
    if (starts_lower (part) && !has_upper)
      append_joined (&parts->title, part, ", ");
    else
      append_joined (&parts->organisation, part, ", ");
  }
}

/* "Annie-Lie Jarhult, Uppvidinge (ej fm)", "Anna Ek (S), ordförande", "Sven-Erik Karlsson,
 * brukarrepresentant": one attendee, or NULL when the line is not one. */
static PkAttendance *
parse_roster_entry (const char *text,
                    PkRole      role,
                    gboolean    present)
{
  g_autoptr(GPtrArray) parts = split_top_level (text, ',');
  g_autoptr(GPtrArray) brackets = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tail = NULL;
  g_auto(GStrv) words = NULL;
  EntryParts entry = { NULL, NULL, NULL, NULL, role, FALSE };
  PkAttendance *attendance;
  guint n;

  if (longer_than (text, 300) || ends_with_any (text, "."))
    return NULL;
  first = take_brackets (parts->pdata[0], brackets);
  words = split_words (first);
  if (words[0] == NULL || (n = leading_name_words (words)) == 0)
    return NULL;
  name = join_words (words, 0, n);
  tail = join_words (words, n, G_MAXUINT);
  /* "Anna Ek ordförande": a role word may follow the name without a comma; anything else there
   * makes the line a sentence, not an entry ("Annika hälsar välkommen"). */
  if (*tail)
    {
      g_autofree char *replaces = replaces_from_phrase (tail);
      PkRole tail_role;

      if (replaces != NULL)
        entry.role = PK_ROLE_ERSATTARE, entry.role_set = TRUE, entry.replaces = g_steal_pointer (&replaces);
      else if (role_from_word (tail, &tail_role))
        entry.role = tail_role, entry.role_set = TRUE;
      else
        return NULL;
    }
  for (guint i = 0; i < brackets->len; i++)
    read_bracket (&entry, brackets->pdata[i]);
  for (guint i = 1; i < parts->len; i++)
    {
      g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *replaces = replaces_from_phrase (parts->pdata[i]);
      g_autofree char *outside = NULL;

      /* The brackets of "… ersättare för Karl Holm (C)" belong to Karl Holm. */
      if (replaces != NULL)
        {
          read_part (&entry, parts->pdata[i]);
          continue;
        }
      outside = take_brackets (parts->pdata[i], groups);
      read_part (&entry, outside);
      for (guint j = 0; j < groups->len; j++)
        read_bracket (&entry, groups->pdata[j]);
    }

  attendance = pk_attendance_new ();
  pk_attendance_set_name (attendance, name);
  pk_attendance_set_organisation (attendance, entry.organisation);
  pk_attendance_set_title (attendance, entry.title);
  pk_attendance_set_role (attendance, entry.role);
  pk_attendance_set_replaces (attendance, entry.replaces);
  pk_attendance_set_note (attendance, entry.note);
  pk_attendance_set_present (attendance, present);
  g_free (entry.organisation);
  g_free (entry.title);
  g_free (entry.note);
  g_free (entry.replaces);
  return attendance;
}

static gboolean
try_roster_label (Parser     *p,
                  const Line *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (roster_labels); i++)
    {
      const char *rest = match_label (line->bare, roster_labels[i].label, LABEL_COLON | LABEL_ALONE);
      g_autoptr(PkAttendance) first = NULL;

      if (rest == NULL)
        continue;
      if (*rest && (first = parse_roster_entry (rest, roster_labels[i].role, roster_labels[i].present)) == NULL)
        return FALSE;
      start_mode (p, MODE_ROSTER, line);
      p->roster_role = roster_labels[i].role;
      p->roster_present = roster_labels[i].present;
      if (first != NULL)
        {
          g_list_store_append (pk_meeting_get_attendees (p->meeting), first);
          p->mode_taken++;
          p->recognised = TRUE;
        }
      return TRUE;
    }
  return FALSE;
}

static gboolean
take_roster_entry (Parser     *p,
                   const Line *line)
{
  g_autoptr(PkAttendance) attendance = parse_roster_entry (line->bare, p->roster_role, p->roster_present);

  if (attendance == NULL)
    return FALSE;
  g_list_store_append (pk_meeting_get_attendees (p->meeting), attendance);
  p->mode_taken++;
  p->recognised = TRUE;
  return TRUE;
}

/* ---- who kept the minutes, who signs -------------------------------------------------------- */

/* "Jenny Folkesson" or "Helene Wendell, Tf. samordnare": the name, and a title after a comma. */
static gboolean
split_name_and_title (const char  *text,
                      char       **name,
                      char       **title)
{
  g_autoptr(GPtrArray) parts = split_top_level (text, ',');
  g_autofree char *rest = NULL;

  if (!is_person_name (parts->pdata[0]))
    return FALSE;
  *name = trimmed (parts->pdata[0]);
  while (**name && strchr (".;", (*name)[strlen (*name) - 1]) != NULL)
    (*name)[strlen (*name) - 1] = '\0';
  g_ptr_array_remove_index (parts, 0);
  g_ptr_array_add (parts, NULL);
  rest = g_strjoinv (", ", (char **) parts->pdata);
  *title = *rest ? g_steal_pointer (&rest) : NULL;
  return TRUE;
}

static void
set_recorder (Parser     *p,
              const char *name,
              const char *title)
{
  pk_meeting_set_recorded_by (p->meeting, name);
  /* Who kept the minutes is their secretary: the protocol prints the name under "Sekreterare". */
  p->recorder = add_assignment (p, name, PK_ROLE_SEKRETERARE, FALSE);
  p->recorder->title = g_strdup (title);
}

static gboolean
try_recorder_label (Parser     *p,
                    const Line *line)
{
  const char *rest;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if ((rest = MATCH_LABELS (line->bare, recorder_labels_with_name, LABEL_COLON | LABEL_SPACE)) == NULL &&
      (rest = MATCH_LABELS (line->bare, recorder_labels, LABEL_COLON | LABEL_SPACE | LABEL_ALONE)) == NULL)
    return FALSE;
  if (*rest == '\0')
    {
      /* Kalmar: "Vid anteckningar", and the name on a line of its own. */
      start_mode (p, MODE_RECORDER, line);
      return TRUE;
    }
  if (!split_name_and_title (rest, &name, &title))
    return FALSE;
  end_mode (p);
  set_recorder (p, name, title);
  p->mode = MODE_RECORDER_TITLE;
  return TRUE;
}

static gboolean
take_recorder_name (Parser     *p,
                    const Line *line)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!split_name_and_title (line->bare, &name, &title))
    return FALSE;
  set_recorder (p, name, title);
  g_ptr_array_set_size (p->mode_lines, 0);
  p->mode_taken = 0;
  p->mode = MODE_RECORDER_TITLE;
  return TRUE;
}

/* Kalmar: "Tf. samordnare länsgemensam ledning" under the name of who kept the minutes. */
static gboolean
take_recorder_title (Parser     *p,
                     const Line *line)
{
  if (p->recorder == NULL || p->recorder->title != NULL || !line->para_start || !line->para_end ||
      longer_than (line->bare, 80) || ends_with_any (line->bare, ".:!?") || is_person_name (line->bare))
    return FALSE;
  p->recorder->title = g_strdup (line->bare);
  g_ptr_array_add (p->recorder->lines, (gpointer) line);
  return TRUE;
}

/* A line of dots or underscores to sign on. */
static gboolean
is_signature_rule (const char *bare)
{
  guint marks = 0;

  for (const char *q = bare; *q; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      if (c == '.' || c == '_' || c == 0x2026 || c == '-' || c == 0x2013)
        marks++;
      else if (!is_space (c))
        return FALSE;
    }
  return marks >= 3;
}

typedef struct
{
  const char *label;
  PkRole role;
} RoleLabel;

static const RoleLabel role_labels[] = {
  { "Utses att justera", PK_ROLE_JUSTERARE },
  { "Att justera", PK_ROLE_JUSTERARE },
  { "Justerare", PK_ROLE_JUSTERARE },
  { "Justerande", PK_ROLE_JUSTERARE },
  { "Protokolljusterare", PK_ROLE_JUSTERARE },
  { "Vice ordförande", PK_ROLE_VICE_ORDFORANDE },
  { "Ordförande", PK_ROLE_ORDFORANDE },
  { "Sekreterare", PK_ROLE_SEKRETERARE },
};

/* "Justerare: Per Olsson och Omar Said" or "Ordförande ……… Anna Ek": names for a role. The
 * names must be all there is: "Ordförande Sofia Hartz och vice ordförande Cecilia Frid hälsar …"
 * (Kalmar § 1) is a sentence, read as such (see scan_prose_roles). */
static gboolean
try_role_label (Parser     *p,
                const Line *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_labels); i++)
    {
      const char *rest = match_label (line->bare, role_labels[i].label, LABEL_COLON | LABEL_ALONE | LABEL_SPACE);
      g_autofree char *value = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *q;

      if (rest == NULL)
        continue;
      /* Dots to sign on may stand between the word and the name. */
      for (q = rest; *q && (*q == '.' || *q == '_' || is_space (g_utf8_get_char (q)) ||
                           g_str_has_prefix (q, "…")); q = g_utf8_next_char (q))
        ;
      value = trimmed (q);
      if (*value == '\0')
        {
          start_mode (p, MODE_SIGNATURE, line);
          p->signature_role = role_labels[i].role;
          return TRUE;
        }
      {
        g_autoptr(GPtrArray) parts = split_top_level (value, ',');

        for (guint j = 0; j < parts->len; j++)
          {
            g_auto(GStrv) pieces = g_strsplit (parts->pdata[j], " och ", -1);

            for (guint k = 0; pieces[k] != NULL; k++)
              {
                g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
                g_autofree char *name = take_brackets (pieces[k], groups);

                if (!is_person_name (name))
                  return FALSE;
                g_ptr_array_add (names, g_steal_pointer (&name));
              }
          }
      }
      end_mode (p);
      for (guint j = 0; j < names->len; j++)
        {
          RoleAssignment *assignment = add_assignment (p, names->pdata[j], role_labels[i].role, FALSE);
          /* Put back whole if any of the names cannot take the role. */
          if (j == 0)
            g_ptr_array_add (assignment->lines, (gpointer) line);
        }
      return TRUE;
    }
  return FALSE;
}

static gboolean
take_signature_line (Parser     *p,
                     const Line *line)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  RoleAssignment *assignment;

  if (is_signature_rule (line->bare))
    {
      g_ptr_array_add (p->mode_lines, (gpointer) line);
      return TRUE;
    }
  name = take_brackets (line->bare, groups);
  if (!is_person_name (name))
    return FALSE;
  assignment = add_assignment (p, name, p->signature_role, FALSE);
  for (guint i = 0; i < p->mode_lines->len; i++)
    g_ptr_array_add (assignment->lines, p->mode_lines->pdata[i]);
  g_ptr_array_add (assignment->lines, (gpointer) line);
  g_ptr_array_set_size (p->mode_lines, 0);
  p->mode = MODE_TEXT;
  return TRUE;
}

/* ---- presenters ----------------------------------------------------------------------------- */

static gboolean
is_function_word (const char *word)
{
  static const char *const words[] = { "och", "i", "för", "samt", "av", "på", "med", "inom", "vid", "till", "om" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (word, words[i]))
      return TRUE;
  return FALSE;
}

static void
append_title (PkPerson   *person,
              const char *text)
{
  g_autofree char *title = g_strdup (pk_person_get_title (person));

  append_joined (&title, text, ", ");
  pk_person_set_title (person, title);
}

/* Splits "Fia Mårdfelt, projektledare eHealth arena, Magnus Persson, utvecklingsdirektör Region
 * Kalmar län. Sofia Seifarth, Basenhetschef …" (Kalmar § 3) at commas and at sentence ends. */
static GPtrArray *
presenter_segments (const char *value)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func (g_free);
  const char *start = value;

  for (const char *q = value;; q++)
    {
      gboolean sentence_end = *q == '.' && is_space (g_utf8_get_char (q + 1)) && starts_upper (skip_space (q + 1));

      if (*q == ',' || *q == ';' || sentence_end || *q == '\0')
        {
          g_autofree char *segment = g_strndup (start, (gsize) (q - start));
          char *clean = trimmed (segment);

          if (*clean)
            g_ptr_array_add (segments, clean);
          else
            g_free (clean);
          if (*q == '\0')
            break;
          start = q + 1;
        }
    }
  return segments;
}

/* Presenters with their titles. The Kalmar sample writes them every way there is: "Name, title,
 * Name, title" (§ 3, § 4), "Name title, more title, Name, title" (§ 6), and once two people run
 * together, "…socialförvaltningen Kalmar Karin Kängefjärd, koordinator …" (§ 5). */
static GPtrArray *
parse_presenters (const char *text)
{
  g_autofree char *value = trimmed (text);
  g_autoptr(GPtrArray) segments = NULL;
  GPtrArray *people = g_ptr_array_new_with_free_func (g_object_unref);
  PkPerson *current = NULL;
  gsize n = strlen (value);

  /* "*Fia Mårdfelt, …*": emphasis around the whole list. */
  while (n >= 2 && (value[0] == '*' || value[0] == '_') && value[n - 1] == value[0])
    {
      memmove (value, value + 1, n - 2);
      value[n - 2] = '\0';
      n -= 2;
    }
  while (n > 0 && value[n - 1] == '.')
    value[--n] = '\0';
  segments = presenter_segments (value);

  for (guint i = 0; i < segments->len; i++)
    {
      const char *segment = segments->pdata[i];
      const char *next = i + 1 < segments->len ? segments->pdata[i + 1] : NULL;
      g_auto(GStrv) words = split_words (segment);
      guint n_words = g_strv_length (words);
      guint k = leading_name_words (words);

      if (k > 0 && k == n_words)
        {
          /* A name on its own: a new presenter. */
          current = pk_person_new ();
          pk_person_set_name (current, segment);
          g_ptr_array_add (people, current);
        }
      else if (k > 0 && (current == NULL || pk_person_get_title (current) != NULL) &&
               !is_function_word (words[k]))
        {
          /* "Maria Svensson utvecklingsledare": a name and the start of a title. */
          g_autofree char *name = join_words (words, 0, k);
          g_autofree char *title = join_words (words, k, n_words);

          current = pk_person_new ();
          pk_person_set_name (current, name);
          pk_person_set_title (current, title);
          g_ptr_array_add (people, current);
        }
      else
        {
          /* Title text; it may end with the next presenter's name when a line break was lost. */
          guint t = 0;

          while (t < n_words && is_name_word (words[n_words - 1 - t]))
            t++;
          if (t >= 2 && t < n_words && (next == NULL || starts_lower (next) || current == NULL))
            {
              g_autofree char *head = join_words (words, 0, n_words - 2);
              g_autofree char *name = join_words (words, n_words - 2, n_words);
              PkPerson *person = pk_person_new ();

              pk_person_set_name (person, name);
              if (current != NULL)
                append_title (current, head);
              else
                pk_person_set_title (person, head);
              g_ptr_array_add (people, person);
              current = person;
            }
          else if (current != NULL)
            append_title (current, segment);
          else
            {
              g_ptr_array_set_size (people, 0);
              return people;
            }
        }
    }
  return people;
}

static void
add_presenters (Parser    *p,
                GPtrArray *people)
{
  for (guint i = 0; i < people->len; i++)
    g_list_store_append (pk_agenda_item_get_presenters (p->current->item), people->pdata[i]);
}

static gboolean
try_presenter_label (Parser     *p,
                     const Line *line)
{
  const char *rest;
  g_autoptr(GPtrArray) people = NULL;

  if (p->current == NULL || (rest = MATCH_LABELS (line->bare, presenter_labels, LABEL_COLON)) == NULL)
    return FALSE;
  if (*rest == '\0')
    {
      /* Kalmar § 5: "Föredragare:" and the names in the next paragraph. */
      start_mode (p, MODE_PRESENTERS, line);
      return TRUE;
    }
  end_mode (p);
  people = parse_presenters (rest);
  if (people->len == 0)
    {
      /* "Föredragande: Kommundirektören": whoever it is, as written. */
      PkPerson *person = pk_person_new ();
      pk_person_set_name (person, rest);
      g_ptr_array_add (people, person);
    }
  add_presenters (p, people);
  return TRUE;
}

static gboolean
take_presenter_line (Parser     *p,
                     const Line *line)
{
  g_autoptr(GPtrArray) people = parse_presenters (line->bare);

  if (people->len == 0)
    return FALSE;
  add_presenters (p, people);
  p->mode_taken++;
  return TRUE;
}

/* ---- decisions ------------------------------------------------------------------------------ */

/* "Länsgemensam ledning beslutar att anta projektplanen …" (Kalmar § 9), "Ledningsgruppen
 * beslutar att förlänga …" (Kronoberg § 5), "Kommunstyrelsen beslutar" above its att-clauses: the
 * formula of a decision taken at the meeting. "föreslås besluta" is a proposal and does not match. */
static gboolean
is_decision_sentence (const char *bare)
{
  g_autoptr(GArray) w = NULL;

  if (!starts_upper (bare))
    return FALSE;
  w = words_of (bare, 9);
  for (guint i = 1; i < w->len && i <= 7; i++)
    if (span_is (&g_array_index (w, Span, i), "beslutar"))
      return TRUE;
  return FALSE;
}

static gboolean
is_att_clause (const char *bare)
{
  return g_str_has_prefix (bare, "att ") || g_str_has_prefix (bare, "- att ");
}

static PkDecisionKind
decision_kind_for (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  if (g_str_has_prefix (lower, "informationen"))
    return PK_DECISION_KIND_INFORMATION;
  if (strstr (lower, "återremitter") != NULL)
    return PK_DECISION_KIND_ATERREMISS;
  if (strstr (lower, "bordläggs") != NULL || strstr (lower, "bordlägga") != NULL)
    return PK_DECISION_KIND_BORDLAGGNING;
  return PK_DECISION_KIND_BESLUT;
}

static DecisionDraft *
new_decision (Parser *p,
              guint   section)
{
  DecisionDraft *draft = g_new0 (DecisionDraft, 1);
  GListStore *motions;

  draft->decision = pk_decision_new ();
  draft->text = g_string_new (NULL);
  draft->section = section;
  /* Yrkanden come before the decision they led to. */
  motions = pk_decision_get_motions (draft->decision);
  for (guint i = 0; i < p->current->motions->len; i++)
    g_list_store_append (motions, p->current->motions->pdata[i]);
  g_ptr_array_set_size (p->current->motions, 0);
  g_ptr_array_set_size (p->current->motion_lines, 0);
  g_ptr_array_add (p->current->decisions, draft);
  p->current->has_content = TRUE;
  p->decision = draft;
  return draft;
}

static void
decision_add_line (DecisionDraft *draft,
                   const Line    *line)
{
  text_add (draft->text, &draft->last_index, line->text, line->index, line->para_start);
}

static gboolean
try_decision_label (Parser     *p,
                    const Line *line)
{
  const char *rest;
  DecisionDraft *draft;

  if (p->current == NULL || (rest = MATCH_LABELS (line->bare, decision_labels, LABEL_COLON | LABEL_ALONE)) == NULL)
    return FALSE;
  end_mode (p);
  draft = new_decision (p, 0);
  if (*rest == '\0')
    {
      /* Kalmar § 6: "Beslut:" and the decision in the paragraphs under it. */
      draft->label_line = line;
      p->decision_block = TRUE;
    }
  else
    {
      /* "Beslut: Ledningsgruppen ställer sig bakom detta …" (Kronoberg § 2). */
      text_add (draft->text, &draft->last_index, rest, line->index, TRUE);
      p->decision_block = FALSE;
    }
  return TRUE;
}

/* Does @line go on with the open decision? A "Beslut:" block runs to the next structure; a
 * decision sentence takes its paragraph and the att-clauses after it. */
static gboolean is_sub_heading (Parser *p, const Line *line);

static gboolean
continue_decision (Parser     *p,
                   const Line *line)
{
  DecisionDraft *draft = p->decision;

  if (draft == NULL)
    return FALSE;
  if (p->decision_block)
    {
      if (is_sub_heading (p, line))
        return FALSE;
      if (line->para_start && draft->text->len > 0 && is_decision_sentence (line->bare))
        draft = new_decision (p, 0);
      decision_add_line (draft, line);
      return TRUE;
    }
  if ((!line->para_start && draft->last_index + 1 == line->index) || is_att_clause (line->bare))
    {
      decision_add_line (draft, line);
      return TRUE;
    }
  return FALSE;
}

static gboolean
try_decision_sentence (Parser     *p,
                       const Line *line)
{
  DecisionDraft *draft;

  if (p->current == NULL || !line->para_start || !is_decision_sentence (line->bare))
    return FALSE;
  draft = new_decision (p, p->current->sections->len - 1);
  p->decision_block = FALSE;
  decision_add_line (draft, line);
  return TRUE;
}

/* ---- reservations, protokollsanteckningar, yrkanden ----------------------------------------- */

static const char *const reservation_labels[] = { "Reservation", "Reservationer" };
static const char *const statement_labels[] = { "Protokollsanteckning", "Protokollsanteckningar" };
static const char *const motion_labels[] = { "Yrkanden", "Yrkande" };

static PkDecision *
last_decision (Parser *p)
{
  if (p->current == NULL || p->current->decisions->len == 0)
    return NULL;
  return ((DecisionDraft *) p->current->decisions->pdata[p->current->decisions->len - 1])->decision;
}

/* "Per Olsson (M) reserverar sig mot beslutet." before @verb: the name with its party, and
 * what follows the verb. */
static gboolean
split_at_verb (const char  *text,
               const char  *verb,
               char       **name,
               char       **rest)
{
  const char *at = strstr (text, verb);
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bare_name = NULL;

  if (at == NULL || at == text)
    return FALSE;
  before = g_strndup (text, (gsize) (at - text));
  bare_name = take_brackets (before, groups);
  if (!is_person_name (bare_name))
    return FALSE;
  *name = trimmed (before);
  *rest = trimmed (at + strlen (verb));
  return TRUE;
}

/* One reservation, protokollsanteckning or yrkande: @text, from the source line @line. */
static gboolean
take_note_text (Parser     *p,
                const char *text,
                const Line *line)
{
  g_autofree char *name = NULL;
  g_autofree char *rest = NULL;
  g_autoptr(PkPersonNote) note = pk_person_note_new ();
  PkDecision *decision = last_decision (p);

  switch (p->mode)
    {
    case MODE_RESERVATIONS:
      /* The protocol prints "… reserverar sig mot beslutet." itself; the reason is what follows. */
      if (decision == NULL)
        return FALSE;
      if (split_at_verb (text, " reserverar sig", &name, &rest))
        {
          const char *why = rest;
          if (skip_prefix_ci (why, "mot beslutet") != NULL)
            why = skip_prefix_ci (why, "mot beslutet");
          while (*why == '.' || *why == ',' || is_space (g_utf8_get_char (why)))
            why = g_utf8_next_char (why);
          pk_person_note_set_text (note, *why ? why : NULL);
        }
      else if (is_person_name (text))
        name = trimmed (text);
      else
        return FALSE;
      pk_person_note_set_name (note, name);
      g_list_store_append (pk_decision_get_reservations (decision), note);
      break;
    case MODE_STATEMENTS:
      {
        const char *colon = strchr (text, ':');
        g_autofree char *who = colon ? g_strndup (text, (gsize) (colon - text)) : NULL;
        g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *bare_who = who ? take_brackets (who, groups) : NULL;

        if (decision == NULL || who == NULL || !is_person_name (bare_who) || *skip_space (colon + 1) == '\0')
          return FALSE;
        pk_person_note_set_name (note, g_strstrip (who));
        pk_person_note_set_text (note, skip_space (colon + 1));
        g_list_store_append (pk_decision_get_statements (decision), note);
      }
      break;
    case MODE_MOTIONS:
      /* "Anna Ek (S) yrkar bifall till förslaget." */
      if (p->current == NULL || !split_at_verb (text, " yrkar ", &name, &rest))
        return FALSE;
      pk_person_note_set_name (note, name);
      pk_person_note_set_text (note, rest);
      /* Kept until a decision takes them; put back with their label if none does. */
      if (p->current->motion_lines->len == 0 && p->mode_lines->len > 0 && p->mode_lines->pdata[0] != line)
        g_ptr_array_add (p->current->motion_lines, p->mode_lines->pdata[0]);
      g_ptr_array_add (p->current->motions, g_object_ref (note));
      g_ptr_array_add (p->current->motion_lines, (gpointer) line);
      break;
    default:
      return FALSE;
    }
  p->mode_taken++;
  return TRUE;
}

static gboolean
take_note_line (Parser     *p,
                const Line *line)
{
  return take_note_text (p, line->bare, line);
}

static gboolean
try_note_label (Parser     *p,
                const Line *line)
{
  const char *rest = NULL;
  Mode mode;

  if (p->current == NULL)
    return FALSE;
  if ((rest = MATCH_LABELS (line->bare, reservation_labels, LABEL_COLON | LABEL_ALONE)) != NULL)
    mode = MODE_RESERVATIONS;
  else if ((rest = MATCH_LABELS (line->bare, statement_labels, LABEL_COLON | LABEL_ALONE)) != NULL)
    mode = MODE_STATEMENTS;
  else if ((rest = MATCH_LABELS (line->bare, motion_labels, LABEL_COLON | LABEL_ALONE)) != NULL)
    mode = MODE_MOTIONS;
  else
    return FALSE;
  start_mode (p, mode, line);
  /* "Reservation: Per Olsson (M) reserverar sig …" on one line; if it is not one, the line is text. */
  if (*rest && !take_note_text (p, rest, line))
    end_mode (p);
  return TRUE;
}

/* ---- actions -------------------------------------------------------------------------------- */

static const char *const action_labels[] = { "Uppdrag", "Åtgärd", "Åtgärder", "Att göra", "Aktivitet", "Aktiviteter" };
static const char *const owner_labels[] = { "Ansvarig", "Ansvariga" };

static PkAction *
new_action (Parser     *p,
            const char *text)
{
  g_autoptr(PkAction) action = pk_action_new ();
  g_autofree char *due = find_date (text, NULL);
  const char *owner = strstr (text, "nsvarig:");

  pk_action_set_text (action, text);
  /* "… senast 2023-06-30": the date in the text is when it is due. */
  pk_action_set_due (action, due);
  if (owner != NULL && owner > text && (owner[-1] == 'a' || owner[-1] == 'A'))
    {
      g_autofree char *who = trimmed (owner + strlen ("nsvarig:"));
      char *end = strpbrk (who, ")");

      if (end != NULL)
        *end = '\0';
      if (is_person_name (who))
        pk_action_set_owner (action, g_strstrip (who));
    }
  g_list_store_append (pk_agenda_item_get_actions (p->current->item), action);
  return action;
}

static gboolean
try_action_label (Parser     *p,
                  const Line *line)
{
  const char *rest;

  if (p->current == NULL)
    return FALSE;
  if ((rest = MATCH_LABELS (line->bare, owner_labels, LABEL_COLON)) != NULL && *rest)
    {
      /* "Ansvarig: Olle Nyberg" under an action. */
      GListModel *actions = G_LIST_MODEL (pk_agenda_item_get_actions (p->current->item));
      guint n = g_list_model_get_n_items (actions);
      g_autoptr(PkAction) last = n > 0 ? g_list_model_get_item (actions, n - 1) : NULL;

      if (last == NULL || pk_action_get_owner (last) != NULL || !is_person_name (rest))
        return FALSE;
      end_mode (p);
      pk_action_set_owner (last, rest);
      return TRUE;
    }
  if ((rest = MATCH_LABELS (line->bare, action_labels, LABEL_COLON | LABEL_ALONE)) == NULL)
    return FALSE;
  start_mode (p, MODE_ACTIONS, line);
  if (*rest)
    {
      /* "Uppdrag: Ta fram en tidplan …, senast 2023-06-30" on one line. */
      new_action (p, rest);
      p->mode_taken++;
      end_mode (p);
    }
  return TRUE;
}

static gboolean
take_action_line (Parser     *p,
                  const Line *line)
{
  const char *text = line->bare;

  if (g_str_has_prefix (text, "- ") || g_str_has_prefix (text, "* ") || g_str_has_prefix (text, "+ "))
    text = skip_space (text + 2);
  else if (g_str_has_prefix (text, "•"))
    text = skip_space (text + strlen ("•"));
  if (*text == '\0')
    return FALSE;
  new_action (p, text);
  p->mode_taken++;
  return TRUE;
}

/* ---- sub-headings and item Dnr -------------------------------------------------------------- */

/* A running page header repeats the body's name (Kalmar's "Länsgemensam ledning i samverkan"
 * on its second page, over the member list): it is text, never a heading. */
static gboolean
is_body_echo (Parser     *p,
              const char *bare)
{
  const char *body = pk_meeting_get_body (p->meeting);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (body == NULL)
    return FALSE;
  a = squashed (body);
  b = squashed (bare);
  return g_str_equal (a, b);
}

/* A short line standing alone inside an item: "Fast vårdkontakt" (Kronoberg § 3), "Vuxna"
 * (§ 11), "Digital ungdomsmottagning" and "Överenskommelse Munhälsa" (Kalmar § 9; two capitalised
 * words, like a name: names on their own lines are taken before, under "Vid anteckningar" or a
 * signature line). Not "Bilaga 1" (an attachment named in the text), not a sentence, not a list
 * or table line. */
static gboolean
is_sub_heading (Parser     *p,
                const Line *line)
{
  const char *bare = line->bare;
  g_autoptr(GArray) words = NULL;
  Line *next = NULL;

  if (p->current == NULL || !line->para_start || !line->para_end || !starts_upper (bare) ||
      longer_than (bare, 60) || ends_with_any (bare, ".:;,!?"))
    return FALSE;
  words = words_of (bare, 10);
  if (words->len > 8 || (words->len >= 2 && span_is (&g_array_index (words, Span, 0), "bilaga") &&
                         g_ascii_isdigit (*g_array_index (words, Span, 1).start)))
    return FALSE;
  if (strstr (bare, " | ") != NULL || strstr (bare, "http") != NULL || strchr (bare, '@') != NULL ||
      strchr (bare, '\t') != NULL || is_body_echo (p, bare))
    return FALSE;
  /* A heading has something under it. */
  for (guint i = line->index + 1; i < p->lines->len && next == NULL; i++)
    if (!((Line *) p->lines->pdata[i])->blank)
      next = p->lines->pdata[i];
  if (next == NULL)
    return FALSE;
  {
    guint number;
    gboolean mark;
    const char *title;

    if (parse_item_heading (next->bare, &number, &mark, &title))
      return FALSE;
  }
  return TRUE;
}

static gboolean
try_sub_heading (Parser     *p,
                 const Line *line)
{
  if (!is_sub_heading (p, line))
    return FALSE;
  g_ptr_array_add (p->current->sections, section_new (line->bare));
  p->current->has_content = TRUE;
  return TRUE;
}

/* "Dnr KS 2023/112" right under an item's heading is the item's. */
static gboolean
try_item_dnr (Parser     *p,
              const Line *line)
{
  const char *rest;

  if (p->current == NULL || p->current->has_content || pk_agenda_item_get_dnr (p->current->item) != NULL ||
      (rest = match_label (line->bare, "Dnr", LABEL_COLON | LABEL_SPACE)) == NULL || *rest == '\0')
    return FALSE;
  pk_agenda_item_set_dnr (p->current->item, rest);
  return TRUE;
}

/* ---- reading line by line ------------------------------------------------------------------- */

/* What the current mode takes; FALSE when the line is not for it. */
static gboolean
take_in_mode (Parser     *p,
              const Line *line)
{
  switch (p->mode)
    {
    case MODE_ROSTER:
      return take_roster_entry (p, line);
    case MODE_PRESENTERS:
      return take_presenter_line (p, line);
    case MODE_RECORDER:
      return take_recorder_name (p, line);
    case MODE_SIGNATURE:
      return take_signature_line (p, line);
    case MODE_RESERVATIONS:
    case MODE_STATEMENTS:
    case MODE_MOTIONS:
      return take_note_line (p, line);
    case MODE_ACTIONS:
      return take_action_line (p, line);
    case MODE_TEXT:
    case MODE_ITEM_TITLE:
    case MODE_RECORDER_TITLE:
    default:
      return FALSE;
    }
}

static void
read_blank (Parser *p)
{
  /* These take one paragraph. */
  if ((p->mode == MODE_PRESENTERS || p->mode == MODE_RESERVATIONS || p->mode == MODE_STATEMENTS ||
       p->mode == MODE_MOTIONS || p->mode == MODE_ACTIONS) && p->mode_taken > 0)
    end_mode (p);
}

static void
read_line (Parser     *p,
           const Line *line)
{
  DecisionDraft *open_decision;
  gboolean open_block;
  Mode mode;

  if (p->mode == MODE_ITEM_TITLE)
    {
      set_item_title (p->current->item, line->bare);
      p->mode = MODE_TEXT;
      return;
    }
  if (try_item_heading (p, line) || try_sub_item_heading (p, line))
    return;
  if (take_in_mode (p, line))
    return;
  mode = p->mode;
  end_mode (p);

  /* A label ends an open decision; one that opens a decision sets it anew. */
  open_decision = p->decision;
  open_block = p->decision_block;
  p->decision = NULL;
  if (try_recorder_label (p, line) ||
      try_header_line (p, line) ||
      try_roster_label (p, line) ||
      try_role_label (p, line) ||
      try_presenter_label (p, line) ||
      try_decision_label (p, line) ||
      try_note_label (p, line) ||
      try_action_label (p, line) ||
      try_item_dnr (p, line) ||
      try_body_line (p, line))
    return;
  if (mode == MODE_RECORDER_TITLE && take_recorder_title (p, line))
    return;
  p->decision = open_decision;
  p->decision_block = open_block;
  if (continue_decision (p, line))
    return;
  p->decision = NULL;
  if (try_sub_heading (p, line) || try_decision_sentence (p, line))
    return;
  add_text (p, line);
}

/* ---- after the last line -------------------------------------------------------------------- */

static guint
edit_distance (const char *a,
               const char *b)
{
  glong n, m;
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, &n);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, &m);
  g_autofree guint *row = g_new (guint, (gsize) m + 1);

  for (glong j = 0; j <= m; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (glong j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint cost = g_unichar_tolower (x[i - 1]) == g_unichar_tolower (y[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[m];
}

/* The roster line of @name; from prose also a spelling one letter off (Kalmar § 1 greets "vice
 * ordförande Cecilia Frid", the roster lists "Cecilia Fridh"). */
static PkAttendance *
find_attendee (PkMeeting  *meeting,
               const char *name,
               gboolean    near_too)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  PkAttendance *near = NULL;
  guint near_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) a = g_list_model_get_item (attendees, i);
      g_autofree char *have = g_utf8_casefold (pk_attendance_get_name (a), -1);

      if (g_str_equal (have, wanted))
        return a;
      if (near_too && g_utf8_strlen (wanted, -1) >= 8 && edit_distance (have, wanted) <= 1)
        near = a, near_count++;
    }
  return near_count == 1 ? near : NULL;
}

static gboolean
role_is_held (PkMeeting *meeting,
              PkRole     role)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (meeting));

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) a = g_list_model_get_item (attendees, i);
      if (pk_attendance_get_role (a) == role)
        return TRUE;
    }
  return FALSE;
}

static gboolean
role_votes (PkRole role)
{
  return role == PK_ROLE_ORDFORANDE || role == PK_ROLE_VICE_ORDFORANDE || role == PK_ROLE_LEDAMOT;
}

/* Roles found outside the roster, placed on it now that all of it is read. A plain member
 * (ledamot) or other attendee (övrig) takes the role if that does not change whether they vote:
 * a member can become the chair, but not justerare or sekreterare, which do not vote in this
 * model (pk_attendance_is_voting) — the quorum would lose them. Someone who keeps their role
 * leaves the line that named them as text. A name not on the roster is added, except from prose. */
static void
apply_assignment (Parser         *p,
                  RoleAssignment *assignment)
{
  PkAttendance *attendee = find_attendee (p->meeting, assignment->name, assignment->from_prose);
  gboolean placed = TRUE;

  if (attendee == NULL)
    {
      g_autoptr(PkAttendance) added = NULL;

      if (assignment->from_prose)
        return;
      added = pk_attendance_new ();
      pk_attendance_set_name (added, assignment->name);
      pk_attendance_set_role (added, assignment->role);
      pk_attendance_set_title (added, assignment->title);
      g_list_store_append (pk_meeting_get_attendees (p->meeting), added);
      return;
    }
  if (pk_attendance_get_role (attendee) != assignment->role)
    {
      PkRole held = pk_attendance_get_role (attendee);
      gboolean unique = assignment->role != PK_ROLE_JUSTERARE;

      if ((held == PK_ROLE_LEDAMOT || held == PK_ROLE_OVRIG) && role_votes (held) == role_votes (assignment->role) &&
          !(unique && role_is_held (p->meeting, assignment->role)))
        pk_attendance_set_role (attendee, assignment->role);
      else
        placed = FALSE;
    }
  if (assignment->title != NULL)
    {
      if (pk_attendance_get_title (attendee) == NULL)
        pk_attendance_set_title (attendee, assignment->title);
      else if (!g_str_equal (pk_attendance_get_title (attendee), assignment->title))
        placed = FALSE;
    }
  if (!placed)
    for (guint i = 0; i < assignment->lines->len; i++)
      section_add_line (assignment->fallback, assignment->lines->pdata[i]);
}

/* "Ordförande Sofia Hartz och vice ordförande Cecilia Frid hälsar …" (Kalmar § 1): roles named in
 * a sentence, for people on the roster. The sentence stays as it is. */
static void
scan_prose_roles (Parser     *p,
                  const char *text)
{
  static const RoleWord words[] = {
    { "vice ordförande ", PK_ROLE_VICE_ORDFORANDE },
    { "ordförande ", PK_ROLE_ORDFORANDE },
    { "sekreterare ", PK_ROLE_SEKRETERARE },
    { "justerare ", PK_ROLE_JUSTERARE },
  };

  for (const char *q = text; *q; q = g_utf8_next_char (q))
    {
      if (q > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (q))))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        {
          const char *rest = skip_prefix_ci (q, words[i].word);
          g_autofree char *head = NULL;
          g_auto(GStrv) name_words = NULL;
          guint k;

          if (rest == NULL)
            continue;
          /* "vice ordförande X" is not the chair. */
          if (words[i].role == PK_ROLE_ORDFORANDE && q - text >= 5 && skip_prefix_ci (q - 5, "vice ") == q)
            break;
          head = g_strndup (rest, strcspn (rest, ",.;:!?\n"));
          name_words = split_words (head);
          if ((k = leading_name_words (name_words)) > 0)
            {
              g_autofree char *name = join_words (name_words, 0, MIN (k, 3));
              add_assignment (p, name, words[i].role, TRUE);
            }
          break;
        }
    }
}

/* Phrases that make a sentence about a named person an action: "Greger tar frågan med sig till
 * Ljungby kommun …", "Per återkommer efter sommaren …", "Annika undersöker och återkommer om
 * detta." (all Kronoberg). Telling and reporting ("informerar", "berättar") are not. */
static const char *const commitment_phrases[] = {
  "återkommer", "undersöker", "tar fram", "ansvarar för", "tar frågan med sig", "tar med sig frågan",
  "tar frågan vidare", "bjuder in", "skickar ut", "ser över", "kallar till", "sammanställer",
  "får i uppdrag", "ska återkomma", "ska undersöka", "ska ta fram", "ska se över",
};

/* The roster name a sentence starts with: a full name, or a first name. A first name that two
 * attendees share ("Annika" in Kronoberg) is the owner as written. */
static char *
owner_at_start (Parser      *p,
                const char  *sentence,
                const char **after)
{
  GListModel *attendees = G_LIST_MODEL (pk_meeting_get_attendees (p->meeting));
  g_autofree char *first_owner = NULL;
  guint first_count = 0;
  gsize first_length = 0;

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(PkAttendance) a = g_list_model_get_item (attendees, i);
      const char *name = pk_attendance_get_name (a);
      gsize length = strcspn (name, " ");

      if (g_str_has_prefix (sentence, name) && at_word_end (sentence + strlen (name)))
        {
          *after = skip_space (sentence + strlen (name));
          return g_strdup (name);
        }
      if (name[length] == ' ' && strncmp (sentence, name, length) == 0 && sentence[length] == ' ' &&
          (first_owner == NULL || !g_str_equal (first_owner, name)))
        {
          first_count++;
          g_free (first_owner);
          first_owner = g_strdup (name);
          first_length = length;
        }
    }
  if (first_count == 0)
    return NULL;
  *after = skip_space (sentence + first_length);
  return first_count == 1 ? g_steal_pointer (&first_owner) : g_strndup (sentence, first_length);
}

static void
scan_actions (Parser       *p,
              PkAgendaItem *item)
{
  const char *text = pk_agenda_item_get_discussion (item);
  GListStore *actions = pk_agenda_item_get_actions (item);

  for (const char *start = text; start != NULL && *start;)
    {
      const char *end = start;
      g_autofree char *sentence = NULL;
      g_autofree char *owner = NULL;
      const char *body, *after = NULL;

      /* A sentence ends at . ! ? before a capital, or at the end of a line. */
      while (*end && *end != '\n' &&
             !((*end == '.' || *end == '!' || *end == '?') && (end[1] == '\0' || end[1] == '\n' ||
                                                               (end[1] == ' ' && starts_upper (skip_space (end + 1))))))
        end++;
      if (*end == '.' || *end == '!' || *end == '?')
        end++;
      sentence = g_strndup (start, (gsize) (end - start));
      start = *end ? end + 1 : NULL;
      body = skip_space (sentence);
      if (g_str_has_prefix (body, "- ") || g_str_has_prefix (body, "* "))
        body = skip_space (body + 2);
      if (!starts_upper (body) || (owner = owner_at_start (p, body, &after)) == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (commitment_phrases); i++)
        {
          const char *rest = skip_prefix_ci (after, commitment_phrases[i]);

          if (rest != NULL && at_word_end (rest))
            {
              g_autoptr(PkAction) action = pk_action_new ();
              g_autofree char *due = find_date (body, NULL);

              pk_action_set_text (action, body);
              pk_action_set_owner (action, owner);
              pk_action_set_due (action, due);
              g_list_store_append (actions, action);
              break;
            }
        }
    }
}

static void
scan_items (Parser     *p,
            GListModel *items,
            gboolean    roles)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PkAgendaItem) item = g_list_model_get_item (items, i);

      if (roles)
        scan_prose_roles (p, pk_agenda_item_get_discussion (item));
      else
        scan_actions (p, item);
      scan_items (p, G_LIST_MODEL (pk_agenda_item_get_items (item)), roles);
    }
}

static void
append_paragraphs (GString    *out,
                   const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, "\n\n");
  g_string_append (out, text);
}

static void
set_decisions (PkAgendaItem  *item,
               GPtrArray     *drafts,
               guint          section,
               gboolean       all,
               Section       *fallback)
{
  gboolean deferred = FALSE;

  for (guint i = 0; i < drafts->len; i++)
    {
      DecisionDraft *draft = drafts->pdata[i];

      if (!all && draft->section != section)
        continue;
      if (draft->text->len == 0)
        {
          /* A "Beslut:" with nothing under it is text. */
          if (draft->label_line != NULL)
            section_add_line (fallback, draft->label_line);
          continue;
        }
      pk_decision_set_text (draft->decision, draft->text->str);
      pk_decision_set_kind (draft->decision, decision_kind_for (draft->text->str));
      deferred |= pk_decision_get_kind (draft->decision) == PK_DECISION_KIND_BORDLAGGNING;
      g_list_store_append (pk_agenda_item_get_decisions (item), draft->decision);
    }
  pk_agenda_item_set_state (item, deferred ? PK_ITEM_STATE_DEFERRED : PK_ITEM_STATE_DONE);
}

/* An item's text and decisions into the model. Sub-headings stay bold lines in the discussion,
 * as the source showed them — unless a decision stands under one (Kalmar § 9 "Besluts punkter":
 * "Digital ungdomsmottagning" and its decision, "Överenskommelse Munhälsa" and its): then each
 * sub-heading is a sub-item, so every decision keeps the heading that says what it is about. */
static void
finish_item (ItemDraft *draft)
{
  Section *lead = draft->sections->pdata[0];
  gboolean split = FALSE;
  g_autoptr(GString) discussion = g_string_new (NULL);

  /* Yrkanden no decision followed are text again. */
  for (guint i = 0; i < draft->motion_lines->len; i++)
    section_add_line (draft->sections->pdata[draft->sections->len - 1], draft->motion_lines->pdata[i]);

  for (guint i = 0; i < draft->decisions->len; i++)
    split |= ((DecisionDraft *) draft->decisions->pdata[i])->section > 0;
  split &= !draft->has_numbered_subs;

  set_decisions (draft->item, draft->decisions, 0, !split, lead);
  for (guint i = 1; i < draft->sections->len; i++)
    {
      Section *section = draft->sections->pdata[i];

      if (split)
        {
          g_autoptr(PkAgendaItem) sub = pk_agenda_item_new ();

          pk_agenda_item_set_title (sub, section->heading);
          set_decisions (sub, draft->decisions, i, FALSE, section);
          pk_agenda_item_set_discussion (sub, section->text->str);
          g_list_store_append (pk_agenda_item_get_items (draft->item), sub);
        }
      else
        {
          g_autofree char *heading = strchr (section->heading, '*') == NULL
                                       ? g_strdup_printf ("**%s**", section->heading)
                                       : g_strdup (section->heading);
          Section *target = lead;

          append_paragraphs (target->text, heading);
          append_paragraphs (target->text, section->text->str);
        }
    }
  append_paragraphs (discussion, lead->text->str);
  pk_agenda_item_set_discussion (draft->item, discussion->str);
}

static void
finish (Parser *p)
{
  GListStore *items = pk_meeting_get_items (p->meeting);

  end_mode (p);
  for (guint i = 0; i < p->assignments->len; i++)
    apply_assignment (p, p->assignments->pdata[i]);
  g_ptr_array_set_size (p->assignments, 0);

  /* Text before the first item is the first item's ("nearest item" of the contract). */
  if (p->items->len == 0 && p->preamble->text->len > 0)
    {
      ItemDraft *draft = item_draft_new (NULL, 1);

      pk_agenda_item_set_title (draft->item, "Anteckningar");
      g_list_store_append (items, draft->item);
      g_ptr_array_add (p->items, draft);
    }
  if (p->items->len > 0 && p->preamble->text->len > 0)
    {
      Section *lead = ((ItemDraft *) p->items->pdata[0])->sections->pdata[0];

      if (lead->text->len > 0)
        g_string_append (p->preamble->text, "\n\n");
      g_string_prepend (lead->text, p->preamble->text->str);
    }
  for (guint i = 0; i < p->items->len; i++)
    finish_item (p->items->pdata[i]);

  scan_items (p, G_LIST_MODEL (items), TRUE);
  for (guint i = 0; i < p->assignments->len; i++)
    apply_assignment (p, p->assignments->pdata[i]);
  scan_items (p, G_LIST_MODEL (items), FALSE);

  /* A text without a kind word: § numbers make it a protokoll. */
  if (!p->have_kind)
    {
      gboolean paragraphs = p->section_headings || role_is_held (p->meeting, PK_ROLE_JUSTERARE);

      pk_meeting_set_kind (p->meeting, paragraphs ? PK_MEETING_KIND_PROTOKOLL : PK_MEETING_KIND_MINNESANTECKNINGAR);
      p->title = g_strdup (paragraphs ? "Protokoll" : "Minnesanteckningar");
    }
  pk_meeting_set_title (p->meeting, p->title);
  /* Minutes of a meeting that took place; signing is for the app, which then locks them. */
  pk_meeting_set_status (p->meeting, PK_MEETING_STATUS_HELD);
  pk_meeting_renumber_items (p->meeting);
}

PkMeeting *
pk_text_import_parse (const char  *text,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(PkMeeting) meeting = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const char *invalid = NULL;
  gboolean any = FALSE;
  Parser p = { 0 };

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (!g_utf8_validate (text, (gssize) length, &invalid))
    {
      gsize offset = (gsize) (invalid - text);

      if (memchr (text, '\0', length) != NULL)
        return check_text_bytes (text, length, error), NULL;
      g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_ENCODING,
                   _("line %u, byte %u: the text is not valid UTF-8"),
                   line_of_offset (text, offset), (guint) offset + 1);
      return NULL;
    }
  if (!check_text_bytes (text, length, error))
    return NULL;
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3, length -= 3;
  /* Old DOS files end with Ctrl-Z, also right after the last line's text. */
  while (length > 0 && text[length - 1] == '\x1a')
    length--;

  lines = split_lines (text, length);
  for (guint i = 0; i < lines->len && !any; i++)
    any = !((Line *) lines->pdata[i])->blank;
  if (!any)
    {
      g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_EMPTY, _("the text is empty"));
      return NULL;
    }

  meeting = pk_meeting_new ();
  p.meeting = meeting;
  p.lines = lines;
  p.mode_lines = g_ptr_array_new ();
  p.preamble = section_new (NULL);
  p.items = g_ptr_array_new_with_free_func (item_draft_free);
  p.assignments = g_ptr_array_new_with_free_func (role_assignment_free);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = lines->pdata[i];

      if (i < p.skip_to)
        continue;
      if (line->blank)
        read_blank (&p);
      else
        read_line (&p, line);
    }
  finish (&p);

  g_ptr_array_unref (p.mode_lines);
  section_free (p.preamble);
  g_ptr_array_unref (p.items);
  g_ptr_array_unref (p.assignments);
  g_free (p.title);

  /* A text with nothing of minutes in it is refused rather than made a meeting: importing it
   * would drop nothing, but a wrong file in a bulk import must say so (exit 1), not pass. */
  if (!p.recognised)
    {
      g_set_error (error, PK_TEXT_IMPORT_ERROR, PK_TEXT_IMPORT_ERROR_NO_STRUCTURE,
                   _("no minutes found: no numbered item (“1. Title” or “§ 1 Title”), no date, no "
                     "“Protokoll” or “Mötesanteckningar” heading and no attendance list"));
      return NULL;
    }
  return g_steal_pointer (&meeting);
}
