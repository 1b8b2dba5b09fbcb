// Measures the gzipped JavaScript a first visit downloads: every script and
// module preload that dist/index.html names (the page makes no other script
// request before it is interactive). Fails above the budget.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 25 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf-8');
const urls = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((match) => match[1]);

let total = 0;
for (const url of new Set(urls)) {
  const file = join(dist, url.replace(/^\/static\//, ''));
  const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
  total += gzipped;
  console.log(`${url}: ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
}
console.log(`first visit JavaScript: ${(total / 1024).toFixed(1)} KiB gzipped (budget ${BUDGET_BYTES / 1024} KiB)`);
if (total > BUDGET_BYTES) {
  console.error('Over budget.');
  process.exit(1);
}
