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
/** Largest piece of a streamed save (file:save-chunk): big files cross IPC as many messages of at most this. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;
/** Largest file a streamed save may write in total. */
export const MAX_STREAMED_SAVE_BYTES = 2 * 1024 * 1024 * 1024;
/** Largest HTML document file:save-pdf accepts (posters travel inside it as data: URLs). */
export const MAX_PDF_HTML_CHARS = 50 * 1024 * 1024;
/** How many automatic backups main keeps; older ones are deleted after each new one. */
export const KEPT_AUTO_BACKUPS = 10;
/**
 * An automatic backup's file name: cinefile-backup-YYYY-MM-DD-HHmmss.cinefile (local time), with -2, -3… when two
 * start in the same second. backup:read and backup:reveal accept nothing else, so a name can never climb folders.
 */
export const AUTO_BACKUP_NAME = /^cinefile-backup-\d{4}-\d{2}-\d{2}-\d{6}(?:-\d{1,3})?\.cinefile$/;

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

const fileFilters = v.pipe(v.array(fileFilter), v.maxLength(10));

/** A streamed save's handle: main hands out crypto.randomUUID() values, so anything else is refused unread. */
const saveToken = v.pipe(v.string(), v.uuid('a save token'));

const autoBackupName = v.pipe(v.string(), v.maxLength(80), v.regex(AUTO_BACKUP_NAME, 'an automatic backup file name'));

/** Longest sync account (the sync target, e.g. "https://couch.example.net/cinefile#anna") sync-secret:* accept. */
export const MAX_SYNC_ACCOUNT_CHARS = 1_000;
/** Longest sync password sync-secret:save accepts. */
export const MAX_SYNC_PASSWORD_CHARS = 1_000;

const syncAccount = v.pipe(
  v.string('a sync account (text)'),
  v.minLength(1, `a sync account of 1 to ${MAX_SYNC_ACCOUNT_CHARS} characters`),
  v.maxLength(MAX_SYNC_ACCOUNT_CHARS, `a sync account of 1 to ${MAX_SYNC_ACCOUNT_CHARS} characters`),
);

/**
 * Every message is written out: valibot's defaults quote the value they received, and a refused password must never
 * end up in an error (main logs a handler's errors).
 */
