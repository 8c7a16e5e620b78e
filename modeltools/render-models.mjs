// Draws every process (bpmn-js) and every decision table (dmn-js) in processes/ the way Camunda
// Modeler shows them, in the system's headless Chromium, to docs/<process id>.png and
// docs/<decision id>.png. Import warnings of bpmn-js / dmn-js fail the run: the Modeler would show
// a different model than the file holds.
//
// Usage: node modeltools/render-models.mjs [file ...]   (default: every model in processes/)
// Chromium: /usr/bin/chromium, or CHROMIUM_BIN. No browser is ever downloaded.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { displayName, docsDir, modelFiles } from './models.mjs';

const require = createRequire(import.meta.url);
const asset = path => require.resolve(path);

const MARGIN = 24;
const SCALE = 1.5;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];

const files = modelFiles(process.argv.slice(2), [ '.bpmn', '.dmn' ]);
if (!files.length) {
  console.error('render:models: no .bpmn or .dmn files to render');
  process.exit(2);
}
mkdirSync(docsDir, { recursive: true });

const userDataDir = mkdtempSync(join(tmpdir(), 'render-models-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
  deviceScaleFactor: SCALE,
  viewport: { width: 1600, height: 1000 }
});

let failed = 0;
const renderedFrom = [];
try {
  for (const file of files) {
    const page = await context.newPage();
    // the page needs nothing from the network: the viewers and their styles are injected from node_modules
    await page.route('**/*', route => route.url().startsWith('data:') ? route.continue() : route.abort());
    page.on('pageerror', error => console.error(`${ displayName(file) }: page error: ${ error.message }`));
    try {
      const xml = readFileSync(file, 'utf8');
      const rendered = file.endsWith('.bpmn') ? await renderBpmn(page, xml) : await renderDmn(page, xml);
      for (const line of rendered) {
        console.log(`${ displayName(file) }: ${ line }`);
      }
      renderedFrom.push(`${ createHash('sha256').update(readFileSync(file)).digest('hex') }  ${ displayName(file) }`);
    } catch (error) {
      failed++;
      console.log(`${ displayName(file) }: ${ error.message }`);
    } finally {
      await page.close();
    }
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (failed) {
  console.log(`\n✖ ${ failed } of ${ files.length } model file(s) could not be rendered`);
  process.exit(1);
}
// Which version of each model the pictures show, so a test can tell when docs/ fell behind.
if (!process.argv.slice(2).length) {
  writeFileSync(join(docsDir, 'diagrams.sha256'), renderedFrom.join('\n') + '\n');
}

async function renderBpmn(page, xml) {
  await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
  await page.addStyleTag({ path: asset('bpmn-js/dist/assets/diagram-js.css') });
  await page.addStyleTag({ path: asset('bpmn-js/dist/assets/bpmn-js.css') });
  await page.addScriptTag({ path: asset('bpmn-js/dist/bpmn-viewer.production.min.js') });

  const result = await page.evaluate(async ({ xml, margin }) => {
    const container = document.getElementById('canvas');
    const viewer = new window.BpmnJS({ container });
    const { warnings } = await viewer.importXML(xml);
    if (warnings.length) {
      return { warnings: warnings.map(warning => warning.message.split('\n')[0]) };
    }
    const canvas = viewer.get('canvas');
    const root = canvas.getRootElement();
    const inner = canvas.viewbox().inner;
    const width = Math.ceil(inner.width + 2 * margin);
    const height = Math.ceil(inner.height + 2 * margin);
    container.style.width = width + 'px';
    container.style.height = height + 'px';
    canvas.resized();
    canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width, height });
    return { id: root.businessObject.processRef ? root.businessObject.processRef.id : root.businessObject.id, width, height };
  }, { xml, margin: MARGIN });

  if (result.warnings) {
    throw new Error('bpmn-js import warnings (the Modeler would show something else):\n  ' + result.warnings.join('\n  '));
  }
  await page.setViewportSize({ width: result.width, height: result.height });
  const target = join(docsDir, `${ result.id }.png`);
  await page.locator('#canvas').screenshot({ path: target });
  return [ `rendered ${ displayName(target) } (${ result.width }×${ result.height } at ${ SCALE }x)` ];
}

async function renderDmn(page, xml) {
  await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff"><div id="canvas" style="display:inline-block;padding:' + MARGIN + 'px"></div></body></html>');
  for (const css of [ 'dmn-js-shared.css', 'dmn-js-decision-table.css', 'dmn-js-drd.css', 'dmn-font/css/dmn-embedded.css' ]) {
    await page.addStyleTag({ path: asset(`dmn-js/dist/assets/${ css }`) });
  }
  // a picture has nothing to click: hide the viewer's "View DRD" button
  await page.addStyleTag({ content: '.view-drd { display: none !important; }' });
  // the bpmn.io watermark must stay visible: put it below the table instead of over the last rule
  await page.addStyleTag({ content: '.dmn-decision-table-container .bjs-powered-by { position: static !important;'
    + ' display: block; width: 53px; margin: 8px 0 0 auto; }' });
  await page.addScriptTag({ path: asset('dmn-js/dist/dmn-viewer.production.min.js') });

  const { warnings, decisions } = await page.evaluate(async xml => {
    window.dmnViewer = new window.DmnJS({ container: document.getElementById('canvas') });
    const { warnings } = await window.dmnViewer.importXML(xml);
    const decisions = window.dmnViewer.getViews()
      .filter(view => view.type === 'decisionTable')
      .map(view => view.element.id);
    return { warnings: warnings.map(warning => warning.message.split('\n')[0]), decisions };
  }, xml);

  if (warnings.length) {
    throw new Error('dmn-js import warnings (the Modeler would show something else):\n  ' + warnings.join('\n  '));
  }
  if (!decisions.length) {
    throw new Error('no decision table to render');
  }

  const lines = [];
  for (const id of decisions) {
    const size = await page.evaluate(async id => {
      const viewer = window.dmnViewer;
      await viewer.open(viewer.getViews().find(view => view.element.id === id));
      const container = document.getElementById('canvas');
      return { width: Math.ceil(container.scrollWidth), height: Math.ceil(container.scrollHeight) };
    }, id);
    await page.setViewportSize({ width: Math.max(size.width, 200), height: Math.max(size.height, 200) });
    const target = join(docsDir, `${ id }.png`);
    await page.locator('#canvas').screenshot({ path: target });
    lines.push(`rendered ${ displayName(target) } (${ size.width }×${ size.height } at ${ SCALE }x)`);
  }
  return lines;
}
