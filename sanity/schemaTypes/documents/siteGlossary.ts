import { defineArrayMember, defineField, defineType } from 'sanity';
import { checkSiteGlossary, describeGlossaryProblem, fromSanityEntry, sanityFieldOf } from '../../../src/zh/glossary-core.ts';

/** The one document of this type (the desk opens it directly: sanity.config.ts). */
export const SITE_GLOSSARY_ID = 'siteGlossary';

/**
 * The site glossary (content/glossary.yaml when the site builds from content/): terms whose form per script the
 * editors fix over OpenCC, for every article. One document, so the whole list is checked at once with the build's
 * own rules (src/zh/glossary-core.ts `checkSiteGlossary`: every entry well-formed, every term once) and one
 * publish changes it. Field names cannot hold hyphens: zhHans/zhHant/zhHantHK here, zh-Hans/zh-Hant/zh-Hant-HK in
 * the file (`fromSanityEntry`).
 */
export const siteGlossary = defineType({
  name: 'siteGlossary',
  title: 'Site glossary',
  type: 'document',
  fields: [
    defineField({
      name: 'entries',
      title: 'Entries',
      type: 'array',
      description:
        'A term as articles write it (either script) and, where OpenCC is wrong, its form per script. A term without a form for a script ' +
        'is converted there on its own. An article’s own glossary and inline -{…}- markup take precedence.',
      of: [
        defineArrayMember({
          name: 'siteGlossaryEntry',
          title: 'Entry',
          type: 'object',
          fields: [
            defineField({
              name: 'term',
              title: 'Term',
              type: 'string',
              validation: (r) => r.required().error('Write the term as articles write it.'),
            }),
            defineField({ name: 'zhHans', title: '简体 (zh-Hans)', type: 'string' }),
            defineField({ name: 'zhHant', title: '繁體 (zh-Hant)', type: 'string' }),
            defineField({
              name: 'zhHantHK',
              title: '繁體・香港 (zh-Hant-HK)',
              type: 'string',
              description: 'For a site publishing zh-Hant-HK; without it Hong Kong takes the zh-Hant form.',
            }),
            defineField({ name: 'note', title: 'Note for editors', type: 'string', description: 'Why the entry exists (not published).' }),
          ],
          preview: {
            select: { title: 'term', zhHans: 'zhHans', zhHant: 'zhHant' },
            prepare: ({ title, zhHans, zhHant }) => ({ title, subtitle: [zhHans, zhHant].filter(Boolean).join(' · ') }),
          },
        }),
      ],
      // The build's rules, the build's messages (src/zh/glossary-core.ts): what the build refuses cannot be published.
      validation: (rule) =>
        rule.custom((entries: unknown) => {
          if (entries === undefined) return true;
          if (!Array.isArray(entries)) return 'The entries must be a list.';
          const { problems } = checkSiteGlossary(entries.map(fromSanityEntry));
          return problems.length ? problems.map((p) => describeGlossaryProblem({ ...p, field: sanityFieldOf(p.field) })).join(' · ') : true;
        }),
    }),
  ],
  preview: { prepare: () => ({ title: 'Site glossary' }) },
});
