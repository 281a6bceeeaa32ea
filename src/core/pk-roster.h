/* pk-roster.h: who counts at a meeting: quorum over the roster, per item with partial presence
 * and jäv (recusal). */
#pragma once

#include "pk-agenda-item.h"
#include "pk-attendance.h"
#include "pk-meeting.h"
#include "pk-meeting-json.h"

G_BEGIN_DECLS

/* TRUE for the roles that vote: ordförande, vice ordförande, ledamot — and an ersättare who
 * serves for a member (tjänstgörande ersättare). */
gboolean pk_attendance_is_voting      (PkAttendance *attendance);

/* Fills @quorum for the whole meeting (@item NULL) or for one item: voting attendees present —
 * for the item, only those whose from/to items cover it and who did not leave for jäv. */
void     pk_quorum_compute            (PkMeeting    *meeting,
                                       int           required,
                                       PkAgendaItem *item,
                                       PkQuorum     *quorum);

G_END_DECLS
