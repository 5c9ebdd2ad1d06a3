// The same end-to-end specs against the real Electron app, where its binary is installed.
import { describe, it } from 'vitest';
import { catalogSpecs } from './catalog.specs';
import { electronBinary, electronTarget } from './targets';

if (electronBinary()) {
  catalogSpecs(electronTarget(), { screenshots: false });
} else {
  const reason =
    'Electron e2e not run: the Electron binary is not installed on this machine (its download is skipped here); ' +
    'the same specs ran in Chromium.';
  console.log(reason);
  describe('Cinefile in electron', () => {
    it.skip(reason, () => undefined);
  });
}
