// README screenshots of each main screen, from the demo Trust (`gatehouse demo`), so they stay
// current: `npm run screenshots` (after `npm run build`). Writes docs/screenshots/<screen>.png.
// Uses Debian's Chromium like the end-to-end tests (GATEHOUSE_CHROMIUM to override).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const CLI = join('dist', 'cli', 'gatehouse.cjs');
const OUT = join('docs', 'screenshots');
const ADMIN = { name: 'Ada Administrator', passphrase: 'lantern orchard quietly 42' };
const PEOPLE = Number(process.env.SCREENSHOT_PEOPLE ?? 2000);
const VIEWPORT = { width: 1366, height: 800 };

function cli(dataDir, passFile, args) {
  const result = spawnSync(
    process.execPath,
    [CLI, ...args, '--data-dir', dataDir, '--passphrase-file', passFile],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`gatehouse ${args.join(' ')} failed: ${result.stderr}`);
}

function startWeb(dataDir) {
  const child = spawn(process.execPath, [CLI, 'web', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString('utf8');
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`gatehouse web exited with ${code}`)));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-screenshots-'));
const passFile = join(dataDir, 'passphrase.txt');
writeFileSync(passFile, `${ADMIN.passphrase}\n`, { mode: 0o600 });
mkdirSync(OUT, { recursive: true });
let web;
let browser;
try {
  cli(dataDir, passFile, ['init', '--admin', ADMIN.name]);
  cli(dataDir, passFile, ['demo', '--people', String(PEOPLE), '--seed', '1', '--as', ADMIN.name]);
  web = await startWeb(dataDir);
  browser = await chromium.launch({
    executablePath: process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(web.url);
  await page.getByLabel('Name').fill(ADMIN.name);
  await page.getByLabel('Passphrase').fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'I understand and agree' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  const shoot = async (file) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(OUT, `${file}.png`) });
    console.error(`Wrote ${join(OUT, `${file}.png`)}`);
  };
  const screens = [
    ['Home', 'home'],
    ['People', 'people'],
    ['Requests', 'requests'],
    ['Catalogue', 'catalogue'],
    ['Reports', 'reports'],
    ['Leavers', 'leavers'],
    ['Downtime', 'downtime'],
    ['Audit', 'audit'],
  ];
  for (const [name, file] of screens) {
    await nav.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await shoot(file);
    if (file === 'people') {
      await page.getByRole('listbox', { name: 'People found' }).getByRole('option').first().click();
      await page.getByRole('heading', { level: 2, name: 'Accounts' }).waitFor();
      await shoot('person');
    }
    if (file === 'requests') {
      await page.getByRole('main').getByRole('table').getByRole('link').first().click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await shoot('request');
    }
  }
} finally {
  await browser?.close();
  web?.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
