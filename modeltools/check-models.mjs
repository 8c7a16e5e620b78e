// Opens every model the way Camunda Modeler does (bpmn-moddle / dmn-moddle with the Camunda 7
// extensions) and fails on anything the Modeler would silently drop or not draw:
// unknown elements and attributes, references to ids that do not exist, elements without a shape.
//
// Usage: node modeltools/check-models.mjs [file ...]   (default: every model in processes/)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import { displayName, modelFiles } from './models.mjs';

const require = createRequire(import.meta.url);
const camundaBpmn = require('camunda-bpmn-moddle/resources/camunda.json');
const camundaDmn = require('camunda-dmn-moddle/resources/camunda.json');

// BPMN elements a process owner sees in the Modeler; each needs a shape or an edge in the diagram
const BPMN_DRAWN = [
  'bpmn:FlowNode', 'bpmn:SequenceFlow', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:MessageFlow',
  'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:Artifact'
];

const DMN_DRAWN = [
  'dmn:Decision', 'dmn:InputData', 'dmn:BusinessKnowledgeModel', 'dmn:KnowledgeSource',
  'dmn:TextAnnotation', 'dmn:Association'
];

const DMN_REQUIREMENTS = [ 'dmn:InformationRequirement', 'dmn:KnowledgeRequirement', 'dmn:AuthorityRequirement' ];

function isAny(element, types) {
  return types.some(type => element.$instanceOf(type));
}

/** A warning of moddle as a line a process owner can act on. */
function describeWarning(warning) {
  const lines = String(warning.message).split('\n').map(line => line.trim());
  const where = lines.find(line => line.startsWith('line:'));
  const nested = lines.find(line => line.startsWith('nested error:'));
  const parts = [ lines[0] ];
  if (nested) {
    parts.push(`(${ nested.replace('nested error: ', '') })`);
  }
  if (where) {
    parts.push(`at ${ where }${ lines.find(line => line.startsWith('column:')) ? ', ' + lines.find(line => line.startsWith('column:')) : '' }`);
  }
  const element = warning.element && warning.element.id ? `${ warning.element.id }: ` : '';
  return `${ element }${ parts.join(' ') }`;
}

/** Visits an element and everything it contains (flow elements, lanes, artifacts, ...). */
function walk(element, visit, seen = new Set()) {
  if (!element || typeof element !== 'object' || seen.has(element) || !element.$descriptor) {
    return;
  }
  seen.add(element);
  visit(element);
  for (const property of element.$descriptor.properties) {
    if (property.isReference || property.isAttr) {
      continue;
    }
    const value = element.get(property.ns.name);
    for (const child of Array.isArray(value) ? value : [ value ]) {
      walk(child, visit, seen);
    }
  }
}

function drawnIds(diagrams, refProperty) {
  const ids = new Set();
  for (const diagram of diagrams || []) {
    walk(diagram, element => {
      const ref = element[refProperty];
      if (ref && ref.id) {
        ids.add(ref.id);
      }
    });
  }
  return ids;
}

async function checkBpmn(xml) {
  const { rootElement: definitions, warnings } = await new BpmnModdle({ camunda: camundaBpmn }).fromXML(xml);
  const problems = warnings.map(describeWarning);

  const drawn = drawnIds(definitions.diagrams, 'bpmnElement');
  for (const root of definitions.rootElements || []) {
    walk(root, element => {
      if (isAny(element, BPMN_DRAWN) && !drawn.has(element.id)) {
        problems.push(`${ element.id }: ${ element.$type.replace('bpmn:', '') } '${ element.name || '' }' has no shape in the diagram`
          + ' (the Modeler would not show it; redraw it in the Modeler)');
      }
    });
  }
  if (!(definitions.diagrams || []).length) {
    problems.push('the file has no diagram (bpmndi:BPMNDiagram) at all');
  }
  return problems;
}

async function checkDmn(xml) {
  const { rootElement: definitions, warnings } = await new DmnModdle({ camunda: camundaDmn }).fromXML(xml);
  const problems = warnings.map(describeWarning);

  const diagrams = definitions.dmnDI ? definitions.dmnDI.diagrams : [];
  const drawn = drawnIds(diagrams, 'dmnElementRef');
  walk(definitions, element => {
    if (element.$instanceOf('dmn:DMNElement') && (isAny(element, DMN_DRAWN) || isAny(element, DMN_REQUIREMENTS))
        && element.$parent && !element.$parent.$instanceOf('dmndi:DMNDI') && !drawn.has(element.id)) {
      const what = element.$type.replace('dmn:', '');
      problems.push(`${ element.id || '(no id)' }: ${ what } '${ element.name || '' }' has no shape or edge in the`
        + ' decision requirements diagram (the Modeler would not show it; redraw it in the Modeler)');
    }
  });
  return problems;
}

let failed = 0;
const files = modelFiles(process.argv.slice(2), [ '.bpmn', '.dmn' ]);

if (!files.length) {
  console.error('check:models: no .bpmn or .dmn files to check');
  process.exit(2);
}

for (const file of files) {
  let problems;
  try {
    const xml = readFileSync(file, 'utf8');
    problems = file.endsWith('.bpmn') ? await checkBpmn(xml) : await checkDmn(xml);
  } catch (error) {
    problems = [ `cannot be opened: ${ describeWarning({ message: error.message }) }` ];
  }
  if (problems.length) {
    failed++;
    for (const problem of problems) {
      console.log(`${ displayName(file) }: ${ problem }`);
    }
  }
}

if (failed) {
  console.log(`\n✖ ${ failed } of ${ files.length } model file(s) do not import cleanly into Camunda Modeler`);
  process.exit(1);
}
console.log(`✔ ${ files.length } model file(s) import cleanly (no unknown elements or attributes, no dangling references, every element drawn)`);
