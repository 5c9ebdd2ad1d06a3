/**
 * The shared Content-Security-Policy (electron/content-security.ts), as an attacker would probe it: whatever a
 * `connect` parameter holds, the policy either stays the base one or gains exactly one plain http(s) origin in
 * connect-src — never a wildcard, a path, another directive or a token of its own. Property-based, so the refusals are
 * not only the ones this file happens to list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONNECT_PARAM,
  connectOriginOf,
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  isPlainOrigin,
  workerUrlWithConnect,
} from '../../../electron/content-security';

/** Exactly what a plain origin looks like, written independently of the module: scheme, DNS name or IPv4, port. */
const PLAIN_ORIGIN = /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::[1-9]\d{0,4})?$/;

const directivesOf = (policy: string): string[] => policy.split(';').map((directive) => directive.trim());
const nameOf = (directive: string): string => directive.split(' ')[0] ?? '';
const BASE = directivesOf(CONTENT_SECURITY_POLICY);

/** A script URL as the shells see it, with `value` as its connect parameter. */
const scriptUrl = (value: string): URL =>
  new URL(`app://cinefile/assets/sync.worker-Bx1.js?${CONNECT_PARAM}=${encodeURIComponent(value)}`);

/** Asserts that `policy` is the base policy with, at most, `origin` appended to connect-src. */
function expectBaseWithAtMost(policy: string, origin: string | null): void {
  const directives = directivesOf(policy);
  expect(directives.map(nameOf)).toEqual(BASE.map(nameOf));
  directives.forEach((directive, at) => {
    const base = BASE[at] ?? '';
    if (nameOf(directive) === 'connect-src' && origin !== null) expect(directive).toBe(`${base} ${origin}`);
    else expect(directive).toBe(base);
  });
  expect(policy).not.toContain('*');
  expect(policy).not.toContain(',');
}

/** Strings made mostly of what builds an origin and what would break out of one. */
const originish = fc.string({
  unit: fc.constantFrom(
    ...'htps:/.a-z0159[]@?#;,* \'"\\%=+!$&()~_\t\nHTTPS'.split(''),
    'http://',
    'https://',
    'couch',
    '.example.net',
    ':5984',
    'localhost',
    '127.0.0.1',
  ),
  maxLength: 40,
});

/** Real origins: http or https, a DNS name or an IPv4 address, maybe a port. */
const realOrigin = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.oneof(fc.domain(), fc.ipV4()),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  )
  .map(([scheme, host, port]) => new URL(`${scheme}://${host}${port === undefined ? '' : `:${port}`}`).origin);

/** Real origins with one token slipped in somewhere: the near misses an injection would try. */
const nearMiss = fc
  .tuple(
    realOrigin,
    fc.nat(),
    fc.constantFrom('*', '*.', ';', ',', "'", '"', ' ', '/', '?', '#', '@', 'anna@', ':', '_', '[', ']', '%2A', '\n', 'A'),
  )
  .map(([origin, at, token]) => {
    const where = at % (origin.length + 1);
    return `${origin.slice(0, where)}${token}${origin.slice(where)}`;
  });
const anything = fc.oneof(originish, nearMiss, fc.string(), fc.webUrl(), realOrigin);

describe('connectOriginOf', () => {
  it('accepts a plain http(s) origin and answers it unchanged', () => {
    for (const origin of ['https://couch.example.net', 'http://127.0.0.1:5984', 'https://couch.example.net:6984', 'http://nas']) {
      expect(connectOriginOf(scriptUrl(origin)), origin).toBe(origin);
    }
  });

  it('refuses paths, wildcards, user info, other schemes, non-canonical spellings and injected tokens', () => {
    for (const value of [
      'https://couch.example.net/',
      'https://couch.example.net/cinefile',
      'https://couch.example.net?x=1',
      'https://couch.example.net#x',
      'https://anna:secret@couch.example.net',
      'https://*.example.net',
      'https://*',
      '*',
      "'self'",
      'https://couch.example.net https://evil.example',
      'https://couch.example.net;script-src *',
      "https://couch.example.net'unsafe-eval'",
      'https://a,b.example',
      'https://a;b.example',
      "https://a'b.example",
      'https://a_b.example',
      'http://[::1]:5984',
      'https://couch.example.net:443',
      'HTTPS://couch.example.net',
      'https://Couch.Example.Net',
      'https://xn--bcher-kva.example.',
      'http://0x7f.1',
      'ws://couch.example.net',
      'file:///etc/passwd',
      'data:text/plain,hi',
      'javascript:alert(1)',
      ' https://couch.example.net',
      'https://couch.example.net ',
      '',
    ]) {
      expect(connectOriginOf(scriptUrl(value)), value).toBeNull();
    }
  });

  it('refuses a URL without the parameter or with two of them', () => {
    expect(connectOriginOf(new URL('app://cinefile/assets/sync.worker.js'))).toBeNull();
    const twice = 'app://cinefile/assets/sync.worker.js?connect=https%3A%2F%2Fa.example&connect=https%3A%2F%2Fb.example';
    expect(connectOriginOf(new URL(twice))).toBeNull();
  });

  it('accepts nothing but exactly a plain origin, whatever the parameter holds (property)', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(anything, (value) => {
        const origin = connectOriginOf(scriptUrl(value));
        if (origin === null) {
          refused += 1;
          return;
        }
        accepted += 1;
        expect(origin).toBe(value);
        expect(value).toMatch(PLAIN_ORIGIN);
      }),
      { numRuns: 3000 },
    );
    // Both sides were really explored, not only strings that are obviously not URLs.
    expect(Math.min(accepted, refused)).toBeGreaterThan(300);
  });

  it('accepts every real origin a server’s address yields (property)', () => {
    fc.assert(
      fc.property(realOrigin, (origin) => {
        expect(connectOriginOf(scriptUrl(origin))).toBe(origin);
        expect(isPlainOrigin(origin)).toBe(true);
      }),
    );
  });
});

