import { afterEach, describe, expect, it, vi } from 'vitest';
import { contrastRatio, parseOpaqueColor } from '../../src/ui/style/contrast';
import { loadSmartStyle } from '../../src/ui/style/load-smart-style';
import { applySmartStyle, readSmartStyle } from '../../src/ui/style/smart-style';

// The EHR's SMART style: validated field by field, applied only as custom properties, and never at the
// cost of WCAG AA contrast.

const ehrStyle = {
  color_background: '#f6f7f9',
  color_error: '#b3261e',
  color_highlight: '#1d5fa8',
  color_modal_backdrop: 'rgba(20, 24, 31, 0.5)',
  color_success: '#1e7b3a',
  color_text: '#1c2127',
  dim_border_radius: '6px',
  dim_font_size: '15px',
  dim_spacing_size: '16px',
  font_family_body: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  font_family_heading: "'Source Serif', serif",
};

afterEach(() => document.documentElement.removeAttribute('style'));

describe('reading a SMART style', () => {
  it('takes a well-formed style whole (the backdrop is not used: the app has no modal)', () => {
    const { style, rejected } = readSmartStyle(ehrStyle);
    expect(rejected).toEqual([]);
    const { color_modal_backdrop: _unused, ...used } = ehrStyle;
    expect(style).toEqual(used);
  });

  it.each([
    ['color_text', 'red; background: url(https://evil.example/x)'],
    ['color_text', 'red'],
    ['color_background', 'rgba(255, 255, 255, 0.2)'],
    ['color_highlight', 'rgb(300, 0, 0)'],
    ['color_error', 'expression(alert(1))'],
    ['dim_font_size', '12pt'],
    ['dim_font_size', '4px'],
    ['dim_border_radius', '999px'],
    ['dim_spacing_size', 'calc(1px + 1px)'],
    ['font_family_body', '"Arial"; } body { display: none'],
    ['font_family_heading', 'url(https://evil.example/font.woff)'],
    ['font_family_body', 'Arial, /* */ serif'],
    ['dim_font_size', 16],
  ])('leaves out %s = %j and keeps the rest', (field, value) => {
    const { style, rejected } = readSmartStyle({ ...ehrStyle, [field]: value });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatch(new RegExp(`^${field}: `));
    expect(style).not.toHaveProperty(field);
    expect(Object.keys(style)).toHaveLength(9);
  });

  it('keeps our text and background when the EHR pair is below 4.5:1', () => {
    const { style, rejected } = readSmartStyle({ ...ehrStyle, color_text: '#777777', color_background: '#ffffff' });
    expect(contrastRatio(parseOpaqueColor('#777777')!, parseOpaqueColor('#ffffff')!)).toBeLessThan(4.5);
    expect(style.color_text).toBeUndefined();
    expect(style.color_background).toBeUndefined();
    expect(rejected).toEqual(['color_background: contrast below 4.5:1', 'color_text: contrast below 4.5:1']);
    expect(style.color_highlight).toBe('#1d5fa8');
  });

  it('keeps ours for a dark background our muted text cannot be read on, and for a pale highlight', () => {
    expect(readSmartStyle({ color_background: '#101010', color_text: '#ffffff' }).style).toEqual({});
    const pale = readSmartStyle({ color_highlight: '#7fb2e5' });
    expect(pale.style).toEqual({});
    expect(pale.rejected).toEqual(['color_highlight: contrast below 4.5:1']);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio(parseOpaqueColor('#000')!, parseOpaqueColor('rgb(255 255 255)')!)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseOpaqueColor('#767676')!, parseOpaqueColor('#ffffff')!)).toBeCloseTo(4.54, 2);
  });

  it('rejects a non-object', () => {
    expect(readSmartStyle(['#fff']).style).toEqual({});
    expect(readSmartStyle('body { color: red }').rejected).toEqual(['(root): not a JSON object']);
  });
});

describe('loading and applying it', () => {
  it('sets custom properties on the root through the CSSOM', async () => {
    const fetchFn = vi.fn(async () => Response.json(ehrStyle));
    const root = document.documentElement;
    expect(await loadSmartStyle(fetchFn, 'https://ehr.example/style.json', root)).toBe(true);
    expect(fetchFn).toHaveBeenCalledWith(
      'https://ehr.example/style.json',
      expect.objectContaining({ credentials: 'omit' }),
    );
    expect(root.style.getPropertyValue('--bg')).toBe('#f6f7f9');
    expect(root.style.getPropertyValue('--accent')).toBe('#1d5fa8');
    expect(root.style.getPropertyValue('--focus')).toBe('#1d5fa8');
    expect(root.style.getPropertyValue('--font-heading')).toBe("'Source Serif', serif");
    expect(root.style.getPropertyValue('--space')).toBe('16px');
  });

  it('leaves the default look on any failure', async () => {
    const root = document.documentElement;
    const answers: (() => Promise<Response>)[] = [
      async () => {
        throw new TypeError('Failed to fetch');
      },
      async () => new Response('not found', { status: 404 }),
      async () => new Response('<html>', { status: 200 }),
    ];
    for (const answer of answers)
      expect(await loadSmartStyle(answer, 'https://ehr.example/style.json', root)).toBe(false);
    expect(await loadSmartStyle(async () => Response.json(ehrStyle), 'javascript:alert(1)', root)).toBe(false);
    expect(await loadSmartStyle(async () => Response.json(ehrStyle), undefined, root)).toBe(false);
    expect(root.getAttribute('style')).toBeNull();
  });

  it('applies only what it is given', () => {
    applySmartStyle(document.documentElement, { dim_font_size: '1.125rem' });
    expect(document.documentElement.getAttribute('style')).toBe('--font-size: 1.125rem;');
  });
});
