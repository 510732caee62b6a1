// The runtime boundaries of docs/architecture.md, made executable: each folder has an allow-list of
// what it may import (other folders, npm packages, Node built-ins), checked for static imports,
// re-exports, dynamic import(), require() and type imports alike (scripts/eslint/allowedImports.mjs;
// the rules' own tests are test/unit/layering.test.ts). A new package in a layer is one line here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import parley from './scripts/eslint/allowedImports.mjs';

/** Libraries the main-side services use in plain Node (browser mode and the desktop app alike). */
const servicePackages = ['zod', 'openai', 'undici', 'ws', 'conf', 'keytar', '@streamparser/json'];

/** Libraries bundled into the pages; type-only packages (hast, mdast, unist) are named too. */
const browserPackages = [
  '@vitejs/plugin-react', // its preamble, in the pages' entry points
  'zod',
  'react',
  'react-dom',
  'react-markdown',
  'remark-gfm',
  'remark-math',
  'remark-parse',
  'remark-rehype',
  'unified',
  'remend',
  'hast-util-to-jsx-runtime',
  'html-url-attributes',
  'shiki',
  'katex',
  '@tanstack/react-query',
  'virtua',
  'use-stick-to-bottom',
  'hast',
  'mdast',
  'unist',
];

export const layers = [
  {
    files: ['shared/**'],
    layer: 'shared/',
    why: 'the contract runs anywhere (main, preload, pages), so it uses only shared/ and pure libraries: no Electron, no Node, no DOM',
    folders: ['shared'],
    packages: ['zod'],
    node: false,
  },
  {
    files: ['electron/core/**'],
    layer: 'electron/core/',
    why: 'the services run in plain Node too (browser mode): shared/, Node and service libraries; Electron pieces come in as interfaces from electron/main',
    folders: ['shared', 'electron/core'],
    packages: servicePackages,
    node: true,
  },
  {
    files: ['electron/main/**'],
    layer: 'electron/main/',
    why: 'the Electron main process: shared/, electron/core, Node and Electron; never the pages or the preload',
    folders: ['shared', 'electron/core', 'electron/main'],
    packages: ['electron', 'electron-store', 'electron-updater', ...servicePackages],
    node: true,
  },
  {
    files: ['electron/preload/**'],
    layer: 'electron/preload/',
    why: 'the sandboxed bridge: electron (contextBridge, ipcRenderer) and the contract\'s channel lists and API builder (no zod); types from shared/',
    folders: ['electron/preload', 'shared/contract/channels.ts', 'shared/contract/api.ts', 'shared/contract/windows.ts'],
    typeFolders: ['shared'],
    packages: ['electron'],
    node: false,
  },
  {
    files: ['renderer/**'],
    layer: 'renderer/',
    why: 'the pages run in the browser: shared/, renderer/ and browser libraries; never Electron, Node, the provider SDK or the keychain',
    folders: ['shared', 'renderer'],
    packages: browserPackages,
    node: false,
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers.map(({ files, ...allow }) => ({
    files,
    plugins: { parley },
    rules: { 'parley/allowed-imports': ['error', allow] },
  })),
  {
    files: ['shared/**'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // A test that always runs alone hides the rest of the suite.
      'no-restricted-properties': [
        'error',
        { object: 'test', property: 'only', message: 'No .only in committed tests.' },
        { object: 'it', property: 'only', message: 'No .only in committed tests.' },
        { object: 'describe', property: 'only', message: 'No .only in committed tests.' },
      ],
    },
  },
);
