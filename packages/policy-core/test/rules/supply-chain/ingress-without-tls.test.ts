import rule, { tlsCovers } from '../../../src/rules/supply-chain/ingress-without-tls.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';
import { expectEveryDocumentRead } from './read-all.js';

const cases: RuleCase[] = [
  {
    name: 'passes Ingresses whose hosts are all covered, TLS entries without hosts, and empty Ingresses',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: shop
      spec:
        tls:
          - hosts: [shop.example.com]
            secretName: shop-tls
          - hosts: ["*.api.example.com"]
            secretName: api-tls
        rules:
          - host: shop.example.com
          - host: v1.api.example.com
          - http:
              paths:
                - path: /
                  pathType: Prefix
                  backend:
                    service:
                      name: web
                      port:
                        number: 80
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: default-cert
      spec:
        tls:
          - secretName: wildcard
        rules:
          - host: anything.example.com
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: nothing-routed
      spec:
        ingressClassName: nginx
    `,
    expected: [],
  },
  {
    name: 'reports an Ingress without spec.tls on spec, naming its hosts',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
      spec:
        ingressClassName: nginx
        rules:
          - host: shop.example.com
          - host: admin.example.com
    `,
    expected: [
      {
        line: 5,
        column: 1,
        message:
          'Ingress "web" serves host "shop.example.com", "admin.example.com" over plain HTTP: it has no spec.tls',
      },
    ],
  },
  {
    name: 'reports a default-backend-only Ingress (every host)',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: catch-all
      spec:
        defaultBackend:
          service:
            name: web
            port:
              number: 80
    `,
    expected: [{ line: 5, message: 'serves every host over plain HTTP' }],
  },
  {
    name: 'reports each host no TLS entry covers; a wildcard covers exactly one label',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: partial
      spec:
        tls:
          - hosts: ["*.example.com"]
            secretName: wildcard
        rules:
          - host: shop.example.com
          - host: example.com
          - host: a.b.example.com
          - host: "\${HOST}"
    `,
    expected: [
      {
        line: 11,
        column: 7,
        message: 'Ingress "partial" routes host "example.com", which no spec.tls entry covers',
      },
      { line: 12, column: 7, message: 'routes host "a.b.example.com"' },
    ],
  },
  {
    name: 'passes certificates attached by cloud controller annotations',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: alb
        annotations:
          alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/abc
      spec:
        rules:
          - host: shop.example.com
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: alb-discovery
        annotations:
          alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS": 443}]'
      spec:
        rules:
          - host: shop.example.com
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: gke
        annotations:
          networking.gke.io/managed-certificates: shop-cert
      spec:
        rules:
          - host: shop.example.com
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: agic
        annotations:
          appgw.ingress.kubernetes.io/appgw-ssl-certificate: shop
      spec:
        rules:
          - host: shop.example.com
    `,
    expected: [],
  },
  {
    name: 'an ALB listening on HTTP only is still reported',
    yaml: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: alb-http
        annotations:
          alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}]'
      spec:
        rules:
          - host: shop.example.com
    `,
    expected: [{ line: 7, message: 'Ingress "alb-http" serves host "shop.example.com" over plain HTTP' }],
  },
];

describe('ingress-without-tls', () => {
  testRuleCases(rule, cases);
  expectEveryDocumentRead(rule, cases);

  it.each([
    ['shop.example.com', 'shop.example.com', true],
    ['SHOP.example.com', 'shop.EXAMPLE.com', true],
    ['*.example.com', 'shop.example.com', true],
    ['*.example.com', '*.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'shopexample.com', false],
    ['shop.example.com', 'www.shop.example.com', false],
  ])('tlsCovers(%s, %s) = %s', (tlsHost, host, covered) => {
    expect(tlsCovers(tlsHost, host)).toBe(covered);
  });
});
