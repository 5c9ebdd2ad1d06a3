import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  devServerOrigin,
  isExternalHttpsUrl,
  isTrustedUrl,
  trustedOrigins,
} from '../../../electron/main/origins';

describe('trustedOrigins', () => {
  it('trusts only app://cinefile in a packaged build, even if a dev server URL is in the environment', () => {
    expect(trustedOrigins({ isPackaged: true, rendererUrl: 'http://localhost:5173' })).toEqual([APP_ORIGIN]);
  });

  it('adds the local dev server during `electron-vite dev`', () => {
    expect(trustedOrigins({ isPackaged: false, rendererUrl: 'http://localhost:5173/' })).toEqual([
      APP_ORIGIN,
      'http://localhost:5173',
    ]);
  });

  it('ignores a dev server URL that is not a plain local http server', () => {
    for (const rendererUrl of ['https://evil.example:5173', 'http://192.168.1.5:5173', 'not a url', undefined]) {
      expect(devServerOrigin({ isPackaged: false, rendererUrl }), String(rendererUrl)).toBeNull();
    }
  });
});

describe('isTrustedUrl', () => {
  const origins = [APP_ORIGIN];

  it('accepts pages of the app origin', () => {
    expect(isTrustedUrl('app://cinefile/index.html#/films', origins)).toBe(true);
  });

  it('refuses look-alikes, other schemes and garbage', () => {
    for (const url of [
      'app://cinefile.evil.com/index.html',
      'app://evil/index.html',
      'app://cinefile:1234/index.html',
      'https://cinefile/index.html',
      'file:///work/out/renderer/index.html',
      'about:blank',
      'data:text/html,hi',
      '',
    ]) {
      expect(isTrustedUrl(url, origins), url).toBe(false);
    }
  });
});

describe('isExternalHttpsUrl', () => {
  it('lets only https links out to the system browser', () => {
    expect(isExternalHttpsUrl('https://www.themoviedb.org/movie/1')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'x']) {
      expect(isExternalHttpsUrl(url), url).toBe(false);
    }
  });
});
