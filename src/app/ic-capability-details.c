/* ic-capability-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "ic-capability-details.h"
#include "ic-capability.h"
#include "ic-organisation.h"
#include "ic-window.h"

typedef struct
{
  GtkWidget      *parent;   /* weak: the page may go meanwhile */
  IcStoreService *service;
  char           *shortlist_action;
  IcCapability   *capability;
} Details;

static void
details_free (Details *details)
{
  g_clear_weak_pointer (&details->parent);
  g_clear_object (&details->service);
  g_free (details->shortlist_action);
  g_clear_object (&details->capability);
  g_free (details);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Details, details_free)

static void
add_line (GString    *body,
          const char *label,
          const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (body->len > 0)
    g_string_append_c (body, '\n');
  g_string_append_printf (body, "%s: %s", label, value);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  GtkWidget *parent = g_object_get_data (G_OBJECT (dialog), "ic-parent");
  const char *action = g_object_get_data (G_OBJECT (dialog), "ic-shortlist-action");
  const char *id = g_object_get_data (G_OBJECT (dialog), "ic-capability-id");

  if (g_strcmp0 (response, "shortlist") == 0 && parent != NULL && action != NULL)
    gtk_widget_activate_action (parent, action, "s", id);
}

static void
show_dialog (Details        *details,
             IcOrganisation *organisation)
{
  IcCapability *capability = details->capability;
  IcTaxonomy *taxonomy = ic_store_service_get_taxonomy (details->service);
  GtkRoot *root = gtk_widget_get_root (details->parent);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *trl = NULL;
  g_autofree char *employees = NULL;
  const char *place = ic_capability_get_local_authority (capability);
  const char *cluster = ic_capability_get_cluster (capability);
  const char *description = ic_capability_get_description (capability);
  GtkWidget *dialog;

  add_line (body, _("Organisation"), organisation != NULL ? ic_organisation_get_name (organisation) : NULL);
  add_line (body, _("Contact"), ic_capability_get_contact (capability));
  add_line (body, _("Website"), organisation != NULL ? ic_organisation_get_website (organisation) : NULL);
  if (ic_capability_get_trl (capability) > 0)
    trl = g_strdup_printf ("%d", ic_capability_get_trl (capability));
  add_line (body, _("TRL"), trl);
  add_line (body, _("Cluster"), cluster != NULL ? ic_taxonomy_get_cluster_name (taxonomy, cluster) : NULL);
  add_line (body, _("Place"), place != NULL ? ic_taxonomy_get_place_name (taxonomy, place) : NULL);
  if (ic_capability_get_employees (capability) > 0)
    employees = g_strdup_printf ("%d", ic_capability_get_employees (capability));
  add_line (body, _("Employees"), employees);
  if (description != NULL && description[0] != '\0')
    g_string_append_printf (body, "\n\n%s", description);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   ic_capability_get_title (capability), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (details->shortlist_action != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "shortlist", _("_Add to Shortlist"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "shortlist",
                                                  ADW_RESPONSE_SUGGESTED);
      g_object_set_data_full (G_OBJECT (dialog), "ic-shortlist-action",
                              g_strdup (details->shortlist_action), g_free);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "ic-capability-id",
                          g_strdup (ic_record_get_id (IC_RECORD (capability))), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "ic-parent", g_object_ref (details->parent), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_organisation_fetched (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Details) details = user_data;
  g_autoptr(IcRecord) organisation = ic_store_service_get_finish (IC_STORE_SERVICE (source), result, NULL);

  if (details->parent == NULL)
    return;
  /* A capability whose organisation cannot be read is still shown. */
  show_dialog (details, IC_IS_ORGANISATION (organisation) ? IC_ORGANISATION (organisation) : NULL);
}

static void
on_capability_fetched (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Details) details = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcRecord) record = ic_store_service_get_finish (IC_STORE_SERVICE (source), result, &error);
  const char *organisation_id;
  IcStoreService *service;

  if (details->parent == NULL)
    return;
  if (record == NULL || !IC_IS_CAPABILITY (record))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot show the capability: %s"),
                                                  error != NULL ? error->message : _("it is not stored"));

      ic_window_toast_from (details->parent, adw_toast_new (message));
      return;
    }
  details->capability = IC_CAPABILITY (g_steal_pointer (&record));
  organisation_id = ic_capability_get_organisation_id (details->capability);
  if (organisation_id == NULL)
    {
      show_dialog (details, NULL);
      return;
    }
  service = details->service;
  ic_store_service_get_async (service, organisation_id, NULL, on_organisation_fetched,
                              g_steal_pointer (&details));
}

void
ic_capability_details_show (GtkWidget      *parent,
                            IcStoreService *service,
                            const char     *capability_id,
                            const char     *shortlist_action)
{
  Details *details;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (IC_IS_STORE_SERVICE (service));

  details = g_new0 (Details, 1);
  g_set_weak_pointer (&details->parent, parent);
  details->service = g_object_ref (service);
  details->shortlist_action = g_strdup (shortlist_action);
  ic_store_service_get_async (service, capability_id, NULL, on_capability_fetched, details);
}
