// `node --import tsx --import ./tests/mocks/electron-loader.mjs …`: the built app's `import … from 'electron'`
// gets the fake electron of the unit tests (tests/mocks/electron.ts), since Electron cannot run here.
import { register } from 'node:module';

register('./electron-resolve-hook.mjs', import.meta.url);
