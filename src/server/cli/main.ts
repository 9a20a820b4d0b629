import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { systemClock } from '../../shared/clock.js';
import { BusinessCalendar } from '../../shared/sla/business-calendar.js';
import { CalendarSpecSchema } from '../../shared/sla/calendar-spec.js';
import { compilePolicy, evaluateSla } from '../../shared/sla/engine.js';
import { explainSla } from '../../shared/sla/explain.js';
import { SlaPolicySchema } from '../../shared/sla/policy.js';
import { configFromEnv } from '../config.js';
import { SlaService } from '../sla/sla-service.js';
import { currentPolicy } from '../sla/policy-store.js';
import { migrateToLatest, openSqliteDatabase } from '../storage/database.js';
import { ticketFromRow } from '../tickets/rows.js';
import { formatExplanation } from './format-explanation.js';

const usage = `Usage: npm run cli -- <command>
  sla due --calendar FILE --start ISO --minutes N     the due instant, ISO-8601 UTC
  sla explain --ticket NUMBER [--policy FILE]         a ticket's clocks as a timeline (server data folder: SHIFTDESK_DATA)
  sla check --policy FILE | --calendar FILE           validate a policy or calendar file`;

class CliError extends Error {}

/** Reads a JSON file and validates it, naming the field that is wrong. */
function readValidated<T extends z.ZodType>(file: string, schema: T, what: string): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`${what} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`${what} ${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`missing --${flag}\n${usage}`);
  return value;
}

async function run(argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { calendar: { type: 'string' }, policy: { type: 'string' }, start: { type: 'string' }, minutes: { type: 'string' }, ticket: { type: 'string' } },
  });
  const [area, command] = positionals;
  if (area !== 'sla') throw new CliError(usage);

  if (command === 'due') {
    const calendar = new BusinessCalendar(readValidated(required(values.calendar, 'calendar'), CalendarSpecSchema, 'calendar'));
    const start = Date.parse(required(values.start, 'start'));
    if (Number.isNaN(start)) throw new CliError(`--start: not an ISO-8601 instant: ${values.start}`);
    const minutes = Number(required(values.minutes, 'minutes'));
    if (!Number.isFinite(minutes) || minutes < 0) throw new CliError(`--minutes: expected a number of minutes ≥ 0: ${values.minutes}`);
    return new Date(calendar.addBusinessMinutes(start, minutes)).toISOString();
  }

  if (command === 'check') {
    if (values.policy) return `policy ${values.policy}: ${readValidated(values.policy, SlaPolicySchema, 'policy').rules.length} rules, valid`;
    readValidated(required(values.calendar, 'calendar'), CalendarSpecSchema, 'calendar');
    return `calendar ${values.calendar}: valid`;
  }

  if (command === 'explain') {
    const number = Number(required(values.ticket, 'ticket'));
    const proposed = values.policy ? readValidated(values.policy, SlaPolicySchema, 'policy') : null;
    const config = configFromEnv(process.env);
    const db = openSqliteDatabase(config.dataDir);
    try {
      await migrateToLatest(db);
      const row = await db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirst();
      if (!row) throw new CliError(`no ticket #${number} in ${config.dataDir}`);
      const ticket = ticketFromRow(row);
      const service = new SlaService(db, systemClock);
      const facts = await service.facts(db, ticket);
      const stored = await currentPolicy(db);
      const policy = proposed ?? stored?.policy;
      if (!policy) throw new CliError('no SLA policy stored yet: start the server once');
      const evaluation = evaluateSla(compilePolicy(policy), ticket, facts, systemClock.now());
      if (!evaluation) throw new CliError(`no rule of the policy matches ticket #${number}`);
      const now = { ...ticket, sla: evaluation.snapshot };
      return formatExplanation(now, explainSla(evaluation, facts, evaluation.snapshot.calendarId), proposed ? 0 : (stored?.version ?? 0));
    } finally {
      await db.destroy();
    }
  }
  throw new CliError(usage);
}

try {
  console.log(await run(process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof CliError ? error.message : error);
  process.exit(error instanceof CliError ? 2 : 1);
}
