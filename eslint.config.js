// Lint rules, including the boundaries the architecture depends on: the renderer never reaches
// Electron or Node, and shared/ stays pure (no host code, no I/O).
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer is untrusted: it never imports Electron.',
            },
            { group: nodeBuiltins, message: 'The renderer never imports Node built-ins.' },
            {
              group: ['**/electron/**', '../electron', '../../electron'],
              message: 'The renderer reaches main only through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
            { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins, no I/O.' },
            {
              group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer'],
              message: 'shared/ imports neither side.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'fetch',
          'XMLHttpRequest',
          'WebSocket',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'process',
          'require',
          'window',
          'document',
        ].map((name) => ({ name, message: 'shared/ is pure: no I/O or host globals.' })),
      ],
    },
  },
  {
    // One way in (issue 9 §2): the channel's permission in the contract is the role gate, checked by
    // the router; a service reuses another's plain functions, never its channel handler.
    // maintenance.ts (backup, restore, integrity) is still reached around the router: issue 10.
    files: ['electron/services/**/*.ts'],
    ignores: ['electron/services/maintenance.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[computed=true][object.name=/Handlers$/]',
          message: 'Call the service function both channels use, not another channel’s handler.',
        },
        {
          selector: "CallExpression[callee.property.name='can']",
          message:
            'The contract’s permission on the channel is the role gate; keep only data-dependent checks (and say why).',
        },
      ],
    },
  },
  {
    // The hosts reach the core only through the router (core.call / cli.call).
    files: ['electron/hosts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/*', '!**/services/maintenance', '**/service-context'],
              message: 'A host calls the core through the router (cli.call), never a service directly.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Build scripts and the benchmark report to the terminal; that is their job.
    files: ['build/**/*.mjs', 'test/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies: `async ({}, use) => …`.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
