import { createContext } from '@lit/context';

/**
 * Where `<one-form>` may leave a submission that failed for lack of network, to be sent later by
 * its host (the kiosk provides one: src/kiosk/outbox.ts). The form depends only on this shape.
 * Without a provider the form keeps retrying while the page stays open, as before.
 */
export interface SubmitOutbox {
  /**
   * Keeps the request body under its Idempotency-Key for sending later (the host must send it
   * with that key). Resolves once it is stored for good; rejects when it could not be stored — the
   * form then says so and keeps retrying itself.
   */
  keep(idempotencyKey: string, body: unknown): Promise<void>;
}

export const submitOutboxContext = createContext<SubmitOutbox | undefined>(Symbol('one-submit-outbox'));
