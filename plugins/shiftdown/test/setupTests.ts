import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy* and waitFor return as soon as their condition holds; the 1 s default limit only fails correct
// tests when CI runs every suite at once on 2 cores.
configure({ asyncUtilTimeout: 10000 });

// Known library noise, not signal: React Router 6 warns about its v7 future flags on every render of
// Backstage's test app, Material UI v4's ButtonBase uses findDOMNode under React's StrictMode, and JSS
// cannot insert some of the Backstage sidebar's rules into jsdom's style sheets.
const NOISE = [
  'React Router Future Flag Warning',
  'findDOMNode is deprecated',
  '[JSS] processedRuleToParse is not defined',
];

for (const method of ['warn', 'error'] as const) {
  const original = console[method].bind(console);
  jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && NOISE.some((noise) => (args[0] as string).includes(noise))) {
      return;
    }
    original(...args);
  });
}
