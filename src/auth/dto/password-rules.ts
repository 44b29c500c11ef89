import { ValidateBy, ValidationArguments } from 'class-validator';

interface Registration {
  username?: unknown;
  email?: unknown;
}

/** Why a password is refused, or undefined when it is acceptable. */
function passwordProblem(password: unknown, { username, email }: Registration): string | undefined {
  if (typeof password !== 'string') return undefined;
  if (password.trim() === '') return 'password must not be only whitespace';
  const folded = password.trim().toLowerCase();
  if (typeof username === 'string' && folded === username.toLowerCase()) return 'password must not be the username';
  if (typeof email === 'string' && folded === email.trim().toLowerCase()) return 'password must not be the email';
  return undefined;
}

/** The first guesses of any attacker: the account's own name or email, or blanks that pass a length rule. */
export function IsNotGuessablePassword(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotGuessablePassword',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => !passwordProblem(value, args!.object as Registration),
      defaultMessage: (args?: ValidationArguments) => passwordProblem(args!.value, args!.object as Registration) ?? 'password is not acceptable',
    },
  });
}
