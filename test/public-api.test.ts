// The library's public face (src/index.ts): every export named, every type a public signature
// uses exported too (a user must be able to name what they pass and get back), internals kept out.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const INDEX = resolve('src/index.ts');
const SRC = resolve('src');

/** Helpers of the statistics and the tests that are not part of the library. */
const INTERNAL = [
  'normalCdf',
  'seededRandom',
  'alphaOfCoincidences',
  'alphaOfPairable',
  'coincidenceMatrix',
  'pairableValues',
  'compareRatings',
  'distinctRatings',
  'unitValues',
];

const program = ts.createProgram([INDEX], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
});
const checker = program.getTypeChecker();
const resolveAlias = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!);
const exportedTargets = new Set(exported.map(resolveAlias));
const inSrc = (d: ts.Declaration) => d.getSourceFile().fileName.startsWith(SRC);
const TYPE_LIKE = ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class | ts.SymbolFlags.Enum;

/**
 * The named types of src/ that the declarations of `symbol` mention in what a caller sees:
 * parameters, return types, type parameters, properties and members.
 */
function publicTypesOf(symbol: ts.Symbol): Set<ts.Symbol> {
  const found = new Set<ts.Symbol>();
  const visitType = (type: ts.Type) => {
    const named = type.aliasSymbol ?? type.getSymbol();
    if (named && named.flags & TYPE_LIKE && named.declarations?.some(inSrc)) found.add(named);
    if (type.isUnionOrIntersection()) type.types.forEach(visitType);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
      const at = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
      const s = checker.getSymbolAtLocation(at);
      const target = s && resolveAlias(s);
      if (target && target.flags & TYPE_LIKE && target.declarations?.some(inSrc)) found.add(target);
    }
    // Function bodies and initialisers are not part of the signature.
    if (ts.isBlock(node)) return;
    ts.forEachChild(node, visit);
  };
  for (const d of symbol.declarations ?? []) {
    if (ts.isFunctionDeclaration(d)) {
      d.typeParameters?.forEach(visit);
      d.parameters.forEach(visit);
      if (d.type) visit(d.type);
      else {
        const signature = checker.getSignatureFromDeclaration(d);
        if (signature) visitType(checker.getReturnTypeOfSignature(signature));
      }
    } else if (ts.isVariableDeclaration(d)) {
      if (d.type) visit(d.type);
      else visitType(checker.getTypeAtLocation(d));
    } else if (ts.isClassDeclaration(d)) {
      for (const m of d.members) {
        const modifiers = ts.canHaveModifiers(m) ? (ts.getModifiers(m) ?? []) : [];
        if (!modifiers.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword) && !(m.name && ts.isPrivateIdentifier(m.name))) visit(m);
      }
    } else if (ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d)) {
      visit(d);
    }
  }
  found.delete(symbol);
  return found;
}

describe('src/index.ts', () => {
  it('names every export (no export *)', () => {
    expect(readFileSync('src/index.ts', 'utf8')).not.toMatch(/export \*/);
  });

  it('exports every type that a public signature uses, and the types those use', () => {
    const missing = new Map<string, Set<string>>();
    const seen = new Set<ts.Symbol>();
    const queue = [...exportedTargets];
    while (queue.length > 0) {
      const symbol = queue.pop()!;
      if (seen.has(symbol)) continue;
      seen.add(symbol);
      for (const used of publicTypesOf(symbol)) {
        if (!exportedTargets.has(used)) {
          const file = used.declarations![0].getSourceFile().fileName.replace(`${SRC}/`, '');
          const users = missing.get(`${used.name} (${file})`) ?? new Set();
          users.add(symbol.name);
          missing.set(`${used.name} (${file})`, users);
        }
        queue.push(used);
      }
    }
    expect(Object.fromEntries([...missing].map(([type, users]) => [type, [...users].sort().join(', ')]))).toEqual({});
  });

  it('keeps the internals of the statistics out', () => {
    expect(exported.map((s) => s.name).filter((name) => INTERNAL.includes(name))).toEqual([]);
  });

  it('has the functions the README and the notebooks use', () => {
    const names = new Set(exported.map((s) => s.name));
    for (const name of [
      'readCorpus',
      'readCodebook',
      'codeCorpus',
      'frequencies',
      'frequencyCrosstab',
      'toMarkdown',
      'placeCodings',
      'readQdpx',
      'writeQdpx',
      'kwic',
      'validateCoding',
      'codingAgreement',
      'segmentUnits',
    ])
      expect(names.has(name), name).toBe(true);
  });
});
