import type { Timers } from '../alerts/alerter.js';

const HOUR_MS = 3_600_000;

export interface UpdateCheckOptions {
  /** After start, once the app has settled (the first sync matters more than an update). */
  firstCheckMs: number;
  /** Between successful checks. */
  everyMs: number;
  /** After a failed check, doubling on each failure up to `everyMs`. */
  retryFirstMs: number;
}

export const defaultUpdateChecks: UpdateCheckOptions = { firstCheckMs: 30_000, everyMs: 6 * HOUR_MS, retryFirstMs: 5 * 60_000 };

export interface UpdateSource {
  /** Where the update feed is now; a change is applied before the next check. */
  setFeed(url: string): void;
  /** Asks the feed; a newer version then downloads in the background. Rejects when the check fails. */
  check(): Promise<void>;
}

export interface UpdateCheckDeps {
  source: UpdateSource;
  timers: Timers;
  /** The agent's server, whose `/updates/` serves the feed. */
  serverUrl(): string;
  /** False while the console cannot reach its server: checking then would only fail. */
  online(): boolean;
  /** A new version is downloaded: it installs when the app quits, never sooner. */
  ready(version: string): void;
}

/** The feed of a server: `/updates/` under its address (a server behind a path prefix keeps the prefix). */
export function updateFeedUrl(serverUrl: string): string {
  const base = new URL(serverUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return new URL('updates/', base).toString();
}

/**
 * When the console looks for a new version: shortly after start, then every few hours; never while
 * offline (it looks as soon as it is back instead); after a failure again later and later. Once an
 * update is downloaded it stops looking: the download installs when the agent quits, so nothing
 * ever restarts the console in the middle of a shift.
 */
export class UpdateCheck {
  private timer: unknown = null;
  private failures = 0;
  private checking = false;
  /** A retry after a failure is set: electron-updater reports one failure both as a rejection and an `error` event. */
  private retrying = false;
  /** A check fell due while offline: it runs when the console is back online. */
  private owed = false;
  private downloaded: string | null = null;
  private stopped = false;

  constructor(
    private readonly deps: UpdateCheckDeps,
    private readonly options: UpdateCheckOptions = defaultUpdateChecks,
  ) {}

  start(): void {
    this.schedule(this.options.firstCheckMs);
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  /** The connection came back: a check that fell due meanwhile runs now. */
  onlineAgain(): void {
    if (!this.owed || this.stopped || this.downloaded !== null) return;
    this.owed = false;
    this.clear();
    void this.run();
  }

  /** The updater finished downloading a version; said once per version. */
  updateDownloaded(version: string): void {
    if (this.downloaded === version) return;
    this.downloaded = version;
    this.clear();
    this.deps.ready(version);
  }

  /** The updater reported an error: a download that failed after a successful check is retried like a check. */
  updateFailed(): void {
    if (this.downloaded !== null || this.stopped || this.checking || this.retrying) return;
    this.failed();
  }

  private async run(): Promise<void> {
    if (this.checking || this.stopped || this.downloaded !== null) return;
    if (!this.deps.online()) {
      this.owed = true;
      return;
    }
    this.checking = true;
    try {
      this.deps.source.setFeed(updateFeedUrl(this.deps.serverUrl()));
      await this.deps.source.check();
      this.failures = 0;
      this.retrying = false;
      if (this.downloaded === null) this.schedule(this.options.everyMs);
    } catch {
      this.failed();
    } finally {
      this.checking = false;
    }
  }

  private failed(): void {
    this.retrying = true;
    const delay = Math.min(this.options.everyMs, this.options.retryFirstMs * 2 ** this.failures++);
    this.schedule(delay);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.clear();
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clear(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
