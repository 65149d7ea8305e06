// WCAG 2.1 contrast between two opaque sRGB colours (given as validated CSS colour text).

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const CHANNEL = '\\s*(\\d{1,3})\\s*';
const RGB_COMMAS = new RegExp(`^rgb\\(${CHANNEL},${CHANNEL},${CHANNEL}\\)$`, 'i');
const RGB_SPACES = new RegExp(`^rgb\\(${CHANNEL}\\s${CHANNEL}\\s${CHANNEL}\\)$`, 'i');

/** An opaque colour from `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgb(r g b)`; undefined for anything else. */
export function parseOpaqueColor(text: string): Rgb | undefined {
  const hex = HEX.exec(text.trim())?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return { r: parseInt(full.slice(0, 2), 16), g: parseInt(full.slice(2, 4), 16), b: parseInt(full.slice(4, 6), 16) };
  }
  const match = RGB_COMMAS.exec(text.trim()) ?? RGB_SPACES.exec(text.trim());
  if (!match) return undefined;
  const [r, g, b] = match.slice(1, 4).map(Number) as [number, number, number];
  return [r, g, b].every((c) => c <= 255) ? { r, g, b } : undefined;
}

function luminance({ r, g, b }: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text. */
export const AA_TEXT = 4.5;
