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
    generates: '../src/sources/sanity/sanity.types.ts',
  },
});
