/**
 * Every Electron event main listens for is one Electron really emits. Electron's classes inherit Node's
 * `on(eventName: string | symbol, ...)`, so a misspelt 'will-navigate' type-checks, and a fake emitter in a test
 * emits whatever the test spells: a guard on a name Electron never fires would pass everything and guard nothing.
 * This reads the sources of electron/main and node_modules/electron/electron.d.ts as text (parsed with the
 * TypeScript compiler, never imported) and checks each `.on('…')` / `.once('…')` (and friends) against the events
 * electron.d.ts declares for the class the receiver is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../../..');
const MAIN_DIR = join(REPO, 'electron/main');
const ELECTRON_DTS = join(REPO, 'node_modules/electron/electron.d.ts');

/** The Electron classes main's listeners are registered on. */
type ElectronClass = 'App' | 'BrowserWindow' | 'WebContents';

/**
 * What each receiver of `.on(...)` is, per file of electron/main. A registration on a receiver missing here fails
 * the test, so a new listener cannot go unchecked: add its receiver with the Electron class it is.
 */
const RECEIVERS: Record<string, Record<string, ElectronClass>> = {
  'security.ts': { contents: 'WebContents' },
  'window.ts': { window: 'BrowserWindow' },
  'window-state.ts': { window: 'BrowserWindow' },
  'quit-backup.ts': { app: 'App', window: 'BrowserWindow', 'window.webContents': 'WebContents' },
  'index.ts': { app: 'App', mainWindow: 'BrowserWindow' },
  'file-saves.ts': { owner: 'WebContents' },
  'pdf.ts': { contents: 'WebContents' },
};

/** Listener methods, and the per-event overload in electron.d.ts that declares the same event for each. */
const LISTENER_METHODS: Record<string, string> = {
  on: 'on',
  once: 'once',
  off: 'off',
  addListener: 'addListener',
  removeListener: 'removeListener',
  prependListener: 'on',
  prependOnceListener: 'once',
};

interface Registration {
  file: string;
  line: number;
  receiver: string;
  method: string;
  /** The event name, or null when it is not a string literal (and so cannot be checked). */
  event: string | null;
}

