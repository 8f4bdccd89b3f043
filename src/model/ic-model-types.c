/* ic-model-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-object.h>
#include <glib/gi18n-lib.h>

#include "ic-model-types.h"

const char *
ic_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : NULL;
}

gboolean
ic_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}

const char *
ic_stage_get_label (IcStage stage)
{
  switch (stage)
    {
    case IC_STAGE_PROPOSED: return _("Proposed");
    case IC_STAGE_CONTACTED: return _("Contacted");
    case IC_STAGE_INTRODUCED: return _("Introduced");
    case IC_STAGE_MEETING_HELD: return _("Meeting held");
    case IC_STAGE_COLLABORATING: return _("Collaborating");
    case IC_STAGE_DECLINED: return _("Declined");
    default: return "";
    }
}

const char *
ic_decline_reason_get_label (IcDeclineReason reason)
{
  switch (reason)
    {
    case IC_DECLINE_REASON_NONE: return "";
    case IC_DECLINE_REASON_NOT_RELEVANT: return _("Not relevant");
    case IC_DECLINE_REASON_NO_CAPACITY: return _("No capacity");
    case IC_DECLINE_REASON_TOO_EARLY: return _("Too early");
    case IC_DECLINE_REASON_TOO_COSTLY: return _("Too costly");
    case IC_DECLINE_REASON_CONFLICT_OF_INTEREST: return _("Conflict of interest");
    case IC_DECLINE_REASON_OTHER: return _("Other");
    default: return "";
    }
}
