/**
 * The Node.js versions Cinefile says it needs agree with what its tools declare: package.json's engines, the
 * README, and the `engines` of every installed package. On the recommended version `npm ci` prints no engine warning;
 * on the oldest supported one, only the packages the README names as harmless may ask for more.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const semver = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))('semver') as {
  satisfies(version: string, range: string): boolean;
};

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };

/**
 * "Node.js 22.13 or later (… or 24 and later …) … Node.js 20.19 or later also … warns about `a` and `b` (": the
 * recommended versions (the first of each line) and the oldest supported one, with the packages that warn there.
 */
function documentedVersions(): { recommended: string[]; skipped: string; oldest: string; harmless: string[] } {
  const match =
    /Cinefile needs \*\*Node\.js (\d+\.\d+) or later\*\* \(the \d+ line from [\d.]+, or (\d+) and later[^)]*?the odd-numbered (\d+) line\).*?Node\.js (\d+\.\d+) or later also[^.]*?warns about ([^.]*?) \(/s.exec(
      readme,
    );
  if (!match) throw new Error('README does not say which Node.js versions Cinefile needs');
  const harmless = [...match[5]!.matchAll(/`([^`]+)`/g)].map((found) => found[1]!);
  return {
    recommended: [`${match[1]}.0`, `${match[2]}.0.0`],
    skipped: `${match[3]}.0.0`,
    oldest: `${match[4]}.0`,
    harmless: harmless.sort(),
  };
}

/** name → engines.node of every package npm installed (nested copies included). */
function installedEngines(): Map<string, string> {
  const engines = new Map<string, string>();
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith('.')) continue;
      const path = join(folder, entry);
      if (entry.startsWith('@')) {
        visit(path);
        continue;
      }
      const manifestPath = join(path, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const pkg = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string; version?: string; engines?: { node?: unknown } };
      if (typeof pkg.engines?.node === 'string') engines.set(`${pkg.name}@${pkg.version}`, pkg.engines.node);
      if (existsSync(join(path, 'node_modules'))) visit(join(path, 'node_modules'));
    }
  };
  visit(join(root, 'node_modules'));
  return engines;
}

const refusing = (version: string): string[] =>
  [...installedEngines()]
    .filter(([, range]) => !semver.satisfies(version, range))
    .map(([name]) => name.replace(/@[^@]+$/, ''))
    .sort();

describe('Node.js versions', () => {
  const documented = documentedVersions();

  it("package.json's engines accept exactly the versions the README names, and not older or skipped ones", () => {
    for (const version of [...documented.recommended, documented.oldest]) {
      expect(semver.satisfies(version, manifest.engines.node), version).toBe(true);
    }
    expect(semver.satisfies(documented.skipped, manifest.engines.node)).toBe(false);
    expect(semver.satisfies('22.12.0', manifest.engines.node)).toBe(false);
    expect(semver.satisfies('20.18.0', manifest.engines.node)).toBe(false);
    expect(semver.satisfies('18.20.0', manifest.engines.node)).toBe(false);
  });

  it('every installed package accepts the recommended versions, so npm ci warns about nothing there', () => {
    for (const version of documented.recommended) expect(refusing(version), version).toEqual([]);
  });

  it('on the oldest supported version only the packages the README explains ask for a newer Node', () => {
    expect([...new Set(refusing(documented.oldest))]).toEqual(documented.harmless);
  });

  it('this machine runs a supported version', () => {
    expect(semver.satisfies(process.versions.node, manifest.engines.node)).toBe(true);
  });
});
