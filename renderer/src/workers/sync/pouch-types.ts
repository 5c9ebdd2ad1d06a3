/** PouchDB's types as sync uses them (declared with the modules in pouchdb-modules.d.ts). */
export type {
  PouchAllDocs,
  PouchAttachment,
  PouchChange,
  PouchChanges,
  PouchDatabase,
  PouchEmitter,
  PouchError,
  PouchMeta,
  PouchReplicationInfo,
  PouchStatic,
  PouchStored,
  PouchSyncChange,
  PouchWrite,
  PouchWriteResult,
} from 'pouchdb-core';
