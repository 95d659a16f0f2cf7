import { EventEmitter } from 'node:events';
import type { EngineEvents, EventName } from '../../shared/contract/events';

type Listener<K extends EventName> = (payload: EngineEvents[K]) => void;

/** The engine's typed event bus: services emit, hosts (IPC, WebSocket, tray, CLI progress) listen. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open window and socket subscribes; the default warning at 10 listeners would be noise.
    this.emitter.setMaxListeners(0);
  }

  on<K extends EventName>(name: K, listener: Listener<K>): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  emit<K extends EventName>(name: K, payload: EngineEvents[K]): void {
    this.emitter.emit(name, payload);
  }
}
