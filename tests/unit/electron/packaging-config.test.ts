/**
 * The packaged app's Electron fuses, read from electron-builder.yml as electron-builder will: every fuse it knows
 * (its own option schema lists them) must be set on purpose, and none the app does not need may be on. A loosened
 * fuse, or a new Electron fuse left at its default, fails here rather than ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The `electronFuses:` block of electron-builder.yml as a map (a flat block of `name: true|false`, comments allowed). */
function configuredFuses(): Record<string, boolean> {
  const lines = readFileSync(join(root, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === 'electronFuses:');
  if (start < 0) throw new Error('electron-builder.yml has no electronFuses block');
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!line.startsWith('  ')) break;
    const match = /^ {2}(\w+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!match) throw new Error(`Unexpected line in electronFuses: ${line}`);
    fuses[match[1]!] = match[2] === 'true';
  }
  return fuses;
}

/** The fuse options electron-builder's installed version accepts, from its configuration schema. */
function knownFuses(): string[] {
  const require = createRequire(import.meta.url);
  const schema = join(dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');
  const definitions = (JSON.parse(readFileSync(schema, 'utf8')) as { definitions: Record<string, { properties: Record<string, unknown> }> }).definitions;
  return Object.keys(definitions.FuseOptionsV1!.properties).sort();
}

describe('Electron fuses in the packaged app', () => {
  it('sets every fuse electron-builder knows, and nothing it does not', () => {
    expect(Object.keys(configuredFuses()).sort()).toEqual(knownFuses());
  });

  it('turns off everything Cinefile does not need, keeps the protections on, and re-signs macOS builds ad hoc', () => {
    expect(configuredFuses()).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      resetAdHocDarwinSignature: true,
    });
  });
});
