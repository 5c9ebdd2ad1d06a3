/**
 * One field of a synced record as a multi-value register: the versions of the field that were written without
 * knowing of each other. Normally there is one; two devices changing the field before they sync leave two, and the
 * person sees the latest while the other waits in the Conflicts view. Merging is the dotted-version-vector join, so
 * a version disappears only when some device overwrote it after having seen it — never because of timing.
 */
import { covers, type Clock, type Dot } from './clock';
import { byCodeUnits, canonicalJson, type JsonValue } from './json-value';

/** A value of a field as one device wrote it: `device` and `counter` name the write, `at` is when it was made (ISO). */
export type FieldVersion<T> = { readonly value: T; readonly device: string; readonly counter: number; readonly at: string };

/** The versions of a field that are concurrent with one another, in canonical order (device, then counter). */
export type Register<T> = readonly FieldVersion<T>[];

const sameDot = (a: Dot, b: Dot): boolean => a.device === b.device && a.counter === b.counter;

/** The canonical order of a register, so that two replicas holding the same versions hold deep-equal arrays. */
export function compareDots(a: Dot, b: Dot): number {
  return byCodeUnits(a.device, b.device) || a.counter - b.counter;
}

/** Milliseconds of an ISO time; text that is not a time counts as older than every time. */
function timeOf(at: string): number {
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
}

/**
 * Positive when `a` is the more recent change: later time first; then, so every device picks the same one, the
 * time's text, the device id and the counter (larger wins). A total order, so the winner never depends on order.
 */
export function compareRecency(a: FieldVersion<unknown>, b: FieldVersion<unknown>): number {
  const byTime = timeOf(a.at) - timeOf(b.at);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return byCodeUnits(a.at, b.at) || byCodeUnits(a.device, b.device) || a.counter - b.counter;
}

/** The version the person sees: the most recent change (undefined for a field never written). */
export function winner<V extends FieldVersion<unknown>>(register: readonly V[]): V | undefined {
  let best: V | undefined;
  for (const version of register) if (best === undefined || compareRecency(version, best) > 0) best = version;
  return best;
}

/** The versions the winner hides: the conflicts of this field. */
export function losers<V extends FieldVersion<unknown>>(register: readonly V[]): V[] {
  const shown = winner(register);
  return register.filter((version) => version !== shown);
}

/**
 * Two copies of one write are normally identical. Seeded records are written under the shared device 'seed', so two
 * app versions seeding differently would produce one write with two contents; pick one the same way everywhere.
 */
function oneOf<V extends FieldVersion<JsonValue>>(a: V, b: V): V {
  if (a === b) return a;
  const aText = canonicalJson(a);
  const bText = canonicalJson(b);
  return aText <= bText ? a : b;
}

/**
 * The join of two replicas' registers, given each replica's document clock: a version both hold stays; a version
 * only one holds stays unless the other replica's clock has seen it — then that replica overwrote it knowingly, and
 * it goes. Commutative, associative and idempotent, which is what makes replicas converge.
 */
export function mergeRegisters<V extends FieldVersion<JsonValue>>(
  a: readonly V[], aClock: Clock, b: readonly V[], bClock: Clock,
): V[] {
  const merged: V[] = [];
  for (const version of a) {
    const twin = b.find((other) => sameDot(other, version));
    if (twin !== undefined) merged.push(oneOf(version, twin));
    else if (!covers(bClock, version)) merged.push(version);
  }
  for (const version of b) {
    if (!a.some((other) => sameDot(other, version)) && !covers(aClock, version)) merged.push(version);
  }
  return merged.sort(compareDots);
}
