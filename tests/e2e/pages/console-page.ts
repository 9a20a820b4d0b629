import { expect, type Locator, type Page } from '@playwright/test';

/** What an agent does with the console, in their words; specs read as the behaviour they pin down. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /**
   * Signs in and, as an agent coming on shift would, first deals with the handovers to their shift:
   * the demo desk hands the tier-1 queues over around the clock, so whether the start-of-shift dialog
   * opens depends on the hour. Specs about something else put it away ("Later"); handoff specs read it.
   */
  async signIn(email: string, password = 'shiftdesk', { handovers = 'later' }: { handovers?: 'later' | 'keep' } = {}): Promise<void> {
    await this.page.getByLabel(/email/i).fill(email);
    await this.page.getByLabel(/password/i).fill(password);
    await this.page.getByRole('button', { name: /sign in/i }).click();
    if (handovers === 'later') await this.putAwayHandovers();
  }

  /**
   * For a spec about something else, once signed in: the start-of-shift dialog opens when the handovers
   * reach the replica, which can be well after sign-in (the first sync). Whenever it stands in front of
   * what the spec does next, it is put away as Escape ("Later") does.
   */
  async putAwayHandovers(): Promise<void> {
    const incoming = this.page.getByTestId('incoming-handoffs');
    await this.page.removeLocatorHandler(incoming);
    await this.page.addLocatorHandler(incoming, (dialog) => dialog.press('Escape'));
    await expect(this.page.getByTestId('handoff-button')).toHaveAttribute('data-shift-read', 'true', { timeout: 15_000 });
    if (await incoming.isVisible()) await incoming.press('Escape');
  }

  /** The top bar's "More": the rota and the admins' settings are under it. */
  async openMoreTools(): Promise<void> {
    const more = this.page.getByRole('button', { name: 'More' });
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
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
