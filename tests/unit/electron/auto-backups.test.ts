// Automatic backups in userData/backups: written through the streamed save, pruned to 10, listed newest first,
// read and revealed only by a bare backup name. Real files in a temp profile; the clock is stepped per backup.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_BACKUP_NAME, type AutoBackup } from '../../../electron/ipc';
import { fake, fakeContents, invokeAs, type FakeContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');
const { autoBackupName } = await import('../../../electron/main/auto-backups');
registerIpcHandlers();

const root = mkdtempSync(join(tmpdir(), 'cinefile-backups-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let renderer: FakeContents;
let backups: string;
beforeEach(() => {
  fake.userData = mkdtempSync(join(root, 'profile-'));
  backups = join(fake.userData, 'backups');
  renderer = fakeContents();
  fake.showItemInFolder.mockReset();
  // Only Date is faked, so file system promises still run.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 14, 9, 5, 7));
});
afterEach(() => vi.useRealTimers());

/** Writes one automatic backup the way the renderer does; answers its file name. */
async function backUp(contents: string, films: number, reason: 'quit' | 'daily' = 'daily'): Promise<string> {
  const { token } = (await invokeAs(renderer, 'backup:auto-begin', { reason, films })) as { token: string };
  await invokeAs(renderer, 'file:save-chunk', { token, chunk: new TextEncoder().encode(contents) });
  const { savedTo } = (await invokeAs(renderer, 'file:save-end', { token })) as { savedTo: string };
  return savedTo.slice(backups.length + 1);
}

const list = async (): Promise<AutoBackup[]> => (await invokeAs(renderer, 'backup:list')) as AutoBackup[];
const minutesLater = (minutes: number): void => {
  vi.setSystemTime(Date.now() + minutes * 60_000);
};

describe('autoBackupName', () => {
  it('is cinefile-backup-YYYY-MM-DD-HHmmss.cinefile in local time, with -n for a second one in the same second', () => {
    const date = new Date(2026, 0, 2, 3, 4, 5);
    expect(autoBackupName(date)).toBe('cinefile-backup-2026-01-02-030405.cinefile');
    expect(autoBackupName(date, 2)).toBe('cinefile-backup-2026-01-02-030405-2.cinefile');
    expect(AUTO_BACKUP_NAME.test(autoBackupName(date, 12))).toBe(true);
  });
});

describe('backup:auto-begin', () => {
  it('writes a fresh backup into userData/backups (no dialog) and lists it with its film count', async () => {
    const name = await backUp('{"films":[]}', 3, 'quit');
    expect(name).toBe('cinefile-backup-2026-03-14-090507.cinefile');
    expect(readFileSync(join(backups, name), 'utf8')).toBe('{"films":[]}');
    await expect(list()).resolves.toEqual([
      { name, createdAt: new Date(2026, 2, 14, 9, 5, 7).toISOString(), bytes: 12, films: 3 },
    ]);
    expect(JSON.parse(readFileSync(join(backups, 'index.json'), 'utf8'))).toEqual({
      [name]: { films: 3, createdAt: new Date(2026, 2, 14, 9, 5, 7).toISOString(), reason: 'quit' },
    });
  });

  it('gives two backups started in the same second different names, the later one listed first', async () => {
    const first = await backUp('one', 1);
    const second = await backUp('two', 2);
    expect(second).toBe('cinefile-backup-2026-03-14-090507-2.cinefile');
    expect((await list()).map((backup) => [backup.name, backup.films])).toEqual([
      [second, 2],
      [first, 1],
    ]);
  });

  it('gives backups begun at the same moment different files', async () => {
    const begins = [1, 2, 3].map((films) => invokeAs(renderer, 'backup:auto-begin', { reason: 'daily', films }));
    const tokens = ((await Promise.all(begins)) as { token: string }[]).map(({ token }) => token);
    for (const [i, token] of tokens.entries()) {
      await invokeAs(renderer, 'file:save-chunk', { token, chunk: new TextEncoder().encode(`backup ${i}`) });
    }
    const saved = await Promise.all(tokens.map((token) => invokeAs(renderer, 'file:save-end', { token })));
    expect(new Set(saved.map((answer) => (answer as { savedTo: string }).savedTo)).size).toBe(3);
    expect((await list()).map((backup) => backup.films).sort()).toEqual([1, 2, 3]);
  });

  it('keeps the newest 10 and deletes older ones (and their index entries), newest listed first', async () => {
    const names: string[] = [];
    for (let i = 1; i <= 12; i++) {
      names.push(await backUp(`backup ${i}`, i));
      minutesLater(60);
    }
    const listed = await list();
    expect(listed.map((backup) => backup.name)).toEqual(names.slice(2).reverse());
    expect(listed.map((backup) => backup.films)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(readdirSync(backups).sort()).toEqual([...names.slice(2), 'index.json'].sort());
    expect(Object.keys(JSON.parse(readFileSync(join(backups, 'index.json'), 'utf8')) as object).sort()).toEqual(
      names.slice(2).sort(),
    );
  });

  it('cancelled, leaves nothing (and no index entry)', async () => {
    const { token } = (await invokeAs(renderer, 'backup:auto-begin', { reason: 'daily', films: 1 })) as { token: string };
    await invokeAs(renderer, 'file:save-chunk', { token, chunk: new Uint8Array([1]) });
    await invokeAs(renderer, 'file:save-end', { token, cancel: true });
    expect(readdirSync(backups)).toEqual([]);
    await expect(list()).resolves.toEqual([]);
  });

  it('clears partial files a crash left behind, but not one still being written', async () => {
    mkdirSync(backups);
    writeFileSync(join(backups, 'cinefile-backup-2020-01-01-000000.cinefile.cinefile-partial'), 'half');
    const { token } = (await invokeAs(renderer, 'backup:auto-begin', { reason: 'daily', films: 1 })) as { token: string };
    minutesLater(1);
    await backUp('done', 1);
    expect(readdirSync(backups).filter((file) => file.endsWith('-partial'))).toEqual([
      'cinefile-backup-2026-03-14-090507.cinefile.cinefile-partial',
    ]);
    await invokeAs(renderer, 'file:save-end', { token, cancel: true });
  });

  it('refuses a request without a known reason or a sensible film count', async () => {
    await expect(invokeAs(renderer, 'backup:auto-begin', { reason: 'because', films: 1 })).rejects.toThrow(
      /^backup:auto-begin: invalid request at reason/,
    );
    await expect(invokeAs(renderer, 'backup:auto-begin', { reason: 'quit', films: -1 })).rejects.toThrow(
      /^backup:auto-begin: invalid request at films/,
    );
    await expect(invokeAs(renderer, 'backup:auto-begin', { reason: 'quit', films: 1.5 })).rejects.toThrow(
      /^backup:auto-begin: invalid request at films/,
    );
  });
});

describe('backup:list', () => {
  it('is empty when there is no backups folder yet', async () => {
    await expect(list()).resolves.toEqual([]);
    expect(existsSync(backups)).toBe(false);
  });

  it('tolerates a missing index: films unknown, createdAt read from the name', async () => {
    vi.setSystemTime(new Date(2026, 2, 14, 9, 5, 7, 650));
    const name = await backUp('x', 5);
    rmSync(join(backups, 'index.json'));
    await expect(list()).resolves.toEqual([
      { name, films: null, bytes: 1, createdAt: new Date(2026, 2, 14, 9, 5, 7).toISOString() },
    ]);
  });

  it('tolerates a corrupt index, keeps its well-formed entries, and the next backup rewrites it', async () => {
    const kept = await backUp('a', 1);
    minutesLater(1);
    const damaged = await backUp('b', 2);
    const index = JSON.parse(readFileSync(join(backups, 'index.json'), 'utf8')) as Record<string, object>;
    writeFileSync(join(backups, 'index.json'), JSON.stringify({ ...index, [damaged]: { films: 'many' } }));
    expect((await list()).map((backup) => backup.films)).toEqual([null, 1]);

    writeFileSync(join(backups, 'index.json'), '{ this is not json');
    expect((await list()).map((backup) => backup.films)).toEqual([null, null]);

    minutesLater(1);
    const next = await backUp('c', 3);
    expect((await list()).map((backup) => [backup.name, backup.films])).toEqual([
      [next, 3],
      [damaged, null],
      [kept, null],
    ]);
  });

  it('ignores files that are not backups, and folders or links named like one', async () => {
    await backUp('real', 1);
    writeFileSync(join(backups, 'notes.txt'), 'hello');
    mkdirSync(join(backups, 'cinefile-backup-2026-01-01-000000.cinefile'));
    symlinkSync(join(root), join(backups, 'cinefile-backup-2026-01-02-000000.cinefile'));
    expect((await list()).map((backup) => backup.name)).toEqual(['cinefile-backup-2026-03-14-090507.cinefile']);
  });
});

describe('backup:read and backup:reveal', () => {
  it('read answers the backup’s bytes as a plain Uint8Array; reveal shows it in the file manager', async () => {
    const name = await backUp('{"restore":"me"}', 1);
    const read = (await invokeAs(renderer, 'backup:read', { name })) as Uint8Array;
    expect(Object.getPrototypeOf(read)).toBe(Uint8Array.prototype);
    expect(new TextDecoder().decode(read)).toBe('{"restore":"me"}');
    await invokeAs(renderer, 'backup:reveal', { name });
    expect(fake.showItemInFolder).toHaveBeenCalledWith(join(backups, name));
  });

  it('refuse traversal and anything not named like a backup, in the guard', async () => {
    for (const channel of ['backup:read', 'backup:reveal']) {
      for (const name of [
        '../cinefile-backup-2026-03-14-090507.cinefile',
        'cinefile-backup-2026-03-14-090507.cinefile/../../secret',
        '..\\cinefile-backup-2026-03-14-090507.cinefile',
        '/etc/passwd',
        'index.json',
        'cinefile-backup-2026-03-14-090507.cinefile.cinefile-partial',
        'Cinefile-backup-2026-03-14-090507.cinefile\n',
      ]) {
        await expect(invokeAs(renderer, channel, { name }), `${channel} ${name}`).rejects.toThrow(
          `${channel}: invalid request at name: an automatic backup file name`,
        );
      }
    }
    expect(fake.showItemInFolder).not.toHaveBeenCalled();
  });

  it('refuse a well-formed name that is not a backup in the folder (missing, a folder, or a link out)', async () => {
    mkdirSync(backups);
    writeFileSync(join(root, 'outside.txt'), 'private');
    symlinkSync(join(root, 'outside.txt'), join(backups, 'cinefile-backup-2026-01-02-000000.cinefile'));
    mkdirSync(join(backups, 'cinefile-backup-2026-01-03-000000.cinefile'));
    for (const name of [
      'cinefile-backup-2026-01-01-000000.cinefile',
      'cinefile-backup-2026-01-02-000000.cinefile',
      'cinefile-backup-2026-01-03-000000.cinefile',
    ]) {
      await expect(invokeAs(renderer, 'backup:read', { name })).rejects.toThrow(
        `There is no automatic backup called "${name}".`,
      );
      await expect(invokeAs(renderer, 'backup:reveal', { name })).rejects.toThrow(
        `There is no automatic backup called "${name}".`,
      );
    }
    expect(fake.showItemInFolder).not.toHaveBeenCalled();
  });
});
