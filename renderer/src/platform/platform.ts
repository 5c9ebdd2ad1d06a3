/**
 * The renderer's one seam to the shell. In Electron it speaks to the preload bridge (window.cinefile); in a plain
 * browser (`npm run web`, end-to-end tests) it falls back to downloads and file inputs. Its verbs are the bridge's,
 * derived from electron/ipc.ts, so a new channel reaches the renderer without an edit here.
 */
import type { BridgeVerbs, CinefileBridge, IpcRequest } from '../../../electron/ipc';
import { errorMessage } from '../domain/errors';

export type SaveFileRequest = IpcRequest<'file:save'>;
export type OpenFileRequest = IpcRequest<'file:open'>;

/** Every bridge verb, plus which shell answers them. The browser has no native menu: its onMenuCommand never fires. */
export type Platform = { kind: 'electron' | 'browser' } & CinefileBridge;

declare global {
  interface Window {
    cinefile?: CinefileBridge;
  }
}

/** Electron prefixes errors thrown in main with the channel; a person needs only main's own message. */
export function withoutIpcPrefix(error: unknown): Error {
  return new Error(errorMessage(error).replace(/^Error invoking remote method '[^']+': (?:Error: )?/, ''));
}

type AnyVerb = (...args: unknown[]) => Promise<unknown>;

function withPlainErrors(verb: AnyVerb): AnyVerb {
  return async (...args) => {
    try {
      return await verb(...args);
    } catch (error) {
      throw withoutIpcPrefix(error);
    }
  };
}

export function electronPlatform(bridge: CinefileBridge): Platform {
  // Loops over the bridge's own verbs (not the contract object), so the renderer bundles only ipc.ts's types.
  const { onMenuCommand, ...verbs } = bridge;
  const wrapped: Record<string, AnyVerb> = {};
  for (const [name, verb] of Object.entries(verbs)) wrapped[name] = withPlainErrors(verb as AnyVerb);
  // TypeScript cannot follow a loop that fills a mapped type: each entry is the same verb, only its errors change.
  return { kind: 'electron', ...(wrapped as BridgeVerbs), onMenuCommand };
}
