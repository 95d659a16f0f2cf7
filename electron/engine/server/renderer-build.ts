import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../app-root';

/** The checkout this runs from (the CLI from source, or bundled in out/main), or app.asar in the packaged app. */
const PROJECT_ROOT = APP_ROOT;
/** Where `npm run build` (electron-vite) puts the renderer. */
export const DEFAULT_RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');
const ELECTRON_VITE = join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
/** Lines of the build's output shown when it fails: the error is at the end. */
const BUILD_OUTPUT_TAIL_LINES = 20;

export class RendererMissingError extends Error {
  constructor(rendererDir: string, detail: string) {
    super(`The UI is not built (${join(rendererDir, 'index.html')} is missing): ${detail}`);
    this.name = 'RendererMissingError';
  }
}

export type BuildOptions = {
  /** Told before the build starts, since it takes a few seconds. */
  onBuild?: () => void;
  /** Replaced in tests. */
  build?: () => Promise<void>;
};

/**
 * A fresh checkout has no `out/renderer` yet: the default folder is built on the spot (electron-vite, a few
 * seconds) rather than making the operator run another command first. A folder given explicitly is never built.
 */
export async function ensureRendererBuilt(rendererDir: string, options: BuildOptions = {}): Promise<void> {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  const isDefault = rendererDir === DEFAULT_RENDERER_DIR;
  if (!isDefault && !options.build)
    throw new RendererMissingError(rendererDir, 'build it with `npm run build`.');
  options.onBuild?.();
  try {
    await (options.build ?? buildRenderer)();
  } catch (error) {
    throw new RendererMissingError(
      rendererDir,
      `building it failed; run \`npm run build\` to see why.\n${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new RendererMissingError(rendererDir, 'the build did not produce it; run `npm run build`.');
  }
}

function buildRenderer(): Promise<void> {
  if (!existsSync(ELECTRON_VITE)) {
    return Promise.reject(new Error('electron-vite is not installed here (run `npm ci` first).'));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ELECTRON_VITE, 'build'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(output.trimEnd().split('\n').slice(-BUILD_OUTPUT_TAIL_LINES).join('\n')));
    });
  });
}
