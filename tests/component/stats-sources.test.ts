// The Stats pages' engineering rules, checked on the code itself: Chart.js comes with only the bar chart's parts
// registered (the rest is tree-shaken out of its chunk), only chart-setup imports it (Chart.tsx loads that with
// import(), so it is a chunk of its own), and no file sets an inline style, which the renderer's CSP would refuse.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Vitest runs from the repository's root (jsdom gives import.meta.url an http: address, not a file path).
const statsFolder = join(process.cwd(), 'renderer/src/ui/stats');
const sources = readdirSync(statsFolder)
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(statsFolder, name), 'utf8') }));

describe('Stats chart setup', () => {
  it('registers only the bar controller, the bar element, the category and linear scales and the tooltip', async () => {
    const { Chart } = await import('../../renderer/src/ui/stats/chart-setup');
    // Each typed registry keeps what is registered in `items` (not in Chart.js's types, so read through unknown).
    const ids = (registry: unknown) => Object.keys((registry as { items: Record<string, unknown> }).items).sort();
    expect(ids(Chart.registry.controllers)).toEqual(['bar']);
    expect(ids(Chart.registry.elements)).toEqual(['bar']);
    expect(ids(Chart.registry.scales)).toEqual(['category', 'linear']);
    expect(ids(Chart.registry.plugins)).toEqual(['tooltip']);
    // The same through the public API: what was not registered is refused.
    expect(() => Chart.registry.getController('line')).toThrow(/not a registered controller/);
    expect(() => Chart.registry.getPlugin('legend')).toThrow(/not a registered plugin/);
  });

  it('is the only module importing Chart.js, and Chart.tsx loads it lazily', () => {
    expect(sources.map(({ name }) => name)).toEqual(expect.arrayContaining(['Chart.tsx', 'chart-setup.ts', 'StatsPage.tsx', 'Heatmap.tsx']));
    for (const { name, text } of sources) {
      if (name === 'chart-setup.ts') continue;
      // Types are erased; a value import would put Chart.js in the chunk of whatever imports this file.
      expect(text, name).not.toMatch(/^import (?!type )[^;]*from 'chart\.js'/m);
      expect(text, name).not.toMatch(/^import [^;]*from '\.\/chart-setup'/m);
    }
    expect(sources.find(({ name }) => name === 'Chart.tsx')?.text).toContain("import('./chart-setup')");
  });

  it('has no inline styles in any Stats file (the CSP forbids them)', () => {
    for (const { name, text } of sources) {
      expect(text, name).not.toMatch(/\bstyle\s*=/);
      expect(text, name).not.toMatch(/\.style\b|setAttribute\(\s*'style'|dangerouslySetInnerHTML/);
    }
  });
});
