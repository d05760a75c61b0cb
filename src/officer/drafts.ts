/**
 * Unsent text of the officer console, kept in sessionStorage so nothing typed is lost on an
 * error or a reload (the tab's own storage: it goes when the tab is closed). Keys are scoped by
 * department and record; a storage failure (full, disabled) only loses the backup, never the
 * form on screen.
 */
const PREFIX = 'onelicence.officer.';

export function loadDraft<T extends object>(key: string): Partial<T> | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, value: object): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the form on screen still holds the text
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}

/** The department chosen at the demo login, kept for the tab. */
export const DEPARTMENT_KEY = 'department';
export const loadDepartment = (): string | undefined => loadDraft<{ id: string }>(DEPARTMENT_KEY)?.id;
export const saveDepartment = (id: string | undefined): void => (id ? saveDraft(DEPARTMENT_KEY, { id }) : clearDraft(DEPARTMENT_KEY));
