/**
 * The kiosk's connection and its outbox, from the shell's side (issue 8, "Offline"):
 * - provides `<one-form>` with a {@link SubmitOutbox} (`submitOutboxContext`): a submission that
 *   failed for lack of network goes into the IndexedDB outbox (./outbox.ts, downloaded when first
 *   needed) and is sent in the background — on the `online` event, on a retry timer (5 s doubling
 *   to 60 s) and at start-up after a reload — whoever is at the screen;
 * - keeps an honest view of the connection for the banner: `navigator.onLine`, corrected by real
 *   failures (a send that got no answer means offline whatever the browser says), and confirmed by
 *   `GET /api/v1/health` when in doubt (the browser says it is back);
 * - renders the banner near the top (role=status): offline now and what still works, back online
 *   (for a few seconds), and how many submissions wait — a count only, never their content.
 *
 * The idle wipe does not touch the outbox: what waits there is sent whoever is at the screen, and
 * nothing of it is ever shown.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import { getHealth, type ApiClient } from '../api/client.js';
import { submitOutboxContext, type SubmitOutbox } from '../components/form/outbox-context.js';
import type { Outbox } from './outbox.js';

const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;
/** How long "back online" stays up. */
const BACK_MS = 8_000;

type Host = ReactiveControllerHost & HTMLElement;

export class KioskOffline implements ReactiveController {
  /** Offline as far as the kiosk can tell. */
  offline = !navigator.onLine;
  /** Just came back (the banner says so for a moment). */
  back = false;
  /** Submissions waiting in the outbox. */
  waiting = 0;
  private outbox?: Promise<Outbox>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private backTimer?: ReturnType<typeof setTimeout>;
  private retryDelay = RETRY_FIRST_MS;

  constructor(
    private readonly host: Host,
    private readonly api: ApiClient,
  ) {
    host.addController(this);
    const keep: SubmitOutbox['keep'] = async (key, body) => {
      await (await this.load()).enqueue(key, body);
      // The form only leaves a submission here when it got no answer: the kiosk is offline.
      this.setOffline(true);
      this.schedule();
    };
    new ContextProvider(host, { context: submitOutboxContext, initialValue: { keep } });
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearTimeout(this.retryTimer);
    clearTimeout(this.backTimer);
  }

  /** After the first screen: anything left in the outbox (a reload, a crash) is sent. */
  start(): void {
    void this.flush();
  }

  private load(): Promise<Outbox> {
    this.outbox ??= import('./outbox.js')
      .then(({ Outbox, apiSender }) => new Outbox({ send: apiSender(this.api), onCount: (n) => this.setWaiting(n) }))
      .catch((e: unknown) => {
        this.outbox = undefined;
        throw e;
      });
    return this.outbox;
  }

  private async flush(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    let result;
    try {
      result = await (await this.load()).flush();
    } catch {
      return; // no storage on this device: nothing can wait in it
    }
    if (result.offline) this.setOffline(true);
    else if (result.sent || result.failed) this.setOffline(false);
    if (result.waiting) this.schedule();
    else this.retryDelay = RETRY_FIRST_MS;
  }

  private schedule(): void {
    if (this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
  }

  private readonly onOnline = () => {
    this.retryDelay = RETRY_FIRST_MS;
    // The browser says it is back: believe the back end's answer, not the flag.
    void getHealth(this.api).then(
      () => {
        this.setOffline(false);
        void this.flush();
      },
      () => this.schedule(),
    );
  };

  private readonly onOffline = () => this.setOffline(true);

  private setOffline(offline: boolean): void {
    if (offline === this.offline) return;
    this.offline = offline;
    this.back = !offline;
    clearTimeout(this.backTimer);
    if (this.back) {
      this.backTimer = setTimeout(() => {
        this.back = false;
        this.host.requestUpdate();
      }, BACK_MS);
    }
    this.host.requestUpdate();
  }

  private setWaiting(n: number): void {
    if (n === this.waiting) return;
    this.waiting = n;
    this.host.requestUpdate();
  }

  /** The banner: always in the page (a live region must exist before it speaks), empty and flat when all is well. */
  render(k: (key: string, o?: Record<string, unknown>) => string) {
    const lines = [this.offline ? k('offline.now') : this.back ? k('offline.back') : '', this.waiting ? k('offline.waiting', { count: this.waiting }) : ''].filter(Boolean);
    const kind = this.offline ? 'on is-offline' : lines.length ? 'on' : '';
    return html`<div class="offline-banner ${kind}" role="status">${lines.length ? lines.map((line) => html`<p>${line}</p>`) : nothing}</div>`;
  }
}
