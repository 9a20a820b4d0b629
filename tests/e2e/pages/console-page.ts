import { expect, type Locator, type Page } from '@playwright/test';

/** What an agent does with the console, in their words; specs read as the behaviour they pin down. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async signIn(email: string, password = 'shiftdesk'): Promise<void> {
    await this.page.getByLabel(/email/i).fill(email);
    await this.page.getByLabel(/password/i).fill(password);
    await this.page.getByRole('button', { name: /sign in/i }).click();
  }

  rows(): Locator {
    return this.page.getByTestId('queue-row');
  }

  row(ticketNumber: number): Locator {
    return this.page.locator(`[data-testid="queue-row"][data-ticket-number="${ticketNumber}"]`);
  }

  async expectQueueLoaded(minimumRows: number): Promise<void> {
    await expect.poll(() => this.rows().count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(minimumRows);
  }
}
