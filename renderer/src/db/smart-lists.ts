/**
 * Smart lists (domain/smart-list) in the catalog: saving a Library view under a name, renaming it, pointing it at
 * another view, and deleting it with Undo. The films a smart list shows are never stored; the Library works them
 * out from the saved query.
 */
import { MissingRecordError } from '../domain/errors';
import { foldText } from '../domain/text-fold';
import { checkSmartListName, SMART_LIST_LIMITS, smartListQuery, type SmartList } from '../domain/smart-list';
import { db, newId } from './index';

function checkedName(name: string): string {
  const result = checkSmartListName(name);
  if (!result.ok) throw new RangeError(result.error);
  return result.name;
}

function checkedQuery(query: string): string {
  const stored = smartListQuery(query);
  if (stored.length > SMART_LIST_LIMITS.query) throw new RangeError(`This view is too long to save (over ${SMART_LIST_LIMITS.query.toLocaleString('en')} characters).`);
  return stored;
}

/** Smart lists as a reader expects: by name, case- and accent-blind, then by when they were saved. */
const byName = (a: SmartList, b: SmartList) => foldText(a.name).localeCompare(foldText(b.name), 'en') || a.createdAt.localeCompare(b.createdAt);

/** Every smart list, by name. They are few, so sorting here beats the name index's case-sensitive order. */
export async function allSmartLists(): Promise<SmartList[]> {
  return (await db.smartLists.toArray()).sort(byName);
}

/** One smart list, or undefined when it does not exist (deleted, or a stale link). */
export function smartListById(id: string): Promise<SmartList | undefined> {
  return db.smartLists.get(id);
}

/** Saves a Library view (its URL search string) under a name; returns the new smart list's id. */
export async function saveSmartList(name: string, query: string, now: Date = new Date()): Promise<string> {
  const timestamp = now.toISOString();
  const list: SmartList = { id: newId(), name: checkedName(name), query: checkedQuery(query), createdAt: timestamp, updatedAt: timestamp };
  await db.smartLists.add(list);
  return list.id;
}

async function change(id: string, changes: Partial<Pick<SmartList, 'name' | 'query'>>, now: Date): Promise<void> {
  const changed = await db.smartLists.update(id, { ...changes, updatedAt: now.toISOString() });
  // A smart list is a list to the person using it, and says so when it is gone.
  if (changed === 0) throw new MissingRecordError('list');
}

/** Renames a smart list (the name checked as when saved). */
export async function renameSmartList(id: string, name: string, now: Date = new Date()): Promise<void> {
  await change(id, { name: checkedName(name) }, now);
}

/** Points a smart list at another view of the Library (after its filters or sort were changed). */
export async function updateSmartListQuery(id: string, query: string, now: Date = new Date()): Promise<void> {
  await change(id, { query: checkedQuery(query) }, now);
}

/** Deletes a smart list (never any film); returns it, so the deletion can be undone. */
export function deleteSmartList(id: string): Promise<SmartList> {
  return db.transaction('rw', db.smartLists, async () => {
    const list = await db.smartLists.get(id);
    if (!list) throw new MissingRecordError('list');
    await db.smartLists.delete(id);
    return list;
  });
}

/** Puts back a deleted smart list exactly as it was. */
export async function restoreSmartList(list: SmartList): Promise<void> {
  await db.smartLists.put(list);
}
