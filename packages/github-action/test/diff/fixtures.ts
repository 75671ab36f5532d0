/**
 * The hunks of a `pulls.listFiles` patch (no file headers) of a Deployment: hunk 1 is new lines 1-5
 * (3 added), hunk 2 new lines 21-27 (24 and 25 added; old line 23 deleted).
 */
export const TWO_HUNKS = [
  '@@ -1,4 +1,5 @@',
  ' apiVersion: apps/v1',
  ' kind: Deployment',
  '+# owned by team-a',
  ' metadata:',
  '   name: web',
  '@@ -20,6 +21,7 @@ spec:',
  '       containers:',
  '         - name: app',
  '           image: nginx:1.27',
  '-          securityContext: {}',
  '+          securityContext:',
  '+            privileged: true',
  '           ports:',
  '             - containerPort: 80',
];
