/** The app's one database connection. Queries and writes live beside this file; nothing else touches tables. */
import { CinefileDb } from './schema';

export const db = new CinefileDb();

/** A fresh id for a new record. */
export function newId(): string {
  return crypto.randomUUID();
}
