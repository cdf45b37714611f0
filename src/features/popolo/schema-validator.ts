import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator, type Schema } from 'jsonschema';
import { srcDir } from '../../platform/paths.js';

/**
 * For tests only (jsonschema is a development dependency): validates documents against the
 * Popolo draft-03 schemas copied into src/testing/fixtures/popolo-schemas.
 *
 * The schemas refer to each other by absolute id (`http://www.popoloproject.com/schemas/
 * membership.json#`), so each is registered under its own id and every `$ref` resolves locally.
 * The only draft-03 features they use are `required: true` on a property and the `email`, `uri`
 * and `date-time` formats, all of which jsonschema supports as written: no conversion needed.
 */
const SCHEMA_DIR = path.join(srcDir, 'testing', 'fixtures', 'popolo-schemas');

export type PopoloClass = 'person' | 'organization' | 'membership' | 'post' | 'area' | 'identifier';

export function loadPopoloValidator() {
  const validator = new Validator();
  const schemas = new Map<string, Schema>();
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Schema;
    if (!schema.id) throw new Error(`${file} has no id`);
    validator.addSchema(schema, schema.id);
    schemas.set(file.replace(/\.json$/, ''), schema);
  }
  if (validator.unresolvedRefs.length > 0) {
    throw new Error(`Unresolved $refs: ${validator.unresolvedRefs.join(', ')}`);
  }

  /** The errors (as "instance.field message" lines) of one document against one class. */
  function errorsOf(kind: PopoloClass, document: unknown): string[] {
    const schema = schemas.get(kind);
    if (!schema) throw new Error(`No Popolo schema for ${kind}`);
    return validator.validate(document, schema).errors.map((e) => e.stack);
  }

  return { errorsOf };
}
