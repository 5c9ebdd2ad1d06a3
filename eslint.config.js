// Lint: TypeScript-aware rules, React hooks rules, and the layer rules (README, Architecture) as data, each with a
// message that says what the layer may import.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Forbids bare module names (`modules`) and folders (`folders`, gitignore-style globs) with one message. */
const restrict = (message, modules, folders = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: modules.map((name) => ({ name, message })),
      patterns: folders.length > 0 ? [{ group: folders, message }] : [],
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'reports/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // Type information lets lint see promises: a write started and forgotten is how failures went unseen.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/**', 'tests/**', '*.config.{js,ts}', '.ci/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**', 'tests/component/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The benchmark runs functions inside the page (page.evaluate), where browser globals exist.
    files: ['tests/bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['renderer/src/domain/**'],
    rules: restrict(
      'domain/ is pure TypeScript: it may import only other domain/ modules.',
      ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'electron', 'papaparse', 'fflate'],
      ['**/db/*', '**/ui/*', '**/platform/*'],
    ),
  },
  {
    files: ['renderer/src/db/**'],
    rules: restrict(
      'db/ may import domain/ and Dexie, never React, the UI, the platform or Electron.',
      ['react', 'react-dom', 'electron'],
      ['**/ui/*', '**/platform/*'],
    ),
  },
  {
    files: ['renderer/src/platform/**'],
    rules: restrict(
      'platform/ may import domain/ and the types of electron/ipc.ts only.',
      ['react', 'react-dom', 'dexie', 'electron'],
      ['**/db/*', '**/ui/*', '**/electron/main/*', '**/electron/preload/*'],
    ),
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/src/domain/**', 'renderer/src/db/**', 'renderer/src/platform/**'],
    rules: restrict(
      'The renderer reaches the shell only through platform/ and electron/ipc.ts.',
      ['electron'],
      ['**/electron/main/*', '**/electron/preload/*'],
    ),
  },
);
