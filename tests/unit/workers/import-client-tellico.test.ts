// @vitest-environment jsdom
// A Tellico file through the import worker's protocol: the worker hands back the XML and images (workers have no
// DOMParser), and readImportFile parses and plans it on the main thread (jsdom's DOMParser stands in here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../renderer/src/domain/exchange/import-plan';
import { readImportFile } from '../../../renderer/src/workers/import-client';
import { FakeWorker, rejection } from './fake-worker';
import { zipOf } from './zip-fixtures';

// A path, not a file: URL: under jsdom, URL is jsdom's, which node:fs does not take.
const FIXTURES = join(import.meta.dirname, '../../fixtures');

describe('readImportFile: Tellico, parsed on the main thread', () => {
  it('plans a .tc file with its cover', async () => {
    const xml = readFileSync(join(FIXTURES, 'tellico/videos/tellico.xml'));
    const png = readFileSync(join(FIXTURES, 'tellico/videos/images/4f8e2d1c9a7b6e5f4d3c2b1a0f9e8d7c.png'));
    const tc = zipOf({ 'tellico.xml': new Uint8Array(xml), 'images/4f8e2d1c9a7b6e5f4d3c2b1a0f9e8d7c.png': new Uint8Array(png) });
    const plan = await readImportFile([{ path: 'videos.tc', bytes: tc }], { createWorker: () => new FakeWorker() });
    expect(plan.format).toBe('tellico');
    expect(plan.sourceName).toBe('videos.tc');
    expect(plan.films.length).toBeGreaterThan(0);
    expect(Object.keys(plan.images)).toContain('images/4f8e2d1c9a7b6e5f4d3c2b1a0f9e8d7c.png');
  });

  it('refuses XML that does not parse, naming the file', async () => {
    const broken = zipOf({ 'tellico.xml': '<?xml version="1.0"?>\n<tellico><collection type="3">\n<entry></collection>' });
    const error = await rejection(readImportFile([{ path: 'videos.tc', bytes: broken }], { createWorker: () => new FakeWorker() }));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^“tellico\.xml” is damaged: it is not well-formed XML/);
    expect((error as ImportError).origin?.file).toBe('tellico.xml');
  });
});
