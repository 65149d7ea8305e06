// Lint keeps the layering of DESIGN.md true as allow-lists: core <- fhir <- ui; node tools use core and fhir,
// never ui (eslint/layers.js). No import cycles; promises are awaited or handled; switches are exhaustive.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import layers from './eslint/layers.js';

const srcDir = fileURLToPath(new URL('./src', import.meta.url));
const layer = (name) => ({ 'layers/allowed-imports': ['error', { layer: name, srcDir }] });

// Browser and React names the core must not reach for: it is pure (no storage, no DOM, no UI, no clock).
const notInCore = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'sessionStorage',
  'localStorage',
  'fetch',
  'XMLHttpRequest',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'crypto',
  'process',
  'Buffer',
  'React',
  'JSX',
].map((name) => ({ name, message: 'The core is pure: no browser, node or React globals; pass what it needs in.' }));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.test-results/**',
      'test-artifacts/**',
      '.cli-build/**',
      'questionnaires/**',
      'test/node/lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { layers },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  // TypeScript checks names itself; plain JS scripts run on node.
  { files: ['**/*.{ts,tsx}'], rules: { 'no-undef': 'off' } },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  // Type-aware rules: the project's tsconfig covers src, test and scripts. The lint-probe files exist only in
  // test/node/lint-rules.test.ts (linted as text), so they get the same compiler options from a default project.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['src/*/lint-probe.ts', 'src/*/lint-probe.tsx'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)),
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  // No import cycles in src/ (the fixture pair exists to prove the rule works, see test/node/lint-rules.test.ts).
  {
    files: ['src/**/*.{ts,tsx}', 'test/node/lint-fixtures/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/core/**'],
    rules: {
      ...layer('core'),
      'no-restricted-globals': ['error', ...notInCore],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The core never reads the clock: pass time in.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The core never reads the clock: pass time in.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The core is deterministic.',
        },
        {
          selector: 'TSQualifiedName > Identifier.left[name=/^(JSX|React)$/]',
          message: 'The core is pure: no React types.',
        },
      ],
    },
  },
  { files: ['src/fhir/**'], rules: layer('fhir') },
  {
    files: ['src/ui/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...layer('ui') },
  },
  { files: ['src/node/**'], rules: layer('node') },
);
