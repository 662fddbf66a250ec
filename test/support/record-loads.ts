/**
 * Preloaded with `--import` (in NODE_OPTIONS): appends the path of every file the process loads as a
 * module to the file named by ENSEMBLE_RECORD_LOADS, one a line. Tests read what an entry loaded.
 */
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const record = process.env['ENSEMBLE_RECORD_LOADS'];
if (record) {
  registerHooks({
    load(url, context, next) {
      if (url.startsWith('file:')) appendFileSync(record, `${fileURLToPath(url)}\n`);
      return next(url, context);
    },
  });
}
