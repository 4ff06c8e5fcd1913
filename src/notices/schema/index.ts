/** Notice schemas (spec §5): zod at the edge, z.infer types inside. */
export * from './fields.js';
export * from './common.js';
export * from './lost.js';
export * from './company.js';
export * from './other.js';
export * from './notice.js';
