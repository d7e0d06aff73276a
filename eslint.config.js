import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.cache/', '.scratch/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/modules/*/*', '!**/modules/*/index'], message: 'Import a module only through its index.ts.' }],
      }],
    },
  },
  {
    files: ['src/platform/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'platform/ never imports from modules/.' }] }],
    },
  },
  {
    files: ['src/main.ts', 'src/cli.ts', 'scripts/**', 'test/**', 'probe/**'],
    rules: { 'no-console': 'off' },
  },
);
