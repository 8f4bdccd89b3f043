/* ic-model-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ic-model-error.h"

typedef struct
{
  char *field;
} IcModelErrorPrivate;

static void
ic_model_error_private_init (IcModelErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
ic_model_error_private_copy (const IcModelErrorPrivate *src,
                             IcModelErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
ic_model_error_private_clear (IcModelErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (IcModelError, ic_model_error)

const char *
ic_model_error_get_field (const GError *error)
{
  IcModelErrorPrivate *priv;

  if (error == NULL || error->domain != IC_MODEL_ERROR)
    return NULL;
  priv = ic_model_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}

void
ic_model_set_error (GError     **error,
                    IcModelError code,
                    const char  *field,
                    const char  *format,
                    ...)
{
  g_autofree char *message = NULL;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* The field leads the message so that a person reading a CLI or log
   * line knows where to look without the structured field. */
  if (field != NULL)
    new_error = g_error_new (IC_MODEL_ERROR, code, "%s: %s", field, message);
  else
    new_error = g_error_new_literal (IC_MODEL_ERROR, code, message);

  if (field != NULL)
    ic_model_error_get_private (new_error)->field = g_strdup (field);

  g_propagate_error (error, new_error);
}
