import { article } from './documents/article.ts';
import { author } from './documents/author.ts';
import { category } from './documents/category.ts';
import { siteGlossary } from './documents/siteGlossary.ts';
import { blockContent } from './objects/blockContent.ts';
import { code } from './objects/code.ts';
import { correction } from './objects/correction.ts';
import { glossaryEntry } from './objects/glossaryEntry.ts';
import { localizedNames } from './objects/localizedNames.ts';
import { table } from './objects/table.ts';

export const schemaTypes = [article, author, category, siteGlossary, blockContent, code, correction, table, glossaryEntry, localizedNames];
