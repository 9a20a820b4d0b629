import { describe, expect, it } from 'vitest';
import { defaultAlertSettings, type AlertKind, type AlertSettings, type Duty } from './alert.js';
import { CRITICAL_PAGE_REPEAT_MS, deliveryOf, PAGE_REPEAT_MS, quietReasonsFor } from './policy.js';

const onShift: Duty = { onShift: true, onCall: false, away: false, inQuietWindow: false };
const offShift: Duty = { onShift: false, onCall: false, away: false, inQuietWindow: false };
const onCallOffShift: Duty = { onShift: false, onCall: true, away: false, inQuietWindow: false };
const awayOnShift: Duty = { ...onShift, away: true };
const inWindow: Duty = { ...onShift, inQuietWindow: true };

const settings = (change: Partial<AlertSettings> = {}): AlertSettings => ({ ...defaultAlertSettings, ...change });
const window = { quietWindow: { from: '22:00', to: '07:00' } };

describe('quiet hours follow the rota, widened only by the agent', () => {
  it.each([
    ['on shift', onShift, settings(), []],
    ['off shift and not on call', offShift, settings(), ['offShift']],
    ['on call off shift', onCallOffShift, settings(), []],
    ['on call off shift, asked for quiet then', onCallOffShift, settings({ quietOnCallOffShift: true }), ['onCallOffShift']],
    ['on call and on shift, asked for quiet on call off shift', { ...onCallOffShift, onShift: true }, settings({ quietOnCallOffShift: true }), []],
    ['away on shift', awayOnShift, settings(), ['away']],
    ['away on shift, wanting to hear everything', awayOnShift, settings({ quietWhileAway: false }), []],
    ['inside their quiet window on shift', inWindow, settings(window), ['window']],
    ['the window flag without a window set', inWindow, settings(), []],
    ['off shift, away and in the window', { ...offShift, away: true, inQuietWindow: true }, settings(window), ['offShift', 'away', 'window']],
  ] as const)('%s', (_, duty, agentSettings, reasons) => {
    expect(quietReasonsFor(duty, agentSettings)).toEqual(reasons);
  });
});

describe('what an alert does', () => {
  const hold = { mode: 'hold' };
  const ring = (family: 'escalation' | 'notice' | null, repeatMs: number | null, priority = 'high', channel = 'email') => ({
    mode: 'ring',
    sound: family === null ? null : { family, priority, channel },
    repeatMs,
  });

  it.each([
    // kind, priority, duty, settings, delivery
    ['a page on shift rings and repeats', 'page', 'high', onShift, settings(), ring('escalation', PAGE_REPEAT_MS)],
    ['a critical page repeats twice as often', 'page', 'critical', onShift, settings(), ring('escalation', CRITICAL_PAGE_REPEAT_MS, 'critical')],
    ['a page off shift and not on call is held', 'page', 'high', offShift, settings(), hold],
    ['a critical page off shift still rings', 'page', 'critical', offShift, settings(), ring('escalation', CRITICAL_PAGE_REPEAT_MS, 'critical')],
    ['an on-call page off shift rings', 'page', 'low', onCallOffShift, settings(), ring('escalation', PAGE_REPEAT_MS, 'low')],
    ['an on-call page rings even when the agent widened quiet hours', 'page', 'medium', onCallOffShift, settings({ quietOnCallOffShift: true }), ring('escalation', PAGE_REPEAT_MS, 'medium')],
    ['an on-call page rings while away', 'page', 'medium', { ...onCallOffShift, away: true }, settings(), ring('escalation', PAGE_REPEAT_MS, 'medium')],
    ['a page while away on shift (not on call) is held', 'page', 'high', awayOnShift, settings(), hold],
    ['a critical page inside the quiet window rings', 'page', 'critical', inWindow, settings(window), ring('escalation', CRITICAL_PAGE_REPEAT_MS, 'critical')],
    ['a page inside the quiet window is held', 'page', 'high', inWindow, settings(window), hold],
    ['news of an acknowledgement rings once with the escalation family', 'acknowledged', 'high', onShift, settings(), ring('escalation', null)],
    ['escalation news keeps its sound when ticket sounds are off', 'declined', 'high', onShift, settings({ nonEscalationSounds: false }), ring('escalation', null)],
    ['an exhausted ladder rings once', 'exhausted', 'high', onShift, settings(), ring('escalation', null)],
    ['escalation news off shift is held', 'acknowledged', 'critical', offShift, settings(), hold],
    ['a new ticket on shift is shown silently by default', 'newTicket', 'high', onShift, settings(), ring(null, null)],
    ['a new ticket on shift chimes once when ticket sounds are on', 'newTicket', 'high', onShift, settings({ nonEscalationSounds: true }), ring('notice', null)],
    ['a new ticket with ticket sounds off is shown silently', 'newTicket', 'high', onShift, settings({ nonEscalationSounds: false }), ring(null, null)],
    ['a critical new ticket off shift is held (its escalation pages)', 'newTicket', 'critical', offShift, settings(), hold],
    ['a customer reply while on call off shift chimes', 'customerReply', 'high', onCallOffShift, settings({ nonEscalationSounds: true }), ring('notice', null)],
    ['a customer reply on call off shift, asked for quiet then, is held', 'customerReply', 'high', onCallOffShift, settings({ quietOnCallOffShift: true }), hold],
    ['a customer reply while away is held', 'customerReply', 'high', awayOnShift, settings(), hold],
  ] as const)('%s', (_, kind, priority, duty, agentSettings, delivery) => {
    expect(deliveryOf({ kind: kind as AlertKind, priority, channel: 'email' }, duty, agentSettings)).toEqual(delivery);
  });

  it('sounds carry the ticket’s channel, so chat and email are told apart', () => {
    expect(deliveryOf({ kind: 'page', priority: 'high', channel: 'chat' }, onShift, settings())).toMatchObject({ sound: { family: 'escalation', priority: 'high', channel: 'chat' } });
  });
});
