// Streamed saves (file:save-begin / -chunk / -end), called as the renderer would, through the guard, on real files.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CHUNK_BYTES } from '../../../electron/ipc';
import { fake, fakeContents, invokeAs, type FakeContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');
const saves = await import('../../../electron/main/file-saves');
registerIpcHandlers();

const root = mkdtempSync(join(tmpdir(), 'cinefile-saves-'));
fake.documents = join(root, 'Documents');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folder: string;
let renderer: FakeContents;
beforeEach(() => {
  folder = mkdtempSync(join(root, 'case-'));
  renderer = fakeContents();
  fake.showSaveDialog.mockReset();
});

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const filters = [{ name: 'Cinefile backup', extensions: ['cinefile'] }];

/** Opens a save whose dialog answers `chosen`; returns its token. */
async function begin(chosen: string, sender = renderer): Promise<string> {
  fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
  const begun = (await invokeAs(sender, 'file:save-begin', { suggestedName: 'films.cinefile', filters })) as {
    token: string;
    fileName: string;
  };
  return begun.token;
}

describe('file:save-begin', () => {
  it('offers Documents/<suggested name>, answers an unguessable token and the chosen name, and writes nothing yet', async () => {
    const chosen = join(folder, 'my films.cinefile');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const begun = await invokeAs(renderer, 'file:save-begin', { suggestedName: 'films.cinefile', filters });
    expect(begun).toEqual({ token: expect.stringMatching(/^[0-9a-f-]{36}$/), fileName: 'my films.cinefile' });
    expect(fake.showSaveDialog).toHaveBeenCalledWith({ defaultPath: join(fake.documents, 'films.cinefile'), filters });
    expect(existsSync(chosen)).toBe(false);
    await invokeAs(renderer, 'file:save-end', { token: (begun as { token: string }).token, cancel: true });
  });

  it('answers null and opens nothing when the person cancels the dialog', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const open = saves.openSaveCount();
    await expect(invokeAs(renderer, 'file:save-begin', { suggestedName: 'x.cinefile', filters })).resolves.toBeNull();
    expect(saves.openSaveCount()).toBe(open);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('file:save-chunk and file:save-end', () => {
  it('writes exactly the chunks, in order, then renames onto the chosen file (replacing it) and answers where', async () => {
    const chosen = join(folder, 'films.cinefile');
    writeFileSync(chosen, 'the previous backup');
    const token = await begin(chosen);

    // Sent without waiting for each other, as a hurried renderer might: they still land in order.
    await Promise.all([
      invokeAs(renderer, 'file:save-chunk', { token, chunk: bytes(1, 2, 3) }),
      invokeAs(renderer, 'file:save-chunk', { token, chunk: new Uint8Array(100_000).fill(7) }),
      invokeAs(renderer, 'file:save-chunk', { token, chunk: bytes() }),
      invokeAs(renderer, 'file:save-chunk', { token, chunk: bytes(9) }),
    ]);
    // Until the end, the chosen file is untouched and the bytes sit in the partial file beside it.
    expect(readFileSync(chosen, 'utf8')).toBe('the previous backup');
    expect(readdirSync(folder).sort()).toEqual(['films.cinefile', 'films.cinefile.cinefile-partial']);

    await expect(invokeAs(renderer, 'file:save-end', { token })).resolves.toEqual({ savedTo: chosen });
    const written = new Uint8Array(readFileSync(chosen));
    expect(written.byteLength).toBe(100_004);
    expect([...written.subarray(0, 4)]).toEqual([1, 2, 3, 7]);
    expect(written.at(-1)).toBe(9);
    expect(readdirSync(folder)).toEqual(['films.cinefile']);
  });

  it('on cancel leaves neither the file nor the partial, and keeps a file it would have replaced', async () => {
    const fresh = join(folder, 'new.cinefile');
    const token = await begin(fresh);
    await invokeAs(renderer, 'file:save-chunk', { token, chunk: bytes(1, 2) });
    await expect(invokeAs(renderer, 'file:save-end', { token, cancel: true })).resolves.toEqual({ savedTo: null });
    expect(readdirSync(folder)).toEqual([]);

    const existing = join(folder, 'kept.cinefile');
    writeFileSync(existing, 'keep me');
    const second = await begin(existing);
    await invokeAs(renderer, 'file:save-chunk', { token: second, chunk: bytes(1) });
    await invokeAs(renderer, 'file:save-end', { token: second, cancel: true });
    expect(readdirSync(folder)).toEqual(['kept.cinefile']);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });

  it('spends a token at the end: a second end or a later chunk is refused', async () => {
    const token = await begin(join(folder, 'once.cinefile'));
    await invokeAs(renderer, 'file:save-end', { token });
    await expect(invokeAs(renderer, 'file:save-end', { token })).rejects.toThrow('This save is not open.');
    await expect(invokeAs(renderer, 'file:save-chunk', { token, chunk: bytes(1) })).rejects.toThrow(
      'This save is not open.',
    );
  });

  it('refuses an unknown token, and another window’s token, with the same message, and writes nothing', async () => {
    const chosen = join(folder, 'mine.cinefile');
    const token = await begin(chosen);
    const otherWindow = fakeContents();
    const unknown = crypto.randomUUID();
    await expect(invokeAs(renderer, 'file:save-chunk', { token: unknown, chunk: bytes(1) })).rejects.toThrow(
      'This save is not open.',
    );
    await expect(invokeAs(otherWindow, 'file:save-chunk', { token, chunk: bytes(6, 6, 6) })).rejects.toThrow(
      'This save is not open.',
    );
    await expect(invokeAs(otherWindow, 'file:save-end', { token })).rejects.toThrow('This save is not open.');
    // The owner's save is unharmed by those attempts.
    await invokeAs(renderer, 'file:save-chunk', { token, chunk: bytes(4, 2) });
    await invokeAs(renderer, 'file:save-end', { token });
    expect([...readFileSync(chosen)]).toEqual([4, 2]);
  });

  it('refuses malformed requests in the guard: a token that is not a UUID, a chunk over 8 MB, a chunk not of bytes', async () => {
    const token = await begin(join(folder, 'guarded.cinefile'));
    await expect(invokeAs(renderer, 'file:save-chunk', { token: '../../etc', chunk: bytes(1) })).rejects.toThrow(
      'file:save-chunk: invalid request at token: a save token',
    );
    await expect(
      invokeAs(renderer, 'file:save-chunk', { token, chunk: new Uint8Array(MAX_CHUNK_BYTES + 1) }),
    ).rejects.toThrow('file:save-chunk: invalid request at chunk: a chunk of at most 8 MB');
    await expect(invokeAs(renderer, 'file:save-chunk', { token, chunk: [1, 2, 3] })).rejects.toThrow(
      /^file:save-chunk: invalid request at chunk/,
    );
    await expect(invokeAs(renderer, 'file:save-end', { token, cancel: 'yes' })).rejects.toThrow(
      /^file:save-end: invalid request at cancel/,
    );
    // An exactly-8-MB chunk is fine.
    await invokeAs(renderer, 'file:save-chunk', { token, chunk: new Uint8Array(MAX_CHUNK_BYTES) });
    await invokeAs(renderer, 'file:save-end', { token, cancel: true });
  });

  it('deletes the partial file of every save still open when its window goes away', async () => {
    const first = await begin(join(folder, 'a.cinefile'));
    await begin(join(folder, 'b.cinefile'));
    await invokeAs(renderer, 'file:save-chunk', { token: first, chunk: bytes(1, 2, 3) });
    const bystander = fakeContents();
    const theirs = await begin(join(folder, 'theirs.cinefile'), bystander);
    expect(readdirSync(folder)).toHaveLength(3);

    renderer.emit('destroyed');
    await vi.waitFor(() => expect(readdirSync(folder)).toEqual(['theirs.cinefile.cinefile-partial']));
    await expect(invokeAs(renderer, 'file:save-end', { token: first })).rejects.toThrow('This save is not open.');
    await invokeAs(bystander, 'file:save-end', { token: theirs, cancel: true });
  });

  it('stops listening to the window once its saves are over', async () => {
    const listening = renderer.listenerCount('destroyed');
    const token = await begin(join(folder, 'quiet.cinefile'));
    expect(renderer.listenerCount('destroyed')).toBe(listening + 1);
    await invokeAs(renderer, 'file:save-end', { token });
    expect(renderer.listenerCount('destroyed')).toBe(listening);
    expect(renderer.listenerCount('render-process-gone')).toBe(0);
  });
});

describe('file-saves limits', () => {
  it('fails a save that grows past its cap, deleting what was written', async () => {
    const path = join(folder, 'capped.bin');
    const token = await saves.beginSave(renderer, path, { maxBytes: 10 });
    await saves.writeChunk(renderer.id, token, new Uint8Array(6));
    await expect(saves.writeChunk(renderer.id, token, new Uint8Array(5))).rejects.toThrow(
      /^This file would be larger than .*, so nothing was saved\.$/,
    );
    expect(readdirSync(folder)).toEqual([]);
    await expect(saves.endSave(renderer.id, token)).rejects.toThrow('This save is not open.');
  });

  it('reports a failed write once, with the cause, and leaves nothing behind', async () => {
    const blocked = join(folder, 'blocked');
    mkdirSync(blocked);
    const token = await saves.beginSave(renderer, join(blocked, 'x.bin'));
    // Taking the folder away makes the rename at the end fail.
    rmSync(blocked, { recursive: true });
    await expect(saves.endSave(renderer.id, token)).rejects.toThrow(/^Could not save "x.bin": /);
    expect(saves.isSaveOpenAt(join(blocked, 'x.bin'))).toBe(false);
  });

  it('refuses a second save to a place one is already saving to (they would share one partial file)', async () => {
    const path = join(folder, 'twice.bin');
    const other = fakeContents();
    const [first, second] = await Promise.allSettled([saves.beginSave(renderer, path), saves.beginSave(other, path)]);
    expect(first.status).toBe('fulfilled');
    expect(second).toEqual({ status: 'rejected', reason: new Error('"twice.bin" is already being saved.') });
    if (first.status === 'fulfilled') await saves.endSave(renderer.id, first.value, true);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('opens nothing for a window that went away while its file was opening', async () => {
    const path = join(folder, 'orphan.bin');
    const opening = saves.beginSave(renderer, path);
    renderer.emit('destroyed');
    await expect(opening).rejects.toThrow('This save is not open.');
    expect(readdirSync(folder)).toEqual([]);
    expect(saves.isSaveOpenAt(path)).toBe(false);
  });

  it('refuses a ninth open save from one window', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < saves.MAX_OPEN_SAVES_PER_WINDOW; i++) {
      tokens.push(await saves.beginSave(renderer, join(folder, `f${i}.bin`)));
    }
    await expect(saves.beginSave(renderer, join(folder, 'one-too-many.bin'))).rejects.toThrow(
      'Too many saves are open at once; finish or cancel one first.',
    );
    for (const token of tokens) await saves.endSave(renderer.id, token, true);
    expect(readdirSync(folder)).toEqual([]);
  });
});
