// Atom 1.0 of one author in one locale: full HTML content, newest first (see src/lib/feeds).
import { feedEndpoint } from '@/lib/feeds/endpoint.ts';

export const { getStaticPaths, GET } = feedEndpoint('author', 'atom');
