export { UserError } from '../diagnostic.js';
