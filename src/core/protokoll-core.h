/* protokoll-core.h: the whole public interface of libprotokoll-core, for the app, CLI and tests. */
#pragma once

#include "pk-action.h"
#include "pk-agenda-item.h"
#include "pk-attachment.h"
#include "pk-attendance.h"
#include "pk-database.h"
#include "pk-decision.h"
#include "pk-enums.h"
#include "pk-meeting.h"
#include "pk-meeting-json.h"
#include "pk-person.h"
#include "pk-person-note.h"
#include "pk-signoff.h"
#include "pk-util.h"
