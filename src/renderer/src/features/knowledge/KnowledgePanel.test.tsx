import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleHit, ArticleView } from '../../../../shared/desk-api/knowledge-methods.js';
import { DeskError } from '../../../../shared/desk-api/errors.js';
import type { User } from '../../../../shared/domain/people.js';
import { agent, FakeDesk, makeTicket } from '../../testing/fake-desk.js';
import { renderFeature } from '../../testing/render.js';
import { draftKey } from '../ticket/drafts-store.js';
import { knowledgePanel } from './knowledge-panel.js';
import { KnowledgeButton } from './KnowledgeButton.js';
import { KnowledgeInsertButton } from './KnowledgeInsertButton.js';
import { SuggestedArticles } from './SuggestedArticles.js';

const supervisor: User = { ...agent, id: 'user-ewa', name: 'Ewa Wiśniewska', role: 'supervisor' };

const reset: ArticleView = {
  id: 'kb-reset-password-en',
  title: 'Reset your password',
  body: 'Open the sign-in page and choose “Forgot password”.',
  locale: 'en',
  isPublic: true,
  version: 3,
  updatedAt: '2025-03-10T01:00:00.000Z',
  publicUrl: 'https://desk.example.test/portal/kb/kb-reset-password-en',
};
const runbook: ArticleView = { ...reset, id: 'kb-runbook-disk-full-en', title: 'Runbook: disk full on DB nodes', body: 'Page the DBA on call.', isPublic: false, publicUrl: null };
const hit = (article: ArticleView): ArticleHit => ({ id: article.id, title: article.title, locale: article.locale, isPublic: article.isPublic, snippet: article.body.slice(0, 20) });
const ticket = makeTicket({ number: 1042, subject: 'Cannot reset my password' });

function knowledgeDesk(overrides: ConstructorParameters<typeof FakeDesk>[0] = {}) {
  const articles = [reset, runbook];
  return new FakeDesk({
    'kb.search': async ({ query }) => (query.trim() === '' ? [] : articles.filter((a) => `${a.title} ${a.body}`.toLowerCase().includes(query.toLowerCase())).map(hit)),
    'kb.get': async ({ id }) => articles.find((a) => a.id === id) ?? null,
    'kb.suggest': async () => [hit(reset)],
    ...overrides,
  });
}

function openTicket(rendered: ReturnType<typeof renderFeature>) {
  act(() => rendered.services.ticketPane.setState({ status: 'ready', openId: ticket.id, detail: { ticket, messages: [], pendingMessageIds: [] } as never }));
}

afterEach(() => act(() => knowledgePanel.setState({ open: false, view: { kind: 'search' }, query: '' })));

