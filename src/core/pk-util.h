/* pk-util.h: small helpers shared across the core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Like g_set_str() of GLib 2.76, which Debian 12's GLib 2.74 lacks: TRUE when the value changed. */
static inline gboolean
pk_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* NULL for NULL or an empty/blank string; otherwise the string itself. */
static inline const char *
pk_str_or_null (const char *str)
{
  if (str == NULL)
    return NULL;
  while (*str == ' ' || *str == '\t' || *str == '\n' || *str == '\r')
    str++;
  return *str ? str : NULL;
}

G_END_DECLS
