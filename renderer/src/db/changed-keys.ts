/**
 * Reading Dexie's storagemutated event (fired for this window's writes and other windows'): which primary keys of a
 * table a write touched. The Library (films it must re-read) and the search worker's client (records to re-index)
 * both follow writes this way.
 */

/** A key set from the event: a tree of single keys and ranges. */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode;
  r?: RangeNode;
}

/**
 * The string keys of `table` in database `databaseName` that a write touched; 'all' when it marked a range (a clear,
 * a restore, or a bulk write of more than Dexie records key by key); null when it did not touch the table.
 */
export function changedKeys(parts: Readonly<Record<string, unknown>>, databaseName: string, table: string): string[] | 'all' | null {
  const set = parts[`idb://${databaseName}/${table}/`] as RangeNode | undefined;
  if (!set) return null;
  const keys: string[] = [];
  const walk = (node: RangeNode | undefined): boolean => {
    if (!node) return true;
    if (!walk(node.l)) return false;
    if (node.from !== undefined) {
      if (typeof node.from !== 'string' || node.from !== node.to) return false;
      keys.push(node.from);
    }
    return walk(node.r);
  };
  return walk(set) ? keys : 'all';
}
