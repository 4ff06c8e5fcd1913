/** The part of pngjs (a devDependency without bundled types) the preview tests use. */
declare module 'pngjs' {
  export const PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
}
