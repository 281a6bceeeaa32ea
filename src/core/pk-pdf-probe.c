/* pk-pdf-probe.c: opens a PDF in a child process with a time and memory limit, before the app trusts it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "pk-pdf-probe.h"

/* More output than the child ever writes (its text is capped) means something is wrong. */
#define MAX_STDOUT (8 * PK_PROBE_MAX_TEXT + 65536)
#define MAX_STDERR 65536

G_DEFINE_QUARK (pk-probe-error-quark, pk_probe_error)

void
pk_probe_result_clear (PkProbeResult *result)
{
  g_clear_pointer (&result->text, g_free);
  g_clear_pointer (&result->message, g_free);
  memset (result, 0, sizeof *result);
  result->pages = -1;
}

char *
pk_probe_get_cli_path (void)
{
  const char *env = g_getenv ("PROTOKOLL_CLI");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (BINDIR, "protokoll-cli", NULL);
}

static gboolean
contains_pdf_header (const char *head,
                     gsize       length)
{
  for (gsize i = 0; i + 5 <= length; i++)
    if (memcmp (head + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

gboolean
pk_pdf_check_magic (const char  *path,
                    GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char head[1024];
  gsize n_read = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n_read, NULL, &local_error))
    {
      g_set_error (error, PK_PROBE_ERROR, PK_PROBE_ERROR_READ,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  /* The PDF specification lets the header start anywhere in the first 1024 bytes. */
  if (!contains_pdf_header (head, n_read))
    {
      g_set_error (error, PK_PROBE_ERROR, PK_PROBE_ERROR_NOT_PDF,
                   _("“%s” is not a PDF file"), path);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint64 memory_limit;
  guint   cpu_seconds;
} ChildLimits;

/* Runs in the child between fork and exec: only async-signal-safe calls. */
static void
child_setup (gpointer user_data)
{
  const ChildLimits *limits = user_data;
  struct rlimit core = { 0, 0 };
  struct rlimit cpu = { limits->cpu_seconds, limits->cpu_seconds + 1 };

  /* Its own process group, so the kill at the time limit takes anything it started. */
  setpgid (0, 0);
#ifdef __linux__
  /* If the caller dies, the probe goes with it. (The signal follows the forking *thread*; that
   * thread waits here until the child is reaped, so it cannot fire early.) */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
  if (limits->memory_limit > 0)
    {
      struct rlimit as = { limits->memory_limit, limits->memory_limit };
      setrlimit (RLIMIT_AS, &as);
    }
  /* A crash leaves no core file behind; the CPU limit backs up the wall-clock kill. */
  setrlimit (RLIMIT_CORE, &core);
  setrlimit (RLIMIT_CPU, &cpu);
}

/* Reads what is there; FALSE at end of file. */
static gboolean
drain (int      fd,
       GString *into,
       gsize    max)
{
  char buffer[65536];

  for (;;)
    {
      ssize_t n = read (fd, buffer, sizeof buffer);

      if (n > 0)
        {
          if (into->len < max)
            g_string_append_len (into, buffer, MIN ((gsize) n, max - into->len));
          continue;
        }
      if (n == 0)
        return FALSE;
      if (errno == EINTR)
        continue;
      return errno == EAGAIN || errno == EWOULDBLOCK;
    }
}

/* The child's own last message ("protokoll-cli: …"), not Poppler's chatter before it. */
static char *
child_message (const GString *err)
{
  g_auto(GStrv) lines = g_strsplit (err->str, "\n", -1);

  for (int i = (int) g_strv_length (lines) - 1; i >= 0; i--)
    if (g_str_has_prefix (lines[i], "protokoll-cli: "))
      return g_utf8_make_valid (lines[i] + strlen ("protokoll-cli: "), -1);
  for (int i = (int) g_strv_length (lines) - 1; i >= 0; i--)
    if (*g_strstrip (lines[i]) != '\0')
      return g_utf8_make_valid (lines[i], -1);
  return NULL;
}

static gboolean
parse_output (const GString *out,
              PkProbeResult *result)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, out->str, out->len, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "pages"))
    return FALSE;
  result->pages = (int) json_object_get_int_member (object, "pages");
  result->text_size = (guint64) json_object_get_int_member_with_default (object, "text_size", 0);
  if (json_object_has_member (object, "text"))
    {
      const char *text = json_object_get_string_member (object, "text");
      if (text != NULL && *text != '\0')
        result->text = g_strndup (text, PK_PROBE_MAX_TEXT);
      /* strndup may cut a character in two */
      if (result->text != NULL && !g_utf8_validate (result->text, -1, NULL))
        {
          const char *end;
          g_utf8_validate (result->text, -1, &end);
          result->text[end - result->text] = '\0';
        }
    }
  return result->pages >= 0;
}

gboolean
pk_pdf_probe_file_full (const char    *path,
                        guint          timeout_ms,
                        guint64        memory_limit,
                        PkProbeResult *result,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *cli = pk_probe_get_cli_path ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GError) spawn_error = NULL;
  ChildLimits limits = { memory_limit, timeout_ms / 1000 + 2 };
  const char *argv[] = { cli, "pdf-probe", "--json", path, NULL };
  gint64 start, deadline;
  gboolean out_open = TRUE, err_open = TRUE, timed_out = FALSE, cancelled = FALSE;
  GPollFD cancel_fd = { -1, 0, 0 };
  int out_fd = -1, err_fd = -1;
  GPid pid = 0;
  int wait_status = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->pages = -1;

  if (!pk_pdf_check_magic (path, error))
    return FALSE;

  start = g_get_monotonic_time ();
  deadline = start + (gint64) timeout_ms * 1000;
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL |
                                 G_SPAWN_CLOEXEC_PIPES,
                                 child_setup, &limits, &pid, NULL, &out_fd, &err_fd, &spawn_error))
    {
      g_set_error (error, PK_PROBE_ERROR, PK_PROBE_ERROR_NO_PROBE,
                   _("Cannot start the PDF check (%s): %s"), cli, spawn_error->message);
      return FALSE;
    }
  fcntl (out_fd, F_SETFL, fcntl (out_fd, F_GETFL) | O_NONBLOCK);
  fcntl (err_fd, F_SETFL, fcntl (err_fd, F_GETFL) | O_NONBLOCK);
  if (cancellable != NULL)
    g_cancellable_make_pollfd (cancellable, &cancel_fd);

  /* Read both pipes until the child closes them or time runs out. */
  while (out_open || err_open)
    {
      struct pollfd fds[3];
      nfds_t n = 0;
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      int rc;

      if (left <= 0)
        {
          timed_out = TRUE;
          break;
        }
      if (out_open)
        fds[n++] = (struct pollfd) { out_fd, POLLIN, 0 };
      if (err_open)
        fds[n++] = (struct pollfd) { err_fd, POLLIN, 0 };
      if (cancel_fd.fd >= 0)
        fds[n++] = (struct pollfd) { cancel_fd.fd, POLLIN, 0 };
      rc = poll (fds, n, (int) MIN (left, G_MAXINT));
      if (rc < 0 && errno != EINTR)
        break;
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      if (out_open && !drain (out_fd, out, MAX_STDOUT))
        out_open = FALSE;
      if (err_open && !drain (err_fd, err, MAX_STDERR))
        err_open = FALSE;
    }

  /* The pipes are closed; the child may still linger (or hang on after closing them). */
  while (!timed_out && !cancelled)
    {
      pid_t rc = waitpid (pid, &wait_status, WNOHANG);

      if (rc == pid)
        break;
      if (rc < 0 && errno != EINTR)
        break;
      if (g_get_monotonic_time () >= deadline)
        timed_out = TRUE;
      else if (g_cancellable_is_cancelled (cancellable))
        cancelled = TRUE;
      else
        g_usleep (2000);
    }
  if (timed_out || cancelled)
    {
      kill (-pid, SIGKILL);
      kill (pid, SIGKILL);
      while (waitpid (pid, &wait_status, 0) < 0 && errno == EINTR)
        ;
    }
  close (out_fd);
  close (err_fd);
  g_spawn_close_pid (pid);
  if (cancel_fd.fd >= 0)
    g_cancellable_release_fd (cancellable);
  result->elapsed_ms = (g_get_monotonic_time () - start) / 1000;

  if (cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The PDF check was cancelled"));
      return FALSE;
    }
  if (timed_out)
    {
      result->status = PK_PROBE_STATUS_TIMEOUT;
      result->message = g_strdup_printf (_("Opening the file took more than %u seconds"),
                                         (timeout_ms + 999) / 1000);
    }
  else if (WIFSIGNALED (wait_status))
    {
      result->status = PK_PROBE_STATUS_CRASHED;
      result->signal = WTERMSIG (wait_status);
      result->message = g_strdup_printf (_("Opening the file crashed the PDF reader (%s)"),
                                         g_strsignal (result->signal));
    }
  else if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0 && parse_output (out, result))
    result->status = PK_PROBE_STATUS_OK;
  else if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 1)
    {
      g_autofree char *message = child_message (err);

      result->status = PK_PROBE_STATUS_FAILED;
      result->message = g_strdup (message ? message : _("The PDF reader cannot open the file"));
    }
  else
    {
      /* Any other end (the loader failing under the memory limit, garbage output) is no clean
       * refusal: counted as a crash. */
      result->status = PK_PROBE_STATUS_CRASHED;
      result->message = g_strdup_printf (_("The PDF check ended abnormally (exit status %d)"),
                                         WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1);
    }
  if (result->status != PK_PROBE_STATUS_OK)
    {
      result->pages = -1;
      g_clear_pointer (&result->text, g_free);
    }
  return TRUE;
}

gboolean
pk_pdf_probe_file (const char     *path,
                   PkProbeResult  *result,
                   GError        **error)
{
  return pk_pdf_probe_file_full (path, PK_PROBE_DEFAULT_TIMEOUT_MS, PK_PROBE_DEFAULT_MEMORY_LIMIT,
                                 result, NULL, error);
}
