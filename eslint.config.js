import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';

// Where a file lives says where it runs; these rules keep each part from reaching into another.
const noElectron = { name: 'electron', message: 'This part must run in plain Node or the browser: no electron import.' };
const restrict = (...patterns) => ['error', { paths: [noElectron], patterns }];

export default defineConfig([
  globalIgnores(['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': restrict({ group: ['node:*', '**/server/**', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared is pure: no Node, no other part.' }) },
  },
  {
    files: ['src/main/core/**'],
    rules: { 'no-restricted-imports': restrict({ group: ['**/server/**', '**/renderer/**'], message: 'The desktop core meets the server only through src/shared.' }) },
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-imports': restrict({ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'The server meets the desktop only through src/shared.' }) },
  },
  {
    // The chat widget runs on customers' web pages, served as it is.
    files: ['src/server/chat/widget/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/renderer/**', 'src/preload/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    extends: [reactHooks.configs.flat.recommended],
    rules: { 'no-restricted-imports': restrict({ group: ['**/main/**', '**/server/**', 'node:*'], message: 'The renderer talks to the core only through DeskApi.' }) },
  },
]);
