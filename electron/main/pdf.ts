/**
 * Print-to-PDF for exports: the renderer builds a self-contained HTML document, main lays it out in a hidden
 * window and asks Chromium for an A4 PDF.
 *
 * The page is served from memory on app://print/<random id>.html inside its own in-memory session, not as a
 * data: URL (Chromium refuses URLs over 2 MB, and posters make exports larger) and not as a temp file (a crash
 * would leave the catalog in the temp folder, and a file:// page may load other local files). The response
 * carries a CSP allowing only inline styles and data: images and fonts; the window runs no JavaScript, has no
 * preload, cannot navigate or open windows, and is destroyed when done or after PDF_TIMEOUT_MS.
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type PrintToPDFOptions, type Session, type WebContents } from 'electron';
import { APP_SCHEME } from './protocol';
import { denyAllPermissions } from './security';

export const PDF_TIMEOUT_MS = 30_000;
/** No "persist:" prefix: the session lives in memory only and shares nothing with the app's own. */
export const PRINT_PARTITION = 'cinefile-print';
/** Not app://cinefile, so the print page is never one of the origins main trusts. */
export const PRINT_HOST = 'print';

export const PRINT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Margins are in inches: 0.4 in ≈ 1 cm. */
export const PDF_OPTIONS: PrintToPDFOptions = {
  printBackground: true,
  pageSize: 'A4',
  margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 },
};

/** HTML waiting to be printed, by page id; each entry lives only while its window does. */
const pages = new Map<string, string>();
let printSession: Session | null = null;

function pageUrl(id: string): string {
  return `${APP_SCHEME}://${PRINT_HOST}/${id}.html`;
}

/** The HTML `requestUrl` names, if it is one of the pages being printed. */
export function printPageFor(requestUrl: string): string | undefined {
  const match = /^app:\/\/print\/([0-9a-f-]{36})\.html$/.exec(requestUrl);
  return match?.[1] === undefined ? undefined : pages.get(match[1]);
}

function servedPage(requestUrl: string): Response {
  const html = printPageFor(requestUrl);
  const headers = { 'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (html === undefined) return new Response(null, { status: 404, headers });
  return new Response(html, { headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

/** The print session, set up on first use (sessions exist only once the app is ready). */
function preparedSession(): Session {
  if (printSession !== null) return printSession;
  const created = session.fromPartition(PRINT_PARTITION);
  denyAllPermissions(created);
  created.protocol.handle(APP_SCHEME, (request) => servedPage(request.url));
  printSession = created;
  return created;
}

/** The print window stays on its one page: no navigation, redirects, pop-ups or <webview>. */
function denyNavigation(contents: WebContents): void {
  const refuse = (event: { preventDefault(): void }): void => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

async function printPage(window: BrowserWindow, url: string): Promise<Uint8Array> {
  try {
    await window.loadURL(url);
    const pdf = await window.webContents.printToPDF(PDF_OPTIONS);
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } catch (error) {
    throw new Error(`Could not make the PDF: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Lays `html` out in a hidden window and answers it as PDF bytes; fails after `timeoutMs`. */
export async function renderPdf(html: string, timeoutMs = PDF_TIMEOUT_MS): Promise<Uint8Array> {
  const id = randomUUID();
  pages.set(id, html);
  const window = new BrowserWindow({
    show: false,
    // A4 at 96 dpi; the PDF's layout comes from pageSize, this only keeps the off-screen layout realistic.
    width: 794,
    height: 1123,
    webPreferences: {
      session: preparedSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  denyNavigation(window.webContents);

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`Making the PDF took longer than ${timeoutMs / 1000} seconds, so nothing was saved.`));
    }, timeoutMs);
  });
  const printing = printPage(window, pageUrl(id));
  // When the time-out wins, destroying the window makes printing fail later: expected, and not worth reporting.
  printing.catch(() => undefined);
  try {
    return await Promise.race([printing, timedOut]);
  } finally {
    clearTimeout(timer);
    pages.delete(id);
    // destroy(), not close(): a hung page must not be able to keep its window (or the app) alive.
    if (!window.isDestroyed()) window.destroy();
  }
}
