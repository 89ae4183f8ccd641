// The interface in English and Indonesian. Every visible string goes through `t`.

const en = {
  appName: 'qda workbench',
  documents: 'Documents', document: 'Document', review: 'Review', codebook: 'Codebook', retrieval: 'Retrieval', agreement: 'Agreement', report: 'Report',
  coder: 'Coder', addCoder: 'Add coder…', whoAreYou: 'Who is coding?', whoAreYouHelp: 'Your codings are kept apart from other coders’. Pick your name or add it.',
  name: 'Name', add: 'Add', cancel: 'Cancel', save: 'Save', close: 'Close', delete: 'Delete', open: 'Open',
  saving: 'Saving…', saved: 'All changes saved', saveFailed: 'Not saved', offline: 'The server cannot be reached',
  undo: 'Undo', redo: 'Redo', nothingToUndo: 'Nothing to undo', nothingToRedo: 'Nothing to redo', undone: 'Undone', redone: 'Redone',
  help: 'Keyboard help', language: 'Bahasa Indonesia',
  words: 'words', turns: 'turns', codings: 'codings', byCoder: 'by coder', reviewed: 'reviewed', attributes: 'attributes', suggestions: 'suggestions',
  noDocuments: 'This project has no documents yet.',
  transcript: 'Transcript', turn: 'Turn', speaker: 'Speaker',
  selection: 'Selection', noSelection: 'Select words with the mouse, or move with ←/→ and extend with Shift+←/→.',
  pinned: 'Codes at hand (1–9)', pickCode: 'Pick a code', searchCodes: 'Search codes…', createCode: 'Create code', noCodes: 'No code matches',
  focused: 'Coding in focus', noFocus: 'Click a stripe in the margin, or press O on coded text.',
  coderOf: 'coder', origin: 'origin', status: 'status', statusFilter: 'Status', st_suggested: 'suggested', st_accepted: 'accepted', st_rejected: 'rejected', created: 'created',
  remove: 'Remove coding', memo: 'Memo', memoOn: 'Memo on', editStart: 'Move start ([)', editEnd: 'Move end (])',
  documentMemo: 'Document memo', hideHighlights: 'Hide highlights', showHighlights: 'Show highlights',
  show: 'Show', mine: 'mine', others: 'other coders', machine: 'suggestions',
  inVivo: 'In-vivo code', newCodeFromSelection: 'New code from selection', codeId: 'Code id (use / for levels)', label: 'Label',
  edgeMode: 'Moving the {edge} of “{code}”: ←/→ by word, Esc to finish.', start: 'start', end: 'end',
  whichCoding: 'Which coding?',
  progress: '{done} of {total} reviewed', accept: 'Accept', reject: 'Reject', adjust: 'Adjust span', skip: 'Skip', previous: 'Previous', next: 'Next',
  acceptAll: 'Accept all {n} of this code', confirmAcceptAll: 'Accept all {n} open suggestions of “{code}”? (one undo step)',
  queueEmpty: 'No suggestions match these filters.', allCodes: 'All codes', allDocuments: 'All documents', allSpeakers: 'All speakers',
  onlyOpen: 'Open suggestions', allStatuses: 'All', matched: 'Matched', rule: 'Rule',
  definition: 'Definition', include: 'Include when', exclude: 'Exclude when', examples: 'Examples (one a line)', examplesHeading: 'Examples', labels: 'Labels',
  addCode: 'Add code', addSubcode: 'Add sub-code', moveRename: 'Rename or move', newId: 'New id', merge: 'Merge into…', mergeInto: 'Merge “{code}” into', version: 'version',
  codeSaved: 'Codebook saved as a new version', exportYaml: 'Export YAML', exportQdc: 'Export REFI-QDA (.qdc)', goToTurn: 'Go to turn', turnNumber: 'Turn number', k_goto: 'go to a turn', showSegments: 'Show its segments',
  code: 'Code', andCode: 'and in the same segment', none: '(none)', attribute: 'Attribute', value: 'Value', anyCoder: 'All coders', results: '{n} passages',
  exportCsv: 'Export CSV', exportMd: 'Export Markdown quotes', copy: 'Copy', copied: 'Copied',
  coderA: 'Coder A', coderB: 'Coder B', compare: 'Compare', units: 'units', percent: '% agreement', kappa: 'Cohen’s κ', alpha: 'Krippendorff’s α', pooled: '(pooled)',
  disagreements: 'Disagreements', codedBy: 'coded by', notCodedBy: 'not by', keep: 'Keep {coder}', adopted: 'Adopted into “consensus”', needTwoCoders: 'Agreement needs two coders with codings.',
  method: 'How the figures were computed',
  unitNote: 'Unit: one turn × one code, over turns at least one of the two coded.',
  downloadHtml: 'Download HTML report', downloadXlsx: 'Download XLSX tables', reportHelp: 'The report of `qda report`, made from the codings in this project (rejected suggestions never count).', onlyCoders: 'Only these coders (none ticked: all)',
  keys: 'Keys', singleKeys: 'Single-letter shortcuts', textSize: 'Text size',
  k_select: 'move / extend selection by word', k_pinned: 'apply a code at hand', k_palette: 'search codes', k_invivo: 'in-vivo code from the selection', k_new: 'new code from the selection',
  k_uncode: 'remove a coding', k_memo: 'memo', k_edges: 'move start / end of the coding in focus', k_overlap: 'cycle codings here', k_nextcode: 'previous / next coding of this code',
  k_turn: 'previous / next turn', k_review: 'accept, reject, adjust, skip, next, previous', k_undo: 'undo / redo', k_hide: 'hide highlights', k_help: 'this help', k_esc: 'clear, close',
  shortcutsOff: 'Single-letter shortcuts are off (see ?)',
  // Team mode and class view.
  signIn: 'Sign in', accountName: 'Account name', password: 'Password', signOut: 'Sign out', signOutEverywhere: 'Sign out everywhere',
  signOutEverywhereHelp: 'End this account’s sessions on every device', owner: 'owner', viewer: 'viewer',
  classView: 'Class view', reference: 'Reference', noReference: '(none)', hideNames: 'Hide names (for projecting)', export: 'Export',
  agreementTables: 'agreement tables', blindCoding: 'Blind coding', allRevealed: 'Every coder sees everyone’s codings.',
  blindHelp: 'Coders see only their own codings until you reveal a document (click it) or all of them.',
  hideAll: 'Hide all again', revealAll: 'Reveal all', revealed: 'Revealed to the coders', hiddenAgain: 'Hidden again',
  classProgress: 'Progress', codes: 'codes', lastActivity: 'last change', pickReference: 'Pick a reference coder (yours or a consensus) to compare each coder with it.',
  allCoders: 'All coders together (Fleiss’ κ, Krippendorff’s α)', perCode: 'per code', mostDisputed: 'Most disputed passages',
  yes: 'applied', no: 'not', loading: 'Loading…', notApplied: 'not applied', noValue: 'did not code this document',
  alsoCoded: 'also coded here', openInDocument: 'Open in the document', fleiss: 'Fleiss’ κ',
} as const;

