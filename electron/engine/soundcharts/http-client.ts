import type * as GotPackage from 'got';
import type { ExtendOptions, Got, OptionsInit, Response } from 'got';

type GotModule = typeof GotPackage;

/**
 * What the client sends its requests with: got's get and post, answered as text. got (with its dependencies
 * and node:https) is loaded by the first request, not when the client is created: most starts of the app (the
 * CLI's commands, `serve` until something syncs) never send one, and loading it took a good part of their start
 * (docs/benchmarks.md, goal 3).
 */
export type HttpClient = {
  get(url: string, options: OptionsInit): Promise<Response<string>>;
  post(url: string, options: OptionsInit): Promise<Response<string>>;
};

let loading: Promise<GotModule> | null = null;
let loaded: GotModule | null = null;

function loadGot(): Promise<GotModule> {
  loading ??= import('got').then((module) => (loaded = module));
  return loading;
}

/** got once a request loaded it: until then no error can be one of got's. */
export function loadedGot(): GotModule | null {
  return loaded;
}

/** A got instance with these defaults, made (and got loaded) when the first request is sent. */
export function lazyGot(defaults: ExtendOptions): HttpClient {
  let instance: Promise<Got> | null = null;
  const http = () => (instance ??= loadGot().then((module) => module.default.extend(defaults)));
  return {
    get: async (url, options) => (await http()).get(url, options) as Promise<Response<string>>,
    post: async (url, options) => (await http()).post(url, options) as Promise<Response<string>>,
  };
}
