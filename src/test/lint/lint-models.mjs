// Lints every BPMN model in a folder the way Camunda Modeler does: parsed with the Zeebe
// moddle extension, then checked by the rules the .bpmnlintrc names (bpmnlint's recommended
// rules and Camunda's compatibility rules for the target engine). Exits 1 on any error.
//
//   node lint-models.mjs <path/to/.bpmnlintrc> <folder with *.bpmn>
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');

const [configPath, folder] = process.argv.slice(2);
if (!configPath || !folder) {
  console.error('usage: node lint-models.mjs <.bpmnlintrc> <folder>');
  process.exit(2);
}
const config = JSON.parse(await readFile(configPath, 'utf8'));
const linter = new Linter({ config, resolver: new NodeResolver() });
const moddle = new BpmnModdle({ zeebe });
const files = (await readdir(folder)).filter((f) => f.endsWith('.bpmn')).sort();

let errors = 0;
let warnings = 0;
for (const name of files) {
  const file = path.join(folder, name);
  const lines = [];
  try {
    const { rootElement, warnings: parseWarnings } = await moddle.fromXML(await readFile(file, 'utf8'));
    for (const w of parseWarnings) {
      lines.push(`  error    ${w.message}  (xml)`);
      errors++;
    }
    const reports = await linter.lint(rootElement);
    for (const [rule, entries] of Object.entries(reports)) {
      for (const entry of entries) {
        const error = entry.category === 'error' || entry.category === 'rule-error';
        error ? errors++ : warnings++;
        lines.push(`  ${error ? 'error  ' : 'warning'}  ${entry.id ?? '-'}: ${entry.message}  (${rule})`);
      }
    }
  } catch (e) {
    lines.push(`  error    cannot be read: ${e.message}`);
    errors++;
  }
  console.log(`${name}: ${lines.length ? lines.length + ' problem(s)' : 'ok'}`);
  lines.forEach((l) => console.log(l));
}
console.log(`bpmnlint: ${files.length} model(s), ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 || files.length === 0 ? 1 : 0);
