import { validate } from 'class-validator';
import { codePointLength, IsText, isWellFormedText, textProblems } from './text-length';

class Named {
  @IsText(1, 3) name: string;
  constructor(name: string) {
    this.name = name;
  }
}

describe('text-length', () => {
  it('counts code points: an astral emoji is one, a combining mark is its own', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀😀')).toBe(2);
    expect(codePointLength('e\u0301')).toBe(2);
    expect(codePointLength('👩‍💻')).toBe(3);
  });

  it('counts a lone surrogate as one code point', () => {
    expect(codePointLength('a\ud83d')).toBe(2);
    expect(codePointLength('\ude00b')).toBe(2);
  });

  it('tells well-formed text from text with an unpaired surrogate', () => {
    expect(isWellFormedText('hi 😀')).toBe(true);
    expect(isWellFormedText('hi \ud83d')).toBe(false);
    expect(isWellFormedText('\ude00 hi')).toBe(false);
    expect(isWellFormedText('\ude00\ud83d')).toBe(false);
  });

  it('lists every problem of a text against its limits', () => {
    expect(textProblems('body', '😀😀😀', 3)).toEqual([]);
    expect(textProblems('body', '😀😀😀😀', 3)).toEqual(['body must be at most 3 characters']);
    expect(textProblems('body', 'x\ud83d', 3)).toEqual(['body must not contain unpaired surrogates']);
    expect(textProblems('name', '', 3, 1)).toEqual(['name must be at least 1 characters']);
  });

  it('validates a DTO property by the same rule', async () => {
    expect(await validate(new Named('😀😀😀'))).toEqual([]);
    const [tooLong] = await validate(new Named('😀😀😀😀'));
    expect(tooLong.constraints).toEqual({ isText: 'name must be at most 3 characters' });
    const [broken] = await validate(new Named('\ud83d'));
    expect(broken.constraints).toEqual({ isText: 'name must not contain unpaired surrogates' });
  });
});
