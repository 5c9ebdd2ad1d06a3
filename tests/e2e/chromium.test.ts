// The end-to-end specs in Debian's Chromium against the built renderer (the browser platform adapter).
import { inject } from 'vitest';
import { catalogSpecs } from './catalog.specs';
import { chromiumTarget } from './targets';

catalogSpecs(chromiumTarget(inject('baseUrl')), { screenshots: true });
