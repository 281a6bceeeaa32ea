/* pk-test-util.h: helpers shared by the test programs: temporary files, checksums, fixtures. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A fresh temporary folder for one test; removed with everything in it by pk_test_dir_free(). */
char    *pk_test_dir_new          (void);
void     pk_test_dir_free         (char       *dir);

/* SHA-256 of a whole file, to show that a file was left untouched. */
char    *pk_test_file_checksum    (const char *path);
/* Reads a file from tests/data. */
char    *pk_test_read_data_file   (const char *name,
                                   gsize      *length);
char    *pk_test_data_path        (const char *name);
/* Runs one SQL statement on a file with plain SQLite, outside PkDatabase. */
void     pk_test_sql              (const char *path,
                                   const char *sql);
gint64   pk_test_sql_int          (const char *path,
                                   const char *sql);
char    *pk_test_sql_text         (const char *path,
                                   const char *sql);

/* Spins the main loop until @done says so; fails the test after 10 s. */
void     pk_test_wait_until       (gboolean  (*done) (gpointer),
                                   gpointer    data);
/* Spins the main loop for @ms milliseconds. */
void     pk_test_wait_ms          (guint       ms);

/* What a run of protokoll-cli ($PK_TEST_CLI) gave: exit status, standard output and error. */
typedef struct
{
  int status;
  char *out;
  char *err;
} PkTestCliResult;

void     pk_test_cli_result_clear (PkTestCliResult *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PkTestCliResult, pk_test_cli_result_clear)

/* Runs protokoll-cli with the arguments (NULL-terminated), without $PROTOKOLL_DB, and waits for it. */
PkTestCliResult pk_test_run_cli   (const char *first,
                                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
