/**
 * Simplified → Traditional Chinese (Taiwan standard) at build time, with opencc-js.
 * Data (official names of permits, laws, GB/T classes) converts characters only ('tw'), so
 * an official title is never reworded; UI strings also convert Taiwan phrasing ('twp').
 */
import * as OpenCC from 'opencc-js';

export const toTraditionalData: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 'tw' });
export const toTraditionalUi: (text: string) => string = OpenCC.Converter({ from: 'cn', to: 'twp' });
