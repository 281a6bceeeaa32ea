/* pk-view-switcher-title.c: the header bar's panel switcher.
 *
 * It behaves as AdwViewSwitcherTitle (libadwaita 1.2): the wide switcher (icons beside labels)
 * where it fits, else the narrow one (icons above labels), else the window title, and
 * :title-visible for the window to reveal its bottom bar. AdwViewSwitcherTitle builds both
 * switchers at once: 167 widgets, half of them a wide switcher that a window narrower than about
 * 1220 pixels never shows, built, styled and measured in every first frame all the same. Here the
 * wide switcher is only made once the header is wide enough that it might fit. It needs at least
 * 4/3 of the narrow one's width (each button is its label at the normal size plus 46 pixels, against
 * three quarters of that label plus 16), so making it at 5/4 never misses a width where it fits.
 *
 * To learn the width it might have, it asks for 5/4 of the narrow switcher's width before the wide
 * one exists; once made, the wide one's width. A window that starts wide makes it before its first
 * frame (pk_view_switcher_title_prepare_wide()): made during that frame's allocation, it would
 * need a second layout pass, with the content first laid out at another width. */
#include "config.h"

#include "pk-view-switcher-title.h"

struct _PkViewSwitcherTitle
{
  GtkWidget parent_instance;

  AdwViewSwitcher *narrow_switcher;
  AdwWindowTitle *title_widget;
  AdwViewSwitcher *wide_switcher;  /* NULL until the header might be wide enough for it */

  AdwViewStack *stack;
  GtkSelectionModel *pages;
  char *title;
  gboolean title_visible;
};

G_DEFINE_FINAL_TYPE (PkViewSwitcherTitle, pk_view_switcher_title, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACK,
  PROP_TITLE,
  PROP_TITLE_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* As AdwViewSwitcherTitle: a switcher is for two visible pages or more. */
static gboolean
switchers_enabled (PkViewSwitcherTitle *self)
{
  guint visible = 0;

  if (self->pages == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->pages)) && visible < 2; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (self->pages), i);

      if (adw_view_stack_page_get_visible (page))
        visible++;
    }
  return visible >= 2;
}

static int
natural_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return natural;
}

/* The width from which the wide switcher might fit (see the top of this file). */
static int
wide_switcher_threshold (PkViewSwitcherTitle *self)
{
  return natural_width (GTK_WIDGET (self->narrow_switcher)) * 5 / 4;
}

static void
ensure_wide_switcher (PkViewSwitcherTitle *self)
{
  if (self->wide_switcher != NULL)
    return;
  self->wide_switcher = g_object_new (ADW_TYPE_VIEW_SWITCHER,
                                      "policy", ADW_VIEW_SWITCHER_POLICY_WIDE,
                                      "halign", GTK_ALIGN_CENTER,
                                      "stack", self->stack,
                                      NULL);
  gtk_widget_insert_after (GTK_WIDGET (self->wide_switcher), GTK_WIDGET (self), NULL);
}

static void
pk_view_switcher_title_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  PkViewSwitcherTitle *self = PK_VIEW_SWITCHER_TITLE (widget);
  gboolean enabled = switchers_enabled (self);

  gtk_widget_measure (GTK_WIDGET (self->title_widget), orientation, -1, minimum, natural, NULL, NULL);
  if (!enabled)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (child == GTK_WIDGET (self->title_widget))
        continue;
      gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->wide_switcher == NULL)
    *natural = MAX (*natural, wide_switcher_threshold (self));
}

static void
pk_view_switcher_title_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  PkViewSwitcherTitle *self = PK_VIEW_SWITCHER_TITLE (widget);
  GtkWidget *shown = GTK_WIDGET (self->title_widget);
  gboolean title_visible;

  if (switchers_enabled (self))
    {
      int narrow = natural_width (GTK_WIDGET (self->narrow_switcher));

      if (self->wide_switcher == NULL && width >= wide_switcher_threshold (self))
        ensure_wide_switcher (self);
      if (self->wide_switcher != NULL && natural_width (GTK_WIDGET (self->wide_switcher)) <= width)
        shown = GTK_WIDGET (self->wide_switcher);
      else if (narrow <= width)
        shown = GTK_WIDGET (self->narrow_switcher);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_child_visible (child, child == shown);
  gtk_widget_allocate (shown, width, height, baseline, NULL);

  title_visible = shown == GTK_WIDGET (self->title_widget);
  if (title_visible != self->title_visible)
    {
      self->title_visible = title_visible;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_VISIBLE]);
    }
}

