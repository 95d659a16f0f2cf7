import { fileURLToPath } from 'node:url';

/**
 * The committed drizzle-kit migrations. From source this resolves to electron/engine/db/migrations; in the
 * bundle (out/main/index.js) to out/main/migrations, where the build copies them.
 */
export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
