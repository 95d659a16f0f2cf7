export { AlertService, type AlertServiceOptions } from './alert-service';
export { AlertStore, type AlertFilter } from './alert-store';
