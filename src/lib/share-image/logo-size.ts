/** The publisher logo's size (a square, as Google asks of organization logos). */
export const LOGO_SIZE = { width: 512, height: 512 } as const;
