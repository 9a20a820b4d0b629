import { weekdays, type CalendarSpec, type CalendarSpecInput, type Holiday, type Weekday } from '../../../../shared/sla/calendar-spec.js';
import type { QueueRoutingInput } from '../../../../shared/routing/settings.js';
import type { QueueSettings } from '../../../../shared/routing/api.js';
import { splitList } from './rule-draft.js';

/** Monday first, as desks plan their week. */
export const weekOrder: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A queue's settings as the form holds them: lists and hours as the admin types them. */
export interface QueueDraft {
  skills: string;
  overflowQueueId: string;
  alwaysOpen: boolean;
  timeZone: string;
  /** "08:00-18:00, 19:00-21:00" per weekday; empty is closed. */
  hours: Record<Weekday, string>;
  /** Whole days closed, as dates. */
  holidays: string;
  /** Holidays with hours of their own: kept as they are, the form does not edit them. */
  specialDays: Exclude<Holiday, string>[];
}

const closedWeek = (): Record<Weekday, string> => Object.fromEntries(weekdays.map((day) => [day, ''])) as Record<Weekday, string>;

export function toQueueDraft(queue: QueueSettings, fallbackTimeZone: string): QueueDraft {
  const calendar: CalendarSpec | null = queue.calendar;
  const week = calendar && calendar.hours !== '24/7' ? calendar.hours : null;
  return {
    skills: queue.skills.join(', '),
    overflowQueueId: queue.overflowQueueId ?? '',
    alwaysOpen: calendar === null || calendar.hours === '24/7',
    timeZone: calendar?.timeZone ?? fallbackTimeZone,
    hours: week ? (Object.fromEntries(weekdays.map((day) => [day, week[day].map(([from, to]) => `${from}-${to}`).join(', ')])) as Record<Weekday, string>) : closedWeek(),
    holidays: (calendar?.holidays ?? []).filter((holiday): holiday is string => typeof holiday === 'string').join(', '),
    specialDays: (calendar?.holidays ?? []).filter((holiday): holiday is Exclude<Holiday, string> => typeof holiday !== 'string'),
  };
}

/** "08:00-18:00" → ["08:00", "18:00"]; anything else is passed on for the server to name what is wrong. */
function interval(text: string): [string, string] {
  const [from = '', to = ''] = text.split(/\s*[-–]\s*/);
  return [from.trim(), to.trim()];
}

export function fromQueueDraft(draft: QueueDraft): QueueRoutingInput {
  const skills = [...new Set(splitList(draft.skills).map((skill) => skill.toLowerCase()))];
  const holidays = [...splitList(draft.holidays), ...draft.specialDays];
  const calendar: CalendarSpecInput | null =
    draft.alwaysOpen && holidays.length === 0
      ? null
      : {
          timeZone: draft.timeZone.trim(),
          hours: draft.alwaysOpen ? '24/7' : (Object.fromEntries(weekdays.map((day) => [day, splitList(draft.hours[day]).map(interval)])) as Record<Weekday, [string, string][]>),
          holidays,
        };
  return { skills, calendar, overflowQueueId: draft.overflowQueueId === '' ? null : draft.overflowQueueId };
}
