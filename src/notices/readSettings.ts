/**
 * A settings file of the notices desk (templates/notices.yaml, ratecard.yaml,
 * calendar/*.yaml) read with its schema: broken YAML or a wrong field is a UserError naming
 * the file, the field and the reason, as for content files — never an internal error.
 */
import type { z } from 'zod';
import { parseYaml } from '../content/parseFiles.js';
import { ContentError, parseWith } from '../content/problems.js';

export function readSettings<S extends z.ZodType>(schema: S, yamlText: string, file: string): z.infer<S> {
  const y = parseYaml(yamlText, file);
  if (!y.ok) throw new ContentError(y.problems);
  const r = parseWith(schema, y.value, file);
  if (!r.ok) throw new ContentError(r.problems);
  return r.value;
}
