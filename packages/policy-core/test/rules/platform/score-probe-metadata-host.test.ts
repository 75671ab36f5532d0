import rule, { metadataHost } from '../../../src/rules/platform/score-probe-metadata-host.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes probes without host, with ordinary hosts and with placeholders',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
          readinessProbe:
            httpGet:
              host: 127.0.0.1
              path: /ready
              port: 8080
        side:
          image: nginx:1.27
          livenessProbe:
            httpGet:
              host: \${resources.dns.host}
              path: /
              port: 80
            exec:
              command: ["curl", "http://169.254.169.254/"]
    `,
    expected: [],
  },
  {
    name: 'reports metadata and link-local hosts, one finding per probe',
    yaml: yaml`
      apiVersion: score.dev/v1b1
      metadata:
        name: web
      containers:
        main:
          image: nginx:1.27
          livenessProbe:
            httpGet:
              host: 169.254.169.254
              path: /latest/meta-data/iam/security-credentials/
              port: 80
          readinessProbe:
            httpGet:
              host: metadata.google.internal
              path: /computeMetadata/v1/
              port: 80
        side:
          image: nginx:1.27
          readinessProbe:
            httpGet:
              host: "[fd00:ec2::254]"
              path: /
              port: 80
    `,
    expected: [
      {
        line: 9,
        column: 9,
        message:
          'Container "main" sends its livenessProbe to host "169.254.169.254", the cloud instance metadata service',
        container: 'main',
        severity: 'high',
      },
      {
        line: 14,
        column: 9,
        message: 'readinessProbe to host "metadata.google.internal", the Google Cloud metadata server',
      },
      {
        line: 21,
        column: 9,
        message: 'host "[fd00:ec2::254]", the EC2 IPv6 instance metadata service',
        container: 'side',
      },
    ],
  },
];

describe('score-probe-metadata-host', () => {
  testRuleCases(rule, cases);

  it('recognises metadata and link-local hosts only', () => {
    expect(metadataHost('169.254.170.23')).toContain('link-local');
    expect(metadataHost('100.100.100.200')).toContain('Alibaba');
    expect(metadataHost('METADATA.google.internal.')).toContain('Google');
    expect(metadataHost('fe80::1')).toContain('IPv6 link-local');
    expect(metadataHost('FEBF:0:0::1%eth0')).toContain('IPv6 link-local');
    expect(metadataHost('[fe80::1]')).toContain('IPv6 link-local');
    // A hextet with a leading zero left out is not in fe80::/10 (0fe8 is not fe80).
    expect(metadataHost('fe8::1')).toBeUndefined();
    expect(metadataHost('fec0::1')).toBeUndefined();
    expect(metadataHost('fd00:ec2:0:0:0:0:0:254')).toContain('EC2 IPv6');
    expect(metadataHost('::ffff:169.254.169.254')).toContain('instance metadata service');
    expect(metadataHost('::ffff:a9fe:1')).toContain('link-local address (169.254.0.0/16)');
    expect(metadataHost('::ffff:10.0.0.1')).toBeUndefined();
    expect(metadataHost('169.254.300.1')).toBeUndefined();
    expect(metadataHost('10.0.0.1')).toBeUndefined();
    expect(metadataHost('localhost')).toBeUndefined();
  });
});
