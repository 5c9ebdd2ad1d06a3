/**
 * The Content-Security-Policy: strict in what ships (renderer/index.html), relaxed only under the dev server, where
 * hot reload needs inline scripts and <style> tags (without them `npm run dev` shows an unstyled app).
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { rendererConfig } from '../../vite.config';

const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
const policyOf = (page: string) => /Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1] ?? '';

const devPlugin = (rendererConfig.plugins ?? []).flat().find((plugin) => (plugin as Plugin | null)?.name === 'cinefile-dev-csp') as Plugin;

describe('Content-Security-Policy', () => {
  it('ships strict: no inline scripts or styles, no remote sources', () => {
    const policy = policyOf(html);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('is relaxed only by the dev server, for hot reload of scripts and styles', () => {
    expect(devPlugin.apply).toBe('serve');
    const transform = devPlugin.transformIndexHtml as (page: string) => string;
    const policy = policyOf(transform(html));
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain('connect-src \'self\' ws:');
    expect(policy).toContain("object-src 'none'");
  });
});
