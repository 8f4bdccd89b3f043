/* ic-model-error.h — validation errors that name the field at fault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IC_MODEL_ERROR (ic_model_error_quark ())

typedef enum
{
  IC_MODEL_ERROR_REQUIRED,
  IC_MODEL_ERROR_TOO_LONG,
  IC_MODEL_ERROR_INVALID_UTF8,
  IC_MODEL_ERROR_OUT_OF_RANGE,
  IC_MODEL_ERROR_INVALID_DATE,
  IC_MODEL_ERROR_UNKNOWN_VALUE,
  IC_MODEL_ERROR_INVALID_TAG,
  IC_MODEL_ERROR_INVALID_ID,
  IC_MODEL_ERROR_UNKNOWN_FIELD,
  IC_MODEL_ERROR_WRONG_TYPE,
  IC_MODEL_ERROR_PARSE,
} IcModelError;

GQuark      ic_model_error_quark     (void);

/* The JSON name of the field an IC_MODEL_ERROR is about, or NULL. */
const char *ic_model_error_get_field (const GError *error);

void        ic_model_set_error       (GError     **error,
                                      IcModelError code,
                                      const char  *field,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
