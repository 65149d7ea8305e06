// The lint is the layering's guard (DESIGN.md §2), so each of its rules is tried on a probe that breaks it:
// a probe file inside the layer (linted as text through ESLint's Node API, with the project's own config).
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;

// Type-aware linting builds the project's TypeScript program on the first file: tens of seconds on a busy
// machine, so it happens here, under a generous hook timeout, and the tests after it take milliseconds.
beforeAll(async () => {
  // ignore: false so that the cycle fixtures, ignored by the project's lint, can be linted here.
  eslint = new ESLint({ cwd: root, ignore: false });
  await eslint.lintText('export const warm = 1;\n', { filePath: `${root}src/core/lint-probe.ts` });
}, 300_000);

async function rulesBroken(layer: 'core' | 'fhir' | 'ui' | 'node', code: string, extension = 'ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}src/${layer}/lint-probe.${extension}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('layers are allow-lists', () => {
  it.each([
    ['core', "import { z } from 'zod';\nimport { rate } from './rate';\nexport const s = z.string().parse(rate);"],
    [
      'fhir',
      "import type Client from 'fhirclient/lib/Client';\nimport { z } from 'zod';\nimport { scoreOf } from '../core/score';\nexport type C = Client;\nexport const s = [z, scoreOf];",
    ],
    [
      'ui',
      "import { useState } from 'react';\nimport { scaleLinear } from 'd3-scale';\nimport { codes } from '../fhir/codes';\nexport const u = [useState, scaleLinear, codes];",
    ],
    [
      'node',
      "import { readFileSync } from 'node:fs';\nimport { getReferenceString } from '@medplum/core';\nimport { codes } from '../fhir/codes';\nexport const n = [readFileSync, getReferenceString, codes];",
    ],
  ] as const)('%s: what it is allowed passes', async (layer, code) => {
    expect((await rulesBroken(layer, code)).filter((rule) => rule === 'layers/allowed-imports')).toEqual([]);
  });

  it.each([
    ['core', 'a package other than zod', "import i18next from 'i18next';\nexport const i = i18next;"],
    ['core', 'd3', "import { line } from 'd3-shape';\nexport const l = line;"],
    ['core', 'React', "import { useState } from 'react';\nexport const u = useState;"],
    ['core', 'the fhir layer', "import { codes } from '../fhir/codes';\nexport const c = codes;"],
    ['core', 'the fhir layer by dynamic import()', "export const load = () => import('../fhir/codes');"],
    ['core', 'the ui layer by an import() type', "export type F = import('../ui/format').Formatter;"],
    ['fhir', 'fhirclient at run time', "import { client } from 'fhirclient';\nexport const c = client;"],
    ['fhir', '@medplum', "import { getReferenceString } from '@medplum/core';\nexport const g = getReferenceString;"],
    ['fhir', 'the ui layer', "import { format } from '../ui/format';\nexport const f = format;"],
    ['fhir', 'node built-ins', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    [
      'ui',
      '@medplum (it would enter the browser bundle)',
      "import type { Patient } from '@medplum/fhirtypes';\nexport type P = Patient;",
    ],
    ['ui', 'the node layer by dynamic import()', "export const load = () => import('../node/http/site-files');"],
    ['ui', 'node built-ins', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['node', 'the ui layer', "import { format } from '../ui/format';\nexport const f = format;"],
    ['node', 'the ui layer by re-export', "export { format } from '../ui/format';"],
  ] as const)('%s may not import %s', async (layer, _what, code) => {
    expect(await rulesBroken(layer, code)).toContain('layers/allowed-imports');
  });

  it.each([
    ['window', 'export const href = window.location.href;'],
    ['sessionStorage', "export const token = sessionStorage.getItem('t');"],
    ['fetch', "export const get = () => fetch('/x');"],
    ['setTimeout', 'export const later = (f: () => void) => setTimeout(f, 1);'],
  ])('core may not use the global %s', async (_name, code) => {
    expect(await rulesBroken('core', code)).toContain('no-restricted-globals');
  });

  it.each([
    ['React types', 'export const view: JSX.Element | undefined = undefined;'],
    ['the clock', 'export const now = Date.now();'],
    ['randomness', 'export const r = Math.random();'],
  ])('core may not use %s', async (_name, code) => {
    expect(await rulesBroken('core', code)).toContain('no-restricted-syntax');
  });
});

describe('type-aware rules', () => {
  it('a promise nobody awaits or handles fails', async () => {
    const code = 'async function save(): Promise<void> {}\nexport function onClick(): void {\n  save();\n}';
    expect(await rulesBroken('ui', code)).toContain('@typescript-eslint/no-floating-promises');
  });

  it('a switch over a union that misses a member fails', async () => {
    const code =
      "type Kind = 'ors' | 'srs';\nexport function label(kind: Kind): string {\n  switch (kind) {\n    case 'ors':\n      return 'ORS';\n  }\n  return '';\n}";
    expect(await rulesBroken('fhir', code)).toContain('@typescript-eslint/switch-exhaustiveness-check');
  });
});

describe('no import cycles', () => {
  it('two modules that import each other fail', async () => {
    const results = await eslint.lintFiles(['test/node/lint-fixtures/cycle-a.ts']);
    expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('import-x/no-cycle');
  });
});
