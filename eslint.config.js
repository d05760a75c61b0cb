// Lint: typescript-eslint, Lit and web-component rules, and the project's security bans
// (no innerHTML / unsafeHTML / eval / new Function anywhere in src/).
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

const securityBans = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-syntax': [
    'error',
    { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'No innerHTML/outerHTML: render with Lit templates.' },
    { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML.' },
    { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'No document.write.' },
  ],
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML is forbidden.' },
        { name: 'lit/directives/unsafe-svg.js', message: 'unsafeSVG is forbidden.' },
        { name: 'lit-html/directives/unsafe-html.js', message: 'unsafeHTML is forbidden.' },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'src/data/generated/', 'test-results/', 'playwright-report/', 'custom-elements.json'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      ...securityBans,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      'lit/no-invalid-html': 'error',
      'lit/no-useless-template-literals': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // chai's property assertions (expect(x).to.be.true) read as expressions.
    files: ['tests/components/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'customElements', 'HTMLElement', 'localStorage', 'sessionStorage'],
    },
  },
);
