// The report schema's validator, shared by test/report.test.ts and e2e/report.spec.ts: Ajv in
// strict mode, with the one format the schema uses (saves an ajv-formats dependency).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../public/schemas/report-v1.schema.json'), 'utf8'),
) as object;

export function reportValidator() {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  const validate = ajv.compile(schema);
  /** 'valid', or Ajv's errors as text (so a failing expect shows them). */
  return (report: unknown): string =>
    validate(JSON.parse(JSON.stringify(report)))
      ? 'valid'
      : JSON.stringify(validate.errors, null, 1);
}
