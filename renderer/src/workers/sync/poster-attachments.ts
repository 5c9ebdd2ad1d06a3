/**
 * Posters travel with their images: a poster's document carries its image and thumbnail as attachments (base64 when
 * written, the form PouchDB takes in a browser and under Node alike), and a poster arriving from another device is
 * stored with its bytes read back as Blobs. Posters never change (a new image is a new poster), so their bytes are
 * sent once and read once.
 */
import type { SyncedTable } from '../../domain/deletion';
import { incomingRecord, syncDocId, type CatalogRecord } from '../../domain/sync-catalog';
import type { SyncDoc } from '../../domain/sync/sync-doc';
import type { PouchAttachment, PouchDatabase } from './pouch-types';

/** Bytes as base64, the form of attachment data PouchDB takes in every environment (a Blob only in browsers). */
async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** The bytes a new poster's document carries as attachments (posters are the only records with any). */
export async function attachmentsOf(table: SyncedTable, record: CatalogRecord): Promise<Record<string, PouchAttachment> | undefined> {
  if (table !== 'posters' || !(record.image instanceof Blob) || !(record.thumbnail instanceof Blob)) return undefined;
  return {
    image: { content_type: record.image.type || String(record.mimeType), data: await base64Of(record.image) },
    thumbnail: { content_type: record.thumbnail.type || 'image/jpeg', data: await base64Of(record.thumbnail) },
  };
}

/** A poster record from its document and the image bytes attached to it (null when they are missing). */
export async function posterWithImages(mirror: PouchDatabase<SyncDoc>, doc: SyncDoc): Promise<CatalogRecord | null> {
  const withBytes = await mirror.get(syncDocId('posters', doc.id), { attachments: true, binary: true });
  const record = incomingRecord('posters', doc, undefined);
  const blobOf = (name: string) => {
    const attachment = withBytes._attachments?.[name];
    if (!attachment?.data) return null;
    if (attachment.data instanceof Blob) return attachment.data;
    if (typeof attachment.data === 'string') return null; // asked for binary: a string would be a damaged answer
    return new Blob([attachment.data as Uint8Array<ArrayBuffer>], { type: attachment.content_type });
  };
  const image = blobOf('image');
  const thumbnail = blobOf('thumbnail');
  if (!record || !image || !thumbnail) return null;
  return { ...record, image, thumbnail };
}
