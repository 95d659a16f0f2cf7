// @vitest-environment jsdom
import '../support/dom';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorState } from '../../../renderer/src/components/states';
import { errorNextStep, errorTitle } from '../../../renderer/src/format/errors';
import { toast, useToasts } from '../../../renderer/src/store/toast-store';
import { ERROR_CODES } from '../../../shared/errors';

describe('error states say what failed and what to do next', () => {
  it('titles a Soundcharts failure as such and says what to check', () => {
    render(
      <ErrorState
        error={{
          code: 'soundcharts_error',
          message: 'Soundcharts could not plan the backfill of "Top 200": the request timed out.',
        }}
        onRetry={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Soundcharts could not be reached' })).toBeTruthy();
    expect(screen.getByText(/the request timed out/)).toBeTruthy();
    expect(screen.getByText(/credentials, the plan and its quota, and the network/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('keeps the generic title for unexpected errors', () => {
    render(<ErrorState error={{ code: 'internal', message: 'Boom.' }} />);
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
  });

  it('has a title for every error code the engine can send', () => {
    for (const code of ERROR_CODES) expect(errorTitle(code), code).toMatch(/\w/);
    expect(errorNextStep('soundcharts_error')).toMatch(/credentials/);
  });

  it('adds the next step to an error toast about Soundcharts', () => {
    useToasts.setState({ toasts: [] });
    toast.error('Could not discover charts', {
      code: 'soundcharts_error',
      message: 'The chart catalogue could not be imported: connection reset.',
    });
    const [shown] = useToasts.getState().toasts;
    expect(shown?.detail).toMatch(/connection reset\. Check the Soundcharts credentials/);
  });
});
