import type { Evaluation, Method } from '../learn/evaluate.js';
import type { Suggestion } from '../learn/suggest.js';
import type { Table } from './csv.js';
import { markdownNumber } from './figures.js';
import { toMarkdown } from './markdown.js';

const METHOD_LABELS: Record<Method, string> = {
  learned: 'learned from the codings',
  rules: "the codebook's rules alone",
  'most-frequent': 'the most frequent code on every unit',
};

/**
 * An evaluation as tables: per code and method (precision, recall, F1, examples; codes with
 * too few examples have `scored` false and no figures), the micro averages, the learning curve.
 * @example evaluationTables(evaluation).codes.columns[0] // 'code'
 */
export function evaluationTables(evaluation: Evaluation): { codes: Table; micro: Table; curve: Table } {
  const codes: Table = {
    columns: ['code', 'examples', 'scored', 'method', 'true_positives', 'false_positives', 'false_negatives', 'precision', 'recall', 'f1'],
    rows: evaluation.methods.flatMap((m) => m.codes.map((c) => [c.code, c.examples, c.scored, m.method, c.truePositives, c.falsePositives, c.falseNegatives, c.scored ? c.precision : NaN, c.scored ? c.recall : NaN, c.scored ? c.f1 : NaN])),
  };
  const micro: Table = {
    columns: ['method', 'true_positives', 'false_positives', 'false_negatives', 'precision', 'recall', 'f1'],
    rows: evaluation.methods.map((m) => [m.method, m.micro.truePositives, m.micro.falsePositives, m.micro.falseNegatives, m.micro.precision, m.micro.recall, m.micro.f1]),
  };
  const curve: Table = {
    columns: ['fraction', 'training_units', 'training_codings', 'precision', 'recall', 'f1'],
    rows: evaluation.learningCurve.map((p) => [p.fraction, p.trainingUnits, p.trainingCodings, p.micro.precision, p.micro.recall, p.micro.f1]),
  };
  return { codes, micro, curve };
}

/**
 * The evaluation as Markdown: how it was measured, micro averages of the three methods, the
 * learning curve, then F1 per code side by side, and the codes with too few examples.
 * @example evaluationToMarkdown(evaluation)
 */
export function evaluationToMarkdown(evaluation: Evaluation): string {
  const n = markdownNumber;
  const [learned, rules, frequent] = (['learned', 'rules', 'most-frequent'] as const).map((m) => evaluation.methods.find((x) => x.method === m)!);
  const folds = evaluation.grouping === 'document' ? 'documents kept together' : 'blocks of consecutive units kept together (fewer labelled documents than folds)';
  const scored = learned.codes.filter((c) => c.scored);
  const unscored = learned.codes.filter((c) => !c.scored);
  const microTable = toMarkdown({
    columns: ['method', 'precision', 'recall', 'micro-F1'],
    rows: evaluation.methods.map((m) => [METHOD_LABELS[m.method], n(m.micro.precision), n(m.micro.recall), n(m.micro.f1)]),
  }, { right: ['precision', 'recall', 'micro-F1'] });
  const curveTable = toMarkdown({
    columns: ['share of training units', 'units', 'codings', 'precision', 'recall', 'micro-F1'],
    rows: evaluation.learningCurve.map((p) => [`${Math.round(p.fraction * 100)}%`, n(p.trainingUnits, 0), n(p.trainingCodings, 0), n(p.micro.precision), n(p.micro.recall), n(p.micro.f1)]),
  }, { right: ['units', 'codings', 'precision', 'recall', 'micro-F1'] });
  const codeTable = toMarkdown({
    columns: ['code', 'examples', 'precision', 'recall', 'F1', 'F1 rules', 'F1 most frequent'],
    rows: scored.map((c) => {
      const at = learned.codes.indexOf(c);
      return [c.code, c.examples, n(c.precision), n(c.recall), n(c.f1), n(rules.codes[at].f1), n(frequent.codes[at].f1)];
    }),
  }, { right: ['examples', 'precision', 'recall', 'F1', 'F1 rules', 'F1 most frequent'] });
  const lines = [
    '## Learned suggestions: cross-validation',
    '',
    `${evaluation.k}-fold cross-validation on ${evaluation.labelledUnits} labelled units (${folds}; seed ${evaluation.seed}). ` +
      `A learned score of ${evaluation.minScore} or more counts as a suggestion. Micro averages over the ${scored.length} codes with at least ${evaluation.minScored} examples; "–" is 0/0.`,
    '',
    microTable.trimEnd(),
    '',
    '### Learning curve (learned)',
    '',
    curveTable.trimEnd(),
    '',
    '### Per code',
    '',
    scored.length > 0 ? codeTable.trimEnd() : 'No code has enough examples to be scored.',
    '',
    `### Reported, not scored (fewer than ${evaluation.minScored} examples): ${unscored.length} codes`,
    '',
    unscored.length > 0 ? unscored.map((c) => `${c.code} (${c.examples})`).join(', ') : 'None.',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Suggestions as a table: `start`/`end` as given (callers convert to code points), the
 * explanation as `label (weight)` joined by `; `.
 * @example suggestionTable(suggestions).columns // ['document', 'unit', 'start', …]
 */
export function suggestionTable(suggestions: readonly Suggestion[]): Table {
  return {
    columns: ['document', 'unit', 'start', 'end', 'speaker', 'code', 'score', 'uncertainty', 'because'],
    rows: suggestions.map((s) => [s.document, s.unit, s.start, s.end, s.speaker, s.code, round(s.score), round(s.uncertainty), s.because.map((r) => r.label).join('; ')]),
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
