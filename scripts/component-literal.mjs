// Rewrites one bundled component so that its default export is the component object literal,
// `export default { key: "withings-…", … }`, the only shape Pipedream's eslint rules (and registry checks) read.
// esbuild always emits `var x_default = defineAction({ … }); export { x_default as default };`; the
// `defineApp/defineAction/defineSource` helpers of @pipedream/types return their argument unchanged, so removing
// the calls and moving the literal into the export changes nothing at run time.
import ts from "typescript";

const TYPES_PACKAGE = "@pipedream/types";

function parse(code, file) {
  return ts.createSourceFile(file, code, ts.ScriptTarget.ES2021, true, ts.ScriptKind.JS);
}

/** Applies non-overlapping [start, end, text] edits. */
function applyEdits(code, edits) {
  let out = code;
  for (const [start, end, text] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** Every identifier in the file, by name. */
function identifierCounts(sf) {
  const counts = new Map();
  const visit = (node) => {
    if (ts.isIdentifier(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return counts;
}

/** Step 1: `defineX({ … })` → `{ … }` everywhere, and the then unused import of @pipedream/types removed. */
function unwrapDefineCalls(code, file) {
  const sf = parse(code, file);
  const helpers = new Set();
  const imports = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && st.moduleSpecifier.text === TYPES_PACKAGE) {
      imports.push(st);
      for (const el of st.importClause?.namedBindings?.elements ?? []) helpers.add(el.name.text);
    }
  }
  const edits = [];
  const unwrapped = new Map();
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && helpers.has(node.expression.text)
      && node.arguments.length === 1) {
      const [arg] = node.arguments;
      edits.push([node.getStart(sf), arg.getStart(sf), ""], [arg.end, node.end, ""]);
      unwrapped.set(node.expression.text, (unwrapped.get(node.expression.text) ?? 0) + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // Keep an import whose binding is still used some other way.
  const counts = identifierCounts(sf);
  for (const st of imports) {
    const names = st.importClause?.namedBindings?.elements?.map((el) => el.name.text) ?? [];
    const unused = names.every((n) => counts.get(n) === 1 + (unwrapped.get(n) ?? 0));
    if (names.length && unused) edits.push([st.getFullStart(), st.end, ""]);
  }
  return applyEdits(code, edits);
}

/** The text of an object literal with every `...{ literal }` spread replaced by the literal's own properties. */
function flatObjectText(obj, sf, depth = 0) {
  const parts = [];
  const dedent = new RegExp(`\n {${2 * depth}}`, "g");
  for (const p of obj.properties) {
    let inner = ts.isSpreadAssignment(p) ? p.expression : undefined;
    while (inner && ts.isParenthesizedExpression(inner)) inner = inner.expression;
    if (inner && ts.isObjectLiteralExpression(inner)) {
      const flat = flatObjectText(inner, sf, depth + 1);
      if (flat.trim()) parts.push(flat);
    } else {
      parts.push(p.getText(sf).replace(dedent, "\n"));
    }
  }
  return parts.join(",\n  ");
}

/** Step 2: `var x = { … }; export { x as default };` → `export default { … };` */
function exportLiteral(code, file) {
  const sf = parse(code, file);
  let clause;
  let spec;
  for (const st of sf.statements) {
    if (!ts.isExportDeclaration(st) || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
    const found = st.exportClause.elements.find((el) => el.name.text === "default");
    if (found) [clause, spec] = [st, found];
  }
  if (!spec) throw new Error(`${file}: no default export`);
  const local = (spec.propertyName ?? spec.name).text;
  const decl = sf.statements.find((st) => ts.isVariableStatement(st)
    && st.declarationList.declarations.length === 1 && st.declarationList.declarations[0].name.getText(sf) === local);
  let init = decl?.declarationList.declarations[0].initializer;
  while (init && ts.isParenthesizedExpression(init)) init = init.expression;
  if (!init || !ts.isObjectLiteralExpression(init)) {
    throw new Error(`${file}: the default export must be a component object literal (export default { key, … })`);
  }
  // Bundled code never refers to the entry's own default export; if it did, moving it would break that reference.
  if (identifierCounts(sf).get(local) !== 2) throw new Error(`${file}: ${local} is used besides being exported`);
  const others = clause.exportClause.elements.filter((el) => el !== spec).map((el) => el.getText(sf));
  return applyEdits(code, [
    [decl.getStart(sf), decl.end, `export default {\n  ${flatObjectText(init, sf)},\n};`],
    [clause.getStart(sf), clause.end, others.length ? `export {\n  ${others.join(",\n  ")}\n};` : ""],
  ]).replace(/\n{3,}/g, "\n\n").replace(/\s*$/, "\n");
}

/** The bundled file's text with its default export as an object literal. */
export function componentLiteral(code, file) {
  return exportLiteral(unwrapDefineCalls(code, file), file);
}
