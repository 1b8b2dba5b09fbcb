/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Django serves the build from /static/ (WhiteNoise); Django itself renders
// dist/index.html for every page path, so the base is the static URL.
export default defineConfig({
  base: '/static/',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
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
});
