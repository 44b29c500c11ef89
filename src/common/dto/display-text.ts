import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Control characters (C0, DEL, C1) and the Unicode bidi controls (embeddings, overrides,
 * isolates, marks). In a name shown to others they hide or reorder what follows, so one
 * channel can pose as another ("Trojan Source", CVE-2021-42574).
 */
const HIDDEN_CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function hasHiddenControls(text: string): boolean {
  return HIDDEN_CONTROLS.test(text);
}

/** A name others will read: refuses control characters and bidi overrides (VALIDATION.FAILED). */
export function IsDisplayText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDisplayText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasHiddenControls(value),
        defaultMessage: () => '$property must not contain control characters or bidi overrides',
      },
    },
    options,
  );
}
