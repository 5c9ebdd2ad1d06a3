/**
 * The part of PouchDB 9 that sync uses, typed here: PouchDB's packages ship no types, and the community typings
 * (@types/pouchdb-*) are written for PouchDB 7 and pull Node's and other packages' global types into the renderer's
 * program. Only what is called is declared, as PouchDB documents it.
 */
declare module 'pouchdb-core' {
  export interface PouchMeta {
    _id: string;
    _rev: string;
    _conflicts?: string[];
    _deleted?: boolean;
    /** Stubs (digest, length) unless asked for with `attachments: true`, then the bytes (`binary: true`: a Blob). */
    _attachments?: Record<string, PouchAttachment>;
  }

  export interface PouchAttachment {
    content_type: string;
    /** The bytes: base64 when written; when read with `binary: true`, a Blob in a browser (a Node Buffer under Node). */
    data?: Blob | Uint8Array | string;
    stub?: boolean;
    digest?: string;
    length?: number;
  }

  export type PouchStored<T> = T & PouchMeta;
  export type PouchWrite<T> = T & { _id: string; _rev?: string; _deleted?: boolean; _attachments?: Record<string, PouchAttachment> };

  export type PouchWriteResult = { ok: true; id: string; rev: string } | { error: true | string; id: string; status?: number; message?: string };

  export interface PouchAllDocs<T> {
    total_rows: number;
    rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: PouchStored<T> | null; error?: string }[];
  }

  export interface PouchChange<T> {
    id: string;
    seq: number | string;
    deleted?: boolean;
    doc?: PouchStored<T>;
    changes: { rev: string }[];
  }

  export interface PouchChanges<T> {
    results: PouchChange<T>[];
    last_seq: number | string;
  }

  /** A live changes feed or replication: an event emitter that can be cancelled. */
  export interface PouchEmitter {
    on(event: string, listener: (...args: never[]) => void): PouchEmitter;
    cancel(): void;
  }

  export interface PouchReplicationInfo {
    docs_read?: number;
    docs_written?: number;
    pending?: number;
  }

  export interface PouchSyncChange {
    direction: 'push' | 'pull';
    change: PouchReplicationInfo;
  }

  export interface PouchError {
    status?: number;
    name?: string;
    message?: string;
    reason?: string;
  }

  export interface PouchDatabase<T> {
    readonly name: string;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    get(id: string, options?: { conflicts?: boolean; attachments?: boolean; binary?: boolean }): Promise<PouchStored<T>>;
    get(id: string, options: { open_revs: string[] }): Promise<({ ok: PouchStored<T> } | { missing: string })[]>;
    put(doc: PouchWrite<T> | PouchWrite<Record<string, unknown>>): Promise<{ ok: true; id: string; rev: string }>;
    bulkDocs(docs: PouchWrite<T>[]): Promise<PouchWriteResult[]>;
    allDocs(options: {
      keys?: string[];
      startkey?: string;
      endkey?: string;
      include_docs?: boolean;
      conflicts?: boolean;
      limit?: number;
    }): Promise<PouchAllDocs<T>>;
    changes(options: { since: number | string; limit?: number; include_docs?: boolean; conflicts?: boolean }): Promise<PouchChanges<T>>;
    changes(options: { since: number | string | 'now'; live: true; include_docs?: boolean }): PouchEmitter;
    sync(
      remote: PouchDatabase<T>,
      options: { live: boolean; retry: boolean; batch_size?: number; back_off_function?: (delay: number) => number },
    ): PouchEmitter & Promise<unknown>;
    replicate: {
      from(remote: PouchDatabase<T>, options?: { batch_size?: number; batches_limit?: number }): PouchEmitter & Promise<unknown>;
      to(remote: PouchDatabase<T>, options?: { batch_size?: number }): PouchEmitter & Promise<unknown>;
    };
    close(): Promise<void>;
    destroy(): Promise<void>;
  }

  export interface PouchStatic {
    new <T>(name: string, options?: { adapter?: string; skip_setup?: boolean; fetch?: (url: string, init: RequestInit) => Promise<Response>; auto_compaction?: boolean }): PouchDatabase<T>;
    plugin(plugin: unknown): PouchStatic;
    replicate<T>(source: PouchDatabase<T>, target: PouchDatabase<T>, options?: { batch_size?: number }): PouchEmitter & Promise<unknown>;
    fetch(url: string, init: RequestInit): Promise<Response>;
  }

  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
