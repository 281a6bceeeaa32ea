/* pk-search-hit.c: one hit of the full-text search: where it is and a snippet with the match. */
#include "config.h"

#include "pk-enum-types.h"

#include "pk-search-hit.h"

struct _PkSearchHit
{
  GObject parent_instance;

  PkSearchKind kind;
  gint64 id;
  gint64 meeting_id;
  char *meeting_date;
  char *meeting_body;
  char *meeting_title;
  char *item_number;
  char *item_title;
  int attachment_number;
  char *snippet;
  GArray *highlights;  /* PkSearchRange */
  double rank;
};

G_DEFINE_FINAL_TYPE (PkSearchHit, pk_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_MEETING_ID,
  PROP_MEETING_DATE,
  PROP_MEETING_BODY,
  PROP_MEETING_TITLE,
  PROP_ITEM_NUMBER,
  PROP_ITEM_TITLE,
  PROP_ATTACHMENT_NUMBER,
  PROP_SNIPPET,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Takes the markers out, keeping where they were; line breaks and tabs become spaces, so a
 * snippet is one line whatever the text held. A marker without its partner is dropped (the
 * text itself might, in theory, hold the control characters used as markers). */
static void
set_marked_snippet (PkSearchHit *self,
                    const char  *marked)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  gssize open_at = -1;

  g_array_set_size (self->highlights, 0);
  for (const char *p = marked != NULL ? marked : ""; *p != '\0'; p++)
    {
      if (*p == PK_SEARCH_MARK_START[0])
        open_at = plain->len;
      else if (*p == PK_SEARCH_MARK_END[0])
        {
          if (open_at >= 0 && (gsize) open_at < plain->len)
            {
              PkSearchRange range = { open_at, plain->len - open_at };
              g_array_append_val (self->highlights, range);
            }
          open_at = -1;
        }
      else if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (plain, ' ');
      else
        g_string_append_c (plain, *p);
    }
  g_free (self->snippet);
  self->snippet = g_string_free (g_steal_pointer (&plain), FALSE);
}

static void
pk_search_hit_finalize (GObject *object)
{
  PkSearchHit *self = (PkSearchHit *) object;

  g_free (self->meeting_date);
  g_free (self->meeting_body);
  g_free (self->meeting_title);
  g_free (self->item_number);
  g_free (self->item_title);
  g_free (self->snippet);
  g_array_unref (self->highlights);

  G_OBJECT_CLASS (pk_search_hit_parent_class)->finalize (object);
}

static void
pk_search_hit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PkSearchHit *self = PK_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;

    case PROP_MEETING_DATE:
      g_value_set_string (value, self->meeting_date);
      break;

    case PROP_MEETING_BODY:
      g_value_set_string (value, self->meeting_body);
      break;

    case PROP_MEETING_TITLE:
      g_value_set_string (value, self->meeting_title);
      break;

    case PROP_ITEM_NUMBER:
      g_value_set_string (value, self->item_number);
      break;

    case PROP_ITEM_TITLE:
      g_value_set_string (value, self->item_title);
      break;

    case PROP_ATTACHMENT_NUMBER:
      g_value_set_int (value, self->attachment_number);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_search_hit_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PkSearchHit *self = PK_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;

    case PROP_MEETING_DATE:
      self->meeting_date = g_value_dup_string (value);
      break;

    case PROP_MEETING_BODY:
      self->meeting_body = g_value_dup_string (value);
      break;

    case PROP_MEETING_TITLE:
      self->meeting_title = g_value_dup_string (value);
      break;

    case PROP_ITEM_NUMBER:
      self->item_number = g_value_dup_string (value);
      break;

    case PROP_ITEM_TITLE:
      self->item_title = g_value_dup_string (value);
      break;

    case PROP_ATTACHMENT_NUMBER:
      self->attachment_number = g_value_get_int (value);
      break;

    case PROP_SNIPPET:
      set_marked_snippet (self, g_value_get_string (value));
      break;

    case PROP_RANK:
      self->rank = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_search_hit_class_init (PkSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pk_search_hit_finalize;
  object_class->get_property = pk_search_hit_get_property;
  object_class->set_property = pk_search_hit_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PK_TYPE_SEARCH_KIND, PK_SEARCH_KIND_MEETING, flags);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MEETING_DATE] =
    g_param_spec_string ("meeting-date", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_BODY] =
    g_param_spec_string ("meeting-body", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_TITLE] =
    g_param_spec_string ("meeting-title", NULL, NULL, NULL, flags);
  properties[PROP_ITEM_NUMBER] =
    g_param_spec_string ("item-number", NULL, NULL, NULL, flags);
  properties[PROP_ITEM_TITLE] =
    g_param_spec_string ("item-title", NULL, NULL, NULL, flags);
  properties[PROP_ATTACHMENT_NUMBER] =
    g_param_spec_int ("attachment-number", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL, flags);
  properties[PROP_RANK] =
    g_param_spec_double ("rank", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pk_search_hit_init (PkSearchHit *self)
{
  self->highlights = g_array_new (FALSE, FALSE, sizeof (PkSearchRange));
  self->snippet = g_strdup ("");
}

PkSearchKind
pk_search_hit_get_kind (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), PK_SEARCH_KIND_MEETING);
  return self->kind;
}

gint64
pk_search_hit_get_id (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), 0);
  return self->id;
}

gint64
pk_search_hit_get_meeting_id (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), 0);
  return self->meeting_id;
}

const char *
pk_search_hit_get_meeting_date (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), NULL);
  return self->meeting_date;
}

const char *
pk_search_hit_get_meeting_body (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), NULL);
  return self->meeting_body;
}

const char *
pk_search_hit_get_meeting_title (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), NULL);
  return self->meeting_title;
}

const char *
pk_search_hit_get_item_number (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), NULL);
  return self->item_number;
}

const char *
pk_search_hit_get_item_title (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), NULL);
  return self->item_title;
}

int
pk_search_hit_get_attachment_number (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), 0);
  return self->attachment_number;
}

const char *
pk_search_hit_get_snippet (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), NULL);
  return self->snippet;
}

const PkSearchRange *
pk_search_hit_get_highlights (PkSearchHit *self,
                              guint       *n_ranges)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), NULL);
  g_return_val_if_fail (n_ranges != NULL, NULL);

  *n_ranges = self->highlights->len;
  return (const PkSearchRange *) self->highlights->data;
}

char *
pk_search_hit_format_snippet (PkSearchHit *self,
                              const char  *open,
                              const char  *close)
{
  GString *text;
  gsize at = 0;

  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const PkSearchRange *range = &g_array_index (self->highlights, PkSearchRange, i);

      g_string_append_len (text, self->snippet + at, range->start - at);
      g_string_append (text, open);
      g_string_append_len (text, self->snippet + range->start, range->length);
      g_string_append (text, close);
      at = range->start + range->length;
    }
  g_string_append (text, self->snippet + at);
  return g_string_free (text, FALSE);
}

double
pk_search_hit_get_rank (PkSearchHit *self)
{
  g_return_val_if_fail (PK_IS_SEARCH_HIT (self), 0);
  return self->rank;
}
