import type { TFunction } from 'i18next';
import type { DataNote } from '../../worker/protocol';
import { fmtNum } from '../format';
import { noteText as engineNoteText } from '../../engine/index';

/** A data note in the UI language (file names and numbers as given). */
export function noteText(n: DataNote, t: TFunction<['translation', 'dataCheck']>, lang: string): string {
  switch (n.kind) {
    case 'encoding':
      return t('dataCheck:note.encoding', { file: n.file, encoding: n.encoding });
    case 'crs':
      return t('dataCheck:note.crs', { from: n.from });
    case 'unassigned':
      return t('dataCheck:note.unassigned', { n: fmtNum(n.count, lang) });
    case 'unsnapped':
      return t('dataCheck:note.unsnapped', { n: fmtNum(n.count, lang), m: fmtNum(n.maxSnapM, lang) });
    case 'ignored':
      return t('dataCheck:note.ignored', { files: n.files.join(lang === 'en' ? ', ' : '、') });
    case 'engine':
      return engineNoteText(n.note, lang === 'en' ? 'en' : 'zh');
  }
}
