// Deterministic benchmark inputs: a JSONL corpus of transcript-like Indonesian and English text
// with codebook terms at realistic rates, and codebooks of a given number of terms.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../src/analysis/agreement/random.js';

const FUNCTION_WORDS_ID =
  'yang dan di ke dari ini itu dengan untuk tidak ada saya kami dia mereka jadi ya kan gitu juga sudah akan bisa karena kalau atau seperti dalam pada sangat lebih masih harus mau nggak gak terus memang sih lah dong'.split(
    ' ',
  );
const FUNCTION_WORDS_EN =
  'the and of to a in that is it for we was with as on they she be at this have from or by but not what so if about when there'.split(' ');
const CONTENT_ID =
  'mahasiswi keluarga kampus layanan konseling cerita perasaan kegiatan kuliah dosen teman rumah waktu minggu bulan tahun proses kasus sesi catatan laporan kebutuhan masalah kondisi situasi perubahan dukungan bantuan kepercayaan hubungan pertemuan pembicaraan pengalaman pekerjaan tanggung jawab kesempatan tempat kelas asrama orang tua ibu bapak kakak adik saudara lingkungan masyarakat budaya agama'.split(
    ' ',
  );
const CONTENT_EN =
  'student family campus service counselling story feeling activity lecture lecturer friend home time week month year process case session note report need problem condition situation change support help trust relationship meeting conversation experience work responsibility chance place class dormitory parent mother father sister brother community culture religion'.split(
    ' ',
  );
const SYLLABLES =
  'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu ga gi gu ja ju da di du ha ham kan ran tan lam per ber men peng nya'.split(
    ' ',
  );

/** A made-up word of 2–4 syllables. */
function syntheticWord(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/**
 * `count` distinct terms: the bundled codebook's own terms first (realistic), then made-up
 * words and two-word phrases.
 */
export function generateTerms(count: number, realTerms: readonly string[], seed = 7): string[] {
  const rand = seededRandom(seed);
  const terms = new Set<string>();
  for (const t of realTerms) {
    if (terms.size >= count) break;
    if (/^[\p{L} ]+$/u.test(t)) terms.add(t.toLowerCase());
  }
  while (terms.size < count) terms.add(rand() < 0.8 ? syntheticWord(rand) : `${syntheticWord(rand)} ${syntheticWord(rand)}`);
  return [...terms];
}

/**
 * A YAML codebook with `terms` spread over 50 codes in two families, as a study's codebook has
 * a few dozen codes whatever the size of its dictionary: so that a bigger dictionary means more
 * terms to match, not more codes (and many more coding rows) to write.
 */
export function codebookYaml(terms: readonly string[], codes = 50): string {
  const lines = ['language: id', 'defaults:', '  roles: ["!interviewer"]', 'codes:', '  - id: a', '  - id: b'];
  const n = Math.min(codes, terms.length);
  for (let c = 0; c < n; c++) {
    const mine = terms.filter((_, i) => i % n === c);
    lines.push(`  - id: ${c % 2 === 0 ? 'a' : 'b'}/c${c}`);
    lines.push(`    terms: [${mine.map((t) => JSON.stringify(t)).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Write a JSONL corpus of about `megabytes` MB: interview-like documents of ~60 KB with
 * speaker labels, mostly Indonesian with some English, codebook terms in about 1 word of 150.
 */
export async function writeCorpus(path: string, megabytes: number, codebookTerms: readonly string[], seed = 1): Promise<number> {
  const rand = seededRandom(seed);
  const out = createWriteStream(path);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let doc = 0;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  // Rare words follow Zipf's law, as in real speech: names, places, slang and typos, a long
  // tail of types that each recur (a uniform draw would make nearly every token a new type).
  const rare = Array.from({ length: 50_000 }, () => syntheticWord(rand));
  const zipf = zipfSampler(rare.length, 1.05, rand);
  while (written < target) {
    const english = rand() < 0.15;
    const fn = english ? FUNCTION_WORDS_EN : FUNCTION_WORDS_ID;
    const content = english ? CONTENT_EN : CONTENT_ID;
    const turns: string[] = [];
    let size = 0;
    for (let turn = 0; size < 60_000; turn++) {
      const interviewer = turn % 2 === 0;
      const words: string[] = [];
      const length = interviewer ? 8 + Math.floor(rand() * 15) : 40 + Math.floor(rand() * 200);
      for (let w = 0; w < length; w++) {
        const r = rand();
        let word = r < 0.5 ? pick(fn) : r < 0.9 ? pick(content) : r < 0.9067 ? pick(codebookTerms) : rare[zipf()];
        if (w === 0) word = word[0].toUpperCase() + word.slice(1);
        words.push(word);
        if (rand() < 0.08) words[words.length - 1] += rand() < 0.8 ? '.' : ',';
      }
      const line = `${interviewer ? 'Pewawancara' : 'Informan'}: ${words.join(' ')}.`;
      turns.push(line);
      size += line.length + 2;
    }
    const record = JSON.stringify({
      id: `doc-${String(++doc).padStart(6, '0')}`,
      language: english ? 'en' : 'id',
      participants: [
        { name: 'Pewawancara', role: 'interviewer' },
        { name: 'Informan', role: 'informant' },
      ],
      text: turns.join('\n\n'),
    });
    if (!out.write(`${record}\n`)) await once(out, 'drain');
    written += Buffer.byteLength(record) + 1;
  }
  out.end();
  await once(out, 'finish');
  return written;
}

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s, by binary search on the CDF. */
function zipfSampler(n: number, s: number, rand: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) cdf[k] = total += 1 / (k + 1) ** s;
  return () => {
    const u = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
