// A tiny static server for the built app: serves dist/ at the root and under a sub-path
// (/some/sub/path/) to prove the build works from any sub-path of any static host.
// Usage: node e2e/serve.mjs [port] [dir] [--compress] [--headers]
// With --compress it answers as a static host does: the .br or .gz file beside an asset when the
// browser accepts it, else gzip on the fly for text (the benchmarks measure what users download).
// With --headers it sends the headers of dir/_headers (the Netlify / Cloudflare Pages format that
// the build writes: the strict CSP and CORS) with every file, as those hosts do.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const compress = process.argv.includes('--compress');
const withHeaders = process.argv.includes('--headers');
const port = Number(args[0] ?? 8090);
const root = resolve(args[1] ?? 'dist');
export const SUB_PATH = '/some/sub/path/';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);

async function exists(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

// The "/*" block of _headers: "  Name: value" lines.
async function hostHeaders() {
  if (!withHeaders) return {};
  const text = await readFile(join(root, '_headers'), 'utf8');
  const out = {};
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inBlock = line.trim() === '/*';
    else if (inBlock && line.includes(':')) {
      const at = line.indexOf(':');
      out[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return out;
}

createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.startsWith(SUB_PATH)) path = '/' + path.slice(SUB_PATH.length);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const ext = extname(file);
    const headers = {
      ...(await hostHeaders()),
      'content-type': types[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    let body;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (compress && compressible.has(ext)) {
      headers.vary = 'accept-encoding';
      if (accepts.includes('br') && (await exists(`${file}.br`))) {
        body = await readFile(`${file}.br`);
        headers['content-encoding'] = 'br';
      } else if (accepts.includes('gzip')) {
        body = (await exists(`${file}.gz`)) ? await readFile(`${file}.gz`) : gzipSync(await readFile(file), { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
    }
    body ??= await readFile(file);
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} on http://127.0.0.1:${port}/ and ${SUB_PATH}${compress ? ' (compressed)' : ''}${withHeaders ? ' (with _headers)' : ''}`);
});
