// Atom 1.0 of one category in one locale: full HTML content, newest first (see src/lib/feeds).
import { feedEndpoint } from '@/lib/feeds/endpoint.ts';

export const { getStaticPaths, GET } = feedEndpoint('category', 'atom');
