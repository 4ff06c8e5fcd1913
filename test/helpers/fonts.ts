import { FontBook } from '../../src/fonts/fontBook.js';
import { projectRoot } from '../../src/projectRoot.js';

/** The project's own fonts (installed by npm ci), opened once per test file. */
export const fonts = FontBook.load(projectRoot);
export const song = () => fonts.face('song');
export const hei = () => fonts.face('hei');