describe('contentSecurityPolicy', () => {
  it('is the base policy for null, and adds the origin to connect-src alone', () => {
    expect(contentSecurityPolicy(null)).toBe(CONTENT_SECURITY_POLICY);
    const policy = contentSecurityPolicy('https://couch.example.net:6984');
    expect(directivesOf(policy)).toContain("connect-src 'self' https://couch.example.net:6984");
    expectBaseWithAtMost(policy, 'https://couch.example.net:6984');
  });

  it('keeps the base strictness: only the app runs scripts, nothing frames it, no wildcard anywhere', () => {
    expect(directivesOf(CONTENT_SECURITY_POLICY)).toEqual(
      expect.arrayContaining(["script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]),
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|unsafe-/);
  });

  it('has the base directives, with at most the one origin more, for anything a connect parameter holds (property)', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const origin = connectOriginOf(scriptUrl(value));
        expectBaseWithAtMost(contentSecurityPolicy(origin), origin);
      }),
      { numRuns: 3000 },
    );
  });

  it('throws rather than write anything but a plain origin into a policy (property)', () => {
    fc.assert(
      fc.property(fc.oneof(originish, nearMiss, fc.string(), fc.webUrl()), (value) => {
        let policy: string;
        try {
          policy = contentSecurityPolicy(value);
        } catch {
          expect(isPlainOrigin(value)).toBe(false);
          return;
        }
        expect(value).toMatch(PLAIN_ORIGIN);
        expectBaseWithAtMost(policy, value);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('workerUrlWithConnect', () => {
  it('adds the origin to a built worker URL, which the shells then read back', () => {
    const url = workerUrlWithConnect('app://cinefile/assets/sync.worker-Bx1.js', 'https://couch.example.net');
    expect(url).toBe('app://cinefile/assets/sync.worker-Bx1.js?connect=https%3A%2F%2Fcouch.example.net');
    expect(connectOriginOf(new URL(url))).toBe('https://couch.example.net');
  });

  it('keeps the dev server’s own parameters byte for byte, replaces an earlier connect, and keeps a fragment', () => {
    expect(workerUrlWithConnect('/src/workers/sync.worker.ts?worker_file&type=module', 'http://127.0.0.1:5984')).toBe(
      '/src/workers/sync.worker.ts?worker_file&type=module&connect=http%3A%2F%2F127.0.0.1%3A5984',
    );
    expect(workerUrlWithConnect('./sync.js?connect=https%3A%2F%2Fold.example&v=2#top', 'https://new.example')).toBe(
      './sync.js?v=2&connect=https%3A%2F%2Fnew.example#top',
    );
  });

  it('refuses an origin no shell would honour, so the worker is never started believing it may connect', () => {
    // An IPv6 literal too: measured in Chromium, connect-src 'self' http://[::1]:5987 still blocks http://[::1]:5987.
    const refused = ['https://couch.example.net/', 'https://*.a.net', 'http://[::1]:5984', "https://a.example 'unsafe-eval'"];
    for (const origin of refused) {
      expect(() => workerUrlWithConnect('/assets/sync.worker.js', origin), origin).toThrow(/not a server origin/);
    }
  });

  it('round-trips every real origin through any script URL (property)', () => {
    fc.assert(
      fc.property(realOrigin, fc.webUrl({ withQueryParameters: true }), (origin, script) => {
        expect(connectOriginOf(new URL(workerUrlWithConnect(script, origin)))).toBe(origin);
      }),
    );
  });
});
