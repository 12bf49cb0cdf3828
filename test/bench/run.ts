/** `npm run bench`: the figures the issues name, measured on this machine, in fresh folders. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDamageCheck } from './damage-check-bench';
import { benchFoundation } from './foundation-bench';
import { benchPeopleScreen } from './people-screen-bench';
import { benchRegister } from './register-bench';
import { benchReviewsTrust } from './reviews-trust-bench';
import { benchSmartcard } from './smartcard-bench';
import { benchTrust } from './trust-bench';
import { benchTrustFirstSync } from './trust-first-sync-bench';

async function inFolder(work: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  try {
    await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log('Gatehouse benchmarks (this machine)\n');
  await inFolder(benchFoundation);
  console.log('');
  await inFolder(async (dir) => {
    await benchRegister(dir);
    await benchDamageCheck(dir);
    await benchPeopleScreen(dir);
    await benchSmartcard(dir);
  });
  console.log('');
  await inFolder(benchTrust);
  await inFolder((dir) => benchTrustFirstSync(dir));
  await inFolder((dir) => benchReviewsTrust(dir));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
