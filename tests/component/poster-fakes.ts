/**
 * What the poster component tests share: the image fixtures, a stand-in for the browser's decoder (jsdom has no
 * canvas or createImageBitmap), and Blobs that survive fake-indexeddb.
 */
import { vi } from 'vitest';
import { UndecodableImageError, type ThumbnailMaker } from '../../renderer/src/ui/film/poster-images';
// Vite inlines each fixture as a data: URL, which needs no Node file API (these tests type-check as browser code).
import brokenPosterPng from '../fixtures/broken-poster.png?inline';
import notAnImagePng from '../fixtures/not-an-image.png?inline';
import posterPng from '../fixtures/poster.png?inline';

const fixtures = { 'poster.png': posterPng, 'not-an-image.png': notAnImagePng, 'broken-poster.png': brokenPosterPng };
export type FixtureName = keyof typeof fixtures;

/** A file from tests/fixtures, as bytes. */
export function fixtureBytes(name: FixtureName): Uint8Array<ArrayBuffer> {
  const dataUrl = fixtures[name];
  return Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (char) => char.charCodeAt(0));
}

/** A file from tests/fixtures, as a dropped File. */
export function fixtureFile(name: FixtureName): File {
  return new File([fixtureBytes(name)], name);
}

/** Node's own Blob class: jsdom replaces the global Blob, but Response stays Node's and makes Node Blobs. */
const NodeBlob = (await new Response('').blob()).constructor as typeof Blob;

/**
 * jsdom's Blob cannot be structured-cloned, so fake-indexeddb would store it as {}; Node's can. Stubbing the global
 * makes the Blobs the app creates (and reads back) real ones. Call in beforeEach; vi.unstubAllGlobals undoes it.
 */
export function useNodeBlobs(): void {
  vi.stubGlobal('Blob', NodeBlob);
}

/** A Blob that survives fake-indexeddb (see useNodeBlobs). */
export function storableBlob(text: string, type: string): Blob {
  return new NodeBlob([text], { type });
}

const IEND = [0x49, 0x45, 0x4e, 0x44];

/**
 * A stand-in decoder that knows PNGs: a PNG must end with its IEND chunk (a truncated one fails, as in a browser);
 * the thumbnail's text records the source's size, so tests can tell which image a thumbnail came from.
 */
export const fakeThumbnailMaker: ThumbnailMaker = async (image) => {
  const bytes = new Uint8Array(await image.arrayBuffer());
  const tail = bytes.slice(-8, -4);
  if (!IEND.every((byte, index) => tail[index] === byte)) throw new UndecodableImageError();
  const view = new DataView(bytes.buffer);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return { width, height, thumbnail: storableBlob(`thumbnail of ${bytes.length} bytes`, 'image/webp') };
};

/** Object URLs handed out and revoked, with which Blob each one showed. */
export function watchObjectUrls(): { shown: Map<string, Blob>; revoked: string[] } {
  const shown = new Map<string, Blob>();
  const revoked: string[] = [];
  let next = 1;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:cinefile-test/${next++}`;
    shown.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
  return { shown, revoked };
}