type Key = keyof typeof en;

const id: Record<Key, string> = {
  appName: 'meja kerja qda',
  documents: 'Dokumen', document: 'Dokumen', review: 'Tinjauan', codebook: 'Buku kode', retrieval: 'Penelusuran', agreement: 'Kesepakatan', report: 'Laporan',
  coder: 'Pengode', addCoder: 'Tambah pengode…', whoAreYou: 'Siapa yang mengode?', whoAreYouHelp: 'Pengodean Anda disimpan terpisah dari pengode lain. Pilih nama Anda atau tambahkan.',
  name: 'Nama', add: 'Tambah', cancel: 'Batal', save: 'Simpan', close: 'Tutup', delete: 'Hapus', open: 'Buka',
  saving: 'Menyimpan…', saved: 'Semua perubahan tersimpan', saveFailed: 'Tidak tersimpan', offline: 'Server tidak dapat dihubungi',
  undo: 'Urungkan', redo: 'Ulangi', nothingToUndo: 'Tidak ada yang bisa diurungkan', nothingToRedo: 'Tidak ada yang bisa diulangi', undone: 'Diurungkan', redone: 'Diulangi',
  help: 'Bantuan tombol', language: 'English',
  words: 'kata', turns: 'giliran', codings: 'pengodean', byCoder: 'per pengode', reviewed: 'ditinjau', attributes: 'atribut', suggestions: 'saran',
  noDocuments: 'Proyek ini belum berisi dokumen.',
  transcript: 'Transkrip', turn: 'Giliran', speaker: 'Penutur',
  selection: 'Pilihan', noSelection: 'Pilih kata dengan tetikus, atau bergerak dengan ←/→ dan perluas dengan Shift+←/→.',
  pinned: 'Kode siap pakai (1–9)', pickCode: 'Pilih kode', searchCodes: 'Cari kode…', createCode: 'Buat kode', noCodes: 'Tidak ada kode yang cocok',
  focused: 'Pengodean terpilih', noFocus: 'Klik garis di margin, atau tekan O pada teks berkode.',
  coderOf: 'pengode', origin: 'asal', status: 'status', statusFilter: 'Status', st_suggested: 'saran', st_accepted: 'diterima', st_rejected: 'ditolak', created: 'dibuat',
  remove: 'Hapus pengodean', memo: 'Memo', memoOn: 'Memo tentang', editStart: 'Geser awal ([)', editEnd: 'Geser akhir (])',
  documentMemo: 'Memo dokumen', hideHighlights: 'Sembunyikan sorotan', showHighlights: 'Tampilkan sorotan',
  show: 'Tampilkan', mine: 'milik saya', others: 'pengode lain', machine: 'saran',
  inVivo: 'Kode in-vivo', newCodeFromSelection: 'Kode baru dari pilihan', codeId: 'Id kode (pakai / untuk tingkat)', label: 'Label',
  edgeMode: 'Menggeser {edge} “{code}”: ←/→ per kata, Esc untuk selesai.', start: 'awal', end: 'akhir',
  whichCoding: 'Pengodean yang mana?',
  progress: '{done} dari {total} ditinjau', accept: 'Terima', reject: 'Tolak', adjust: 'Sesuaikan rentang', skip: 'Lewati', previous: 'Sebelumnya', next: 'Berikutnya',
  acceptAll: 'Terima semua {n} kode ini', confirmAcceptAll: 'Terima semua {n} saran terbuka untuk “{code}”? (satu langkah urung)',
  queueEmpty: 'Tidak ada saran yang cocok dengan saringan ini.', allCodes: 'Semua kode', allDocuments: 'Semua dokumen', allSpeakers: 'Semua penutur',
  onlyOpen: 'Saran terbuka', allStatuses: 'Semua', matched: 'Cocok', rule: 'Aturan',
  definition: 'Definisi', include: 'Masukkan bila', exclude: 'Kecualikan bila', examples: 'Contoh (satu per baris)', examplesHeading: 'Contoh', labels: 'Label',
  addCode: 'Tambah kode', addSubcode: 'Tambah subkode', moveRename: 'Ganti nama atau pindahkan', newId: 'Id baru', merge: 'Gabungkan ke…', mergeInto: 'Gabungkan “{code}” ke', version: 'versi',
  codeSaved: 'Buku kode disimpan sebagai versi baru', exportYaml: 'Ekspor YAML', exportQdc: 'Ekspor REFI-QDA (.qdc)', goToTurn: 'Ke giliran', turnNumber: 'Nomor giliran', k_goto: 'ke giliran tertentu', showSegments: 'Tampilkan segmennya',
  code: 'Kode', andCode: 'dan dalam segmen yang sama', none: '(tidak ada)', attribute: 'Atribut', value: 'Nilai', anyCoder: 'Semua pengode', results: '{n} kutipan',
  exportCsv: 'Ekspor CSV', exportMd: 'Ekspor kutipan Markdown', copy: 'Salin', copied: 'Disalin',
  coderA: 'Pengode A', coderB: 'Pengode B', compare: 'Bandingkan', units: 'unit', percent: '% kesepakatan', kappa: 'κ Cohen', alpha: 'α Krippendorff', pooled: '(gabungan)',
  disagreements: 'Ketidaksepakatan', codedBy: 'dikode oleh', notCodedBy: 'tidak oleh', keep: 'Pakai versi {coder}', adopted: 'Diambil ke “consensus”', needTwoCoders: 'Kesepakatan memerlukan dua pengode yang punya pengodean.',
  method: 'Cara angka dihitung',
  unitNote: 'Unit: satu giliran × satu kode, pada giliran yang dikode oleh setidaknya satu dari keduanya.',
  downloadHtml: 'Unduh laporan HTML', downloadXlsx: 'Unduh tabel XLSX', reportHelp: 'Laporan `qda report`, dibuat dari pengodean di proyek ini (saran yang ditolak tidak pernah dihitung).', onlyCoders: 'Hanya pengode ini (tidak dicentang: semua)',
  keys: 'Tombol', singleKeys: 'Pintasan satu huruf', textSize: 'Ukuran teks',
  k_select: 'geser / perluas pilihan per kata', k_pinned: 'pakai kode siap pakai', k_palette: 'cari kode', k_invivo: 'kode in-vivo dari pilihan', k_new: 'kode baru dari pilihan',
  k_uncode: 'hapus pengodean', k_memo: 'memo', k_edges: 'geser awal / akhir pengodean terpilih', k_overlap: 'ganti pengodean di sini', k_nextcode: 'pengodean sebelumnya / berikutnya dari kode ini',
  k_turn: 'giliran sebelumnya / berikutnya', k_review: 'terima, tolak, sesuaikan, lewati, berikutnya, sebelumnya', k_undo: 'urungkan / ulangi', k_hide: 'sembunyikan sorotan', k_help: 'bantuan ini', k_esc: 'batal, tutup',
  shortcutsOff: 'Pintasan satu huruf dimatikan (lihat ?)',
  signIn: 'Masuk', accountName: 'Nama akun', password: 'Kata sandi', signOut: 'Keluar', signOutEverywhere: 'Keluar dari semua perangkat',
  signOutEverywhereHelp: 'Akhiri sesi akun ini di semua perangkat', owner: 'pemilik', viewer: 'pengamat',
  classView: 'Tampilan kelas', reference: 'Acuan', noReference: '(tidak ada)', hideNames: 'Sembunyikan nama (untuk ditayangkan)', export: 'Ekspor',
  agreementTables: 'tabel kesepakatan', blindCoding: 'Pengodean buta', allRevealed: 'Setiap pengode melihat pengodean semua orang.',
  blindHelp: 'Pengode hanya melihat pengodeannya sendiri sampai Anda membuka satu dokumen (klik dokumennya) atau semuanya.',
  hideAll: 'Sembunyikan lagi semuanya', revealAll: 'Buka semuanya', revealed: 'Dibuka untuk para pengode', hiddenAgain: 'Disembunyikan lagi',
  classProgress: 'Kemajuan', codes: 'kode', lastActivity: 'perubahan terakhir', pickReference: 'Pilih pengode acuan (Anda sendiri atau konsensus) untuk dibandingkan dengan setiap pengode.',
  allCoders: 'Semua pengode bersama (κ Fleiss, α Krippendorff)', perCode: 'per kode', mostDisputed: 'Bagian yang paling diperdebatkan',
  yes: 'memakai', no: 'tidak', loading: 'Memuat…', notApplied: 'tidak memakai kode ini', noValue: 'tidak mengode dokumen ini',
  alsoCoded: 'juga dikode di sini', openInDocument: 'Buka di dokumen', fleiss: 'κ Fleiss',
};

/** Interface languages. */
export type Language = 'en' | 'id';

let current: Language = localStorage.getItem('qda.language') === 'id' ? 'id' : 'en';

/** The interface language now. */
export function language(): Language {
  return current;
}

/** Switch the interface language (remembered in this browser). */
export function setLanguage(lang: Language): void {
  current = lang;
  localStorage.setItem('qda.language', lang);
  document.documentElement.lang = lang;
}

/**
 * A string of the interface in the current language, with `{name}` filled from `vars`.
 * @example t('progress', { done: 3, total: 40 })
 */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text = current === 'id' ? id[key] : en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
