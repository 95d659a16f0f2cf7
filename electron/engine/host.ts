import { join } from 'node:path';
import type { EngineEvents } from '../../shared/contract/events';
import { ChartSyncError } from '../../shared/errors';
import type { RunningEmulator } from '../emulator';
import { recordAudit, type AuditEntryInput } from './audit/audit-log';
import {
  resolveConfig,
  resolveDataDirFrom,
  type AppConfig,
  type ConfigFlags,
  type StoredSettings,
} from './config/app-config';
import { DATABASE_FILE_NAME, DEMO_DATABASE_FILE_NAME } from './config/data-dir';
import { readSettings } from './config/settings-store';
import { connectionHandlers, type ConnectionHost } from './credentials/connection-handlers';
import type { CredentialVault } from './credentials/credential-vault';
import { FileCredentialVault } from './credentials/file-credential-vault';
import { withTokenUrl } from './credentials/token-url';
import { openDatabase } from './db/open-database';
import { seedDemo } from './demo/seed-demo';
import { Engine } from './engine';
import { EventBus } from './events';
import { carrySettings } from './hosting/carry-settings';
import { proxyHandlers, relayEvents } from './hosting/engine-relay';
import type { EnginePort } from './server/engine-port';
import { SANDBOX_CREDENTIALS, type Credentials } from './soundcharts/auth';
import type { WorkerEntry } from './sync/sync-pool';
import type { CloseReason } from './export/export-service';

export { DEMO_DATABASE_FILE_NAME };
/** The demo's data is the same on every machine. */
export const DEMO_SEED = 2026;

export type ConnectionChange = EngineEvents['app/connection-changed'];

export type HostedEngine = {
  /** The engine running now: replaced when the host reconnects, so never keep it (bind `port`). */
  readonly engine: Engine;
  readonly config: AppConfig;
  /** Running on the built-in emulator because no credentials are configured. */
  readonly demo: boolean;
  /** What transports bind: the same across reconnections (calls reach the engine of the moment, events relay). */
  readonly port: EnginePort;
  readonly vault: CredentialVault;
  /** Told after each reconnection, once the new engine runs. Returns the unsubscribe. */
  onReconnect(listener: (change: ConnectionChange) => void): () => void;
  close(): Promise<void>;
};

export type HostOptions = {
  version: string;
  flags?: ConfigFlags;
  env?: Readonly<Record<string, string | undefined>>;
  workerEntry?: WorkerEntry;
  onError?: (error: unknown) => void;
  /** Where saved credentials live: by default a file readable by this user only, in the data folder. */
  vault?: CredentialVault;
  /**
   * Saved credentials that cannot be read (a damaged file, or one the desktop encrypted with a keychain this
   * process cannot use) stop the start with an error saying what to do, unless `as-none`: then the host runs as
   * if none were saved (what `chart-sync credentials set|clear|show` need, to repair it).
   */
  unreadableVault?: 'fail' | 'as-none';
};

/**
 * Everything a host needs to run the engine: the configuration (flags, environment, saved credentials, stored
 * settings), the database, and the connection to Soundcharts: the real one when credentials are set, else the
 * built-in emulator on loopback with demo schedules, so the app does something real out of the box. Saving or
 * clearing credentials, or changing the API URL, reconnects without a restart (see HostSupervisor).
 */
export async function startHostedEngine(options: HostOptions): Promise<HostedEngine> {
  const flags = options.flags ?? {};
  const env = options.env ?? process.env;
  const vault = options.vault ?? new FileCredentialVault({ dataDir: resolveDataDirFrom(flags, env) });
  const supervisor = new HostSupervisor(options, flags, env, vault);
  await supervisor.start();
  return supervisor.hosted();
}

/** One engine and what it runs on. */
type Live = {
  engine: Engine;
  config: AppConfig;
  emulator: RunningEmulator | null;
  /** The Soundcharts URL the engine talks to (the emulator's in demo mode). */
  url: string;
  detach: () => void;
};

/**
 * Keeps one engine running and replaces it when the connection in effect changes: the current one closes
 * gracefully (the period in flight commits), the other database opens (demo and real data never share one),
 * the operator's settings come along, and the new engine takes over the scheduler if the old one ran it.
 */
class HostSupervisor implements ConnectionHost {
  private readonly events = new EventBus();
  private live: Live | null = null;
  /** Reconnections run one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set while engines are being swapped: calls wait for it. */
  private switching: Promise<void> | null = null;
  private readonly reconnectListeners = new Set<(change: ConnectionChange) => void>();
  private closed = false;
  /** Why the saved credentials could not be read at the last resolution (`unreadableVault: 'as-none'`). */
  private unreadable: string | null = null;
  private readonly port: EnginePort;

