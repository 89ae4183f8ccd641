import type { AttributeValue, Attributes } from '../model/document.js';
import type { Message } from '../model/message.js';
import { attr, child, children, textOf, type XmlNode } from '../util/xml.js';

/** A REFI-QDA variable (an attribute of sources or cases). */
export interface QdpxVariable {
  guid: string;
  name: string;
  /** `Text`, `Boolean`, `Integer`, `Float`, `Date` or `DateTime`. */
  type: string;
}

/** A REFI-QDA case: a unit of analysis (a person, a site) with attributes and its sources. */
export interface QdpxCase {
  guid: string;
  name: string;
  attributes: Attributes;
  /** GUIDs of the sources that belong to the case. */
  sources: string[];
  /** Ids of the imported documents of those sources (filled in once the documents exist). */
  documents: string[];
}

type At = (node: unknown, reason: string, ruleId: string) => Message;

const VALUE_ELEMENTS = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'] as const;

/**
 * The project's variables by GUID.
 * @example readVariables(project).get(guid)?.name // 'age'
 */
export function readVariables(project: XmlNode): Map<string, QdpxVariable> {
  const out = new Map<string, QdpxVariable>();
  for (const v of children(child(project, 'Variables'), 'Variable')) {
    const guid = attr(v, 'guid');
    if (guid === undefined) continue;
    out.set(guid, { guid, name: attr(v, 'name') ?? guid, type: attr(v, 'typeOfVariable') ?? 'Text' });
  }
  return out;
}

/**
 * The `<VariableValue>`s of a source or case as attributes: numbers for `Integer`/`Float`,
 * booleans for `Boolean`, text otherwise. A value of an unknown variable is a warning.
 * @example readValues(textSource, variables, at, messages) // { age: 34, gender: 'female' }
 */
export function readValues(node: XmlNode, variables: ReadonlyMap<string, QdpxVariable>, at: At, messages: Message[]): Attributes {
  const out: Attributes = {};
  for (const value of children(node, 'VariableValue')) {
    const ref = attr(child(value, 'VariableRef') ?? {}, 'targetGUID');
    const variable = ref === undefined ? undefined : variables.get(ref);
    if (variable === undefined) {
      messages.push(
        at(
          value,
          `a variable value refers to ${ref === undefined ? 'no variable' : `variable ${ref}, which the project does not define`}; it is left out`,
          'unknown-variable',
        ),
      );
      continue;
    }
    const kind = VALUE_ELEMENTS.find((k) => value[k] !== undefined);
    if (kind === undefined) continue;
    out[variable.name] = typedValue(kind, (textOf(value, kind) ?? '').trim());
  }
  return out;
}

/**
 * The project's cases, with their attributes and the GUIDs of their sources.
 * @example readCases(project, variables, at, messages)[0].sources
 */
export function readCases(project: XmlNode, variables: ReadonlyMap<string, QdpxVariable>, at: At, messages: Message[]): QdpxCase[] {
  return children(child(project, 'Cases'), 'Case').map((c) => ({
    guid: attr(c, 'guid') ?? '',
    name: attr(c, 'name') ?? attr(c, 'guid') ?? 'case',
    attributes: readValues(c, variables, at, messages),
    sources: children(c, 'SourceRef')
      .map((r) => attr(r, 'targetGUID'))
      .filter((g): g is string => g !== undefined),
    documents: [],
  }));
}

function typedValue(kind: (typeof VALUE_ELEMENTS)[number], text: string): AttributeValue {
  if (kind === 'BooleanValue') return text === 'true' || text === '1';
  if (kind === 'IntegerValue' || kind === 'FloatValue') {
    const n = Number(text);
    return text.length > 0 && Number.isFinite(n) ? n : text;
  }
  return text;
}
