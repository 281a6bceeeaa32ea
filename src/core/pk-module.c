/* pk-module.c: where Protokoll's modules are found. */
#include "config.h"

#include "pk-module.h"

char *
pk_module_find (const char *file_name,
                const char *env_variable)
{
  const char *override = g_getenv (env_variable);
  g_autofree char *installed = g_build_filename (PK_MODULE_DIR, file_name, NULL);
  g_autofree char *exe = NULL;

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&installed);
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *built = g_build_filename (dir, "..", "core", file_name, NULL);

      if (g_file_test (built, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&built);
    }
  return g_steal_pointer (&installed);
}
