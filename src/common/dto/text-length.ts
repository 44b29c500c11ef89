import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * The one length rule for user text: Unicode code points. UTF-16 units would count an emoji
 * as two and make the limit depend on the script; graphemes would need a segmenter per
 * check and still differ between clients. Code points are what every store and client agrees on.
 */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

// With the u flag a paired surrogate is one code point, so only unpaired halves match.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * False for text with an unpaired surrogate. Such text cannot be encoded as UTF-8: the
 * store would keep U+FFFD while the broadcast carried the original, so it is refused at accept.
 */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Problems with a piece of user text, in the words of a VALIDATION.FAILED detail. */
export function textProblems(field: string, text: string, max: number, min = 0): string[] {
  const problems: string[] = [];
  if (!isWellFormedText(text)) problems.push(`${field} must not contain unpaired surrogates`);
  const length = codePointLength(text);
  if (length > max) problems.push(`${field} must be at most ${max} characters`);
  if (length < min) problems.push(`${field} must be at least ${min} characters`);
  return problems;
}

/** class-validator rule: well-formed text of min..max code points (see codePointLength). */
export function IsText(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isText',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || textProblems('', value, max, min).length === 0,
        defaultMessage: (args) => (typeof args?.value === 'string' ? textProblems(args.property, args.value, max, min).join(', ') : ''),
      },
    },
    options,
  );
}
