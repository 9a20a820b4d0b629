import type { Migration } from 'kysely';
import * as initial from './0001-initial.js';
import * as sla from './0002-sla.js';
import * as mutations from './0003-mutations.js';
import * as changeRows from './0004-change-rows.js';
import * as handoffs from './0005-handoffs.js';
import * as replicatedPolicy from './0006-replicated-policy.js';
import * as intake from './0007-intake.js';
import * as channels from './0008-channels.js';
import * as portal from './0009-portal.js';
import * as chat from './0010-chat.js';
import * as shifts from './0011-shifts.js';
import * as routing from './0012-routing.js';
import * as escalations from './0013-escalations.js';
import * as handoffShifts from './0014-handoff-shifts.js';
import * as ticketTags from './0015-ticket-tags.js';
import * as knowledge from './0016-knowledge.js';
import * as remoteAssistance from './0017-remote-assistance.js';
import * as queueViews from './0018-queue-views.js';
import * as analyticsFacts from './0019-analytics-facts.js';
import * as wallboardIndexes from './0020-wallboard-indexes.js';
import * as csatScale from './0021-csat-scale.js';
import * as analyticsCsatCommented from './0022-analytics-csat-commented.js';

/** Numbered, append-only: a released migration is never edited, a change is a new file. */
export const serverMigrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-sla': sla,
  '0003-mutations': mutations,
  '0004-change-rows': changeRows,
  '0005-handoffs': handoffs,
  '0006-replicated-policy': replicatedPolicy,
  '0007-intake': intake,
  '0008-channels': channels,
  '0009-portal': portal,
  '0010-chat': chat,
  '0011-shifts': shifts,
  '0012-routing': routing,
  '0013-escalations': escalations,
  '0014-handoff-shifts': handoffShifts,
  '0015-ticket-tags': ticketTags,
  '0016-knowledge': knowledge,
  '0017-remote-assistance': remoteAssistance,
  '0018-queue-views': queueViews,
  '0019-analytics-facts': analyticsFacts,
  '0020-wallboard-indexes': wallboardIndexes,
  '0021-csat-scale': csatScale,
  '0022-analytics-csat-commented': analyticsCsatCommented,
};
