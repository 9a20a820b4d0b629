import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { callApi, loginAs } from '../../src/server/testing/test-server.js';
import { expect, test } from './support/stack-fixture.js';

/** Serious and critical WCAG 2 A/AA violations inside the widget (the demo page around it is not ours). */
async function widgetViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('#shiftdesk-chat').withTags(['wcag2a', 'wcag2aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a visitor chats with the assistant on a web page, asks for a person, sees the agent’s reply arrive live, and rates the help once it is solved', async ({ page, stack }) => {
  await page.goto(`${stack.serverUrl}/chat/demo`);
  const launcher = page.getByRole('button', { name: 'Chat with us' });
  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('dialog', { name: 'Help chat' });
  await expect(panel.getByLabel('Your name')).toBeFocused();
  expect(await widgetViolations(page)).toEqual([]);

  // The form from the keyboard: name, email, Enter.
  await page.keyboard.type('Anna Kowalska');
  await page.keyboard.press('Tab');
  await page.keyboard.type('anna@example.com');
  await page.keyboard.press('Enter');
  const log = panel.getByRole('log');
  await expect(log).toContainText('Hello Anna Kowalska');
  const message = panel.getByLabel('Your message');
  await expect(message).toBeFocused();

  // A question: the assistant offers help-centre articles as links, and asks whether they solved it.
  await message.fill('I forgot my password');
  await message.press('Enter');
  const article = log.getByRole('link', { name: /password/i }).first();
  await expect(article).toBeVisible();
  expect(await article.getAttribute('href')).toMatch(new RegExp(`^${stack.serverUrl}/portal/kb/`));
  await expect(log).toContainText('Did this solve your problem?');
  await expect(panel.getByRole('button', { name: 'Yes, solved' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'No', exact: true })).toBeVisible();
  expect(await widgetViolations(page)).toEqual([]);

  // A person, please: the chat becomes a ticket, and its number and expected answer time appear.
  await panel.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(log).toContainText('passing you to a person');
  const ticketLabel = panel.getByText(/^Request \d+$/);
  await expect(ticketLabel).toBeVisible();
  const number = (await ticketLabel.textContent())!.replace(/\D/g, '');
  await expect(log).toContainText(`Your request has the number ${number}`);
  await expect(panel.getByRole('button', { name: 'Talk to a person' })).toBeHidden();

  // An agent answers from the desk; the answer appears in the open widget without a reload.
  const token = await loginAs(stack.serverUrl, 'agent@demo');
  const reply = await callApi(stack.serverUrl, `/api/v1/tickets/${number}/messages`, { method: 'POST', token, body: { body: 'Hello Anna, I have sent you a reset link.' } });
  expect(reply.status).toBe(201);
  const agentLine = log.locator('[data-author="agent"]');
  await expect(agentLine).toContainText('Hello Anna, I have sent you a reset link.');
  await expect(agentLine).toContainText('Marta Nowak');
  expect(await widgetViolations(page)).toEqual([]);

  // Escape closes the panel and gives focus back to the button; a reload resumes the same chat.
  await message.focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(launcher).toBeFocused();
  await page.reload();
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const resumed = page.getByRole('dialog', { name: 'Help chat' });
  await expect(resumed.locator('[data-author="agent"]')).toContainText('I have sent you a reset link.');

  // Solved at the desk: the open conversation offers the satisfaction survey, which takes one answer.
  expect((await callApi(stack.serverUrl, `/api/v1/tickets/${number}`, { method: 'PATCH', token, body: { status: 'solved' } })).status).toBe(200);
  const rate = resumed.getByRole('link', { name: 'Rate our help' });
  await expect(rate).toBeVisible();
  expect(await widgetViolations(page)).toEqual([]);
  // The link names the desk's public address; the customer follows it here on the test server's.
  const link = new URL((await rate.getAttribute('href'))!);
  expect(link.pathname).toMatch(/^\/portal\/survey\/[\w-]+$/);
  const survey = await page.context().newPage();
  await survey.goto(`${stack.serverUrl}${link.pathname}${link.search}`);
  await expect(survey.getByRole('heading', { name: 'How did we do?' })).toBeVisible();
  await survey.getByLabel(/Very satisfied/).check();
  await survey.getByLabel('Anything you would like to tell us? (optional)').fill('Quick and kind, thanks.');
  await survey.getByRole('button', { name: 'Send my answer' }).click();
  await expect(survey.getByRole('heading', { name: 'Thank you for your answer' })).toBeVisible();
  const after = await callApi<{ messages: { body: string; authorKind: string }[] }>(stack.serverUrl, `/api/v1/tickets/${number}`, { token });
  expect(after.body.messages.at(-1)).toMatchObject({ body: 'Satisfaction: 5/5 — "Quick and kind, thanks."', authorKind: 'system' });
});
