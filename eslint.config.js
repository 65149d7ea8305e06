// Lint keeps the layering of DESIGN.md true: core <- fhir <- ui; node tools use core and fhir, never ui.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (name) => ({ regex: `(^|/)(\\.\\./)+${name}(/|$)`, message: `This layer must not import from src/${name} (see DESIGN.md §2).` });
const pkg = (names, why) => ({ group: names, message: why });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.test-results/**', 'test-artifacts/**', '.cli-build/**', 'questionnaires/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
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
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('fhir'), layer('ui'), layer('node'),
        pkg(['react', 'react-dom', 'fhirclient', 'node:*', '@medplum/*'], 'The core is pure: no React, no network, no node APIs.')] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The core does no I/O.' }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core never reads the clock: pass time in.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core never reads the clock: pass time in.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The core is deterministic.' }],
    },
  },
  {
    files: ['src/fhir/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('ui'), layer('node'), pkg(['react', 'react-dom', 'node:*'], 'The FHIR boundary is UI- and node-agnostic.')] }] },
  },
  {
    files: ['src/ui/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [layer('node'), pkg(['node:*', '@medplum/*'], 'The browser bundle must not pull node-side code.')] }],
    },
  },
  {
    files: ['src/node/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('ui'), pkg(['react', 'react-dom'], 'Node tools never use the UI.')] }] },
  },
);