const syncPassword = v.pipe(
  v.string('a password (text)'),
  v.minLength(1, `a password of 1 to ${MAX_SYNC_PASSWORD_CHARS} characters`),
  v.maxLength(MAX_SYNC_PASSWORD_CHARS, `a password of 1 to ${MAX_SYNC_PASSWORD_CHARS} characters`),
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

/** An open streamed save: the token to send its chunks with, and the name the person gave the file. */
export interface SaveBegun {
  token: string;
  fileName: string;
}

/** Why an automatic backup was made. */
export const autoBackupReasons = ['quit', 'daily'] as const;
export type AutoBackupReason = (typeof autoBackupReasons)[number];

/** One automatic backup in userData/backups, as backup:list describes it. */
export interface AutoBackup {
  /** The bare file name (matches AUTO_BACKUP_NAME); what backup:read and backup:reveal take. */
  name: string;
  /** ISO timestamp: when the backup was started (or the file's modification time if main has no record). */
  createdAt: string;
  bytes: number;
  /** How many films the renderer said it holds; null when main has no record of it. */
  films: number | null;
}

/**
 * Where sync-secret:save kept the password:
 * - 'keychain': encrypted with the OS keychain (Electron safeStorage) in a file of main's, until forgotten;
 * - 'session': only in memory, until Cinefile quits (Electron) or the tab closes (browser sessionStorage);
 * - 'browser-storage': the browser build, when the person asked it to remember: in localStorage, NOT encrypted
 *   (readable by anyone with access to the browser profile) — the settings page says so;
 * - 'not-kept': nowhere (the browser refused its storage); `reason` says why.
 */
export type SyncSecretKept = 'keychain' | 'session' | 'browser-storage' | 'not-kept';

export interface SyncSecretSaved {
  kept: SyncSecretKept;
  /** Why it was kept less well than asked (no usable keychain, storage refused), in a person's words. */
  reason?: string;
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
      filters: fileFilters,
    }),
  }),
  /** Lets the person pick one file; answers its name and bytes, or null when they cancel. */
  'file:open': channel<OpenedFile | null>()({
    verb: 'openFile',
    request: v.object({
      filters: fileFilters,
    }),
  }),
  /**
   * Starts a streamed save for files too big for one message: shows the Save dialog and answers a token for
   * file:save-chunk / file:save-end, or null when the person cancels. Nothing replaces the chosen file until
   * file:save-end succeeds.
   */
  'file:save-begin': channel<SaveBegun | null>()({
    verb: 'saveFileBegin',
    request: v.object({ suggestedName: fileName, filters: fileFilters }),
  }),
  /** Appends one chunk (at most MAX_CHUNK_BYTES) to an open save; send them in order and await each. */
  'file:save-chunk': channel<void>()({
    verb: 'saveFileChunk',
    request: v.object({
      token: saveToken,
      chunk: v.pipe(
        v.instance(Uint8Array),
        v.check((bytes) => bytes.byteLength <= MAX_CHUNK_BYTES, 'a chunk of at most 8 MB'),
      ),
    }),
  }),
  /**
   * Finishes an open save: the file replaces the chosen one in a single step and the answer says where; with
   * `cancel: true` everything written is deleted and the answer is `savedTo: null`. A token works once.
   */
  'file:save-end': channel<{ savedTo: string | null }>()({
    verb: 'saveFileEnd',
    request: v.object({ token: saveToken, cancel: v.optional(v.boolean()) }),
  }),
  /**
   * Prints a self-contained HTML document (no script; images as data: URLs) to an A4 PDF where the person
   * chooses; answers where, or null when they cancel.
   */
  'file:save-pdf': channel<{ savedTo: string | null }>()({
    verb: 'savePdf',
    request: v.object({ suggestedName: fileName, html: v.pipe(v.string(), v.maxLength(MAX_PDF_HTML_CHARS)) }),
  }),
  /**
   * Starts an automatic backup into userData/backups (no dialog); its chunks then go through file:save-chunk and
   * file:save-end like any streamed save. Only the newest KEPT_AUTO_BACKUPS are kept.
   */
  'backup:auto-begin': channel<{ token: string }>()({
    verb: 'autoBackupBegin',
    request: v.object({
      reason: v.picklist(autoBackupReasons),
      films: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000)),
    }),
  }),
  /** The automatic backups, newest first. */
  'backup:list': channel<AutoBackup[]>()({
    verb: 'listBackups',
    request: v.undefined(),
  }),
  /** One automatic backup's bytes, for restoring it. */
  'backup:read': channel<Uint8Array>()({
    verb: 'readBackup',
    request: v.object({ name: autoBackupName }),
  }),
  /** Shows one automatic backup in the system file manager. */
  'backup:reveal': channel<void>()({
    verb: 'revealBackup',
    request: v.object({ name: autoBackupName }),
  }),
  /**
   * The renderer's answer to the 'backup-before-quit' menu command: its backup is done (or failed, ok: false),
   * so Cinefile may quit now. Main quits anyway after a time-out, so an answer is never required to leave.
   */
  'backup:quit-ready': channel<void>()({
    verb: 'quitBackupReady',
    request: v.object({ ok: v.boolean() }),
  }),
  /**
   * Keeps the sync password for `account`, replacing any kept before (one at a time). `remember: true` asks for it
   * to outlive this run: encrypted with the OS keychain when there is one Cinefile can use, otherwise (and with
   * `remember: false`) in main's memory only. The answer says which; it never holds the password.
   */
  'sync-secret:save': channel<SyncSecretSaved>()({
    verb: 'saveSyncSecret',
    request: v.object(
      { account: syncAccount, password: syncPassword, remember: v.boolean() },
      'an object { account, password, remember }',
    ),
  }),
  /** The password kept for exactly this account, or null (none kept, or kept for another account). */
  'sync-secret:read': channel<{ password: string } | null>()({
    verb: 'readSyncSecret',
    request: v.object({ account: syncAccount }),
  }),
  /** Forgets the kept password, on disk and in memory. */
  'sync-secret:forget': channel<{ forgotten: true }>()({
    verb: 'forgetSyncSecret',
    request: v.object({}),
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
/**
 * 'backup' and 'restore' come from File › Back Up… and File › Restore…; 'backup-before-quit' is sent once when
 * the person quits, and the renderer answers it with quitBackupReady (see electron/main/quit-backup.ts).
 */
export const menuCommands = ['add-film', 'show-library', 'import', 'backup', 'restore', 'backup-before-quit'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** The object the preload exposes as `window.cinefile`: verbs, never ipcRenderer itself. */
export type CinefileBridge = BridgeVerbs & {
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};
