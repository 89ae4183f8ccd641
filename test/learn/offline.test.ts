// Suggestions never leave the machine: every way Node opens a connection or resolves a name is
// replaced by a trap while the model trains, suggests and evaluates. A trap that fires fails the test.
import dgram from 'node:dgram';
import dns from 'node:dns';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../../src/learn/dataset.js';
import { evaluateSuggester } from '../../src/learn/evaluate.js';
import { trainSuggester } from '../../src/learn/model.js';
import { suggestCodings } from '../../src/learn/suggest.js';
import { runCli } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';
import { CODEBOOK, smallProject, smallStudy } from './small-project.js';

const attempts: string[] = [];

function trap<T extends object>(target: T, method: keyof T & string, name: string): void {
  vi.spyOn(target, method as never).mockImplementation((() => {
    attempts.push(name);
    throw new Error(`network access: ${name}`);
  }) as never);
}

beforeEach(() => {
  attempts.length = 0;
  trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
  trap(net, 'connect', 'net.connect');
  trap(net, 'createConnection', 'net.createConnection');
  trap(tls, 'connect', 'tls.connect');
  trap(dns, 'lookup', 'dns.lookup');
  trap(dns, 'resolve', 'dns.resolve');
  trap(dns.promises, 'lookup', 'dns.promises.lookup');
  trap(dns.promises, 'resolve', 'dns.promises.resolve');
  trap(http, 'request', 'http.request');
  trap(http, 'get', 'http.get');
  trap(https, 'request', 'https.request');
  trap(https, 'get', 'https.get');
  trap(dgram, 'createSocket', 'dgram.createSocket');
  trap(globalThis, 'fetch', 'fetch');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('no network access while learning', () => {
  it('the traps catch a connection attempt (so the tests below can fail)', () => {
    expect(() => new net.Socket().connect(9, '127.0.0.1')).toThrow('network access');
    expect(() => https.get('https://example.org/')).toThrow('network access');
    expect(() => dns.lookup('example.org', () => undefined)).toThrow('network access');
    expect(attempts).toEqual(['net.Socket.connect', 'https.get', 'dns.lookup']);
  });

  it('trains, suggests and evaluates on a small project without opening a socket', () => {
    const { corpus, decisions } = smallProject();
    const dataset = buildDataset(corpus, decisions, { codebook: CODEBOOK });
    const suggestions = suggestCodings(dataset, trainSuggester(dataset), { minScore: 0.2 });
    const evaluation = evaluateSuggester(dataset, { k: 3, minScored: 3 });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(evaluation.methods).toHaveLength(3);
    expect(attempts).toEqual([]);
  });
});

describe('no network access in qda suggest on a project file', () => {
  it('writes learned suggestions into study.qda and evaluates it without opening a socket', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qda-offline-')), 'study.qda');
    await (await smallStudy(file)).close();
    const suggest = await runCli('suggest', file);
    const evaluate = await runCli('suggest', file, '--evaluate', '--folds', '3');
    expect([suggest.code, evaluate.code]).toEqual([0, 0]);
    expect(suggest.stderr).toMatch(/suggestions for ana/);
    expect(attempts).toEqual([]);
  });
});

describeWithCorpora('no network access in qda suggest on a real project', () => {
  it('suggests and evaluates demo.qdpx from the command line without opening a socket', async () => {
    const file = corpusPath('qc-qualitative-coding', 'demo.qdpx');
    const suggest = await runCli('suggest', file);
    const evaluate = await runCli('suggest', file, '--evaluate', '--format', 'csv');
    expect([suggest.code, evaluate.code]).toEqual([0, 0]);
    expect(suggest.stdout.split('\n').length).toBeGreaterThan(2);
    expect(attempts).toEqual([]);
  });
});