  constructor(
    private readonly options: HostOptions,
    private readonly flags: ConfigFlags,
    private readonly env: Readonly<Record<string, string | undefined>>,
    readonly vault: CredentialVault,
  ) {
    this.port = {
      handlers: proxyHandlers(() => this.settledEngine()),
      events: { on: (name, listener) => this.events.on(name, listener) },
      exports: {
        prepareStream: (input) => this.current().engine.exports.prepareStream(input),
        fileOf: (id) => this.current().engine.exports.fileOf(id),
      },
    };
  }

  async start(): Promise<void> {
    this.live = await this.open(null, this.savedOnce());
  }

  hosted(): HostedEngine {
    const current = () => this.current();
    const demo = () => this.demo();
    return {
      get engine() {
        return current().engine;
      },
      get config() {
        return current().config;
      },
      get demo() {
        return demo();
      },
      port: this.port,
      vault: this.vault,
      onReconnect: (listener) => {
        this.reconnectListeners.add(listener);
        return () => this.reconnectListeners.delete(listener);
      },
      close: () => this.close(),
    };
  }

  config(): AppConfig {
    return this.current().config;
  }

  demo(): boolean {
    return this.current().emulator !== null;
  }

  connectedUrl(): string {
    return this.current().url;
  }

  onCredentialsAccepted(): () => void {
    const { engine } = this.current();
    return () => {
      // Another connection since the test began (credentials saved meanwhile): its hold is not ours to lift.
      if (this.live?.engine !== engine) return;
      engine.enrichment.release();
      // A refusal met by a metadata fetch of its own paused it (not held): that is over too. Not a plan or quota
      // pause: a free team/usage read proves neither.
      if (engine.enrichment.paused?.code === 'auth') engine.enrichment.kick();
    };
  }

  audit(entry: AuditEntryInput): void {
    recordAudit(this.current().engine.database, entry, Date.now());
  }

  /**
   * Resolves the configuration again (after credentials were saved, settings changed, or another process
   * changed either) and acts on what changed: another connection reconnects; a new rate limit alone is applied
   * live to the budget every thread shares.
   */
  follow(): Promise<void> {
    const run = this.queue.then(() => this.followNow());
    this.queue = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    if (this.live) await this.retire(this.live);
  }

  private async followNow(): Promise<void> {
    if (this.closed) return;
    const current = this.current();
    const saved = this.savedOnce();
    const stored = readSettings(current.engine.database);
    const next = this.resolve(stored, saved);
    const demoNext = next.credentials === null;
    const sameConnection =
      demoNext === (current.emulator !== null) &&
      sameCredentials(next.credentials, current.config.credentials) &&
      // In demo mode the engine talks to the emulator whatever the API URL says.
      (demoNext || next.apiUrl === current.config.apiUrl);
    if (sameConnection) {
      if (next.rateLimitPerMinute !== current.config.rateLimitPerMinute) {
        current.engine.client.rateLimiter.setPerMinute(next.rateLimitPerMinute);
      }
      current.config = next;
      return;
    }
    const leavingDatabase = demoNext !== (current.emulator !== null);
    await this.reconnect(current, leavingDatabase ? stored : null, saved);
  }

  private async reconnect(
    previous: Live,
    carry: StoredSettings | null,
    saved: () => Credentials | null,
  ): Promise<void> {
    let switched: () => void = () => {};
    this.switching = new Promise((resolve) => (switched = resolve));
    try {
      // Its scheduler may still be waiting for the first answer (serve): a reconnection then schedules too.
      const wasScheduling = previous.engine.schedulingStarted;
      let next: Live;
      try {
        // The other engine opens before this one closes: a database that is refused leaves this one running.
        next = await this.open(carry, saved);
      } catch (error) {
        throw reconnectFailed(error, previous);
      }
      // The new engine takes over even if closing the old one failed (reported): it is the one that works.
      await this.retire(previous, 'reconnect').catch((error: unknown) => this.report(error));
      this.live = next;
      // Said before the new engine syncs: what follows the switch (the power blocker, the screens) starts afresh
      // on it, and must not then forget the sync the new scheduler resumed at once.
      const change: ConnectionChange = { demo: next.emulator !== null, apiUrl: next.url };
      this.events.emit('app/connection-changed', change);
      for (const listener of [...this.reconnectListeners]) {
        try {
          listener(change);
        } catch (error) {
          this.report(error);
        }
      }
      if (wasScheduling) this.startScheduler(next.engine);
    } finally {
      this.switching = null;
      switched();
    }
  }

