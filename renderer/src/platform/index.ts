/** Picks the platform once: the Electron bridge when the preload exposed it, the browser otherwise. */
import { browserPlatform } from './browser';
import { electronPlatform, type Platform } from './platform';

export type { Platform } from './platform';

export const platform: Platform = window.cinefile ? electronPlatform(window.cinefile) : browserPlatform();
