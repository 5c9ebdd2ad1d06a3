/**
 * The renderer's side of automatic backups and large saves: when a daily backup is due, and how a file goes to main
 * in slices (in order, each at most 4 MiB, with progress), with what was written deleted when a slice fails.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AutoBackup } from '../../electron/ipc';
import type { Platform } from '../../renderer/src/platform';
import { dailyBackupDue } from '../../renderer/src/ui/exchange/auto-backups';
import { writeInSlices } from '../../renderer/src/ui/exchange/file-saving';

const backup = (createdAt: string): AutoBackup => ({ name: 'b.cinefile', createdAt, bytes: 10, films: 1 });

describe('dailyBackupDue', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it.each([
    [[], true],
    [[backup('2026-11-28T11:59:00Z')], true],
    [[backup('2026-11-28T12:01:00Z')], false],
  ])('with backups %j: %s', async (backups, due) => {
    const platform = { listBackups: () => Promise.resolve(backups) } as unknown as Platform;
    expect(await dailyBackupDue(platform, now)).toBe(due);
  });
});

describe('writeInSlices', () => {
  it('sends the bytes in order, in slices of at most 4 MiB, reporting progress, then finishes the save', async () => {
    const bytes = new Uint8Array(9 * 1024 * 1024);
    for (let index = 0; index < bytes.length; index++) bytes[index] = index % 251;
    const received: Uint8Array[] = [];
    const platform = {
      saveFileChunk: vi.fn(({ chunk }: { chunk: Uint8Array }) => {
        received.push(chunk);
        return Promise.resolve();
      }),
      saveFileEnd: vi.fn(() => Promise.resolve({ savedTo: '/home/ann/b.cinefile' })),
    };
    const progress: number[] = [];
    expect(await writeInSlices(platform, 't', bytes, ({ written }) => progress.push(written))).toBe('/home/ann/b.cinefile');
    expect(received.map((chunk) => chunk.length)).toEqual([4 * 1024 * 1024, 4 * 1024 * 1024, 1024 * 1024]);
    const joined = new Uint8Array(bytes.length);
    let offset = 0;
    for (const chunk of received) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    // Compared byte by byte (a deep equality of 9 MiB is slow).
    expect(joined.every((byte, index) => byte === bytes[index])).toBe(true);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(platform.saveFileEnd).toHaveBeenCalledWith({ token: 't' });
  });

  it('cancels the save (main deletes what was written) when a slice fails, and says why', async () => {
    const platform = {
      saveFileChunk: vi.fn(() => Promise.reject(new Error('The disk is full.'))),
      saveFileEnd: vi.fn(() => Promise.resolve({ savedTo: null })),
    };
    await expect(writeInSlices(platform, 't', new Uint8Array(10))).rejects.toThrow('The disk is full.');
    expect(platform.saveFileEnd).toHaveBeenCalledWith({ token: 't', cancel: true });
  });
});
