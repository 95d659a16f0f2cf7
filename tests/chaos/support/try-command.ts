import { execFileSync } from 'node:child_process';

/**
 * Runs a system command (mount, umount, chattr) and says whether it worked: the hostile-environment helpers try
 * the strongest technique the machine allows and fall back when one is refused (no root, no tmpfs, no chattr).
 */
export function tryCommand(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
