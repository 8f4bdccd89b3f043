/* ic-capability.h — what an SME can do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_CAPABILITY (ic_capability_get_type ())

G_DECLARE_FINAL_TYPE (IcCapability, ic_capability, IC, CAPABILITY, IcRecord)

IcCapability *ic_capability_new (void);

const char *ic_capability_get_organisation_id (IcCapability *self);
void ic_capability_set_organisation_id (IcCapability *self,
                                        const char *organisation_id);
const char *ic_capability_get_title (IcCapability *self);
void ic_capability_set_title (IcCapability *self,
                              const char *title);
const char *ic_capability_get_description (IcCapability *self);
void ic_capability_set_description (IcCapability *self,
                                    const char *description);
const char *ic_capability_get_cluster (IcCapability *self);
void ic_capability_set_cluster (IcCapability *self,
                                const char *cluster);
const char * const *ic_capability_get_tags (IcCapability *self);
void ic_capability_set_tags (IcCapability *self,
                             const char * const *tags);
int ic_capability_get_trl (IcCapability *self);
void ic_capability_set_trl (IcCapability *self,
                            int trl);
int ic_capability_get_employees (IcCapability *self);
void ic_capability_set_employees (IcCapability *self,
                                  int employees);
const char *ic_capability_get_local_authority (IcCapability *self);
void ic_capability_set_local_authority (IcCapability *self,
                                        const char *local_authority);
const char * const *ic_capability_get_certifications (IcCapability *self);
void ic_capability_set_certifications (IcCapability *self,
                                       const char * const *certifications);
const char *ic_capability_get_contact (IcCapability *self);
void ic_capability_set_contact (IcCapability *self,
                                const char *contact);

G_END_DECLS
