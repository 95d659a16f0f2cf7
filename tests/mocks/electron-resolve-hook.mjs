// Module resolve hook (see electron-loader.mjs): `electron` is the fake; everything else resolves as usual.
import { URL } from 'node:url';
const FAKE_ELECTRON = new URL('./electron.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: FAKE_ELECTRON, shortCircuit: true };
  return nextResolve(specifier, context);
}
