// Renders public/icons/icon.svg to the PNG sizes app galleries and browsers ask for, with Debian's Chromium.
// Run after changing the SVG: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import { readFile } from 'node:fs/promises';
import { launchChromium } from './chromium';

const sizes = [16, 32, 180, 192, 512];
const svg = await readFile('public/icons/icon.svg', 'utf8');
const browser = await launchChromium();
try {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: `public/icons/icon-${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`wrote ${sizes.length} icons`);
