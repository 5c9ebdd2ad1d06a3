/**
 * A document's clock: for each device, the highest counter of that device's writes to this document that this replica
 * has seen. A device numbers its writes to a document 1, 2, 3 … and a replica only ever learns of a device's write
 * together with all of that device's earlier ones (they travel in the same document), so one number per device says
 * exactly which writes are known. That is what lets a merge tell "overwritten knowingly" from "not seen yet".
 *
 * This holds only while device ids are never reused: a device that loses its local database must take a new id,
 * or its counters would start again at 1 and name writes that already exist.
 */
import { byCodeUnits } from './json-value';

export type Clock = Readonly<Record<string, number>>;

/** One write, named by the device that made it and that device's counter for the document. */
export type Dot = { readonly device: string; readonly counter: number };

/** How many of the device's writes the clock has seen (0 when none). */
export function counterOf(clock: Clock, device: string): number {
  return Object.hasOwn(clock, device) ? clock[device] ?? 0 : 0;
}

/** Whether a replica with this clock has seen the write. */
export function covers(clock: Clock, dot: Dot): boolean {
  return counterOf(clock, dot.device) >= dot.counter;
}

/** What two replicas have seen between them: the larger counter of each device, devices in a fixed order. */
export function mergeClocks(a: Clock, b: Clock): Clock {
  const devices = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(byCodeUnits);
  return Object.fromEntries(devices.map((device) => [device, Math.max(counterOf(a, device), counterOf(b, device))]));
}

/** The next write of a device to a document: its counter, and the document's clock once it is made. */
export function nextWrite(clock: Clock, device: string): { readonly counter: number; readonly clock: Clock } {
  const counter = counterOf(clock, device) + 1;
  return { counter, clock: mergeClocks(clock, { [device]: counter }) };
}
