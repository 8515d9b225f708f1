// Validates every element template against Camunda's element-template JSON schema (the one
// Camunda Modeler applies), so a broken template fails the build rather than the Modeler.
//
//   node validate-templates.mjs <folder with *.json>
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const schema = require('@camunda/zeebe-element-templates-json-schema/resources/schema.json');

const folder = process.argv[2];
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
let invalid = 0;
for (const name of files) {
  const template = JSON.parse(await readFile(path.join(folder, name), 'utf8'));
  if (validate(template)) {
    console.log(`${name}: ok`);
  } else {
    invalid++;
    console.log(`${name}: invalid`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || '/'} ${e.message}`);
  }
}
console.log(`element templates: ${files.length} checked, ${invalid} invalid`);
process.exit(invalid > 0 || files.length === 0 ? 1 : 0);
