/** The size of share images: the 1.91:1 that Open Graph, X/Twitter and messengers crop to. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;
