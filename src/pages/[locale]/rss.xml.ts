// RSS 2.0 of one locale: full HTML content, newest first (see src/lib/feeds).
import { feedEndpoint } from '@/lib/feeds/endpoint.ts';

export const { getStaticPaths, GET } = feedEndpoint('locale', 'rss');
