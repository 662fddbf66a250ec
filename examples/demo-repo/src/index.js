export { countWords } from './count.js';
export { slugify } from './slugify.js';
