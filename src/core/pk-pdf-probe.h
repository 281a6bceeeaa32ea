/* pk-pdf-probe.h: opens a PDF in a child process with a time and memory limit, before the app trusts it. */
#pragma once

#include <gio/gio.h>

#include "pk-enums.h"

G_BEGIN_DECLS

#define PK_PROBE_ERROR (pk_probe_error_quark ())

typedef enum
{
  PK_PROBE_ERROR_NOT_PDF,    /* no "%PDF-" in the first 1024 bytes: refused, nothing stored */
  PK_PROBE_ERROR_READ,       /* the file cannot be read */
  PK_PROBE_ERROR_NO_PROBE,   /* protokoll-cli cannot be started */
} PkProbeError;

/* Limits of the probe child. */
#define PK_PROBE_DEFAULT_TIMEOUT_MS   10000
#define PK_PROBE_DEFAULT_MEMORY_LIMIT ((guint64) 1024 * 1024 * 1024)
/* At most this much extracted text is kept (for search); text_size tells the whole size. */
#define PK_PROBE_MAX_TEXT             (2 * 1024 * 1024)

typedef struct
{
  PkProbeStatus status;
  int           pages;      /* -1 unless ok */
  guint64       text_size;  /* bytes of text Poppler extracted from all pages */
  char         *text;       /* that text, at most PK_PROBE_MAX_TEXT bytes (valid UTF-8), or NULL */
  int           signal;     /* crashed: the signal that ended the child */
  char         *message;    /* failed/crashed/timeout: what happened, in words */
  gint64        elapsed_ms;
} PkProbeResult;

GQuark      pk_probe_error_quark  (void);
void        pk_probe_result_clear (PkProbeResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PkProbeResult, pk_probe_result_clear)

/* The protokoll-cli that runs probes: $PROTOKOLL_CLI if set (build tree, tests), else the
 * installed BINDIR/protokoll-cli. */
char       *pk_probe_get_cli_path (void);

/* FALSE (PK_PROBE_ERROR_NOT_PDF) unless the file starts like a PDF within its first 1024 bytes. */
gboolean    pk_pdf_check_magic    (const char     *path,
                                   GError        **error);

/* Runs `protokoll-cli pdf-probe --json FILE` as a child with RLIMIT_AS = @memory_limit (0: none)
 * and kills it with SIGKILL after @timeout_ms. TRUE with @result filled whatever the child did
 * (ok, timeout, crashed, failed); FALSE only when no probe could run (not a PDF, unreadable, no
 * protokoll-cli, cancelled). Blocks: call it from a worker thread. */
gboolean    pk_pdf_probe_file_full (const char    *path,
                                    guint          timeout_ms,
                                    guint64        memory_limit,
                                    PkProbeResult *result,
                                    GCancellable  *cancellable,
                                    GError       **error);
/* The same with the default limits (10 s, 1 GiB). */
gboolean    pk_pdf_probe_file     (const char     *path,
                                   PkProbeResult  *result,
                                   GError        **error);

G_END_DECLS
