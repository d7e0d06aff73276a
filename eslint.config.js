import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.cache/', '.scratch/', 'public/', 'dist/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  // The module boundary (docs/architecture.md, "Boundaries"): a module reaches another only through its
  // index.ts, however the path is spelled, and the kernel imports no module.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        { type: 'module', pattern: 'src/modules/*', capture: ['name'] },
        { type: 'registry', pattern: 'src/modules' },
        { type: 'platform', pattern: 'src/platform' },
      ],
    },
    rules: {
      'boundaries/dependencies': ['error', {
        default: 'allow',
        policies: [
          {
            from: { element: { type: 'module' } },
            disallow: { to: { element: { type: 'module', fileInternalPath: '!index.ts' } } },
            message: 'A module imports another module only through its index.ts (src/modules/{{to.element.captured.name}}/index.ts).',
          },
          {
            from: { element: { type: 'platform' } },
            disallow: { to: { element: { types: ['module', 'registry'] } } },
            message: 'platform/ never imports from modules/.',
          },
        ],
      }],
    },
  },
  {
    files: ['test/**', 'probe/**', 'bench/**', 'scripts/**', 'src/*.ts', 'src/seed/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/modules/*/*', '!**/modules/*/index'], message: 'Import a module only through its index.ts.' }],
      }],
    },
  },
  // SQL lives in repositories: `.query(` only in repository*.ts, fixtures.ts, a module's personal-data.ts hook
  // (its read model of the person's rows, nothing else) and platform/db.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/**/repository*.ts', 'src/**/fixtures.ts', 'src/modules/*/personal-data.ts', 'src/platform/db/**', 'src/**/*.test.ts',
      'src/seed/**',
      // Kernel plumbing that predates the rule; each is its own small repository (see docs/architecture.md).
      'src/app.ts', 'src/platform/audit/audit.ts', 'src/platform/jobs/outbox.ts', 'src/platform/http/request-context.ts',
    ],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name='query']",
        message: 'SQL (.query) belongs in a repository*.ts file of the module (or platform/db).',
      }],
    },
  },
  {
    files: ['src/main.ts', 'src/cli.ts', 'scripts/**', 'test/**', 'probe/**'],
    rules: { 'no-console': 'off' },
  },
);
