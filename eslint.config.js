// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Only the Electron shell may know it runs in Electron: everything else must run under plain Node. */
const electronImport = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
  patterns: [
    { group: ['electron/*'], message: 'Only electron/main and electron/preload may import electron.' },
  ],
};

/** The renderer reaches the engine only through the typed contract in shared/. */
const engineFromRenderer = {
  group: ['**/electron/**', '!**/electron'],
  message: 'The renderer talks to the engine only through the contract in shared/.',
};

/** shared/ is loaded by the renderer too, so it stays free of Node built-ins and of the engine. */
const nodeFromShared = [
  { group: ['node:*'], message: 'shared/ runs in the renderer as well: no Node built-ins.' },
  { group: ['**/electron/**'], message: 'shared/ must not depend on the engine or the shell.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-output/**', 'electron/engine/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', electronImport],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'tests/electron/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { ...electronImport, patterns: [...electronImport.patterns, engineFromRenderer] },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { ...electronImport, patterns: [...electronImport.patterns, ...nodeFromShared] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
