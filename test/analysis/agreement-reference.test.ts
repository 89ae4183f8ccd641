// Every figure of the external corpus agreement-reference/expected.json, reproduced to the precision it is printed with.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  categoryCounts,
  cohenKappa,
  cohenKappaOfRatings,
  contingencyTable,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
  scottPi,
  type ContingencyTable,
  type KappaResult,
  type ReliabilityData,
} from '../../src/analysis/agreement/index.js';
import { parseReliabilityCsv, type ReliabilityLayout } from '../../src/analysis/agreement/reliability-csv.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';

describeWithCorpora('the agreement reference corpus', () => {
  const dir = corpusPath('agreement-reference');
  const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as Record<string, unknown>;

  function reliability(file: string, layout: ReliabilityLayout = 'coders-by-units', numeric = false): ReliabilityData {
    const { data, messages } = parseReliabilityCsv(readFileSync(`${dir}/${file}`, 'utf8'), { file, layout, numeric });
    expect(messages).toEqual([]);
    return data as ReliabilityData;
  }

  function table(file: string): ContingencyTable {
    const rows = Papa.parse<string[]>(readFileSync(`${dir}/${file}`, 'utf8').trim()).data;
    return { levels: rows[0].slice(1), counts: rows.slice(1).map((r) => r.slice(1).map(Number)) };
  }

  function counts(file: string): number[][] {
    return Papa.parse<string[]>(readFileSync(`${dir}/${file}`, 'utf8').trim())
      .data.slice(1)
      .map((r) => r.slice(1).map(Number));
  }

  /** The figures a κ result yields, under the names expected.json uses. */
  function kappaFigures(k: KappaResult): Record<string, number | number[]> {
    return {
      value: k.kappa,
      ASE: k.ase,
      ci95: k.ci95,
      ASE_H0: k.aseH0,
      z: k.z,
      p_one_sided: k.pOneSided,
      p_two_sided: k.pTwoSided,
      p: k.pTwoSided,
    };
  }

  const A = reliability('krippendorff2011_A_binary_2coders.csv');
  const B = reliability('krippendorff2011_B_nominal_2coders.csv');
  const C = reliability('krippendorff2011_C_4coders_missing.csv', 'coders-by-units', true);
  const anxiety = reliability('irr_anxiety_20x3.csv', 'units-by-coders', true);
  const diagnoses = reliability('irr_diagnoses_30x6.csv', 'units-by-coders');
  const rater = (data: ReliabilityData, name: string) => data.values[data.coders.indexOf(name)];
  const twoCoders = (data: ReliabilityData) => ({
    alpha_nominal: krippendorffAlpha(data).alpha,
    cohen_kappa: cohenKappa(contingencyTable(data.values[0], data.values[1])).kappa,
    scott_pi: scottPi(contingencyTable(data.values[0], data.values[1])).pi,
    percent_agreement: percentAgreement(data).agreement,
  });
  const wikipediaKappa = cohenKappa(table('cohen_wikipedia_2x2_table.csv'));
  const sas = table('sas_cohen_3x3_table.csv');
  const anxietyKappa = (a: string, b: string, weights: Parameters<typeof cohenKappaOfRatings>[2]) =>
    kappaFigures(cohenKappaOfRatings(rater(anxiety, a), rater(anxiety, b), weights));
  const diagnosesCounts = categoryCounts(diagnoses);

  /** What we compute, keyed like expected.json: a number is the figure's value; an object holds its value and statistics. */
  const computed: Record<string, Record<string, number | number[] | Record<string, number | number[]>>> = {
    'krippendorff2011_A_binary_2coders.csv': twoCoders(A),
    'krippendorff2011_B_nominal_2coders.csv': twoCoders(B),
    'krippendorff2011_C_4coders_missing.csv': {
      alpha_nominal: krippendorffAlpha(C, { metric: 'nominal' }).alpha,
      alpha_ordinal: krippendorffAlpha(C, { metric: 'ordinal' }).alpha,
      alpha_interval: krippendorffAlpha(C, { metric: 'interval' }).alpha,
      alpha_ratio: krippendorffAlpha(C, { metric: 'ratio' }).alpha,
    },
    'cohen_wikipedia_2x2_table.csv': {
      cohen_kappa: wikipediaKappa.kappa,
      p_observed: wikipediaKappa.observed,
      p_expected: wikipediaKappa.expected,
    },
    'sas_cohen_3x3_table.csv': {
      cohen_kappa_unweighted: kappaFigures(cohenKappa(sas)),
      cohen_kappa_linear_weights_scores_0_1_2: kappaFigures(cohenKappa(sas, { weights: 'linear' })),
    },
    'irr_anxiety_20x3.csv': {
      kappa2_raters2_3_unweighted: anxietyKappa('rater2', 'rater3', { weights: 'unweighted' }),
      kappa2_raters2_3_equal: anxietyKappa('rater2', 'rater3', { weights: 'linear' }),
      kappa2_raters2_3_squared: anxietyKappa('rater2', 'rater3', { weights: 'quadratic' }),
      kappa2_raters2_3_weights_0_0_1_1_2: anxietyKappa('rater2', 'rater3', { weights: [0, 0, 1, 1, 2] }),
      kappa2_raters1_2_weights_0_0_0_1_1_1: anxietyKappa('rater1', 'rater2', { weights: [0, 0, 0, 1, 1, 1] }),
      kappa2_raters1_2_weights_0_0_1_1_2_2: anxietyKappa('rater1', 'rater2', { weights: [0, 0, 1, 1, 2, 2] }),
      kappa2_raters1_2_unweighted: anxietyKappa('rater1', 'rater2', {}),
    },
    'irr_diagnoses_30x6.csv': {
      fleiss_kappa: { value: fleissKappa(diagnosesCounts.counts).kappa, z: fleissKappa(diagnosesCounts.counts).z },
      category_totals: diagnosesCounts.categories.map((_, j) => diagnosesCounts.counts.reduce((s, row) => s + row[j], 0)),
      cohen_kappa_rater1_rater2: cohenKappaOfRatings(rater(diagnoses, 'rater1'), rater(diagnoses, 'rater2')).kappa,
    },
    'fleiss_wikipedia_10subjects_14raters_counts.csv': {
      fleiss_kappa: fleissKappa(counts('fleiss_wikipedia_10subjects_14raters_counts.csv')).kappa,
    },
  };

  const VALUE_KEYS = new Set(['published', 'recomputed', 'computed_here_only']);

  /** Every number printed in expected.json, with the computed figure it must match. */
  function cases(): Array<[string, number, number]> {
    const out: Array<[string, number, number]> = [];
    const visit = (name: string, printed: unknown, actual: unknown) => {
      if (typeof printed === 'string') return; // layouts, notes, meanings
      if (typeof printed === 'number') {
        out.push([name, printed, typeof actual === 'number' ? actual : NaN]);
        return;
      }
      if (Array.isArray(printed)) {
        printed.forEach((p, i) => visit(`${name}[${i}]`, p, Array.isArray(actual) ? actual[i] : undefined));
        return;
      }
      for (const [key, value] of Object.entries(printed as Record<string, unknown>)) {
        const figure =
          actual !== null && typeof actual === 'object' && !Array.isArray(actual) ? (actual as Record<string, unknown>)[key] : undefined;
        visit(
          `${name} › ${key}`,
          value,
          VALUE_KEYS.has(key) ? (typeof actual === 'number' ? actual : (actual as Record<string, unknown>)?.value) : figure,
        );
      }
    };
    for (const [file, figures] of Object.entries(expected)) if (!file.startsWith('_')) visit(file, figures, computed[file]);
    return out;
  }

  /** Decimals a number is printed with in the JSON text (0.210 would read as 0.21: two). */
  function decimals(x: number): number {
    const text = String(x);
    return text.includes('e-')
      ? Number(text.split('e-')[1]) + (text.split('e')[0].split('.')[1]?.length ?? 0)
      : (text.split('.')[1]?.length ?? 0);
  }

  describe('agreement-reference/expected.json', () => {
    const all = cases();

    it('covers all 76 printed figures, each with a computed counterpart', () => {
      expect(all.length).toBe(76);
      expect(all.filter(([, , actual]) => Number.isNaN(actual)).map(([name]) => name)).toEqual([]);
    });

    it.each(all)('%s = %s', (_name, printed, actual) => {
      const tolerance = 0.5 * 10 ** -decimals(printed);
      expect(Math.abs(actual - printed)).toBeLessThanOrEqual(tolerance * (1 + 1e-9));
    });
  });

  describe('details the reference figures rest on', () => {
    it('drops the single-value unit 12 of example C and counts n = 40 pairable values', () => {
      const r = krippendorffAlpha(C, { metric: 'interval' });
      expect({ coders: r.coders, units: r.units, pairable: r.pairableValues, single: r.singleValueUnits }).toEqual({
        coders: 4,
        units: 11,
        pairable: 40,
        single: 1,
      });
    });

    it('builds the anxiety table of raters 2 and 3 over the 5 levels that occur (R irr convention)', () => {
      expect(contingencyTable(rater(anxiety, 'rater2'), rater(anxiety, 'rater3')).levels).toEqual([1, 2, 3, 4, 6]);
    });

    it('reads the diagnoses as 30 subjects with 6 ratings each', () => {
      const f = fleissKappa(diagnosesCounts.counts);
      expect([f.subjects, f.raters, diagnosesCounts.leftOut]).toEqual([30, 6, 0]);
    });
  });
});
