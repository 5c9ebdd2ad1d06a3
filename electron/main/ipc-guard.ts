/**
 * The only way main answers the renderer. `handle()` wraps ipcMain.handle with the checks VS Code's
 * validatedIpcMain makes: the call must come from Cinefile's own page (right origin, top frame) and its argument
 * must match the channel's schema in electron/ipc.ts. A handler therefore only ever sees a typed, valid request.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import * as v from 'valibot';
import { channels, ipcContract, type Channel, type IpcContract, type IpcRequest } from '../ipc';
import { currentTrustedOrigins } from './environment';
import { isTrustedUrl } from './origins';

/** A channel's handler as the contract types it, plus the (already checked) sender event, sync or async. */
export type Handler<K extends Channel> = (
  request: Parameters<IpcContract[K]>[0],
  event: IpcMainInvokeEvent,
) => ReturnType<IpcContract[K]> | Promise<ReturnType<IpcContract[K]>>;

/** One handler for every channel of the contract: a channel without one is a compile error, not a silent hang. */
export type IpcHandlers = { [K in Channel]: Handler<K> };

/**
 * Throws unless the message comes from the top frame of a page on a trusted origin. An iframe, a page the window
 * was somehow navigated to, or a frame that has already gone away gets nothing.
 */
export function assertTrustedSender(channel: Channel, event: IpcMainInvokeEvent, origins: readonly string[]): void {
  const frame = event.senderFrame;
  if (frame === null) throw new Error(`${channel}: refused, the calling frame no longer exists`);
  if (frame.parent !== null) throw new Error(`${channel}: refused, only Cinefile's top frame may call it`);
  if (!isTrustedUrl(frame.url, origins)) throw new Error(`${channel}: refused, the caller is not Cinefile's page`);
}

/** Validates one channel's argument; the message names the channel and the first problem found. */
export function parseRequest<K extends Channel>(channel: K, args: readonly unknown[]): IpcRequest<K> {
  if (args.length > 1) throw new Error(`${channel}: expected at most one argument, got ${args.length}`);
  const schema: v.GenericSchema<unknown, IpcRequest<K>> = ipcContract[channel].request;
  const result = v.safeParse(schema, args[0]);
  if (!result.success) {
    const [issue] = result.issues;
    const where = issue.path?.map((item) => String(item.key)).join('.');
    throw new Error(`${channel}: invalid request${where ? ` at ${where}` : ''}: ${issue.message}`);
  }
  return result.output;
}

/**
 * Registers `handler` for `channel` behind the sender and argument checks: app://cinefile, plus the dev server
 * in an unpackaged `electron-vite dev` run, and nothing else.
 */
export function handle<K extends Channel>(channel: K, handler: Handler<K>): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    assertTrustedSender(channel, event, currentTrustedOrigins());
    return handler(parseRequest(channel, args), event);
  });
}

/** Registers every channel's handler through `handle`. */
export function handleAll(handlers: IpcHandlers): void {
  const register = <K extends Channel>(channel: K): void => handle(channel, handlers[channel]);
  channels.forEach(register);
}
