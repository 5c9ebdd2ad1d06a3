import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// protocol.ts imports `net` and `protocol` from Electron; the functions under test never touch them.
vi.mock('electron', () => ({ net: {}, protocol: {} }));
const { CONTENT_SECURITY_POLICY, resolveAppRequest } = await import('../../../electron/main/protocol');

/** A fake out/renderer with a secret file beside it, so an escape would have something real to find. */
let parent: string;
let root: string;
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'cinefile-protocol-'));
  root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}');
  writeFileSync(join(parent, 'secret.txt'), 'not for the renderer');
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const resolveIn = (url: string): ReturnType<typeof resolveAppRequest> => resolveAppRequest(url, root);

describe('resolveAppRequest', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveIn('app://cinefile/index.html')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveIn('app://cinefile/assets/index-abc.js')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'index-abc.js'),
    });
  });

  it('serves index.html for the bare origin and ignores query strings and hashes', () => {
    expect(resolveIn('app://cinefile/')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveIn('app://cinefile/index.html?x=1#/films/42')).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
    });
  });

  it('falls back to index.html for unknown paths without an extension (client-side routes)', () => {
    expect(resolveIn('app://cinefile/films/42')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    // A folder is not a file: asking for one gets the app, never a directory listing.
    expect(resolveIn('app://cinefile/assets')).toEqual({ kind: 'file', path: join(root, 'index.html') });
  });

  it('answers 404 for a missing file with an extension', () => {
    expect(resolveIn('app://cinefile/assets/missing.js')).toEqual({ kind: 'refused', status: 404 });
  });

  it('never reaches a file outside the renderer folder', () => {
    const attempts = [
      'app://cinefile/../secret.txt',
      'app://cinefile/../../etc/passwd',
      'app://cinefile/%2e%2e/secret.txt',
      'app://cinefile/%2E%2E/%2E%2E/etc/passwd',
      'app://cinefile/..%2fsecret.txt',
      'app://cinefile/assets/..%2f..%2fsecret.txt',
      'app://cinefile/..%5csecret.txt',
      'app://cinefile/assets%2f..%2f..%2fsecret.txt',
      'app://cinefile/%252e%252e/secret.txt',
      `app://cinefile/${encodeURIComponent(join(parent, 'secret.txt'))}`,
    ];
    for (const url of attempts) {
      const target = resolveIn(url);
      if (target.kind === 'file') {
        // Dot segments the URL parser removes itself may land on index.html; they must never land outside.
        expect(target.path.startsWith(join(root, '/')), url).toBe(true);
        expect(target.path, url).not.toBe(join(parent, 'secret.txt'));
      } else {
        expect([403, 404], url).toContain(target.status);
      }
    }
  });

  it('refuses encoded traversal, backslashes and NUL bytes outright with 403', () => {
    expect(resolveIn('app://cinefile/..%2fsecret.txt')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveIn('app://cinefile/assets\\..\\..\\secret.txt')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveIn('app://cinefile/index.html%00.js')).toEqual({ kind: 'refused', status: 403 });
  });

  it('refuses other hosts, schemes, ports and credentials with 403', () => {
    for (const url of [
      'app://evil/index.html',
      'app://cinefile.evil.com/index.html',
      'app://cinefile:8080/index.html',
      'app://user:pass@cinefile/index.html',
      'file:///etc/passwd',
      'https://cinefile/index.html',
    ]) {
      expect(resolveIn(url), url).toEqual({ kind: 'refused', status: 403 });
    }
  });

  it('answers 400 for URLs that do not parse or decode', () => {
    expect(resolveIn('not a url')).toEqual({ kind: 'refused', status: 400 });
    expect(resolveIn('app://cinefile/%E0%A4%A')).toEqual({ kind: 'refused', status: 400 });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = (policy: string): string[] => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' '));

  it('allows only the app itself to provide scripts, and nothing to frame it', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('repeats every directive of the meta tag in renderer/index.html, so the two cannot drift apart', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(expect.arrayContaining(directives(meta ?? '')));
  });
});
