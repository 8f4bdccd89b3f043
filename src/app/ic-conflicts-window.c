/* ic-conflicts-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the edits that lost and the edits the feed refused; the copies
 * waiting for a record they name settle themselves on a later pull and
 * are not shown.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ic-conflict-card.h"
#include "ic-conflict-merge.h"
#include "ic-conflicts-window.h"
#include "ic-store-conflicts.h"

/* More than this many at once is a sign of a broken feed, not of work
 * for a person; the rest show once these are resolved. */
#define MAX_SHOWN 200

struct _IcConflictsWindow
{
  AdwWindow        parent_instance;

  IcStoreService  *service;
  GCancellable    *cancellable;
  char            *author;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkBox          *cards_box;
};

G_DEFINE_FINAL_TYPE (IcConflictsWindow, ic_conflicts_window, ADW_TYPE_WINDOW)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (IcConflictsWindow *self)
{
  guint n = 0;
  g_autofree char *subtitle = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  if (n > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to resolve", "%u to resolve", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* A resolution is one job of the store service. */
typedef struct
{
  IcConflictCard *card;
  IcConflict     *conflict;  /* the card's */
  GStrv           from_mine;
  char           *author;
} Resolution;

static void
resolution_free (Resolution *resolution)
{
  g_clear_object (&resolution->card);
  g_strfreev (resolution->from_mine);
  g_free (resolution->author);
  g_free (resolution);
}

static void
resolve_job (GTask        *task,
             IcStore      *store,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Resolution *resolution = task_data;
  GError *error = NULL;

  if (!ic_conflict_resolve (store, resolution->conflict, (const char * const *) resolution->from_mine,
                            resolution->author, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_resolved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IcConflictsWindow) self = user_data;
  Resolution *resolution = g_task_get_task_data (G_TASK (result));
  IcConflictCard *card = resolution->card;
  GStrv from_mine = resolution->from_mine;
  IcConflict *conflict = resolution->conflict;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *title = ic_record_get_title (conflict->record);
  GtkWidget *next;

  gtk_widget_set_sensitive (GTK_WIDGET (card), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Cannot resolve the conflict over “%s”: %s"), title, error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  if (from_mine == NULL || from_mine[0] == NULL)
    message = g_strdup_printf (_("Kept the feed’s copy of “%s”"), title);
  else
    message = g_strdup_printf (_("Saved your choice for “%s”; the next sync sends it"), title);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));

  /* The keyboard moves on to the next conflict, not off the window. */
  next = gtk_widget_get_next_sibling (GTK_WIDGET (card));
  if (next == NULL)
    next = gtk_widget_get_prev_sibling (GTK_WIDGET (card));
  gtk_box_remove (self->cards_box, GTK_WIDGET (card));
  update_count (self);
  if (next != NULL)
    gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD);
  g_signal_emit (self, signals[RESOLVED], 0);
}

static void
on_resolve (IcConflictCard    *card,
            GStrv              from_mine,
            IcConflictsWindow *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_resolved, g_object_ref (self));
  Resolution *resolution = g_new0 (Resolution, 1);

  resolution->card = g_object_ref (card);
  resolution->conflict = ic_conflict_card_get_conflict (card);
  resolution->from_mine = g_strdupv (from_mine);
  resolution->author = g_strdup (self->author);
  g_task_set_task_data (task, resolution, (GDestroyNotify) resolution_free);
  gtk_widget_set_sensitive (GTK_WIDGET (card), FALSE);
  ic_store_service_run (self->service, task, resolve_job);
}

/* What the window shows: each conflict with the stored record. */
typedef struct
{
  GPtrArray *conflicts;  /* (element-type IcConflict) */
  GPtrArray *theirs;     /* (element-type IcRecord) (nullable) the same positions */
} Listed;

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
listed_free (Listed *listed)
{
  g_clear_pointer (&listed->conflicts, g_ptr_array_unref);
  g_clear_pointer (&listed->theirs, g_ptr_array_unref);
  g_free (listed);
}

static void
list_job (GTask        *task,
          IcStore      *store,
          gpointer      task_data,
          GCancellable *cancellable)
{
  g_autoptr(GPtrArray) all = NULL;
  Listed *listed;
  GError *error = NULL;

  all = ic_store_list_conflicts (store, -1, 0, MAX_SHOWN, &error);
  if (all == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  listed = g_new0 (Listed, 1);
  listed->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_conflict_free);
  listed->theirs = g_ptr_array_new_with_free_func (unref_nullable);
  for (guint i = 0; i < all->len; i++)
    {
      IcConflict *conflict = g_ptr_array_index (all, i);

      if (conflict->type == IC_CONFLICT_WAITING)
        continue;
      g_ptr_array_add (listed->theirs, ic_store_get (store, conflict->record_id, NULL));
      g_ptr_array_add (listed->conflicts, g_ptr_array_steal_index (all, i--));
    }
  g_task_return_pointer (task, listed, (GDestroyNotify) listed_free);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcConflictsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Listed *listed = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GPtrArray) conflicts = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (listed != NULL)
    {
      conflicts = g_ptr_array_ref (listed->conflicts);
      for (guint i = 0; i < conflicts->len; i++)
        {
          GtkWidget *card = ic_conflict_card_new (g_ptr_array_index (conflicts, i),
                                                  g_ptr_array_index (listed->theirs, i));

          g_signal_connect_object (card, "resolve", G_CALLBACK (on_resolve), self, 0);
          gtk_box_append (self->cards_box, card);
        }
      /* The cards took the conflicts they show. */
      g_ptr_array_set_free_func (conflicts, NULL);
      listed_free (listed);
    }
  if (listed == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot read the sync conflicts: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      update_count (self);
      return;
    }

  update_count (self);
}

static void
ic_conflicts_window_dispose (GObject *object)
{
  g_cancellable_cancel (IC_CONFLICTS_WINDOW (object)->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), IC_TYPE_CONFLICTS_WINDOW);

  G_OBJECT_CLASS (ic_conflicts_window_parent_class)->dispose (object);
}

static void
ic_conflicts_window_finalize (GObject *object)
{
  IcConflictsWindow *self = IC_CONFLICTS_WINDOW (object);

  g_clear_object (&self->service);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (ic_conflicts_window_parent_class)->finalize (object);
}

static void
ic_conflicts_window_class_init (IcConflictsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_conflicts_window_dispose;
  object_class->finalize = ic_conflicts_window_finalize;

  signals[RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wmvit/Interchange/ui/ic-conflicts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcConflictsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IcConflictsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IcConflictsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IcConflictsWindow, cards_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ic_conflicts_window_init (IcConflictsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IcConflictsWindow *
ic_conflicts_window_new (IcStoreService *service,
                         const char     *author)
{
  IcConflictsWindow *self = g_object_new (IC_TYPE_CONFLICTS_WINDOW, NULL);
  g_autoptr(GTask) task = NULL;

  self->service = g_object_ref (service);
  self->author = g_strdup (author);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_listed, g_object_ref (self));
  ic_store_service_run (service, task, list_job);
  return self;
}
