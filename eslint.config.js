import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'url',
  'util',
  'stream',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      '.electron-native',
      'coverage',
      '.tmp',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // shared/ is pure: no Node, no DOM, no Electron, and none of the other layers.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ must not import Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/.' },
            { group: ['react', 'react-dom', '@mantine/*'], message: 'shared/ must not import UI code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    // renderer/ talks to the back end only through the contract's API object.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'renderer/ must not import Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'renderer/ must not import Electron.' },
            {
              group: ['**/electron/**'],
              message: 'renderer/ must not import electron/; use the API object.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer/.' }] },
      ],
    },
  },
  {
    // The back end's inner layers know nothing of Electron or IPC: the IPC layer and the
    // main process translate and compose them, never the other way round.
    files: ['electron/{db,services,cli,sync,hub,export,platform}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ must not import renderer/.' },
            {
              group: ['electron', 'electron/*'],
              message: 'Only electron/main and electron/preload import Electron.',
            },
            {
              regex: '^(\\.\\./)+(ipc|main|preload)(/|$)|(^|/)electron/(ipc|main|preload)(/|$)',
              message:
                'db/, services/, cli/, sync/, hub/, export/ and platform/ must not import electron/ipc, electron/main or electron/preload.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
