// n8n's community-node lint, as `n8n-node lint` configures it (@n8n/node-cli's eslint config): eslint's
// and typescript-eslint's recommended rules, @n8n/eslint-plugin-community-nodes' recommended rules with
// n8n Cloud support (no restricted globals or imports), and no console.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Tests and the e2e driver are not shipped (they start servers and processes); the package is src/.
  globalIgnores(['dist', '.dist-test-*', 'node_modules', 'test', 'e2e', '*.mjs']),
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended, n8nCommunityNodesPlugin.configs.recommended],
    rules: {
      'prefer-spread': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['package.json'],
    extends: [n8nCommunityNodesPlugin.configs.recommended],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { extraFileExtensions: ['.json'] },
    },
  },
);
