/** Kinds of command line mistakes, each with a message in Chinese and English. */
export const USAGE_MESSAGES = {
  U_NO_COMMAND: { zh: '未给出命令', en: 'no command given' },
  U_UNKNOWN_COMMAND: { zh: '未知命令', en: 'unknown command' },
  U_UNKNOWN_FLAG: { zh: '未知参数', en: 'unknown flag' },
  U_STRAY_ARGUMENT: { zh: '多余的参数', en: 'unexpected argument' },
  U_REPEATED_FLAG: { zh: '参数重复给出', en: 'flag given more than once' },
  U_MISSING_FLAG: { zh: '缺少必需参数', en: 'missing required flag' },
  U_MISSING_VALUE: { zh: '参数缺少取值', en: 'flag needs a value' },
  U_SWITCH_VALUE: { zh: '开关参数不带取值', en: 'flag takes no value' },
  U_BAD_VALUE: { zh: '参数取值不正确', en: 'bad value for flag' },
} as const;

export type UsageCode = keyof typeof USAGE_MESSAGES;

/**
 * A mistake on the command line: an unknown command or flag, a stray argument, a flag
 * without its value or with a bad one. The CLI prints it in both languages, with the
 * command's usage, and exits with status 2. `arg` is the offending word as typed, `hint`
 * the closest known one (or a short explanation of the expected value).
 */
export class UsageError extends Error {
  readonly code: UsageCode;
  readonly arg: string;
  readonly hint?: string;
  constructor(code: UsageCode, arg: string, hint?: string) {
    super(usageText(code, arg, hint, 'en'));
    this.name = 'UsageError';
    this.code = code;
    this.arg = arg;
    this.hint = hint;
  }
  /** The message in one language. */
  messageIn(lang: 'zh' | 'en'): string {
    return usageText(this.code, this.arg, this.hint, lang);
  }
}

function usageText(code: UsageCode, arg: string, hint: string | undefined, lang: 'zh' | 'en'): string {
  const base = `${USAGE_MESSAGES[code][lang]}${arg ? `: ${arg}` : ''}`;
  if (!hint) return base;
  if (hint.startsWith('--') || code === 'U_UNKNOWN_COMMAND') return lang === 'zh' ? `${base}（是否要写 ${hint}？）` : `${base} (did you mean ${hint}?)`;
  return lang === 'zh' ? `${base}（${hint}）` : `${base} (${hint})`;
}
