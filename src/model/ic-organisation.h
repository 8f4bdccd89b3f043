/* ic-organisation.h — an organisation: a large firm, an SME, a public body or a university
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ic-record.h"

G_BEGIN_DECLS

#define IC_TYPE_ORGANISATION (ic_organisation_get_type ())

G_DECLARE_FINAL_TYPE (IcOrganisation, ic_organisation, IC, ORGANISATION, IcRecord)

IcOrganisation *ic_organisation_new (void);

const char *ic_organisation_get_name (IcOrganisation *self);
void ic_organisation_set_name (IcOrganisation *self,
                               const char *name);
IcOrganisationKind ic_organisation_get_kind (IcOrganisation *self);
void ic_organisation_set_kind (IcOrganisation *self,
                               IcOrganisationKind kind);
const char *ic_organisation_get_cluster (IcOrganisation *self);
void ic_organisation_set_cluster (IcOrganisation *self,
                                  const char *cluster);
const char *ic_organisation_get_local_authority (IcOrganisation *self);
void ic_organisation_set_local_authority (IcOrganisation *self,
                                          const char *local_authority);
int ic_organisation_get_employees (IcOrganisation *self);
void ic_organisation_set_employees (IcOrganisation *self,
                                    int employees);
const char *ic_organisation_get_website (IcOrganisation *self);
void ic_organisation_set_website (IcOrganisation *self,
                                  const char *website);
const char *ic_organisation_get_notes (IcOrganisation *self);
void ic_organisation_set_notes (IcOrganisation *self,
                                const char *notes);
/* The person to speak to, and how to reach the organisation. */
const char *ic_organisation_get_contact (IcOrganisation *self);
void ic_organisation_set_contact (IcOrganisation *self,
                                  const char *contact);
const char *ic_organisation_get_email (IcOrganisation *self);
void ic_organisation_set_email (IcOrganisation *self,
                                const char *email);
const char *ic_organisation_get_phone (IcOrganisation *self);
void ic_organisation_set_phone (IcOrganisation *self,
                                const char *phone);
const char *ic_organisation_get_postcode (IcOrganisation *self);
void ic_organisation_set_postcode (IcOrganisation *self,
                                   const char *postcode);

G_END_DECLS
