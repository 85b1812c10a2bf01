/** The parts of structured-data-testing-tool (CommonJS, untyped) that the tests use. */
declare module 'structured-data-testing-tool' {
  export interface SdttResult {
    passed: unknown[];
    failed: { test: string }[];
    warnings: unknown[];
    schemas: string[];
  }
  export function structuredDataTest(input: string | Buffer, options?: { presets?: object[]; schemas?: string[] }): Promise<SdttResult>;
}
declare module 'structured-data-testing-tool/presets.js' {
  export const Google: object;
  export const Twitter: object;
  export const Facebook: object;
}
