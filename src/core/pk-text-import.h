/* pk-text-import.h: minutes written as plain text (the styles of shared/samples/) read into a PkMeeting. */
#pragma once

#include <glib.h>

#include "pk-meeting.h"

G_BEGIN_DECLS

#define PK_TEXT_IMPORT_ERROR (pk_text_import_error_quark ())

typedef enum
{
  PK_TEXT_IMPORT_ERROR_EMPTY,        /* nothing but white space */
  PK_TEXT_IMPORT_ERROR_BINARY,       /* a NUL or another control byte: not a text file */
  PK_TEXT_IMPORT_ERROR_ENCODING,     /* not UTF-8, and not a legacy encoding read in its place */
  PK_TEXT_IMPORT_ERROR_TOO_LARGE,    /* more than PK_TEXT_IMPORT_MAX_SIZE bytes */
  PK_TEXT_IMPORT_ERROR_NO_STRUCTURE, /* no item, date, kind word or roster: not minutes */
} PkTextImportError;

/* Minutes are a few hundred kilobytes at most; a file past this is not minutes. */
#define PK_TEXT_IMPORT_MAX_SIZE (16 * 1024 * 1024)

typedef enum
{
  PK_TEXT_ENCODING_UTF8,
  PK_TEXT_ENCODING_UTF8_BOM,
  PK_TEXT_ENCODING_UTF16LE,     /* with its byte order mark, as Windows Notepad writes "Unicode" */
  PK_TEXT_ENCODING_UTF16BE,
  PK_TEXT_ENCODING_WINDOWS_1252, /* no valid UTF-8 sequence at all: old Swedish Windows text */
} PkTextEncoding;

GQuark      pk_text_import_error_quark (void);

/* The file's bytes as UTF-8 (without a byte order mark). A file that is valid UTF-8 is taken as
 * it is; one with a UTF-16 byte order mark is converted; one without a single valid multi-byte
 * UTF-8 sequence but with bytes above 127 is read as Windows-1252 (a superset of Latin-1). A file
 * that mixes valid UTF-8 with invalid bytes is refused, naming the line and byte of the first
 * invalid one: guessing there would garble the valid part. @encoding says what was done, and
 * @legacy_line (may be NULL) the line of the first byte that was not UTF-8, or 0. */
char       *pk_text_import_decode      (const char      *data,
                                        gsize            length,
                                        PkTextEncoding  *encoding,
                                        guint           *legacy_line,
                                        GError         **error);

/* Reads UTF-8 minutes into a meeting (not stored; id 0): header (body, kind, title, date, times,
 * place, dnr), attendance with roles and notes, items with their § numbers, sub-items,
 * presenters, discussion, decisions, reservations, actions, who kept the minutes. Every line of
 * @text ends up in the meeting: as data, or as discussion text of the item it stands in (text
 * before the first item goes to the first item). Errors name the line and byte. */
PkMeeting  *pk_text_import_parse       (const char      *text,
                                        gsize            length,
                                        GError         **error);

G_END_DECLS
