// What n8n's community package scanner (@n8n/scan-community-package) checks in the published files:
// every .js file against the Cloud rules for globals and imports, with inline eslint comments ignored.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

export default [
  {
    files: ['**/*.js'],
    plugins: { '@n8n/community-nodes': n8nCommunityNodesPlugin },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    rules: {
      '@n8n/community-nodes/no-restricted-globals': 'error',
      '@n8n/community-nodes/no-restricted-imports': 'error',
    },
  },
];
