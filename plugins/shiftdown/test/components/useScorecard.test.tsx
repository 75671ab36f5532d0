import { act, render, waitFor } from '@testing-library/react';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { TestApiProvider } from '@backstage/test-utils';
import { shiftdownApiRef } from '../../src/api/ShiftdownApi.js';
import { useScorecard } from '../../src/components/useScorecard.js';
import { cleanScorecard, kubernetesEntity, paymentsEntity, riskyScorecard } from '../fixtures.js';
import { fakeShiftdownApi, pending } from '../render.js';

describe('useScorecard', () => {
  it("never shows one entity's scorecard, loaded or refreshed, for another entity", async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockImplementation((ref) =>
      ref.name === 'payments' ? Promise.resolve({ scorecard: riskyScorecard }) : pending(),
    );
    api.refreshScorecard.mockResolvedValue(cleanScorecard);
    // Every render's entity, the score it would show and whether it is loading.
    const renders: Array<[string, number | undefined, boolean]> = [];
    let refresh: () => Promise<void> = async () => undefined;
    function Probe(props: { entity: Entity }) {
      const result = useScorecard(props.entity, { withHistory: false });
      renders.push([stringifyEntityRef(props.entity), result.data?.scorecard?.score, result.loading]);
      refresh = result.refresh;
      return null;
    }
    const inApis = (entity: Entity) => (
      <TestApiProvider
        apis={[
          [shiftdownApiRef, api],
          [alertApiRef, mockApis.alert()],
        ]}
      >
        <Probe entity={entity} />
      </TestApiProvider>
    );

    const { rerender } = render(inApis(paymentsEntity));
    await waitFor(() => expect(renders.at(-1)).toEqual(['component:default/payments', 58, false]));
    await act(() => refresh());
    expect(renders.at(-1)).toEqual(['component:default/payments', 100, false]);

    // The other entity's scorecard never arrives: every render of it is loading, with nothing to show.
    rerender(inApis(kubernetesEntity));
    const checkout = renders.filter(([ref]) => ref === 'component:shop/checkout');
    expect(checkout).not.toHaveLength(0);
    expect(checkout.filter(([, score, loading]) => score !== undefined || !loading)).toEqual([]);
  });
});
