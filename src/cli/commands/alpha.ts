import { Command, Option } from 'commander';
import {
  krippendorffAlpha,
  MEASUREMENT_LEVELS,
  type AlphaResult,
  type MeasurementLevel,
} from '../../analysis/agreement/krippendorff-alpha.js';
import { RELIABILITY_LAYOUTS, type ReliabilityLayout } from '../../analysis/agreement/reliability-csv.js';
import { readReliability } from '../../io/read-reliability.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { message } from '../../model/message.js';
import { EXIT, type CliContext } from '../context.js';
import { deprecated, oldSpelling, outOption } from './options.js';
import { counted } from '../../util/plural.js';

interface AlphaOptions {
  metric: MeasurementLevel;
  /** The old spelling of --metric. */
  level?: MeasurementLevel;
  layout: ReliabilityLayout;
  format: 'md' | 'json' | 'text';
  out?: string;
}

/**
 * `qda alpha`: Krippendorff's α of a reliability table, for teaching and for data that is not QDA.
 * @example program.addCommand(alphaCommand(ctx))
 */
export function alphaCommand(ctx: CliContext): Command {
  return new Command('alpha')
    .summary("Krippendorff's α of a coders × units table")
    .description(
      `Krippendorff's α of a reliability table: a header row, then one row per
coder (first column the coder, one column per unit); an empty cell is a missing
value. Units with a single value cannot be paired and are left out.
--layout units-by-coders reads one row per unit and one column per coder
instead (R irr's subjects × raters).

--metric is the level of measurement (nominal, ordinal, interval, ratio);
--format json prints {"alpha", "metric", "coders", "units", "pairable_values"}:
the metric used, the coders and units that gave pairable values, and the
number of those values. It also prints "level", the old name of "metric",
deprecated: it goes in the next release. An undefined α (one coder, no variation) is null, with a warning on
stderr that says why.`,
    )
    .argument('<reliability>', 'reliability table (.csv)')
    .addOption(
      new Option('-m, --metric <level>', 'level of measurement: how far apart two values are')
        .choices([...MEASUREMENT_LEVELS])
        .default('nominal'),
    )
    .addOption(oldSpelling('-l, --level <level>', '--metric').choices([...MEASUREMENT_LEVELS]))
    .addOption(new Option('--layout <layout>', 'what the rows are').choices([...RELIABILITY_LAYOUTS]).default('coders-by-units'))
    .addOption(
      new Option('-f, --format <format>', 'output format: md (a short text) or json').choices(['md', 'json', 'text']).default('md'),
    )
    .addOption(outOption())
    .addHelpText(
      'after',
      `
Examples:
  qda alpha reliability.csv --metric ordinal
  qda alpha ratings.csv --layout units-by-coders --metric interval --format json`,
    )
    .action(async (file: string, options: AlphaOptions) => {
      const metric = deprecated(ctx.io.stderr, 'alpha', options.level, '--level', '--metric') ?? options.metric;
      if (options.format === 'text') deprecated(ctx.io.stderr, 'alpha', options.format, '--format text', '--format md');
      const { data, messages } = await readReliability(file, { layout: options.layout, numeric: metric !== 'nominal' });
      if (ctx.report(messages) || data === null) {
        ctx.exitCode = EXIT.data;
        return;
      }
      const result = krippendorffAlpha(data, { metric });
      if (result.note) ctx.report([message(result.note, { file, ruleId: 'alpha-undefined', source: 'alpha' })]);
      const output = options.format === 'json' ? `${JSON.stringify(alphaJson(result))}\n` : alphaText(result);
      if (options.out) await writeFileAtomic(options.out, output);
      else ctx.io.stdout(output);
    });
}

/**
 * The JSON of `qda alpha`: `metric` is named as the option is; `level`, its old name, stays
 * one release (last, so that dropping it moves no other key) for scripts that read it.
 */
function alphaJson(r: AlphaResult): {
  alpha: number | null;
  metric: MeasurementLevel;
  coders: number;
  units: number;
  pairable_values: number;
  /** @deprecated The old name of `metric`; it goes in the next release. */
  level: MeasurementLevel;
} {
  return {
    alpha: Number.isNaN(r.alpha) ? null : r.alpha,
    metric: r.metric,
    coders: r.coders,
    units: r.units,
    pairable_values: r.pairableValues,
    level: r.metric,
  };
}

function alphaText(r: AlphaResult): string {
  const value = Number.isNaN(r.alpha) ? 'undefined' : r.alpha.toFixed(4);
  const dropped = r.singleValueUnits > 0 ? ` (${counted(r.singleValueUnits, 'unit')} with a single value left out)` : '';
  return `Krippendorff's alpha (${r.metric}) = ${value}\ncoders: ${r.coders}, units: ${r.units}${dropped}, pairable values: ${r.pairableValues}\n`;
}
