// Builds the app's WebAssembly in parts (a Trunk "build" hook, Trunk.toml; also runs alone):
//
//   1. cargo build for wasm32 (release or debug, as Trunk builds), linked with relocations kept
//      (`-Clink-args=--emit-relocs`, in .cargo/config.toml) so the module can be split;
//   2. wasm-split-cli: the module fetched at start, one module per split point (the parts of
//      the page loaded when first shown, src/components/lazy.rs), shared chunks, and
//      __wasm_split.js, their loader;
//   3. wasm-bindgen on the module fetched at start (--keep-lld-exports: the parts link against
//      its function table);
//   4. release: wasm-opt -Oz on every module;
//   5. every file named with one hash of the whole build (the glue and the loader import each
//      other, so one hash names both), written to Trunk's staging folder with
//      wasm-manifest.json, from which scripts/postbuild.mjs writes boot.js and sw.js;
//   6. the first screen of a first visit as HTML (`ccp prepaint`), for index.html.
//
// Trunk 0.21 cannot split a module (trunk-rs/trunk issue 1022), and a module with split
// points must go through the splitter (wasm-bindgen alone leaves an import from
// "__wasm_split_placeholder__"), so every build, development ones included, takes this path.
//
// Usage: node scripts/wasm.mjs [--release] [outdir]  (under Trunk: TRUNK_PROFILE and
// TRUNK_STAGING_DIR say which and where)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const release = args.includes('--release') || (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const out = process.env.TRUNK_STAGING_DIR ?? args.find((a) => !a.startsWith('--')) ?? join(root, 'dist');
const NAME = 'customer-cost-planner';
const profile = release ? 'release' : 'debug';
const work = join(root, 'target', 'ccp-wasm', profile);

const run = (command, list, options = {}) => execFileSync(command, list, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root, ...options });
const started = Date.now();

// 1. The module, with relocations for the splitter.
run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--bin', NAME, ...(release ? ['--release'] : [])]);
const input = join(root, 'target', 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);

// 2. Split.
rmSync(work, { recursive: true, force: true });
const split = join(work, 'split');
mkdirSync(split, { recursive: true });
run('wasm-split-cli', [input, split, '--out-name', NAME, '--target', 'web']);

// 3. Bindings for the module fetched at start.
const main = join(work, `${NAME}.wasm`);
renameSync(join(split, `${NAME}.wasm`), main);
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript', '--out-name', NAME, '--out-dir', split, main]);

// 4. Optimise (the same features the browsers we support have; see ../shared/ENVIRONMENT.md for
//    why this wasm-opt is npm's binaryen@132 and not Debian's).
const modules = readdirSync(split).filter((f) => f.endsWith('.wasm'));
if (release) {
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue', '--enable-mutable-globals'];
  for (const f of modules) {
    const file = join(split, f);
    // CCP_WASM_NAMES=1 keeps the function names, for a profile of a release build.
    const names = process.env.CCP_WASM_NAMES === '1' ? ['-g'] : [];
    run('wasm-opt', ['-Oz', ...names, ...features, file, '-o', `${file}.opt`]);
    renameSync(`${file}.opt`, file);
  }
}

// 5. Names with the build's hash, and the references between the files rewritten.
const walk = (dir, sub = '') => readdirSync(join(dir, sub), { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(dir, join(sub, e.name)) : [join(sub, e.name)]));
const files = walk(split).sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(split, f)));
const H = hash.digest('hex').slice(0, 16);
const renamed = new Map();
for (const f of files) {
  if (f.startsWith('snippets/')) continue;
  renamed.set(f, f.replace(/(_bg)?\.(js|wasm)$/, (m) => `-${H}${m}`));
}
// wasm-bindgen's snippets keep their folder, under a folder of this build.
const snippets = `snippets-${H}`;
// Only where a file is loaded (an import's `from`, a `new URL(…)`): the glue's table of imports
// is keyed by the module names the wasm itself imports, which stay as they are.
const rewrite = (text) => text
  .replace(/(from\s*["'])\.\/snippets\//g, `$1./${snippets}/`)
  .replace(/(from\s*["']\.\/|new URL\(\s*["'](?:\.\/)?)([^"']+)(["'])/g, (m, head, file, tail) => (renamed.has(file) ? `${head}${renamed.get(file)}${tail}` : m));
for (const f of readdirSync(out).filter((f) => /^(customer-cost-planner|__wasm_split|split_|chunk_)[^/]*\.(js|wasm)$|^snippets-/.test(f))) {
  rmSync(join(out, f), { recursive: true, force: true });
}
for (const f of files) {
  const target = f.startsWith('snippets/') ? join(snippets, f.slice('snippets/'.length)) : renamed.get(f);
  mkdirSync(join(out, target, '..'), { recursive: true });
  const data = readFileSync(join(split, f));
  writeFileSync(join(out, target), f.endsWith('.js') ? rewrite(data.toString('utf8')) : data);
}
// 6. The first screen of a first visit, in both languages, painted before the wasm arrives:
//    written by the native model (`ccp prepaint`), put into index.html by postbuild.mjs.
for (const lang of ['zh-CN', 'en']) {
  const html = execFileSync('cargo', ['run', '--quiet', '--no-default-features', '--bin', 'ccp', '--', 'prepaint', '--lang', lang], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  writeFileSync(join(out, `prepaint-${lang}.html`), html.trim());
}

const manifest = {
  hash: H,
  js: renamed.get(`${NAME}.js`),
  wasm: renamed.get(`${NAME}_bg.wasm`),
  loader: renamed.get('__wasm_split.js') ?? null,
  parts: [...renamed.values()].filter((f) => /^split_.*\.wasm$/.test(f)),
  chunks: [...renamed.values()].filter((f) => /^chunk_.*\.wasm$/.test(f)),
};
writeFileSync(join(out, 'wasm-manifest.json'), JSON.stringify(manifest, null, 2));
const size = (f) => statSync(join(out, f)).size;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`wasm: ${profile} build ${H} in ${((Date.now() - started) / 1000).toFixed(1)} s: start ${kb(size(manifest.wasm))}, ${manifest.parts.map((p) => `${p.replace(/-[0-9a-f]+\.wasm$/, '')} ${kb(size(p))}`).join(', ')}${manifest.chunks.length ? `, ${manifest.chunks.length} shared chunk(s) ${kb(manifest.chunks.reduce((s, c) => s + size(c), 0))}` : ''}`);
