// ESLint rule `parley/allowed-imports`: each folder names what it may import (an allow-list), and
// everything else is an error: static imports, re-exports, dynamic import() (a const string specifier
// is followed; any other computed one is refused), require() and type imports (`import('x').T` too).
// The layers themselves are in eslint.config.js; the reasons are in docs/architecture.md.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const builtins = new Set(builtinModules);

/** The package a bare specifier names: `@scope/name` or `name` (subpaths and `?query` dropped). */
export function packageOf(specifier) {
  const bare = specifier.split('?')[0] ?? '';
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

const isBuiltin = (specifier) => specifier.startsWith('node:') || builtins.has(packageOf(specifier));
const inside = (path, folders) => folders.some((folder) => path === folder || path.startsWith(`${folder}/`));

/** @type {import('eslint').Rule.RuleModule} */
export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder may import only what its runtime has (an allow-list per folder).' },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          why: { type: 'string' },
          folders: { type: 'array', items: { type: 'string' } },
          typeFolders: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
          node: { type: 'boolean' },
        },
        required: ['layer', 'why', 'folders', 'packages', 'node'],
        additionalProperties: false,
      },
    ],
    messages: {
      refused: "'{{specifier}}' is not on the allow-list of {{layer}}: {{why}} (eslint.config.js, docs/architecture.md)",
      computed: '{{layer}} may import only literal specifiers: a computed import() cannot be checked against its allow-list.',
    },
  },
  create(context) {
    const [options] = context.options;
    const folders = options.folders;
    const typeFolders = [...folders, ...(options.typeFolders ?? [])];
    const packages = new Set(options.packages);
    const here = dirname(context.filename);

    function allowed(specifier, typeOnly) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = relative(root, resolve(here, specifier.split('?')[0] ?? '')).split(sep).join('/');
        return inside(target, typeOnly ? typeFolders : folders);
      }
      if (isBuiltin(specifier)) return options.node;
      return packages.has(packageOf(specifier));
    }

    function check(node, source, typeOnly = false) {
      const specifier = literalOf(source, context.sourceCode.getScope(node));
      if (specifier === undefined) {
        context.report({ node, messageId: 'computed', data: { layer: options.layer } });
      } else if (!allowed(specifier, typeOnly)) {
        context.report({ node, messageId: 'refused', data: { specifier, layer: options.layer, why: options.why } });
      }
    }

    const typeOnlyImport = (node) =>
      node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));

    return {
      ImportDeclaration: (node) => check(node, node.source, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source),
      // typescript-eslint 8 names it `source` (a string Literal); older versions `argument` (a TSLiteralType).
      TSImportType: (node) => check(node, node.source ?? node.argument?.literal, true),
      TSExternalModuleReference: (node) => check(node, node.expression, node.parent?.importKind === 'type'),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) check(node, node.arguments[0]);
      },
    };
  },
};

/** A string literal, a template without expressions, or a const initialised with one of these. */
function literalOf(node, scope) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  if (node.type === 'Identifier') {
    for (let s = scope; s; s = s.upper) {
      const variable = s.set.get(node.name);
      if (!variable) continue;
      const definition = variable.defs[0];
      const declaration = definition?.parent;
      if (definition?.type === 'Variable' && declaration?.kind === 'const') return literalOf(definition.node.init, scope);
      return undefined;
    }
  }
  return undefined;
}

export default { rules: { 'allowed-imports': allowedImports } };
