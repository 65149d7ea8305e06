// `npm run gallery-package -- --origin https://app.example.org [--config smart-launch.json] [--out dist/gallery]`
// Writes the registration manifest and the icon set an app gallery or an EHR's app registration asks for.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSmartLaunchConfig } from '../../fhir/smart-launch-config';
import { buildGalleryManifest } from '../gallery/manifest';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      origin: { type: 'string' },
      config: { type: 'string', default: 'smart-launch.json' },
      out: { type: 'string', default: 'dist/gallery' },
    },
  });
  if (!values.origin || !URL.canParse(values.origin))
    throw new Error('--origin must be the https origin the app is served from');
  const parsed = parseSmartLaunchConfig(JSON.parse(await readFile(values.config, 'utf8')));
  if (!parsed.ok) throw new Error(`${values.config}:\n  ${parsed.error.join('\n  ')}`);
  const built = buildGalleryManifest(parsed.value, values.origin);
  if (!built.ok) throw new Error(`manifest refused:\n  ${built.error.join('\n  ')}`);
  const out = resolve(values.out);
  await mkdir(join(out, 'icons'), { recursive: true });
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(built.value, null, 2)}\n`);
  const icons = (await readdir('public/icons')).filter((f) => f.endsWith('.png') || f.endsWith('.svg'));
  await Promise.all(icons.map((f) => copyFile(join('public/icons', f), join(out, 'icons', f))));
  console.log(`wrote ${join(values.out, 'manifest.json')} and ${icons.length} icons`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
