// The sync merge rules as one import for the sync layer: documents, their join, and the conflicts a person resolves.
export { counterOf, covers, mergeClocks, nextWrite, type Clock, type Dot } from './clock';
export { canonicalJson, jsonEquals, type JsonObject, type JsonValue } from './json-value';
export { compareRecency, losers, mergeRegisters, winner, type FieldVersion, type Register } from './register';
export {
  deletedDoc,
  docsEqual,
  docToRecord,
  isDeleted,
  mergeDocs,
  recordToDoc,
  resolveDeletion,
  resolveField,
  seedDoc,
  SEED_DEVICE,
  type DeletionFlag,
  type LocalChange,
  type RecordWrite,
  type SyncDoc,
  type SyncKind,
  type SyncRecord,
} from './sync-doc';
export {
  docConflicts,
  type ChangedWhileDeleted,
  type DeletedWhileKept,
  type FieldChange,
  type FieldConflict,
  type SyncConflict,
} from './conflicts';
