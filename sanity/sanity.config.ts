import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { schemaTypes } from './schemaTypes/index.ts';

// The project id and dataset are public identifiers; set them for your project (see README, "Sanity").
const projectId = process.env.SANITY_STUDIO_PROJECT_ID ?? 'local';
const dataset = process.env.SANITY_STUDIO_DATASET ?? 'production';
const SINGLETONS = new Set(['siteSettings']);

export default defineConfig({
  name: 'tongbao',
  title: '通報 Tongbao',
  projectId,
  dataset,
  plugins: [
    structureTool({
      structure: (S) =>
        S.list()
          .title('Content')
          .items([
            S.listItem().title('Site settings').id('siteSettings').child(S.document().schemaType('siteSettings').documentId('siteSettings')),
            S.divider(),
            ...S.documentTypeListItems().filter((item) => !SINGLETONS.has(item.getId() ?? '')),
          ]),
    }),
  ],
  schema: {
    types: schemaTypes,
    // The singleton cannot be created again from the "new document" menu.
    templates: (templates) => templates.filter(({ schemaType }) => !SINGLETONS.has(schemaType)),
  },
  document: {
    actions: (actions, { schemaType }) =>
      SINGLETONS.has(schemaType) ? actions.filter(({ action }) => action && ['publish', 'discardChanges', 'restore'].includes(action)) : actions,
  },
});
