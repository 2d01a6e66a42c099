import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * `npm run dev` only: the dev server injects inline scripts (React refresh) that the strict meta
 * CSP would block, so the meta tag is dropped and main's development policy header applies
 * (electron/main/csp.ts). Built output always keeps the strict meta tag.
 */
function devDropsMetaCsp(): Plugin {
  return {
    name: 'dev-drops-meta-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  };
}

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          cli: resolve(root, 'electron/cli/index.ts'),
          sandbox: resolve(root, 'electron/sandbox/standalone.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    build: {
      // electron-vite leaves the renderer unminified by default; minified it is about 85 KB gzip instead of 130.
      minify: true,
      rollupOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
    plugins: [react(), devDropsMetaCsp()],
  },
});
