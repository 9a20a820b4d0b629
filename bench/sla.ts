import { mkdirSync, writeFileSync } from 'node:fs';
import { BusinessCalendar } from '../src/shared/sla/business-calendar.js';
import { CalendarSpecSchema } from '../src/shared/sla/calendar-spec.js';
import { polishHolidays2026 } from '../src/shared/sla/testing-calendars.js';
import { naiveAddBusinessMinutes } from './naive-calendar.js';

/**
 * Due-time computations per second: 24/7, a Mon–Fri calendar with ten holidays a year, and a 30-day
 * target on that calendar, each against the naive minute-by-minute walk in the same run.
 * Goals (issue 3): ≥ 2,000,000/s for 24/7, ≥ 500,000/s for business hours.
 */
const nineToFive: [string, string][] = [['09:00', '17:00']];
const alwaysSpec = CalendarSpecSchema.parse({ timeZone: 'Europe/Warsaw', hours: '24/7' });
const weekdaySpec = CalendarSpecSchema.parse({
  timeZone: 'Europe/Warsaw',
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: polishHolidays2026,
});

// Starts spread over 2026 at odd minutes, targets from 15 minutes to a working day.
const starts = Array.from({ length: 4096 }, (_, i) => Date.UTC(2026, 0, 1) + ((i * 7919) % 525_600) * 60_000);
const targets = Array.from({ length: 4096 }, (_, i) => 15 + ((i * 104_729) % 466));

function opsPerSecond(run: (i: number) => number, iterations: number): number {
  let sink = 0;
  for (let i = 0; i < Math.min(iterations, 10_000); i++) sink += run(i); // warm-up: JIT and calendar years
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let i = 0; i < iterations; i++) sink += run(i);
    samples.push(iterations / ((performance.now() - started) / 1000));
  }
  if (sink === 42) console.log('');
  return Math.round(samples.sort((a, b) => a - b)[2]!);
}

function scenario(name: string, spec: typeof weekdaySpec, minutes: (i: number) => number, iterations: number, naiveIterations: number, goal: number | null) {
  const calendar = new BusinessCalendar(spec);
  const engine = opsPerSecond((i) => calendar.addBusinessMinutes(starts[i & 4095]!, minutes(i & 4095)), iterations);
  const naive = opsPerSecond((i) => naiveAddBusinessMinutes(spec, starts[i & 4095]!, minutes(i & 4095)), naiveIterations);
  // The engine must give the naive walk's answers, or its speed means nothing.
  for (let i = 0; i < naiveIterations * 10 && i < 30; i++) {
    const [s, m] = [starts[i]!, minutes(i)];
    if (calendar.addBusinessMinutes(s, m) !== naiveAddBusinessMinutes(spec, s, m)) throw new Error(`${name}: engine and naive walk disagree at ${new Date(s).toISOString()} + ${m}`);
  }
  return { name, perSecond: engine, naivePerSecond: naive, speedup: Math.round(engine / naive), goalPerSecond: goal, meetsGoal: goal === null ? null : engine >= goal };
}

const results = [
  scenario('24/7', alwaysSpec, (i) => targets[i]!, 5_000_000, 300, 2_000_000),
  scenario('Mon–Fri 09:00–17:00, 10 holidays', weekdaySpec, (i) => targets[i]!, 2_000_000, 300, 500_000),
  scenario('30-day target on Mon–Fri with holidays', weekdaySpec, () => 30 * 24 * 60, 1_000_000, 3, null),
];

const report = { benchmark: 'sla-due', date: new Date().toISOString(), machine: { node: process.version, platform: process.platform }, results };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/sla.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
if (results.some((r) => r.meetsGoal === false)) process.exitCode = 1;
