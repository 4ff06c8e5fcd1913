import { fileURLToPath } from 'node:url';

/** The project directory (where fonts/ and templates/ live), from src/ or dist/ alike. */
export const projectRoot = fileURLToPath(new URL('../', import.meta.url));
