export type TrayState = 'idle' | 'syncing' | 'attention' | 'paused';
export declare const TRAY_STATES: readonly TrayState[];
export declare const TRAY_SIZE: number;
export declare const LINUX_ICON_SIZES: number[];
export declare const ICO_SIZES: number[];
export declare const ICNS_ENTRIES: [string, number][];
export declare const APP_ICON_SIZE: number;
export type IconOutput = { path: string; size: number; format: 'png' | 'ico' | 'icns'; template: boolean };
export declare function iconOutputs(): IconOutput[];
