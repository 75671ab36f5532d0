import { isUnder } from '../../../src/rules/shared/host-path.js';

describe('isUnder', () => {
  it.each([
    ['/var/lib/kubelet', '/var/lib', true],
    ['/var/lib', '/var/lib', true],
    ['/var/lib/', '/var/lib', true],
    ['/var/library', '/var/lib', false],
    ['/var', '/var/lib', false],
    ['/var/x/../lib/kubelet', '/var/lib', true],
    ['/var/lib/../run', '/var/lib', false],
    [' /etc/kubernetes ', '//etc/./', true],
    ['/anything/at/all', '/', true],
    ['/', '/', true],
    ['/etc', '/../..', true],
    // Relative paths stay as written: `/` holds only absolute ones.
    ['etc/passwd', '/', false],
    ['etc/passwd', '/etc', false],
    ['etc/passwd', 'etc', true],
    ['C:\\Windows', '/', false],
  ])('%j in %j: %s', (path, dir, inside) => {
    expect(isUnder(path, dir)).toBe(inside);
  });
});
