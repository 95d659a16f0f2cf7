import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/engine/db/schema/index.ts',
  out: './electron/engine/db/migrations',
});
