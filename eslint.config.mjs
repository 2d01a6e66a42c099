import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers (docs/testing.md#layers): each folder declares the repository folders its relative imports may reach
 * and the packages it may not import. Everything else a relative import reaches is an error.
 */
const LAYERS = [
  { folder: 'electron/core', may: ['shared'], packages: ['electron', 'react', 'react-dom'] },
  {
    folder: 'electron/ipc',
    may: ['electron/core', 'electron/sandbox', 'electron/app', 'shared'],
    packages: ['electron'],
  },
  {
    folder: 'electron/cli',
    may: ['electron/core', 'electron/sandbox', 'shared', 'package.json'],
    packages: ['electron', 'react', 'react-dom'],
  },
  { folder: 'electron/sandbox', may: ['shared'], packages: ['electron', 'react', 'react-dom'] },
  {
    folder: 'electron/app',
    may: ['electron/core', 'electron/ipc', 'electron/sandbox', 'shared'],
    packages: ['react', 'react-dom'],
  },
  {
    folder: 'electron/main',
    may: ['electron/app', 'electron/ipc', 'electron/core', 'electron/sandbox', 'shared'],
    packages: ['react', 'react-dom'],
  },
  { folder: 'electron/preload', may: ['shared'], onlyPackages: ['electron'] },
  { folder: 'renderer', may: ['shared'], packages: ['electron', 'node:'] },
  { folder: 'shared', may: [], packages: ['electron', 'node:'] },
];
const MAX_DEPTH = 8;
const SOURCE_FILES = '*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}';

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const packagePattern = (name) => (name.endsWith(':') ? escapeRegex(name) : `${escapeRegex(name)}(/|$)`);

/** The relative specifiers a file `depth` folders below `folder` may not use: one regex per number of `../`. */
function relativeBans(layer, depth) {
  const fileDir = [...layer.folder.split('/'), ...Array.from({ length: depth }, (_, i) => `<${i}>`)];
  const reachable = [layer.folder, ...layer.may];
  const bans = [];
  for (let ups = depth + 1; ups <= fileDir.length; ups += 1) {
    const base = fileDir.slice(0, fileDir.length - ups).join('/');
    const continuations = reachable
      .filter((target) => base === '' || target.startsWith(`${base}/`))
      .map((target) => escapeRegex(base === '' ? target : target.slice(base.length + 1)));
    const allowed = continuations.length ? `(?!(${continuations.join('|')})(/|$))` : '';
    bans.push(`^(\\.\\./){${ups}}(?!\\.\\./)${allowed}`);
  }
  bans.push(`^(\\.\\./){${fileDir.length + 1}}`);
  return bans;
}

function packageBans(layer) {
  if (layer.onlyPackages) return [`^(?![./])(?!(${layer.onlyPackages.map(packagePattern).join('|')}))`];
  return layer.packages.length ? [`^(${layer.packages.map(packagePattern).join('|')})`] : [];
}

function layerMessage(layer) {
  const folders = [layer.folder, ...layer.may].map((folder) => `${folder}/`).join(', ');
  const packages = layer.onlyPackages
    ? `the package ${layer.onlyPackages.join(', ')} only`
    : `no ${layer.packages.join(', ')}`;
  return `Layer rule: ${layer.folder}/ may import ${folders} and packages (${packages}). See docs/testing.md#layers.`;
}

function layerRules(layers) {
  return layers.flatMap((layer) =>
    Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
      files: [`${layer.folder}/${'*/'.repeat(depth)}${SOURCE_FILES}`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [...relativeBans(layer, depth), ...packageBans(layer)].map((regex) => ({
              regex,
              message: layerMessage(layer),
            })),
          },
        ],
      },
    })),
  );
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts', 'test/**/*.mjs', 'bin/**', 'scripts/**', '*.ts', '*.mjs', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerRules(LAYERS),
);
