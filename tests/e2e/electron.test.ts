// The same end-to-end specs against the real Electron app, where its binary is installed. Where it is not (these
// build machines skip its download), the specs are reported as skipped with the reason in their suite's name.
import { describe } from 'vitest';
import { catalogSpecs } from './catalog.specs';
import { electronBinary, electronTarget } from './targets';

const binary = electronBinary();
const reason = 'the Electron binary is not installed on this machine; the same specs ran in Chromium';
if (binary === null) console.log(`Electron end-to-end run skipped: ${reason}.`);

describe.skipIf(binary === null)(binary === null ? `Electron (skipped: ${reason})` : 'Electron', () => {
  catalogSpecs(electronTarget(), { screenshots: false });
});
