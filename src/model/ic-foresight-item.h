/* ic-foresight-item.h — a signal from the foresight feed: demand, a technology driver, an idea or a call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_FORESIGHT_ITEM (ic_foresight_item_get_type ())

G_DECLARE_FINAL_TYPE (IcForesightItem, ic_foresight_item, IC, FORESIGHT_ITEM, IcRecord)

IcForesightItem *ic_foresight_item_new (void);

IcForesightKind ic_foresight_item_get_kind (IcForesightItem *self);
void ic_foresight_item_set_kind (IcForesightItem *self,
                                 IcForesightKind kind);
const char *ic_foresight_item_get_title (IcForesightItem *self);
void ic_foresight_item_set_title (IcForesightItem *self,
                                  const char *title);
const char *ic_foresight_item_get_summary (IcForesightItem *self);
void ic_foresight_item_set_summary (IcForesightItem *self,
                                    const char *summary);
const char *ic_foresight_item_get_url (IcForesightItem *self);
void ic_foresight_item_set_url (IcForesightItem *self,
                                const char *url);
const char * const *ic_foresight_item_get_tags (IcForesightItem *self);
void ic_foresight_item_set_tags (IcForesightItem *self,
                                 const char * const *tags);
const char *ic_foresight_item_get_published (IcForesightItem *self);
void ic_foresight_item_set_published (IcForesightItem *self,
                                      const char *published);
const char *ic_foresight_item_get_source (IcForesightItem *self);
void ic_foresight_item_set_source (IcForesightItem *self,
                                   const char *source);

G_END_DECLS
