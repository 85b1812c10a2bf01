import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { ConversionView } from './components/ConversionView.tsx';
import { importTool } from './components/import/tool.tsx';
import { PreviewAction } from './components/preview/PreviewAction.tsx';
import { SITE_GLOSSARY_ID } from './schemaTypes/documents/siteGlossary.ts';
import { schemaTypes } from './schemaTypes/index.ts';

// The project id and dataset are public identifiers: set them for your project (SANITY_STUDIO_PROJECT_ID,
// SANITY_STUDIO_DATASET). The defaults are the local lake's (`npm run studio`), which the Studio reaches at
// SANITY_STUDIO_API_HOST (set by scripts/studio.ts) and signs in to with a token (`/#token=…`).
// A real project leaves SANITY_STUDIO_API_HOST unset: Sanity's own API host and its usual sign-in.
const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'local';
const dataset = process.env.SANITY_STUDIO_DATASET || 'production';
const LAKE_DEFAULT_HOST = 'https://localhost:3334';
const apiHost = process.env.SANITY_STUDIO_API_HOST || (projectId === 'local' ? LAKE_DEFAULT_HOST : undefined);

/**
 * Against the lake: token sign-in; the search that builds its GROQ in the Studio (the default one calls
 * `text::query`, a function of Sanity's hosted query engine that groq-js does not have); and without the
 * features that live in Sanity's hosted services (releases, scheduling, tasks), each of which
 * would also hold a listener open (each listener is a connection over HTTP/1.1; the lake speaks HTTP/2).
 */
const LAKE_OPTIONS = (host: string) =>
  ({
    apiHost: host,
    auth: { loginMethod: 'token' },
    search: { strategy: 'groqLegacy' },
    releases: { enabled: false },
    scheduledPublishing: { enabled: false },
    scheduledDrafts: { enabled: false },
    tasks: { enabled: false },
  }) as const;

export default defineConfig({
  name: 'tongbao',
  title: '通報 Tongbao',
  projectId,
  dataset,
  ...(apiHost ? LAKE_OPTIONS(apiHost) : {}),
  plugins: [
    structureTool({
      // The site glossary is one document (a singleton): its item opens it, and it is not listed as a type.
      structure: (S) =>
        S.list()
          .title('Content')
          .items([
            ...S.documentTypeListItems().filter((item) => item.getId() !== 'siteGlossary'),
            S.divider(),
            S.listItem().id('siteGlossary').title('Site glossary').child(S.document().schemaType('siteGlossary').documentId(SITE_GLOSSARY_ID)),
          ]),
      // An article opens with the form and, beside it, the conversion pane (sanity/components/ConversionPane.tsx, loaded on first use).
      defaultDocumentNode: (S, { schemaType }) =>
        schemaType === 'article'
          ? S.document().views([S.view.form(), S.view.component(ConversionView).id('conversion').title('繁簡 / Conversion')])
          : S.document(),
    }),
  ],
  // "Import a press release": src/importer in the Studio (sanity/components/import/), beside the desk.
  tools: (tools) => [...tools, importTool],
  schema: { types: schemaTypes },
  // The site glossary is created under its own id from the desk's item, never as a second one from "Create".
  document: {
    newDocumentOptions: (previous) => previous.filter((option) => option.templateId !== 'siteGlossary'),
    // "Preview" opens an article's draft on the site's server (SANITY_STUDIO_PREVIEW_URL; sanity/components/preview/).
    actions: (previous, { schemaType }) => (schemaType === 'article' ? [...previous, PreviewAction] : previous),
  },
});
