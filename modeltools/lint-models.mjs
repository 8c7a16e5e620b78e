// Lints the models with the project's rules: bpmnlint (.bpmnlintrc: recommended, Camunda 7.24
// compatibility, house rules in modeltools/bpmnlint-plugin-local) and dmnlint (modeltools/dmnlintrc.json).
// Warnings count as problems: a model in processes/ must lint clean.
//
// Usage: node modeltools/lint-models.mjs [file ...]   (default: every model in processes/)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { modelFiles, projectDir } from './models.mjs';

const args = process.argv.slice(2);
const bpmnFiles = modelFiles(args, [ '.bpmn' ]);
const dmnFiles = modelFiles(args, [ '.dmn' ]);

if (!bpmnFiles.length && !dmnFiles.length) {
  console.error('lint:models: no .bpmn or .dmn files to lint');
  process.exit(2);
}

function run(cli, cliArgs) {
  const result = spawnSync(process.execPath, [ join(projectDir, 'node_modules', cli), ...cliArgs ], {
    cwd: projectDir,
    stdio: 'inherit'
  });
  if (result.error) {
    console.error(`cannot run ${ cli }: ${ result.error.message }`);
    return 1;
  }
  return result.status === null ? 1 : result.status;
}

let status = 0;
if (bpmnFiles.length) {
  status |= run('bpmnlint/bin/bpmnlint.js', [ '--max-warnings=0', ...bpmnFiles ]);
}
if (dmnFiles.length) {
  status |= run('dmnlint/bin/dmnlint.js', [ '--config', join(projectDir, 'modeltools', 'dmnlintrc.json'), ...dmnFiles ]);
}

if (status === 0) {
  console.log(`✔ ${ bpmnFiles.length } BPMN and ${ dmnFiles.length } DMN model(s) lint clean`);
}
process.exit(status === 0 ? 0 : 1);
