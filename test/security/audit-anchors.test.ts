/**
 * Issue 10 §1: the audit head anchored outside the store (checkpoint files, report side files,
 * backups); `gatehouse audit verify --against FILE…` detects truncation or rewriting before an anchor.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChainStatus } from '../../shared/model';
import { decodeBackup } from '../../electron/store/backup-file';
import type { Db } from '../../electron/store/database';
import { initStore, runGatehouse } from '../support/run-cli';
import { must, signedInCore, tempDir } from '../support/temp-core';
import { dropTriggers, rehashFrom } from './insider';

const ADA = { name: 'Ada Admin', passphrase: 'lantern orchard quietly 42' };

/** Open the CLI's store as an insider does and change it directly. */
async function tamper(dir: string, change: (db: Db, key: Buffer) => void) {
  const core = await signedInCore(join(dir, 'store'), ADA);
  const store = core.session.store!;
  dropTriggers(store.db);
  change(store.db, store.signingKey);
  core.session.end('signed-out');
  core.close();
}

describe('anchors outside the store (issue 10 §1)', () => {
  it('writes a signed checkpoint that verify --against accepts', () => {
    const dir = tempDir();
    const flags = initStore(dir);
    const out = join(dir, 'checkpoint.json');
    const made = runGatehouse(['audit', 'checkpoint', '--out', out, ...flags]);
    expect(made.code, made.stderr).toBe(0);
    const anchor = JSON.parse(readFileSync(out, 'utf8'));
    expect(anchor).toMatchObject({ format: 'gatehouse-audit-anchor', version: 1 });
    expect(anchor.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    const verified = runGatehouse(['audit', 'verify', '--against', out, ...flags]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('The store holds every anchored head (1 file).');
  });

  it('reads the anchor a report PDF carries, and on a workstation of its own prints no Trust chain (issue 11 §3)', () => {
    const dir = tempDir();
    const flags = initStore(dir);
    const pdf = join(dir, 'accounts.pdf');
    const report = runGatehouse(['report', 'accounts', '--format', 'pdf', '--out', pdf, ...flags]);
    expect(report.code, report.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Audit head at export: event \d+, hash [0-9a-f]{64}/);
    expect(text).not.toContain('Trust register head');
    const verified = runGatehouse(['audit', 'verify', '--against', pdf, ...flags]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('The store holds every anchored head (1 file).');
    expect(verified.stdout).not.toContain('Trust chain');
    const json = JSON.parse(runGatehouse(['audit', 'verify', '--json', ...flags]).stdout);
    expect(json).toMatchObject({ valid: true, trust: null });
    // A PDF that is not a Gatehouse report is named as such, not taken for one.
    const other = join(dir, 'other.pdf');
    writeFileSync(other, '%PDF-1.7\nnot really\n');
    const refused = runGatehouse(['audit', 'verify', '--against', other, ...flags]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`${other} is not a Gatehouse audit anchor.`);
  });

  it('names the anchor when the newest events were deleted back past it', async () => {
    const dir = tempDir();
    const flags = initStore(dir);
    const out = join(dir, 'checkpoint.json');
    expect(runGatehouse(['audit', 'checkpoint', '--out', out, ...flags]).code).toBe(0);
    const { seq } = JSON.parse(readFileSync(out, 'utf8')) as { seq: number };
    const anchor = JSON.parse(readFileSync(out, 'utf8')) as unknown;
    // Straight after the deletion, through the core: the store ends before the anchored event.
    const core = await signedInCore(join(dir, 'store'), ADA);
    dropTriggers(core.session.store!.db);
    core.session.store!.db.prepare('DELETE FROM audit_events WHERE seq >= ?').run(seq - 1);
    const verdict = await must<ChainStatus>(core, 'audit:verify', { anchors: [{ source: out, anchor }] });
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toContain(
      `${out} anchors event ${seq}, but the store now ends at event ${seq - 2}: events ${seq - 1}–${seq} were deleted.`,
    );
    core.session.end('signed-out');
    core.close();
    // Later, once new events have filled the gap, the CLI still names the anchor.
    const verified = runGatehouse(['audit', 'verify', '--against', out, ...flags]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(
      new RegExp(
        `${out} anchors event ${seq} with hash .*: events at or before it were deleted or rewritten`,
      ),
    );
  });

  it('names the anchor when an event before it was rewritten and the rest re-hashed', async () => {
    const dir = tempDir();
    const flags = initStore(dir);
    const out = join(dir, 'checkpoint.json');
    expect(runGatehouse(['audit', 'checkpoint', '--out', out, ...flags]).code).toBe(0);
    const { seq } = JSON.parse(readFileSync(out, 'utf8')) as { seq: number };
    // Ada herself rewrites her own history: her signatures still fit, only the anchor can tell.
    await tamper(dir, (db, key) => {
      db.prepare(`UPDATE audit_events SET reason = 'nothing to see' WHERE seq = 2`).run();
      rehashFrom(db, 2, key);
    });
    const verified = runGatehouse(['audit', 'verify', '--against', out, ...flags]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(
      new RegExp(`${out} anchors event ${seq} with hash [0-9a-f]{64}, but the store's event ${seq} has hash`),
    );
  });

  it('refuses an anchor whose head was edited after signing', () => {
    const dir = tempDir();
    const flags = initStore(dir);
    const out = join(dir, 'checkpoint.json');
    expect(runGatehouse(['audit', 'checkpoint', '--out', out, ...flags]).code).toBe(0);
    const anchor = JSON.parse(readFileSync(out, 'utf8'));
    writeFileSync(out, JSON.stringify({ ...anchor, seq: anchor.seq - 1 }));
    const verified = runGatehouse(['audit', 'verify', '--against', out, ...flags]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(`${out} does not carry the signature of Ada Admin`);
  });

  it('puts an anchor beside an exported CSV and in every backup', async () => {
    const dir = tempDir();
    const flags = initStore(dir);
    const csv = join(dir, 'accounts.csv');
    const report = runGatehouse(['report', 'accounts', '--format', 'csv', '--out', csv, ...flags]);
    expect(report.code, report.stderr).toBe(0);
    const side = join(dir, 'accounts.anchor.json');
    expect(existsSync(side)).toBe(true);
    expect(readFileSync(csv, 'utf8')).not.toContain('gatehouse-audit-anchor');
    const backupFile = join(dir, 'store.gatehouse-backup');
    const made = runGatehouse(['backup', '--to', backupFile, ...flags]);
    expect(made.code, made.stderr).toBe(0);
    expect(decodeBackup(readFileSync(backupFile), backupFile).auditAnchor).toMatchObject({
      format: 'gatehouse-audit-anchor',
    });
    const verified = runGatehouse(['audit', 'verify', '--against', side, backupFile, ...flags]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('(2 files)');
    // Through the core as well: a store cut back before the report's head fails against it.
    const core = await signedInCore(join(dir, 'store'), ADA);
    const anchor = JSON.parse(readFileSync(side, 'utf8'));
    const verdict = await must<ChainStatus>(core, 'audit:verify', { anchors: [{ source: side, anchor }] });
    expect(verdict.valid).toBe(true);
    core.close();
  });
});
