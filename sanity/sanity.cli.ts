import { defineCliConfig } from 'sanity/cli';

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'local',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  // No module version checks against Sanity's CDN: the Studio runs the versions in the lock file.
  deployment: { autoUpdates: false },
  // TypeGen: the schema (sanity schema extract) and the site's queries → types the site imports.
  typegen: {
    path: '../src/sources/sanity/queries.ts',
    schema: 'schema.json',
    // scripts/studio-check.ts sets TONGBAO_TYPEGEN_OUT to write a fresh copy elsewhere and compare it.
    generates: process.env.TONGBAO_TYPEGEN_OUT || '../src/sources/sanity/sanity.types.ts',
  },
});
