import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI document is generated from the same zod schemas that validate the requests. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Shiftdesk API', version, description: 'Everything the Shiftdesk console can do, for integrations.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      tags: [
        { name: 'auth', description: 'Signing in for a bearer token.' },
        { name: 'tickets', description: 'Tickets and their threads, as far as the caller’s queues reach.' },
        { name: 'sla', description: 'The SLA policy and why a ticket’s clocks say what they say.' },
        {
          name: 'shifts',
          description:
            'The rota: shift rotations (working hours of a tier, shifts in their own time zones, following the sun), on-call rotations, ' +
            'overrides and swaps, and who is on shift and on call now. Everyone signed in reads it; admins change it. See docs/shifts.md.',
        },
        {
          name: 'routing',
          description:
            'Which queue and agent a ticket goes to: the routing rules, queues’ skills, calendars and overflow, agents’ skills and capacity per channel (admins), ' +
            'agents’ presence, and why a ticket went where it went.',
        },
        {
          name: 'escalations',
          description:
            'Escalations to a higher tier or another queue, with a mandatory reason; the target queue’s policy pages people level by level until someone acknowledges. ' +
            'Admins keep the automatic triggers and the policies. See docs/escalation.md.',
        },
        {
          name: 'handoffs',
          description:
            'Shift handoff notes: what one shift leaves the next, for one queue or the whole desk (queueId null). ' +
            'Consoles replicate them and write them offline; acknowledging a note twice changes nothing.',
        },
        {
          name: 'macros',
          description:
            'Canned replies with actions (status, priority, assignee, tags). Shared macros are the desk’s (supervisors and admins change them); ' +
            'personal ones belong to their author alone. Consoles replicate both and edit them offline. See docs/knowledge.md.',
        },
        {
          name: 'knowledge',
          description:
            'Writing the knowledge base (supervisors and admins): every save is a new version with its author and note; an edit names its `baseVersion` ' +
            'and a newer one answers 409 without changing anything. Public articles are read at /portal/kb/{id}.',
        },
        {
          name: 'remote',
          description:
            'Remote assistance (admins, or an integration such as a CMDB with an admin’s token): requesters’ and organisations’ assets with their ways in, ' +
            'and the remote tools (URL patterns) and allowlist of schemes and hosts that every console checks a link against. Consoles get both by sync.',
        },
        {
          name: 'intake',
          description: 'Where monitoring and other systems post what becomes tickets, each with the bearer token of an integration (demo desk: demo-intake-token).',
        },
        {
          name: 'calls',
          description:
            'Inbound phone calls, logged with the token of the agent who took them (telephony and CRM integrations): ' +
            'a new phone ticket, or a message on the ticket the call was about. The outcome sets the status; an answered call is the first response.',
        },
        { name: 'portal', description: 'What the customer portal’s pages call (article suggestions, form-visit events), and the deflection report for supervisors and admins.' },
        {
          name: 'analytics',
          description:
            'Supervisors’ and admins’ metrics over a range of local days, by day or week, split by queue, channel, customer tier, priority or agent: ' +
            'response and resolution times in business and calendar time, SLA compliance, backlog, reopens, escalations and CSAT. Every metric is defined in docs/metrics.md.',
        },
        { name: 'operations', description: 'Health checks.' },
        { name: 'updates', description: 'The console update feed.' },
      ],
    },
    transform: jsonSchemaTransform,
  });
}

export function openApiRoute(app: FastifyInstance): void {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
