import { z } from 'zod';
import { AA_TEXT, contrastRatio, parseOpaqueColor, type Rgb } from './contrast';

// SMART App Launch styling: the EHR's `smart_style_url` points at a small JSON of colours, sizes and fonts.
// Each value is checked against a narrow grammar (colours as `#hex`/`rgb()`, sizes in px/em/rem, fonts as
// plain family lists) and only then set as a CSS custom property through the CSSOM, never as CSS text.
// A value that fails is left out and ours stays; so are colours that would fall below WCAG AA contrast.

const color = z
  .string()
  .refine((s) => parseOpaqueColor(s) !== undefined, 'an opaque colour: #rgb, #rrggbb or rgb(r, g, b)');
const length = (max: number) =>
  z
    .string()
    .regex(/^\d{1,3}(\.\d{1,3})?(px|r?em)$/, 'a length in px, em or rem')
    .refine((s) => toPx(s) <= max, `at most ${max}px`);
const fontSize = length(32).refine((s) => toPx(s) >= 10, 'at least 10px');
const family = /^\s*("[A-Za-z0-9 _-]{1,60}"|'[A-Za-z0-9 _-]{1,60}'|-?[A-Za-z][A-Za-z0-9 _-]{0,59})\s*$/;
const fontList = z
  .string()
  .max(300)
  .refine((s) => s.split(',').every((f) => family.test(f)), 'a comma-separated list of font family names');

/** px for a validated length; em and rem against the 16px browser default. */
function toPx(value: string): number {
  const amount = Number.parseFloat(value);
  return value.endsWith('px') ? amount : amount * 16;
}

// The SMART fields the app uses, and the custom properties they set (base.css and app.css read them).
const fields = {
  color_background: { schema: color, properties: ['--bg'] },
  color_text: { schema: color, properties: ['--text'] },
  color_highlight: { schema: color, properties: ['--accent', '--focus'] },
  color_error: { schema: color, properties: ['--bad'] },
  color_success: { schema: color, properties: ['--good'] },
  dim_border_radius: { schema: length(24), properties: ['--radius'] },
  dim_font_size: { schema: fontSize, properties: ['--font-size'] },
  dim_spacing_size: { schema: length(32), properties: ['--space'] },
  font_family_body: { schema: fontList, properties: ['--font-body'] },
  font_family_heading: { schema: fontList, properties: ['--font-heading'] },
} as const;

type Field = keyof typeof fields;
type ColorField = 'color_background' | 'color_text' | 'color_highlight' | 'color_error' | 'color_success';
export type SmartStyle = Partial<Record<Field, string>>;

/** Our own colours (base.css), against which the EHR's are weighed. */
const OURS: Readonly<Record<ColorField | 'muted', string>> = {
  color_background: '#ffffff',
  color_text: '#1b1f24',
  color_highlight: '#0b5cab',
  color_error: '#b3261e',
  color_success: '#1d6b35',
  muted: '#4a5360',
};
const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const foregrounds = ['color_text', 'color_highlight', 'color_error', 'color_success'] as const;

export interface StyleReading {
  readonly style: SmartStyle;
  /** Fields left out, with why (for the console: no values, nothing identifying). */
  readonly rejected: readonly string[];
}

/** Each field on its own: a bad one is left out, the rest still apply. Unknown fields are ignored. */
export function readSmartStyle(input: unknown): StyleReading {
  const object = z.record(z.string(), z.unknown()).safeParse(input);
  if (!object.success) return { style: {}, rejected: ['(root): not a JSON object'] };
  const style: SmartStyle = {};
  const rejected: string[] = [];
  for (const [field, { schema }] of Object.entries(fields) as [Field, (typeof fields)[Field]][]) {
    if (object.data[field] === undefined) continue;
    const parsed = schema.safeParse(object.data[field]);
    if (parsed.success) style[field] = parsed.data;
    else rejected.push(`${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return keepContrast({ style, rejected });
}

/**
 * Keeps WCAG AA (4.5:1). The text/background pair first: if the EHR's pair (with ours filling a gap, and
 * our muted text on their background) falls short, ours is kept for both. Then each EHR colour used as
 * text must reach it on the background in effect, the highlight also under white button text.
 */
function keepContrast({ style, rejected }: StyleReading): StyleReading {
  const dropped = new Set<string>();
  const inEffect = (field: ColorField): Rgb =>
    parseOpaqueColor((dropped.has(field) ? undefined : style[field]) ?? OURS[field])!;
  const drop = (field: ColorField) => {
    if (style[field] !== undefined) dropped.add(field);
  };
  const pairBackground = inEffect('color_background');
  const pairOk = [inEffect('color_text'), parseOpaqueColor(OURS.muted)!].every(
    (text) => contrastRatio(text, pairBackground) >= AA_TEXT,
  );
  if (!pairOk) {
    drop('color_background');
    drop('color_text');
  }
  const background = inEffect('color_background');
  for (const field of foregrounds) {
    if (style[field] === undefined || dropped.has(field)) continue;
    const onWhite = field === 'color_highlight' ? contrastRatio(inEffect(field), WHITE) : Infinity;
    if (Math.min(contrastRatio(inEffect(field), background), onWhite) < AA_TEXT) drop(field);
  }
  const kept = Object.fromEntries(Object.entries(style).filter(([field]) => !dropped.has(field))) as SmartStyle;
  return {
    style: kept,
    rejected: [...rejected, ...[...dropped].map((field) => `${field}: contrast below ${AA_TEXT}:1`)],
  };
}

/** Sets the custom properties on `root` (CSSOM: allowed by the app's CSP, unlike injected style text). */
export function applySmartStyle(root: HTMLElement, style: SmartStyle): void {
  for (const [field, value] of Object.entries(style) as [Field, string][]) {
    for (const property of fields[field].properties) root.style.setProperty(property, value);
  }
}
