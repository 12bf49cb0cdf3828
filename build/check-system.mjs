// Before the tests: say plainly which system package is missing and how to install it, rather
// than letting a test fail obscurely later.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const problems = [];
const chromium = process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  problems.push(
    `Chromium is missing (${chromium}); the end-to-end tests drive it. Install it with: sudo apt-get install chromium`,
  );
}
if (!existsSync('/usr/bin/pdftotext')) {
  problems.push(
    'pdftotext is missing; the report tests read the PDFs Gatehouse writes with it. Install it with: sudo apt-get install poppler-utils',
  );
}
for (const [path, pkg, why] of [
  ['/usr/sbin/pcscd', 'pcscd', 'the smartcard tests talk to the real PC/SC daemon'],
  ['/usr/lib/pcsc/drivers/serial/libifdvpcd.so', 'vsmartcard-vpcd', 'it gives pcscd the virtual readers'],
  [
    '/usr/lib/python3/site-packages/virtualsmartcard',
    'python3-virtualsmartcard',
    'it plays the virtual cards',
  ],
  ['/usr/bin/pcsc_scan', 'pcsc-tools', 'the smartcard tests ask pcscd whether it is up with it'],
  ['/usr/bin/openssl', 'openssl', 'the smartcard tests make certificates with it'],
  ['/usr/lib/softhsm/libsofthsm2.so', 'softhsm2', 'the PKCS#11 route is tested against it'],
  ['/usr/bin/pkcs11-tool', 'opensc', 'the PKCS#11 test puts its certificate on the token with it'],
  [
    '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1',
    'faketime',
    'the tests run child processes on their own clock, and the core suite again a year ahead',
  ],
  [
    '/usr/bin/strace',
    'strace',
    'the crash replays kill the CLI at each rename of a backup or restore with it',
  ],
  [
    '/usr/lib/postgresql/15/bin/initdb',
    'postgresql',
    'the Trust register tests start throwaway PostgreSQL clusters with it',
  ],
]) {
  if (!existsSync(path))
    problems.push(`${pkg} is missing: ${why}. Install it with: sudo apt-get install ${pkg}`);
}
try {
  createRequire(import.meta.url)('smartcard');
} catch (error) {
  problems.push(
    `The smartcard module did not load (${error.message.split('\n')[0]}). It builds against the PC/SC library: sudo apt-get install libpcsclite-dev, then npm ci again.`,
  );
}
try {
  const Database = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers');
  new Database(':memory:').close();
} catch (error) {
  problems.push(
    `The SQLite cipher module did not load (${error.message.split('\n')[0]}). ` +
      'It builds from source: install python3, make and g++ (sudo apt-get install python3 make g++), then run npm ci again.',
  );
}
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19))
  problems.push(`Node ${process.versions.node} is too old; Gatehouse needs Node 20.19 or newer.`);

if (problems.length > 0) {
  console.error(`Gatehouse cannot run its tests on this machine yet:\n- ${problems.join('\n- ')}\n`);
  console.error('All of these are installed by: sudo build/install-system-deps.sh');
  process.exit(2);
}
