import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { generateDemoTrust } from '../../electron/services/demo-data';
import { BENCH_ADMIN, must } from './bench-support';
import { benchReviews } from './reviews-bench';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gh-bench13-'));
  const core = createCore({ dataDir: dir, host: 'test', log: () => undefined });
  await must(core, 'session:createFirstAdministrator', BENCH_ADMIN);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  generateDemoTrust(core, 50_000, 7);
  await benchReviews(core);
  core.close();
}
void main();
