// drizzle-kit configuration: the store's schema in, SQL migrations out to engine/drizzle/ (committed).
// Run `npx drizzle-kit generate` after changing engine/src/store/schema/; migrations apply at boot.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './engine/src/store/schema/index.ts',
  out: './engine/drizzle',
  strict: true,
  verbose: true,
});
