/* ic-event-add-from.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-challenge.h"
#include "ic-event-add-from.h"
#include "ic-event-csv.h"
#include "ic-event-participant.h"
#include "ic-participant-dialog.h"
#include "ic-shortlist.h"
#include "ic-shortlist-entry.h"

#define FUNC_KEY "ic-add-from-func"

static void
answer (GObject    *holder,
        GtkWidget  *editor,
        GPtrArray  *participants,
        const char *message)
{
  IcEventAddFromFunc func = g_object_get_data (holder, FUNC_KEY);

  func (editor, participants, message);
}

/* Adds a participant for @id unless @seen has it. */
static void
add_once (GPtrArray  *participants,
          GHashTable *seen,
          const char *id)
{
  if (id == NULL || g_hash_table_contains (seen, id))
    return;
  g_hash_table_add (seen, g_strdup (id));
  g_ptr_array_add (participants, ic_event_participant_new (id));
}

/* The owners of chosen challenges -------------------------------------- */

static gboolean
any_ticked (IcParticipantDialog *dialog,
            gpointer             user_data)
{
  GPtrArray *boxes = g_object_get_data (G_OBJECT (dialog), "boxes");

  for (guint i = 0; boxes != NULL && i < boxes->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (boxes, i)))
      return TRUE;
  return FALSE;
}

static void
on_box_toggled (GtkCheckButton      *box,
                IcParticipantDialog *dialog)
{
  ic_participant_dialog_update_ready (dialog);
}

static void
on_challenges_response (IcParticipantDialog *dialog,
                        const char          *response,
                        GtkWidget           *editor)
{
  GPtrArray *boxes = g_object_get_data (G_OBJECT (dialog), "boxes");
  g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!g_str_equal (response, "add"))
    return;
  for (guint i = 0; i < boxes->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (boxes, i)))
      add_once (participants, seen, g_object_get_data (g_ptr_array_index (boxes, i), "organisation-id"));
  answer (G_OBJECT (dialog), editor, participants, NULL);
}

static GtkWidget *
scrolled_list (GtkWidget *list)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

void
ic_event_add_from_challenges (GtkWidget          *editor,
                              GPtrArray          *challenges,
                              GHashTable         *names,
                              IcEventAddFromFunc  func)
{
  IcParticipantDialog *dialog;
  GPtrArray *boxes = g_ptr_array_new ();
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  dialog = ic_participant_dialog_new (editor, _("Owners of Challenges"),
                                      _("The organisations that brought the challenges you tick take part."),
                                      "add", _("_Add Owners"));
  for (guint i = 0; challenges != NULL && i < challenges->len; i++)
    {
      IcChallenge *challenge = g_ptr_array_index (challenges, i);
      const char *owner = ic_challenge_get_organisation_id (challenge);
      const char *name = owner != NULL ? g_hash_table_lookup (names, owner) : NULL;
      g_autofree char *label = NULL;
      GtkWidget *box;

      if (name == NULL)
        continue;
      /* Translators: "Lighter pallets — Acme Ltd" */
      label = g_strdup_printf (_("%s — %s"), ic_challenge_get_title (challenge), name);
      box = gtk_check_button_new_with_label (label);
      g_object_set_data_full (G_OBJECT (box), "organisation-id", g_strdup (owner), g_free);
      g_signal_connect_object (box, "toggled", G_CALLBACK (on_box_toggled), dialog, 0);
      gtk_box_append (GTK_BOX (list), box);
      g_ptr_array_add (boxes, box);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Challenges"), -1);
  ic_participant_dialog_add_widget (dialog, scrolled_list (list));
  g_object_set_data_full (G_OBJECT (dialog), "boxes", boxes, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), FUNC_KEY, func);
  ic_participant_dialog_set_ready_func (dialog, any_ticked, NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_challenges_response), editor, 0);
  ic_participant_dialog_present (dialog);
  if (boxes->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (boxes, 0));
}

/* The SMEs of a shortlist ---------------------------------------------- */

