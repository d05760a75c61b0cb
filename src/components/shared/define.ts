/**
 * The guarded `define()` every component's `<name>.ts` entry uses.
 *
 * The verification widget may be embedded twice on one page (two script tags, two bundles,
 * or a host that already loaded the kiosk's components), so defining a tag that already
 * exists must never throw: it warns and keeps the first definition.
 *
 * @returns true when this call defined the element, false when the tag already existed.
 */
export function define(tag: string, ctor: CustomElementConstructor): boolean {
  if (typeof customElements === 'undefined') return false;
  if (customElements.get(tag)) {
    console.warn(`[onelicence] <${tag}> is already defined; keeping the first definition (is the component loaded twice?).`);
    return false;
  }
  try {
    customElements.define(tag, ctor);
  } catch (error) {
    // Another copy of the same constructor registered under a different tag, or an invalid
    // name: still never break the host page.
    console.warn(`[onelicence] <${tag}> could not be defined:`, error);
    return false;
  }
  return true;
}
