// Browser tests: Playwright driving Debian's Chromium (no browser download) against the
// release build in dist/, served under a sub-path to prove relative asset paths work.
import { defineConfig } from '@playwright/test';

export const PORT = 8090;

export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/some/sub/path/`,
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The app as a plain static host serves it; the app with the headers of dist/_headers (strict
  // CSP, CORS) as Netlify or Cloudflare Pages serve it; and the embed tests' host pages, on an
  // origin of their own (tests/embed.spec.mjs).
  webServer: [
    [`node serve.mjs ${PORT} ../dist`, PORT],
    ['node serve.mjs 8091 ../dist --headers', 8091],
    ['node serve.mjs 8092 hosts', 8092],
  ].map(([command, port]) => ({
    command,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  })),
});
