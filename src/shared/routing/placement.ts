import type { AgentStatus } from '../domain/people.js';
import { priorities, type Channel, type Priority, type TicketStatus } from '../domain/ticket.js';
import type { CandidateVerdict, CandidateView, PlacementOutcome, QueueStep } from './decision.js';

/** An agent as routing sees them at one moment. */
export interface RoutingAgent {
  id: string;
  name: string;
  status: AgentStatus;
  onShift: boolean;
  skills: readonly string[];
  capacity: Readonly<Record<Channel, number>>;
  /** Their tickets still to work (see occupiesAgent), by channel. */
  load: Readonly<Partial<Record<Channel, number>>>;
  /** When routing last gave them a ticket, as a desk-wide counter (0: never): whose turn it is among equals. */
  lastRoutedSeq: number;
}

export interface RoutingQueue {
  id: string;
  name: string;
  /** Its calendar has it open now. */
  open: boolean;
  skills: readonly string[];
  overflowQueueId: string | null;
  memberIds: readonly string[];
}

export interface RoutingDesk {
  queues: ReadonlyMap<string, RoutingQueue>;
  agents: ReadonlyMap<string, RoutingAgent>;
}

export interface TicketToPlace {
  queueId: string;
  channel: Channel;
  /** What the ticket's routing rule asked for; it applies only while the ticket is in that rule's queue. */
  ruleSkills: { queueId: string; skills: readonly string[] } | null;
}

export interface Placement {
  outcome: PlacementOutcome;
  /** Where the ticket is now: its own queue, or the overflow queue that took it. */
  queueId: string;
  agentId: string | null;
  steps: QueueStep[];
}

/** New and open tickets need their agent; pending, on hold and solved ones wait on someone else or on nothing. */
export function occupiesAgent(status: TicketStatus): boolean {
  return status === 'new' || status === 'open';
}

function verdictOf(agent: RoutingAgent, missingSkills: readonly string[], load: number, capacity: number): CandidateVerdict {
  if (agent.status === 'offline') return 'offline';
  if (agent.status === 'away') return 'away';
  if (!agent.onShift) return 'off_shift';
  if (missingSkills.length > 0) return 'missing_skills';
  return load >= capacity ? 'full' : 'eligible';
}

/**
 * Least loaded first, as a share of what each takes on the channel (1 of 2 chats is busier than 1 of
 * 3); among equals, whoever routing served longest ago; then by id, so the order is total.
 */
function compareCandidates(a: { view: CandidateView; agent: RoutingAgent }, b: { view: CandidateView; agent: RoutingAgent }): number {
  return a.view.load * b.view.capacity - b.view.load * a.view.capacity || a.agent.lastRoutedSeq - b.agent.lastRoutedSeq || (a.agent.id < b.agent.id ? -1 : 1);
}

/** Judges every member of one queue for the ticket and picks the one who gets it, if anyone can. */
export function tryQueue(desk: RoutingDesk, queue: RoutingQueue, ticket: TicketToPlace): { step: QueueStep; chosen: string | null } {
  const requiredSkills = [...new Set([...queue.skills, ...(ticket.ruleSkills?.queueId === queue.id ? ticket.ruleSkills.skills : [])])];
  const step: QueueStep = { queueId: queue.id, queueName: queue.name, open: queue.open, requiredSkills, candidates: [] };
  if (!queue.open) return { step, chosen: null };
  const judged = queue.memberIds.flatMap((id) => {
    const agent = desk.agents.get(id);
    if (!agent) return [];
    const load = agent.load[ticket.channel] ?? 0;
    const capacity = agent.capacity[ticket.channel];
    const missingSkills = requiredSkills.filter((skill) => !agent.skills.includes(skill));
    const view: CandidateView = { agentId: agent.id, name: agent.name, status: agent.status, onShift: agent.onShift, load, capacity, missingSkills, verdict: verdictOf(agent, missingSkills, load, capacity) };
    return [{ view, agent }];
  });
  const best = judged.filter((c) => c.view.verdict === 'eligible').sort(compareCandidates)[0];
  if (best) best.view.verdict = 'chosen';
  step.candidates = judged.map((c) => c.view);
  return { step, chosen: best?.agent.id ?? null };
}

/**
 * Where a ticket goes inside its queue: to the least-loaded agent who is online, on shift, has the
 * skills and room on the ticket's channel. When nobody there can take it now, the overflow queue is
 * tried (and its own overflow, never a queue twice); when nobody anywhere can, it waits unassigned in
 * its own queue rather than pile onto the busy.
 */
export function placeTicket(desk: RoutingDesk, ticket: TicketToPlace): Placement {
  const steps: QueueStep[] = [];
  const tried = new Set<string>();
  for (let queue = desk.queues.get(ticket.queueId); queue && !tried.has(queue.id); queue = queue.overflowQueueId ? desk.queues.get(queue.overflowQueueId) : undefined) {
    tried.add(queue.id);
    const { step, chosen } = tryQueue(desk, queue, ticket);
    steps.push(step);
    if (chosen) return { outcome: queue.id === ticket.queueId ? 'assigned' : 'overflowed', queueId: queue.id, agentId: chosen, steps };
  }
  return { outcome: 'waiting', queueId: ticket.queueId, agentId: null, steps };
}

/** The desk after an agent took a ticket: one more on that channel, and it was their turn last. */
export function afterAssignment(desk: RoutingDesk, agentId: string, channel: Channel, seq: number): RoutingDesk {
  const agent = desk.agents.get(agentId);
  if (!agent) return desk;
  const agents = new Map(desk.agents);
  agents.set(agentId, { ...agent, load: { ...agent.load, [channel]: (agent.load[channel] ?? 0) + 1 }, lastRoutedSeq: seq });
  return { ...desk, agents };
}

const priorityRank = (priority: Priority) => priorities.indexOf(priority);

/** Waiting tickets are placed most urgent first, then oldest first. */
export function compareWaiting(a: { priority: Priority; createdAt: string; number: number }, b: { priority: Priority; createdAt: string; number: number }): number {
  return priorityRank(a.priority) - priorityRank(b.priority) || a.createdAt.localeCompare(b.createdAt) || a.number - b.number;
}
