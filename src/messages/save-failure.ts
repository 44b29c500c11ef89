import { AppError } from '../common/errors/app-error';

/** Why a message was not saved; `retryable`: a resend with the same tempId may pass. */
export class SaveFailure extends AppError {
  constructor(
    code: 'STORE.UNAVAILABLE' | 'MESSAGE.REJECTED',
    message: string,
    readonly retryable: boolean,
  ) {
    super(code, message);
  }
}
