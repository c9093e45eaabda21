import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkContentAddressedFiles,
  copyContentAddressedFiles,
  listBaseBackups,
  pruneBackups,
  restoreToTime,
  walArchiveOf,
  type BaseBackupManifest,
} from './backup.js';
import { archivingFlags } from './postgres.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const objectPath = (root: string, hash: string) => join(root, hash.slice(0, 2), hash.slice(2, 4), hash);

async function putObject(root: string, content: string, name = sha256(content)): Promise<string> {
  await mkdir(join(objectPath(root, name), '..'), { recursive: true });
  await writeFile(objectPath(root, name), content);
  return name;
}

/** A base backup folder as takeBaseBackup leaves it (without the data copy, which these rules never read). */
async function fakeBaseBackup(backupDir: string, label: string, stoppedAt: string, startWalFile: string): Promise<void> {
  const manifest: Partial<BaseBackupManifest> = { label, startedAt: stoppedAt, stoppedAt, startWalFile, stopWalFile: startWalFile, timeline: 1 };
  await mkdir(join(backupDir, 'base', label, 'data'), { recursive: true });
  await writeFile(join(backupDir, 'base', label, 'backup.json'), JSON.stringify(manifest));
}

describe('backups of content-addressed evidence files', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'aqtalu-backup-spec-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('copies only the objects the backup lacks, and leaves uploads in transit alone', async () => {
    const store = join(root, 'files');
    const backup = join(root, 'backup');
    const first = await putObject(store, 'протокол тройки');
    await putObject(join(store, 'tmp'), 'half an upload', sha256('half an upload'));
    expect(await copyContentAddressedFiles(store, backup)).toMatchObject({ copied: 1, present: 0, corrupt: [] });
    const second = await putObject(store, 'акт о расстреле');
    expect(await copyContentAddressedFiles(store, backup)).toMatchObject({ copied: 1, present: 1, corrupt: [] });
    expect(existsSync(objectPath(backup, first)) && existsSync(objectPath(backup, second))).toBe(true);
    expect(await readdir(backup)).not.toContain('tmp');
  });

  it('refuses to back up an object whose bytes no longer match its name, and names it', async () => {
    const store = join(root, 'files');
    const name = sha256('original scan');
    await putObject(store, 'altered scan', name);
    const outcome = await copyContentAddressedFiles(store, join(root, 'backup'));
    expect(outcome).toMatchObject({ copied: 0, corrupt: [objectPath(store, name)] });
    expect(existsSync(objectPath(join(root, 'backup'), name))).toBe(false);
  });

  it('tells missing and altered objects apart when checking a restored store', async () => {
    const good = await putObject(root, 'good');
    const altered = await putObject(root, 'tampered', sha256('as uploaded'));
    const absent = sha256('never backed up');
    expect(await checkContentAddressedFiles(root, [good, altered, absent, good])).toEqual({ checked: 3, missing: [absent], corrupt: [altered] });
  });
});

describe('base backups and the WAL archive', () => {
  let backupDir: string;
  beforeEach(async () => {
    backupDir = await mkdtemp(join(tmpdir(), 'aqtalu-backup-spec-'));
  });
  afterEach(async () => {
    await rm(backupDir, { recursive: true, force: true });
  });

  it('keeps the newest base backups and the WAL from the oldest kept one on, across timelines', async () => {
    await fakeBaseBackup(backupDir, 'monday', '2026-05-04T00:00:00.000Z', '000000010000000000000002');
    await fakeBaseBackup(backupDir, 'tuesday', '2026-05-05T00:00:00.000Z', '000000010000000000000009');
    await fakeBaseBackup(backupDir, 'wednesday', '2026-05-06T00:00:00.000Z', '000000020000000000000011');
    await mkdir(join(backupDir, 'base', 'thursday.partial'), { recursive: true });
    const wal = walArchiveOf(backupDir);
    await mkdir(wal, { recursive: true });
    const segments = ['000000010000000000000002', '000000010000000000000008', '000000010000000000000009', '000000020000000000000011', '00000002.history'];
    for (const name of segments) await writeFile(join(wal, `${name}.gz`), '');

    expect(await pruneBackups(backupDir, 2)).toEqual({ removedBackups: ['monday'], removedWalFiles: 2 });
    expect((await listBaseBackups(backupDir)).map((backup) => backup.label)).toEqual(['tuesday', 'wednesday']);
    expect((await readdir(wal)).sort()).toEqual(['000000010000000000000009.gz', '00000002.history.gz', '000000020000000000000011.gz']);
    await expect(pruneBackups(backupDir, 0)).rejects.toThrow('keep at least one base backup');
  });

  it('names the earliest restorable moment when no base backup had finished by the target', async () => {
    await fakeBaseBackup(backupDir, 'monday', '2026-05-04T00:00:00.000Z', '000000010000000000000002');
    await expect(
      restoreToTime({ backupDir, target: new Date('2026-05-03T12:00:00Z'), dataDir: join(backupDir, 'restored'), port: 1 }),
    ).rejects.toThrow('the earliest moment these backups can restore is 2026-05-04T00:00:00.000Z');
  });

  it('refuses a base backup whose WAL is not in the archive, naming the segments', async () => {
    await fakeBaseBackup(backupDir, 'monday', '2026-05-04T00:00:00.000Z', '0000000100000000000000FF');
    await expect(restoreToTime({ backupDir, target: 'latest', dataDir: join(backupDir, 'restored'), port: 1 })).rejects.toThrow(
      'lacks 0000000100000000000000FF',
    );
  });

  it('never restores over a folder that holds data', async () => {
    await fakeBaseBackup(backupDir, 'monday', '2026-05-04T00:00:00.000Z', '000000010000000000000002');
    await mkdir(walArchiveOf(backupDir), { recursive: true });
    await writeFile(join(walArchiveOf(backupDir), '000000010000000000000002.gz'), '');
    const current = join(backupDir, 'current');
    await mkdir(current);
    await writeFile(join(current, 'PG_VERSION'), '18');
    await expect(restoreToTime({ backupDir, target: 'latest', dataDir: current, port: 1 })).rejects.toThrow('is not empty');
  });

  it('archives with a command that never leaves half a segment under its real name and accepts a repeat of the same segment', () => {
    const flags = archivingFlags('/srv/backups/wal', 60);
    const command = flags.find((flag) => flag.startsWith('archive_command='))!;
    expect(command).toMatch(/^archive_command=if test -f '\/srv\/backups\/wal\/%f\.gz'; then gzip -dc '\/srv\/backups\/wal\/%f\.gz' \| cmp -s - %p; else gzip -1 -c %p > '\/srv\/backups\/wal\/%f\.gz'\.tmp/);
    expect(command).toContain(`mv '/srv/backups/wal/%f.gz'.tmp '/srv/backups/wal/%f.gz'`);
    expect(flags).toContain('archive_timeout=60');
    expect(() => archivingFlags("/srv/o'brien/wal", 60)).toThrow('choose another AQTALU_BACKUP_DIR');
  });
});
