import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { schemaTypes } from './schemaTypes/index.ts';

// The project id and dataset are public identifiers; set them for your project (see README, "Sanity").
const projectId = process.env.SANITY_STUDIO_PROJECT_ID ?? 'local';
const dataset = process.env.SANITY_STUDIO_DATASET ?? 'production';

export default defineConfig({
  name: 'tongbao',
  title: '通報 Tongbao',
  projectId,
  dataset,
  plugins: [structureTool({ structure: (S) => S.list().title('Content').items(S.documentTypeListItems()) })],
  schema: { types: schemaTypes },
});