static void
on_shortlist_response (IcParticipantDialog *dialog,
                       const char          *response,
                       GtkWidget           *editor)
{
  GPtrArray *shortlists = g_object_get_data (G_OBJECT (dialog), "shortlists");
  GHashTable *owners = g_object_get_data (G_OBJECT (dialog), "capability-owners");
  g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int chosen = ic_participant_dialog_get_chosen (dialog, 0);
  GListModel *entries;

  if (!g_str_equal (response, "add") || chosen < 0 || (guint) chosen >= shortlists->len)
    return;
  entries = G_LIST_MODEL (ic_shortlist_get_entries (g_ptr_array_index (shortlists, chosen)));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IcShortlistEntry) entry = g_list_model_get_item (entries, i);

      add_once (participants, seen,
                g_hash_table_lookup (owners, ic_shortlist_entry_get_capability_id (entry)));
    }
  answer (G_OBJECT (dialog), editor, participants,
          participants->len == 0 ? _("The shortlist has no capability of an organisation to add") : NULL);
}

void
ic_event_add_from_shortlist (GtkWidget          *editor,
                             GPtrArray          *shortlists,
                             GHashTable         *capability_owners,
                             IcEventAddFromFunc  func)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  IcParticipantDialog *dialog;

  for (guint i = 0; shortlists != NULL && i < shortlists->len; i++)
    g_strv_builder_add (builder, ic_shortlist_get_name (g_ptr_array_index (shortlists, i)));
  names = g_strv_builder_end (builder);
  dialog = ic_participant_dialog_new (editor, _("SMEs of a Shortlist"),
                                      _("The organisations whose capabilities are on the shortlist take part."),
                                      "add", _("_Add SMEs"));
  ic_participant_dialog_add_choice (dialog, _("Shortlist"), _("Choose a shortlist"),
                                    (const char * const *) names, 0);
  g_object_set_data_full (G_OBJECT (dialog), "shortlists", g_ptr_array_ref (shortlists),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "capability-owners", g_hash_table_ref (capability_owners),
                          (GDestroyNotify) g_hash_table_unref);
  g_object_set_data (G_OBJECT (dialog), FUNC_KEY, func);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_shortlist_response), editor, 0);
  ic_participant_dialog_present (dialog);
}

/* A CSV file ------------------------------------------------------------ */

typedef struct
{
  GtkWidget *editor;
  GPtrArray *organisations;
  guint      n_slots;
} CsvRead;

static void
csv_read_free (CsvRead *read)
{
  g_object_unref (read->editor);
  g_ptr_array_unref (read->organisations);
  g_free (read);
}

static void
on_csv_chosen (GtkNativeDialog *chooser,
               int              response,
               CsvRead         *read)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GPtrArray) participants = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* A participants file is small: read on the spot. */
      stream = g_file_read (file, NULL, &error);
      if (stream != NULL)
        participants = ic_event_csv_read_participants (G_INPUT_STREAM (stream), read->n_slots,
                                                       read->organisations, NULL, &error);
      if (participants == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Nobody was added from %s: %s"), name, error->message);

          answer (G_OBJECT (chooser), read->editor, NULL, message);
        }
      else
        answer (G_OBJECT (chooser), read->editor, participants, NULL);
    }
  g_object_set_data (G_OBJECT (chooser), "read", NULL);
  g_object_unref (chooser);
}

void
ic_event_add_from_csv (GtkWidget          *editor,
                       guint               n_slots,
                       GPtrArray          *organisations,
                       IcEventAddFromFunc  func)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  CsvRead *read = g_new0 (CsvRead, 1);

  read->editor = g_object_ref (editor);
  read->organisations = g_ptr_array_ref (organisations);
  read->n_slots = n_slots;
  chooser = gtk_file_chooser_native_new (_("Add Participants from a CSV File"), GTK_WINDOW (editor),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), FUNC_KEY, func);
  g_object_set_data_full (G_OBJECT (chooser), "read", read, (GDestroyNotify) csv_read_free);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_csv_chosen),
                         read, NULL, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
