/** Web storage helpers that never throw (storage may be disabled or full). */

/** Removes every key of `storage` that starts with `prefix`. */
export function removeKeysWithPrefix(storage: Storage | undefined, prefix: string): void {
  try {
    if (!storage) return;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}
