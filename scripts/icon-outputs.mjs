// The icon files scripts/make-icons.mjs writes, in one list: the script renders exactly these, the packaging
// test checks each exists with its size, and the desktop shell loads the tray ones by these names.

/** The tray's states, as trayView() names them (shared/domain/tray-view.ts). */
export const TRAY_STATES = /** @type {const} */ (['idle', 'syncing', 'attention', 'paused']);

/** Tray icons are 16 px (Windows' and most Linux panels' size) with an @2x for high-density screens. */
export const TRAY_SIZE = 16;

/** electron-builder's Linux icon set: resources/icons/<size>x<size>.png. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/** The Windows .ico carries these (256 is the largest the format holds, and what the installer needs). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** The macOS .icns entries: [type, pixel size], PNG-encoded (the OSType codes that take PNG data). */
export const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

export const APP_ICON_SIZE = 1024;

/**
 * Every file the script writes, relative to the repository. `size` is the pixel width and height of a PNG,
 * the largest image in an .ico or .icns; `template` marks macOS template images (black and alpha only).
 * @returns {{ path: string; size: number; format: 'png' | 'ico' | 'icns'; template: boolean }[]}
 */
export function iconOutputs() {
  const png = (path, size, template = false) => ({ path, size, format: 'png', template });
  return [
    png('resources/icon.png', APP_ICON_SIZE),
    { path: 'resources/icon.ico', size: 256, format: 'ico', template: false },
    { path: 'resources/icon.icns', size: APP_ICON_SIZE, format: 'icns', template: false },
    ...LINUX_ICON_SIZES.map((size) => png(`resources/icons/${size}x${size}.png`, size)),
    ...TRAY_STATES.flatMap((state) => [
      png(`resources/tray/${state}.png`, TRAY_SIZE),
      png(`resources/tray/${state}@2x.png`, TRAY_SIZE * 2),
      png(`resources/tray/${state}Template.png`, TRAY_SIZE, true),
      png(`resources/tray/${state}Template@2x.png`, TRAY_SIZE * 2, true),
    ]),
  ];
}
