import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.ts';
const server = await serveStatic('/work/main/dist', '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(server.url + 'about/');
console.log(JSON.stringify(await page.evaluate(async () => {
  const pf = await import('/pagefind/pagefind.js' as any);
  await pf.init();
  const r = await pf.search(null, { filters: { type: '创新案例' } });
  const r2 = await pf.search(null, { filters: { type: '创新案例', region: '咸阳市' } });
  return { n: r.results.length, f: r.filters, tf: r.totalFilters, n2: r2.results.length };
})));
await browser.close(); await server.close();
