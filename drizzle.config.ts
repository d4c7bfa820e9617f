import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema.ts and committed; db/open-ledger.ts applies them
// when a ledger is opened.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
