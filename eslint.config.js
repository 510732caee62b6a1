// The runtime boundaries of DESIGN.md, made executable: each folder may import only what its runtime has.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'events', 'stream', 'util', 'worker_threads'];
const nodeBuiltinGroup = (message) => ({ group: nodeBuiltins, message });

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
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ runs anywhere: no electron.' }],
          patterns: [
            nodeBuiltinGroup('shared/ runs anywhere: no Node built-ins.'),
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ has no UI.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but pure libraries.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core runs in plain Node too (browser mode): hand Electron pieces in as interfaces from electron/main.' }],
          patterns: [
            { group: ['**/electron/main/**', '**/main/*', '**/preload/**', '**/renderer/**'], message: 'electron/core may import only shared/ and Node.' },
            { group: ['react', 'react-dom'], message: 'No UI in main-side services.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', '**/preload/**', 'react', 'react-dom'], message: 'electron/main may import shared/, electron/core, Node and Electron.' }] },
      ],
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltinGroup('The preload is sandboxed: only electron (contextBridge, ipcRenderer) and shared/.'),
            { group: ['**/electron/main/**', '**/electron/core/**', '**/main/*', '**/core/*', '**/renderer/**', 'react', 'zod'], message: 'The preload may import only electron and shared/contract/channels.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer never touches Electron: use the typed API from the preload.' },
            { name: 'openai', message: 'No provider calls in the renderer: main owns the API client and the token.' },
            { name: 'keytar', message: 'The renderer never sees the token.' },
          ],
          patterns: [
            nodeBuiltinGroup('The renderer runs in the browser: no Node built-ins.'),
            { group: ['**/electron/**'], message: 'The renderer may import only shared/ and browser libraries.' },
          ],
        },
      ],
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
