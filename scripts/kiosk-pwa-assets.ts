/**
 * The kiosk's web app manifest (`/manifest.webmanifest`) and its icons (PNG, 192 and 512 px),
 * made at build time: the names from the kiosk's zh-CN strings (namespace `kiosk`, keys
 * `pwa.name`, `pwa.shortName`), the icons drawn here (a licence card on the kiosk's blue).
 */
import { encode } from 'fast-png';
import zhCN from '../src/kiosk/locales/zh-CN.json' with { type: 'json' };

export const THEME_COLOUR = '#002f6c';
export const BACKGROUND_COLOUR = '#ffffff';
export const ICON_SIZES = [192, 512] as const;
export const iconPath = (size: number) => `/icons/kiosk-${size}.png`;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** A square icon: the blue ground (safe for maskable crops), a white card, two blue lines and a seal. */
export function drawIcon(size: number): Uint8Array {
  const data = new Uint8Array(size * size * 4);
  const blue = rgb(THEME_COLOUR);
  const white: [number, number, number] = [255, 255, 255];
  const red: [number, number, number] = [200, 16, 46];
  const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 * size && x < x1 * size && y >= y0 * size && y < y1 * size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let c = blue;
      if (inRect(x, y, 0.22, 0.28, 0.78, 0.72)) {
        c = white;
        if (inRect(x, y, 0.3, 0.38, 0.6, 0.44) || inRect(x, y, 0.3, 0.5, 0.52, 0.56)) c = blue;
        const dx = x - 0.64 * size;
        const dy = y - 0.6 * size;
        if (dx * dx + dy * dy < (0.07 * size) ** 2) c = red;
      }
      data.set([...c, 255], (y * size + x) * 4);
    }
  }
  return encode({ width: size, height: size, data, channels: 4, depth: 8 });
}

export function webManifest(): string {
  const pwa = (zhCN as { pwa: { name: string; shortName: string } }).pwa;
  return JSON.stringify(
    {
      name: pwa.name,
      short_name: pwa.shortName,
      lang: 'zh-CN',
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'fullscreen',
      orientation: 'portrait',
      theme_color: THEME_COLOUR,
      background_color: BACKGROUND_COLOUR,
      icons: ICON_SIZES.flatMap((size) => [
        { src: iconPath(size), sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' },
        { src: iconPath(size), sizes: `${size}x${size}`, type: 'image/png', purpose: 'maskable' },
      ]),
    },
    null,
    2,
  );
}
