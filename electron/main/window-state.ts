/**
 * Remembers the main window's size, position and maximized state in userData/window-state.json, and refuses to
 * restore a window somewhere the user cannot see it (an unplugged monitor, a smaller screen, a corrupt file).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Rectangle } from 'electron';
import * as v from 'valibot';

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 720, height: 500 } as const;
/** How long the window must sit still before a resize or move is written to disk. */
export const SAVE_DELAY_MS = 500;

export interface WindowState {
  bounds: Rectangle;
  isMaximized: boolean;
}

const coordinate = v.pipe(v.number(), v.integer(), v.minValue(-100_000), v.maxValue(100_000));
const length = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000));
const savedStateSchema = v.object({
  bounds: v.object({ x: coordinate, y: coordinate, width: length, height: length }),
  isMaximized: v.boolean(),
});

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** The default size, shrunk to fit a small screen, centred in `area`. */
function centredDefault(area: Rectangle | undefined): Rectangle {
  const screen = area ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, screen.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, screen.height);
  return {
    x: screen.x + Math.round((screen.width - width) / 2),
    y: screen.y + Math.round((screen.height - height) / 2),
    width,
    height,
  };
}

/**
 * Turns whatever was saved (possibly nothing, possibly garbage) into bounds that are safe on today's displays.
 * `workAreas` are the displays' usable areas, primary display first. Falls back to 1280×820 centred on the primary
 * display when the saved state is missing or malformed, overlaps no display, or is larger than the display it is
 * on. A window that hangs partly off its display is slid back fully onto it rather than reset.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rectangle[]): WindowState {
  const parsed = v.safeParse(savedStateSchema, saved);
  if (!parsed.success) return { bounds: centredDefault(workAreas[0]), isMaximized: false };

  const { isMaximized } = parsed.output;
  const bounds = {
    ...parsed.output.bounds,
    width: Math.max(parsed.output.bounds.width, MIN_WINDOW_SIZE.width),
    height: Math.max(parsed.output.bounds.height, MIN_WINDOW_SIZE.height),
  };

  let home: Rectangle | undefined;
  let homeOverlap = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > homeOverlap) {
      home = area;
      homeOverlap = overlap;
    }
  }
  if (home === undefined || bounds.width > home.width || bounds.height > home.height) {
    return { bounds: centredDefault(workAreas[0]), isMaximized };
  }

  return {
    bounds: {
      x: Math.min(Math.max(bounds.x, home.x), home.x + home.width - bounds.width),
      y: Math.min(Math.max(bounds.y, home.y), home.y + home.height - bounds.height),
      width: bounds.width,
      height: bounds.height,
    },
    isMaximized,
  };
}

/** Reads the saved file and makes it safe. A missing, unreadable or corrupt file means "nothing saved". */
export function loadWindowState(filePath: string, workAreas: readonly Rectangle[]): WindowState {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch {
    saved = undefined;
  }
  return restoreWindowState(saved, workAreas);
}

/**
 * Writes through a temp file and a rename, so a crash mid-write leaves the old file or the new one, never half
 * of each (rename within one folder is atomic). Errors are swallowed: losing a window size is not worth a dialog.
 */
export function saveWindowState(filePath: string, state: WindowState): void {
  const tempPath = `${filePath}.${process.pid}.tmp`;
  try {
    writeFileSync(tempPath, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
    renameSync(tempPath, filePath);
  } catch (error) {
    console.warn('Cinefile: could not save the window position', error);
  }
}

/** The part of a BrowserWindow that state tracking uses (a narrow type so tests can pass a stand-in). */
export interface TrackedWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

/** Keeps `filePath` in step with `window`: debounced while resizing or moving, immediately on close. */
export function trackWindowState(window: TrackedWindow, filePath: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Normal bounds, not current ones: un-maximizing next time should return to the size the user chose.
  const snapshot = (): WindowState => ({ bounds: window.getNormalBounds(), isMaximized: window.isMaximized() });
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => saveWindowState(filePath, snapshot()), SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    saveWindowState(filePath, snapshot());
  });
}
