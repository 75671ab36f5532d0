// The light build of Bottleneck (no Redis clustering), the one @octokit/plugin-throttling runs on: the
// package types only its main entry, which has the same API.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