describe('the knowledge base panel', () => {
  it('opens from the top bar, searches the replica and closes on Escape with the focus back on the button', async () => {
    const desk = knowledgeDesk();
    renderFeature(<KnowledgeButton />, desk, { user: agent });
    const button = screen.getByRole('button', { name: 'Knowledge base' });
    fireEvent.click(button);
    const panel = screen.getByTestId('knowledge-panel');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const box = within(panel).getByRole('searchbox', { name: 'Search the knowledge base' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.change(box, { target: { value: 'password' } });
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('1 article found'));
    expect(within(panel).getByRole('button', { name: /Reset your password/ })).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box).toHaveProperty('value', '');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByTestId('knowledge-panel')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('opens from the composer’s Insert article button, on the search', async () => {
    renderFeature(
      <>
        <KnowledgeButton />
        <KnowledgeInsertButton />
      </>,
      knowledgeDesk(),
      { user: agent },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Insert article' }));
    const box = within(screen.getByTestId('knowledge-panel')).getByRole('searchbox', { name: 'Search the knowledge base' });
    await waitFor(() => expect(document.activeElement).toBe(box));
  });

  it('opens and closes with Ctrl+Shift+K from anywhere', async () => {
    renderFeature(<KnowledgeButton />, knowledgeDesk(), { user: agent });
    fireEvent.keyDown(window, { key: 'K', ctrlKey: true, shiftKey: true });
    expect(screen.getByTestId('knowledge-panel')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'K', ctrlKey: true, shiftKey: true });
    expect(screen.queryByTestId('knowledge-panel')).toBeNull();
  });

  it('inserts a public article’s link and its text into the open ticket’s reply', async () => {
    const rendered = renderFeature(<KnowledgeButton />, knowledgeDesk(), { user: agent });
    openTicket(rendered);
    act(() => knowledgePanel.getState().openPanel({ kind: 'article', id: reset.id }));
    const panel = await screen.findByTestId('knowledge-panel');
    await within(panel).findByRole('heading', { name: 'Reset your password' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Insert link' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Insert text' }));
    const draft = rendered.services.drafts.getState().drafts.get(draftKey(agent.id, ticket.id));
    expect(draft).toMatchObject({ kind: 'reply', body: `Reset your password: ${reset.publicUrl}\n\n${reset.body}` });
    expect(within(panel).getByText(/Inserted into the reply of #1042\./).textContent).toBe('✓ Inserted into the reply of #1042.');
    // Agents read articles; only supervisors and admins edit them.
    expect(within(panel).queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('offers no link for an internal article and says why', async () => {
    const rendered = renderFeature(<KnowledgeButton />, knowledgeDesk(), { user: agent });
    openTicket(rendered);
    act(() => knowledgePanel.getState().openPanel({ kind: 'article', id: runbook.id }));
    const panel = await screen.findByTestId('knowledge-panel');
    await within(panel).findByRole('heading', { name: runbook.title });
    expect(within(panel).getByRole('button', { name: 'Insert link' })).toHaveProperty('disabled', true);
    expect(within(panel).getByText(/customers cannot open it, so there is no link to insert/)).toBeTruthy();
    expect(within(panel).getByText('Internal')).toBeTruthy();
  });

  it('keeps the editor’s text when someone saved a newer version, naming who and which', async () => {
    const desk = knowledgeDesk({
      'kb.save': async () => ({ status: 'conflict', message: 'x', current: { articleId: reset.id, version: 4, title: reset.title, locale: 'en', isPublic: true, authorId: 'u-admin', authorName: 'Alex Morgan', note: '', createdAt: '2025-03-10T02:00:00.000Z' } }),
    });
    renderFeature(<KnowledgeButton />, desk, { user: supervisor });
    act(() => knowledgePanel.getState().openPanel({ kind: 'edit', id: reset.id }));
    const panel = await screen.findByTestId('knowledge-panel');
    const body = await within(panel).findByRole('textbox', { name: 'Text' });
    fireEvent.change(body, { target: { value: 'My careful rewrite.' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Save as new version' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toMatch(/Alex Morgan saved version 4 .* while you were editing version 3\. Your text is still here/);
    expect(within(panel).getByRole('textbox', { name: 'Text' })).toHaveProperty('value', 'My careful rewrite.');
    expect(desk.callsOf('kb.save')).toEqual([{ id: reset.id, baseVersion: 3, content: expect.objectContaining({ body: 'My careful rewrite.' }) }]);
  });

  it('says editing needs the server when it cannot be reached, and loses nothing', async () => {
    const desk = knowledgeDesk({ 'kb.save': async () => Promise.reject(new DeskError('unavailable', 'The server cannot be reached')) });
    renderFeature(<KnowledgeButton />, desk, { user: supervisor });
    act(() => knowledgePanel.getState().openPanel({ kind: 'edit', id: null }));
    const panel = await screen.findByTestId('knowledge-panel');
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Title' }), { target: { value: 'Printer on fire' } });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Text' }), { target: { value: 'Step away.' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Create article' }));
    expect((await within(panel).findByRole('alert')).textContent).toMatch(/needs the server/);
    expect(within(panel).getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Printer on fire');
  });

  it.each([
    ['pl', 2, 'Znaleziono 2 artykuły'],
    ['pl', 5, 'Znaleziono 5 artykułów'],
    ['ru', 5, 'Найдено 5 статей'],
    ['lv', 10, 'Atrasti 10 raksti'],
  ] as const)('counts results with the right plural in %s (%i)', async (language, count, text) => {
    const hits = Array.from({ length: count }, (_, index) => ({ ...hit(reset), id: `kb-${index}` }));
    renderFeature(<KnowledgeButton />, knowledgeDesk({ 'kb.search': async () => hits }), { user: agent, language });
    act(() => knowledgePanel.getState().openPanel({ kind: 'search' }));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'x' } });
    await waitFor(() => expect(within(screen.getByTestId('knowledge-panel')).getByRole('status').textContent).toBe(text));
  });
});

describe('suggested articles', () => {
  it('lists articles for the ticket and opens one in the panel', async () => {
    const desk = knowledgeDesk();
    renderFeature(
      <>
        <KnowledgeButton />
        <SuggestedArticles ticket={ticket} />
      </>,
      desk,
      { user: agent },
    );
    const link = await screen.findByRole('button', { name: 'Open “Reset your password” in the knowledge base' });
    expect(desk.callsOf('kb.suggest')).toEqual([{ ticketId: ticket.id }]);
    fireEvent.click(link);
    expect(await within(screen.getByTestId('knowledge-panel')).findByRole('heading', { name: 'Reset your password' })).toBeTruthy();
  });
});