  /** Opens the database the configuration calls for (demo or real), and an engine on it. */
  private async open(carry: StoredSettings | null, saved: () => Credentials | null): Promise<Live> {
    const demo = this.resolve({}, saved).credentials === null;
    const dataDir = resolveDataDirFrom(this.flags, this.env);
    const database = openDatabase({
      file: join(dataDir, demo ? DEMO_DATABASE_FILE_NAME : DATABASE_FILE_NAME),
    });
    let emulator: RunningEmulator | null = null;
    let engine: Engine | null = null;
    try {
      if (carry) carrySettings(database, carry, Date.now());
      const config = this.resolve(readSettings(database), saved);
      // Loaded in demo mode only: with credentials set, the emulator's code is never needed.
      if (demo) emulator = await (await import('../emulator')).startEmulator({ seed: DEMO_SEED });
      const url = emulator ? emulator.url : config.apiUrl;
      engine = new Engine({
        database,
        version: this.options.version,
        connection: {
          baseUrl: url,
          credentials: config.credentials ? withTokenUrl(config.credentials, url) : SANDBOX_CREDENTIALS,
        },
        rateLimitPerMinute: config.rateLimitPerMinute,
        tickMs: config.tickMs,
        demo,
        credentialSource: config.credentialSource,
        hostHandlers: connectionHandlers(this),
        ...(this.options.workerEntry ? { workerEntry: this.options.workerEntry } : {}),
        ...(this.options.onError ? { onError: this.options.onError } : {}),
      });
      if (emulator) await seedDemo(engine);
      const detach = this.attach(engine);
      return { engine, config, emulator, url, detach };
    } catch (error) {
      if (engine) await engine.close();
      else database.close();
      await emulator?.close();
      throw error;
    }
  }

  /** Relays the engine's events, and follows the changes that may change the connection. */
  private attach(engine: Engine): () => void {
    const followSoon = () => void this.follow().catch((error: unknown) => this.report(error));
    const offs = [
      relayEvents(engine, this.events),
      engine.events.on('settings/changed', followSoon),
      // The CLI saved credentials or changed settings in this database while this host runs.
      engine.events.on('app/external-change', followSoon),
    ];
    return () => {
      for (const off of offs) off();
    };
  }

  /** Closes gracefully (syncs in flight commit their period), relaying its last events, then its emulator. */
  private async retire(live: Live, reason: CloseReason = 'shutdown'): Promise<void> {
    try {
      await live.engine.close(reason);
    } finally {
      live.detach();
      await live.emulator?.close();
    }
  }

  /** Only the process holding this database's sync lock syncs: another one keeps it, and this one serves. */
  private startScheduler(engine: Engine): void {
    try {
      engine.startScheduler();
    } catch (error) {
      this.report(error);
    }
  }

  private resolve(stored: StoredSettings, saved: () => Credentials | null): AppConfig {
    return resolveConfig(this.flags, this.env, stored, saved);
  }

  /** The vault is read once per resolution, and only if no flag or variable gives credentials. */
  private savedOnce(): () => Credentials | null {
    let read: { value: Credentials | null } | null = null;
    return () => (read ??= { value: this.readVault() }).value;
  }

  private readVault(): Credentials | null {
    try {
      const saved = this.vault.read();
      this.unreadable = null;
      return saved;
    } catch (error) {
      if (this.options.unreadableVault !== 'as-none') throw error;
      // Said where the saved credentials are shown (Settings, `chart-sync credentials show`) until replaced.
      this.unreadable = error instanceof Error ? error.message : String(error);
      return null;
    }
  }

  vaultProblem(): string | null {
    return this.unreadable;
  }

  private current(): Live {
    if (!this.live) throw new ChartSyncError('invalid_state', 'Chart Sync is still starting.');
    return this.live;
  }

  private async settledEngine(): Promise<Engine> {
    while (this.switching) await this.switching;
    return this.current().engine;
  }

  private report(error: unknown): void {
    (this.options.onError ?? ((e: unknown) => console.error('chart-sync host:', e)))(error);
  }
}

function sameCredentials(a: Credentials | null, b: Credentials | null): boolean {
  const canonical = (c: Credentials | null) => JSON.stringify(c, c ? Object.keys(c).sort() : null);
  return canonical(a) === canonical(b);
}

function reconnectFailed(error: unknown, kept: Live): ChartSyncError {
  const where = kept.emulator ? 'the demo (built-in emulator)' : kept.url;
  const reason = error instanceof Error ? error.message : String(error);
  return new ChartSyncError(
    error instanceof ChartSyncError ? error.code : 'internal',
    `Chart Sync could not switch to the new connection: ${reason} It keeps running as before, on ${where}.`,
    { cause: error },
  );
}
