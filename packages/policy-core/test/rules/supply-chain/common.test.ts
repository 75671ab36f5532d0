import { parseImageRef } from '../../../src/model/image.js';
import { decodeBase64 } from '../../../src/util/base64.js';
import { isSecretName as isSecretKeyName } from '../../../src/rules/shared/secrets.js';
import {
  findSecretInText,
  isKeyFileName,
  isMutableReference,
  isNonSecretValue,
  isPublicKeyMaterial,
  listNames,
  literalSecret,
  locationAliases,
  locationPrefixes,
} from '../../../src/rules/supply-chain/common.js';
import { trustedMatcher } from '../../../src/rules/supply-chain/untrusted-registry.js';

describe('supply-chain helpers', () => {
  it.each([
    ['DB_PASSWORD', true],
    ['clientSecret', true],
    ['apiKey', true],
    ['GITHUB_TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['spring.datasource.password', true],
    ['POSTGRES_PASSWORD_FILE', false],
    ['secretName', false],
    ['TOKEN_TTL', false],
    ['TOKEN_AUDIENCE', false],
    ['PASSWORD_POLICY', false],
    ['accessKeyId', false],
    ['LOG_LEVEL', false],
  ])('isSecretKeyName(%s) = %s', (name, expected) => {
    expect(isSecretKeyName(name)).toBe(expected);
  });

  it.each([
    ['changeme', true],
    ['${DB_PASSWORD}', true],
    ['prefix-${X}-suffix', true],
    ['ENC[AES256_GCM,data:abc]', true],
    ['{cipher}abcdef', true],
    ['8080', true],
    ['30s', true],
    ['512Mi', true],
    ['volcano-admission-secret', true],
    ['app-db-credentials', true],
    ['db-secret', false],
    ['my-db-password', false],
    ['hunter22', false],
    ['12345678', false],
    ['s3cr3t-Pa55', false],
    ['redis-pass-123', false],
  ])('isNonSecretValue(%s) = %s', (value, expected) => {
    expect(isNonSecretValue(value)).toBe(expected);
  });

  it.each([
    ['PASSWORD', 'hunter22', { length: 8 }],
    ['NOTE', 'hunter22', undefined],
    ['NOTE', 'AKIAIOSFODNN7EXAMPLE', { kind: 'AWS access key id', length: 20 }],
    ['PASSWORD', '<your password>', undefined],
  ])('literalSecret(%s, %s)', (name, value, expected) => {
    expect(literalSecret(name, value)).toEqual(expected);
  });

  it.each([
    ['a=1\npassword=hunter22\n', { length: 8, line: 2, key: 'password' }],
    ['{\n  "clientSecret": "abc123def",\n}', { length: 9, line: 2, key: 'clientSecret' }],
    ['<db>\n  <password>xml-pass</password>\n</db>', { length: 8, line: 2, key: 'password' }],
    ['# password=commented-out\n', undefined],
    ['password: ${DB_PASSWORD}\n', undefined],
    ['password = os.environ["DB"]\n', undefined],
    ['token: please set the token here\n', undefined],
    ['password: |\n  multi\n', undefined],
    ['url: https://example.com/path\n', undefined],
    ['key: -----BEGIN PRIVATE KEY-----\n', { kind: 'private key', length: 32, line: 1 }],
  ])('findSecretInText(%j)', (text, expected) => {
    expect(findSecretInText(text)).toEqual(expected);
  });

  it.each([
    ['aGVsbG8=', 'hello'],
    ['aGVsbG8gd29ybGQ=', 'hello world'],
    ['aGk=', 'hi'],
    ['', ''],
    ['aGVs\nbG8=', 'hello'],
    ['not base64!', undefined],
    ['abc', undefined],
  ])('decodeBase64(%j) = %j', (text, expected) => {
    expect(decodeBase64(text)).toBe(expected);
  });

  it.each([
    ['tls.key', true],
    ['id_rsa', true],
    ['keystore.jks', true],
    ['.netrc', true],
    ['tls.crt', false],
    ['keys.json', false],
  ])('isKeyFileName(%s) = %s', (name, expected) => {
    expect(isKeyFileName(name)).toBe(expected);
  });

  it('tells public certificates from private keys', () => {
    expect(isPublicKeyMaterial('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')).toBe(true);
    expect(
      isPublicKeyMaterial('-----BEGIN CERTIFICATE-----\nMIIB\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n'),
    ).toBe(false);
  });

  it.each([
    ['nginx', true],
    ['nginx:latest', true],
    ['nginx:1.27', false],
    ['nginx@sha256:abc', false],
    ['nginx:latest@sha256:abc', false],
  ])('isMutableReference(%s) = %s', (image, expected) => {
    expect(isMutableReference(parseImageRef(image))).toBe(expected);
  });

  it('derives location aliases and prefixes', () => {
    expect(locationAliases(parseImageRef('nginx:1.27'))).toEqual([
      'docker.io/library/nginx',
      'docker.io/nginx',
    ]);
    expect(locationAliases(parseImageRef('ghcr.io/acme/app:1'))).toEqual(['ghcr.io/acme/app']);
    expect(locationPrefixes('ghcr.io/acme/app')).toEqual(['ghcr.io', 'ghcr.io/acme', 'ghcr.io/acme/app']);
  });

  it.each([
    [['ghcr.io'], 'ghcr.io/acme/app', true],
    [['ghcr.io/acme/*'], 'ghcr.io/acme/team/app', true],
    [['ghcr.io/acme/*'], 'ghcr.io/acmecorp/app', false],
    [['*.dkr.ecr.*.amazonaws.com'], '1234.dkr.ecr.eu-west-1.amazonaws.com/api', true],
    [['docker.io/library/*'], 'docker.io/bitnami/redis', false],
    [['GHCR.IO/Acme'], 'ghcr.io/acme/app', true],
    [['[invalid'], '[invalid/app', true],
  ])('trustedMatcher(%j)(%s) = %s', (patterns, location, expected) => {
    expect(trustedMatcher(patterns)(location)).toBe(expected);
  });

  it('lists at most three names', () => {
    expect(listNames(['a'])).toBe('"a"');
    expect(listNames(['a', 'b', 'c', 'd', 'e'])).toBe('"a", "b", "c" and 2 more');
  });
});
