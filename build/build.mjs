// Builds everything the app and the CLI run from: dist/electron (main, preload), dist/cli and
// dist/renderer. esbuild bundles the Node side to CommonJS (a sandboxed preload must be CommonJS);
// native modules and electron itself stay external.
import { build as esbuild } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { build as viteBuild } from 'vite';

const external = ['electron', 'better-sqlite3-multiple-ciphers', 'smartcard', 'pkcs11js'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external,
  logLevel: 'warning',
  sourcemap: true,
};

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/hosts/cli/main.ts'], outfile: 'dist/cli/gatehouse.cjs' }),
]);
chmodSync('dist/cli/gatehouse.cjs', 0o755);
// Always the production renderer, whoever runs the build: Vite takes NODE_ENV from the environment,
// and under Vitest (NODE_ENV=test, the tests' global setup) it built React's development bundle,
// whose StrictMode mounts every screen twice: the Person screen read the record twice and recorded
// two views (USE-3) in every end-to-end run that followed a Vitest run.
process.env.NODE_ENV = 'production';
await viteBuild({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'warn' });
console.error('Built dist/electron, dist/cli and dist/renderer.');
