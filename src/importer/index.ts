/**
 * The importer for Node (the CLI, the tests): src/importer/core.ts over OpenCC's dictionaries as installed.
 * The Studio's import tool binds the same core to the dictionaries it bundles.
 */
import { nodeTables } from '../zh/tables-node.ts';
import { importTextWith, type ImportOptions } from './core.ts';

export const importText = (text: string, options: ImportOptions = {}) => importTextWith(nodeTables, text, options);
