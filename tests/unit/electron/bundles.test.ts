import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * Builds main and preload in memory with the project's electron.vite.config.ts and lists what the output still
 * loads at run time. A sandboxed preload can require only 'electron' (anything else and window.cinefile is never
 * defined), and the packaged app ships out/** without node_modules, so main may load only Electron and Node.
 */
async function runtimeImports(target: 'main' | 'preload'): Promise<string[]> {
  const resolved = await resolveConfig({ logLevel: 'silent' }, 'build', 'production');
  const config: InlineConfig | undefined = resolved.config?.[target];
  if (!config) throw new Error(`electron.vite.config.ts has no ${target} config`);
  const output = await build({ ...config, logLevel: 'silent', build: { ...config.build, write: false } });
  const results = Array.isArray(output) ? output : [output];
  const chunks = results
    .flatMap((result) => ('output' in result ? result.output : []))
    .filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
  return [...new Set(chunks.flatMap((chunk) => chunk.imports))].sort();
}

describe('built bundles', () => {
  it('preload requires nothing but electron', async () => {
    expect(await runtimeImports('preload')).toEqual(['electron']);
  }, 60_000);

  it('main loads only electron and node: built-ins', async () => {
    const imports = await runtimeImports('main');
    expect(imports.filter((name) => name !== 'electron' && !name.startsWith('node:'))).toEqual([]);
  }, 60_000);
});
