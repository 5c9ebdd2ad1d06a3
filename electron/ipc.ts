/**
 * THE contract between the Electron main process and the renderer. Every message that crosses the boundary is
 * one entry of `ipcContract`: its channel name, the verb the preload exposes for it, the runtime schema main checks
 * its request against, and its response type. Everything else (the bridge, the handler signatures, the platform
 * seam) is derived from that one object, so adding a channel is one entry here plus its handler in main.
 * It must stay free of Node and Electron imports: the renderer bundles it.
 */
import * as v from 'valibot';

/** Largest file the renderer may hand to main to save, or main may read for the renderer (posters, imports). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const fileFilter = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  extensions: v.pipe(v.array(v.pipe(v.string(), v.regex(/^(\*|[a-z0-9]{1,10})$/i))), v.minLength(1), v.maxLength(20)),
});

const fileName = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(200),
  // A suggested name is a bare file name: no folders, no traversal, nothing a shell would treat specially.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused here
  v.regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'a file name without folders or reserved characters'),
);

/** Any valibot schema; requests are only checked, never transformed, so what the renderer sends is what main gets. */
type RequestSchema = v.GenericSchema;

/** A phantom key: it never exists at run time, it only carries a channel's response type. */
declare const responseType: unique symbol;

/** One channel of the contract. */
export interface ChannelSpec<Verb extends string, Schema extends RequestSchema, Response> {
  /** The name of the function `window.cinefile` exposes for this channel. */
  readonly verb: Verb;
  /** Main validates every call's single argument against this before a handler sees it. */
  readonly request: Schema;
  readonly [responseType]?: Response;
}

/**
 * Declares a channel answering `Response`. Curried so the response type can be written out while the verb and the
 * schema are still inferred: `channel<Answer>()({ verb: 'doThing', request: schema })`.
 */
export function channel<Response>() {
  return <const Verb extends string, Schema extends RequestSchema>(spec: {
    verb: Verb;
    request: Schema;
  }): ChannelSpec<Verb, Schema, Response> => spec;
}

export interface OpenedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Every channel main answers, keyed by its IPC channel name. */
export const ipcContract = {
  /** Saves text or bytes where the person chooses; answers where, or null when they cancel. */
  'file:save': channel<{ savedTo: string | null }>()({
    verb: 'saveFile',
    request: v.object({
      suggestedName: fileName,
      data: v.union([
        v.pipe(v.string(), v.maxLength(MAX_FILE_BYTES)),
        v.pipe(
          v.instance(Uint8Array),
          v.check((bytes) => bytes.byteLength <= MAX_FILE_BYTES, 'file too large'),
        ),
      ]),
      filters: v.pipe(v.array(fileFilter), v.maxLength(10)),
    }),
  }),
  /** Lets the person pick one file; answers its name and bytes, or null when they cancel. */
  'file:open': channel<OpenedFile | null>()({
    verb: 'openFile',
    request: v.object({
      filters: v.pipe(v.array(fileFilter), v.maxLength(10)),
    }),
  }),
};

type Contract = typeof ipcContract;
export type Channel = keyof Contract;
/** Every channel name, for code that registers or exposes them all (Object.keys loses the key type). */
export const channels = Object.keys(ipcContract) as Channel[];

export type IpcRequest<K extends Channel> = v.InferOutput<Contract[K]['request']>;
export type IpcResponse<K extends Channel> =
  Contract[K] extends ChannelSpec<string, RequestSchema, infer Response> ? Response : never;
export type BridgeVerb<K extends Channel> = Contract[K]['verb'];

/** What main implements for each channel (before the guard adds the sender event). */
export type IpcContract = {
  [K in Channel]: (request: IpcRequest<K>) => IpcResponse<K>;
};

/** One bridge function: no argument at all for a channel whose request schema is v.undefined(). */
export type BridgeCall<Request, Response> = [Request] extends [undefined]
  ? () => Promise<Response>
  : (request: Request) => Promise<Response>;

/** The request/response verbs of the bridge, one per channel, named by the contract. */
export type BridgeVerbs = {
  [K in Channel as BridgeVerb<K>]: BridgeCall<IpcRequest<K>, IpcResponse<K>>;
};

/** Commands the native menu sends to the renderer (main → renderer, one channel). */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export const menuCommands = ['add-film', 'show-library', 'import'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** The object the preload exposes as `window.cinefile`: verbs, never ipcRenderer itself. */
export type CinefileBridge = BridgeVerbs & {
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};
