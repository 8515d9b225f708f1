// Builds the web pages' scripts and styles (src/pages/*) into the service's static resources,
// so Spring Boot serves every script and style itself (no CDN). Run by the Maven build
// (exec-maven-plugin, phase generate-resources) with the machine's Node.js:
//
//   node src/main/frontend/build.mjs [output directory]
//
// Installs the locked dependencies first (npm ci) when package-lock.json changed since the
// last install, so a warm build needs no network.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '../../../target/classes/static/assets'));
const pages = ['inbox', 'task', 'applications', 'application', 'history', 'dashboard'];

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

function installIfNeeded() {
  const lock = sha256(readFileSync(join(here, 'package-lock.json')));
  const stamp = join(here, 'node_modules', '.installed-lock-sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lock) {
    return;
  }
  console.log('[frontend] npm ci (package-lock.json changed or first build)');
  // --ignore-scripts: nothing here needs an install script (esbuild finds its platform binary
  // package without one), and no dependency's telemetry hook runs.
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd: here,
    stdio: 'inherit',
  });
  if (npm.status !== 0) {
    console.error('[frontend] npm ci failed');
    process.exit(npm.status ?? 1);
  }
  writeFileSync(stamp, lock + '\n');
}

installIfNeeded();
const esbuild = await import('esbuild');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: [...pages.map((p) => `src/pages/${p}.js`), 'src/pages/login.css'],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'files/[name]-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.eot': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  metafile: true,
});

// The pages load /assets/<page>.js?v=<version>: a new build gets a new version.
const hash = createHash('sha256');
for (const file of Object.keys(result.metafile.outputs).sort()) {
  hash.update(file).update(readFileSync(join(here, file)));
}
const version = hash.digest('hex').slice(0, 12);
writeFileSync(join(out, 'build.json'), JSON.stringify({ version, pages }, null, 2) + '\n');
const files = readdirSync(out, { recursive: true }).length;
console.log(`[frontend] built ${pages.length} pages into ${out} (${files} files, version ${version})`);
