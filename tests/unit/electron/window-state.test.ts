import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  loadWindowState,
  restoreWindowState,
  saveWindowState,
  SAVE_DELAY_MS,
  trackWindowState,
  type TrackedWindow,
  type WindowState,
} from '../../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };
const centredOnLaptop = { x: 320, y: 115, width: 1280, height: 820 };

describe('restoreWindowState', () => {
  it('opens a 1280×820 window centred on the primary display when nothing was saved', () => {
    expect(restoreWindowState(undefined, [laptop, rightMonitor])).toEqual({ bounds: centredOnLaptop, isMaximized: false });
  });

  it('treats malformed saved state as nothing saved', () => {
    for (const saved of [
      null,
      'garbage',
      {},
      { bounds: { x: 0, y: 0, width: 800 }, isMaximized: false },
      { bounds: { x: 0, y: 0, width: 800, height: 600 }, isMaximized: 'yes' },
      { bounds: { x: 0.5, y: 0, width: 800, height: 600 }, isMaximized: false },
      { bounds: { x: 0, y: 0, width: -800, height: 600 }, isMaximized: false },
      { bounds: { x: Number.NaN, y: 0, width: 800, height: 600 }, isMaximized: false },
    ]) {
      expect(restoreWindowState(saved, [laptop]), JSON.stringify(saved)).toEqual({
        bounds: centredOnLaptop,
        isMaximized: false,
      });
    }
  });

  it('puts a window back exactly where it was when that spot is still on screen', () => {
    const saved: WindowState = { bounds: { x: 2100, y: 80, width: 1500, height: 900 }, isMaximized: true };
    expect(restoreWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('resets a window that was on a monitor that is no longer connected', () => {
    const saved = { bounds: { x: 2100, y: 80, width: 1500, height: 900 }, isMaximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual({ bounds: centredOnLaptop, isMaximized: false });
  });

  it('resets a window larger than the display it is on, but keeps it maximized if it was', () => {
    const saved = { bounds: { x: 0, y: 0, width: 2400, height: 1300 }, isMaximized: true };
    expect(restoreWindowState(saved, [laptop])).toEqual({ bounds: centredOnLaptop, isMaximized: true });
  });

  it('slides a window hanging off the edge back fully onto its display', () => {
    const saved = { bounds: { x: -300, y: 900, width: 1000, height: 700 }, isMaximized: false };
    expect(restoreWindowState(saved, [laptop]).bounds).toEqual({ x: 0, y: 350, width: 1000, height: 700 });
  });

  it('picks the display the window mostly overlapped', () => {
    const saved = { bounds: { x: 1800, y: 100, width: 1200, height: 800 }, isMaximized: false };
    expect(restoreWindowState(saved, [laptop, rightMonitor]).bounds).toEqual({
      x: 1920,
      y: 100,
      width: 1200,
      height: 800,
    });
  });

  it('grows a saved window smaller than the minimum size', () => {
    const saved = { bounds: { x: 100, y: 100, width: 200, height: 100 }, isMaximized: false };
    expect(restoreWindowState(saved, [laptop]).bounds).toEqual({ x: 100, y: 100, width: 720, height: 500 });
  });

  it('shrinks the default to fit a small screen, respecting the work area offset (e.g. a top panel)', () => {
    const small = { x: 0, y: 32, width: 1024, height: 736 };
    expect(restoreWindowState(undefined, [small]).bounds).toEqual({ x: 0, y: 32, width: 1024, height: 736 });
  });
});

describe('window-state.json on disk', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cinefile-window-state-'));
    file = join(dir, 'window-state.json');
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the default window when the file is missing or corrupt', () => {
    expect(loadWindowState(file, [laptop])).toEqual({ bounds: centredOnLaptop, isMaximized: false });
    writeFileSync(file, '{"bounds": {"x": 10, "y": ');
    expect(loadWindowState(file, [laptop])).toEqual({ bounds: centredOnLaptop, isMaximized: false });
  });

  it('round-trips a saved state, replacing the old file and leaving no temp file behind', () => {
    writeFileSync(file, 'old contents');
    const state: WindowState = { bounds: { x: 40, y: 60, width: 1000, height: 700 }, isMaximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file, [laptop])).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('saves once after the window stops moving, and at once when it closes', () => {
    vi.useFakeTimers();
    const listeners = new Map<string, () => void>();
    let bounds = { x: 10, y: 20, width: 900, height: 600 };
    const window: TrackedWindow = {
      getNormalBounds: () => bounds,
      isMaximized: () => false,
      on: (event, listener) => listeners.set(event, listener),
    };
    trackWindowState(window, file);
    const emit = (event: string): void => listeners.get(event)?.();

    emit('move');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    emit('resize');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds, isMaximized: false });

    bounds = { x: 30, y: 40, width: 1000, height: 700 };
    emit('resize');
    emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds, isMaximized: false });
  });
});
