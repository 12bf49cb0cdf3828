// `npm test`: every check CI runs, in order, stopping at the first that fails, then one closing
// line with the test counts of both suites ("tests: N passed, N failed, N skipped").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-reports'; // not test-results: Playwright empties that folder when it starts
const VITEST_JSON = `${RESULTS}/vitest.json`;
const VITEST_LATER_JSON = `${RESULTS}/vitest-year-ahead.json`;
const PLAYWRIGHT_JSON = `${RESULTS}/playwright.json`;

const stages = [
  ['System packages', 'node', ['build/check-system.mjs']],
  ['Format', 'npx', ['prettier', '--check', '.']],
  ['Lint and dependency rules', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['Types (main and preload)', 'npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['Types (renderer)', 'npx', ['tsc', '-p', 'tsconfig.renderer.json']],
  ['Types (tests)', 'npx', ['tsc', '-p', 'tsconfig.test.json']],
  ['Build', 'node', ['build/build.mjs']],
  [
    'Unit and integration tests (Vitest)',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`],
  ],
  // The same core suite a year ahead (Debian's faketime): a test that depends on the week it was
  // written, rather than on its own clock, fails here at once.
  [
    'Unit and integration tests a year ahead (faketime +365 days)',
    'faketime',
    [
      '-f',
      '+365d',
      'npx',
      'vitest',
      'run',
      '--project',
      'core',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${VITEST_LATER_JSON}`,
    ],
  ],
  [
    'End-to-end tests (Playwright, Chromium)',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
  ],
];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

function counts() {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of [VITEST_JSON, VITEST_LATER_JSON]) {
    if (!existsSync(file)) continue;
    const v = JSON.parse(readFileSync(file, 'utf8'));
    total.passed += v.numPassedTests;
    total.failed += v.numFailedTests;
    total.skipped += v.numPendingTests + v.numTodoTests;
  }
  if (existsSync(PLAYWRIGHT_JSON)) {
    const p = JSON.parse(readFileSync(PLAYWRIGHT_JSON, 'utf8')).stats;
    total.passed += p.expected + p.flaky;
    total.failed += p.unexpected;
    total.skipped += p.skipped;
  }
  return total;
}

let failedStage = null;
for (const [title, command, args, env] of stages) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `--- ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) {
    failedStage = title;
    break;
  }
}
const { passed, failed, skipped } = counts();
if (failedStage) console.log(`\nStopped: ${failedStage} failed.`);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStage || failed > 0 ? 1 : 0);
