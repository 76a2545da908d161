import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

// Sinks that turn a string into markup or code. No code in src/ may use them at all (page HTML
// reaches the screen only through src/ui/sanitize.ts, which returns DOM, never a string); the
// no-unsanitized plugin also catches the ones these selectors cannot see.
const MARKUP_SINKS = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML|srcdoc)$/]", message: 'No HTML strings into the DOM: build nodes, or go through src/ui/sanitize.ts.' },
  { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|parseFromString)$/]", message: 'No HTML parsing from strings in extension code: go through src/ui/sanitize.ts.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No document.write.' },
  { selector: "NewExpression[callee.name='DOMParser']", message: 'No DOMParser in extension code: go through src/ui/sanitize.ts.' },
  { selector: "CallExpression[callee.object.name='trustedTypes'][callee.property.name='createPolicy']", message: 'The only Trusted Types policy is DOMPurify\'s (manifest CSP: trusted-types dompurify).' },
  { selector: "Literal[value=/^\\s*(javascript|vbscript|data:text\\/html)/i]", message: 'No script URLs.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench-cache/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Extension code (pages, worker, content script, core). The CLI runs in Node on jsdom, where
    // parsing a page from a string is the job.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-syntax': ['error', ...MARKUP_SINKS],
      'no-restricted-imports': ['error', { paths: [{ name: 'dompurify', message: 'Use src/ui/sanitize.ts: one sanitiser, one configuration.' }] }],
    },
  },
  {
    files: ['src/ui/sanitize.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The core runs in Node and in any page: it gets a Document, never reaches for browser globals.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['webextension-polyfill', 'dexie', 'dompurify', '**/platform/**', '**/ui/**', '**/background/**'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'location', 'navigator', 'chrome', 'browser', 'indexedDB', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest'],
    },
  },
  {
    files: ['e2e/**/*.ts', 'e2e-firefox/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The hostile corpus writes attack strings on purpose; tests read HTML back to check it.
    files: ['e2e/security/**/*.ts', 'e2e/bad-input/**/*.ts', 'e2e-firefox/security.spec.ts', 'test/**/*.ts'],
    rules: { 'no-script-url': 'off' },
  },
);
