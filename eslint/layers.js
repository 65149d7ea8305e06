// Layering as allow-lists (DESIGN.md §2): each layer of src/ names the layers and packages it may import;
// anything else is an error. Every way of importing counts: `import`, `export … from`, dynamic `import()`
// and type-only `import('…').X`.
import path from 'node:path';

/** What each layer may import: its own folder, the layers listed, the packages listed (and their subpaths). */
export const LAYERS = {
  core: { layers: ['core'], packages: ['zod'] },
  fhir: { layers: ['fhir', 'core'], packages: ['zod'], typeOnlyPackages: ['fhirclient'] },
  ui: {
    layers: ['ui', 'fhir', 'core'],
    packages: ['react', 'react-dom', 'react-i18next', 'i18next', 'd3-scale', 'd3-shape', 'zod', 'fhirclient'],
  },
  // Node tools use anything but the UI; node's own modules and every installed package are allowed.
  node: { layers: ['node', 'fhir', 'core'], packages: ['*'] },
};

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const allows = (list, specifier) => list?.some((name) => name === '*' || packageName(specifier) === name) ?? false;

/** The src/ layer a file or resolved import lies in, or undefined when outside src/. */
function layerOf(file, srcDir) {
  const relative = path.relative(srcDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep)[0];
}

function check(context, node, source, isTypeOnly) {
  if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
  const { layer, srcDir } = context.options[0];
  const allowed = LAYERS[layer];
  const specifier = source.value;
  if (specifier.startsWith('.')) {
    const target = layerOf(path.resolve(path.dirname(context.filename), specifier), srcDir);
    if (target !== undefined && allowed.layers.includes(target)) return;
    context.report({
      node,
      messageId: 'layer',
      data: { layer, target: target ? `src/${target}` : specifier, may: allowed.layers.join(', ') },
    });
    return;
  }
  if (allows(allowed.packages, specifier) || (isTypeOnly && allows(allowed.typeOnlyPackages, specifier))) return;
  const typeOnly = allows(allowed.typeOnlyPackages, specifier) ? ' (types only: use `import type`)' : '';
  context.report({
    node,
    messageId: 'package',
    data: { layer, specifier: specifier + typeOnly, may: allowed.packages.join(', ') },
  });
}

const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer of src/ imports only what its allow-list names (DESIGN.md §2).' },
    schema: [
      {
        type: 'object',
        properties: { layer: { enum: Object.keys(LAYERS) }, srcDir: { type: 'string' } },
        required: ['layer', 'srcDir'],
      },
    ],
    messages: {
      layer: 'src/{{layer}} must not import {{target}}: it may import {{may}} (see DESIGN.md §2).',
      package:
        'src/{{layer}} must not import the package {{specifier}}: its allowed packages are {{may}} (see DESIGN.md §2).',
    },
  },
  create(context) {
    const typeOnlyDeclaration = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (node) => check(context, node, node.source, typeOnlyDeclaration(node)),
      ExportNamedDeclaration: (node) => check(context, node, node.source, typeOnlyDeclaration(node)),
      ExportAllDeclaration: (node) => check(context, node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(context, node, node.source, false),
      TSImportType: (node) =>
        check(context, node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument, true),
      // `import x = require('…')`
      TSExternalModuleReference: (node) => check(context, node, node.expression, false),
    };
  },
};

export default { rules: { 'allowed-imports': allowedImports } };
