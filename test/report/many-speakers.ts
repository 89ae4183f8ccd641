// Thirty fictional informants, one interview each: a frequency table with many speakers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded } from '../helpers/cli.js';

const FIRST = ['Adi', 'Bayu', 'Citra', 'Dewi', 'Eka', 'Fajar', 'Gita', 'Hadi', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Maya', 'Nanda', 'Oki'];
const LAST = ['Pratama', 'Wibowo'];
export const SPEAKERS = LAST.flatMap((last) => FIRST.map((first) => `${first} ${last}`));
const PHRASES = ['Banyak klien datang karena pacar.', 'Mereka bilang terlalu cinta.', 'Pelakunya sepupu sendiri.', 'Kadang paman korban.', 'Kami mulai asesmen.', 'Kami buat genogram bersama.', 'Lalu kami susun rencana.'];

/** Thirty interviews, each an interviewer's question and two to five answers with seeded content. */
export function writeThirtyInterviews(dir: string): string[] {
  const random = seeded(30);
  return SPEAKERS.map((name, i) => {
    const answers = Array.from({ length: 2 + Math.floor(random() * 4) }, () =>
      PHRASES.filter(() => random() < 0.35).join(' ') || 'Saya kurang tahu.',
    );
    const file = join(dir, `interview-${String(i + 1).padStart(2, '0')}.md`);
    writeFileSync(file, answers.map((a) => `Pewawancara: Bagaimana pengalaman Anda?\n\n${name}: ${a}\n`).join('\n'));
    return file;
  });
}

