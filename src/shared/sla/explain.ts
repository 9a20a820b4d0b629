import { localDateOfDay } from './calendar-spec.js';
import type { SlaEvent, SlaFacts } from './clocks.js';
import type { SlaEvaluation } from './engine.js';
import { offsetAt } from './zoned-time.js';
import type { SlaExplanation, TimelineEntry } from './snapshot.js';

const iso = (t: number) => new Date(t).toISOString();

/** The explainable timeline behind a snapshot ("why 3 h 12 m left"), for the console and the CLI. */
export function explainSla(evaluation: SlaEvaluation, facts: SlaFacts, calendarId: string): SlaExplanation {
  const { calendar, match } = evaluation;
  const zone = calendar.timeZone;
  const clocks = evaluation.traces.map((trace): SlaExplanation['clocks'][number] => {
    const entries: TimelineEntry[] = [];
    for (const window of trace.windows) {
      if (window.pausedBy !== null) {
        entries.push({ kind: 'paused', from: iso(window.from), to: iso(window.to), reason: window.pausedBy });
        continue;
      }
      let cursor = window.from;
      for (const interval of calendar.openIntervals(window.from, window.to)) {
        if (interval.start > cursor) entries.push(closedEntry(calendar, cursor, interval.start));
        entries.push({
          kind: 'counted',
          from: iso(interval.start),
          to: iso(interval.end),
          minutes: (interval.end - interval.start) / 60_000,
          localDate: localDateOfDay(interval.day),
          holiday: calendar.isHoliday(interval.day),
          dstShiftMinutes: (offsetAt(zone, interval.end) - offsetAt(zone, interval.start)) / 60_000,
        });
        cursor = interval.end;
      }
      if (window.to > cursor) entries.push(closedEntry(calendar, cursor, window.to));
    }
    return { kind: trace.report.kind, entries };
  });
  return {
    ruleId: match.rule.id,
    ruleName: match.rule.name,
    reasons: match.reasons,
    skipped: match.skipped,
    calendarId,
    timeZone: zone,
    lateMessages: facts.events
      .filter((e): e is Extract<SlaEvent, { kind: 'message' }> => e.kind === 'message' && e.writtenAt !== undefined && e.writtenAt < e.at)
      .map((e) => ({ writtenAt: iso(e.writtenAt!), receivedAt: iso(e.at) })),
    clocks,
  };
}

function closedEntry(calendar: SlaEvaluation['calendar'], from: number, to: number): TimelineEntry {
  const holidays = new Set<string>();
  const dayMs = 86_400_000;
  for (let t = from; t < to; t += dayMs) {
    const day = Math.floor((t + offsetAt(calendar.timeZone, t)) / dayMs);
    if (calendar.isHoliday(day)) holidays.add(localDateOfDay(day));
  }
  const lastDay = Math.floor((to - 1 + offsetAt(calendar.timeZone, to - 1)) / dayMs);
  if (calendar.isHoliday(lastDay)) holidays.add(localDateOfDay(lastDay));
  return { kind: 'closed', from: iso(from), to: iso(to), holidays: [...holidays] };
}
