import { join } from 'node:path';
import type { CallHandlers } from '../../shared/contract/calls';
import { createHandlers } from './api/handlers';
import { DATABASE_FILE_NAME } from './config/data-dir';
import { openDatabase, type AppDatabase } from './db/open-database';
import { ExecutionService } from './schedules/execution-service';
import { ScheduleService, type Now } from './schedules/schedule-service';

export type EngineOptions = {
  dataDir: string;
  version: string;
  clock?: Now;
  migrationsFolder?: string;
};

export type Engine = {
  readonly database: AppDatabase;
  readonly schedules: ScheduleService;
  readonly executions: ExecutionService;
  readonly handlers: CallHandlers;
  /** Executions found running at start-up, now marked interrupted. */
  readonly interruptedAtStart: number;
  close(): void;
};

/** The engine every host (desktop, headless, CLI) runs: the same database, services and handlers. */
export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? Date.now;
  const database = openDatabase({
    file: join(options.dataDir, DATABASE_FILE_NAME),
    now: clock,
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
  });
  const schedules = new ScheduleService(database, clock);
  const executions = new ExecutionService(database, clock);
  const interruptedAtStart = executions.interruptRunning();
  const handlers = createHandlers({ version: options.version, database, schedules });
  return { database, schedules, executions, handlers, interruptedAtStart, close: () => database.close() };
}
