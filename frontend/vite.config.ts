/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Two builds from one config: the browser app (dist/, served from /static/ by
// WhiteNoise; Django fills dist/index.html for every page path), and with
// `--ssr src/server.tsx` the server bundle (dist-server/render.js): one plain
// script, every dependency inside, that Django runs in an embedded V8 to
// render each page's HTML with the same components (frontend/server_render.py).
export default defineConfig(({ isSsrBuild }) => ({
  base: '/static/',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  ssr: isSsrBuild ? { noExternal: true, target: 'webworker' } : undefined,
  build: isSsrBuild
    ? {
        outDir: 'dist-server',
        emptyOutDir: true,
        target: 'es2020',
        minify: true,
        rollupOptions: { output: { format: 'iife', entryFileNames: 'render.js' } },
      }
    : {
        outDir: 'dist',
        assetsDir: 'assets',
        emptyOutDir: true,
        target: 'es2020',
        // One small entry chunk; nothing here needs code splitting to stay light.
        modulePreload: { polyfill: false },
      },
  server: {
    // `npm run dev` proxies the API and page HTML to a local Django.
    proxy: { '/api': 'http://127.0.0.1:8000' },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
  },
}));
