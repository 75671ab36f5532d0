import { screen, within } from '@testing-library/react';
import { EntityShiftdownCard } from '../../src/components/EntityShiftdownCard/index.js';
import { cleanScorecard, paymentsEntity, riskyScorecard, unannotatedEntity } from '../fixtures.js';
import { fakeShiftdownApi, pending, pinNow, renderWithApis } from '../render.js';

describe('EntityShiftdownCard', () => {
  beforeEach(pinNow);

  it('shows grade, score, maturity, counts by severity and links to the Security tab', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockResolvedValue({ scorecard: riskyScorecard });
    await renderWithApis(<EntityShiftdownCard />, { api, entity: paymentsEntity });

    expect(await screen.findByLabelText('Grade D')).toHaveTextContent('D');
    expect(screen.getByTestId('shiftdown-score')).toHaveTextContent('58 / 100');
    expect(screen.getByText('Maturity level 1: Basic')).toBeInTheDocument();
    expect(screen.getByText('5 minutes ago')).toHaveAttribute('datetime', '2025-03-01T11:55:00Z');
    const counts = within(screen.getByRole('list', { name: 'Findings by severity' }));
    expect(counts.getAllByRole('listitem').map((chip) => chip.textContent)).toEqual([
      '1 Critical',
      '1 High',
      '1 Medium',
      '0 Low',
    ]);
    expect(screen.getByText('1 suppressed with a reason')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /View security scorecard/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/security',
    );
    // The card needs no history.
    expect(api.getHistory).not.toHaveBeenCalled();
  });

  it('links to a custom tab path', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockResolvedValue({ scorecard: cleanScorecard });
    await renderWithApis(<EntityShiftdownCard tabPath="/kubernetes-security" />, {
      api,
      entity: paymentsEntity,
    });

    expect(await screen.findByRole('link', { name: /View security scorecard/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/kubernetes-security',
    );
    expect(screen.getByLabelText('Grade A+')).toBeInTheDocument();
    expect(screen.queryByText(/suppressed with a reason/)).toBeNull();
  });

  it('says so when the entity has not been scanned yet', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockResolvedValue({});
    await renderWithApis(<EntityShiftdownCard />, { api, entity: paymentsEntity });

    expect(
      await screen.findByText(
        'Not scanned yet. The scorecard appears after the next scheduled scan or CI push.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('shiftdown-score')).toBeNull();
    expect(screen.queryByText(/The backend says/)).toBeNull();
  });

  it('says why there is no scorecard when the backend said why', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockResolvedValue({
      missingReason:
        'no scorecard for component:default/payments: no manifests found at https://github.com/acme/payments/tree/main/deploy/; set the shiftdown.dev/manifests annotation or push a report from CI',
    });
    await renderWithApis(<EntityShiftdownCard />, { api, entity: paymentsEntity });

    expect(
      await screen.findByText(
        'The backend says: no scorecard for component:default/payments: no manifests found at https://github.com/acme/payments/tree/main/deploy/; set the shiftdown.dev/manifests annotation or push a report from CI',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Not scanned yet. The scorecard appears after the next scheduled scan or CI push.'),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockReturnValue(pending());
    await renderWithApis(<EntityShiftdownCard />, { api, entity: paymentsEntity });
    expect(await screen.findByRole('progressbar', { name: 'Loading' })).toBeInTheDocument();
  });

  it('shows the error when the scorecard cannot be loaded', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockRejectedValue(new Error('backend unavailable'));
    await renderWithApis(<EntityShiftdownCard />, { api, entity: paymentsEntity });
    expect(await screen.findByText(/Could not load the Shiftdown scorecard/)).toBeInTheDocument();
    expect(screen.getByText('backend unavailable')).toBeInTheDocument();
  });

  it('shows the missing annotation without calling the backend', async () => {
    const api = fakeShiftdownApi();
    await renderWithApis(<EntityShiftdownCard />, { api, entity: unannotatedEntity });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(api.getScorecard).not.toHaveBeenCalled();
  });
});