/** Every `receiver.on('event', ...)`-style call in `text` (comments and strings that merely mention one ignored). */
function registrationsIn(file: string, text: string): Registration[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Registration[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      Object.hasOwn(LISTENER_METHODS, node.expression.name.text)
    ) {
      const first = node.arguments[0];
      found.push({
        file,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        receiver: node.expression.expression.getText(source),
        method: node.expression.name.text,
        event: first !== undefined && ts.isStringLiteralLike(first) ? first.text : null,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** method → event names, for each class and interface directly in electron.d.ts's `namespace Electron`. */
interface DeclaredType {
  events: Map<string, Set<string>>;
  bases: string[];
}

function declaredEventsIn(dtsText: string): Map<string, DeclaredType> {
  const source = ts.createSourceFile('electron.d.ts', dtsText, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const types = new Map<string, DeclaredType>();
  const namespace = source.statements.find(
    (statement): statement is ts.ModuleDeclaration =>
      ts.isModuleDeclaration(statement) && statement.name.text === 'Electron' && statement.body !== undefined,
  );
  if (namespace?.body === undefined || !ts.isModuleBlock(namespace.body)) throw new Error('no namespace Electron');
  for (const statement of namespace.body.statements) {
    if (!(ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) || statement.name === undefined) {
      continue;
    }
    // Declarations of one name merge, as they do in TypeScript.
    const type = types.get(statement.name.text) ?? { events: new Map<string, Set<string>>(), bases: [] };
    types.set(statement.name.text, type);
    for (const clause of statement.heritageClauses ?? []) {
      if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      for (const base of clause.types) type.bases.push(base.expression.getText(source));
    }
    for (const member of statement.members) {
      if (!(ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) || !ts.isIdentifier(member.name)) continue;
      const eventType = member.parameters[0]?.type;
      if (eventType === undefined || !ts.isLiteralTypeNode(eventType) || !ts.isStringLiteral(eventType.literal)) continue;
      const events = type.events.get(member.name.text) ?? new Set<string>();
      events.add(eventType.literal.text);
      type.events.set(member.name.text, events);
    }
  }
  return types;
}

/** Whether `className` (or a class it extends, like BrowserWindow → BaseWindow) declares `method(event: 'event'`. */
function declares(types: Map<string, DeclaredType>, className: string, method: string, event: string): boolean {
  const type = types.get(className);
  if (type === undefined) return false;
  if (type.events.get(method)?.has(event)) return true;
  return type.bases.some((base) => declares(types, base, method, event));
}

/** What is wrong with each registration in `file` (empty when every one names a declared event of its class). */
function problemsWith(types: Map<string, DeclaredType>, registrations: readonly Registration[]): string[] {
  return registrations.flatMap(({ file, line, receiver, method, event }) => {
    const where = `${file}:${line} ${receiver}.${method}(${event === null ? '…' : `'${event}'`})`;
    const className = RECEIVERS[file]?.[receiver];
    if (className === undefined) return [`${where}: which Electron class is "${receiver}"? Add it to RECEIVERS`];
    if (event === null) return [`${where}: the event name is not a string literal, so it cannot be checked`];
    const declaredMethod = LISTENER_METHODS[method] ?? method;
    if (!declares(types, className, declaredMethod, event)) {
      return [`${where}: electron.d.ts declares no ${declaredMethod}(event: '${event}') on ${className}`];
    }
    return [];
  });
}

const types = declaredEventsIn(readFileSync(ELECTRON_DTS, 'utf8'));
const mainFiles = readdirSync(MAIN_DIR).filter((name) => name.endsWith('.ts'));
const registrations = new Map(
  mainFiles.map((name) => [name, registrationsIn(name, readFileSync(join(MAIN_DIR, name), 'utf8'))] as const),
);
const filesWithListeners = mainFiles.filter((name) => (registrations.get(name) ?? []).length > 0);

describe('electron.d.ts, as parsed here', () => {
  it('declares the events of the classes main listens on, and what each extends', () => {
    expect(declares(types, 'WebContents', 'on', 'will-navigate')).toBe(true);
    expect(declares(types, 'App', 'once', 'before-quit')).toBe(true);
    expect(declares(types, 'BrowserWindow', 'on', 'ready-to-show')).toBe(true);
    expect(types.get('BrowserWindow')?.bases).toEqual(['BaseWindow']);
    expect(declares(types, 'BrowserWindow', 'on', 'will-resize')).toBe(true);
    // And nothing else: a name on the wrong class, or no class, is not declared.
    expect(declares(types, 'WebContents', 'on', 'will-navigat')).toBe(false);
    expect(declares(types, 'WebContents', 'on', 'before-quit')).toBe(false);
    expect(declares(types, 'App', 'on', 'will-navigate')).toBe(false);
  });
});

describe('events main registers', () => {
  it('are found where the guards and the quit backup register them', () => {
    const names = (file: string): string[] =>
      (registrations.get(file) ?? []).map(({ receiver, method, event }) => `${receiver}.${method} ${event}`);
    expect(names('security.ts')).toEqual(
      expect.arrayContaining(['contents.on will-navigate', 'contents.on will-redirect', 'contents.on will-attach-webview']),
    );
    expect(names('window.ts')).toEqual(expect.arrayContaining(['window.once ready-to-show']));
    expect(names('quit-backup.ts')).toEqual(
      expect.arrayContaining([
        'app.on before-quit',
        'window.on close',
        'window.once closed',
        'window.webContents.once render-process-gone',
        'window.removeListener closed',
        'window.webContents.removeListener render-process-gone',
      ]),
    );
  });

  it.each(filesWithListeners)('in %s are all declared by Electron for their class', (file) => {
    expect(problemsWith(types, registrations.get(file) ?? [])).toEqual([]);
  });

  it('would catch a misspelt event, an event on the wrong class, an unknown receiver and a computed name', () => {
    const snippet = [
      "contents.on('will-navigat', stay);",
      "contents.once('before-quit', stop);",
      "someone.on('will-navigate', stay);",
      'contents.on(EVENT, stay);',
      "// contents.on('in-a-comment', stay) is not a registration",
      "const text = \"contents.on('in-a-string')\";",
      "contents.on('will-navigate', stay);",
    ].join('\n');
    expect(problemsWith(types, registrationsIn('security.ts', snippet))).toEqual([
      "security.ts:1 contents.on('will-navigat'): electron.d.ts declares no on(event: 'will-navigat') on WebContents",
      "security.ts:2 contents.once('before-quit'): electron.d.ts declares no once(event: 'before-quit') on WebContents",
      `security.ts:3 someone.on('will-navigate'): which Electron class is "someone"? Add it to RECEIVERS`,
      'security.ts:4 contents.on(…): the event name is not a string literal, so it cannot be checked',
    ]);
  });

  it('covers every file of electron/main that registers a listener', () => {
    expect(filesWithListeners.filter((file) => RECEIVERS[file] === undefined)).toEqual([]);
    expect(filesWithListeners).toEqual(expect.arrayContaining(['security.ts', 'window.ts', 'quit-backup.ts']));
  });
});