static void
pk_view_switcher_title_dispose (GObject *object)
{
  PkViewSwitcherTitle *self = PK_VIEW_SWITCHER_TITLE (object);

  pk_view_switcher_title_set_stack (self, NULL);
  if (self->wide_switcher != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->wide_switcher));
      self->wide_switcher = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PK_TYPE_VIEW_SWITCHER_TITLE);
  G_OBJECT_CLASS (pk_view_switcher_title_parent_class)->dispose (object);
}

static void
pk_view_switcher_title_finalize (GObject *object)
{
  PkViewSwitcherTitle *self = PK_VIEW_SWITCHER_TITLE (object);

  g_free (self->title);
  G_OBJECT_CLASS (pk_view_switcher_title_parent_class)->finalize (object);
}

static void
pk_view_switcher_title_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PkViewSwitcherTitle *self = PK_VIEW_SWITCHER_TITLE (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TITLE_VISIBLE:
      g_value_set_boolean (value, self->title_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_view_switcher_title_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PkViewSwitcherTitle *self = PK_VIEW_SWITCHER_TITLE (object);

  switch (prop_id)
    {
    case PROP_STACK:
      pk_view_switcher_title_set_stack (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      pk_view_switcher_title_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pk_view_switcher_title_class_init (PkViewSwitcherTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pk_view_switcher_title_dispose;
  object_class->finalize = pk_view_switcher_title_finalize;
  object_class->get_property = pk_view_switcher_title_get_property;
  object_class->set_property = pk_view_switcher_title_set_property;
  widget_class->measure = pk_view_switcher_title_measure;
  widget_class->size_allocate = pk_view_switcher_title_size_allocate;

  properties[PROP_STACK] = g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_VISIBLE] = g_param_spec_boolean ("title-visible", NULL, NULL, FALSE,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/protokoll/Protokoll/pk-view-switcher-title.ui");
  gtk_widget_class_bind_template_child (widget_class, PkViewSwitcherTitle, narrow_switcher);
  gtk_widget_class_bind_template_child (widget_class, PkViewSwitcherTitle, title_widget);
  /* Adwaita's style for the switchers in a header bar's title ("viewswitchertitle viewswitcher"). */
  gtk_widget_class_set_css_name (widget_class, "viewswitchertitle");
}

static void
pk_view_switcher_title_init (PkViewSwitcherTitle *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PkViewSwitcherTitle *
pk_view_switcher_title_new (void)
{
  return g_object_new (PK_TYPE_VIEW_SWITCHER_TITLE, NULL);
}

void
pk_view_switcher_title_set_stack (PkViewSwitcherTitle *self,
                                  AdwViewStack        *stack)
{
  g_return_if_fail (PK_IS_VIEW_SWITCHER_TITLE (self));
  g_return_if_fail (stack == NULL || ADW_IS_VIEW_STACK (stack));

  if (self->stack == stack)
    return;
  if (self->pages != NULL)
    g_signal_handlers_disconnect_by_func (self->pages, gtk_widget_queue_resize, self);
  g_clear_object (&self->pages);
  g_set_object (&self->stack, stack);
  if (stack != NULL)
    {
      self->pages = adw_view_stack_get_pages (stack);
      g_signal_connect_swapped (self->pages, "items-changed", G_CALLBACK (gtk_widget_queue_resize), self);
    }
  if (self->narrow_switcher != NULL)
    adw_view_switcher_set_stack (self->narrow_switcher, stack);
  if (self->wide_switcher != NULL)
    adw_view_switcher_set_stack (self->wide_switcher, stack);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

AdwViewStack *
pk_view_switcher_title_get_stack (PkViewSwitcherTitle *self)
{
  g_return_val_if_fail (PK_IS_VIEW_SWITCHER_TITLE (self), NULL);
  return self->stack;
}

void
pk_view_switcher_title_set_title (PkViewSwitcherTitle *self,
                                  const char          *title)
{
  g_return_if_fail (PK_IS_VIEW_SWITCHER_TITLE (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
pk_view_switcher_title_get_title (PkViewSwitcherTitle *self)
{
  g_return_val_if_fail (PK_IS_VIEW_SWITCHER_TITLE (self), NULL);
  return self->title;
}

void
pk_view_switcher_title_prepare_wide (PkViewSwitcherTitle *self)
{
  g_return_if_fail (PK_IS_VIEW_SWITCHER_TITLE (self));
  ensure_wide_switcher (self);
}

gboolean
pk_view_switcher_title_get_title_visible (PkViewSwitcherTitle *self)
{
  g_return_val_if_fail (PK_IS_VIEW_SWITCHER_TITLE (self), FALSE);
  return self->title_visible;
}
