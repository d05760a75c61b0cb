/**
 * The kiosk's service worker, from the page's side (workbox-window, loaded on demand after the
 * first screen so it costs the first screen nothing): registers `/sw.js` (scope `/`) under the
 * page's Trusted Types policy `one-kiosk`, and holds back updates.
 *
 * A new worker installs and waits (the worker never skips waiting on its own). The kiosk only
 * notes that an update is ready; when the shell reaches its untouched start (attract) screen it
 * calls {@link KioskUpdates.applyIfReady}, which asks the waiting worker to take over and
 * reloads the page once it controls it. So an update never lands in the middle of someone's session.
 */
import type { Workbox } from 'workbox-window';

export const KIOSK_SW_URL = '/sw.js';
export const KIOSK_SW_SCOPE = '/';
/** The Trusted Types policy that vouches for the one script URL the kiosk registers. */
export const KIOSK_TRUSTED_TYPES_POLICY = 'one-kiosk';

type ScriptUrlPolicy = { createScriptURL(url: string): string };
type TrustedTypesFactory = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };

let policy: ScriptUrlPolicy | undefined;
/** The worker's URL as a TrustedScriptURL where the page enforces Trusted Types (only that URL passes). */
export function kioskWorkerUrl(): string {
  const tt = (window as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!tt) return KIOSK_SW_URL;
  policy ??= tt.createPolicy(KIOSK_TRUSTED_TYPES_POLICY, {
    createScriptURL: (url) => {
      if (url !== KIOSK_SW_URL) throw new TypeError(`${KIOSK_TRUSTED_TYPES_POLICY}: only ${KIOSK_SW_URL} may be loaded`);
      return url;
    },
  });
  return policy.createScriptURL(KIOSK_SW_URL);
}

export class KioskUpdates {
  private wb?: Workbox;
  private ready = false;
  private applying = false;
  /** The shell is at its attract screen now (asked again whenever an update turns up). */
  private atAttract: () => boolean = () => false;

  constructor(private readonly reload: () => void = () => location.reload()) {}

  /** Whether a new worker is installed and waiting for the attract screen. */
  get updateReady(): boolean {
    return this.ready;
  }

  /**
   * Registers the worker (built pages in a secure context only; the kiosk works without it,
   * only not offline). `atAttract` tells whether the shell is at its untouched start screen.
   */
  async register(atAttract: () => boolean): Promise<void> {
    this.atAttract = atAttract;
    if (!import.meta.env.PROD || !window.isSecureContext || !('serviceWorker' in navigator) || this.wb) return;
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox(kioskWorkerUrl(), { scope: KIOSK_SW_SCOPE, type: 'classic' });
    this.wb = wb;
    wb.addEventListener('waiting', () => {
      this.ready = true;
      this.applyIfReady();
    });
    // The new worker controls the page: reload into the new version (only after we asked).
    wb.addEventListener('controlling', (e) => {
      if (this.applying && e.isUpdate) this.reload();
    });
    try {
      await wb.register();
    } catch (e) {
      console.warn('[kiosk] service worker not registered:', e);
    }
  }

  /** At the attract screen: if an update waits, let it take over and reload. Elsewhere: nothing. */
  applyIfReady(): boolean {
    if (!this.ready || this.applying || !this.wb || !this.atAttract()) return false;
    this.applying = true;
    this.wb.messageSkipWaiting();
    return true;
  }
}

/** The kiosk's one instance. */
export const kioskUpdates = new KioskUpdates();
