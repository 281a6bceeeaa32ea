/* pk-enums.c: nick conversion and translated labels for the model enumerations. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pk-enums.h"

const char *
pk_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

gboolean
pk_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    return FALSE;
  if (value != NULL)
    *value = enum_value->value;
  return TRUE;
}

const char *
pk_meeting_kind_get_label (PkMeetingKind kind)
{
  switch (kind)
    {
    case PK_MEETING_KIND_PROTOKOLL:
      return _("Minutes");
    case PK_MEETING_KIND_MINNESANTECKNINGAR:
      return _("Meeting Notes");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pk_meeting_status_get_label (PkMeetingStatus status)
{
  switch (status)
    {
    case PK_MEETING_STATUS_DRAFT:
      return _("Draft");
    case PK_MEETING_STATUS_CALLED:
      return _("Called");
    case PK_MEETING_STATUS_HELD:
      return _("Held");
    case PK_MEETING_STATUS_PENDING:
      return _("Pending Approval");
    case PK_MEETING_STATUS_JUSTERAT:
      return _("Approved");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pk_item_state_get_label (PkItemState state)
{
  switch (state)
    {
    case PK_ITEM_STATE_OPEN:
      return _("Open");
    case PK_ITEM_STATE_DEFERRED:
      return _("Deferred");
    case PK_ITEM_STATE_DONE:
      return _("Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pk_role_get_label (PkRole role)
{
  switch (role)
    {
    case PK_ROLE_ORDFORANDE:
      return _("Chair");
    case PK_ROLE_VICE_ORDFORANDE:
      return _("Vice Chair");
    case PK_ROLE_SEKRETERARE:
      return _("Secretary");
    case PK_ROLE_JUSTERARE:
      return _("Approver");
    case PK_ROLE_LEDAMOT:
      return _("Member");
    case PK_ROLE_ERSATTARE:
      return _("Substitute");
    case PK_ROLE_ADJUNGERAD:
      return _("Co-opted");
    case PK_ROLE_OVRIG:
      return _("Others Present");
    default:
      g_return_val_if_reached (NULL);
    }
}
