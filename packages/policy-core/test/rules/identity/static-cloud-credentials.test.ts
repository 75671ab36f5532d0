import rule from '../../../src/rules/identity/static-cloud-credentials.js';
import { testRuleCases, yaml, type RuleCase } from '../harness.js';

const cases: RuleCase[] = [
  {
    name: 'passes with workload identity, literal values, ConfigMap key files, other names and unrelated secrets',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: ok
      spec:
        serviceAccountName: uploader
        containers:
          - name: app
            image: app
            env:
              - name: AWS_REGION
                value: eu-west-1
              - name: AWS_ACCESS_KEY_ID
                value: \${AWS_ACCESS_KEY_ID}
              - name: aws_secret_access_key
                valueFrom:
                  secretKeyRef:
                    name: lowercase-is-not-read-by-sdks
                    key: secret
              - name: DB_PASSWORD
                valueFrom:
                  secretKeyRef:
                    name: db
                    key: password
              - name: GOOGLE_APPLICATION_CREDENTIALS
                value: /var/run/gcp/config.json
            volumeMounts:
              - name: gcp-wif
                mountPath: /var/run/gcp
        volumes:
          - name: gcp-wif
            configMap:
              name: wif-config
    `,
    expected: [],
  },
  {
    name: 'reports AWS keys from secretKeyRef once per container, at the first variable',
    yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: uploader
      spec:
        template:
          spec:
            containers:
              - name: uploader
                image: uploader
                env:
                  - name: AWS_ACCESS_KEY_ID
                    valueFrom:
                      secretKeyRef:
                        name: aws
                        key: id
                  - name: AWS_SECRET_ACCESS_KEY
                    valueFrom:
                      secretKeyRef:
                        name: aws
                        key: secret
    `,
    expected: [
      {
        line: 12,
        column: 15,
        container: 'uploader',
        message:
          'Container "uploader" gets long-lived AWS credentials from a Secret (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY from Secret "aws"): anyone who reads them can use them from anywhere until they are rotated; use IAM Roles for Service Accounts (IRSA) or EKS Pod Identity instead.',
      },
    ],
  },
  {
    name: 'reports GOOGLE_APPLICATION_CREDENTIALS pointing into a Secret volume (deepest mount wins)',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: gcp
      spec:
        containers:
          - name: app
            image: app
            env:
              - name: GOOGLE_APPLICATION_CREDENTIALS
                value: /var/secrets/google/key.json
            volumeMounts:
              - name: scratch
                mountPath: /var
              - name: gcp-key
                mountPath: /var/secrets/google
                readOnly: true
        volumes:
          - name: scratch
            emptyDir: {}
          - name: gcp-key
            secret:
              secretName: gcp-sa-key
    `,
    expected: [
      {
        line: 11,
        column: 11,
        message:
          'gets long-lived Google Cloud credentials from a Secret (GOOGLE_APPLICATION_CREDENTIALS (file "/var/secrets/google/key.json") from Secret "gcp-sa-key"): anyone who reads them can use them from anywhere until they are rotated; use GKE Workload Identity Federation instead.',
      },
    ],
  },
  {
    name: 'a key file under a non-Secret deeper mount is not reported',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: gcp
      spec:
        containers:
          - name: app
            image: app
            env:
              - name: GOOGLE_APPLICATION_CREDENTIALS
                value: /etc/creds/gcp/config.json
            volumeMounts:
              - name: all
                mountPath: /etc/creds
              - name: wif
                mountPath: /etc/creds/gcp
        volumes:
          - name: all
            secret:
              secretName: misc
          - name: wif
            configMap:
              name: wif
    `,
    expected: [],
  },
  {
    name: 'reports envFrom a Secret of the scan with credential keys (prefix applied), in init containers too',
    yaml: yaml`
      apiVersion: v1
      kind: Secret
      metadata:
        name: azure
        namespace: jobs
      stringData:
        CLIENT_SECRET: placeholder
        CLIENT_ID: placeholder
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: other
        namespace: jobs
      stringData:
        AWS_SECRET_ACCESS_KEY: placeholder
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: sync
        namespace: jobs
      spec:
        template:
          spec:
            restartPolicy: Never
            initContainers:
              - name: login
                image: az
                envFrom:
                  - secretRef:
                      name: azure
                    prefix: AZURE_
                  - secretRef:
                      name: missing
            containers:
              - name: sync
                image: sync
    `,
    expected: [
      {
        line: 31,
        column: 15,
        container: 'login',
        message:
          'Init container "login" gets long-lived Azure credentials from a Secret (AZURE_CLIENT_SECRET from Secret "azure" (envFrom)): anyone who reads them can use them from anywhere until they are rotated; use Microsoft Entra Workload ID',
      },
    ],
  },
  {
    name: 'reports a Secret mounted over ~/.aws and groups several sources and clouds per container',
    yaml: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: multi
      spec:
        containers:
          - name: tool
            image: tool
            env:
              - name: ALIBABA_CLOUD_ACCESS_KEY_SECRET
                valueFrom:
                  secretKeyRef:
                    name: ali
                    key: secret
              - name: AWS_SECRET_ACCESS_KEY
                valueFrom:
                  secretKeyRef:
                    name: aws-env
                    key: secret
            volumeMounts:
              - name: aws-files
                mountPath: /home/tool/.aws
        volumes:
          - name: aws-files
            projected:
              sources:
                - secret:
                    name: aws-profile
    `,
    expected: [
      {
        line: 10,
        column: 11,
        message:
          'Alibaba Cloud credentials from a Secret (ALIBABA_CLOUD_ACCESS_KEY_SECRET from Secret "ali")',
      },
      {
        line: 15,
        column: 11,
        message:
          'AWS credentials from a Secret (AWS_SECRET_ACCESS_KEY from Secret "aws-env"; credentials directory "/home/tool/.aws" from Secret "aws-profile")',
      },
    ],
  },
];

describe('static-cloud-credentials', () => {
  testRuleCases(rule, cases);
});
